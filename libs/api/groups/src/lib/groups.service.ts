import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import {
  foldForSearch,
  GroupModerationAction,
  GroupRole,
  GroupVisibility,
} from '@civitas/shared/domain';
import {
  badUserInput,
  conflict,
  Connection,
  decodeCursor,
  forbidden,
  nameStartsWith,
  PageArgs,
  toConnection,
} from '@civitas/api/core';
import { AuditService } from '@civitas/api/audit';
import type { AuthUser } from '@civitas/api/auth';
import { CreateWorkingGroupInput, UpdateWorkingGroupInput } from './dto/group.inputs';
import {
  GroupJoinRequestsArgs,
  GroupMembersArgs,
  GroupPageArgs,
  GroupsArgs,
} from './dto/groups.args';
import {
  GroupBan,
  GroupBanEntry,
  GroupInvitation,
  GroupJoinRequest,
  GroupMember,
  GroupMembership,
  GroupModerationLogEntry,
  WorkingGroup,
} from './group.entity';
import { GroupAccessService, isParticipant } from './group-access.service';
import { ModerationLogService } from './moderation-log.service';

/** Newest first, by (created_at, id). */
async function newestFirst<T extends ObjectLiteral & { id: string; createdAt: Date }>(
  filtered: SelectQueryBuilder<T>,
  alias: string,
  args: PageArgs,
  direction: 'ASC' | 'DESC' = 'DESC',
): Promise<Connection<T>> {
  const page = filtered
    .clone()
    .orderBy(`${alias}.created_at`, direction)
    .addOrderBy(`${alias}.id`, direction)
    .take(args.first + 1);
  if (args.after) {
    const [createdAt, id] = decodeCursor(args.after, 2);
    page.andWhere(
      `(${alias}.created_at, ${alias}.id) ${direction === 'DESC' ? '<' : '>'} (:createdAt, :id)`,
      { createdAt, id },
    );
  }
  const [rows, total] = await Promise.all([page.getMany(), filtered.getCount()]);
  return toConnection(rows, args.first, total, (r) => [r.createdAt.toISOString(), r.id]);
}

interface PersonFacts {
  id: string;
  role: AuthUser['role'];
  active: boolean;
  org_ok: boolean;
}

