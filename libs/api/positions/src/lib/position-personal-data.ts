import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataRegistry, PersonalDataSection } from '@civitas/api/personal-data';

/**
 * What positions hold about a person: their consultation comments (personal contributions)
 * and, for the office, the consultations they opened and the positions they recorded.
 * Erasure keeps all of it: comments are part of a consultation others read and counted, the
 * office's records are the association's; the account itself is anonymised by the privacy
 * centre, so what stays no longer names them. Nothing here is only about the person.
 */
@Injectable()
export class PositionPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'positions',
      export: (userId, manager) => this.export(userId, manager),
      erase: async () => undefined,
    });
  }

  async export(userId: string, manager: EntityManager): Promise<PersonalDataSection> {
    const [row]: { comments: unknown; consultations: unknown; positions: unknown }[] =
      await manager.query(
        `SELECT
           (SELECT coalesce(json_agg(json_build_object(
              'id', k.id, 'consultationId', c.id, 'consultationTitle', c.title,
              'city', o.name, 'bodyMarkdown', k.body_markdown,
              'createdAt', k.created_at, 'updatedAt', k.updated_at) ORDER BY k.created_at), '[]')
            FROM position_consultation_comment k
            JOIN position_consultation c ON c.id = k.consultation_id
            JOIN organisation o ON o.id = k.organisation_id
            WHERE k.author_id = $1) AS comments,
           (SELECT coalesce(json_agg(json_build_object('id', id, 'title', title,
              'openedAt', opened_at) ORDER BY opened_at), '[]')
            FROM position_consultation WHERE created_by = $1) AS consultations,
           (SELECT coalesce(json_agg(json_build_object('id', id, 'title', title,
              'createdAt', created_at) ORDER BY created_at), '[]')
            FROM position_statement WHERE created_by = $1) AS positions`,
        [userId],
      );
    return {
      data: {
        consultationComments: row.comments,
        consultationsOpened: row.consultations,
        positionsRecorded: row.positions,
      },
    };
  }
}
