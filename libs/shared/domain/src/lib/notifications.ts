/** What a notification tells a person about (issue 3, "Notifications"). */
export enum NotificationKind {
  /** Someone mentioned me in a forum post. */
  MENTION = 'MENTION',
  /** A reply in a thread I follow. */
  REPLY = 'REPLY',
  /** Someone asks to join a group I coordinate. */
  JOIN_REQUEST = 'JOIN_REQUEST',
  /** A coordinator decided my request to join. */
  JOIN_DECISION = 'JOIN_DECISION',
  /** A coordinator invited me into a group. */
  GROUP_INVITATION = 'GROUP_INVITATION',
  /** A coordinator moderated my thread or post. */
  MODERATION = 'MODERATION',
  /** An opinion request I am party to changed state (submitted, info asked, released…). */
  OPINION_STATE_CHANGED = 'OPINION_STATE_CHANGED',
  /** The office assigned me (an expert) an opinion request. */
  OPINION_ASSIGNED = 'OPINION_ASSIGNED',
  /** A new message in the discussion of an opinion request I am party to. */
  OPINION_DISCUSSION = 'OPINION_DISCUSSION',
  /** Daily: an opinion I owe or oversee is due soon or overdue. */
  OPINION_DEADLINE = 'OPINION_DEADLINE',
  /** A tribunal deadline of a case I am responsible for is 5, 3 or 1 days away, or today. */
  TRIBUNAL_DEADLINE = 'TRIBUNAL_DEADLINE',
  /** A city asked to join a tribunal case (the office), or the office decided it (the city). */
  TRIBUNAL_JOIN = 'TRIBUNAL_JOIN',
  /** An event I am registered for starts tomorrow. */
  EVENT_REMINDER = 'EVENT_REMINDER',
  /** A cancellation freed a seat: I moved from an event's waiting list to the participants. */
  EVENT_PROMOTED = 'EVENT_PROMOTED',
  /** The organiser cancelled an event I was registered or waitlisted for. */
  EVENT_CANCELLED = 'EVENT_CANCELLED',
  /** The office: an official of a member city commented on a consultation on a draft position. */
  POSITION_COMMENT = 'POSITION_COMMENT',
  /** The office: a person filed a data-subject request (objection, other) into its queue. */
  PRIVACY_REQUEST_FILED = 'PRIVACY_REQUEST_FILED',
  /** The office: an open data-subject request is due in 7 days, due today, or overdue. */
  PRIVACY_REQUEST_DEADLINE = 'PRIVACY_REQUEST_DEADLINE',
  /** Officials of member cities: the office opened a consultation they may comment on. */
  POSITION_CONSULTATION_OPENED = 'POSITION_CONSULTATION_OPENED',
  /** Officials of member cities: the office moved a consultation's closing time later. */
  POSITION_CONSULTATION_EXTENDED = 'POSITION_CONSULTATION_EXTENDED',
}

/** How a person wants to be e-mailed about one kind of notification. */
export enum EmailFrequency {
  IMMEDIATE = 'IMMEDIATE',
  DAILY_DIGEST = 'DAILY_DIGEST',
  NEVER = 'NEVER',
}

/** E-mail for what needs the person's answer or concerns them directly; the rest in-app only. */
export const DEFAULT_EMAIL_FREQUENCY: Readonly<Record<NotificationKind, EmailFrequency>> = {
  [NotificationKind.MENTION]: EmailFrequency.IMMEDIATE,
  [NotificationKind.REPLY]: EmailFrequency.NEVER,
  [NotificationKind.JOIN_REQUEST]: EmailFrequency.NEVER,
  [NotificationKind.JOIN_DECISION]: EmailFrequency.IMMEDIATE,
  [NotificationKind.GROUP_INVITATION]: EmailFrequency.IMMEDIATE,
  [NotificationKind.MODERATION]: EmailFrequency.NEVER,
  [NotificationKind.OPINION_STATE_CHANGED]: EmailFrequency.IMMEDIATE,
  [NotificationKind.OPINION_ASSIGNED]: EmailFrequency.IMMEDIATE,
  [NotificationKind.OPINION_DISCUSSION]: EmailFrequency.IMMEDIATE,
  [NotificationKind.OPINION_DEADLINE]: EmailFrequency.IMMEDIATE,
  [NotificationKind.TRIBUNAL_DEADLINE]: EmailFrequency.IMMEDIATE,
  [NotificationKind.TRIBUNAL_JOIN]: EmailFrequency.IMMEDIATE,
  [NotificationKind.EVENT_REMINDER]: EmailFrequency.IMMEDIATE,
  [NotificationKind.EVENT_PROMOTED]: EmailFrequency.IMMEDIATE,
  // The events domain mails every participant itself, as it does the organiser's messages.
  [NotificationKind.EVENT_CANCELLED]: EmailFrequency.NEVER,
  // One per comment in the bell; by mail once a day, or a busy consultation floods the office.
  [NotificationKind.POSITION_COMMENT]: EmailFrequency.DAILY_DIGEST,
  // RODO gives one month to answer: the office hears of each request and deadline at once.
  [NotificationKind.PRIVACY_REQUEST_FILED]: EmailFrequency.IMMEDIATE,
  [NotificationKind.PRIVACY_REQUEST_DEADLINE]: EmailFrequency.IMMEDIATE,
  // Sent to every official of every member city: one daily mail, not one more mail each.
  [NotificationKind.POSITION_CONSULTATION_OPENED]: EmailFrequency.DAILY_DIGEST,
  [NotificationKind.POSITION_CONSULTATION_EXTENDED]: EmailFrequency.DAILY_DIGEST,
};
