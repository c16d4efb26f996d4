import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The consent log (issue 9): one append-only table for every consent in the product.
 * A trigger refuses UPDATE and DELETE unless the transaction set `civitas.erasure`
 * (the privacy centre's erasure blanks e-mails; nothing else may touch a record).
 * Also the account's restriction of processing (RODO art. 18), which directories and
 * mailings of every domain must respect from the day it exists.
 */
export class ConsentLog1764390000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN processing_restricted_at timestamptz`);
    await q.query(`
      CREATE TABLE consent_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES app_user(id),
        email text CHECK (email IS NULL OR email = lower(email)),
        purpose text NOT NULL
          CHECK (purpose IN ('NEWSLETTER', 'EMAIL_NOTIFICATIONS', 'EVENT_DATA_SHARING')),
        action text NOT NULL CHECK (action IN ('GRANTED', 'WITHDRAWN')),
        text_version text NOT NULL,
        source text NOT NULL,
        erased_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (user_id IS NOT NULL OR email IS NOT NULL OR erased_at IS NOT NULL)
      )`);
    await q.query(
      `CREATE INDEX consent_record_user_idx ON consent_record (user_id, purpose, created_at DESC)
       WHERE user_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX consent_record_email_idx ON consent_record (email, purpose, created_at DESC)
       WHERE email IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX consent_record_created_idx ON consent_record (created_at DESC, id)`,
    );
    await q.query(`
      CREATE FUNCTION consent_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND current_setting('civitas.erasure', true) = 'on' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'consent_record is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER consent_record_append_only BEFORE UPDATE OR DELETE ON consent_record
      FOR EACH ROW EXECUTE FUNCTION consent_record_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE consent_record`);
    await q.query(`DROP FUNCTION consent_record_append_only()`);
    await q.query(`ALTER TABLE app_user DROP COLUMN processing_restricted_at`);
  }
}
