import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataRegistry } from '@civitas/api/personal-data';

/**
 * A person's group chat: their messages (kept on erasure, under the anonymous name, so
 * conversations still read) and where they stopped reading (deleted on erasure).
 */
@Injectable()
export class ChatPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'chat',
      export: async (userId: string, manager: EntityManager) => {
        const [messages, readState] = [
          await manager.query(
            `SELECT m.id, g.name AS "group", m.body_source AS body, m.created_at AS "createdAt",
                    m.edited_at AS "editedAt", m.deleted_at AS "deletedAt"
             FROM chat_message m JOIN working_group g ON g.id = m.group_id
             WHERE m.author_id = $1 ORDER BY m.created_at`,
            [userId],
          ),
          await manager.query(
            `SELECT g.name AS "group", r.read_seq AS "lastReadMessage", r.updated_at AS "updatedAt"
             FROM chat_read_state r JOIN working_group g ON g.id = r.group_id
             WHERE r.user_id = $1 ORDER BY g.name`,
            [userId],
          ),
        ];
        return { data: { messages, readState } };
      },
      erase: async (userId: string, manager: EntityManager) => {
        await manager.query(`DELETE FROM chat_read_state WHERE user_id = $1`, [userId]);
      },
    });
  }
}
