import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OpinionDiscussionAudience, OpinionRequestState, Role } from '@civitas/shared/domain';
import type { AuthUser } from '@civitas/api/auth';

/** How a person stands to one opinion request; null: it does not exist for them. */
export type OpinionParty = 'OFFICE' | 'EXPERT' | 'CITY_LEGAL_OFFICER' | 'CITY_ADMIN';

/** The columns of `opinion_request` the rule reads. */
export interface OpinionRequestFacts {
  organisation_id: string;
  expert_id: string | null;
  state: OpinionRequestState;
  /** First submission; null while the city has never sent it to the office. */
  submitted_at: Date | null;
}

/** States in which the assigned expert sees the request: from acceptance on. */
const EXPERT_STATES: readonly OpinionRequestState[] = [
  OpinionRequestState.ACCEPTED,
  OpinionRequestState.IN_PROGRESS,
  OpinionRequestState.DELIVERED,
  OpinionRequestState.RELEASED,
];

type Viewer = Pick<AuthUser, 'id' | 'role' | 'organisationId' | 'isLegalOfficer'>;

/**
 * The confidentiality rule of expert opinions, in one place: until the office publishes
 * an opinion, a request and everything attached to it exist only for the requesting
 * city's legal officers and city admin, the office admins (once it is submitted: a draft
 * is the city's own), and the expert assigned to it (once it is accepted).
 * Everyone else gets NOT_FOUND, whatever they try. The SQL condition and the per-row
 * answer are the same rule; `readable` answers for many requests in one statement.
 */
@Injectable()
export class OpinionAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  party(user: Viewer, request: OpinionRequestFacts): OpinionParty | null {
    // A draft is the city's own until it is submitted (withdrawn unsent, it stays so).
    if (user.role === Role.OFFICE_ADMIN) return request.submitted_at ? 'OFFICE' : null;
    if (user.role === Role.EXPERT) {
      return request.expert_id === user.id && EXPERT_STATES.includes(request.state)
        ? 'EXPERT'
        : null;
    }
    if (request.organisation_id !== user.organisationId) return null;
    if (user.role === Role.CITY_ADMIN) return 'CITY_ADMIN';
    if (user.role === Role.CITY_OFFICIAL && user.isLegalOfficer) return 'CITY_LEGAL_OFFICER';
    return null;
  }

  /**
   * Who reads one discussion now, by id, from the database (active people only; role and
   * legal-officer flag as they are now, as the GraphQL guard loads them): `parties` narrowed
   * to the audience as `audiences` decides. Empty for an unknown request.
   */
  async discussionReaders(
    requestId: string,
    audience: OpinionDiscussionAudience,
    manager: EntityManager = this.db.manager,
  ): Promise<Set<string>> {
    const { office, expert, city } = await this.parties(requestId, manager);
    return new Set([
      ...office,
      ...expert,
      ...(audience === OpinionDiscussionAudience.CITY ? city : []),
    ]);
  }

  /**
   * A WHERE condition: the requests (aliased `alias`) the person may read, with its
   * parameters numbered from `$first`.
   */
  readableSql(alias: string, user: Viewer, first: number): [string, unknown[]] {
    if (user.role === Role.OFFICE_ADMIN) return [`${alias}.submitted_at IS NOT NULL`, []];
    if (user.role === Role.EXPERT) {
      return [
        `(${alias}.expert_id = $${first} AND ${alias}.state = ANY($${first + 1}::text[]))`,
        [user.id, EXPERT_STATES],
      ];
    }
    const cityReader =
      user.role === Role.CITY_ADMIN || (user.role === Role.CITY_OFFICIAL && user.isLegalOfficer);
    if (!cityReader) return ['FALSE', []];
    return [`${alias}.organisation_id = $${first}`, [user.organisationId]];
  }

  /** Of `ids`, those the person may read: one statement. */
  async readable(
    user: Viewer,
    ids: readonly string[],
    manager: EntityManager = this.db.manager,
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const [condition, params] = this.readableSql('r', user, 2);
    const rows: { id: string }[] = await manager.query(
      `SELECT r.id FROM opinion_request r WHERE r.id = ANY($1::uuid[]) AND ${condition}`,
      [ids, ...params],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The discussions a party reads and writes: the city never sees the internal one. */
  audiences(party: OpinionParty): OpinionDiscussionAudience[] {
    return party === 'OFFICE' || party === 'EXPERT'
      ? [OpinionDiscussionAudience.INTERNAL, OpinionDiscussionAudience.CITY]
      : [OpinionDiscussionAudience.CITY];
  }

  /**
   * Who reads the published library: the office, experts, and people of member cities
   * (not guests, nor people of candidate or former members).
   */
  async mayReadLibrary(user: Viewer, manager: EntityManager = this.db.manager): Promise<boolean> {
    if (user.role === Role.OFFICE_ADMIN || user.role === Role.EXPERT) return true;
    if (user.role !== Role.CITY_ADMIN && user.role !== Role.CITY_OFFICIAL) return false;
    const [row]: { member: boolean }[] = await manager.query(
      `SELECT membership_status = 'MEMBER' AS member FROM organisation WHERE id = $1`,
      [user.organisationId],
    );
    return row?.member ?? false;
  }

  /**
   * Everyone who may read the request and is active, by party: whom to tell about it.
   * City: its legal officers and admins.
   */
  async parties(
    requestId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<{ office: string[]; expert: string[]; city: string[] }> {
    const rows: { id: string; party: 'office' | 'expert' | 'city' }[] = await manager.query(
      `SELECT u.id, CASE WHEN u.role = 'OFFICE_ADMIN' THEN 'office'
                         WHEN u.role = 'EXPERT' THEN 'expert' ELSE 'city' END AS party
       FROM opinion_request r
       JOIN app_user u ON u.deactivated_at IS NULL AND (
         (u.role = 'OFFICE_ADMIN' AND r.submitted_at IS NOT NULL)
         OR (u.role = 'EXPERT' AND u.id = r.expert_id AND r.state = ANY($2::text[]))
         OR (u.organisation_id = r.organisation_id
             AND (u.role = 'CITY_ADMIN' OR (u.role = 'CITY_OFFICIAL' AND u.is_legal_officer))))
       WHERE r.id = $1`,
      [requestId, EXPERT_STATES],
    );
    const of = (p: string) => rows.filter((r) => r.party === p).map((r) => r.id);
    return { office: of('office'), expert: of('expert'), city: of('city') };
  }
}
