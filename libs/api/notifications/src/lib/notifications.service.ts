import { Inject, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ConsentAction,
  ConsentPurpose,
  ConsentSource,
  currentConsentText,
  DEFAULT_EMAIL_FREQUENCY,
  EmailFrequency,
  ErrorCode,
  NotificationKind,
} from '@civitas/shared/domain';
import {
  APP_CONFIG,
  badUserInput,
  Connection,
  decodeCursor,
  DomainEvent,
  domainError,
  notFound,
  toConnection,
} from '@civitas/api/core';
import type { AppConfig, NotificationsCreatedEvent } from '@civitas/api/core';
import { hashSecretToken, newSecretToken } from '@civitas/api/auth';
import { MailQueue } from '@civitas/api/mail';
import { ConsentLog } from '@civitas/api/personal-data';
import { NotificationsArgs, NotificationPreferenceInput } from './dto/notification.inputs';
import { immediateMail, unsubscribeLink } from './notification-mail';
import { Notification, NotificationPayload, NotificationPreference } from './notification.entity';

export interface NewNotifications {
  kind: NotificationKind;
  recipientIds: string[];
  /** Null for what nobody did (a scheduled reminder). */
  actorId: string | null;
  groupId: string | null;
  threadId?: string | null;
  postId?: string | null;
  targetId?: string | null;
  payload: Omit<NotificationPayload, 'actorName'>;
}

const KINDS = Object.values(NotificationKind);

/**
 * SQL: whether account `u` may be e-mailed at all: not while they restricted processing of
 * their data, nor once their latest EMAIL_NOTIFICATIONS consent record is a withdrawal
 * (never asked: the preferences decide).
 */
export const MAILABLE_SQL = `(u.processing_restricted_at IS NULL AND coalesce((
  SELECT c.action FROM consent_record c
  WHERE c.user_id = u.id AND c.purpose = 'EMAIL_NOTIFICATIONS'
  ORDER BY c.created_at DESC, c.id DESC LIMIT 1), 'GRANTED') = 'GRANTED')`;

/**
 * Mentions and replies name their post: a person mentioned in a post of a thread they
 * follow gets one MENTION, whichever of the two events arrives first.
 */
