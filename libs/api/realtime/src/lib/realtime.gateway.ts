import { Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import { z } from 'zod';
import {
  ErrorCode,
  REALTIME_AUTH_GRACE_SECONDS,
  REALTIME_CONNECTIONS_PER_MINUTE,
  REALTIME_EVENT_PERMISSIONS,
  REALTIME_SESSION_CHECK_SECONDS,
  RealtimeConnectRefusal,
  RealtimeRoom,
} from '@civitas/shared/domain';
import { APP_CONFIG, DomainEvent, notFound, unauthenticated } from '@civitas/api/core';
import type {
  AppConfig,
  ForumReplyPostedEvent,
  GroupMembershipEndedEvent,
  NotificationsCreatedEvent,
} from '@civitas/api/core';
import { GroupRoomAccess } from '@civitas/api/access';
import { RealtimeEvent } from './realtime-event.decorator';
import {
  authUserOf,
  RealtimeAuthError,
  RealtimeLimiter,
  RealtimeServer,
  refusal,
} from './realtime.server';
import type { RealtimeIo, RealtimeSocket } from './realtime.types';

const KNOWN_EVENTS = new Set<string>(Object.keys(REALTIME_EVENT_PERMISSIONS));
const THREAD_PREFIX = 'thread:';
const GROUP_PREFIX = 'group:';

const id = z.guid('must be an id');
const threadInput = z.object({ threadId: id }).strict();
const refreshInput = z.object({ token: z.string().min(1).max(4096) }).strict();

function connectError(refused: RealtimeConnectRefusal): Error {
  const error = new Error(refused.message) as Error & { data: RealtimeConnectRefusal };
  error.data = refused;
  return error;
}

/**
 * The app's one socket.io namespace: the handshake (token, origin, throttle), each person's
 * own room, forum thread rooms, token refresh, and the domain events that reach people live
 * (membership ended, forum replies, notifications). Group rooms and the chat are
 * `libs/api/chat`'s gateway on the same namespace.
 */
@WebSocketGateway()
export class RealtimeGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy
{
  private readonly logger = new Logger('Realtime');
  private readonly connections: RealtimeLimiter;
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();
  private sessionSweep?: NodeJS.Timeout;

  constructor(
    private readonly rt: RealtimeServer,
    private readonly rooms: GroupRoomAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.connections = rt.limiter('rt-connect', REALTIME_CONNECTIONS_PER_MINUTE, 60);
  }

  afterInit(io: RealtimeIo): void {
    this.rt.attach(io);
    this.sessionSweep = setInterval(
      () => void this.sweepSessions().catch((e) => this.logger.warn(`Session sweep: ${e}`)),
      REALTIME_SESSION_CHECK_SECONDS * 1000,
    );
    this.sessionSweep.unref();
    // Runs for recovered connections too (skipMiddlewares: false in the adapter).
    io.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (e: unknown) => {
          if (e instanceof Error && 'data' in e) return next(e);
          this.logger.error(`Socket handshake failed: ${String(e)}`);
          next(connectError({ code: ErrorCode.UNAUTHENTICATED, message: 'Try again' }));
        },
      );
    });
  }

  private async authenticate(socket: RealtimeSocket): Promise<void> {
    const origin = socket.handshake.headers.origin;
    // Browsers always send Origin on cross-site requests; without one it is not a browser
    // page of another site (same-origin polling, or a non-browser client with a token).
    if (origin && !this.config.realtimeOrigins.includes(origin)) {
      throw connectError({
        code: ErrorCode.FORBIDDEN,
        message: `Connections from ${origin} are not allowed`,
      });
    }
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    let person;
    try {
      person = await this.rt.verifyToken(auth?.token);
    } catch (e) {
      if (e instanceof RealtimeAuthError) throw connectError({ code: e.code, message: e.message });
      throw e;
    }
    const throttled = await this.connections.consume(person.personId);
    if (throttled) {
      throw connectError({
        code: ErrorCode.TOO_MANY_REQUESTS,
        message: throttled.message,
        retryAfterSeconds: throttled.retryAfterSeconds,
      });
    }
    socket.data = { ...person, groups: socket.data?.groups ?? {} };
  }

  async handleConnection(socket: RealtimeSocket): Promise<void> {
    if (!socket.data?.personId) {
      socket.disconnect(true);
      return;
    }
    void socket.join(RealtimeRoom.person(socket.data.personId));
    this.scheduleExpiry(socket);
    socket.onAny((event: string, ...args: unknown[]) => {
      if (KNOWN_EVENTS.has(event)) return;
      const ack = args[args.length - 1];
      if (typeof ack === 'function') {
        ack(refusal(ErrorCode.BAD_USER_INPUT, `There is no event called "${event}"`));
      }
    });
    if (socket.recovered) await this.reauthoriseRooms(socket);
  }

  onModuleDestroy(): void {
    clearInterval(this.sessionSweep);
    for (const timer of this.expiryTimers.values()) clearTimeout(timer);
  }

  /**
   * Sockets outlive the checks of their handshake: every REALTIME_SESSION_CHECK_SECONDS this
   * process disconnects its sockets whose person signed out everywhere or was deactivated
   * (their reconnection is then refused with UNAUTHENTICATED).
   */
  async sweepSessions(): Promise<number> {
    const sockets = [...this.rt.server.of('/').sockets.values()].filter((s) => s.data?.personId);
    const people = new Map(sockets.map((s) => [s.data.personId, s.data.sessionVersion]));
    const ended = await this.rt.endedSessions(people);
    let closed = 0;
    for (const socket of sockets) {
      if (!ended.has(socket.data.personId)) continue;
      socket.disconnect(true);
      closed++;
    }
    return closed;
  }

  handleDisconnect(socket: RealtimeSocket): void {
    const timer = this.expiryTimers.get(socket.id);
    if (timer) clearTimeout(timer);
    this.expiryTimers.delete(socket.id);
  }

  /** A recovered session comes back with its rooms: each is checked again before it stays. */
  private async reauthoriseRooms(socket: RealtimeSocket): Promise<void> {
    const user = authUserOf(socket.data);
    for (const room of [...socket.rooms]) {
      let groupId: string | null = null;
      if (room.startsWith(GROUP_PREFIX)) groupId = room.slice(GROUP_PREFIX.length);
      else if (room.startsWith(THREAD_PREFIX))
        groupId = await this.rooms.groupOfThread(room.slice(THREAD_PREFIX.length));
      else continue;
      const standing = groupId ? await this.rooms.standing(user, groupId) : null;
      if (standing?.role) continue;
      void socket.leave(room);
      if (room.startsWith(GROUP_PREFIX) && groupId) {
        delete socket.data.groups[groupId];
        socket.emit('group:unsubscribed', { groupId, reason: 'REMOVED' });
      }
    }
  }

  private scheduleExpiry(socket: RealtimeSocket): void {
    const previous = this.expiryTimers.get(socket.id);
    if (previous) clearTimeout(previous);
    const ms = Math.max(0, socket.data.tokenExpiresAt * 1000 - Date.now());
    const timer = setTimeout(
      () => {
        socket.emit('auth:expired', { graceSeconds: REALTIME_AUTH_GRACE_SECONDS });
        const grace = setTimeout(() => socket.disconnect(true), REALTIME_AUTH_GRACE_SECONDS * 1000);
        grace.unref();
        this.expiryTimers.set(socket.id, grace);
      },
      Math.min(ms, 2 ** 31 - 1),
    );
    timer.unref();
    this.expiryTimers.set(socket.id, timer);
  }

  @RealtimeEvent('auth:refresh')
  refresh(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.rt.handle(socket, 'auth:refresh', payload, refreshInput, async ({ token }) => {
      let person;
      try {
        person = await this.rt.verifyToken(token);
      } catch (e) {
        if (e instanceof RealtimeAuthError) throw unauthenticated(e.message);
        throw e;
      }
      if (person.personId !== socket.data.personId) {
        throw unauthenticated('This access token belongs to someone else');
      }
      socket.data = { ...person, groups: socket.data.groups };
      this.scheduleExpiry(socket);
      return {};
    });
  }

  /** Forum thread rooms: members of the thread's group, as for group rooms. */
  @RealtimeEvent('thread:subscribe')
  subscribeThread(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.rt.handle(socket, 'thread:subscribe', payload, threadInput, async (input, user) => {
      const groupId = await this.rooms.groupOfThread(input.threadId);
      if (!groupId) throw notFound('Forum thread');
      const standing = await this.rooms.standing(user, groupId);
      if (!standing.role) throw notFound('Forum thread');
      await socket.join(RealtimeRoom.thread(input.threadId));
      return {};
    });
  }

  @RealtimeEvent('thread:unsubscribe')
  unsubscribeThread(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.rt.handle(socket, 'thread:unsubscribe', payload, threadInput, async (input) => {
      await socket.leave(RealtimeRoom.thread(input.threadId));
      return {};
    });
  }

  /**
   * Out of the group's room on every process at once, and out of its threads' rooms; the
   * person's sockets are told why, the room that they are gone.
   */
  @OnEvent(DomainEvent.GROUP_MEMBERSHIP_ENDED)
  async membershipEnded(event: GroupMembershipEndedEvent): Promise<void> {
    const io = this.rt.server;
    const personRoom = RealtimeRoom.person(event.userId);
    io.in(personRoom).socketsLeave(RealtimeRoom.group(event.groupId));
    io.to(personRoom).emit('group:unsubscribed', {
      groupId: event.groupId,
      reason: event.reason,
    });
    io.to(RealtimeRoom.group(event.groupId)).emit('presence:left', {
      groupId: event.groupId,
      personId: event.userId,
    });
    try {
      const sockets = await io.in(personRoom).fetchSockets();
      const threadRooms = new Set<string>();
      for (const s of sockets)
        for (const room of s.rooms) if (room.startsWith(THREAD_PREFIX)) threadRooms.add(room);
      for (const room of threadRooms) {
        const groupId = await this.rooms.groupOfThread(room.slice(THREAD_PREFIX.length));
        if (groupId === event.groupId) io.in(personRoom).socketsLeave(room);
      }
    } catch (e) {
      this.logger.warn(`Could not take ${event.userId} out of thread rooms: ${String(e)}`);
    }
  }

  @OnEvent(DomainEvent.FORUM_REPLY_POSTED)
  forumReply(event: ForumReplyPostedEvent): void {
    this.rt.server
      .to([RealtimeRoom.thread(event.threadId), RealtimeRoom.group(event.groupId)])
      .emit('forum:post', {
        groupId: event.groupId,
        threadId: event.threadId,
        postId: event.postId,
        threadTitle: event.threadTitle,
        authorId: event.byUserId,
      });
  }

  @OnEvent(DomainEvent.NOTIFICATIONS_CREATED)
  notificationsCreated(event: NotificationsCreatedEvent): void {
    for (const n of event.notifications) {
      this.rt.server.to(RealtimeRoom.person(n.recipientId)).emit('notification:new', {
        notification: {
          id: n.id,
          kind: n.kind,
          groupId: n.groupId,
          threadId: n.threadId,
          postId: n.postId,
          createdAt: new Date(n.createdAt).toISOString(),
        },
        unreadCount: n.recipientUnreadCount,
      });
    }
  }
}
