/**
 * The realtime contract (issue 4): socket.io events between the API and the web, typed once
 * here and used by both sides (`Server<ClientToServerEvents, ServerToClientEvents,
 * InterServerEvents, SocketData>` on the API, `Socket<ServerToClientEvents,
 * ClientToServerEvents>` from socket.io-client on the web).
 *
 * One namespace for the whole app (`REALTIME_NAMESPACE`) on the API's own port and the
 * default socket.io path. The handshake carries the same access token as GraphQL:
 * `io(url, { auth: { token } })`. A refused handshake arrives as `connect_error` whose `data`
 * is a {@link RealtimeConnectRefusal}: on `TOKEN_EXPIRED` the client refreshes its access token
 * (GraphQL `refreshSession`) and connects again.
 *
 * Rooms are the server's business: a socket is always in its person's own room (live
 * notifications, read state across tabs) and enters a group's room only through
 * `group:subscribe`, which the server authorises against group membership every time,
 * recovered connections included. When a person leaves a group or is removed or banned, the
 * server takes all their sockets out of its room at once and sends `group:unsubscribed`.
 *
 * Chat delivery never depends on the transport: every stored message has a per-group
 * sequence number (`seq`: 1, 2, 3, … with no gaps, deleted messages keep theirs). A client
 * keeps, per group, the highest `seq` up to which it holds every message (not merely the
 * highest it has seen: live delivery can skip one, e.g. when a process dies between storing
 * and broadcasting). It calls `chat:sync` with that number after every (re)connection, once
 * in the room, and whenever a live message arrives with a `seq` beyond it plus one. It sends
 * every message with an idempotency key and, when the acknowledgement did not arrive, sends
 * it again with the same key (after reconnecting): the server answers with the message it
 * stored the first time (`duplicate: true`), broadcasts it again, and never stores it twice.
 * Messages may arrive live out of `seq` order and more than once: order and de-duplicate
 * by `seq`.
 */
import { ErrorCode } from './errors';
import { OpinionDiscussionAudience } from './opinions';
import { Permission, Role } from './roles';

/** The one namespace of the app. */
export const REALTIME_NAMESPACE = '/';

/** Codes of refused events; the same words as GraphQL's `extensions.code`. */
export type RealtimeErrorCode =
  | ErrorCode.BAD_USER_INPUT
  | ErrorCode.NOT_FOUND
  | ErrorCode.FORBIDDEN
  | ErrorCode.TOO_MANY_REQUESTS
  | ErrorCode.UNAUTHENTICATED
  | ErrorCode.CONFLICT
  /** Something failed on the server; nothing was stored, sending again is safe. */
  | 'INTERNAL_SERVER_ERROR';

/** The `data` of a `connect_error` when the server refuses the handshake. */
export interface RealtimeConnectRefusal {
  /**
   * `UNAUTHENTICATED`: no token, a bad one, or the session was ended (sign in again);
   * `TOKEN_EXPIRED`: refresh the access token and connect again;
   * `FORBIDDEN`: the page's Origin is not allowed;
   * `TOO_MANY_REQUESTS`: too many connections, wait `retryAfterSeconds`.
   */
  code:
    | ErrorCode.UNAUTHENTICATED
    | ErrorCode.TOKEN_EXPIRED
    | ErrorCode.FORBIDDEN
    | ErrorCode.TOO_MANY_REQUESTS;
  message: string;
  retryAfterSeconds?: number;
}

/** A refused event: the connection stays up and nothing was changed or stored. */
export interface RealtimeRefusal {
  ok: false;
  code: RealtimeErrorCode;
  /** Something a person can act on. */
  message: string;
  /** BAD_USER_INPUT: what is wrong with which field of the payload. */
  fields?: Record<string, string>;
  /** TOO_MANY_REQUESTS: when to try again. */
  retryAfterSeconds?: number;
}

/** What an acknowledgement carries: `{ ok: true, ...result }` or a refusal. */
export type RealtimeAck<T extends object = object> = ({ ok: true } & T) | RealtimeRefusal;

