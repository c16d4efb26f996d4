import { MigrationInterface, QueryRunner } from 'typeorm';

const POSITION_KINDS = ['POSITION_COMMENT'];

/** Rewrites a notification table's kind CHECK (as the tribunal and events migrations do). */
async function changeKinds(
  q: QueryRunner,
  table: 'notification' | 'notification_preference',
  change: (kinds: string[]) => string[],
): Promise<void> {
  const constraint = `${table}_kind_check`;
  const [row]: { def: string }[] = await q.query(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = $1`,
    [constraint],
  );
  const current = [...row.def.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
  const kinds = [...new Set(change(current))].map((k) => `'${k}'`).join(', ');
  await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${constraint}`);
  await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${constraint} CHECK (kind IN (${kinds}))`);
}

/** The office's notification of a comment on a consultation on a draft position. */
export class PositionNotifications1764400000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    for (const table of ['notification', 'notification_preference'] as const) {
      await changeKinds(q, table, (kinds) => [...kinds, ...POSITION_KINDS]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notification', 'notification_preference'] as const) {
      await q.query(`DELETE FROM ${table} WHERE kind = ANY($1::text[])`, [POSITION_KINDS]);
      await changeKinds(q, table, (kinds) => kinds.filter((k) => !POSITION_KINDS.includes(k)));
    }
  }
}
