import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The consent log's former addresses of a person: when an account's e-mail changes, the
 * records kept under the old address (newsletter consents, by address) stay as they are —
 * the log is append-only — and this row says they are the person's up to `left_at`, so the
 * account's export and erasure still reach them. Records written under that address later
 * are not (it may be someone else's by then). Erasure deletes the rows.
 */
export class ConsentFormerAddress1764486000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consent_former_address (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        email text NOT NULL CHECK (email = lower(email)),
        left_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, email, left_at)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE consent_former_address`);
  }
}