/** The acknowledgement callback of an event. */
export type AckCallback<T extends object = object> = (ack: RealtimeAck<T>) => void;

/** A person as the chat and the presence list show them. */
export interface ChatPerson {
  id: string;
  name: string;
  /** Their city's or organisation's name. */
  organisationName: string;
}

/** One message of a working group's chat. */
export interface ChatMessage {
  id: string;
  groupId: string;
  /** Position in the group's chat: 1, 2, 3, … in the order the messages were stored. */
  seq: number;
  /** Null once the account is gone. */
  author: ChatPerson | null;
  /** Sanitised HTML of the Markdown subset; null when the author deleted it or it is hidden. */
  bodyHtml: string | null;
  /** The Markdown source, for editing; null when deleted or hidden. */
  bodySource: string | null;
  /** The message this one answers, in the same group. */
  replyToId: string | null;
  /** ISO 8601 times. */
  editedAt: string | null;
  /** Deleted by its author ("message deleted" stays in its place). */
  deletedAt: string | null;
  /** Hidden by a coordinator. */
  hidden: boolean;
  createdAt: string;
}

/** A page of a group's chat, always in ascending `seq`. */
export interface ChatMessagePage {
  groupId: string;
  messages: ChatMessage[];
  /** Whether more messages lie beyond this page in the direction asked. */
  hasMore: boolean;
  /**
   * history: the cursor for the next (older) page, to pass as `beforeSeq`; null at the start.
   * sync: the highest `seq` in this page (or the `afterSeq` asked), to pass as `afterSeq`.
   */
  cursor: number | null;
}

/** A person's place in one group's chat. */
export interface ChatUnread {
  groupId: string;
  /** The highest `seq` in the group's chat (0 when empty). */
  lastSeq: number;
  /** The highest `seq` this person has read. */
  readSeq: number;
  /** Messages after `readSeq` by others, not deleted and not hidden. */
  unread: number;
}

export interface PresenceMember extends ChatPerson {
  /** When their first socket still in the room subscribed (ISO 8601). */
  since: string;
}

/** Payloads the client sends. */
export interface GroupRoomInput {
  groupId: string;
}

export interface ThreadRoomInput {
  threadId: string;
}

export interface ChatSendInput {
  groupId: string;
  /** A UUID the client makes once per message and keeps for every retry. */
  idempotencyKey: string;
  /** Markdown subset, 1 to `CHAT_MESSAGE_MAX` characters after trimming. */
  body: string;
  replyToId?: string | null;
}

export interface ChatEditInput {
  messageId: string;
  body: string;
}

export interface ChatMessageInput {
  messageId: string;
}

export interface ChatHideInput {
  messageId: string;
  /** true hides, false shows again. */
  hidden: boolean;
  /** Why, kept in the group's moderation log. */
  reason?: string | null;
}

export interface ChatHistoryInput {
  groupId: string;
  /** Messages before this `seq` (the cursor of the previous page); absent: the newest. */
  beforeSeq?: number | null;
  /** 1 to `CHAT_PAGE_MAX`, default `CHAT_PAGE_DEFAULT`. */
  limit?: number;
}

export interface ChatSyncInput {
  groupId: string;
  /** Everything after this `seq`: the highest the client has seen, 0 for all. */
  afterSeq: number;
  /** 1 to `CHAT_PAGE_MAX`, default `CHAT_PAGE_MAX`; repeat while `hasMore`. */
  limit?: number;
}

export interface ChatReadInput {
  groupId: string;
  /** The highest `seq` the person has now seen; read state never moves back. */
  seq: number;
}

export interface ChatTypingInput {
  groupId: string;
  typing: boolean;
}

/** What `group:subscribe` answers: enough to draw the chat panel's first screen. */
export interface GroupRoomState extends ChatUnread {
  /**
   * Who of the group is online in it now, across every API process; empty when some process
   * did not answer in time (ask `presence:list` again later).
   */
  presence: PresenceMember[];
}

/** A new reply in a forum thread, sent to the thread's room and the group's room. */
export interface ForumPostEvent {
  groupId: string;
  threadId: string;
  postId: string;
  threadTitle: string;
  authorId: string;
}

