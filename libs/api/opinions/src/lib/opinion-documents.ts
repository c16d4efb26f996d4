import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OpinionAccess } from '@civitas/api/access';
import type { AuthUser } from '@civitas/api/auth';

/**
 * The shape of the documents capability's per-owner-kind checker (batched over owner ids,
 * answering the subset allowed), so the documents registry can take these as they are:
 * `registry.register(OPINION_REQUEST, checkers.request)` and
 * `registry.register(OPINION_PUBLISHED, checkers.published)`. Until it is on main the
 * request keeps its documents as ids (attachments, the delivered opinion, the redacted copy).
 */
export interface OpinionDocumentChecker {
  canRead(user: AuthUser, ownerIds: readonly string[]): Promise<Set<string>>;
  canWrite(user: AuthUser, ownerIds: readonly string[]): Promise<Set<string>>;
  canManage(user: AuthUser, ownerIds: readonly string[]): Promise<Set<string>>;
  quotaScopes(ownerIds: readonly string[]): Promise<Map<string, string>>;
  readonly folders: boolean;
}

/** Owner id: the request's id, for both kinds. */
@Injectable()
export class OpinionDocumentCheckers {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: OpinionAccess,
  ) {}

  /** Attachments and the delivered opinion: confidential, exactly as the request is. */
  readonly request: OpinionDocumentChecker = {
    folders: false,
    canRead: (user, ids) => this.access.readable(user, ids),
    canWrite: async (user, ids) => {
      const readable = await this.access.readable(user, ids);
      const rows: {
        id: string;
        organisation_id: string;
        expert_id: string | null;
        state: never;
      }[] = await this.db.query(
        `SELECT id, organisation_id, expert_id, state FROM opinion_request WHERE id = ANY($1::uuid[])`,
        [[...readable]],
      );
      return new Set(
        rows
          .filter((r) => {
            const party = this.access.party(user, r);
            if (party === 'OFFICE') return !['RELEASED', 'REJECTED', 'WITHDRAWN'].includes(r.state);
            if (party === 'EXPERT') return r.state === 'IN_PROGRESS';
            const legal =
              party === 'CITY_LEGAL_OFFICER' || (party === 'CITY_ADMIN' && user.isLegalOfficer);
            return legal && ['DRAFT', 'NEEDS_INFO'].includes(r.state);
          })
          .map((r) => r.id),
      );
    },
    canManage: async (user, ids) =>
      user.role === 'OFFICE_ADMIN' ? this.access.readable(user, ids) : new Set(),
    quotaScopes: async () => new Map(),
  };

  /**
   * The library's copy: readable by every library reader once the request is published,
   * and by the office before (it uploads the redacted copy of a released opinion).
   */
  readonly published: OpinionDocumentChecker = {
    folders: false,
    canRead: async (user, ids) => {
      const reader = await this.access.mayReadLibrary(user);
      const rows: { id: string; published: boolean }[] = await this.db.query(
        `SELECT r.id, EXISTS (SELECT 1 FROM published_opinion p WHERE p.request_id = r.id) AS published
         FROM opinion_request r WHERE r.id = ANY($1::uuid[])`,
        [ids],
      );
      return new Set(
        rows
          .filter((r) => (r.published && reader) || user.role === 'OFFICE_ADMIN')
          .map((r) => r.id),
      );
    },
    canWrite: async (user, ids) => {
      if (user.role !== 'OFFICE_ADMIN') return new Set();
      const rows: { id: string }[] = await this.db.query(
        `SELECT id FROM opinion_request WHERE id = ANY($1::uuid[]) AND state = 'RELEASED'`,
        [ids],
      );
      return new Set(rows.map((r) => r.id));
    },
    canManage: async (user, ids) =>
      user.role === 'OFFICE_ADMIN' ? new Set(ids) : new Set<string>(),
    quotaScopes: async () => new Map(),
  };
}
