import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  GroupInvitationStatus,
  GroupModerationAction,
  GroupRole,
  GroupVisibility,
  JoinRequestStatus,
} from '@civitas/shared/domain';
import {
  badUserInput,
  conflict,
  DomainEvent,
  forbidden,
  isUniqueViolation,
  notFound,
} from '@civitas/api/core';
import type {
  GroupInvitationCreatedEvent,
  GroupJoinDecidedEvent,
  GroupJoinRequestedEvent,
  GroupMembershipEndedEvent,
} from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import {
  BanGroupMemberInput,
  DecideJoinRequestInput,
  GroupPersonActInput,
  RequestToJoinGroupInput,
  SetGroupMemberRoleInput,
} from './dto/group.inputs';
import {
  GroupBan,
  GroupInvitation,
  GroupJoinRequest,
  GroupMember,
  GroupMembership,
  WorkingGroup,
} from './group.entity';
import { GroupAccessService, isParticipant, mayBelong } from './group-access.service';
import { ModerationLogService } from './moderation-log.service';

const BANNED_MESSAGE =
  'You have been banned from this group; only its coordinators can lift the ban';
const NOT_FOR_GUESTS =
  'Only people of member cities and of the office can join this group: it is not open to guests';

interface Target {
  id: string;
  name: string;
  position: string | null;
  organisationId: string;
  participant: boolean;
  groupRole: GroupRole | null;
  joinedAt: Date | null;
  banned: boolean;
}

/**
 * Joining, leaving, requests, invitations, removals, bans and roles. Every change takes the
 * group's row lock first, so concurrent changes in one group run one after another.
 * Requests, decisions and invitations are announced as domain events once committed.
 */