/** One discussion of an expert opinion request: the room a client enters to follow it live. */
export interface OpinionDiscussionRoomInput {
  requestId: string;
  audience: OpinionDiscussionAudience;
}

/**
 * A message stored in an opinion request's discussion, exactly as the `opinionDiscussion`
 * query shows it (an edge: its cursor and node), sent after the storing transaction commits.
 */
export interface OpinionDiscussionMessageEvent extends OpinionDiscussionRoomInput {
  cursor: string;
  message: {
    id: string;
    audience: OpinionDiscussionAudience;
    /** Sanitised HTML of the Markdown. */
    bodyHtml: string;
    /** ISO 8601. */
    createdAt: string;
    /** Null once the account is gone. */
    author: {
      id: string;
      name: string;
      position: string | null;
      organisationName: string;
    } | null;
  };
}

/** Sent to the recipient's own sockets when a notification is created. */
export interface NotificationNewEvent {
  notification: {
    id: string;
    kind: string;
    groupId: string | null;
    threadId: string | null;
    postId: string | null;
    createdAt: string;
  };
  /** The recipient's unread notifications, this one included. */
  unreadCount: number;
}

/** Events the server sends. */
export interface ServerToClientEvents {
  /** A message stored in a group whose room this socket is in. */
  'chat:message': (message: ChatMessage) => void;
  /** A message edited, deleted or hidden/shown (the whole message as it is now). */
  'chat:updated': (message: ChatMessage) => void;
  /** This person's read state changed (`chat:read` from any of their sockets). */
  'chat:unread': (unread: ChatUnread) => void;
  'chat:typing': (event: { groupId: string; person: ChatPerson; typing: boolean }) => void;
  'presence:joined': (event: { groupId: string; member: PresenceMember }) => void;
  'presence:left': (event: { groupId: string; personId: string }) => void;
  /** The server took this socket out of a group's room (left, removed, banned). */
  'group:unsubscribed': (event: { groupId: string; reason: 'LEFT' | 'REMOVED' | 'BANNED' }) => void;
  'forum:post': (event: ForumPostEvent) => void;
  /** A new message in an opinion discussion whose room this socket is in. */
  'opinion:message': (event: OpinionDiscussionMessageEvent) => void;
  /** The server took this socket out of an opinion discussion's room: no longer a reader. */
  'opinion:unsubscribed': (event: OpinionDiscussionRoomInput) => void;
  'notification:new': (event: NotificationNewEvent) => void;
  /**
   * The access token this connection was opened with has expired: send `auth:refresh` with a
   * fresh one at once, or the server disconnects the socket (reconnect with a fresh token).
   */
  'auth:expired': (event: { graceSeconds: number }) => void;
}

