import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataRegistry } from '@civitas/api/personal-data';

/**
 * Tribunal cases a person asked their city to join and the cases they follow. Erasure
 * deletes the follows; join requests are the city's and stay.
 */
@Injectable()
export class TribunalPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'tribunal',
      export: async (userId: string, manager: EntityManager) => {
        const [joinRequests, follows] = [
          await manager.query(
            `SELECT c.title AS "case", o.name AS city, cc.status, cc.created_at AS "createdAt"
             FROM tribunal_case_city cc JOIN tribunal_case c ON c.id = cc.case_id
             JOIN organisation o ON o.id = cc.organisation_id
             WHERE cc.requested_by = $1 ORDER BY cc.created_at`,
            [userId],
          ),
          await manager.query(
            `SELECT c.title AS "case", f.following FROM tribunal_follow f
             JOIN tribunal_case c ON c.id = f.case_id WHERE f.user_id = $1 ORDER BY c.title`,
            [userId],
          ),
        ];
        return { data: { joinRequests, follows } };
      },
      erase: async (userId: string, manager: EntityManager) => {
        await manager.query(`DELETE FROM tribunal_follow WHERE user_id = $1`, [userId]);
      },
    });
  }
}
