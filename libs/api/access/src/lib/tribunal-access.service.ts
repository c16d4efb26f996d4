import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '@civitas/shared/domain';
import type { AuthUser } from '@civitas/api/auth';

type Viewer = Pick<AuthUser, 'id' | 'role' | 'organisationId' | 'isLegalOfficer'>;

/**
 * Who reads what of Constitutional Tribunal cases (issue 8), in one place:
 * - readers: the office and people of member cities (city admins and officials) read every
 *   case's summary, cities and timeline; everyone else (guests, experts, people of cities
 *   that are not members) gets NOT_FOUND;
 * - parties: the office, and the legal officers and city admin of the applicant and of every
 *   accepted co-applicant city, also read the restricted parts (internal notes, the support
 *   amount, pending join requests, draft motions).
 */
@Injectable()
export class TribunalAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Acts for a city in a case (asks to join, is reminded): its admin and legal officers. */
  actsForCity(user: Viewer): boolean {
    return (
      user.role === Role.CITY_ADMIN || (user.role === Role.CITY_OFFICIAL && user.isLegalOfficer)
    );
  }

  async mayRead(user: Viewer, q: EntityManager = this.db.manager): Promise<boolean> {
    if (user.role === Role.OFFICE_ADMIN) return true;
    if (user.role !== Role.CITY_ADMIN && user.role !== Role.CITY_OFFICIAL) return false;
    const [org]: { member: boolean }[] = await q.query(
      `SELECT membership_status = 'MEMBER' AS member FROM organisation WHERE id = $1`,
      [user.organisationId],
    );
    return !!org?.member;
  }

  /** The cases among `ids` of which the person is a party, in one statement. */
  async partyCases(
    user: Viewer,
    ids: readonly string[],
    q: EntityManager = this.db.manager,
  ): Promise<Set<string>> {
    if (user.role === Role.OFFICE_ADMIN) return new Set(ids);
    if (!this.actsForCity(user) || ids.length === 0) return new Set();
    const rows: { case_id: string }[] = await q.query(
      `SELECT DISTINCT case_id FROM tribunal_case_city
       WHERE case_id = ANY($1::uuid[]) AND organisation_id = $2 AND status = 'ACCEPTED'`,
      [ids, user.organisationId],
    );
    return new Set(rows.map((r) => r.case_id));
  }
}