@Injectable()
export class GroupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: GroupAccessService,
    private readonly log: ModerationLogService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Groups the caller may see. `discover`: those they may join or ask to join now (not a
   * member, not banned, OPEN or REQUEST, and open to them); `mine`: those they belong to.
   */
  async list(
    user: AuthUser,
    args: GroupsArgs,
    mode: 'all' | 'discover' | 'mine',
  ): Promise<Connection<WorkingGroup>> {
    const viewer = await this.access.viewer(user);
    const filtered = this.db.getRepository(WorkingGroup).createQueryBuilder('g');
    const member = `EXISTS (SELECT 1 FROM group_membership mm WHERE mm.group_id = g.id AND mm.user_id = :me)`;
    if (mode === 'mine') {
      filtered.where(member, { me: user.id });
    } else {
      filtered.where(...this.access.visibleSql('g', viewer));
    }
    if (mode === 'discover') {
      filtered
        .andWhere(`g.visibility IN (:...joinable)`, {
          joinable: [GroupVisibility.OPEN, GroupVisibility.REQUEST],
        })
        .andWhere(`(:participant OR g.open_to_guests)`, { participant: viewer.participant })
        .andWhere(`NOT ${member}`, { me: user.id })
        .andWhere(
          `NOT EXISTS (SELECT 1 FROM group_ban bb WHERE bb.group_id = g.id AND bb.user_id = :me)`,
        );
    }
    const search = args.search?.trim();
    if (search) filtered.andWhere(...nameStartsWith('g.name_folded', search));
    const page = filtered
      .clone()
      .orderBy('g.name_folded', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .take(args.first + 1);
    if (args.after) {
      const [name, id] = decodeCursor(args.after, 2);
      page.andWhere('(g.name_folded, g.id) > (:cursorName, :cursorId)', {
        cursorName: name,
        cursorId: id,
      });
    }
    const [rows, total] = await Promise.all([page.getMany(), filtered.getCount()]);
    return toConnection(rows, args.first, total, (g) => [g.nameFolded, g.id]);
  }

  async get(user: AuthUser, id: string): Promise<WorkingGroup> {
    return (await this.access.visibleGroup(user, id)).group;
  }

  /** A group's members are shown to its members and to the office. */
  async members(user: AuthUser, args: GroupMembersArgs): Promise<Connection<GroupMember>> {
    const { viewer, standing } = await this.access.visibleGroup(user, args.groupId);
    if (!viewer.office && !standing.role) {
      throw forbidden("Only this group's members see who belongs to it");
    }
    const filtered = this.db
      .createQueryBuilder()
      .from('group_membership', 'm')
      .innerJoin('app_user', 'u', 'u.id = m.user_id')
      .where('m.group_id = :group', { group: args.groupId });
    // A member who restricted processing of their data is not listed to other members
    // (nor offered for mentions); the office still sees everyone it manages.
    if (!viewer.office) filtered.andWhere('u.processing_restricted_at IS NULL');
    const search = args.search?.trim();
    if (search) filtered.andWhere(...nameStartsWith('u.name_folded', search));
    const page = filtered
      .clone()
      .select([
        'u.id AS id',
        'u.name AS name',
        'u.name_folded AS name_folded',
        'u.position AS position',
        'u.organisation_id AS organisation_id',
        'm.role AS role',
        'm.joined_at AS joined_at',
      ])
      .orderBy('u.name_folded', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(args.first + 1);
    if (args.after) {
      const [name, id] = decodeCursor(args.after, 2);
      page.andWhere('(u.name_folded, u.id) > (:cursorName, :cursorId)', {
        cursorName: name,
        cursorId: id,
      });
    }
    const [rows, total] = await Promise.all([
      page.getRawMany<{
        id: string;
        name: string;
        name_folded: string;
        position: string | null;
        organisation_id: string;
        role: GroupRole;
        joined_at: Date;
      }>(),
      filtered.getCount(),
    ]);
    const members: GroupMember[] = rows.map((r) => ({
      person: {
        id: r.id,
        name: r.name,
        position: r.position,
        organisationId: r.organisation_id,
      },
      role: r.role,
      joinedAt: r.joined_at,
      nameFolded: r.name_folded,
    }));
    return toConnection(members, args.first, total, (m) => [m.nameFolded, m.person.id]);
  }

  /** Coordinators and the office: the group's join requests, oldest first. */
  async joinRequests(
    user: AuthUser,
    args: GroupJoinRequestsArgs,
  ): Promise<Connection<GroupJoinRequest>> {
    await this.access.coordinatedGroup(user, args.groupId);
    const filtered = this.db
      .getRepository(GroupJoinRequest)
      .createQueryBuilder('r')
      .where('r.group_id = :group AND r.status = :status', {
        group: args.groupId,
        status: args.status,
      });
    return newestFirst(filtered, 'r', args, 'ASC');
  }

  /** The caller's own join requests with their decisions, newest first. */
  async myJoinRequests(user: AuthUser, args: PageArgs): Promise<Connection<GroupJoinRequest>> {
    const viewer = await this.access.viewer(user);
    const filtered = this.db
      .getRepository(GroupJoinRequest)
      .createQueryBuilder('r')
      .innerJoin(WorkingGroup, 'g', 'g.id = r.group_id')
      .where('r.user_id = :me', { me: user.id })
      .andWhere(...this.access.visibleSql('g', viewer));
    return newestFirst(filtered, 'r', args);
  }

  /** Invitations to the caller, newest first. */
  async myInvitations(user: AuthUser, args: PageArgs): Promise<Connection<GroupInvitation>> {
    const viewer = await this.access.viewer(user);
    const filtered = this.db
      .getRepository(GroupInvitation)
      .createQueryBuilder('i')
      .innerJoin(WorkingGroup, 'g', 'g.id = i.group_id')
      .where('i.user_id = :me', { me: user.id })
      .andWhere(...this.access.visibleSql('g', viewer));
    return newestFirst(filtered, 'i', args);
  }

  async groupInvitations(
    user: AuthUser,
    args: GroupPageArgs,
  ): Promise<Connection<GroupInvitation>> {
    await this.access.coordinatedGroup(user, args.groupId);
    const filtered = this.db
      .getRepository(GroupInvitation)
      .createQueryBuilder('i')
      .where('i.group_id = :group', { group: args.groupId });
    return newestFirst(filtered, 'i', args);
  }

  async bans(user: AuthUser, args: GroupPageArgs): Promise<Connection<GroupBanEntry>> {
    await this.access.coordinatedGroup(user, args.groupId);
    const filtered = this.db
      .getRepository(GroupBan)
      .createQueryBuilder('b')
      .where('b.group_id = :group', { group: args.groupId });
    const page = filtered
      .clone()
      .orderBy('b.created_at', 'DESC')
      .addOrderBy('b.user_id', 'DESC')
      .take(args.first + 1);
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, 2);
      page.andWhere('(b.created_at, b.user_id) < (:createdAt, :id)', { createdAt, id });
    }
    const [rows, total] = await Promise.all([page.getMany(), filtered.getCount()]);
    return toConnection(
      rows.map((b) => ({ userId: b.userId, reason: b.reason, bannedAt: b.createdAt })),
      args.first,
      total,
      (b) => [b.bannedAt.toISOString(), b.userId],
    );
  }

  async moderationLog(
    user: AuthUser,
    args: GroupPageArgs,
  ): Promise<Connection<GroupModerationLogEntry>> {
    await this.access.coordinatedGroup(user, args.groupId);
    const filtered = this.db
      .getRepository(GroupModerationLogEntry)
      .createQueryBuilder('l')
      .where('l.group_id = :group', { group: args.groupId });
    return newestFirst(filtered, 'l', args);
  }

  /** The office creates a group with its first coordinators. */
  async create(actor: AuthUser, input: CreateWorkingGroupInput): Promise<WorkingGroup> {
    if (input.visibility === GroupVisibility.SECRET && input.openToGuests) {
      throw badUserInput('A secret group cannot be open to guests', [
        { field: 'openToGuests', problems: ['cannot be true for a SECRET group'] },
      ]);
    }
    const name = input.name.trim();
    return this.db.transaction(async (tx) => {
      await this.assertNameFree(tx.getRepository(WorkingGroup), name);
      const people: PersonFacts[] = await tx.query(
        `SELECT u.id, u.role, u.deactivated_at IS NULL AS active,
                (o.membership_status = 'MEMBER' OR o.kind = 'ASSOCIATION_OFFICE') AS org_ok
         FROM app_user u JOIN organisation o ON o.id = u.organisation_id
         WHERE u.id = ANY($1::uuid[])`,
        [input.coordinatorIds],
      );
      const fit = new Set(
        people.filter((p) => p.active && isParticipant(p.role, p.org_ok)).map((p) => p.id),
      );
      if (input.coordinatorIds.some((id) => !fit.has(id))) {
        throw badUserInput('Coordinators must be active people of member cities or the office', [
          {
            field: 'coordinatorIds',
            problems: ['unknown, inactive, guest or expert accounts cannot coordinate'],
          },
        ]);
      }
      const group = await tx.getRepository(WorkingGroup).save({
        name,
        nameFolded: foldForSearch(name),
        topic: input.topic.trim(),
        description: input.description.trim(),
        visibility: input.visibility,
        openToGuests: input.openToGuests,
        createdById: actor.id,
      });
      await tx.getRepository(GroupMembership).insert(
        input.coordinatorIds.map((userId) => ({
          groupId: group.id,
          userId,
          role: GroupRole.COORDINATOR,
        })),
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'group.create',
          entityType: 'working_group',
          entityId: group.id,
          details: {
            name,
            visibility: input.visibility,
            openToGuests: input.openToGuests,
            coordinatorIds: input.coordinatorIds,
          },
        },
        tx,
      );
      return tx.getRepository(WorkingGroup).findOneByOrFail({ id: group.id });
    });
  }

  /** Coordinators (and the office) edit the group; visibility changes go to the log. */
  async update(actor: AuthUser, id: string, input: UpdateWorkingGroupInput): Promise<WorkingGroup> {
    return this.db.transaction(async (tx) => {
      const { group } = await this.access.coordinatedGroup(actor, id, tx, true);
      const visibility = input.visibility ?? group.visibility;
      const openToGuests = input.openToGuests ?? group.openToGuests;
      if (visibility === GroupVisibility.SECRET && openToGuests) {
        throw badUserInput('A secret group cannot be open to guests', [
          { field: 'openToGuests', problems: ['cannot be true for a SECRET group'] },
        ]);
      }
      const details: Partial<WorkingGroup> = {};
      if (input.name !== undefined && input.name.trim() !== group.name) {
        details.name = input.name.trim();
        details.nameFolded = foldForSearch(details.name);
        if (details.nameFolded !== group.nameFolded) {
          await this.assertNameFree(tx.getRepository(WorkingGroup), details.name);
        }
      }
      if (input.topic !== undefined && input.topic.trim() !== group.topic)
        details.topic = input.topic.trim();
      if (input.description !== undefined && input.description.trim() !== group.description)
        details.description = input.description.trim();
      const access: Partial<WorkingGroup> = {};
      if (visibility !== group.visibility) access.visibility = visibility;
      if (openToGuests !== group.openToGuests) access.openToGuests = openToGuests;

      if (Object.keys(details).length + Object.keys(access).length === 0) return group;
      await tx.getRepository(WorkingGroup).update(id, { ...details, ...access });
      if (Object.keys(details).length > 0) {
        const { nameFolded: _, ...changed } = details;
        await this.log.record(tx, {
          groupId: id,
          actorId: actor.id,
          action: GroupModerationAction.UPDATE_DETAILS,
          reason: input.reason,
          details: { changed: Object.keys(changed) },
        });
      }
      if (Object.keys(access).length > 0) {
        await this.log.record(tx, {
          groupId: id,
          actorId: actor.id,
          action: GroupModerationAction.CHANGE_VISIBILITY,
          reason: input.reason,
          details: {
            from: { visibility: group.visibility, openToGuests: group.openToGuests },
            to: { visibility, openToGuests },
          },
        });
      }
      return tx.getRepository(WorkingGroup).findOneByOrFail({ id });
    });
  }

  private async assertNameFree(repo: Repository<WorkingGroup>, name: string): Promise<void> {
    if (await repo.existsBy({ nameFolded: foldForSearch(name) })) {
      throw conflict(`A working group named "${name}" already exists`);
    }
  }
}
