import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { NotificationKind } from '@civitas/shared/domain';
import { DomainEvent } from '@civitas/api/core';
import type {
  EventCancelledEvent,
  EventRemindersDueEvent,
  EventWaitlistPromotedEvent,
  OpinionDeadlinesDueEvent,
  OpinionDiscussionPostedEvent,
  OpinionExpertAssignedEvent,
  OpinionRequestTransitionedEvent,
  TribunalDeadlinesDueEvent,
  TribunalJoinEvent,
  PositionCommentPostedEvent,
  PrivacyDeadlinesDueEvent,
  PrivacyRequestFiledEvent,
  PositionConsultationAnnouncedEvent,
  ForumPostModeratedEvent,
  ForumReplyPostedEvent,
  GroupInvitationCreatedEvent,
  GroupJoinDecidedEvent,
  GroupJoinRequestedEvent,
  UserMentionedEvent,
} from '@civitas/api/core';
import { NewNotifications, NotificationsService } from './notifications.service';

/**
 * Turns what other domains announce into notifications. Listeners run after the
 * publisher's request has its answer (async): a failure here is logged and never
 * reaches the person who acted.
 */
@Injectable()
export class NotificationListeners {
  private readonly logger = new Logger(NotificationListeners.name);

  constructor(private readonly notifications: NotificationsService) {}

  @OnEvent(DomainEvent.USER_MENTIONED, { async: true, promisify: true })
  onMention(e: UserMentionedEvent): Promise<void> {
    return this.notify(DomainEvent.USER_MENTIONED, {
      kind: NotificationKind.MENTION,
      recipientIds: e.mentionedUserIds,
      actorId: e.byUserId,
      groupId: e.groupId,
      threadId: e.threadId,
      postId: e.postId,
      payload: { threadTitle: e.threadTitle, groupName: e.groupName },
    });
  }

  @OnEvent(DomainEvent.FORUM_REPLY_POSTED, { async: true, promisify: true })
  onReply(e: ForumReplyPostedEvent): Promise<void> {
    return this.notify(DomainEvent.FORUM_REPLY_POSTED, {
      kind: NotificationKind.REPLY,
      recipientIds: e.followerIds,
      actorId: e.byUserId,
      groupId: e.groupId,
      threadId: e.threadId,
      postId: e.postId,
      payload: { threadTitle: e.threadTitle, groupName: e.groupName },
    });
  }

  @OnEvent(DomainEvent.FORUM_POST_MODERATED, { async: true, promisify: true })
  onModeration(e: ForumPostModeratedEvent): Promise<void> {
    return this.notify(DomainEvent.FORUM_POST_MODERATED, {
      kind: NotificationKind.MODERATION,
      recipientIds: [e.authorId],
      actorId: e.byUserId,
      groupId: e.groupId,
      threadId: e.threadId,
      postId: e.postId,
      payload: {
        action: e.action,
        message: e.reason,
        threadTitle: e.threadTitle,
        groupName: e.groupName,
      },
    });
  }

  @OnEvent(DomainEvent.GROUP_JOIN_REQUESTED, { async: true, promisify: true })
  onJoinRequest(e: GroupJoinRequestedEvent): Promise<void> {
    return this.notify(DomainEvent.GROUP_JOIN_REQUESTED, {
      kind: NotificationKind.JOIN_REQUEST,
      recipientIds: e.coordinatorIds,
      actorId: e.requesterId,
      groupId: e.groupId,
      targetId: e.requestId,
      payload: { groupName: e.groupName },
    });
  }

  @OnEvent(DomainEvent.GROUP_JOIN_DECIDED, { async: true, promisify: true })
  onJoinDecision(e: GroupJoinDecidedEvent): Promise<void> {
    return this.notify(DomainEvent.GROUP_JOIN_DECIDED, {
      kind: NotificationKind.JOIN_DECISION,
      recipientIds: [e.requesterId],
      actorId: e.byUserId,
      groupId: e.groupId,
      payload: { groupName: e.groupName, approved: e.approved, message: e.message },
    });
  }

  @OnEvent(DomainEvent.GROUP_INVITATION_CREATED, { async: true, promisify: true })
  onInvitation(e: GroupInvitationCreatedEvent): Promise<void> {
    return this.notify(DomainEvent.GROUP_INVITATION_CREATED, {
      kind: NotificationKind.GROUP_INVITATION,
      recipientIds: [e.inviteeId],
      actorId: e.byUserId,
      groupId: e.groupId,
      targetId: e.invitationId,
      payload: { groupName: e.groupName },
    });
  }

