import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DocumentOwnerKind, hasPermission, Permission } from '@civitas/shared/domain';
import type { AuthUser } from '@civitas/api/auth';
import { DocumentAccessRegistry } from '@civitas/api/documents';
import { PositionAccess } from './position-access';

/**
 * The files of the library and of consultations, registered with documents at start
 * (documents never import positions):
 * - POSITION_STATEMENT (owner id: the position's id): every reader of the library; the
 *   office adds and manages;
 * - POSITION_CONSULTATION (the draft, owner id: the consultation's id): whoever reads the
 *   consultation (the office, officials of member cities); the office adds and manages.
 * Anyone else gets NOT_FOUND from documents. No quota.
 */
@Injectable()
export class PositionDocumentsAccess implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: PositionAccess,
    private readonly registry: DocumentAccessRegistry,
  ) {}

  private async existing(table: string, ids: readonly string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * FOR SHARE: waits for a deletion holding the row FOR UPDATE, and holds one off. Adding
   * rests on the role alone (the office), which an upload cannot outlive.
   */
  private lockOwner(table: string) {
    return async (tx: EntityManager, id: string): Promise<boolean> =>
      (await tx.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR SHARE`, [id])).length > 0;
  }

  onModuleInit(): void {
    const office = (user: AuthUser) => this.access.isOffice(user);
    const statements = async (user: AuthUser, ids: readonly string[], write: boolean) =>
      hasPermission(user.role, Permission.POSITIONS_READ) && (!write || office(user))
        ? this.existing('position_statement', ids)
        : new Set<string>();
    this.registry.register(DocumentOwnerKind.POSITION_STATEMENT, {
      folders: false,
      canRead: (user, ids) => statements(user, ids, false),
      canWrite: (user, ids) => statements(user, ids, true),
      canManage: (user, ids) => statements(user, ids, true),
      quotaScopes: async () => new Map(),
      lockOwner: this.lockOwner('position_statement'),
    });
    const consultations = async (user: AuthUser, ids: readonly string[], write: boolean) =>
      (write ? office(user) : await this.access.mayReadConsultations(user))
        ? this.existing('position_consultation', ids)
        : new Set<string>();
    this.registry.register(DocumentOwnerKind.POSITION_CONSULTATION, {
      folders: false,
      canRead: (user, ids) => consultations(user, ids, false),
      canWrite: (user, ids) => consultations(user, ids, true),
      canManage: (user, ids) => consultations(user, ids, true),
      quotaScopes: async () => new Map(),
      lockOwner: this.lockOwner('position_consultation'),
    });
  }
}
