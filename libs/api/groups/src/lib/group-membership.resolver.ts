import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@civitas/shared/domain';
import { LoaderRegistry, Loaders, ParseIdPipe } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, RequirePermission } from '@civitas/api/auth';
import {
  BanGroupMemberInput,
  DecideJoinRequestInput,
  GroupPersonActInput,
  RequestToJoinGroupInput,
  SetGroupMemberRoleInput,
} from './dto/group.inputs';
import {
  GroupBanEntry,
  GroupInvitation,
  GroupJoinRequest,
  GroupMember,
  GroupMemberOrganisation,
  GroupModerationLogEntry,
  GroupPerson,
  WorkingGroup,
} from './group.entity';
import { GroupLoaders } from './group.loaders';
import { GroupMembershipService } from './group-membership.service';

@Resolver(() => GroupMember)
export class GroupMembershipResolver {
  constructor(private readonly service: GroupMembershipService) {}

  @RequirePermission(Permission.GROUP_JOIN)
  @Mutation(() => WorkingGroup, { description: 'Joins an OPEN group at once.' })
  joinGroup(
    @Args('groupId', { type: () => ID }, new ParseIdPipe('Working group')) groupId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<WorkingGroup> {
    return this.service.join(user, groupId);
  }

  @RequirePermission(Permission.GROUP_JOIN)
  @Mutation(() => GroupJoinRequest, { description: 'Asks to join a REQUEST group.' })
  requestToJoinGroup(
    @Args('input') input: RequestToJoinGroupInput,
    @CurrentUser() user: AuthUser,
  ): Promise<GroupJoinRequest> {
    return this.service.requestToJoin(user, input);
  }

  @RequirePermission(Permission.GROUP_COORDINATE)
  @Mutation(() => GroupJoinRequest)
  approveJoinRequest(
    @Args('input') input: DecideJoinRequestInput,
    @CurrentUser() user: AuthUser,
  ): Promise<GroupJoinRequest> {
    return this.service.decide(user, input, true);
  }

  @RequirePermission(Permission.GROUP_COORDINATE)
  @Mutation(() => GroupJoinRequest)
  rejectJoinRequest(
    @Args('input') input: DecideJoinRequestInput,
    @CurrentUser() user: AuthUser,
  ): Promise<GroupJoinRequest> {
    return this.service.decide(user, input, false);
  }

  @RequirePermission(Permission.GROUP_COORDINATE)
  @Mutation(() => GroupInvitation, { description: 'A coordinator invites a person.' })
  inviteToGroup(
    @Args('input') input: GroupPersonActInput,
    @CurrentUser() user: AuthUser,
  ): Promise<GroupInvitation> {
    return this.service.invite(user, input);
  }

  @RequirePermission(Permission.GROUP_JOIN)
  @Mutation(() => WorkingGroup)
  acceptGroupInvitation(
    @Args('id', { type: () => ID }, new ParseIdPipe('Group invitation')) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<WorkingGroup> {
    return this.service.acceptInvitation(user, id);
  }

  @RequirePermission(Permission.GROUP_JOIN)
  @Mutation(() => GroupInvitation)
  declineGroupInvitation(
    @Args('id', { type: () => ID }, new ParseIdPipe('Group invitation')) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<GroupInvitation> {
    return this.service.declineInvitation(user, id);
  }

  @RequirePermission(Permission.GROUP_JOIN)
  @Mutation(() => Boolean, {
    description: "Leaves a group; its last coordinator can't (CONFLICT).",
  })
  leaveGroup(
    @Args('groupId', { type: () => ID }, new ParseIdPipe('Working group')) groupId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<boolean> {
    return this.service.leave(user, groupId);
  }

  @RequirePermission(Permission.GROUP_COORDINATE)
  @Mutation(() => Boolean)
  removeGroupMember(
    @Args('input') input: GroupPersonActInput,
    @CurrentUser() user: AuthUser,
  ): Promise<boolean> {
    return this.service.remove(user, input);
  }

  @RequirePermission(Permission.GROUP_COORDINATE)
  @Mutation(() => Boolean, {
    description: 'Removes the person and keeps them from joining or requesting until unbanned.',
  })
  banFromGroup(
    @Args('input') input: BanGroupMemberInput,
    @CurrentUser() user: AuthUser,
  ): Promise<boolean> {
    return this.service.ban(user, input);
  }

  @RequirePermission(Permission.GROUP_COORDINATE)
  @Mutation(() => Boolean)
  unbanFromGroup(
    @Args('input') input: GroupPersonActInput,
    @CurrentUser() user: AuthUser,
  ): Promise<boolean> {
    return this.service.unban(user, input);
  }

  @RequirePermission(Permission.GROUP_COORDINATE)
  @Mutation(() => GroupMember, { description: 'Promotes a member or demotes a coordinator.' })
  setGroupMemberRole(
    @Args('input') input: SetGroupMemberRoleInput,
    @CurrentUser() user: AuthUser,
  ): Promise<GroupMember> {
    return this.service.setRole(user, input);
  }
}

@Resolver(() => GroupPerson)
export class GroupPersonResolver {
  constructor(private readonly loaders: GroupLoaders) {}

  @ResolveField(() => GroupMemberOrganisation, { description: 'Their city, or the office.' })
  organisation(
    @Parent() person: GroupPerson,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<GroupMemberOrganisation | null> {
    return this.loaders.organisation(loaders).load(person.organisationId);
  }
}

@Resolver(() => GroupJoinRequest)
export class GroupJoinRequestResolver {
  constructor(private readonly loaders: GroupLoaders) {}

  @ResolveField(() => WorkingGroup)
  group(
    @Parent() request: GroupJoinRequest,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<WorkingGroup | null> {
    return this.loaders.group(loaders).load(request.groupId);
  }

  @ResolveField(() => GroupPerson)
  requester(
    @Parent() request: GroupJoinRequest,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<GroupPerson | null> {
    return this.loaders.person(loaders).load(request.userId);
  }
}

@Resolver(() => GroupInvitation)
export class GroupInvitationResolver {
  constructor(private readonly loaders: GroupLoaders) {}

  @ResolveField(() => WorkingGroup)
  group(
    @Parent() invitation: GroupInvitation,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<WorkingGroup | null> {
    return this.loaders.group(loaders).load(invitation.groupId);
  }

  @ResolveField(() => GroupPerson)
  invitee(
    @Parent() invitation: GroupInvitation,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<GroupPerson | null> {
    return this.loaders.person(loaders).load(invitation.userId);
  }

  @ResolveField(() => GroupPerson, { nullable: true })
  invitedBy(
    @Parent() invitation: GroupInvitation,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<GroupPerson | null> | null {
    return invitation.invitedById
      ? this.loaders.person(loaders).load(invitation.invitedById)
      : null;
  }
}

@Resolver(() => GroupBanEntry)
export class GroupBanResolver {
  constructor(private readonly loaders: GroupLoaders) {}

  @ResolveField(() => GroupPerson)
  person(
    @Parent() ban: GroupBanEntry,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<GroupPerson | null> {
    return this.loaders.person(loaders).load(ban.userId);
  }
}

@Resolver(() => GroupModerationLogEntry)
export class GroupModerationLogResolver {
  constructor(private readonly loaders: GroupLoaders) {}

  @ResolveField(() => GroupPerson, { nullable: true, description: 'Who acted.' })
  actor(
    @Parent() entry: GroupModerationLogEntry,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<GroupPerson | null> | null {
    return entry.actorId ? this.loaders.person(loaders).load(entry.actorId) : null;
  }

  @ResolveField(() => GroupPerson, { nullable: true, description: 'The person acted upon.' })
  targetPerson(
    @Parent() entry: GroupModerationLogEntry,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<GroupPerson | null> | null {
    return entry.targetUserId ? this.loaders.person(loaders).load(entry.targetUserId) : null;
  }
}
