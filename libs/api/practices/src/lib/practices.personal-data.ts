import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataRegistry } from '@civitas/api/personal-data';

/**
 * Good practices a person wrote or is the contact for, their bookmarks and their
 * "we want to adopt this". Erasure deletes bookmarks and interests and removes them as
 * contact person; the practices stay with their city.
 */
@Injectable()
export class PracticesPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'practices',
      export: async (userId: string, manager: EntityManager) => {
        const [practices, bookmarks, interests] = [
          await manager.query(
            `SELECT id, title, status, (author_id = $1) AS "author",
                    (contact_person_id = $1) AS "contactPerson",
                    created_at AS "createdAt", updated_at AS "updatedAt", submitted_at AS "submittedAt"
             FROM good_practice WHERE author_id = $1 OR contact_person_id = $1 ORDER BY created_at`,
            [userId],
          ),
          await manager.query(
            `SELECT p.title, b.created_at AS "createdAt"
             FROM practice_bookmark b JOIN good_practice p ON p.id = b.practice_id
             WHERE b.user_id = $1 ORDER BY b.created_at`,
            [userId],
          ),
          await manager.query(
            `SELECT p.title, i.message, i.created_at AS "createdAt"
             FROM practice_interest i JOIN good_practice p ON p.id = i.practice_id
             WHERE i.user_id = $1 ORDER BY i.created_at`,
            [userId],
          ),
        ];
        return { data: { practices, bookmarks, adoptionInterest: interests } };
      },
      erase: async (userId: string, manager: EntityManager) => {
        await manager.query(`DELETE FROM practice_bookmark WHERE user_id = $1`, [userId]);
        await manager.query(`DELETE FROM practice_interest WHERE user_id = $1`, [userId]);
        await manager.query(
          `UPDATE good_practice SET contact_person_id = NULL WHERE contact_person_id = $1`,
          [userId],
        );
      },
    });
  }
}
