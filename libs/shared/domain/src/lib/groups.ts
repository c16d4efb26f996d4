/** Who may find a working group and how one gets in (DOMAIN.md, "Working groups"). */
export enum GroupVisibility {
  /** Anyone who may see it joins at once. */
  OPEN = 'OPEN',
  /** A join request, approved or rejected by a coordinator. */
  REQUEST = 'REQUEST',
  /** Only by a coordinator's invitation. */
  INVITE = 'INVITE',
  /** Invisible to non-members everywhere; only by invitation. */
  SECRET = 'SECRET',
}

export enum GroupRole {
  MEMBER = 'MEMBER',
  COORDINATOR = 'COORDINATOR',
}

export enum JoinRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

export enum GroupInvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  /** Withdrawn by a ban of the invitee. */
  REVOKED = 'REVOKED',
}

/** Coordinator acts kept in a group's moderation log, the forum's included. */
export enum GroupModerationAction {
  APPROVE_REQUEST = 'APPROVE_REQUEST',
  REJECT_REQUEST = 'REJECT_REQUEST',
  INVITE = 'INVITE',
  REMOVE_MEMBER = 'REMOVE_MEMBER',
  BAN = 'BAN',
  UNBAN = 'UNBAN',
  PROMOTE = 'PROMOTE',
  DEMOTE = 'DEMOTE',
  CHANGE_VISIBILITY = 'CHANGE_VISIBILITY',
  UPDATE_DETAILS = 'UPDATE_DETAILS',
  PIN_THREAD = 'PIN_THREAD',
  UNPIN_THREAD = 'UNPIN_THREAD',
  LOCK_THREAD = 'LOCK_THREAD',
  UNLOCK_THREAD = 'UNLOCK_THREAD',
  HIDE_THREAD = 'HIDE_THREAD',
  UNHIDE_THREAD = 'UNHIDE_THREAD',
  HIDE_POST = 'HIDE_POST',
  UNHIDE_POST = 'UNHIDE_POST',
  MOVE_THREAD = 'MOVE_THREAD',
  /** The group chat's (issue 4): a coordinator hides or shows a message. */
  HIDE_CHAT_MESSAGE = 'HIDE_CHAT_MESSAGE',
  UNHIDE_CHAT_MESSAGE = 'UNHIDE_CHAT_MESSAGE',
}

export const GROUP_NAME_MAX = 120;
export const GROUP_TOPIC_MAX = 120;
export const GROUP_DESCRIPTION_MAX = 5000;
/** A group is created with at least one and at most this many coordinators. */
export const GROUP_INITIAL_COORDINATORS_MAX = 10;
/** Join-request messages, decision messages and moderation reasons. */
export const GROUP_MESSAGE_MAX = 1000;
