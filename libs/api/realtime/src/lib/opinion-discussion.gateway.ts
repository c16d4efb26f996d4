import { Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  WebSocketGateway,
} from '@nestjs/websockets';
import { z } from 'zod';
import {
  OpinionDiscussionAudience,
  OpinionDiscussionRoomInput,
  RealtimeRoom,
} from '@civitas/shared/domain';
import { DomainEvent, notFound } from '@civitas/api/core';
import type { OpinionDiscussionPostedEvent } from '@civitas/api/core';
import { OpinionAccess } from '@civitas/api/access';
import { AuditService } from '@civitas/api/audit';
import { RealtimeEvent } from './realtime-event.decorator';
import { RealtimeServer } from './realtime.server';
import type { RealtimeSocket } from './realtime.types';

const OPINION_PREFIX = 'opinion:';
const AUDIENCES = Object.values(OpinionDiscussionAudience) as [
  OpinionDiscussionAudience,
  ...OpinionDiscussionAudience[],
];
const roomInput = z
  .object({ requestId: z.guid('must be an id'), audience: z.enum(AUDIENCES) })
  .strict();

/** The room's request and audience, from its name (`opinion:<id>:<audience>`). */
function roomOf(room: string): OpinionDiscussionRoomInput | null {
  if (!room.startsWith(OPINION_PREFIX)) return null;
  const [requestId, audience] = room.slice(OPINION_PREFIX.length).split(':');
  return AUDIENCES.includes(audience as OpinionDiscussionAudience)
    ? { requestId, audience: audience as OpinionDiscussionAudience }
    : null;
}

/**
 * Expert opinion discussions, live. Confidential: a socket enters a discussion's room only
 * when its person may read that discussion through GraphQL (`OpinionAccess`, the same
 * NOT_FOUND otherwise), and before every broadcast the room is checked against who reads
 * it now in the database: anyone who lost access since (role or legal-officer flag changed,
 * deactivated) is taken out and told, never sent the message.
 */
@WebSocketGateway()
export class OpinionDiscussionGateway implements OnGatewayConnection {
  private readonly logger = new Logger('Realtime');

  constructor(
    private readonly rt: RealtimeServer,
    private readonly access: OpinionAccess,
    private readonly audit: AuditService,
  ) {}

  /** A recovered session comes back with its rooms: each discussion is checked again. */
  async handleConnection(socket: RealtimeSocket): Promise<void> {
    if (!socket.recovered || !socket.data?.personId) return;
    for (const name of [...socket.rooms]) {
      const room = roomOf(name);
      if (!room) continue;
      const readers = await this.access.discussionReaders(room.requestId, room.audience);
      if (readers.has(socket.data.personId)) continue;
      void socket.leave(name);
      socket.emit('opinion:unsubscribed', room);
    }
  }

  @RealtimeEvent('opinion:subscribe')
  subscribe(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.rt.handle(socket, 'opinion:subscribe', payload, roomInput, async (input, user) => {
      // The same rule as the discussion query, on the person as the database has them now.
      const readers = await this.access.discussionReaders(input.requestId, input.audience);
      if (!readers.has(user.id)) throw notFound('Discussion');
      // Following a discussion is reading it: on record as the query's reads are.
      await this.audit.record({
        actorId: user.id,
        action: 'opinion_request.discussion.read',
        entityType: 'opinion_request',
        entityId: input.requestId,
        details: { audience: input.audience, live: true },
      });
      await socket.join(RealtimeRoom.opinionDiscussion(input.requestId, input.audience));
      return {};
    });
  }

  @RealtimeEvent('opinion:unsubscribe')
  unsubscribe(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.rt.handle(socket, 'opinion:unsubscribe', payload, roomInput, async (input) => {
      await socket.leave(RealtimeRoom.opinionDiscussion(input.requestId, input.audience));
      return {};
    });
  }

  /** Published after the message's transaction committed. */
  @OnEvent(DomainEvent.OPINION_DISCUSSION_POSTED)
  async posted(event: OpinionDiscussionPostedEvent): Promise<void> {
    const { requestId, audience } = event.live;
    try {
      const readers = await this.access.discussionReaders(requestId, audience);
      const sockets = await this.admitted(requestId, audience, readers);
      for (const s of sockets) s.emit('opinion:message', event.live);
    } catch (e) {
      // Nothing is sent when the room cannot be checked; clients catch up on reconnect.
      this.logger.warn(`Opinion discussion ${requestId} not sent live: ${String(e)}`);
    }
  }

  /**
   * The sockets in the discussion's room (on every process) whose person reads it now; the
   * others leave the room and are told.
   */
  private async admitted(
    requestId: string,
    audience: OpinionDiscussionAudience,
    readers: Set<string>,
  ) {
    const name = RealtimeRoom.opinionDiscussion(requestId, audience);
    const sockets = await this.rt.server.in(name).fetchSockets();
    const allowed = [];
    for (const s of sockets) {
      if (readers.has(s.data.personId)) {
        allowed.push(s);
        continue;
      }
      s.leave(name);
      s.emit('opinion:unsubscribed', { requestId, audience });
    }
    return allowed;
  }
}
