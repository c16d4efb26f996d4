import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../testing';
import { databaseOptions } from '../lib/database.options';
import { seedDemoData } from './demo.seed';

describe('demo seed: events', () => {
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

  it('brings a year of events of every type and audience, one full with a waiting list', async () => {
    const [span] = await db.query(
      `SELECT min(starts_at) AS first, max(starts_at) AS last, count(*)::int AS n,
              count(DISTINCT type)::int AS types, count(DISTINCT audience)::int AS audiences
       FROM association_event`,
    );
    expect(span.n).toBeGreaterThanOrEqual(12);
    expect(span.types).toBe(5);
    expect(span.audiences).toBe(3);
    expect(span.first.toISOString() < '2026-07-01').toBe(true);
    expect(span.last.toISOString() >= '2027-06-01').toBe(true);
    const full = await db.query(
      `SELECT e.title, r.status, r.city_name FROM association_event e
       JOIN event_registration r ON r.event_id = e.id
       WHERE e.capacity IS NOT NULL AND EXISTS (SELECT 1 FROM event_registration w
         WHERE w.event_id = e.id AND w.status = 'WAITLISTED')
       ORDER BY r.created_at`,
    );
    expect(full.map((r: { status: string }) => r.status)).toEqual([
      'REGISTERED',
      'REGISTERED',
      'WAITLISTED',
    ]);
    expect(full[0].city_name).toBe('Poznań');
    const [invited] = await db.query(
      `SELECT count(*)::int AS n FROM association_event_city ec JOIN organisation o ON o.id = ec.organisation_id
       WHERE o.membership_status <> 'MEMBER'`,
    );
    expect(invited.n).toBeGreaterThanOrEqual(1);
  });
});
