import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The newsletter (issue 9): subscribers by e-mail address (double opt-in; only the hash of
 * the confirmation token is kept), the office's issues with their delivery counts, and one
 * delivery row per issue and subscriber (its unsubscribe token's hash, its outcome).
 */
export class Newsletter1764420000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE newsletter_subscriber (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        status text NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED')),
        consent_text_version text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        confirmation_token_hash text UNIQUE,
        confirmation_expires_at timestamptz,
        confirmed_at timestamptz,
        unsubscribed_at timestamptz,
        failure_count integer NOT NULL DEFAULT 0,
        last_error text,
        last_failure_at timestamptz,
        bouncing_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX newsletter_subscriber_pending ON newsletter_subscriber (requested_at) WHERE status = 'PENDING'`,
    );
    await q.query(`
      CREATE TABLE newsletter_issue (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject text NOT NULL,
        body_source text NOT NULL,
        body_html text NOT NULL,
        body_text text NOT NULL,
        created_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        sent_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        queued_count integer NOT NULL DEFAULT 0,
        sent_count integer NOT NULL DEFAULT 0,
        failed_count integer NOT NULL DEFAULT 0,
        skipped_count integer NOT NULL DEFAULT 0
      )`);
    await q.query(
      `CREATE INDEX newsletter_issue_order ON newsletter_issue (created_at DESC, id DESC)`,
    );
    await q.query(`
      CREATE TABLE newsletter_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        issue_id uuid NOT NULL REFERENCES newsletter_issue(id) ON DELETE CASCADE,
        subscriber_id uuid REFERENCES newsletter_subscriber(id) ON DELETE SET NULL,
        status text NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'SKIPPED')),
        unsubscribe_token_hash text UNIQUE,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        finished_at timestamptz,
        UNIQUE (issue_id, subscriber_id)
      )`);
    await q.query(
      `CREATE INDEX newsletter_delivery_subscriber ON newsletter_delivery (subscriber_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE newsletter_delivery`);
    await q.query(`DROP TABLE newsletter_issue`);
    await q.query(`DROP TABLE newsletter_subscriber`);
  }
}
