import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../testing';
import { databaseOptions } from '../lib/database.options';
import { seedDemoData } from './demo.seed';

describe('demo seed', () => {
  let database: TestDatabase;
  let db: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = await new DataSource(databaseOptions({ url: database.url, poolSize: 1 })).initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('creates a dozen working groups with coordinators and members, once', async () => {
    expect(await seedDemoData(db)).toEqual({ created: true });
    const groups: { name: string; visibility: string; coordinators: number; members: number }[] =
      await db.query(`
        SELECT g.name, g.visibility,
               count(*) FILTER (WHERE m.role = 'COORDINATOR')::int AS coordinators,
               count(*)::int AS members
        FROM working_group g JOIN group_membership m ON m.group_id = g.id
        GROUP BY g.id ORDER BY g.name`);
    expect(groups).toHaveLength(12);
    expect(groups.every((g) => g.coordinators >= 1)).toBe(true);
    expect(new Set(groups.map((g) => g.visibility))).toEqual(
      new Set(['OPEN', 'REQUEST', 'INVITE', 'SECRET']),
    );
    // Guests and experts belong only to groups open to guests, and coordinate none.
    const outsiders = await db.query(`
      SELECT g.name, m.role FROM group_membership m
      JOIN app_user u ON u.id = m.user_id JOIN working_group g ON g.id = m.group_id
      WHERE u.role IN ('GUEST', 'EXPERT') AND (NOT g.open_to_guests OR m.role = 'COORDINATOR')`);
    expect(outsiders).toEqual([]);
    const [{ requests, invitations }] = await db.query(`
      SELECT (SELECT count(*)::int FROM group_join_request WHERE status = 'PENDING') AS requests,
             (SELECT count(*)::int FROM group_invitation WHERE status = 'PENDING') AS invitations`);
    expect({ requests, invitations }).toEqual({ requests: 1, invitations: 1 });
    // Forum threads with replies in several groups, every author a member of the group.
    const [forum] = await db.query(`
      SELECT count(DISTINCT t.group_id)::int AS groups, count(DISTINCT t.id)::int AS threads,
             count(*)::int AS posts,
             count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM group_membership m
               WHERE m.group_id = t.group_id AND m.user_id = p.author_id))::int AS outsiders,
             count(*) FILTER (WHERE t.post_count < p.seq)::int AS misnumbered
      FROM forum_thread t JOIN forum_post p ON p.thread_id = t.id`);
    expect(forum.groups).toBeGreaterThanOrEqual(4);
    expect(forum.posts).toBeGreaterThan(forum.threads);
    expect({ outsiders: forum.outsiders, misnumbered: forum.misnumbered }).toEqual({
      outsiders: 0,
      misnumbered: 0,
    });
    // A chat with history: numbered 1…n like the counter, every author a member.
    const [chat] = await db.query(`
      SELECT count(*)::int AS messages, max(m.seq)::int AS last, min(m.seq)::int AS first,
             max(c.last_seq)::int AS counter,
             count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM group_membership gm
               WHERE gm.group_id = m.group_id AND gm.user_id = m.author_id))::int AS outsiders
      FROM chat_message m JOIN chat_group_counter c ON c.group_id = m.group_id`);
    expect(chat.messages).toBeGreaterThan(0);
    expect(chat).toEqual({
      messages: chat.messages,
      first: 1,
      last: chat.messages,
      counter: chat.messages,
      outsiders: 0,
    });
    expect(await seedDemoData(db)).toEqual({ created: false });
  });
});
