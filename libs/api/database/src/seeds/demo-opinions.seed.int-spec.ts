import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../testing';
import { databaseOptions } from '../lib/database.options';
import { seedDemoData } from './demo.seed';

describe('demo seed: expert opinions', () => {
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

  it("gives Łódź's legal officer requests in every stage and the library seven opinions", async () => {
    const states: { state: string; n: number }[] = await db.query(
      `SELECT r.state, count(*)::int AS n FROM opinion_request r
       JOIN app_user u ON u.id = r.requester_id
       WHERE u.email = 'prawnik.lodz@civitas.local' GROUP BY r.state ORDER BY r.state`,
    );
    expect(Object.fromEntries(states.map((s) => [s.state, s.n]))).toEqual({
      DRAFT: 1,
      SUBMITTED: 1,
      NEEDS_INFO: 1,
      IN_PROGRESS: 2,
      DELIVERED: 1,
      RELEASED: 7,
    });
    const [experts] = await db.query(
      `SELECT count(DISTINCT u.email)::int AS n, min(u.email) AS email FROM opinion_request r
       JOIN app_user u ON u.id = r.expert_id`,
    );
    expect(experts).toEqual({ n: 1, email: 'ekspert@civitas.local' });
    const [library] = await db.query(
      `SELECT count(*)::int AS published, count(*) FILTER (WHERE redacted)::int AS redacted,
              count(DISTINCT extract(year FROM released_at))::int AS years
       FROM published_opinion`,
    );
    expect(library.published).toBe(7);
    expect(library.redacted).toBe(1);
    expect(library.years).toBeGreaterThanOrEqual(2);
    // Polish-aware search over the library: "odpady domki" finds "odpady od domków".
    const [{ found }] = await db.query(
      `SELECT count(*)::int AS found FROM published_opinion
       WHERE search @@ websearch_to_tsquery('civitas_search', 'odpady domki letniskowe')`,
    );
    expect(found).toBe(1);
    // One overdue and one due soon, for the dashboard and the reminder.
    const [flags] = await db.query(
      `SELECT count(*) FILTER (WHERE due_date < current_date)::int AS overdue,
              count(*) FILTER (WHERE due_date BETWEEN current_date AND current_date + 3)::int AS soon
       FROM opinion_request WHERE state IN ('ACCEPTED', 'IN_PROGRESS')`,
    );
    expect(flags).toEqual({ overdue: 1, soon: 1 });
  });
});
