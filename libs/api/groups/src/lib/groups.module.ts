import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  GroupBan,
  GroupInvitation,
  GroupJoinRequest,
  GroupMembership,
  GroupModerationLogEntry,
  WorkingGroup,
} from './group.entity';
import { GroupAccessService } from './group-access.service';
import { GroupLoaders } from './group.loaders';
import {
  GroupBanResolver,
  GroupInvitationResolver,
  GroupJoinRequestResolver,
  GroupMembershipResolver,
  GroupModerationLogResolver,
  GroupPersonResolver,
} from './group-membership.resolver';
import { GroupMembershipService } from './group-membership.service';
import { GroupPeopleService } from './group-people.service';
import { GroupsResolver } from './groups.resolver';
import { GroupsService } from './groups.service';
import { ModerationLogService } from './moderation-log.service';
import { ForumLoaders } from './forum/forum.loaders';
import { ForumGroupResolver, ForumThreadResolver } from './forum/forum.resolver';
import { ForumService } from './forum/forum.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      WorkingGroup,
      GroupMembership,
      GroupBan,
      GroupJoinRequest,
      GroupInvitation,
      GroupModerationLogEntry,
    ]),
  ],
  providers: [
    GroupAccessService,
    GroupPeopleService,
    GroupLoaders,
    ModerationLogService,
    GroupsService,
    GroupMembershipService,
    GroupsResolver,
    GroupMembershipResolver,
    GroupPersonResolver,
    GroupJoinRequestResolver,
    GroupInvitationResolver,
    GroupBanResolver,
    GroupModerationLogResolver,
    ForumLoaders,
    ForumService,
    ForumThreadResolver,
    ForumGroupResolver,
  ],
  exports: [ModerationLogService, GroupAccessService],
})
export class GroupsModule {}