  @OnEvent(DomainEvent.OPINION_REQUEST_TRANSITIONED, { async: true, promisify: true })
  onOpinionTransition(e: OpinionRequestTransitionedEvent): Promise<void> {
    return this.notify(DomainEvent.OPINION_REQUEST_TRANSITIONED, {
      kind: NotificationKind.OPINION_STATE_CHANGED,
      recipientIds: e.recipientIds,
      actorId: e.byUserId,
      groupId: null,
      targetId: e.requestId,
      payload: { requestSubject: e.subject, state: e.to, message: e.comment },
    });
  }

  @OnEvent(DomainEvent.OPINION_EXPERT_ASSIGNED, { async: true, promisify: true })
  onOpinionAssigned(e: OpinionExpertAssignedEvent): Promise<void> {
    return this.notify(DomainEvent.OPINION_EXPERT_ASSIGNED, {
      kind: NotificationKind.OPINION_ASSIGNED,
      recipientIds: [e.expertId],
      actorId: e.byUserId,
      groupId: null,
      targetId: e.requestId,
      payload: { requestSubject: e.subject, dueDate: e.dueDate },
    });
  }

  @OnEvent(DomainEvent.OPINION_DISCUSSION_POSTED, { async: true, promisify: true })
  onOpinionDiscussion(e: OpinionDiscussionPostedEvent): Promise<void> {
    return this.notify(DomainEvent.OPINION_DISCUSSION_POSTED, {
      kind: NotificationKind.OPINION_DISCUSSION,
      recipientIds: e.recipientIds,
      actorId: e.byUserId,
      groupId: null,
      targetId: e.requestId,
      payload: { requestSubject: e.subject, audience: e.audience },
    });
  }

  /** One reminder per request and person; nobody did it, so the actor is nobody. */
  @OnEvent(DomainEvent.OPINION_DEADLINES_DUE, { async: true, promisify: true })
  async onOpinionDeadlines(e: OpinionDeadlinesDueEvent): Promise<void> {
    for (const r of e.reminders) {
      await this.notify(DomainEvent.OPINION_DEADLINES_DUE, {
        kind: NotificationKind.OPINION_DEADLINE,
        recipientIds: r.recipientIds,
        actorId: null,
        groupId: null,
        targetId: r.requestId,
        payload: { requestSubject: r.subject, dueDate: r.dueDate, overdue: r.overdue },
      });
    }
  }

  /** Tribunal reminders: one per case and person (5, 3, 1 days before and on the day). */
  @OnEvent(DomainEvent.TRIBUNAL_DEADLINES_DUE, { async: true, promisify: true })
  async onTribunalDeadlines(e: TribunalDeadlinesDueEvent): Promise<void> {
    for (const r of e.reminders) {
      await this.notify(DomainEvent.TRIBUNAL_DEADLINES_DUE, {
        kind: NotificationKind.TRIBUNAL_DEADLINE,
        recipientIds: r.recipientIds,
        actorId: null,
        groupId: null,
        targetId: r.caseId,
        // The payload's request fields carry the case: subject = title, dueDate = deadline.
        payload: { requestSubject: r.caseTitle, dueDate: r.deadline, state: r.stage },
      });
    }
  }

  @OnEvent(DomainEvent.TRIBUNAL_JOIN, { async: true, promisify: true })
  onTribunalJoin(e: TribunalJoinEvent): Promise<void> {
    return this.notify(DomainEvent.TRIBUNAL_JOIN, {
      kind: NotificationKind.TRIBUNAL_JOIN,
      recipientIds: e.recipientIds,
      actorId: e.byUserId,
      groupId: null,
      targetId: e.caseId,
      payload: { requestSubject: e.caseTitle, state: e.status, message: e.cityName },
    });
  }

  /** A cancellation freed a seat: the promoted people learn they now take part. */
  @OnEvent(DomainEvent.EVENT_WAITLIST_PROMOTED, { async: true, promisify: true })
  onEventPromotion(e: EventWaitlistPromotedEvent): Promise<void> {
    return this.notify(DomainEvent.EVENT_WAITLIST_PROMOTED, {
      kind: NotificationKind.EVENT_PROMOTED,
      recipientIds: e.recipientIds,
      actorId: null,
      groupId: null,
      targetId: e.eventId,
      // As for the tribunal: subject = the event's title, dueDate = when it starts.
      payload: { requestSubject: e.eventTitle, dueDate: e.startsAt },
    });
  }

  /** An event was cancelled: everyone registered or waitlisted, with the reason. */
  @OnEvent(DomainEvent.EVENT_CANCELLED, { async: true, promisify: true })
  onEventCancelled(e: EventCancelledEvent): Promise<void> {
    return this.notify(DomainEvent.EVENT_CANCELLED, {
      kind: NotificationKind.EVENT_CANCELLED,
      recipientIds: e.recipientIds,
      actorId: e.byUserId,
      groupId: null,
      targetId: e.eventId,
      payload: { requestSubject: e.eventTitle, dueDate: e.startsAt, message: e.reason },
    });
  }

