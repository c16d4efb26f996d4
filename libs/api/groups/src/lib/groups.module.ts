import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '@civitas/api/documents';
import {
  GroupBan,
  GroupInvitation,
  GroupJoinRequest,
  GroupMembership,
  GroupModerationLogEntry,
  WorkingGroup,
} from './group.entity';
import { ChatModerationListener } from './chat-moderation.listener';
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
import { ForumAttachmentsResolver } from './forum/forum-attachments.resolver';
import { GroupDocumentsAccess } from './group-documents.access';
import { GroupsPersonalData } from './groups.personal-data';

@Module({
  imports: [
    // The library and forum attachments register their access checkers with documents.
    DocumentsModule,
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
    GroupsPersonalData,
    GroupAccessService,
    GroupPeopleService,
    GroupLoaders,
    ModerationLogService,
    ChatModerationListener,
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
    GroupDocumentsAccess,
    ForumAttachmentsResolver,
  ],
  exports: [ModerationLogService, GroupAccessService],
})
export class GroupsModule {}