/** Events the client sends; each answers through its acknowledgement callback. */
export interface ClientToServerEvents {
  /** Enter a group's room: chat, typing, presence and live forum of that group. */
  'group:subscribe': (input: GroupRoomInput, ack: AckCallback<GroupRoomState>) => void;
  'group:unsubscribe': (input: GroupRoomInput, ack: AckCallback) => void;
  /**
   * Enter a forum thread's room: its new replies (`forum:post`). Members of the thread's
   * group only; anyone else, and an unknown thread, gets NOT_FOUND.
   */
  'thread:subscribe': (input: ThreadRoomInput, ack: AckCallback) => void;
  'thread:unsubscribe': (input: ThreadRoomInput, ack: AckCallback) => void;
  /**
   * Follow one discussion of an opinion request live (`opinion:message`). Only those who may
   * read it through GraphQL (`opinionDiscussion`): anyone else, an unknown request, and the
   * city asking for INTERNAL get NOT_FOUND. Checked again before every broadcast.
   */
  'opinion:subscribe': (input: OpinionDiscussionRoomInput, ack: AckCallback) => void;
  'opinion:unsubscribe': (input: OpinionDiscussionRoomInput, ack: AckCallback) => void;
  /**
   * Store a message (a member of the group; the room is not needed, so an offline queue can
   * be sent before subscribing); `duplicate` when this author used the key before.
   */
  'chat:send': (
    input: ChatSendInput,
    ack: AckCallback<{ message: ChatMessage; duplicate: boolean }>,
  ) => void;
  /** The author edits their message. */
  'chat:edit': (input: ChatEditInput, ack: AckCallback<{ message: ChatMessage }>) => void;
  /** The author deletes their message. */
  'chat:delete': (input: ChatMessageInput, ack: AckCallback<{ message: ChatMessage }>) => void;
  /** A coordinator of the group hides or shows a message. */
  'chat:hide': (input: ChatHideInput, ack: AckCallback<{ message: ChatMessage }>) => void;
  /** Older messages, newest page first, each page ascending. */
  'chat:history': (input: ChatHistoryInput, ack: AckCallback<ChatMessagePage>) => void;
  /** Everything after a `seq`, ascending; what a client calls after every (re)connection. */
  'chat:sync': (input: ChatSyncInput, ack: AckCallback<ChatMessagePage>) => void;
  /** Mark read up to a `seq`. */
  'chat:read': (input: ChatReadInput, ack: AckCallback<ChatUnread>) => void;
  /** Unread counts of every group this person is a member of. */
  'chat:unread': (input: Record<string, never>, ack: AckCallback<{ groups: ChatUnread[] }>) => void;
  /** "X is typing…" to the others in the room; no acknowledgement. */
  'chat:typing': (input: ChatTypingInput) => void;
  /** Who of the group is online now (needs the group's room). */
  'presence:list': (input: GroupRoomInput, ack: AckCallback<{ members: PresenceMember[] }>) => void;
  /** A fresh access token for this connection (after `auth:expired`, or before it). */
  'auth:refresh': (input: { token: string }, ack: AckCallback) => void;
}

/** Between API processes through the adapter: nothing beyond socket.io's own. */
export type InterServerEvents = Record<string, never>;

/** What the server keeps on each socket (also visible through `fetchSockets()` across processes). */
export interface SocketData {
  personId: string;
  role: Role;
  organisationId: string;
  isLegalOfficer: boolean;
  name: string;
  organisationName: string;
  /** The access token's expiry, epoch seconds. */
  tokenExpiresAt: number;
  /** The account's session version in the token; "sign out everywhere" bumps it. */
  sessionVersion: number;
  /** Group rooms this socket subscribed to, and when (ISO 8601), for presence's `since`. */
  groups: Record<string, string>;
}

/** Room names, for the server; clients never name rooms. */
export const RealtimeRoom = {
  person: (personId: string) => `person:${personId}`,
  group: (groupId: string) => `group:${groupId}`,
  thread: (threadId: string) => `thread:${threadId}`,
  opinionDiscussion: (requestId: string, audience: OpinionDiscussionAudience) =>
    `opinion:${requestId}:${audience}`,
} as const;

/**
 * The permission each client event requires, checked by the API before the per-group check
 * (membership, coordination); `null`: any signed-in person (the handshake already checked).
 * The permission snapshot (apps/api/src/permissions.int-spec.ts) lists this map.
 */
export const REALTIME_EVENT_PERMISSIONS: Readonly<
  Record<keyof ClientToServerEvents, Permission | null>
> = {
  'group:subscribe': Permission.GROUPS_READ,
  'group:unsubscribe': null,
  'thread:subscribe': Permission.GROUPS_READ,
  'thread:unsubscribe': null,
  'opinion:subscribe': Permission.OPINIONS_READ,
  'opinion:unsubscribe': null,
  'chat:send': Permission.GROUP_JOIN,
  'chat:edit': Permission.GROUP_JOIN,
  'chat:delete': Permission.GROUP_JOIN,
  'chat:hide': Permission.GROUP_COORDINATE,
  'chat:history': Permission.GROUPS_READ,
  'chat:sync': Permission.GROUPS_READ,
  'chat:read': Permission.GROUPS_READ,
  'chat:unread': Permission.GROUPS_READ,
  'chat:typing': Permission.GROUP_JOIN,
  'presence:list': Permission.GROUPS_READ,
  'auth:refresh': null,
};
