import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DocumentOwnerKind, OpinionRequestState, Role } from '@civitas/shared/domain';
import { badUserInput } from '@civitas/api/core';
import { OpinionAccess, OpinionParty } from '@civitas/api/access';
import type { AuthUser } from '@civitas/api/auth';
import { DocumentAccessRegistry } from '@civitas/api/documents';

interface Facts {
  id: string;
  organisation_id: string;
  expert_id: string | null;
  state: OpinionRequestState;
  submitted_at: Date | null;
  published: boolean;
  redacted: boolean | null;
}

const S = OpinionRequestState;
const city = (p: OpinionParty | null) => p === 'CITY_LEGAL_OFFICER' || p === 'CITY_ADMIN';
const legal = (p: OpinionParty | null, user: AuthUser) =>
  p === 'CITY_LEGAL_OFFICER' || (p === 'CITY_ADMIN' && user.isLegalOfficer);

/**
 * The documents of expert opinions, registered with the documents capability at start
 * (owner id: always the request's id), batched over requests:
 * - OPINION_REQUEST, the request's attachments: confidential exactly as the request is
 *   (OpinionAccess); its city's legal officers add them while it is a draft or the office
 *   waits for information; the office and they manage them.
 * - OPINION, the delivered opinion: the office and the assigned expert; the requesting city
 *   once released; every library reader once published as is. The expert adds it while in
 *   progress.
 * - OPINION_PUBLISHED, the redacted copy: the office, which adds it to a released opinion
 *   not yet published; every library reader once published redacted.
 * Everyone else gets NOT_FOUND from documents. Requests are never deleted; every move and the
 * publication lock the request FOR UPDATE, so the upload's final step re-checks `write` on the
 * request locked FOR SHARE.
 */
@Injectable()
export class OpinionDocumentAccess implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: OpinionAccess,
    private readonly registry: DocumentAccessRegistry,
  ) {}

  /** `lockIn`: in that transaction, the requests locked FOR SHARE (an upload's final step). */
  private async facts(ids: readonly string[], lockIn?: EntityManager): Promise<Facts[]> {
    return (lockIn ?? this.db.manager).query(
      `SELECT r.id, r.organisation_id, r.expert_id, r.state, r.submitted_at,
              p.id IS NOT NULL AS published,
              p.redacted
       FROM opinion_request r LEFT JOIN published_opinion p ON p.request_id = r.id
       WHERE r.id = ANY($1::uuid[]) ${lockIn ? 'FOR SHARE OF r' : ''}`,
      [ids],
    );
  }

  /**
   * `audited`: a look at the documents of a confidential request (listing, downloading,
   * previewing: documents asks `canRead` for each) is an audited read of the request,
   * `opinion_request.documents.read`, like every other read of it.
   */
  private checker(
    kind: DocumentOwnerKind,
    audited: boolean,
    rule: (
      user: AuthUser,
      f: Facts,
      party: OpinionParty | null,
      reader: boolean,
    ) => {
      read: boolean;
      write: boolean;
      manage: boolean;
    },
  ) {
    const allowed = async (
      level: 'read' | 'write' | 'manage',
      user: AuthUser,
      ids: readonly string[],
      lockIn?: EntityManager,
    ) => {
      const rows = await this.facts(ids, lockIn);
      const reader =
        rows.some((r) => r.published) && (await this.access.mayReadLibrary(user, lockIn));
      const granted = rows.filter((f) => {
        const answer = rule(user, f, this.access.party(user, f), reader);
        return answer.read && answer[level];
      });
      const confidential = granted.filter((f) => this.access.party(user, f) !== null);
      if (audited && level === 'read' && confidential.length) {
        await this.db.query(
          `INSERT INTO audit_entry (actor_id, action, entity_type, entity_id, details)
           SELECT $1, 'opinion_request.documents.read', 'opinion_request', unnest($2::uuid[]), $3::jsonb`,
          [user.id, confidential.map((f) => f.id), JSON.stringify({ ownerKind: kind })],
        );
      }
      return new Set(granted.map((f) => f.id));
    };
    return {
      folders: false,
      canRead: (user: AuthUser, ids: readonly string[]) => allowed('read', user, ids),
      canWrite: (user: AuthUser, ids: readonly string[]) => allowed('write', user, ids),
      canManage: (user: AuthUser, ids: readonly string[]) => allowed('manage', user, ids),
      // No quota of a group: each request's documents count on their own.
      quotaScopes: async () => new Map<string, string>(),
      lockOwner: async (tx: EntityManager, id: string, user: AuthUser) =>
        (await allowed('write', user, [id], tx)).has(id),
    };
  }

  onModuleInit(): void {
    this.registry.register(
      DocumentOwnerKind.OPINION_REQUEST,
      this.checker(DocumentOwnerKind.OPINION_REQUEST, true, (user, f, party) => {
        const editable = legal(party, user) && (f.state === S.DRAFT || f.state === S.NEEDS_INFO);
        return { read: party !== null, write: editable, manage: editable || party === 'OFFICE' };
      }),
    );
    this.registry.register(
      DocumentOwnerKind.OPINION,
      this.checker(DocumentOwnerKind.OPINION, true, (user, f, party, reader) => ({
        read:
          party === 'OFFICE' ||
          party === 'EXPERT' ||
          (city(party) && f.state === S.RELEASED) ||
          (reader && f.published && f.redacted === false),
        write: party === 'EXPERT' && f.state === S.IN_PROGRESS,
        manage: party === 'OFFICE' || (party === 'EXPERT' && f.state === S.IN_PROGRESS),
      })),
    );
    this.registry.register(
      DocumentOwnerKind.OPINION_PUBLISHED,
      this.checker(DocumentOwnerKind.OPINION_PUBLISHED, false, (user, f, party, reader) => ({
        read: party === 'OFFICE' || (reader && f.published && f.redacted === true),
        write: party === 'OFFICE' && f.state === S.RELEASED && !f.published,
        manage: user.role === Role.OFFICE_ADMIN && party === 'OFFICE',
      })),
    );
  }

  /**
   * Documents named by a mutation must be live documents of this request and kind (uploaded
   * through /api/documents with that owner); otherwise BAD_USER_INPUT naming the field.
   */
  async assertOwned(
    tx: EntityManager,
    kind: DocumentOwnerKind,
    requestId: string,
    ids: readonly string[],
    field: string,
  ): Promise<void> {
    if (ids.length === 0) return;
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM document WHERE id = ANY($1::uuid[]) AND owner_kind = $2 AND owner_id = $3
         AND deleted_at IS NULL`,
      [ids, kind, requestId],
    );
    if (rows.length !== new Set(ids).size) {
      throw badUserInput(`${field}: not a document of this request`, [
        {
          field,
          problems: [`must be documents uploaded to this request as ${kind}`],
        },
      ]);
    }
  }
}