  /** The day before an event, one reminder per event and registered person. */
  @OnEvent(DomainEvent.EVENT_REMINDERS_DUE, { async: true, promisify: true })
  async onEventReminders(e: EventRemindersDueEvent): Promise<void> {
    for (const r of e.reminders) {
      await this.notify(DomainEvent.EVENT_REMINDERS_DUE, {
        kind: NotificationKind.EVENT_REMINDER,
        recipientIds: r.recipientIds,
        actorId: null,
        groupId: null,
        targetId: r.eventId,
        payload: { requestSubject: r.eventTitle, dueDate: r.startsAt },
      });
    }
  }

  /** A comment on a consultation: the office, one notification per comment. */
  @OnEvent(DomainEvent.POSITION_COMMENT_POSTED, { async: true, promisify: true })
  onPositionComment(e: PositionCommentPostedEvent): Promise<void> {
    return this.notify(DomainEvent.POSITION_COMMENT_POSTED, {
      kind: NotificationKind.POSITION_COMMENT,
      recipientIds: e.recipientIds,
      actorId: e.byUserId,
      groupId: null,
      targetId: e.consultationId,
      // As for the tribunal: subject = the consultation's title, message = the city.
      payload: { requestSubject: e.consultationTitle, message: e.cityName },
    });
  }

  /**
   * A data-subject request for the office: the payload carries only what finds it
   * (subject = its reference, state = its kind, dueDate = the deadline), never the person
   * or their words, since the mail leaves the system; nobody "did" it for the bell either.
   */
  @OnEvent(DomainEvent.PRIVACY_REQUEST_FILED, { async: true, promisify: true })
  onPrivacyRequest(e: PrivacyRequestFiledEvent): Promise<void> {
    return this.notify(DomainEvent.PRIVACY_REQUEST_FILED, {
      kind: NotificationKind.PRIVACY_REQUEST_FILED,
      recipientIds: e.recipientIds,
      actorId: null,
      groupId: null,
      targetId: e.requestId,
      payload: { requestSubject: e.reference, state: e.kind, dueDate: e.dueOn },
    });
  }

  /** Privacy reminders: one per request, stage and handler (action = the stage). */
  @OnEvent(DomainEvent.PRIVACY_DEADLINES_DUE, { async: true, promisify: true })
  async onPrivacyDeadlines(e: PrivacyDeadlinesDueEvent): Promise<void> {
    for (const r of e.reminders) {
      await this.notify(DomainEvent.PRIVACY_DEADLINES_DUE, {
        kind: NotificationKind.PRIVACY_REQUEST_DEADLINE,
        recipientIds: r.recipientIds,
        actorId: null,
        groupId: null,
        targetId: r.requestId,
        payload: {
          requestSubject: r.reference,
          state: r.kind,
          dueDate: r.dueOn,
          action: r.stage,
        },
      });
    }
  }

  /** A consultation opened: every official of a member city, who may comment on it. */
  @OnEvent(DomainEvent.POSITION_CONSULTATION_OPENED, { async: true, promisify: true })
  onConsultationOpened(e: PositionConsultationAnnouncedEvent): Promise<void> {
    return this.notify(DomainEvent.POSITION_CONSULTATION_OPENED, this.consultation(e, true));
  }

  /** A consultation extended: the same people, with the new closing time. */
  @OnEvent(DomainEvent.POSITION_CONSULTATION_EXTENDED, { async: true, promisify: true })
  onConsultationExtended(e: PositionConsultationAnnouncedEvent): Promise<void> {
    return this.notify(DomainEvent.POSITION_CONSULTATION_EXTENDED, this.consultation(e, false));
  }

  private consultation(e: PositionConsultationAnnouncedEvent, opened: boolean): NewNotifications {
    return {
      kind: opened
        ? NotificationKind.POSITION_CONSULTATION_OPENED
        : NotificationKind.POSITION_CONSULTATION_EXTENDED,
      recipientIds: e.recipientIds,
      actorId: e.byUserId,
      groupId: null,
      targetId: e.consultationId,
      // As for events: subject = the consultation's title, dueDate = when it closes.
      payload: { requestSubject: e.consultationTitle, dueDate: e.closesAt },
    };
  }

  private async notify(event: string, n: NewNotifications): Promise<void> {
    try {
      await this.notifications.notify(n);
    } catch (e) {
      this.logger.error(`notifications for ${event} failed: ${(e as Error).message}`);
    }
  }
}