const ON_CONFLICT: Partial<Record<NotificationKind, string>> = {
  [NotificationKind.MENTION]: `ON CONFLICT (recipient_id, post_id) WHERE kind IN ('MENTION', 'REPLY')
     DO UPDATE SET kind = 'MENTION', payload = EXCLUDED.payload, read_at = NULL,
       digest_pending = EXCLUDED.digest_pending
     WHERE notification.kind <> 'MENTION'`,
  [NotificationKind.REPLY]: `ON CONFLICT (recipient_id, post_id) WHERE kind IN ('MENTION', 'REPLY')
     DO NOTHING`,
};

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailQueue: MailQueue,
    private readonly events: EventEmitter2,
    private readonly consents: ConsentLog,
  ) {}

  /**
   * Records the in-app notifications (never for the actor themself, nor for deactivated
   * accounts), then mails those who want it now and marks the rest for their digest.
   */
  async notify(n: NewNotifications): Promise<void> {
    const recipients = [...new Set(n.recipientIds)].filter((id) => id !== n.actorId);
    if (recipients.length === 0) return;
    // One statement: the notification and, from the person's preference, whether it
    // waits for their digest; what comes back is whom to mail now.
    const created: {
      id: string;
      created_at: Date;
      recipient_id: string;
      email: string;
      frequency: EmailFrequency;
      payload: NotificationPayload;
    }[] = await this.db.query(
      `WITH inserted AS (
         INSERT INTO notification
           (recipient_id, kind, actor_id, group_id, thread_id, post_id, target_id, payload, digest_pending)
         SELECT u.id, $2, $3, $4, $5, $6, $7,
                $8::jsonb || jsonb_build_object('actorName', (SELECT name FROM app_user WHERE id = $3)),
                coalesce(p.email, $9) = 'DAILY_DIGEST' AND ${MAILABLE_SQL}
         FROM app_user u
         LEFT JOIN notification_preference p ON p.user_id = u.id AND p.kind = $2
         WHERE u.id = ANY($1::uuid[]) AND u.deactivated_at IS NULL
         ${ON_CONFLICT[n.kind] ?? ''}
         RETURNING id, created_at, recipient_id, payload
       )
       SELECT i.id, i.created_at, i.recipient_id, i.payload, u.email,
              CASE WHEN ${MAILABLE_SQL} THEN coalesce(p.email, $9) ELSE 'NEVER' END AS frequency
       FROM inserted i
       JOIN app_user u ON u.id = i.recipient_id
       LEFT JOIN notification_preference p ON p.user_id = i.recipient_id AND p.kind = $2`,
      [
        recipients,
        n.kind,
        n.actorId,
        n.groupId,
        n.threadId ?? null,
        n.postId ?? null,
        n.targetId ?? null,
        JSON.stringify(n.payload),
        DEFAULT_EMAIL_FREQUENCY[n.kind],
      ],
    );
    await this.announce(n, created);
    for (const row of created) {
      if (row.frequency !== EmailFrequency.IMMEDIATE) continue;
      const token = await this.unsubscribeToken(this.db.manager, row.recipient_id);
      await this.mailQueue.enqueue(
        immediateMail(
          row.email,
          this.config.appUrl,
          {
            kind: n.kind,
            groupId: n.groupId,
            threadId: n.threadId ?? null,
            targetId: n.targetId ?? null,
            payload: row.payload,
          },
          unsubscribeLink(this.config.appUrl, token, n.kind),
        ),
      );
    }
  }

  /** Tells the live layer (bells) what was stored, with each recipient's unread count. */
  private async announce(
    n: NewNotifications,
    created: { id: string; created_at: Date; recipient_id: string }[],
  ): Promise<void> {
    if (created.length === 0) return;
    const counts: { recipient_id: string; unread: number }[] = await this.db.query(
      `SELECT recipient_id, count(*)::int AS unread FROM notification
       WHERE recipient_id = ANY($1::uuid[]) AND read_at IS NULL GROUP BY recipient_id`,
      [created.map((c) => c.recipient_id)],
    );
    const unread = new Map(counts.map((c) => [c.recipient_id, c.unread]));
    const event: NotificationsCreatedEvent = {
      notifications: created.map((c) => ({
        id: c.id,
        recipientId: c.recipient_id,
        kind: n.kind,
        groupId: n.groupId,
        threadId: n.threadId ?? null,
        postId: n.postId ?? null,
        createdAt: c.created_at,
        recipientUnreadCount: unread.get(c.recipient_id) ?? 1,
      })),
    };
    this.events.emit(DomainEvent.NOTIFICATIONS_CREATED, event);
  }

  /** A new token for one mail's unsubscribe link; only its hash is kept. */
  async unsubscribeToken(manager: EntityManager, userId: string): Promise<string> {
    const { token, hash } = newSecretToken();
    await manager.query(
      `INSERT INTO notification_unsubscribe_token (token_hash, user_id) VALUES ($1, $2)`,
      [hash, userId],
    );
    return token;
  }

  async list(userId: string, args: NotificationsArgs): Promise<Connection<Notification>> {
    const repo = this.db.getRepository(Notification);
    const query = repo
      .createQueryBuilder('n')
      .where('n.recipient_id = :userId', { userId })
      .orderBy('n.seq', 'DESC')
      .take(args.first + 1);
    if (args.unreadOnly) query.andWhere('n.read_at IS NULL');
    const total = query.clone();
    if (args.after) {
      const [seq] = decodeCursor(args.after, 1);
      query.andWhere('n.seq < :seq', { seq: String(seq) });
    }
    const [rows, count] = await Promise.all([query.getMany(), total.getCount()]);
    return toConnection(rows, args.first, count, (n) => [n.seq]);
  }

  async unreadCount(userId: string): Promise<number> {
    return this.db
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.recipient_id = :userId AND n.read_at IS NULL', { userId })
      .getCount();
  }

  /** Someone else's notification does not exist for the caller. */
  async markRead(userId: string, id: string): Promise<Notification> {
    await this.db.query(
      `UPDATE notification SET read_at = now()
       WHERE id = $1 AND recipient_id = $2 AND read_at IS NULL`,
      [id, userId],
    );
    const found = await this.db.getRepository(Notification).findOneBy({ id, recipientId: userId });
    if (!found) throw notFound('Notification');
    return found;
  }

  /** How many were marked. */
  async markAllRead(userId: string): Promise<number> {
    const [, affected] = await this.db.query(
      `UPDATE notification SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return affected;
  }

  async preferences(userId: string): Promise<NotificationPreference[]> {
    const rows: { kind: NotificationKind; email: EmailFrequency }[] = await this.db.query(
      `SELECT kind, email FROM notification_preference WHERE user_id = $1`,
      [userId],
    );
    const chosen = new Map(rows.map((r) => [r.kind, r.email]));
    return KINDS.map((kind) => ({
      kind,
      email: chosen.get(kind) ?? DEFAULT_EMAIL_FREQUENCY[kind],
    }));
  }

  async updatePreferences(
    userId: string,
    preferences: NotificationPreferenceInput[],
  ): Promise<NotificationPreference[]> {
    const kinds = preferences.map((p) => p.kind);
    const twice = kinds.filter((k, i) => kinds.indexOf(k) !== i);
    if (twice.length) {
      throw badUserInput(`Each kind may be set once; ${twice.join(', ')} came more than once`, [
        { field: 'preferences', problems: [`${twice.join(', ')} set more than once`] },
      ]);
    }
    await this.db.transaction((tx) =>
      this.setEmail(
        tx,
        userId,
        preferences.map((p) => p.kind),
        preferences.map((p) => p.email),
      ),
    );
    return this.preferences(userId);
  }

  /** Signed out, from a mail's link: e-mail NEVER for one kind, or for every kind. */
  async unsubscribe(token: string, kind?: NotificationKind): Promise<boolean> {
    const [row] = await this.db.query(
      `SELECT user_id FROM notification_unsubscribe_token WHERE token_hash = $1`,
      [hashSecretToken(token)],
    );
    if (!row) {
      throw domainError(
        ErrorCode.TOKEN_INVALID,
        'This unsubscribe link is not valid; change your notification settings after signing in',
      );
    }
    const kinds = kind ? [kind] : KINDS;
    await this.db.transaction((tx) =>
      this.setEmail(
        tx,
        row.user_id,
        kinds,
        kinds.map(() => EmailFrequency.NEVER),
      ),
    );
    return true;
  }

  private async setEmail(
    manager: EntityManager,
    userId: string,
    kinds: NotificationKind[],
    emails: EmailFrequency[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO notification_preference (user_id, kind, email)
       SELECT $1, k, e FROM unnest($2::text[], $3::text[]) AS t(k, e)
       ON CONFLICT (user_id, kind) DO UPDATE SET email = EXCLUDED.email, updated_at = now()`,
      [userId, kinds, emails],
    );
    // Nothing waits for a digest of a kind the person no longer wants one of.
    const noDigest = kinds.filter((_, i) => emails[i] !== EmailFrequency.DAILY_DIGEST);
    if (noDigest.length) {
      await manager.query(
        `UPDATE notification SET digest_pending = false
         WHERE recipient_id = $1 AND digest_pending AND kind = ANY($2::text[])`,
        [userId, noDigest],
      );
    }
    await this.recordEmailConsent(manager, userId);
  }

  /**
   * E-mail notifications are a consent: when the preferences switch e-mail on (any kind
   * not NEVER) or off altogether, the consent log records the grant or the withdrawal.
   */
  private async recordEmailConsent(manager: EntityManager, userId: string): Promise<void> {
    const [{ wants }]: { wants: boolean }[] = await manager.query(
      `SELECT bool_or(coalesce(p.email, d.email) <> 'NEVER') AS wants
       FROM unnest($2::text[], $3::text[]) AS d(kind, email)
       LEFT JOIN notification_preference p ON p.user_id = $1 AND p.kind = d.kind`,
      [userId, KINDS, KINDS.map((k) => DEFAULT_EMAIL_FREQUENCY[k])],
    );
    const purpose = ConsentPurpose.EMAIL_NOTIFICATIONS;
    const latest = (await this.consents.current({ userId }, manager)).get(purpose)?.action;
    if (wants && latest !== ConsentAction.GRANTED) {
      const version = currentConsentText(purpose).version;
      await this.consents.grant(
        { userId },
        purpose,
        version,
        ConsentSource.NOTIFICATION_SETTINGS,
        manager,
      );
    } else if (!wants && latest !== ConsentAction.WITHDRAWN) {
      await this.consents.withdraw(
        { userId },
        purpose,
        ConsentSource.NOTIFICATION_SETTINGS,
        manager,
      );
    }
  }
}
