import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { GroupRole, GroupVisibility, Role } from '@civitas/shared/domain';
import { forbidden, notFound } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { WorkingGroup } from './group.entity';

/** What a group's rules need to know about the caller. */
export interface Viewer {
  user: AuthUser;
  /** The association's office: sees and manages every group. */
  office: boolean;
  /**
   * A person of a member city or of the office. Everyone else (guests, experts, people of
   * candidate or former members) takes part only in groups open to guests.
   */
  participant: boolean;
}

/** The caller's standing in one group. */
export interface GroupStanding {
  role: GroupRole | null;
  banned: boolean;
  invited: boolean;
}

const CITY_ROLES: readonly Role[] = [Role.CITY_ADMIN, Role.CITY_OFFICIAL];

export function isParticipant(role: Role, organisationIsMemberOrOffice: boolean): boolean {
  if (role === Role.OFFICE_ADMIN) return true;
  return CITY_ROLES.includes(role) && organisationIsMemberOrOffice;
}

/** SECRET groups exist only for their members, invitees and the office. */
export function canSee(viewer: Viewer, group: WorkingGroup, standing: GroupStanding): boolean {
  if (viewer.office || standing.role || standing.invited) return true;
  if (group.visibility === GroupVisibility.SECRET) return false;
  return viewer.participant || group.openToGuests;
}

/** Whether the person may belong to the group at all (whatever the way in). */
export function mayBelong(participant: boolean, group: WorkingGroup): boolean {
  return participant || group.openToGuests;
}

/**
 * The groups library's resource-level answers to "may this person do this to that group?".
 * The global guard has already checked the role-level permission.
 */
@Injectable()
export class GroupAccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async viewer(user: AuthUser, manager: EntityManager = this.db.manager): Promise<Viewer> {
    const [row]: { ok: boolean }[] = await manager.query(
      `SELECT (membership_status = 'MEMBER' OR kind = 'ASSOCIATION_OFFICE') AS ok
       FROM organisation WHERE id = $1`,
      [user.organisationId],
    );
    return {
      user,
      office: user.role === Role.OFFICE_ADMIN,
      participant: isParticipant(user.role, row?.ok ?? false),
    };
  }

  async standing(
    groupId: string,
    userId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<GroupStanding> {
    const [row]: { role: GroupRole | null; banned: boolean; invited: boolean }[] =
      await manager.query(
        `SELECT
           (SELECT role FROM group_membership WHERE group_id = $1 AND user_id = $2) AS role,
           EXISTS (SELECT 1 FROM group_ban WHERE group_id = $1 AND user_id = $2) AS banned,
           EXISTS (SELECT 1 FROM group_invitation
                   WHERE group_id = $1 AND user_id = $2 AND status = 'PENDING') AS invited`,
        [groupId, userId],
      );
    return { role: row.role, banned: row.banned, invited: row.invited };
  }

  /**
   * The group as the caller may see it, with their standing; NOT_FOUND when it does not
   * exist for them. `lock` takes the group's row lock, which serialises every change of
   * membership in the group (no race loses the last coordinator or decides twice).
   */
  async visibleGroup(
    user: AuthUser,
    groupId: string,
    manager: EntityManager = this.db.manager,
    lock = false,
  ): Promise<{ group: WorkingGroup; viewer: Viewer; standing: GroupStanding }> {
    const group = await manager.getRepository(WorkingGroup).findOne({
      where: { id: groupId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!group) throw notFound('Working group');
    const [viewer, standing] = await Promise.all([
      this.viewer(user, manager),
      this.standing(groupId, user.id, manager),
    ]);
    if (!canSee(viewer, group, standing)) throw notFound('Working group');
    return { group, viewer, standing };
  }

  /** The group's coordinators and the office act as coordinators; everyone else is refused. */
  async coordinatedGroup(
    user: AuthUser,
    groupId: string,
    manager: EntityManager = this.db.manager,
    lock = false,
  ): Promise<{ group: WorkingGroup; viewer: Viewer; standing: GroupStanding }> {
    const found = await this.visibleGroup(user, groupId, manager, lock);
    if (!found.viewer.office && found.standing.role !== GroupRole.COORDINATOR) {
      throw forbidden("Only this group's coordinators can do this");
    }
    return found;
  }

  /**
   * A WHERE condition: the groups (aliased `alias`) the viewer may see. Parameters are
   * named with a `viewer` prefix.
   */
  visibleSql(alias: string, viewer: Viewer): [string, Record<string, unknown>] {
    if (viewer.office) return ['TRUE', {}];
    return [
      `((${alias}.visibility <> 'SECRET' AND (:viewerParticipant OR ${alias}.open_to_guests))
        OR EXISTS (SELECT 1 FROM group_membership vm WHERE vm.group_id = ${alias}.id AND vm.user_id = :viewerId)
        OR EXISTS (SELECT 1 FROM group_invitation vi WHERE vi.group_id = ${alias}.id
                   AND vi.user_id = :viewerId AND vi.status = 'PENDING'))`,
      { viewerParticipant: viewer.participant, viewerId: viewer.user.id },
    ];
  }
}
