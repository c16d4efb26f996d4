import {
  Inject,
  Injectable,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import {
  BullPacedMailQueue,
  DEFAULT_MAIL_QUEUE_OPTIONS,
  InProcessPacedMailQueue,
  MAIL_QUEUE_OPTIONS,
  MailService,
  oneClickUnsubscribeHeaders,
  PacedMailQueue,
} from '@civitas/api/mail';
import type {
  MailFailure,
  MailQueueOptions,
  OutgoingMail,
  PacedMailHandler,
} from '@civitas/api/mail';
import { MAILABLE_SQL, newLinkToken } from './newsletter-tokens';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * One issue's mail to one address. `token` opens the unsubscribe page (the link in the body)
 * and the one-click endpoint (the List-Unsubscribe header, RFC 8058).
 */
export function newsletterMail(
  appUrl: string,
  to: string,
  issue: { subject: string; body_html: string; body_text: string },
  token: string,
): OutgoingMail {
  const page = `${appUrl}/newsletter/unsubscribe?token=${token}`;
  const oneClick = `${appUrl}/api/newsletter/unsubscribe/${token}`;
  const label = 'Wypisz się z newslettera / Unsubscribe';
  return {
    to,
    subject: issue.subject,
    text: `${issue.body_text}\n\n--\n${label}: ${page}`,
    html: `${issue.body_html}\n<hr>\n<p><small><a href="${escapeHtml(page)}">${label}</a></small></p>`,
    headers: oneClickUnsubscribeHeaders(oneClick),
  };
}

/** The name of the paced queue (BullMQ, under the deployment's prefix). */
export const NEWSLETTER_QUEUE = 'newsletter';

/**
 * Sends issues' deliveries at NEWSLETTER_MAILS_PER_MINUTE through a paced mail queue, and
 * answers it for each delivery: the mail is built when its turn comes, after checking the
 * subscriber still may be mailed (unsubscribed, bouncing or restricted meanwhile: skipped).
 * Failures are counted per address: a 5xx reply, or NEWSLETTER_BOUNCE_LIMIT failed
 * deliveries, mark it bouncing and it is left out from then on.
 */
@Injectable()
export class NewsletterDispatch
  implements PacedMailHandler, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly queue: PacedMailQueue;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    mail: MailService,
    @Optional() @Inject(MAIL_QUEUE_OPTIONS) options?: Partial<MailQueueOptions>,
  ) {
    const settings = {
      ...DEFAULT_MAIL_QUEUE_OPTIONS,
      ...options,
      name: NEWSLETTER_QUEUE,
      perMinute: config.newsletter.mailsPerMinute,
    };
    this.queue = config.redisUrl
      ? new BullPacedMailQueue(config.redisUrl, mail, this, settings)
      : new InProcessPacedMailQueue(mail, this, settings);
  }

  /**
   * Without Redis the queue lives in memory: deliveries a stopped process left QUEUED are
   * queued again at start (with Redis, BullMQ kept them).
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.redisUrl) return;
    const rows: { id: string }[] = await this.db.query(
      `SELECT d.id FROM newsletter_delivery d JOIN newsletter_issue i ON i.id = d.issue_id
       WHERE d.status = 'QUEUED' ORDER BY i.sent_at, d.id`,
    );
    if (rows.length) await this.queue.enqueue(rows.map((r) => r.id));
  }

  enqueue(deliveryIds: string[]): Promise<void> {
    return this.queue.enqueue(deliveryIds);
  }

  async prepare(id: string): Promise<OutgoingMail | null> {
    return this.db.transaction(async (tx) => {
      const [d]: {
        status: string;
        issue_id: string;
        subject: string;
        body_html: string;
        body_text: string;
        email: string | null;
        mailable: boolean | null;
      }[] = await tx.query(
        `SELECT d.status, d.issue_id, i.subject, i.body_html, i.body_text, s.email,
                (${MAILABLE_SQL}) AS mailable
         FROM newsletter_delivery d JOIN newsletter_issue i ON i.id = d.issue_id
         LEFT JOIN newsletter_subscriber s ON s.id = d.subscriber_id
         WHERE d.id = $1 FOR UPDATE OF d`,
        [id],
      );
      if (!d || d.status !== 'QUEUED') return null;
      if (!d.email || !d.mailable) {
        await tx.query(
          `UPDATE newsletter_delivery SET status = 'SKIPPED', finished_at = now() WHERE id = $1`,
          [id],
        );
        await tx.query(
          `UPDATE newsletter_issue SET skipped_count = skipped_count + 1 WHERE id = $1`,
          [d.issue_id],
        );
        return null;
      }
      const { token, hash } = newLinkToken();
      await tx.query(
        `UPDATE newsletter_delivery SET unsubscribe_token_hash = $2, attempts = attempts + 1
         WHERE id = $1`,
        [id, hash],
      );
      return newsletterMail(this.config.appUrl, d.email, d, token);
    });
  }

  async sent(id: string): Promise<void> {
    await this.db.query(
      `WITH done AS (
         UPDATE newsletter_delivery SET status = 'SENT', finished_at = now(), last_error = NULL
         WHERE id = $1 AND status = 'QUEUED' RETURNING issue_id, subscriber_id),
       counted AS (
         UPDATE newsletter_issue SET sent_count = sent_count + 1
         WHERE id IN (SELECT issue_id FROM done))
       UPDATE newsletter_subscriber SET failure_count = 0
       WHERE id IN (SELECT subscriber_id FROM done) AND failure_count > 0`,
      [id],
    );
  }

  async failed(id: string, failure: MailFailure, final: boolean): Promise<void> {
    const error = failure.responseCode
      ? `${failure.responseCode} ${failure.message}`.slice(0, 500)
      : failure.message;
    if (!final) {
      await this.db.query(`UPDATE newsletter_delivery SET last_error = $2 WHERE id = $1`, [
        id,
        error,
      ]);
      return;
    }
    await this.db.query(
      `WITH done AS (
         UPDATE newsletter_delivery SET status = 'FAILED', finished_at = now(), last_error = $2
         WHERE id = $1 AND status = 'QUEUED' RETURNING issue_id, subscriber_id),
       counted AS (
         UPDATE newsletter_issue SET failed_count = failed_count + 1
         WHERE id IN (SELECT issue_id FROM done))
       UPDATE newsletter_subscriber SET failure_count = failure_count + 1, last_error = $2,
         last_failure_at = now(),
         bouncing_at = CASE WHEN $3 OR failure_count + 1 >= $4 THEN coalesce(bouncing_at, now())
                            ELSE bouncing_at END
       WHERE id IN (SELECT subscriber_id FROM done)`,
      [id, error, failure.permanent, this.config.newsletter.bounceLimit],
    );
  }

  onApplicationShutdown(): Promise<void> {
    return this.queue.close();
  }
}
