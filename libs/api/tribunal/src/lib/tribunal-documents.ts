import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DocumentOwnerKind, Role, TribunalStage } from '@civitas/shared/domain';
import type { AuthUser } from '@civitas/api/auth';
import { DocumentAccessRegistry } from '@civitas/api/documents';
import { TribunalCasesService } from './tribunal-cases.service';

/**
 * The documents of tribunal cases (owner id: the case's id), batched over cases:
 * - TRIBUNAL_CASE (draft motions, internal notes): the office and the parties (the
 *   applicant and co-applicant cities' legal officers and admins) read and add; the office
 *   manages.
 * - TRIBUNAL_STAGE (the filed motion, the Tribunal's letters and judgment): everyone who
 *   reads the case; the office adds and manages.
 * - TRIBUNAL_RESOLUTION (a council's resolution): everyone who reads the case; while it is
 *   prepared, a member city's admin or legal officer adds one to ask to join; the office
 *   manages.
 * Everyone else gets NOT_FOUND from documents. Cases are never deleted; stage moves lock the
 * case FOR UPDATE, so the upload's final step re-checks `write` on the case locked FOR SHARE.
 */
@Injectable()
export class TribunalDocumentAccess implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: TribunalCasesService,
    private readonly registry: DocumentAccessRegistry,
  ) {}

  /** `lockIn`: in that transaction, the cases locked FOR SHARE (an upload's final step). */
  private async readable(user: AuthUser, ids: readonly string[], lockIn?: EntityManager) {
    const q = lockIn ?? this.db.manager;
    if (!(await this.cases.mayRead(user, q))) return [];
    return (await q.query(
      `SELECT id, stage FROM tribunal_case WHERE id = ANY($1::uuid[]) ${lockIn ? 'FOR SHARE' : ''}`,
      [ids],
    )) as { id: string; stage: TribunalStage }[];
  }

  private checker(
    rule: (
      user: AuthUser,
      c: { stage: TribunalStage },
      party: boolean,
    ) => { read: boolean; write: boolean; manage: boolean },
  ) {
    const allowed = async (
      level: 'read' | 'write' | 'manage',
      user: AuthUser,
      ids: readonly string[],
      lockIn?: EntityManager,
    ) => {
      const rows = await this.readable(user, ids, lockIn);
      const parties = await this.cases.partyCases(
        user,
        rows.map((r) => r.id),
        lockIn,
      );
      return new Set(
        rows
          .filter((r) => {
            const answer = rule(user, r, parties.has(r.id));
            return answer.read && answer[level];
          })
          .map((r) => r.id),
      );
    };
    return {
      folders: false,
      canRead: (user: AuthUser, ids: readonly string[]) => allowed('read', user, ids),
      canWrite: (user: AuthUser, ids: readonly string[]) => allowed('write', user, ids),
      canManage: (user: AuthUser, ids: readonly string[]) => allowed('manage', user, ids),
      quotaScopes: async () => new Map<string, string>(),
      lockOwner: async (tx: EntityManager, id: string, user: AuthUser) =>
        (await allowed('write', user, [id], tx)).has(id),
    };
  }

  onModuleInit(): void {
    const office = (user: AuthUser) => user.role === Role.OFFICE_ADMIN;
    this.registry.register(
      DocumentOwnerKind.TRIBUNAL_CASE,
      this.checker((user, _c, party) => ({ read: party, write: party, manage: office(user) })),
    );
    this.registry.register(
      DocumentOwnerKind.TRIBUNAL_STAGE,
      this.checker((user) => ({ read: true, write: office(user), manage: office(user) })),
    );
    this.registry.register(
      DocumentOwnerKind.TRIBUNAL_RESOLUTION,
      this.checker((user, c) => ({
        read: true,
        write:
          office(user) ||
          (c.stage === TribunalStage.PREPARATION &&
            (user.role === Role.CITY_ADMIN || user.isLegalOfficer)),
        manage: office(user),
      })),
    );
  }
}
