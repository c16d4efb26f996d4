import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { GroupRole, Role } from '@civitas/shared/domain';
import { forbidden, notFound } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';

/** A person's place in a group, as the live layer and the chat need it. */
export interface GroupRoomStanding {
  /** Their role when they are a member, else null. */
  role: GroupRole | null;
  /**
   * Whether the group exists for them at all: the same rule as the groups library's
   * `canSee` (SECRET groups only for members, invitees and the office; groups not open to
   * guests only for people of member cities and the office).
   */
  visible: boolean;
}

/**
 * Cross-domain answers about working-group membership for the libraries that are not the
 * groups library (chat, realtime): they may not import it, and they ask here. One statement
 * each; the rules mirror `libs/api/groups` group-access.service.ts, which stays the source.
 */
@Injectable()
export class GroupRoomAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async standing(
    user: Pick<AuthUser, 'id' | 'role' | 'organisationId'>,
    groupId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<GroupRoomStanding> {
    const [row]: { role: GroupRole | null; visible: boolean }[] = await manager.query(
      `SELECT m.role,
              (m.role IS NOT NULL OR $3 = 'OFFICE_ADMIN'
               OR EXISTS (SELECT 1 FROM group_invitation i
                          WHERE i.group_id = g.id AND i.user_id = $2 AND i.status = 'PENDING')
               OR (g.visibility <> 'SECRET' AND (g.open_to_guests OR (
                     $3 IN ('CITY_ADMIN', 'CITY_OFFICIAL') AND EXISTS (
                       SELECT 1 FROM organisation o WHERE o.id = $4
                       AND (o.membership_status = 'MEMBER' OR o.kind = 'ASSOCIATION_OFFICE')))))
              ) AS visible
       FROM working_group g
       LEFT JOIN group_membership m ON m.group_id = g.id AND m.user_id = $2
       WHERE g.id = $1`,
      [groupId, user.id, user.role, user.organisationId],
    );
    return row ?? { role: null, visible: false };
  }

  /**
   * The member's role; refuses everyone else: NOT_FOUND when the group does not exist for
   * them (an unknown id and a SECRET group look the same), FORBIDDEN when they may see it
   * but are not a member.
   */
  async assertMember(
    user: Pick<AuthUser, 'id' | 'role' | 'organisationId'>,
    groupId: string,
    manager?: EntityManager,
  ): Promise<GroupRole> {
    const standing = await this.standing(user, groupId, manager);
    if (standing.role) return standing.role;
    if (!standing.visible) throw notFound('Working group');
    throw forbidden("Only this group's members take part in its discussion: join it first");
  }

  /** Coordinators of the group, and office people who are members of it. */
  async assertCoordinator(
    user: Pick<AuthUser, 'id' | 'role' | 'organisationId'>,
    groupId: string,
    manager?: EntityManager,
  ): Promise<void> {
    const role = await this.assertMember(user, groupId, manager);
    if (role !== GroupRole.COORDINATOR && user.role !== Role.OFFICE_ADMIN) {
      throw forbidden("Only this group's coordinators can do this");
    }
  }

  /** The groups the person is a member of. */
  async memberGroupIds(userId: string): Promise<string[]> {
    const rows: { group_id: string }[] = await this.db.query(
      `SELECT group_id FROM group_membership WHERE user_id = $1`,
      [userId],
    );
    return rows.map((r) => r.group_id);
  }

  /** The group of a forum thread, or null when there is no such thread. */
  async groupOfThread(threadId: string): Promise<string | null> {
    const [row]: { group_id: string }[] = await this.db.query(
      `SELECT group_id FROM forum_thread WHERE id = $1`,
      [threadId],
    );
    return row?.group_id ?? null;
  }
}
