import type { EntityManager } from 'typeorm';
import type { OpinionDiscussionMessageEvent } from '@civitas/shared/domain';

/**
 * Events one domain publishes and others react to (through @nestjs/event-emitter), so
 * domain libraries never import each other: the forum and the groups announce what
 * happened, notifications decide whom to tell and how.
 */
export const DomainEvent = {
  USER_MENTIONED: 'user.mentioned',
  FORUM_REPLY_POSTED: 'forum.reply-posted',
  FORUM_POST_MODERATED: 'forum.post-moderated',
  GROUP_JOIN_REQUESTED: 'group.join-requested',
  GROUP_JOIN_DECIDED: 'group.join-decided',
  GROUP_INVITATION_CREATED: 'group.invitation-created',
  /** Someone is no longer a member: left, removed or banned (realtime takes them out of rooms). */
  GROUP_MEMBERSHIP_ENDED: 'group.membership-ended',
  /** A coordinator hid or showed a chat message (the groups library logs it). */
  CHAT_MESSAGE_MODERATED: 'chat.message-moderated',
  /** In-app notifications were stored (realtime rings the bells). */
  NOTIFICATIONS_CREATED: 'notifications.created',
  /** An opinion request moved from one state to another; the publisher names whom to tell. */
  OPINION_REQUEST_TRANSITIONED: 'opinion.request-transitioned',
  /** The office assigned an expert to an opinion request. */
  OPINION_EXPERT_ASSIGNED: 'opinion.expert-assigned',
  /** A message in one of an opinion request's discussions. */
  OPINION_DISCUSSION_POSTED: 'opinion.discussion-posted',
  /** The daily deadline reminder: requests due soon or overdue, each with whom to remind. */
  OPINION_DEADLINES_DUE: 'opinion.deadlines-due',
  /** The daily tribunal reminder: deadlines 5, 3, 1 or 0 days away, each with whom to remind. */
  TRIBUNAL_DEADLINES_DUE: 'tribunal.deadlines-due',
  /** A city asked to join a tribunal case, or the office decided such a request. */
  TRIBUNAL_JOIN: 'tribunal.join',
  /** A cancellation moved people from an event's waiting list to its participants. */
  EVENT_WAITLIST_PROMOTED: 'event.waitlist-promoted',
  /** The daily event reminder: events starting tomorrow, each with its registered people. */
  EVENT_REMINDERS_DUE: 'event.reminders-due',
  /** The organiser cancelled an event; everyone registered or waitlisted is told. */
  EVENT_CANCELLED: 'event.cancelled',
  /** An official of a member city commented on a consultation (the office is told). */
  POSITION_COMMENT_POSTED: 'position.comment-posted',
  /** A person filed a request into the office's privacy queue (the office is told). */
  PRIVACY_REQUEST_FILED: 'privacy.request-filed',
  /** The privacy deadline reminder: open requests 7 days from, on or past their deadline. */
  PRIVACY_DEADLINES_DUE: 'privacy.deadlines-due',
  /** The office opened a consultation (officials of member cities are told). */
  POSITION_CONSULTATION_OPENED: 'position.consultation-opened',
  /** The office moved a consultation's closing time later (the same people are told). */
  POSITION_CONSULTATION_EXTENDED: 'position.consultation-extended',
  /**
   * A person's password was reset or changed. Emitted with emitAsync inside the transaction
   * that replaces it; listeners work in `manager` (and must not suppress errors), so what
   * they undo commits or rolls back with the new password.
   */
  ACCOUNT_PASSWORD_REPLACED: 'account.password-replaced',
} as const;

export interface AccountPasswordReplacedEvent {
  userId: string;
  manager: EntityManager;
}

export interface UserMentionedEvent {
  mentionedUserIds: string[];
  byUserId: string;
  groupId: string;
  threadId: string;
  postId: string;
  threadTitle: string;
  groupName: string;
}

export interface ForumReplyPostedEvent {
  /** Followers of the thread to tell, the author already left out; may be none. */
  followerIds: string[];
  byUserId: string;
  groupId: string;
  threadId: string;
  postId: string;
  threadTitle: string;
  groupName: string;
}

export interface ForumPostModeratedEvent {
  authorId: string;
  byUserId: string;
  groupId: string;
  threadId: string;
  postId: string | null;
  threadTitle: string;
  groupName: string;
  action: string;
  reason: string;
}

export interface GroupJoinRequestedEvent {
  coordinatorIds: string[];
  requesterId: string;
  groupId: string;
  groupName: string;
  requestId: string;
}

export interface GroupJoinDecidedEvent {
  requesterId: string;
  byUserId: string;
  groupId: string;
  groupName: string;
  approved: boolean;
  message: string | null;
}

export interface GroupInvitationCreatedEvent {
  inviteeId: string;
  byUserId: string;
  groupId: string;
  groupName: string;
  invitationId: string;
}

