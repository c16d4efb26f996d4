import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GroupModerationAction } from '@civitas/shared/domain';
import { DomainEvent } from '@civitas/api/core';
import type { ChatMessageModeratedEvent } from '@civitas/api/core';
import { ModerationLogService } from './moderation-log.service';

/**
 * The group chat (libs/api/chat) may not import this library: it announces a coordinator's
 * hiding or showing of a message, and the act goes into the group's moderation log here.
 */
@Injectable()
export class ChatModerationListener {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly log: ModerationLogService,
  ) {}

  @OnEvent(DomainEvent.CHAT_MESSAGE_MODERATED, { async: true, promisify: true })
  async record(event: ChatMessageModeratedEvent): Promise<void> {
    await this.log.record(this.db.manager, {
      groupId: event.groupId,
      actorId: event.byUserId,
      action: event.hidden
        ? GroupModerationAction.HIDE_CHAT_MESSAGE
        : GroupModerationAction.UNHIDE_CHAT_MESSAGE,
      targetUserId: event.authorId,
      targetType: 'CHAT_MESSAGE',
      targetId: event.messageId,
      reason: event.reason,
    });
  }
}
