import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  WebSocketGateway,
} from '@nestjs/websockets';
import { z } from 'zod';
import {
  CHAT_MESSAGE_MAX,
  CHAT_PAGE_DEFAULT,
  CHAT_PAGE_MAX,
  GROUP_MESSAGE_MAX,
  PresenceMember,
  RealtimeRoom,
} from '@civitas/shared/domain';
import { GroupRoomAccess } from '@civitas/api/access';
import { RealtimeEvent, RealtimeServer } from '@civitas/api/realtime';
import type { RealtimeSocket } from '@civitas/api/realtime';
import { ChatService } from './chat.service';

const GROUP_PREFIX = 'group:';
const id = z.guid('must be an id');
const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const body = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(CHAT_MESSAGE_MAX, `must be at most ${CHAT_MESSAGE_MAX} characters`);
const limit = z.number().int().min(1).max(CHAT_PAGE_MAX);

const groupInput = z.object({ groupId: id }).strict();
const sendInput = z
  .object({
    groupId: id,
    idempotencyKey: z.guid('must be a UUID made by the client'),
    body,
    replyToId: id.nullish(),
  })
  .strict();
const editInput = z.object({ messageId: id, body }).strict();
const messageInput = z.object({ messageId: id }).strict();
const hideInput = z
  .object({
    messageId: id,
    hidden: z.boolean(),
    reason: z.string().trim().max(GROUP_MESSAGE_MAX).nullish(),
  })
  .strict();
const historyInput = z
  .object({ groupId: id, beforeSeq: seq.nullish(), limit: limit.optional() })
  .strict();
const syncInput = z.object({ groupId: id, afterSeq: seq, limit: limit.optional() }).strict();
const readInput = z.object({ groupId: id, seq }).strict();
const typingInput = z.object({ groupId: id, typing: z.boolean() }).strict();
const nothing = z.union([z.object({}).strict(), z.undefined(), z.null()]);

/**
 * Group rooms and the chat, on the app's one namespace. Entering a room is authorised by
 * group membership every time; every chat act checks membership again in the database,
 * so a person removed a moment ago can neither read nor write even before their sockets
 * have left the room.
 */
@WebSocketGateway()
export class ChatGateway implements OnGatewayConnection {
  private readonly logger = new Logger('Chat');

  constructor(
    private readonly rt: RealtimeServer,
    private readonly chat: ChatService,
    private readonly rooms: GroupRoomAccess,
  ) {}

  handleConnection(socket: RealtimeSocket): void {
    // On the way out the socket still knows its rooms: tell each room when the person's
    // last socket in it is gone (on any process).
    socket.on('disconnecting', () => {
      const groups = [...socket.rooms]
        .filter((r) => r.startsWith(GROUP_PREFIX))
        .map((r) => r.slice(GROUP_PREFIX.length));
      const personId = socket.data?.personId;
      if (!personId || groups.length === 0) return;
      setImmediate(() => {
        for (const groupId of groups) void this.leftIfLast(personId, groupId);
      });
    });
  }

  private async leftIfLast(personId: string, groupId: string): Promise<void> {
    try {
      if ((await this.rt.personSocketsInGroup(personId, groupId)) > 0) return;
      this.rt.server.to(RealtimeRoom.group(groupId)).emit('presence:left', { groupId, personId });
    } catch (e) {
      this.logger.warn(`Presence of ${personId} in ${groupId}: ${String(e)}`);
    }
  }

  @RealtimeEvent('group:subscribe')
  subscribe(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.rt.handle(socket, 'group:subscribe', payload, groupInput, async (input, user) => {
      await this.rooms.assertMember(user, input.groupId);
      const room = RealtimeRoom.group(input.groupId);
      const already = socket.rooms.has(room);
      const since = socket.data.groups[input.groupId] ?? new Date().toISOString();
      socket.data.groups[input.groupId] = since;
      await socket.join(room);
      // Removed between the check and the join? The removal's leave may have run first.
      const standing = await this.rooms.standing(user, input.groupId);
      if (!standing.role) {
        await socket.leave(room);
        delete socket.data.groups[input.groupId];
        await this.rooms.assertMember(user, input.groupId);
      }
      const [[unread], presence] = await Promise.all([
        this.chat.unread(user.id, [input.groupId]),
        // Presence asks every process; one slow to answer must not keep anyone out of the room.
        this.rt.presence(input.groupId).catch((e: unknown) => {
          this.logger.warn(`Presence of ${input.groupId} not known: ${String(e)}`);
          return null;
        }),
      ]);
      if (!already && presence) void this.announceJoined(socket, input.groupId, presence);
      return { ...unread, presence: presence ?? [] };
    });
  }

