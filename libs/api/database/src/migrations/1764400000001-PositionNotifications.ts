import { MigrationInterface, QueryRunner } from 'typeorm';
import { addNotificationKinds, removeNotificationKinds } from './notification-kinds';

const POSITION_KINDS = ['POSITION_COMMENT'];

/** The office's notification of a comment on a consultation on a draft position. */
export class PositionNotifications1764400000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await addNotificationKinds(q, POSITION_KINDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await removeNotificationKinds(q, POSITION_KINDS);
  }
}
