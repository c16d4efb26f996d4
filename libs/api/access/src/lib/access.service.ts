import { Injectable } from '@nestjs/common';
import {
  CITY_ADMIN_INVITABLE_ROLES,
  hasPermission,
  Permission,
  Role,
} from '@civitas/shared/domain';
import { forbidden } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';

/**
 * The one place that answers "may this person do this to that?". The global guard has
 * already checked the role-level permission; these are the checks that depend on which
 * resource is touched.
 */
@Injectable()
export class AccessService {
  can(user: AuthUser, permission: Permission): boolean {
    return hasPermission(user.role, permission);
  }

  /** The office edits any profile; a city admin only their own city's. */
  canUpdateOrganisationProfile(user: AuthUser, organisationId: string): boolean {
    if (!this.can(user, Permission.ORGANISATION_PROFILE_UPDATE)) return false;
    return user.role === Role.OFFICE_ADMIN || user.organisationId === organisationId;
  }

  assertCanUpdateOrganisationProfile(user: AuthUser, organisationId: string): void {
    if (!this.canUpdateOrganisationProfile(user, organisationId)) {
      throw forbidden("Only the office or this city's administrator can edit its profile");
    }
  }

  /** Whether `user` may invite someone with `role` into `organisationId`. */
  assertCanInvite(user: AuthUser, organisationId: string, role: Role): void {
    if (this.can(user, Permission.INVITATION_CREATE_ANY)) return;
    if (!this.can(user, Permission.INVITATION_CREATE_OWN_CITY)) {
      throw forbidden('Your role does not allow inviting people');
    }
    if (organisationId !== user.organisationId) {
      throw forbidden('You can invite people only into your own city');
    }
    if (!CITY_ADMIN_INVITABLE_ROLES.includes(role)) {
      throw forbidden(
        'A city administrator can invite city officials only; ask the office for other roles',
      );
    }
  }

  /** The office sees every invitation; a city admin those of their own city. */
  invitationScope(user: AuthUser): { organisationId?: string } {
    return this.can(user, Permission.INVITATION_CREATE_ANY)
      ? {}
      : { organisationId: user.organisationId };
  }
}
