import { QueryRunner } from 'typeorm';

const TABLES = ['notification', 'notification_preference'] as const;

/**
 * Rewrites the kind CHECK of both notification tables to the kinds they allow now, changed by
 * `change`: each domain adds its kinds in its own migration, in any order. Reads the current
 * constraint rather than listing kinds, so a migration never needs to know the others'.
 */
async function changeKinds(q: QueryRunner, change: (kinds: string[]) => string[]): Promise<void> {
  for (const table of TABLES) {
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
}

/** Lets notifications and preferences of `kinds` be stored. */
export function addNotificationKinds(q: QueryRunner, kinds: readonly string[]): Promise<void> {
  return changeKinds(q, (current) => [...current, ...kinds]);
}

/** The reverse: deletes notifications and preferences of `kinds`, then forbids them. */
export async function removeNotificationKinds(
  q: QueryRunner,
  kinds: readonly string[],
): Promise<void> {
  for (const table of TABLES) {
    await q.query(`DELETE FROM ${table} WHERE kind = ANY($1::text[])`, [kinds]);
  }
  await changeKinds(q, (current) => current.filter((k) => !kinds.includes(k)));
}
