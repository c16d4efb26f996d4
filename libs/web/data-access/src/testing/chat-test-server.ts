import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ChatMessage,
  type ChatPerson,
  type ClientToServerEvents,
  ErrorCode,
  type OpinionDiscussionMessageEvent,
  type OpinionDiscussionRoomInput,
  type PresenceMember,
  type RealtimeRefusal,
  type ServerToClientEvents,
} from '@civitas/shared/domain';
import { Server, type Socket } from 'socket.io';

type TestSocket = Socket<ClientToServerEvents, ServerToClientEvents, never, { person: ChatPerson }>;

/**
 * A real socket.io 4 server in the test process that speaks the realtime contract for the
 * chat (and opinion discussion rooms), in memory: the web's tests connect the real client to it (no mocked socket). It
 * keeps the API's promises that the client relies on — per-group `seq` without gaps,
 * idempotency per author and key, sync after a `seq`, history by cursor — and lets a test
 * lose acknowledgements, refuse tokens, flood and drop connections.
 */
export class ChatTestServer {
  readonly io: Server<ClientToServerEvents, ServerToClientEvents, never, { person: ChatPerson }>;
  private readonly http: HttpServer;
  url = '';
  /** Every message stored, per group, ascending. */
  readonly messages = new Map<string, ChatMessage[]>();
  /** Every `chat:send` received (key, body), including retries. */
  readonly sends: { idempotencyKey: string; body: string }[] = [];
  /** Tokens the handshake accepts, and whose they are. */
  readonly people = new Map<string, ChatPerson>();
  /** Who may enter each opinion discussion's room, by `requestId:audience`: person ids. */
  readonly discussionReaders = new Map<string, string[]>();
  /** Every `opinion:subscribe` accepted, in order. */
  readonly discussionEntries: OpinionDiscussionRoomInput[] = [];
  /** Tokens refused with TOKEN_EXPIRED. */
  readonly expiredTokens = new Set<string>();
  /** Acknowledgements of `chat:send` to swallow (the message is still stored). */
  dropSendAcks = 0;
  /** Answers of `group:subscribe` to swallow. */
  dropSubscribeAcks = 0;
  /** Tokens received through `auth:refresh`. */
  readonly refreshes: string[] = [];
  /** Refuse the next `chat:send`s with TOO_MANY_REQUESTS. */
  floodNext = 0;
  /** Answer `chat:send` this many ms after storing and broadcasting it. */
  ackDelayMs = 0;
  /** Answer `chat:send` only after this many ms. */
  sendDelayMs = 0;
  private readonly reads = new Map<string, number>();
  /** `author:key` → the message stored the first time. */
  private readonly keys = new Map<string, string>();
  private nextId = 1;

