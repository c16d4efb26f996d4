import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GroupRole, Permission } from '@civitas/shared/domain';
import { Connection, LoaderRegistry, Loaders, PageArgs, ParseIdPipe } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, RequirePermission } from '@civitas/api/auth';
import { CreateWorkingGroupInput, UpdateWorkingGroupInput } from './dto/group.inputs';
import {
  GroupBanConnection,
  GroupInvitationConnection,
  GroupJoinRequestConnection,
  GroupJoinRequestsArgs,
  GroupMemberConnection,
  GroupMembersArgs,
  GroupModerationLogConnection,
  GroupPageArgs,
  GroupsArgs,
  WorkingGroupConnection,
} from './dto/groups.args';
import {
  GroupBanEntry,
  GroupInvitation,
  GroupJoinRequest,
  GroupMember,
  GroupModerationLogEntry,
  WorkingGroup,
} from './group.entity';
import { GroupLoaders } from './group.loaders';
import { GroupsService } from './groups.service';

@Resolver(() => WorkingGroup)
export class GroupsResolver {
  constructor(
    private readonly service: GroupsService,
    private readonly loaders: GroupLoaders,
  ) {}

  @RequirePermission(Permission.GROUPS_READ)
  @Query(() => WorkingGroupConnection, {
    description: 'Every working group the caller may see (the office: all of them).',
  })
  groups(
    @Args() args: GroupsArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<WorkingGroup>> {
    return this.service.list(user, args, 'all');
  }

  @RequirePermission(Permission.GROUPS_READ)
  @Query(() => WorkingGroupConnection, {
    description: 'Groups the caller may join or ask to join now.',
  })
  discoverGroups(
    @Args() args: GroupsArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<WorkingGroup>> {
    return this.service.list(user, args, 'discover');
  }

  @RequirePermission(Permission.GROUPS_READ)
  @Query(() => WorkingGroupConnection, {
    description: 'Groups the caller belongs to; `viewerRole` says as what.',
  })
  myGroups(
    @Args() args: GroupsArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<WorkingGroup>> {
    return this.service.list(user, args, 'mine');
  }

  @RequirePermission(Permission.GROUPS_READ)
  @Query(() => WorkingGroup, { description: 'NOT_FOUND when the group is hidden from the caller.' })
  group(
    @Args('id', { type: () => ID }, new ParseIdPipe('Working group')) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<WorkingGroup> {
    return this.service.get(user, id);
  }

  @RequirePermission(Permission.GROUPS_READ)
  @Query(() => GroupMemberConnection, {
    description: "A group's members with their organisation and role: for members and the office.",
  })
  groupMembers(
    @Args() args: GroupMembersArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<GroupMember>> {
    return this.service.members(user, args);
  }

  @RequirePermission(Permission.GROUP_COORDINATE)
  @Query(() => GroupJoinRequestConnection, {
    description: "The group's join requests (pending by default), oldest first: coordinators.",
  })
  groupJoinRequests(
    @Args() args: GroupJoinRequestsArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<GroupJoinRequest>> {
    return this.service.joinRequests(user, args);
  }

  @RequirePermission(Permission.GROUP_COORDINATE)
  @Query(() => GroupInvitationConnection, {
    description: "The group's invitations, newest first: coordinators.",
  })
  groupInvitations(
    @Args() args: GroupPageArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<GroupInvitation>> {
    return this.service.groupInvitations(user, args);
  }

  @RequirePermission(Permission.GROUP_COORDINATE)
  @Query(() => GroupBanConnection, { description: "The group's bans, newest first: coordinators." })
  groupBans(
    @Args() args: GroupPageArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<GroupBanEntry>> {
    return this.service.bans(user, args);
  }

  @RequirePermission(Permission.GROUP_COORDINATE)
  @Query(() => GroupModerationLogConnection, {
    description:
      'Who did what in the group, when and why, newest first: coordinators and the office.',
  })
  moderationLog(
    @Args() args: GroupPageArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<GroupModerationLogEntry>> {
    return this.service.moderationLog(user, args);
  }

  @RequirePermission(Permission.GROUPS_READ)
  @Query(() => GroupJoinRequestConnection, {
    description: "The caller's join requests with the coordinators' decisions, newest first.",
  })
  myJoinRequests(
    @Args() args: PageArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<GroupJoinRequest>> {
    return this.service.myJoinRequests(user, args);
  }

  @RequirePermission(Permission.GROUPS_READ)
  @Query(() => GroupInvitationConnection, {
    description: 'Invitations to groups the caller received, newest first.',
  })
  myGroupInvitations(
    @Args() args: PageArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<GroupInvitation>> {
    return this.service.myInvitations(user, args);
  }

  @RequirePermission(Permission.GROUP_CREATE)
  @Mutation(() => WorkingGroup, {
    description: 'The office creates a group with its coordinators.',
  })
  createWorkingGroup(
    @Args('input') input: CreateWorkingGroupInput,
    @CurrentUser() user: AuthUser,
  ): Promise<WorkingGroup> {
    return this.service.create(user, input);
  }

  @RequirePermission(Permission.GROUP_COORDINATE)
  @Mutation(() => WorkingGroup, {
    description: "Coordinators (and the office) edit the group's details and visibility.",
  })
  updateWorkingGroup(
    @Args('id', { type: () => ID }, new ParseIdPipe('Working group')) id: string,
    @Args('input') input: UpdateWorkingGroupInput,
    @CurrentUser() user: AuthUser,
  ): Promise<WorkingGroup> {
    return this.service.update(user, id, input);
  }

  @ResolveField(() => GroupRole, {
    nullable: true,
    description: "The signed-in person's role in the group; null when not a member.",
  })
  viewerRole(
    @Parent() group: WorkingGroup,
    @CurrentUser() user: AuthUser,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<GroupRole | null> {
    return this.loaders.viewerRole(loaders, user.id).load(group.id);
  }

  @ResolveField(() => Int)
  memberCount(@Parent() group: WorkingGroup, @Loaders() loaders: LoaderRegistry): Promise<number> {
    return this.loaders.memberCount(loaders).load(group.id);
  }
}
