import { MigrationInterface, QueryRunner } from 'typeorm';
import { addNotificationKinds, removeNotificationKinds } from './notification-kinds';

const KINDS = ['POSITION_CONSULTATION_OPENED', 'POSITION_CONSULTATION_EXTENDED'];

/** Officials of member cities are told when a consultation opens and when it is extended. */
export class ConsultationOpenedNotifications1764475000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await addNotificationKinds(q, KINDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await removeNotificationKinds(q, KINDS);
  }
}
