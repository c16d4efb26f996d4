import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../testing';
import { databaseOptions } from '../lib/database.options';
import { searchDictionary } from '../lib/prepare-database';
import { seedDemoData } from './demo.seed';

describe('demo good practices', () => {
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

  it('seeds forty practices of member cities across areas, most published, some in review', async () => {
    const [row] = await db.query(`
      SELECT count(*)::int AS total,
        count(*) FILTER (WHERE p.status = 'PUBLISHED')::int AS published,
        count(DISTINCT p.area_code)::int AS areas,
        count(DISTINCT p.organisation_id)::int AS cities,
        count(*) FILTER (WHERE o.membership_status <> 'MEMBER')::int AS outsiders,
        count(*) FILTER (WHERE p.status = 'PUBLISHED' AND p.verification_source IS NULL)::int AS unverified
      FROM good_practice p JOIN organisation o ON o.id = p.organisation_id`);
    expect(row.total).toBe(40);
    expect(row.published).toBe(35);
    expect(row.areas).toBeGreaterThanOrEqual(14);
    expect(row.cities).toBeGreaterThanOrEqual(30);
    expect(row).toMatchObject({ outsiders: 0, unverified: 0 });
    const statuses = await db.query(`SELECT DISTINCT status FROM good_practice ORDER BY status`);
    expect(statuses.map((s: { status: string }) => s.status)).toEqual([
      'ARCHIVED',
      'DRAFT',
      'IN_REVIEW',
      'PUBLISHED',
      'SUBMITTED',
    ]);
    const [{ words }] = await db.query(`SELECT count(*)::int AS words FROM practice_word`);
    expect(words).toBeGreaterThan(500);
  });

  it('finds the Łódź schools practice for "szkoly lodz" with the Polish dictionary', async () => {
    const query =
      (await searchDictionary(db)) === 'Polish (hunspell)' ? 'szkoly lodz' : 'szkół łodzi';
    const hits = await db.query(
      `SELECT title FROM good_practice WHERE status = 'PUBLISHED'
       AND search @@ websearch_to_tsquery('civitas_search', $1)`,
      [query],
    );
    expect(hits.map((h: { title: string }) => h.title)).toContain(
      'Centrum Usług Wspólnych dla szkół w Łodzi',
    );
  });
});
