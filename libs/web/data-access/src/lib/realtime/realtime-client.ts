import {
  type ChatMessage,
  type ChatMessagePage,
  type ChatPerson,
  type ChatUnread,
  ErrorCode,
  type GroupRoomState,
  type OpinionDiscussionRoomInput,
  type PresenceMember,
  type RealtimeAck,
  type RealtimeConnectRefusal,
  type RealtimeRefusal,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@civitas/shared/domain';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { contiguousSeq, mergeMessages } from './chat-merge';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * `connecting`: the first connection of this tab is being made; `connected`; `reconnecting`:
 * it dropped and socket.io is trying again with backoff; `offline`: the browser has no
 * network, or the server refused us and we wait (see `refusal`).
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** A message written in this tab and not yet acknowledged by the server. */
export interface PendingChatMessage {
  /** Made once when the message is written; every retry sends the same key. */
  idempotencyKey: string;
  groupId: string;
  body: string;
  replyToId: string | null;
  /** ISO 8601, when it was written. */
  createdAt: string;
  /**
   * The last refusal, when the server refused it: `TOO_MANY_REQUESTS` and
   * `INTERNAL_SERVER_ERROR` are retried by themselves, other codes wait for the person
   * (send again or discard).
   */
  error: RealtimeRefusal | null;
}

/** What the chat panel of one group draws. */
export interface GroupChatSnapshot {
  groupId: string;
  /** Ascending `seq`, one per id. */
  messages: readonly ChatMessage[];
  pending: readonly PendingChatMessage[];
  /** `group:subscribe`'s answer (read state and presence), kept current by events. */
  room: GroupRoomState | null;
  /** A refusal of `group:subscribe` (not a member, unknown group). */
  roomError: RealtimeRefusal | null;
  /** Whether older messages exist before the first one shown. */
  hasOlder: boolean;
  /** The first page has arrived. */
  loaded: boolean;
  /** Others typing now. */
  typing: readonly ChatPerson[];
}

export interface RealtimeClientOptions {
  /** Where the API is; default: this page's origin. */
  url?: string;
  /** The in-memory access token of the session. */
  getToken: () => string | null;
  /**
   * A fresh access token after `failedToken` was refused or expired: the session's shared,
   * cross-tab-serialised refresh (`AuthSession.recover`); null when the session is over.
   */
  refreshToken: (failedToken: string | null) => Promise<string | null>;
  /** Where unacknowledged messages survive a reload (sessionStorage); null: memory only. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** The storage key, per person so another sign-in in this tab never sends them. */
  storageKey?: string;
  /** How long an acknowledgement may take before the message is sent again (same key). */
  ackTimeoutMs?: number;
  /** Extra socket.io options (tests: transports, timeouts). */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
  /** UUID maker (tests). */
  uuid?: () => string;
  /** Who is signed in: tells my own messages coming back through the room. */
  personId?: string;
}

interface GroupState extends GroupChatSnapshot {
  /** Everything up to this `seq` is in `messages` (or was before the first page shown). */
  syncedSeq: number;
  /** The cursor of the next older page. */
  olderCursor: number | null;
  typingUntil: Map<string, { person: ChatPerson; until: number }>;
}

type Listener = () => void;
type AnyHandler = (...args: never[]) => void;

const TYPING_SHOWN_MS = 6_000;
const RETRY_MS = 2_000;
const MAX_AUTH_ATTEMPTS = 2;

const DEFAULT_SOCKET_OPTIONS: Partial<ManagerOptions & SocketOptions> = {
  // socket.io's own backoff: 1 s doubling to 15 s, each delay randomised by ±50 %.
  reconnection: true,
  reconnectionDelay: 1_000,
  reconnectionDelayMax: 15_000,
  randomizationFactor: 0.5,
  timeout: 10_000,
  transports: ['websocket', 'polling'],
};

function refusalOf(ack: unknown): RealtimeRefusal | null {
  if (ack && typeof ack === 'object' && (ack as { ok?: unknown }).ok === false)
    return ack as RealtimeRefusal;
  return null;
}

const timeoutRefusal = (): RealtimeRefusal => ({
  ok: false,
  code: 'INTERNAL_SERVER_ERROR',
  message: 'No answer from the server',
});

function defaultUuid(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * One socket.io connection per tab to the API's realtime namespace, typed by the shared
 * contract (libs/shared/domain realtime.ts). It authenticates with the session's access
 * token and refreshes it on `TOKEN_EXPIRED` and `auth:expired`; after every (re)connection
 * it enters the rooms the UI wants again and asks `chat:sync` for every message after the
 * last `seq` it holds, merging by `seq`; it keeps an outbox of chat messages, each with an
 * idempotency key made once, until the server acknowledges it.
 */
export class RealtimeClient {
  readonly socket: RealtimeSocket;
  private state: ConnectionState = 'connecting';
  private lastRefusal: RealtimeConnectRefusal | null = null;
  private readonly stateListeners = new Set<Listener>();
  private readonly groupListeners = new Map<string, Set<Listener>>();
  private readonly groups = new Map<string, GroupState>();
  private readonly syncing = new Set<string>();
  private readonly resync = new Set<string>();
  /** Rooms the UI wants, with how many components want them. */
  private readonly wantedGroups = new Map<string, number>();
  private readonly wantedThreads = new Map<string, number>();
  /** Opinion discussion rooms the UI wants, with whom to tell after each entry. */
  private readonly wantedDiscussions = new Map<
    string,
    { room: OpinionDiscussionRoomInput; entered: Set<Listener> }
  >();
  private outbox: PendingChatMessage[];
  private flushing = false;
  /** The message being sent now (one at a time). */
  private inFlight: PendingChatMessage | null = null;
  /**
   * Keys whose message already came back through the room before its acknowledgement (the
   * server broadcasts, then answers): not shown twice while the answer is on its way.
   */
  private readonly echoed = new Set<string>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private typingTimer: ReturnType<typeof setInterval> | null = null;
  private tokenUsed: string | null = null;
  private closed = false;
  private everConnected = false;
  /** Refreshes tried since the last successful connection. */
  private authAttempts = 0;
  private readonly ackTimeoutMs: number;
  private readonly uuid: () => string;

  constructor(private readonly options: RealtimeClientOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.uuid = options.uuid ?? defaultUuid;
    this.outbox = this.readOutbox();
    const socketOptions: Partial<ManagerOptions & SocketOptions> = {
      ...DEFAULT_SOCKET_OPTIONS,
      ...options.socketOptions,
      autoConnect: false,
      // Read on every attempt, so a reconnection carries the newest token.
      auth: (cb) => {
        this.tokenUsed = options.getToken();
        cb({ token: this.tokenUsed });
      },
    };
    this.socket = options.url ? io(options.url, socketOptions) : io(socketOptions);
    this.wire();
    if (typeof window !== 'undefined') {
      window.addEventListener('offline', this.onBrowserOffline);
      window.addEventListener('online', this.onBrowserOnline);
    }
    if (typeof navigator !== 'undefined' && navigator.onLine === false) this.setState('offline');
    else this.socket.connect();
  }

  // ---- connection ----------------------------------------------------------------------

  get connectionState(): ConnectionState {
    return this.state;
  }

  /** Why the server last refused the handshake, while it matters (cleared on connect). */
  get refusal(): RealtimeConnectRefusal | null {
    return this.lastRefusal;
  }

  onConnectionChange(listener: Listener): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Ends the connection for good (sign-out, unmount). The outbox stays in storage. */
  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.typingTimer) clearInterval(this.typingTimer);
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', this.onBrowserOffline);
      window.removeEventListener('online', this.onBrowserOnline);
    }
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private setState(next: ConnectionState): void {
    if (this.state === next) return;
    this.state = next;
    for (const l of [...this.stateListeners]) l();
  }

  private readonly onBrowserOffline = () => {
    // The browser knows the network is gone: no point waiting for heartbeats to notice.
    this.setState('offline');
    this.socket.disconnect();
  };

  private readonly onBrowserOnline = () => {
    if (this.closed) return;
    this.setState(this.everConnected ? 'reconnecting' : 'connecting');
    this.socket.connect();
  };

  private reconnectSoon(ms: number): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.closed && !this.socket.connected) this.socket.connect();
    }, ms);
  }

  private wire(): void {
    const s = this.socket;
    s.on('connect', () => {
      this.everConnected = true;
      this.authAttempts = 0;
      this.lastRefusal = null;
      this.setState('connected');
      void this.afterConnect();
    });
    s.on('disconnect', (reason) => {
      if (this.closed) return;
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      this.setState(offline ? 'offline' : 'reconnecting');
      // The server ends a socket whose token expired and was not refreshed in time;
      // socket.io does not come back by itself after a server-side disconnect.
      if (reason === 'io server disconnect' && !offline) this.reconnectSoon(500);
    });
    s.on('connect_error', (error: Error & { data?: RealtimeConnectRefusal }) => {
      if (this.closed) return;
      const refused = error.data;
      if (!refused || !refused.code) {
        // Transport failure: socket.io retries with its backoff.
        const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
        this.setState(offline ? 'offline' : this.everConnected ? 'reconnecting' : 'connecting');
        return;
      }
      // Refused by the server's middleware: socket.io does not retry these by itself.
      this.lastRefusal = refused;
      if (refused.code === ErrorCode.TOKEN_EXPIRED || refused.code === ErrorCode.UNAUTHENTICATED) {
        const failed = this.tokenUsed;
        // A fresh token refused again means the session itself is over: stop asking.
        if (++this.authAttempts > MAX_AUTH_ATTEMPTS) {
          this.setState('offline');
          return;
        }
        this.setState(this.everConnected ? 'reconnecting' : 'connecting');
        void this.options.refreshToken(failed).then((fresh) => {
          if (this.closed) return;
          if (fresh && fresh !== failed) this.socket.connect();
          else this.setState('offline');
        });
      } else if (refused.code === ErrorCode.TOO_MANY_REQUESTS) {
        this.setState('reconnecting');
        this.reconnectSoon((refused.retryAfterSeconds ?? 10) * 1000);
      } else {
        this.setState('offline');
      }
    });
    s.on('auth:expired', () => {
      const expired = this.tokenUsed;
      void this.options.refreshToken(expired).then((fresh) => {
        if (!fresh || this.closed) return;
        this.tokenUsed = fresh;
        s.emit('auth:refresh', { token: fresh }, () => {
          // A refused refresh ends in the server's disconnect, and we reconnect with it.
        });
      });
    });
    s.on('chat:message', (message) => this.receive(message.groupId, [message], true));
    s.on('chat:updated', (message) => this.receive(message.groupId, [message], false));
    s.on('chat:unread', (unread) => this.updateUnread(unread));
    s.on('chat:typing', ({ groupId, person, typing }) => this.typingOf(groupId, person, typing));
    s.on('presence:joined', ({ groupId, member }) =>
      this.updatePresence(groupId, (list) => [...list.filter((m) => m.id !== member.id), member]),
    );
    s.on('presence:left', ({ groupId, personId }) =>
      this.updatePresence(groupId, (list) => list.filter((m) => m.id !== personId)),
    );
    s.on('group:unsubscribed', ({ groupId }) => {
      this.patch(groupId, {
        room: null,
        roomError: { ok: false, code: ErrorCode.NOT_FOUND, message: 'No longer a member' },
      });
    });
  }

  /** Rooms again, then every group's missed messages, then the outbox. */
  private async afterConnect(): Promise<void> {
    for (const threadId of this.wantedThreads.keys()) {
      this.socket.emit('thread:subscribe', { threadId }, () => undefined);
    }
    for (const key of this.wantedDiscussions.keys()) void this.enterDiscussion(key);
    await Promise.all([...this.wantedGroups.keys()].map((groupId) => this.enterGroup(groupId)));
    void this.flush();
  }

  // ---- generic events (forum, notifications) -------------------------------------------

  /** Listens to a server event; returns the way to stop. */
  on<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): () => void {
    // socket.io-client's typed `on` cannot take a handler of a generic event name.
    const s = this.socket as unknown as {
      on(e: string, h: AnyHandler): void;
      off(e: string, h: AnyHandler): void;
    };
    s.on(event, handler as AnyHandler);
    return () => s.off(event, handler as AnyHandler);
  }

  /** Keeps this socket in a forum thread's room while wanted (new replies: `forum:post`). */
  watchThread(threadId: string): () => void {
    const count = this.wantedThreads.get(threadId) ?? 0;
    this.wantedThreads.set(threadId, count + 1);
    if (count === 0 && this.socket.connected)
      this.socket.emit('thread:subscribe', { threadId }, () => undefined);
    return () => {
      const left = (this.wantedThreads.get(threadId) ?? 1) - 1;
      if (left > 0) {
        this.wantedThreads.set(threadId, left);
        return;
      }
      this.wantedThreads.delete(threadId);
      if (this.socket.connected)
        this.socket.emit('thread:unsubscribe', { threadId }, () => undefined);
    };
  }

  /**
   * Keeps this socket in an opinion discussion's room while wanted (new messages:
   * `opinion:message`), entering it again after every reconnection. `entered` runs after
   * each entry the server accepted: messages posted while away are not sent again, so a
   * re-entry is the moment to reload the discussion. A refusal (NOT_FOUND) is the query's too.
   */
  watchOpinionDiscussion(room: OpinionDiscussionRoomInput, entered: Listener): () => void {
    const key = `${room.requestId}:${room.audience}`;
    let wanted = this.wantedDiscussions.get(key);
    const fresh = !wanted;
    if (!wanted) this.wantedDiscussions.set(key, (wanted = { room, entered: new Set() }));
    const watch = wanted;
    watch.entered.add(entered);
    if (fresh && this.socket.connected) void this.enterDiscussion(key);
    return () => {
      watch.entered.delete(entered);
      if (watch.entered.size > 0 || this.wantedDiscussions.get(key) !== watch) return;
      this.wantedDiscussions.delete(key);
      if (this.socket.connected) this.socket.emit('opinion:unsubscribe', room, () => undefined);
    };
  }

  private async enterDiscussion(key: string): Promise<void> {
    const wanted = this.wantedDiscussions.get(key);
    if (!wanted) return;
    const ack = await this.request('opinion:subscribe', wanted.room);
    const refused = refusalOf(ack);
    if (refused) {
      if (retriedByItself(refused))
        setTimeout(() => {
          if (!this.closed && this.socket.connected) void this.enterDiscussion(key);
        }, RETRY_MS);
      return;
    }
    for (const l of [...wanted.entered]) l();
  }

  /** Asks the server once; a refusal or no answer in time resolves as a refusal. */
  request<E extends Exclude<keyof ClientToServerEvents, 'chat:typing'>>(
    event: E,
    input: Parameters<ClientToServerEvents[E]>[0],
  ): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]> {
    type Answer = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
    return new Promise<Answer>((resolve) => {
      if (!this.socket.connected) {
        resolve({ ok: false, code: 'INTERNAL_SERVER_ERROR', message: 'Offline' } as Answer);
        return;
      }
      const s = this.socket.timeout(this.ackTimeoutMs) as unknown as {
        emit(e: string, input: unknown, cb: (err: Error | null, ack: unknown) => void): void;
      };
      s.emit(event, input, (err, ack) => resolve((err ? timeoutRefusal() : ack) as Answer));
    });
  }

  // ---- group chat -----------------------------------------------------------------------

  /** The chat of a group as it is now (a new object after every change). */
  groupChat(groupId: string): GroupChatSnapshot {
    return this.group(groupId);
  }

  onGroupChange(groupId: string, listener: Listener): () => void {
    let set = this.groupListeners.get(groupId);
    if (!set) this.groupListeners.set(groupId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /**
   * Keeps this socket in the group's room while wanted: subscribes now and after every
   * reconnection, and syncs what was missed.
   */
  watchGroup(groupId: string): () => void {
    const count = this.wantedGroups.get(groupId) ?? 0;
    this.wantedGroups.set(groupId, count + 1);
    if (count === 0 && this.socket.connected) void this.enterGroup(groupId);
    return () => {
      const left = (this.wantedGroups.get(groupId) ?? 1) - 1;
      if (left > 0) {
        this.wantedGroups.set(groupId, left);
        return;
      }
      this.wantedGroups.delete(groupId);
      if (this.socket.connected)
        this.socket.emit('group:unsubscribe', { groupId }, () => undefined);
    };
  }

  private async enterGroup(groupId: string): Promise<void> {
    const ack = await this.request('group:subscribe', { groupId });
    const refused = refusalOf(ack);
    if (refused) {
      if (retriedByItself(refused)) this.enterAgainSoon(groupId);
      else this.patch(groupId, { roomError: refused });
      return;
    }
    const room = ack as GroupRoomState & { ok: true };
    this.patch(groupId, { room, roomError: null });
    const g = this.group(groupId);
    const done = g.loaded ? await this.sync(groupId) : await this.loadNewest(groupId);
    if (!done) this.enterAgainSoon(groupId);
  }

  /** No answer, or the server failed: try the room again while it is wanted and we are up. */
  private enterAgainSoon(groupId: string): void {
    setTimeout(() => {
      if (!this.closed && this.socket.connected && this.wantedGroups.has(groupId))
        void this.enterGroup(groupId);
    }, RETRY_MS);
  }

  /** The newest page; false when it did not come. */
  private async loadNewest(groupId: string): Promise<boolean> {
    const ack = await this.request('chat:history', { groupId });
    if (refusalOf(ack)) return false;
    const page = ack as ChatMessagePage;
    const g = this.group(groupId);
    const messages = mergeMessages(g.messages, page.messages);
    const newest = page.messages.at(-1)?.seq ?? g.room?.lastSeq ?? 0;
    const syncedSeq = contiguousSeq(messages, Math.max(g.syncedSeq, newest));
    this.patch(groupId, {
      messages,
      loaded: true,
      hasOlder: page.hasMore,
      olderCursor: page.cursor,
      syncedSeq,
    });
    // Something may have been stored between the room's lastSeq and the page.
    if (g.loaded === false && (g.room?.lastSeq ?? 0) > syncedSeq) return this.sync(groupId);
    return true;
  }

  /** Everything after the last `seq` held, page by page, merged by `seq`; false on failure. */
  async sync(groupId: string): Promise<boolean> {
    if (this.syncing.has(groupId)) {
      // One sync at a time per group; the running one goes round once more.
      this.resync.add(groupId);
      return true;
    }
    this.syncing.add(groupId);
    try {
      for (;;) {
        this.resync.delete(groupId);
        const ack = await this.request('chat:sync', {
          groupId,
          afterSeq: this.group(groupId).syncedSeq,
        });
        if (refusalOf(ack)) return false;
        const page = ack as ChatMessagePage;
        const after = this.group(groupId);
        const messages = mergeMessages(after.messages, page.messages);
        this.patch(groupId, {
          messages,
          loaded: true,
          syncedSeq: contiguousSeq(messages, Math.max(after.syncedSeq, page.cursor ?? 0)),
        });
        if (!page.hasMore && !this.resync.has(groupId)) return true;
      }
    } finally {
      this.syncing.delete(groupId);
    }
  }

  /** The page before the oldest message held. */
  async loadOlder(groupId: string): Promise<RealtimeRefusal | null> {
    const g = this.group(groupId);
    if (!g.hasOlder || g.olderCursor === null) return null;
    const ack = await this.request('chat:history', { groupId, beforeSeq: g.olderCursor });
    const refused = refusalOf(ack);
    if (refused) return refused;
    const page = ack as ChatMessagePage;
    const now = this.group(groupId);
    this.patch(groupId, {
      messages: mergeMessages(now.messages, page.messages),
      hasOlder: page.hasMore,
      olderCursor: page.cursor,
    });
    return null;
  }

  private receive(groupId: string, messages: ChatMessage[], live: boolean): void {
    const sending = this.inFlight;
    if (
      live &&
      sending &&
      sending.groupId === groupId &&
      messages.some(
        (m) =>
          m.bodySource === sending.body.trim() &&
          (!this.options.personId || m.author?.id === this.options.personId),
      )
    ) {
      this.echoed.add(sending.idempotencyKey);
    }
    const g = this.group(groupId);
    const merged = mergeMessages(g.messages, messages);
    const syncedSeq = contiguousSeq(merged, g.syncedSeq);
    const typingUntil = new Map(g.typingUntil);
    for (const m of messages) if (m.author) typingUntil.delete(m.author.id);
    let room = g.room;
    if (room && live) {
      const top = Math.max(room.lastSeq, ...messages.map((m) => m.seq));
      room = { ...room, lastSeq: top };
    }
    this.patch(groupId, {
      messages: merged,
      syncedSeq,
      room,
      typingUntil,
      typing: [...typingUntil.values()].map((t) => t.person),
    });
    // A gap (a message the adapter never delivered): ask for what lies between.
    if (live && g.loaded && messages.some((m) => m.seq > syncedSeq + 1)) void this.sync(groupId);
  }

  private updateUnread(unread: ChatUnread): void {
    const g = this.group(unread.groupId);
    if (!g.room) return;
    this.patch(unread.groupId, { room: { ...g.room, ...unread } });
  }

  private updatePresence(
    groupId: string,
    change: (list: PresenceMember[]) => PresenceMember[],
  ): void {
    const g = this.group(groupId);
    if (!g.room) return;
    const presence = change(g.room.presence).sort((a, b) => a.name.localeCompare(b.name, 'pl'));
    this.patch(groupId, { room: { ...g.room, presence } });
  }

  private typingOf(groupId: string, person: ChatPerson, typing: boolean): void {
    const g = this.group(groupId);
    const typingUntil = new Map(g.typingUntil);
    if (typing) typingUntil.set(person.id, { person, until: Date.now() + TYPING_SHOWN_MS });
    else typingUntil.delete(person.id);
    this.patch(groupId, { typingUntil, typing: [...typingUntil.values()].map((t) => t.person) });
    if (typingUntil.size > 0 && !this.typingTimer) {
      this.typingTimer = setInterval(() => this.expireTyping(), 1_000);
    }
  }

  private expireTyping(): void {
    let anyLeft = false;
    for (const [groupId, g] of this.groups) {
      if (g.typingUntil.size === 0) continue;
      const now = Date.now();
      const typingUntil = new Map([...g.typingUntil].filter(([, t]) => t.until > now));
      if (typingUntil.size !== g.typingUntil.size)
        this.patch(groupId, {
          typingUntil,
          typing: [...typingUntil.values()].map((t) => t.person),
        });
      if (typingUntil.size > 0) anyLeft = true;
    }
    if (!anyLeft && this.typingTimer) {
      clearInterval(this.typingTimer);
      this.typingTimer = null;
    }
  }

  /** Tells the room whether I am typing (the panel throttles; no acknowledgement). */
  typing(groupId: string, typing: boolean): void {
    if (this.socket.connected) this.socket.emit('chat:typing', { groupId, typing });
  }

  /** Marks read up to `seq` (never moves back); the answer updates every tab of mine. */
  async markRead(groupId: string, seq: number): Promise<void> {
    const ack = await this.request('chat:read', { groupId, seq });
    if (!refusalOf(ack)) this.updateUnread(ack as ChatUnread);
  }

  async edit(messageId: string, body: string): Promise<RealtimeRefusal | null> {
    return this.changed(await this.request('chat:edit', { messageId, body }));
  }

  async remove(messageId: string): Promise<RealtimeRefusal | null> {
    return this.changed(await this.request('chat:delete', { messageId }));
  }

  async hide(messageId: string, hidden: boolean, reason: string | null) {
    return this.changed(await this.request('chat:hide', { messageId, hidden, reason }));
  }

  private changed(ack: RealtimeAck<{ message: ChatMessage }>): RealtimeRefusal | null {
    const refused = refusalOf(ack);
    if (refused) return refused;
    const { message } = ack as { message: ChatMessage };
    this.receive(message.groupId, [message], false);
    return null;
  }

  // ---- outbox ---------------------------------------------------------------------------

  /**
   * Queues a message: it gets its idempotency key now, is kept (and stored, so a reload
   * keeps it) until the server acknowledges it, and is sent at once when connected.
   */
  send(groupId: string, body: string, replyToId: string | null = null): PendingChatMessage {
    const pending: PendingChatMessage = {
      idempotencyKey: this.uuid(),
      groupId,
      body,
      replyToId,
      createdAt: new Date().toISOString(),
      error: null,
    };
    this.setOutbox([...this.outbox, pending]);
    void this.flush();
    return pending;
  }

  /** Sends a refused message again (same key). */
  retry(idempotencyKey: string): void {
    this.setOutbox(
      this.outbox.map((p) => (p.idempotencyKey === idempotencyKey ? { ...p, error: null } : p)),
    );
    void this.flush();
  }

  /** Gives up on a message that was not stored. */
  discard(idempotencyKey: string): void {
    this.setOutbox(this.outbox.filter((p) => p.idempotencyKey !== idempotencyKey));
  }

  /** Every unacknowledged message (tests, diagnostics). */
  get pending(): readonly PendingChatMessage[] {
    return this.outbox;
  }

  /**
   * Sends the outbox in order, one at a time (so a person's messages are stored in the
   * order written), each with its own key; stops at the first that gets no answer and
   * tries again later or on the next connection.
   */
  async flush(): Promise<void> {
    if (this.flushing || this.closed) return;
    this.flushing = true;
    try {
      for (;;) {
        if (!this.socket.connected) return;
        const next = this.outbox.find((p) => !p.error || retriedByItself(p.error));
        if (!next) return;
        if (next.error?.code === ErrorCode.TOO_MANY_REQUESTS) {
          // Wait as the server said, then go on.
          this.scheduleFlush((next.error.retryAfterSeconds ?? 5) * 1000);
          return;
        }
        this.inFlight = next;
        const ack = await this.request('chat:send', {
          groupId: next.groupId,
          idempotencyKey: next.idempotencyKey,
          body: next.body,
          ...(next.replyToId ? { replyToId: next.replyToId } : {}),
        });
        this.inFlight = null;
        this.echoed.delete(next.idempotencyKey);
        const refused = refusalOf(ack);
        if (!refused) {
          const { message } = ack as { message: ChatMessage };
          this.setOutbox(this.outbox.filter((p) => p.idempotencyKey !== next.idempotencyKey));
          this.receive(message.groupId, [message], true);
          continue;
        }
        this.setOutbox(
          this.outbox.map((p) =>
            p.idempotencyKey === next.idempotencyKey ? { ...p, error: refused } : p,
          ),
        );
        if (refused.code === ErrorCode.TOO_MANY_REQUESTS) {
          this.scheduleFlush((refused.retryAfterSeconds ?? 5) * 1000);
          return;
        }
        if (retriedByItself(refused)) {
          this.scheduleFlush(RETRY_MS);
          return;
        }
        // Refused for good (too long, not a member…): the others still go.
      }
    } finally {
      this.flushing = false;
    }
  }

  private scheduleFlush(ms: number): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.setOutbox(
        this.outbox.map((p) =>
          p.error?.code === ErrorCode.TOO_MANY_REQUESTS ? { ...p, error: null } : p,
        ),
      );
      void this.flush();
    }, ms);
  }

  private setOutbox(next: PendingChatMessage[]): void {
    const touched = new Set([...this.outbox, ...next].map((p) => p.groupId));
    this.outbox = next;
    this.writeOutbox();
    for (const groupId of touched) this.patch(groupId, {});
  }

  private readOutbox(): PendingChatMessage[] {
    const { storage, storageKey } = this.options;
    if (!storage || !storageKey) return [];
    try {
      const parsed = JSON.parse(storage.getItem(storageKey) ?? '[]') as unknown;
      return Array.isArray(parsed)
        ? (parsed as PendingChatMessage[]).filter(
            (p) => typeof p?.idempotencyKey === 'string' && typeof p.groupId === 'string',
          )
        : [];
    } catch {
      return [];
    }
  }

  private writeOutbox(): void {
    const { storage, storageKey } = this.options;
    // After close() the storage belongs to whatever comes next (sign-out clears it).
    if (!storage || !storageKey || this.closed) return;
    try {
      if (this.outbox.length) storage.setItem(storageKey, JSON.stringify(this.outbox));
      else storage.removeItem(storageKey);
    } catch {
      // Storage full or denied: the messages stay in memory.
    }
  }

  // ---- state ----------------------------------------------------------------------------

  private group(groupId: string): GroupState {
    let g = this.groups.get(groupId);
    if (!g) {
      g = {
        groupId,
        messages: [],
        pending: this.outbox.filter((p) => p.groupId === groupId),
        room: null,
        roomError: null,
        hasOlder: false,
        loaded: false,
        typing: [],
        syncedSeq: 0,
        olderCursor: null,
        typingUntil: new Map(),
      };
      this.groups.set(groupId, g);
    }
    return g;
  }

  private patch(groupId: string, change: Partial<GroupState>): void {
    const previous = this.group(groupId);
    const next: GroupState = {
      ...previous,
      ...change,
      pending: this.outbox.filter(
        (p) => p.groupId === groupId && !this.echoed.has(p.idempotencyKey),
      ),
    };
    this.groups.set(groupId, next);
    for (const l of [...(this.groupListeners.get(groupId) ?? [])]) l();
  }
}

function retriedByItself(error: RealtimeRefusal): boolean {
  return error.code === ErrorCode.TOO_MANY_REQUESTS || error.code === 'INTERNAL_SERVER_ERROR';
}
