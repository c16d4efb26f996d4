import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-service e-mail change: a request holds the new address and the SHA-256 of the link
 * sent to it; the address changes only when the link is opened. A newer request supersedes
 * the pending one, so each person has at most one.
 */
export class EmailChange1764483000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_change_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        new_email text NOT NULL CHECK (new_email = lower(new_email)),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        superseded_at timestamptz,
        CHECK (confirmed_at IS NULL OR superseded_at IS NULL)
      );
      CREATE INDEX email_change_request_user_idx ON email_change_request (user_id, created_at);
      CREATE UNIQUE INDEX email_change_request_pending ON email_change_request (user_id)
        WHERE confirmed_at IS NULL AND superseded_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE email_change_request`);
  }
}