export interface GroupMembershipEndedEvent {
  groupId: string;
  userId: string;
  /** Who did it: the person themself when they left. */
  byUserId: string;
  reason: 'LEFT' | 'REMOVED' | 'BANNED';
}

export interface NotificationsCreatedEvent {
  notifications: {
    id: string;
    recipientId: string;
    kind: string;
    groupId: string | null;
    threadId: string | null;
    postId: string | null;
    createdAt: Date;
    /** The recipient's unread notifications, this one included. */
    recipientUnreadCount: number;
  }[];
}

/**
 * Opinion events carry the request's subject and whom to tell: the opinions library knows
 * who is party to a request (confidential), notifications only deliver.
 */
export interface OpinionRequestTransitionedEvent {
  requestId: string;
  subject: string;
  from: string | null;
  to: string;
  byUserId: string;
  comment: string | null;
  recipientIds: string[];
}

export interface OpinionExpertAssignedEvent {
  requestId: string;
  subject: string;
  expertId: string;
  /** YYYY-MM-DD */
  dueDate: string;
  byUserId: string;
}

export interface OpinionDiscussionPostedEvent {
  requestId: string;
  subject: string;
  audience: 'INTERNAL' | 'CITY';
  messageId: string;
  byUserId: string;
  /** Everyone who reads this discussion now (the author too). */
  recipientIds: string[];
  /** The message as the discussion query shows it, for its live room. */
  live: OpinionDiscussionMessageEvent;
}

export interface OpinionDeadlinesDueEvent {
  /** YYYY-MM-DD, the day the reminder ran for. */
  day: string;
  reminders: {
    requestId: string;
    subject: string;
    /** YYYY-MM-DD */
    dueDate: string;
    overdue: boolean;
    recipientIds: string[];
  }[];
}

export interface TribunalDeadlinesDueEvent {
  /** YYYY-MM-DD, the day the reminder ran for. */
  day: string;
  reminders: {
    caseId: string;
    caseTitle: string;
    stage: string;
    /** YYYY-MM-DD */
    deadline: string;
    daysLeft: number;
    recipientIds: string[];
  }[];
}

export interface TribunalJoinEvent {
  caseId: string;
  caseTitle: string;
  cityName: string;
  /** REQUESTED (the office is told), ACCEPTED or DECLINED (the city's requester is). */
  status: 'REQUESTED' | 'ACCEPTED' | 'DECLINED';
  byUserId: string;
  recipientIds: string[];
}

export interface EventWaitlistPromotedEvent {
  eventId: string;
  eventTitle: string;
  /** YYYY-MM-DD HH:mm in Polish time. */
  startsAt: string;
  recipientIds: string[];
}

export interface EventCancelledEvent {
  eventId: string;
  eventTitle: string;
  /** YYYY-MM-DD HH:mm in Polish time. */
  startsAt: string;
  reason: string;
  byUserId: string;
  recipientIds: string[];
}

export interface PositionCommentPostedEvent {
  consultationId: string;
  consultationTitle: string;
  commentId: string;
  cityName: string;
  byUserId: string;
  /** The office's accounts. */
  recipientIds: string[];
}

/**
 * What the office needs to find a data-subject request, and no more: mail leaves the
 * system, so neither the person nor their words travel with it.
 */
export interface PrivacyRequestAlert {
  requestId: string;
  /** `privacyRequestReference(requestId)`, shown in the office's queue. */
  reference: string;
  /** OBJECTION or OTHER. */
  kind: string;
  /** YYYY-MM-DD, the statutory deadline in Polish time. */
  dueOn: string;
  /** Accounts that may handle the queue (privacy:manage). */
  recipientIds: string[];
}

export type PrivacyRequestFiledEvent = PrivacyRequestAlert;

export interface PrivacyDeadlinesDueEvent {
  /** YYYY-MM-DD, the Polish day the reminder ran for. */
  day: string;
  /** Each with its stage: DUE_SOON, DUE_TODAY or OVERDUE. */
  reminders: (PrivacyRequestAlert & { stage: string })[];
}

/** A consultation opened or extended: who may comment on it learns until when. */
export interface PositionConsultationAnnouncedEvent {
  consultationId: string;
  consultationTitle: string;
  /** YYYY-MM-DD HH:mm in Polish time. */
  closesAt: string;
  byUserId: string;
  /** The officials and admins of member cities. */
  recipientIds: string[];
}

export interface EventRemindersDueEvent {
  /** YYYY-MM-DD, the day the reminder ran for (the events start the day after). */
  day: string;
  reminders: {
    eventId: string;
    eventTitle: string;
    /** YYYY-MM-DD HH:mm in Polish time. */
    startsAt: string;
    recipientIds: string[];
  }[];
}

export interface ChatMessageModeratedEvent {
  groupId: string;
  messageId: string;
  /** The message's author; null once their account is gone. */
  authorId: string | null;
  byUserId: string;
  hidden: boolean;
  reason: string | null;
}
