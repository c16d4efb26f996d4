import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, conflict, decodeCursor, notFound, toConnection } from '@civitas/api/core';
import type { AppConfig, Connection } from '@civitas/api/core';
import { AuditService } from '@civitas/api/audit';
import type { AuthUser } from '@civitas/api/auth';
import { renderMarkdown } from '@civitas/api/markdown';
import { MailQueue } from '@civitas/api/mail';
import { NEWSLETTER_SAMPLE_UNSUBSCRIBE_TOKEN } from '@civitas/shared/domain';
import type { PageArgs } from '@civitas/api/core';
import { NewsletterDispatch, newsletterMail } from './newsletter-dispatch';
import { MAILABLE_SQL } from './newsletter-tokens';
import { NewsletterAudience, NewsletterIssue } from './newsletter.types';
import type { NewsletterIssueInput } from './dto/newsletter.inputs';

const ENTITY = 'newsletter_issue';

interface IssueRow {
  id: string;
  subject: string;
  body_source: string;
  body_html: string;
  body_text: string;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
  queued_count: number;
  sent_count: number;
  failed_count: number;
  skipped_count: number;
}

const toIssue = (r: IssueRow): NewsletterIssue => ({
  id: r.id,
  subject: r.subject,
  body: r.body_source,
  bodyHtml: r.body_html,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  sentAt: r.sent_at,
  stats: {
    queued: r.queued_count,
    sent: r.sent_count,
    failed: r.failed_count,
    skipped: r.skipped_count,
  },
});

/** The office's issues: write, preview, test, send once. */
@Injectable()
export class NewsletterIssuesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailQueue,
    private readonly dispatch: NewsletterDispatch,
  ) {}

  async list(args: PageArgs): Promise<Connection<NewsletterIssue>> {
    const params: unknown[] = [args.first + 1];
    let where = '';
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, 2);
      params.push(createdAt, id);
      where = `WHERE (created_at, id) < ($2::timestamptz, $3::uuid)`;
    }
    const rows: IssueRow[] = await this.db.query(
      `SELECT * FROM newsletter_issue ${where} ORDER BY created_at DESC, id DESC LIMIT $1`,
      params,
    );
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM newsletter_issue`);
    return toConnection(rows.map(toIssue), args.first, count, (i) => [
      i.createdAt.toISOString(),
      i.id,
    ]);
  }

  async get(id: string): Promise<NewsletterIssue> {
    const [row]: IssueRow[] = await this.db.query(`SELECT * FROM newsletter_issue WHERE id = $1`, [
      id,
    ]);
    if (!row) throw notFound('Newsletter issue');
    return toIssue(row);
  }

  /** The body as subscribers will see it (the editor's live preview). */
  preview(body: string): string {
    return renderMarkdown(body).html;
  }

  async create(user: AuthUser, input: NewsletterIssueInput): Promise<NewsletterIssue> {
    const body = renderMarkdown(input.body);
    return this.db.transaction(async (tx) => {
      const [row]: IssueRow[] = await tx.query(
        `INSERT INTO newsletter_issue (subject, body_source, body_html, body_text, created_by_id)
         VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [input.subject.trim(), input.body, body.html, body.plainText, user.id],
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'newsletter_issue.create',
          entityType: ENTITY,
          entityId: row.id,
        },
        tx,
      );
      return toIssue(row);
    });
  }

  /** CONFLICT once sent: what subscribers received is what the issue keeps. */
  async update(user: AuthUser, id: string, input: NewsletterIssueInput): Promise<NewsletterIssue> {
    const body = renderMarkdown(input.body);
    return this.db.transaction(async (tx) => {
      const [current]: IssueRow[] = await tx.query(
        `SELECT * FROM newsletter_issue WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!current) throw notFound('Newsletter issue');
      if (current.sent_at) throw conflict('This issue has been sent; it can no longer change');
      const [[row]]: [IssueRow[]] = await tx.query(
        `UPDATE newsletter_issue SET subject = $2, body_source = $3, body_html = $4, body_text = $5,
           updated_at = now() WHERE id = $1 RETURNING *`,
        [id, input.subject.trim(), input.body, body.html, body.plainText],
      );
      await this.audit.record(
        { actorId: user.id, action: 'newsletter_issue.update', entityType: ENTITY, entityId: id },
        tx,
      );
      return toIssue(row);
    });
  }

  /**
   * The issue, as subscribers will get it, to the caller's own address. Its unsubscribe link
   * is a sample that unsubscribes nobody.
   */
  async sendTest(user: AuthUser, id: string): Promise<boolean> {
    const issue = await this.row(id);
    const [{ email }] = await this.db.query(`SELECT email FROM app_user WHERE id = $1`, [user.id]);
    const mail = newsletterMail(
      this.config.appUrl,
      email,
      issue,
      NEWSLETTER_SAMPLE_UNSUBSCRIBE_TOKEN,
    );
    await this.mail.enqueue({ ...mail, subject: `[TEST] ${mail.subject}` });
    return true;
  }

  /**
   * Sends the issue once: a delivery per mailable subscriber, queued at the configured rate.
   * A second send is a CONFLICT (the issue row is locked, so two clicks cannot both pass).
   */
  async send(user: AuthUser, id: string): Promise<NewsletterIssue> {
    const { issue, deliveries } = await this.db.transaction(async (tx) => {
      const [current]: IssueRow[] = await tx.query(
        `SELECT * FROM newsletter_issue WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!current) throw notFound('Newsletter issue');
      if (current.sent_at) throw conflict('This issue has already been sent');
      const created: { id: string }[] = await tx.query(
        `INSERT INTO newsletter_delivery (issue_id, subscriber_id, status)
         SELECT $1, s.id, 'QUEUED' FROM newsletter_subscriber s WHERE ${MAILABLE_SQL}
         RETURNING id`,
        [id],
      );
      const [[row]]: [IssueRow[]] = await tx.query(
        `UPDATE newsletter_issue SET sent_at = now(), sent_by_id = $2, queued_count = $3
         WHERE id = $1 RETURNING *`,
        [id, user.id, created.length],
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'newsletter_issue.send',
          entityType: ENTITY,
          entityId: id,
          details: { recipients: created.length },
        },
        tx,
      );
      return { issue: toIssue(row), deliveries: created.map((d) => d.id) };
    });
    await this.dispatch.enqueue(deliveries);
    return issue;
  }

  async audience(): Promise<NewsletterAudience> {
    const [row] = await this.db.query(
      `SELECT count(*) FILTER (WHERE ${MAILABLE_SQL})::int AS confirmed,
              count(*) FILTER (WHERE s.status = 'PENDING')::int AS pending,
              count(*) FILTER (WHERE s.status = 'CONFIRMED' AND s.bouncing_at IS NOT NULL)::int AS bouncing,
              count(*) FILTER (WHERE s.status = 'UNSUBSCRIBED')::int AS unsubscribed
       FROM newsletter_subscriber s`,
    );
    return row;
  }

  private async row(id: string): Promise<IssueRow> {
    const [row]: IssueRow[] = await this.db.query(`SELECT * FROM newsletter_issue WHERE id = $1`, [
      id,
    ]);
    if (!row) throw notFound('Newsletter issue');
    return row;
  }
}
