import { MigrationInterface, QueryRunner } from 'typeorm';
import { addNotificationKinds, removeNotificationKinds } from './notification-kinds';

/**
 * Organisers cancel an event (it stays, marked with who, when and why) and tell everyone
 * registered or waitlisted; the EVENT_CANCELLED notification is the bell's part of that.
 */
export class EventCancellation1764460000000 implements MigrationInterface {
  name = 'EventCancellation1764460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE association_event
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancelled_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        ADD COLUMN cancellation_reason text CHECK (length(btrim(cancellation_reason)) BETWEEN 3 AND 500),
        ADD CONSTRAINT association_event_cancelled_reason
          CHECK ((cancelled_at IS NULL) = (cancellation_reason IS NULL))
    `);
    await addNotificationKinds(q, ['EVENT_CANCELLED']);
  }

  async down(q: QueryRunner): Promise<void> {
    await removeNotificationKinds(q, ['EVENT_CANCELLED']);
    await q.query(`
      ALTER TABLE association_event DROP CONSTRAINT association_event_cancelled_reason,
        DROP COLUMN cancellation_reason, DROP COLUMN cancelled_by_id, DROP COLUMN cancelled_at
    `);
  }
}
