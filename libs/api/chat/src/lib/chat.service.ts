import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  CHAT_FLOOD_MESSAGES,
  CHAT_FLOOD_WINDOW_SECONDS,
  ChatMessage as ChatMessageView,
  ChatMessagePage,
  ChatUnread,
  ErrorCode,
} from '@civitas/shared/domain';
import {
  badUserInput,
  DomainEvent,
  domainError,
  forbidden,
  isUniqueViolation,
  notFound,
} from '@civitas/api/core';
import type { ChatMessageModeratedEvent } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { GroupRoomAccess } from '@civitas/api/access';
import { renderMarkdown } from '@civitas/api/markdown';
import { RealtimeLimiter, RealtimeServer } from '@civitas/api/realtime';

interface MessageRow {
  id: string;
  group_id: string;
  seq: string;
  author_id: string | null;
  author_name: string | null;
  author_organisation: string | null;
  body_source: string;
  body_html: string;
  reply_to_id: string | null;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  hidden_at: Date | null;
}

const SELECT_MESSAGE = `
  SELECT m.id, m.group_id, m.seq, m.author_id, u.name AS author_name,
         o.name AS author_organisation, m.body_source, m.body_html, m.reply_to_id,
         m.created_at, m.edited_at, m.deleted_at, m.hidden_at
  FROM chat_message m
  LEFT JOIN app_user u ON u.id = m.author_id
  LEFT JOIN organisation o ON o.id = u.organisation_id`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toView(row: MessageRow): ChatMessageView {
  const gone = row.deleted_at !== null || row.hidden_at !== null;
  return {
    id: row.id,
    groupId: row.group_id,
    seq: Number(row.seq),
    author:
      row.author_id && row.author_name
        ? {
            id: row.author_id,
            name: row.author_name,
            organisationName: row.author_organisation ?? '',
          }
        : null,
    bodyHtml: gone ? null : row.body_html,
    bodySource: gone ? null : row.body_source,
    replyToId: row.reply_to_id,
    editedAt: iso(row.edited_at),
    deletedAt: iso(row.deleted_at),
    hidden: row.hidden_at !== null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export interface SendMessage {
  groupId: string;
  idempotencyKey: string;
  body: string;
  replyToId?: string | null;
}

/**
 * A working group's chat: messages numbered per group, stored before anyone is told,
 * idempotent per author and key; edits and deletes by the author, hiding by coordinators;
 * history and catch-up by `seq`; read state and unread counts per person and group.
 */
@Injectable()
export class ChatService {
  private readonly flood: RealtimeLimiter;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rooms: GroupRoomAccess,
    private readonly events: EventEmitter2,
    rt: RealtimeServer,
  ) {
    this.flood = rt.limiter('chat-flood', CHAT_FLOOD_MESSAGES, CHAT_FLOOD_WINDOW_SECONDS);
  }

  /**
   * Stores the message and returns it with its `seq`. The same key from the same author
   * returns the message stored the first time (`duplicate`), whatever the body says now.
   */
  async send(
    user: AuthUser,
    input: SendMessage,
  ): Promise<{ message: ChatMessageView; duplicate: boolean }> {
    await this.rooms.assertMember(user, input.groupId);
    const earlier = await this.byKey(user.id, input.idempotencyKey);
    if (earlier) return this.asDuplicate(earlier, input.groupId);
    const throttled = await this.flood.consume(user.id);
    if (throttled) {
      const retryAfter = throttled.retryAfterSeconds ?? CHAT_FLOOD_WINDOW_SECONDS;
      throw domainError(
        ErrorCode.TOO_MANY_REQUESTS,
        `You are sending messages too fast (at most ${CHAT_FLOOD_MESSAGES} in ${CHAT_FLOOD_WINDOW_SECONDS} seconds): try again in ${retryAfter} seconds`,
        { retryAfter },
      );
    }
    const html = renderMarkdown(input.body).html;
    try {
      const id = await this.db.transaction(async (tx) => {
        await this.rooms.assertMember(user, input.groupId, tx);
        if (input.replyToId) await this.assertInGroup(tx, input.replyToId, input.groupId);
        // The counter row is the group's queue: concurrent senders wait here, in order.
        const [{ last_seq: seq }]: { last_seq: string }[] = await tx.query(
          `INSERT INTO chat_group_counter (group_id, last_seq) VALUES ($1, 1)
           ON CONFLICT (group_id) DO UPDATE SET last_seq = chat_group_counter.last_seq + 1
           RETURNING last_seq`,
          [input.groupId],
        );
        const [{ id }]: { id: string }[] = await tx.query(
          `INSERT INTO chat_message
             (group_id, seq, author_id, idempotency_key, body_source, body_html, reply_to_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [
            input.groupId,
            seq,
            user.id,
            input.idempotencyKey,
            input.body,
            html,
            input.replyToId ?? null,
          ],
        );
        // What one writes, one has read.
        await this.markRead(tx, user.id, input.groupId, Number(seq));
        return id;
      });
      return { message: await this.one(id), duplicate: false };
    } catch (e) {
      // The same key sent twice at once: the other one stored it first.
      if (isUniqueViolation(e, 'chat_message_author_key')) {
        const stored = await this.byKey(user.id, input.idempotencyKey);
        if (stored) return this.asDuplicate(stored, input.groupId);
      }
      throw e;
    }
  }

  async edit(user: AuthUser, messageId: string, body: string): Promise<ChatMessageView> {
    const message = await this.ownMessage(user, messageId);
    if (message.hidden) throw forbidden('A coordinator hid this message; it cannot be edited');
    await this.db.query(
      `UPDATE chat_message SET body_source = $2, body_html = $3, edited_at = now() WHERE id = $1`,
      [messageId, body, renderMarkdown(body).html],
    );
    return this.one(messageId);
  }

  /** The row stays in its place ("message deleted"); its text is gone. */
  async delete(user: AuthUser, messageId: string): Promise<ChatMessageView> {
    await this.ownMessage(user, messageId);
    await this.db.query(
      `UPDATE chat_message SET body_source = '', body_html = '', deleted_at = now() WHERE id = $1`,
      [messageId],
    );
    return this.one(messageId);
  }

  async hide(
    user: AuthUser,
    messageId: string,
    hidden: boolean,
    reason: string | null,
  ): Promise<ChatMessageView> {
    const message = await this.visibleMessage(user, messageId);
    await this.rooms.assertCoordinator(user, message.groupId);
    const event: ChatMessageModeratedEvent = {
      groupId: message.groupId,
      messageId,
      authorId: message.author?.id ?? null,
      byUserId: user.id,
      hidden,
      reason,
    };
    if (hidden) {
      await this.db.query(
        `UPDATE chat_message SET hidden_at = coalesce(hidden_at, now()), hidden_by_id = $2,
           hidden_reason = $3 WHERE id = $1`,
        [messageId, user.id, reason],
      );
    } else {
      await this.db.query(
        `UPDATE chat_message SET hidden_at = NULL, hidden_by_id = NULL, hidden_reason = NULL
         WHERE id = $1`,
        [messageId],
      );
    }
    // Into the group's moderation log, which belongs to the groups library.
    this.events.emit(DomainEvent.CHAT_MESSAGE_MODERATED, event);
    return this.one(messageId);
  }

  /** The page of messages before `beforeSeq` (the newest without it), ascending. */
  async history(
    user: AuthUser,
    groupId: string,
    beforeSeq: number | null,
    limit: number,
  ): Promise<ChatMessagePage> {
    await this.rooms.assertMember(user, groupId);
    const rows: MessageRow[] = await this.db.query(
      `${SELECT_MESSAGE}
       WHERE m.group_id = $1 AND ($2::bigint IS NULL OR m.seq < $2)
       ORDER BY m.seq DESC LIMIT $3`,
      [groupId, beforeSeq, limit + 1],
    );
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit).reverse().map(toView);
    return { groupId, messages: page, hasMore, cursor: hasMore ? page[0].seq : null };
  }

  /** Everything after `afterSeq`, ascending, at most `limit`. */
  async sync(
    user: AuthUser,
    groupId: string,
    afterSeq: number,
    limit: number,
  ): Promise<ChatMessagePage> {
    await this.rooms.assertMember(user, groupId);
    const rows: MessageRow[] = await this.db.query(
      `${SELECT_MESSAGE} WHERE m.group_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT $3`,
      [groupId, afterSeq, limit + 1],
    );
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit).map(toView);
    return {
      groupId,
      messages: page,
      hasMore,
      cursor: page.length ? page[page.length - 1].seq : afterSeq,
    };
  }

  /** Read up to `seq` (never beyond the group's last message, never backwards). */
  async read(user: AuthUser, groupId: string, seq: number): Promise<ChatUnread> {
    await this.rooms.assertMember(user, groupId);
    await this.db.transaction((tx) => this.markRead(tx, user.id, groupId, seq));
    const [state] = await this.unread(user.id, [groupId]);
    return state;
  }

  /** Unread counts of the given groups (the person's own messages never count). */
  async unread(userId: string, groupIds: string[]): Promise<ChatUnread[]> {
    if (groupIds.length === 0) return [];
    const rows: { group_id: string; last_seq: string; read_seq: string; unread: number }[] =
      await this.db.query(
        `SELECT g.id AS group_id, coalesce(c.last_seq, 0) AS last_seq,
                coalesce(r.read_seq, 0) AS read_seq,
                (SELECT count(*)::int FROM chat_message m
                 WHERE m.group_id = g.id AND m.seq > coalesce(r.read_seq, 0)
                   AND m.author_id IS DISTINCT FROM $1
                   AND m.deleted_at IS NULL AND m.hidden_at IS NULL) AS unread
         FROM unnest($2::uuid[]) AS g(id)
         LEFT JOIN chat_group_counter c ON c.group_id = g.id
         LEFT JOIN chat_read_state r ON r.group_id = g.id AND r.user_id = $1`,
        [userId, groupIds],
      );
    return rows.map((r) => ({
      groupId: r.group_id,
      lastSeq: Number(r.last_seq),
      readSeq: Number(r.read_seq),
      unread: r.unread,
    }));
  }

  async unreadOfMyGroups(user: AuthUser): Promise<ChatUnread[]> {
    return this.unread(user.id, await this.rooms.memberGroupIds(user.id));
  }

  private async markRead(
    tx: EntityManager,
    userId: string,
    groupId: string,
    seq: number,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO chat_read_state (group_id, user_id, read_seq)
       SELECT $1, $2, LEAST($3::bigint, coalesce((SELECT last_seq FROM chat_group_counter WHERE group_id = $1), 0))
       ON CONFLICT (user_id, group_id) DO UPDATE
         SET read_seq = GREATEST(chat_read_state.read_seq, EXCLUDED.read_seq), updated_at = now()`,
      [groupId, userId, seq],
    );
  }

  private async one(id: string): Promise<ChatMessageView> {
    const [row]: MessageRow[] = await this.db.query(`${SELECT_MESSAGE} WHERE m.id = $1`, [id]);
    if (!row) throw notFound('Message');
    return toView(row);
  }

  private async byKey(authorId: string, key: string): Promise<ChatMessageView | null> {
    const [row]: MessageRow[] = await this.db.query(
      `${SELECT_MESSAGE} WHERE m.author_id = $1 AND m.idempotency_key = $2`,
      [authorId, key],
    );
    return row ? toView(row) : null;
  }

  private asDuplicate(
    message: ChatMessageView,
    groupId: string,
  ): { message: ChatMessageView; duplicate: boolean } {
    if (message.groupId !== groupId) {
      throw badUserInput('This idempotency key was already used for another message', [
        { field: 'idempotencyKey', problems: ['already used in another group'] },
      ]);
    }
    return { message, duplicate: true };
  }

  private async assertInGroup(tx: EntityManager, messageId: string, groupId: string) {
    const [row] = await tx.query(`SELECT 1 FROM chat_message WHERE id = $1 AND group_id = $2`, [
      messageId,
      groupId,
    ]);
    if (!row) {
      throw badUserInput('The message answered is not in this group', [
        { field: 'replyToId', problems: ['no such message in this group'] },
      ]);
    }
  }

  /** A message of a group the person is a member of; NOT_FOUND for everything else. */
  private async visibleMessage(user: AuthUser, messageId: string): Promise<ChatMessageView> {
    const message = await this.one(messageId);
    const standing = await this.rooms.standing(user, message.groupId);
    if (!standing.role) throw notFound('Message');
    return message;
  }

  private async ownMessage(user: AuthUser, messageId: string): Promise<ChatMessageView> {
    const message = await this.visibleMessage(user, messageId);
    if (message.author?.id !== user.id) {
      throw forbidden('Only its author can change or delete a message');
    }
    if (message.deletedAt) throw notFound('Message');
    return message;
  }
}
