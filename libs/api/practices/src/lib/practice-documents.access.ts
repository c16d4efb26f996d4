import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DocumentOwnerKind, hasPermission, Permission, Role } from '@civitas/shared/domain';
import type { AuthUser } from '@civitas/api/auth';
import { DocumentAccessRegistry } from '@civitas/api/documents';

/**
 * A practice's attachments (owner kind PRACTICE, owner id: the practice's id), registered
 * with documents at start (documents never import practices):
 * - read: whoever may read the practice — published and archived ones every reader of
 *   practices (not guests), drafts and submissions their author, their city admin, the office;
 * - add: the author and their city admin while it is a DRAFT (with the rest of the entry), and
 *   the office at any time before it is archived;
 * - manage (delete anyone's, restore): the author, their city admin and the office.
 * No quota. Practices are never deleted; every change of status locks the row FOR UPDATE, so
 * the upload's final step re-checks `write` on the row locked FOR SHARE.
 */
@Injectable()
export class PracticeDocumentsAccess implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: DocumentAccessRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(DocumentOwnerKind.PRACTICE, {
      folders: false,
      canRead: (user, ids) => this.allowed(user, ids, 'read'),
      canWrite: (user, ids) => this.allowed(user, ids, 'write'),
      canManage: (user, ids) => this.allowed(user, ids, 'manage'),
      quotaScopes: async () => new Map(),
      lockOwner: async (tx, id, user) => (await this.allowed(user, [id], 'write', tx)).has(id),
    });
  }

  /** `lockIn`: in that transaction, the rows locked FOR SHARE (an upload's final step). */
  private async allowed(
    user: AuthUser,
    practiceIds: readonly string[],
    level: 'read' | 'write' | 'manage',
    lockIn?: EntityManager,
  ): Promise<Set<string>> {
    if (!hasPermission(user.role, Permission.PRACTICES_READ)) return new Set();
    const office = user.role === Role.OFFICE_ADMIN;
    const cityAdmin = user.role === Role.CITY_ADMIN;
    const rows: { id: string }[] = await (lockIn ?? this.db.manager).query(
      `SELECT p.id FROM good_practice p
       WHERE p.id = ANY($1::uuid[])
         AND CASE $5
           WHEN 'read' THEN $3 OR p.status IN ('PUBLISHED', 'ARCHIVED') OR p.author_id = $2
             OR ($4 AND p.organisation_id = $6)
           WHEN 'write' THEN ($3 AND p.status <> 'ARCHIVED') OR (p.status = 'DRAFT'
             AND (p.author_id = $2 OR ($4 AND p.organisation_id = $6)))
           ELSE $3 OR p.author_id = $2 OR ($4 AND p.organisation_id = $6) END
       ${lockIn ? 'FOR SHARE' : ''}`,
      [practiceIds, user.id, office, cityAdmin, level, user.organisationId],
    );
    return new Set(rows.map((r) => r.id));
  }
}
