import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { JoinRequestStatus } from '@civitas/shared/domain';
import { ConnectionType, PageArgs } from '@civitas/api/core';
import {
  GroupBanEntry,
  GroupInvitation,
  GroupJoinRequest,
  GroupMember,
  GroupModerationLogEntry,
  WorkingGroup,
} from '../group.entity';

@ArgsType()
export class GroupsArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, with or without diacritics ("lodz", "mieszkaniowa").',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

@ArgsType()
export class GroupPageArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a working group id' })
  groupId: string;
}

@ArgsType()
export class GroupMembersArgs extends GroupPageArgs {
  @Field(() => String, { nullable: true, description: 'Part of the name, without diacritics.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

@ArgsType()
export class GroupJoinRequestsArgs extends GroupPageArgs {
  @Field(() => JoinRequestStatus, { defaultValue: JoinRequestStatus.PENDING })
  @IsEnum(JoinRequestStatus)
  status: JoinRequestStatus = JoinRequestStatus.PENDING;
}

@ObjectType()
export class WorkingGroupConnection extends ConnectionType(WorkingGroup) {}

@ObjectType()
export class GroupMemberConnection extends ConnectionType(GroupMember) {}

@ObjectType()
export class GroupJoinRequestConnection extends ConnectionType(GroupJoinRequest) {}

@ObjectType()
export class GroupInvitationConnection extends ConnectionType(GroupInvitation) {}

@ObjectType()
export class GroupBanConnection extends ConnectionType(GroupBanEntry, 'GroupBan') {}

@ObjectType()
export class GroupModerationLogConnection extends ConnectionType(GroupModerationLogEntry) {}