@Injectable()
export class GroupMembershipService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: GroupAccessService,
    private readonly log: ModerationLogService,
    private readonly events: EventEmitter2,
  ) {}

  /** OPEN groups: in at once. */
  async join(user: AuthUser, groupId: string): Promise<WorkingGroup> {
    return this.db.transaction(async (tx) => {
      const { group, viewer, standing } = await this.access.visibleGroup(user, groupId, tx, true);
      if (standing.role) throw conflict('You are already a member of this group');
      if (standing.banned) throw forbidden(BANNED_MESSAGE);
      if (!mayBelong(viewer.participant, group)) throw forbidden(NOT_FOR_GUESTS);
      if (group.visibility === GroupVisibility.REQUEST) {
        throw badUserInput('This group admits members on request: send a join request instead');
      }
      if (group.visibility !== GroupVisibility.OPEN) {
        throw forbidden("This group admits members by its coordinators' invitation only");
      }
      await tx.getRepository(GroupMembership).insert({
        groupId,
        userId: user.id,
        role: GroupRole.MEMBER,
      });
      await this.settleInvitations(tx, groupId, user.id, GroupInvitationStatus.ACCEPTED);
      return group;
    });
  }

  /** REQUEST groups: a request a coordinator decides. */
  async requestToJoin(user: AuthUser, input: RequestToJoinGroupInput): Promise<GroupJoinRequest> {
    const { request, event } = await this.db.transaction(async (tx) => {
      const { group, viewer, standing } = await this.access.visibleGroup(
        user,
        input.groupId,
        tx,
        true,
      );
      if (standing.role) throw conflict('You are already a member of this group');
      if (standing.banned) throw forbidden(BANNED_MESSAGE);
      if (!mayBelong(viewer.participant, group)) throw forbidden(NOT_FOR_GUESTS);
      if (group.visibility === GroupVisibility.OPEN) {
        throw badUserInput('This group is open: join it directly, no request is needed');
      }
      if (group.visibility !== GroupVisibility.REQUEST) {
        throw forbidden("This group admits members by its coordinators' invitation only");
      }
      const repo = tx.getRepository(GroupJoinRequest);
      if (
        await repo.existsBy({
          groupId: group.id,
          userId: user.id,
          status: JoinRequestStatus.PENDING,
        })
      ) {
        throw conflict('Your request to join this group is already waiting for a coordinator');
      }
      try {
        const saved = await repo.save({
          groupId: group.id,
          userId: user.id,
          message: input.message?.trim() || null,
          status: JoinRequestStatus.PENDING,
        });
        const coordinators = await tx
          .getRepository(GroupMembership)
          .find({ where: { groupId: group.id, role: GroupRole.COORDINATOR } });
        const event: GroupJoinRequestedEvent = {
          coordinatorIds: coordinators.map((c) => c.userId),
          requesterId: user.id,
          groupId: group.id,
          groupName: group.name,
          requestId: saved.id,
        };
        return { request: await repo.findOneByOrFail({ id: saved.id }), event };
      } catch (e) {
        if (isUniqueViolation(e)) {
          throw conflict('Your request to join this group is already waiting for a coordinator');
        }
        throw e;
      }
    });
    this.events.emit(DomainEvent.GROUP_JOIN_REQUESTED, event);
    return request;
  }

  /**
   * Approves or rejects a pending request. The update is conditional on the request still
   * being pending, so of two coordinators deciding at once exactly one wins.
   */
  async decide(
    actor: AuthUser,
    input: DecideJoinRequestInput,
    approve: boolean,
  ): Promise<GroupJoinRequest> {
    const request = await this.db
      .getRepository(GroupJoinRequest)
      .findOneBy({ id: input.requestId });
    if (!request) throw notFound('Join request');
    const { decided, event } = await this.db.transaction(async (tx) => {
      const { group } = await this.access.coordinatedGroup(actor, request.groupId, tx, true);
      const status = approve ? JoinRequestStatus.APPROVED : JoinRequestStatus.REJECTED;
      const message = input.message?.trim() || null;
      const updated = await tx
        .createQueryBuilder()
        .update(GroupJoinRequest)
        .set({ status, decisionMessage: message, decidedById: actor.id, decidedAt: () => 'now()' })
        .where('id = :id AND status = :pending', {
          id: request.id,
          pending: JoinRequestStatus.PENDING,
        })
        .execute();
      if (updated.affected !== 1) {
        throw conflict('This join request has already been decided');
      }
      if (approve) {
        await tx
          .createQueryBuilder()
          .insert()
          .into(GroupMembership)
          .values({ groupId: request.groupId, userId: request.userId, role: GroupRole.MEMBER })
          .orIgnore()
          .execute();
      }
      await this.log.record(tx, {
        groupId: request.groupId,
        actorId: actor.id,
        action: approve
          ? GroupModerationAction.APPROVE_REQUEST
          : GroupModerationAction.REJECT_REQUEST,
        targetUserId: request.userId,
        targetType: 'join_request',
        targetId: request.id,
        reason: message,
      });
      const event: GroupJoinDecidedEvent = {
        requesterId: request.userId,
        byUserId: actor.id,
        groupId: group.id,
        groupName: group.name,
        approved: approve,
        message,
      };
      return {
        decided: await tx.getRepository(GroupJoinRequest).findOneByOrFail({ id: request.id }),
        event,
      };
    });
    this.events.emit(DomainEvent.GROUP_JOIN_DECIDED, event);
    return decided;
  }

  async invite(actor: AuthUser, input: GroupPersonActInput): Promise<GroupInvitation> {
    const { invitation, event } = await this.db.transaction(async (tx) => {
      const { group } = await this.access.coordinatedGroup(actor, input.groupId, tx, true);
      const target = await this.target(tx, group.id, input.userId);
      if (target.groupRole) throw conflict(`${target.name} is already a member of this group`);
      if (target.banned) {
        throw conflict(`${target.name} is banned from this group; lift the ban first`);
      }
      if (!mayBelong(target.participant, group)) {
        throw badUserInput(
          `${target.name} cannot join this group: it is open to people of member cities and the office only`,
          [{ field: 'userId', problems: ['not from a member city or the office'] }],
        );
      }
      const repo = tx.getRepository(GroupInvitation);
      if (
        await repo.existsBy({
          groupId: group.id,
          userId: target.id,
          status: GroupInvitationStatus.PENDING,
        })
      ) {
        throw conflict(`${target.name} already has a pending invitation to this group`);
      }
      const saved = await repo.save({
        groupId: group.id,
        userId: target.id,
        invitedById: actor.id,
        status: GroupInvitationStatus.PENDING,
      });
      await this.log.record(tx, {
        groupId: group.id,
        actorId: actor.id,
        action: GroupModerationAction.INVITE,
        targetUserId: target.id,
        targetType: 'invitation',
        targetId: saved.id,
        reason: input.reason,
      });
      const event: GroupInvitationCreatedEvent = {
        inviteeId: target.id,
        byUserId: actor.id,
        groupId: group.id,
        groupName: group.name,
        invitationId: saved.id,
      };
      return { invitation: await repo.findOneByOrFail({ id: saved.id }), event };
    });
    this.events.emit(DomainEvent.GROUP_INVITATION_CREATED, event);
    return invitation;
  }

  /** The invitee accepts: a member at once, whatever the group's visibility. */
  async acceptInvitation(user: AuthUser, id: string): Promise<WorkingGroup> {
    const invitation = await this.ownInvitation(user, id);
    return this.db.transaction(async (tx) => {
      const group = await tx
        .getRepository(WorkingGroup)
        .findOne({ where: { id: invitation.groupId }, lock: { mode: 'pessimistic_write' } });
      if (!group) throw notFound('Group invitation');
      const settled = await this.answer(tx, invitation.id, GroupInvitationStatus.ACCEPTED);
      if (!settled) throw conflict('This invitation has already been answered');
      const viewer = await this.access.viewer(user, tx);
      if (!mayBelong(viewer.participant, group)) throw forbidden(NOT_FOR_GUESTS);
      await tx
        .createQueryBuilder()
        .insert()
        .into(GroupMembership)
        .values({ groupId: group.id, userId: user.id, role: GroupRole.MEMBER })
        .orIgnore()
        .execute();
      return group;
    });
  }

  async declineInvitation(user: AuthUser, id: string): Promise<GroupInvitation> {
    const invitation = await this.ownInvitation(user, id);
    const settled = await this.answer(
      this.db.manager,
      invitation.id,
      GroupInvitationStatus.DECLINED,
    );
    if (!settled) throw conflict('This invitation has already been answered');
    return this.db.getRepository(GroupInvitation).findOneByOrFail({ id });
  }

  async leave(user: AuthUser, groupId: string): Promise<boolean> {
    await this.db.transaction(async (tx) => {
      const { standing } = await this.access.visibleGroup(user, groupId, tx, true);
      if (!standing.role) throw conflict('You are not a member of this group');
      if (standing.role === GroupRole.COORDINATOR) {
        await this.assertNotLastCoordinator(
          tx,
          groupId,
          'You are the last coordinator of this group: make another member a coordinator before leaving',
        );
      }
      await tx.getRepository(GroupMembership).delete({ groupId, userId: user.id });
    });
    this.membershipEnded({ groupId, userId: user.id, byUserId: user.id, reason: 'LEFT' });
    return true;
  }

  async remove(actor: AuthUser, input: GroupPersonActInput): Promise<boolean> {
    await this.db.transaction(async (tx) => {
      const { group } = await this.access.coordinatedGroup(actor, input.groupId, tx, true);
      const target = await this.target(tx, group.id, input.userId);
      if (!target.groupRole) throw notFound('Group member');
      if (target.groupRole === GroupRole.COORDINATOR) {
        await this.assertNotLastCoordinator(
          tx,
          group.id,
          `${target.name} is the last coordinator of this group and cannot be removed`,
        );
      }
      await tx.getRepository(GroupMembership).delete({ groupId: group.id, userId: target.id });
      await this.log.record(tx, {
        groupId: group.id,
        actorId: actor.id,
        action: GroupModerationAction.REMOVE_MEMBER,
        targetUserId: target.id,
        reason: input.reason,
      });
    });
    this.membershipEnded({
      groupId: input.groupId,
      userId: input.userId,
      byUserId: actor.id,
      reason: 'REMOVED',
    });
    return true;
  }

  /**
   * Removes the person (if a member), rejects their pending request, withdraws their
   * pending invitation, and keeps them out until unbanned.
   */
  async ban(actor: AuthUser, input: BanGroupMemberInput): Promise<boolean> {
    await this.db.transaction(async (tx) => {
      const { group } = await this.access.coordinatedGroup(actor, input.groupId, tx, true);
      if (input.userId === actor.id) throw badUserInput('You cannot ban yourself');
      const target = await this.target(tx, group.id, input.userId);
      if (target.banned) throw conflict(`${target.name} is already banned from this group`);
      if (target.groupRole === GroupRole.COORDINATOR) {
        await this.assertNotLastCoordinator(
          tx,
          group.id,
          `${target.name} is the last coordinator of this group and cannot be banned`,
        );
      }
      await tx.getRepository(GroupMembership).delete({ groupId: group.id, userId: target.id });
      await tx.getRepository(GroupBan).insert({
        groupId: group.id,
        userId: target.id,
        bannedById: actor.id,
        reason: input.reason.trim(),
      });
      await tx
        .createQueryBuilder()
        .update(GroupJoinRequest)
        .set({
          status: JoinRequestStatus.REJECTED,
          decidedById: actor.id,
          decidedAt: () => 'now()',
        })
        .where('group_id = :group AND user_id = :user AND status = :pending', {
          group: group.id,
          user: target.id,
          pending: JoinRequestStatus.PENDING,
        })
        .execute();
      await this.settleInvitations(tx, group.id, target.id, GroupInvitationStatus.REVOKED);
      await this.log.record(tx, {
        groupId: group.id,
        actorId: actor.id,
        action: GroupModerationAction.BAN,
        targetUserId: target.id,
        reason: input.reason,
        details: { wasMember: target.groupRole !== null },
      });
    });
    this.membershipEnded({
      groupId: input.groupId,
      userId: input.userId,
      byUserId: actor.id,
      reason: 'BANNED',
    });
    return true;
  }

  async unban(actor: AuthUser, input: GroupPersonActInput): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { group } = await this.access.coordinatedGroup(actor, input.groupId, tx, true);
      const removed = await tx
        .getRepository(GroupBan)
        .delete({ groupId: group.id, userId: input.userId });
      if (removed.affected !== 1) throw notFound('Ban');
      await this.log.record(tx, {
        groupId: group.id,
        actorId: actor.id,
        action: GroupModerationAction.UNBAN,
        targetUserId: input.userId,
        reason: input.reason,
      });
      return true;
    });
  }

  /** Promotes a member to coordinator or makes a coordinator a member again. */
  async setRole(actor: AuthUser, input: SetGroupMemberRoleInput): Promise<GroupMember> {
    return this.db.transaction(async (tx) => {
      const { group } = await this.access.coordinatedGroup(actor, input.groupId, tx, true);
      const target = await this.target(tx, group.id, input.userId);
      if (!target.groupRole) throw notFound('Group member');
      if (target.groupRole === input.role) {
        throw conflict(
          input.role === GroupRole.COORDINATOR
            ? `${target.name} is already a coordinator`
            : `${target.name} is already a member without coordinator rights`,
        );
      }
      if (input.role === GroupRole.COORDINATOR && !target.participant) {
        throw badUserInput(
          'Only people of member cities and of the office can coordinate a group',
          [{ field: 'userId', problems: ['a guest or expert cannot coordinate'] }],
        );
      }
      if (input.role === GroupRole.MEMBER) {
        await this.assertNotLastCoordinator(
          tx,
          group.id,
          `${target.name} is the last coordinator of this group: make someone else a coordinator first`,
        );
      }
      await tx
        .getRepository(GroupMembership)
        .update({ groupId: group.id, userId: target.id }, { role: input.role });
      await this.log.record(tx, {
        groupId: group.id,
        actorId: actor.id,
        action:
          input.role === GroupRole.COORDINATOR
            ? GroupModerationAction.PROMOTE
            : GroupModerationAction.DEMOTE,
        targetUserId: target.id,
        reason: input.reason,
      });
      return {
        person: {
          id: target.id,
          name: target.name,
          position: target.position,
          organisationId: target.organisationId,
        },
        role: input.role,
        joinedAt: target.joinedAt!,
        nameFolded: '',
      };
    });
  }

  /** Announced once committed, so live rooms let the person go only when it really happened. */
  private membershipEnded(event: GroupMembershipEndedEvent): void {
    this.events.emit(DomainEvent.GROUP_MEMBERSHIP_ENDED, event);
  }

  private async target(tx: EntityManager, groupId: string, userId: string): Promise<Target> {
    const [row] = await tx.query(
      `SELECT u.id, u.name, u.position, u.organisation_id, u.role,
              (o.membership_status = 'MEMBER' OR o.kind = 'ASSOCIATION_OFFICE') AS org_ok,
              m.role AS group_role, m.joined_at,
              EXISTS (SELECT 1 FROM group_ban b WHERE b.group_id = $1 AND b.user_id = u.id) AS banned
       FROM app_user u
       JOIN organisation o ON o.id = u.organisation_id
       LEFT JOIN group_membership m ON m.group_id = $1 AND m.user_id = u.id
       WHERE u.id = $2 AND u.deactivated_at IS NULL`,
      [groupId, userId],
    );
    if (!row) throw notFound('Person');
    return {
      id: row.id,
      name: row.name,
      position: row.position,
      organisationId: row.organisation_id,
      participant: isParticipant(row.role, row.org_ok),
      groupRole: row.group_role,
      joinedAt: row.joined_at,
      banned: row.banned,
    };
  }

  private async assertNotLastCoordinator(
    tx: EntityManager,
    groupId: string,
    message: string,
  ): Promise<void> {
    const coordinators = await tx
      .getRepository(GroupMembership)
      .countBy({ groupId, role: GroupRole.COORDINATOR });
    if (coordinators <= 1) throw conflict(message);
  }

  /** An invitation of the caller's, or NOT_FOUND: nobody else's invitations exist for them. */
  private async ownInvitation(user: AuthUser, id: string): Promise<GroupInvitation> {
    const invitation = await this.db
      .getRepository(GroupInvitation)
      .findOneBy({ id, userId: user.id });
    if (!invitation) throw notFound('Group invitation');
    return invitation;
  }

  private async answer(
    manager: EntityManager,
    id: string,
    status: GroupInvitationStatus,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(GroupInvitation)
      .set({ status, decidedAt: () => 'now()' })
      .where('id = :id AND status = :pending', { id, pending: GroupInvitationStatus.PENDING })
      .execute();
    return result.affected === 1;
  }

  private async settleInvitations(
    tx: EntityManager,
    groupId: string,
    userId: string,
    status: GroupInvitationStatus,
  ): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(GroupInvitation)
      .set({ status, decidedAt: () => 'now()' })
      .where('group_id = :groupId AND user_id = :userId AND status = :pending', {
        groupId,
        userId,
        pending: GroupInvitationStatus.PENDING,
      })
      .execute();
  }
}
