import { MigrationInterface, QueryRunner } from 'typeorm';
import { addNotificationKinds, removeNotificationKinds } from './notification-kinds';

const PRIVACY_KINDS = ['PRIVACY_REQUEST_FILED', 'PRIVACY_REQUEST_DEADLINE'];

/**
 * The office is told of each data-subject request it must answer, and reminded of its
 * deadline: `privacy_request_reminder` records each stage sent, so no stage is sent twice
 * (restarts, several processes). It holds no personal data.
 */
export class PrivacyRequestAlerts1764470000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await addNotificationKinds(q, PRIVACY_KINDS);
    await q.query(`
      CREATE TABLE privacy_request_reminder (
        request_id uuid NOT NULL REFERENCES privacy_request(id) ON DELETE CASCADE,
        stage text NOT NULL CHECK (stage IN ('DUE_SOON', 'DUE_TODAY', 'OVERDUE')),
        run_date date NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (request_id, stage)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE privacy_request_reminder`);
    await removeNotificationKinds(q, PRIVACY_KINDS);
  }
}
