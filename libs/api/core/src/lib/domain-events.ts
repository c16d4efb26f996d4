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
  /** In-app notifications were stored (realtime rings the bells). */
  NOTIFICATIONS_CREATED: 'notifications.created',
} as const;

export interface UserMentionedEvent {
  mentionedUserIds: string[];
  byUserId: string;
  groupId: string;
  threadId: string;
  postId: string;
  threadTitle: string;
}

export interface ForumReplyPostedEvent {
  /** Followers of the thread to tell, the author already left out. */
  followerIds: string[];
  byUserId: string;
  groupId: string;
  threadId: string;
  postId: string;
  threadTitle: string;
}

export interface ForumPostModeratedEvent {
  authorId: string;
  byUserId: string;
  groupId: string;
  threadId: string;
  postId: string | null;
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
