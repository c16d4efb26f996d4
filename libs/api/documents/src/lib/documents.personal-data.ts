import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataRegistry } from '@civitas/api/personal-data';

/**
 * The files a person uploaded: listed with every version they added, and the current
 * content of each document they created put into the export's archive. Erasure leaves them
 * where they are: a file in a group's library belongs to the group.
 */
@Injectable()
export class DocumentsPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'documents',
      export: async (userId: string, manager: EntityManager) => {
        const [documents, versions]: [
          { id: string; name: string; deletedAt: Date | null }[],
          unknown[],
        ] = [
          await manager.query(
            `SELECT d.id, d.name, d.owner_kind AS "ownerKind", d.created_at AS "createdAt",
                    d.deleted_at AS "deletedAt"
             FROM document d WHERE d.created_by_id = $1 ORDER BY d.created_at`,
            [userId],
          ),
          await manager.query(
            `SELECT d.name AS document, v.number, v.size::text AS size,
                    v.content_type AS "contentType", v.note, v.created_at AS "createdAt"
             FROM document_version v JOIN document d ON d.id = v.document_id
             WHERE v.uploaded_by_id = $1 ORDER BY v.created_at`,
            [userId],
          ),
        ];
        return {
          data: { documents, versions },
          files: documents
            .filter((d) => !d.deletedAt)
            .map((d) => ({ documentId: d.id, name: d.name })),
        };
      },
      erase: async () => undefined,
    });
  }
}
