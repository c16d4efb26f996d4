import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataRegistry } from '@civitas/api/personal-data';

/**
 * Opinion requests a person filed and what they wrote in their discussions. They stay on
 * erasure: a request is the city's, and the discussion must still read (under the
 * anonymous name).
 */
@Injectable()
export class OpinionsPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'opinions',
      export: async (userId: string, manager: EntityManager) => {
        const [requests, messages, transitions] = [
          await manager.query(
            `SELECT id, subject, state, question_source AS question, facts_source AS facts,
                    area_of_law AS "areaOfLaw", desired_date AS "desiredDate",
                    created_at AS "createdAt", submitted_at AS "submittedAt"
             FROM opinion_request WHERE requester_id = $1 OR expert_id = $1 ORDER BY created_at`,
            [userId],
          ),
          await manager.query(
            `SELECT r.subject AS request, m.audience, m.body_source AS body, m.created_at AS "createdAt"
             FROM opinion_discussion_message m JOIN opinion_request r ON r.id = m.request_id
             WHERE m.author_id = $1 ORDER BY m.created_at`,
            [userId],
          ),
          await manager.query(
            `SELECT r.subject AS request, t.from_state AS "from", t.to_state AS "to", t.comment,
                    t.created_at AS "createdAt"
             FROM opinion_request_transition t JOIN opinion_request r ON r.id = t.request_id
             WHERE t.actor_id = $1 ORDER BY t.created_at`,
            [userId],
          ),
        ];
        return { data: { requests, discussionMessages: messages, transitions } };
      },
      erase: async () => undefined,
    });
  }
}
