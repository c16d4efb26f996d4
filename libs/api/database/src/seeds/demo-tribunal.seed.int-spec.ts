import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../testing';
import { databaseOptions } from '../lib/database.options';
import { seedDemoData } from './demo.seed';

describe('demo seed: tribunal cases', () => {
  let database: TestDatabase;
  let db: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = await new DataSource(databaseOptions({ url: database.url, poolSize: 1 })).initialize();
    await seedDemoData(db);
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('brings three cases at different stages, cities with resolutions, a running deadline and a link', async () => {
    const cases: { kind: string; stage: string; cities: number; entries: number }[] =
      await db.query(
        `SELECT c.kind, c.stage,
           (SELECT count(*)::int FROM tribunal_case_city WHERE case_id = c.id) AS cities,
           (SELECT count(*)::int FROM tribunal_stage_entry WHERE case_id = c.id) AS entries
         FROM tribunal_case c ORDER BY c.title`,
      );
    expect(cases).toEqual([
      { kind: 'K', stage: 'DEFECTS_CALL', cities: 3, entries: 4 },
      { kind: 'K', stage: 'HEARING_SCHEDULED', cities: 2, entries: 7 },
      { kind: 'U', stage: 'PREPARATION', cities: 2, entries: 1 },
    ]);
    const [running] = await db.query(
      `SELECT deadline - delivered_on AS days, deadline >= (now() AT TIME ZONE 'Europe/Warsaw')::date AS open
       FROM tribunal_stage_entry WHERE stage = 'DEFECTS_CALL'`,
    );
    expect(running.days).toBeGreaterThanOrEqual(7);
    expect(running.open).toBe(true);
    const [{ links }] = await db.query(`SELECT count(*)::int AS links FROM tribunal_case_link`);
    expect(links).toBe(1);
  });
});
