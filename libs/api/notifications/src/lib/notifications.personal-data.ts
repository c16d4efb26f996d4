import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ERASED_PERSON_NAME } from '@civitas/shared/domain';
import { PersonalDataRegistry } from '@civitas/api/personal-data';

/**
 * A person's notifications and e-mail preferences. Erasure deletes them, and renames the
 * person in other people's notifications about what they did (the payload keeps the actor's
 * name as it was when notified).
 */
@Injectable()
export class NotificationsPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'notifications',
      export: async (userId: string, manager: EntityManager) => {
        const [notifications, preferences] = [
          await manager.query(
            `SELECT kind, payload, created_at AS "createdAt", read_at AS "readAt"
             FROM notification WHERE recipient_id = $1 ORDER BY seq`,
            [userId],
          ),
          await manager.query(
            `SELECT kind, email, updated_at AS "updatedAt"
             FROM notification_preference WHERE user_id = $1 ORDER BY kind`,
            [userId],
          ),
        ];
        return { data: { notifications, emailPreferences: preferences } };
      },
      erase: async (userId: string, manager: EntityManager) => {
        await manager.query(`DELETE FROM notification WHERE recipient_id = $1`, [userId]);
        await manager.query(`DELETE FROM notification_preference WHERE user_id = $1`, [userId]);
        await manager.query(`DELETE FROM notification_unsubscribe_token WHERE user_id = $1`, [
          userId,
        ]);
        await manager.query(
          `UPDATE notification SET payload = payload || jsonb_build_object('actorName', $2::text)
           WHERE actor_id = $1 AND payload ? 'actorName'`,
          [userId, ERASED_PERSON_NAME],
        );
      },
    });
  }
}