  constructor(readonly members: Record<string, string[]> = {}) {
    this.http = createServer();
    this.io = new Server(this.http, { cors: { origin: '*' } });
    this.io.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: string }).token ?? '';
      if (this.expiredTokens.has(token)) {
        const e = new Error('expired') as Error & { data: unknown };
        e.data = { code: ErrorCode.TOKEN_EXPIRED, message: 'The access token has expired' };
        return next(e);
      }
      const person = this.people.get(token);
      if (!person) {
        const e = new Error('no') as Error & { data: unknown };
        e.data = { code: ErrorCode.UNAUTHENTICATED, message: 'Sign in to continue' };
        return next(e);
      }
      socket.data.person = person;
      next();
    });
    this.io.on('connection', (socket) => this.serve(socket));
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.http.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.io.disconnectSockets(true);
    await new Promise<void>((r) => this.io.close(() => r()));
  }

  /** Stores a message as if someone sent it through another process (no room broadcast). */
  store(
    groupId: string,
    author: ChatPerson,
    body: string,
    broadcast = true,
    replyToId: string | null = null,
  ): ChatMessage {
    const list = this.messages.get(groupId) ?? [];
    const message: ChatMessage = {
      id: `m${this.nextId++}`,
      groupId,
      seq: list.length + 1,
      author,
      bodyHtml: `<p>${body.replace(/[<>&]/g, '')}</p>`,
      bodySource: body,
      replyToId,
      editedAt: null,
      deletedAt: null,
      hidden: false,
      createdAt: new Date(Date.UTC(2026, 10, 27, 12, 0, list.length)).toISOString(),
    };
    this.messages.set(groupId, [...list, message]);
    if (broadcast) this.io.to(`group:${groupId}`).emit('chat:message', message);
    return message;
  }

  /** A message stored in an opinion discussion, sent to its room as the API does. */
  postOpinionMessage(event: OpinionDiscussionMessageEvent): void {
    this.io.to(`opinion:${event.requestId}:${event.audience}`).emit('opinion:message', event);
  }

  private isMember(person: ChatPerson, groupId: string) {
    return (this.members[groupId] ?? []).includes(person.id);
  }

  private refusal(code: RealtimeRefusal['code'], message: string): RealtimeRefusal {
    return { ok: false, code, message };
  }

  private async presence(groupId: string): Promise<PresenceMember[]> {
    const sockets = await this.io.in(`group:${groupId}`).fetchSockets();
    const seen = new Map<string, PresenceMember>();
    for (const s of sockets)
      seen.set(s.data.person.id, { ...s.data.person, since: '2026-11-27T12:00:00.000Z' });
    return [...seen.values()];
  }

  private unread(personId: string, groupId: string) {
    const list = this.messages.get(groupId) ?? [];
    const readSeq = this.reads.get(`${personId}:${groupId}`) ?? 0;
    return {
      groupId,
      lastSeq: list.length,
      readSeq,
      unread: list.filter((m) => m.seq > readSeq && m.author?.id !== personId).length,
    };
  }

  private serve(socket: TestSocket): void {
    const person = socket.data.person;
    void socket.join(`person:${person.id}`);
    socket.on('disconnecting', () => {
      const groups = [...socket.rooms].filter((r) => r.startsWith('group:'));
      for (const room of groups)
        socket
          .to(room)
          .emit('presence:left', { groupId: room.slice('group:'.length), personId: person.id });
    });
    socket.on('group:subscribe', async ({ groupId }, ack) => {
      if (this.dropSubscribeAcks > 0) {
        this.dropSubscribeAcks--;
        return;
      }
      if (!this.isMember(person, groupId))
        return ack(this.refusal(ErrorCode.NOT_FOUND, 'Working group not found'));
      const fresh = !socket.rooms.has(`group:${groupId}`);
      await socket.join(`group:${groupId}`);
      const presence = await this.presence(groupId);
      if (fresh)
        socket.to(`group:${groupId}`).emit('presence:joined', {
          groupId,
          member: { ...person, since: '2026-11-27T12:00:00.000Z' },
        });
      ack({ ok: true, ...this.unread(person.id, groupId), presence });
    });
    socket.on('group:unsubscribe', async ({ groupId }, ack) => {
      await socket.leave(`group:${groupId}`);
      this.io.to(`group:${groupId}`).emit('presence:left', { groupId, personId: person.id });
      ack({ ok: true });
    });
    socket.on('thread:subscribe', async ({ threadId }, ack) => {
      await socket.join(`thread:${threadId}`);
      ack({ ok: true });
    });
    socket.on('thread:unsubscribe', async ({ threadId }, ack) => {
      await socket.leave(`thread:${threadId}`);
      ack({ ok: true });
    });
    socket.on('opinion:subscribe', async (room, ack) => {
      const key = `${room.requestId}:${room.audience}`;
      if (!(this.discussionReaders.get(key) ?? []).includes(person.id))
        return ack(this.refusal(ErrorCode.NOT_FOUND, 'Discussion not found'));
      await socket.join(`opinion:${key}`);
      this.discussionEntries.push(room);
      ack({ ok: true });
    });
    socket.on('opinion:unsubscribe', async (room, ack) => {
      await socket.leave(`opinion:${room.requestId}:${room.audience}`);
      ack({ ok: true });
    });
    socket.on('chat:send', async (input, ack) => {
      this.sends.push({ idempotencyKey: input.idempotencyKey, body: input.body });
      if (this.sendDelayMs) await new Promise((r) => setTimeout(r, this.sendDelayMs));
      if (this.floodNext > 0) {
        this.floodNext--;
        return ack({
          ...this.refusal(ErrorCode.TOO_MANY_REQUESTS, 'Too many messages'),
          retryAfterSeconds: 1,
        });
      }
      if (!this.isMember(person, input.groupId))
        return ack(this.refusal(ErrorCode.NOT_FOUND, 'Working group not found'));
      if (!input.body.trim())
        return ack({
          ...this.refusal(ErrorCode.BAD_USER_INPUT, 'The request is not valid'),
          fields: { body: 'must not be empty' },
        });
      const list = this.messages.get(input.groupId) ?? [];
      const earlier = this.keys.get(`${person.id}:${input.idempotencyKey}`);
      if (earlier) {
        const message = list.find((m) => m.id === earlier);
        if (message && this.dropSendAcks > 0) {
          this.dropSendAcks--;
          return;
        }
        if (message) return ack({ ok: true, message, duplicate: true });
      }
      const message = this.store(input.groupId, person, input.body, true, input.replyToId ?? null);
      this.keys.set(`${person.id}:${input.idempotencyKey}`, message.id);
      if (this.dropSendAcks > 0) {
        this.dropSendAcks--;
        return;
      }
      if (this.ackDelayMs) await new Promise((r) => setTimeout(r, this.ackDelayMs));
      ack({ ok: true, message, duplicate: false });
    });
    const update = (
      messageId: string,
      change: (m: ChatMessage) => ChatMessage,
      ack: (a: { ok: true; message: ChatMessage } | RealtimeRefusal) => void,
    ) => {
      for (const [groupId, list] of this.messages) {
        const i = list.findIndex((m) => m.id === messageId);
        if (i < 0) continue;
        const message = change(list[i]);
        list[i] = message;
        this.io.to(`group:${groupId}`).emit('chat:updated', message);
        return ack({ ok: true, message });
      }
      ack(this.refusal(ErrorCode.NOT_FOUND, 'Message not found'));
    };
    socket.on('chat:edit', ({ messageId, body }, ack) =>
      update(
        messageId,
        (m) => ({
          ...m,
          bodySource: body,
          bodyHtml: `<p>${body}</p>`,
          editedAt: new Date().toISOString(),
        }),
        ack,
      ),
    );
    socket.on('chat:delete', ({ messageId }, ack) =>
      update(
        messageId,
        (m) => ({ ...m, bodySource: null, bodyHtml: null, deletedAt: new Date().toISOString() }),
        ack,
      ),
    );
    socket.on('chat:hide', ({ messageId, hidden }, ack) =>
      update(
        messageId,
        (m) => ({
          ...m,
          hidden,
          bodyHtml: hidden ? null : m.bodyHtml,
          bodySource: hidden ? null : m.bodySource,
        }),
        ack,
      ),
    );
    socket.on('chat:history', ({ groupId, beforeSeq, limit = 50 }, ack) => {
      const list = (this.messages.get(groupId) ?? []).filter(
        (m) => beforeSeq == null || m.seq < beforeSeq,
      );
      const page = list.slice(-limit);
      const hasMore = list.length > page.length;
      ack({
        ok: true,
        groupId,
        messages: page,
        hasMore,
        cursor: hasMore ? (page[0]?.seq ?? null) : null,
      });
    });
    socket.on('chat:sync', ({ groupId, afterSeq, limit = 200 }, ack) => {
      const list = (this.messages.get(groupId) ?? []).filter((m) => m.seq > afterSeq);
      const page = list.slice(0, limit);
      ack({
        ok: true,
        groupId,
        messages: page,
        hasMore: list.length > page.length,
        cursor: page.at(-1)?.seq ?? afterSeq,
      });
    });
    socket.on('chat:read', ({ groupId, seq }, ack) => {
      const key = `${person.id}:${groupId}`;
      this.reads.set(key, Math.max(this.reads.get(key) ?? 0, seq));
      const state = this.unread(person.id, groupId);
      this.io.to(`person:${person.id}`).emit('chat:unread', state);
      ack({ ok: true, ...state });
    });
    socket.on('chat:unread', (_input, ack) => {
      const groups = Object.keys(this.members)
        .filter((g) => this.isMember(person, g))
        .map((g) => this.unread(person.id, g));
      ack({ ok: true, groups });
    });
    socket.on('chat:typing', ({ groupId, typing }) => {
      socket.to(`group:${groupId}`).emit('chat:typing', { groupId, person, typing });
    });
    socket.on('presence:list', async ({ groupId }, ack) =>
      ack({ ok: true, members: await this.presence(groupId) }),
    );
    socket.on('auth:refresh', ({ token }, ack) => {
      this.refreshes.push(token);
      ack(this.people.has(token) ? { ok: true } : this.refusal(ErrorCode.UNAUTHENTICATED, 'no'));
    });
  }
}