  private async announceJoined(
    socket: RealtimeSocket,
    groupId: string,
    presence: PresenceMember[],
  ): Promise<void> {
    try {
      const personId = socket.data.personId;
      if ((await this.rt.personSocketsInGroup(personId, groupId)) !== 1) return;
      const member = presence.find((m) => m.id === personId);
      if (member)
        socket.to(RealtimeRoom.group(groupId)).emit('presence:joined', { groupId, member });
    } catch (e) {
      this.logger.warn(`Presence of ${groupId} not announced: ${String(e)}`);
    }
  }

  @RealtimeEvent('group:unsubscribe')
  unsubscribe(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.rt.handle(socket, 'group:unsubscribe', payload, groupInput, async (input, user) => {
      const room = RealtimeRoom.group(input.groupId);
      if (!socket.rooms.has(room)) return {};
      await socket.leave(room);
      delete socket.data.groups[input.groupId];
      await this.leftIfLast(user.id, input.groupId);
      return {};
    });
  }

  /** Stored first, then delivered to the room (every process); the ack carries id and seq. */
  @RealtimeEvent('chat:send')
  send(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.rt.handle(socket, 'chat:send', payload, sendInput, async (input, user) => {
      const result = await this.chat.send(user, input);
      // Duplicates too: the first attempt's process may have died before broadcasting it.
      this.rt.server.to(RealtimeRoom.group(input.groupId)).emit('chat:message', result.message);
      return result;
    });
  }

  @RealtimeEvent('chat:edit')
  edit(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.rt.handle(socket, 'chat:edit', payload, editInput, async (input, user) =>
      this.updated(await this.chat.edit(user, input.messageId, input.body)),
    );
  }

  @RealtimeEvent('chat:delete')
  delete(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.rt.handle(socket, 'chat:delete', payload, messageInput, async (input, user) =>
      this.updated(await this.chat.delete(user, input.messageId)),
    );
  }

  @RealtimeEvent('chat:hide')
  hide(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.rt.handle(socket, 'chat:hide', payload, hideInput, async (input, user) =>
      this.updated(await this.chat.hide(user, input.messageId, input.hidden, input.reason || null)),
    );
  }

  private updated(message: Awaited<ReturnType<ChatService['edit']>>) {
    this.rt.server.to(RealtimeRoom.group(message.groupId)).emit('chat:updated', message);
    return { message };
  }

  @RealtimeEvent('chat:history')
  history(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.rt.handle(socket, 'chat:history', payload, historyInput, (input, user) =>
      this.chat.history(
        user,
        input.groupId,
        input.beforeSeq ?? null,
        input.limit ?? CHAT_PAGE_DEFAULT,
      ),
    );
  }

  @RealtimeEvent('chat:sync')
  sync(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.rt.handle(socket, 'chat:sync', payload, syncInput, (input, user) =>
      this.chat.sync(user, input.groupId, input.afterSeq, input.limit ?? CHAT_PAGE_MAX),
    );
  }

  /** Read state is the person's: their other tabs and devices hear of it. */
  @RealtimeEvent('chat:read')
  read(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.rt.handle(socket, 'chat:read', payload, readInput, async (input, user) => {
      const state = await this.chat.read(user, input.groupId, input.seq);
      this.rt.server.to(RealtimeRoom.person(user.id)).emit('chat:unread', state);
      return state;
    });
  }

  @RealtimeEvent('chat:unread')
  unread(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.rt.handle(socket, 'chat:unread', payload, nothing, async (_input, user) => ({
      groups: await this.chat.unreadOfMyGroups(user),
    }));
  }

  /** To the others in the room; only from a socket that is in it. */
  @RealtimeEvent('chat:typing')
  async typing(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    await this.rt.handle(socket, 'chat:typing', payload, typingInput, async (input) => {
      const room = RealtimeRoom.group(input.groupId);
      if (!socket.rooms.has(room)) return {};
      socket.to(room).emit('chat:typing', {
        groupId: input.groupId,
        person: {
          id: socket.data.personId,
          name: socket.data.name,
          organisationName: socket.data.organisationName,
        },
        typing: input.typing,
      });
      return {};
    });
  }

  @RealtimeEvent('presence:list')
  presence(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.rt.handle(socket, 'presence:list', payload, groupInput, async (input, user) => {
      await this.rooms.assertMember(user, input.groupId);
      return { members: await this.rt.presence(input.groupId) };
    });
  }
}
