import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_EMAIL_FREQUENCY, EmailFrequency, NotificationKind } from '@civitas/shared/domain';
import { APP_CONFIG } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { MailQueue } from '@civitas/api/mail';
import { digestMail, unsubscribeLink } from './notification-mail';
import { NotificationPayload } from './notification.entity';
import { MAILABLE_SQL, NotificationsService } from './notifications.service';

interface Claimed {
  recipient_id: string;
  email: string;
  kind: NotificationKind;
  group_id: string | null;
  thread_id: string | null;
  target_id: string | null;
  payload: NotificationPayload;
  frequency: EmailFrequency | null;
  read: boolean;
}

/** The daily digest: one mail per person with the notifications waiting for it. */
@Injectable()
export class NotificationDigestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly mailQueue: MailQueue,
  ) {}

  /**
   * Claims every waiting notification in one statement (so two processes running the
   * digest at once never mail the same thing twice) and queues one mail per person.
   * What was read in the app meanwhile, or whose kind is no longer wanted as a digest,
   * is left out. Returns how many mails were queued.
   */
  async sendDailyDigests(): Promise<number> {
    const claimed: Claimed[] = await this.db.query(
      `WITH claimed AS (
         UPDATE notification SET digest_pending = false WHERE digest_pending
         RETURNING seq, recipient_id, kind, group_id, thread_id, target_id, payload, read_at
       )
       SELECT c.recipient_id, u.email, c.kind, c.group_id, c.thread_id, c.target_id, c.payload,
              p.email AS frequency, c.read_at IS NOT NULL AS read
       FROM claimed c
       JOIN app_user u ON u.id = c.recipient_id AND u.deactivated_at IS NULL AND ${MAILABLE_SQL}
       LEFT JOIN notification_preference p ON p.user_id = c.recipient_id AND p.kind = c.kind
       ORDER BY c.recipient_id, c.seq`,
    );
    const perPerson = new Map<string, Claimed[]>();
    for (const row of claimed) {
      if (
        row.read ||
        (row.frequency ?? DEFAULT_EMAIL_FREQUENCY[row.kind]) !== EmailFrequency.DAILY_DIGEST
      )
        continue;
      perPerson.set(row.recipient_id, [...(perPerson.get(row.recipient_id) ?? []), row]);
    }
    for (const [userId, rows] of perPerson) {
      const token = await this.notifications.unsubscribeToken(this.db.manager, userId);
      await this.mailQueue.enqueue(
        digestMail(
          rows[0].email,
          this.config.appUrl,
          rows.map((r) => ({
            kind: r.kind,
            groupId: r.group_id,
            threadId: r.thread_id,
            targetId: r.target_id,
            payload: r.payload,
          })),
          unsubscribeLink(this.config.appUrl, token),
        ),
      );
    }
    return perPerson.size;
  }
}
