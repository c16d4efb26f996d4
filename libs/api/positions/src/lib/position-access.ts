import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '@civitas/shared/domain';
import type { AuthUser } from '@civitas/api/auth';

/**
 * Who takes part in consultations: the office, and the officials and admins of member
 * cities (DOMAIN.md: the association consults its members). Experts, guests and people of
 * candidate or former member towns get NOT_FOUND. The library itself is read by everyone.
 */
@Injectable()
export class PositionAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  isOffice(user: AuthUser): boolean {
    return user.role === Role.OFFICE_ADMIN;
  }

  /** An official or admin of a member city: reads consultations and comments on them. */
  async isMemberCityOfficial(user: AuthUser, q: EntityManager = this.db.manager): Promise<boolean> {
    if (user.role !== Role.CITY_ADMIN && user.role !== Role.CITY_OFFICIAL) return false;
    const [org]: { member: boolean }[] = await q.query(
      `SELECT membership_status = 'MEMBER' AND kind <> 'ASSOCIATION_OFFICE' AS member
       FROM organisation WHERE id = $1`,
      [user.organisationId],
    );
    return !!org?.member;
  }

  /**
   * Everyone `isMemberCityOfficial` says yes to, active: whom a consultation's opening and
   * extension are announced to.
   */
  async memberCityOfficialIds(q: EntityManager = this.db.manager): Promise<string[]> {
    const rows: { id: string }[] = await q.query(
      `SELECT u.id FROM app_user u JOIN organisation o ON o.id = u.organisation_id
       WHERE u.role IN ('CITY_ADMIN', 'CITY_OFFICIAL') AND u.deactivated_at IS NULL
         AND o.membership_status = 'MEMBER' AND o.kind <> 'ASSOCIATION_OFFICE'`,
    );
    return rows.map((r) => r.id);
  }

  async mayReadConsultations(user: AuthUser, q: EntityManager = this.db.manager): Promise<boolean> {
    return this.isOffice(user) || this.isMemberCityOfficial(user, q);
  }
}
