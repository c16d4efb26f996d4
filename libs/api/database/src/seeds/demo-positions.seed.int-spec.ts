import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../testing';
import { databaseOptions } from '../lib/database.options';
import { seedDemoData } from './demo.seed';

describe('demo seed: positions and consultations', () => {
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

  it('brings a library of every type, searchable in Polish, and an adopted and an open consultation', async () => {
    const types: { type: string; n: number }[] = await db.query(
      `SELECT type, count(*)::int AS n FROM position_statement GROUP BY type ORDER BY type`,
    );
    expect(types.map((t) => t.type)).toEqual(['INVITATION', 'POSITION', 'PROGRAMME', 'RESOLUTION']);
    const [hit] = await db.query(
      `SELECT title FROM position_statement
       WHERE search @@ websearch_to_tsquery('civitas_search', 'dochody samorzadu')
       ORDER BY ts_rank_cd(search, websearch_to_tsquery('civitas_search', 'dochody samorzadu')) DESC LIMIT 1`,
    );
    expect(hit.title).toMatch(/o dochodach jednostek samorządu terytorialnego/);
    const consultations: { open: boolean; adopted: boolean; comments: number; cities: number }[] =
      await db.query(
        `SELECT c.closes_at > now() AS open,
           EXISTS (SELECT 1 FROM position_statement s WHERE s.consultation_id = c.id) AS adopted,
           (SELECT count(*)::int FROM position_consultation_comment k WHERE k.consultation_id = c.id) AS comments,
           (SELECT count(DISTINCT organisation_id)::int FROM position_consultation_comment k
            WHERE k.consultation_id = c.id) AS cities
         FROM position_consultation c ORDER BY c.opened_at`,
      );
    expect(consultations).toEqual([
      { open: false, adopted: true, comments: 2, cities: 2 },
      { open: true, adopted: false, comments: 1, cities: 1 },
    ]);
  });
});
