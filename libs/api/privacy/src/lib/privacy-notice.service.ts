import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@civitas/api/auth';
import { AuditService } from '@civitas/api/audit';
import { notFound } from '@civitas/api/core';
import { renderMarkdown } from '@civitas/api/markdown';
import { PublishPrivacyNoticeInput } from './dto/privacy.inputs';
import { PrivacyNotice, PrivacyNoticeStatus } from './privacy.types';

interface NoticeRow {
  id: string;
  version: number;
  body_pl_source: string;
  body_pl_html: string;
  body_en_source: string;
  body_en_html: string;
  published_at: Date;
}

const toNotice = (r: NoticeRow): PrivacyNotice => ({
  id: r.id,
  version: r.version,
  bodyPlSource: r.body_pl_source,
  bodyPlHtml: r.body_pl_html,
  bodyEnSource: r.body_en_source,
  bodyEnHtml: r.body_en_html,
  publishedAt: r.published_at,
});

/**
 * The privacy notice (RODO art. 13): versions are only ever added. A person is shown the
 * current version at sign-in until they acknowledge it, unless it was published before
 * their account existed (they were given it when they joined).
 */
@Injectable()
export class PrivacyNoticeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async current(): Promise<PrivacyNotice | null> {
    const [row]: NoticeRow[] = await this.db.query(
      `SELECT * FROM privacy_notice ORDER BY version DESC LIMIT 1`,
    );
    return row ? toNotice(row) : null;
  }

  async status(user: AuthUser): Promise<PrivacyNoticeStatus> {
    const [row]: (NoticeRow & { acknowledged_at: Date | null; before_account: boolean })[] =
      await this.db.query(
        `SELECT n.*, a.acknowledged_at, n.published_at <= u.created_at AS before_account
         FROM privacy_notice n
         JOIN app_user u ON u.id = $1
         LEFT JOIN privacy_notice_acknowledgement a ON a.notice_id = n.id AND a.user_id = u.id
         ORDER BY n.version DESC LIMIT 1`,
        [user.id],
      );
    if (!row) return { current: null, needsAcknowledgement: false, acknowledgedAt: null };
    return {
      current: toNotice(row),
      needsAcknowledgement: !row.acknowledged_at && !row.before_account,
      acknowledgedAt: row.acknowledged_at,
    };
  }

  /** Records that the person read `version`; only the current one can be acknowledged. */
  async acknowledge(user: AuthUser, version: number): Promise<PrivacyNoticeStatus> {
    const current = await this.current();
    if (!current || current.version !== version) throw notFound('Privacy notice version');
    await this.db.query(
      `INSERT INTO privacy_notice_acknowledgement (user_id, notice_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING`,
      [user.id, current.id],
    );
    return this.status(user);
  }

  async publish(actor: AuthUser, input: PublishPrivacyNoticeInput): Promise<PrivacyNotice> {
    const pl = renderMarkdown(input.bodyPl);
    const en = renderMarkdown(input.bodyEn);
    return this.db.transaction(async (tx) => {
      // Publishers queue behind each other, so two never take the same number.
      await tx.query(`LOCK TABLE privacy_notice IN SHARE ROW EXCLUSIVE MODE`);
      const [row]: NoticeRow[] = await tx.query(
        `INSERT INTO privacy_notice
           (version, body_pl_source, body_pl_html, body_en_source, body_en_html, published_by_id)
         SELECT coalesce(max(version), 0) + 1, $1, $2, $3, $4, $5 FROM privacy_notice
         RETURNING *`,
        [input.bodyPl, pl.html, input.bodyEn, en.html, actor.id],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'privacy.notice.published',
          entityType: 'privacy_notice',
          entityId: row.id,
          details: { version: row.version },
        },
        tx,
      );
      return toNotice(row);
    });
  }
}
