import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { formatInTimeZone } from 'date-fns-tz';
import { PositionConsultationStatus, POSITION_TIME_ZONE } from '@civitas/shared/domain';
import {
  badUserInput,
  conflict,
  Connection,
  DomainEvent,
  decodeCursor,
  forbidden,
  notFound,
  type PositionCommentPostedEvent,
  type PositionConsultationAnnouncedEvent,
  toConnection,
} from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { renderMarkdown } from '@civitas/api/markdown';
import {
  ConsultationCommentsArgs,
  OpenPositionConsultationInput,
  PositionConsultationsArgs,
  PositionStatementInput,
} from './dto/positions.inputs';
import { PositionAccess } from './position-access';
import { PositionStatementsService } from './position-statements.service';
import {
  ConsultationComment,
  PositionConsultation,
  PositionConsultationSummary,
  PositionStatement,
} from './positions.types';

interface ConsultationRow {
  id: string;
  title: string;
  draft_markdown: string;
  draft_html: string;
  act_title: string;
  act_reference: string | null;
  opened_at: Date;
  closes_at: Date;
  closed_early_at: Date | null;
  status: PositionConsultationStatus;
  adopted_id: string | null;
  adopted_title: string | null;
  adopted_on: string | null;
  comment_count: number;
  city_count: number;
  viewer_has_commented: boolean;
}

interface CommentRow {
  id: string;
  consultation_id: string;
  author_id: string;
  author_name: string;
  city_name: string;
  body_markdown: string;
  body_html: string;
  created_at: Date;
  updated_at: Date;
}

/** The status, computed: "closed" is a time, so it needs no job to flip it. */
const STATUS = `CASE WHEN s.id IS NOT NULL THEN 'ADOPTED' WHEN c.closes_at <= now() THEN 'CLOSED'
  ELSE 'OPEN' END`;

/** One statement for a page of consultations, counts and the viewer's part included ($1: viewer). */
const CONSULTATION_SELECT = `
  SELECT c.id, c.title, c.draft_markdown, c.draft_html, c.act_title, c.act_reference,
    c.opened_at, c.closes_at, c.closed_early_at, ${STATUS} AS status,
    s.id AS adopted_id, s.title AS adopted_title, s.adopted_on::text AS adopted_on,
    k.comment_count, k.city_count, k.viewer_has_commented
  FROM position_consultation c
  LEFT JOIN position_statement s ON s.consultation_id = c.id
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS comment_count, count(DISTINCT organisation_id)::int AS city_count,
      coalesce(bool_or(author_id = $1), false) AS viewer_has_commented
    FROM position_consultation_comment WHERE consultation_id = c.id
  ) k`;

const COMMENT_SELECT = `
  SELECT k.id, k.consultation_id, k.author_id, u.name AS author_name, o.name AS city_name,
    k.body_markdown, k.body_html, k.created_at, k.updated_at
  FROM position_consultation_comment k
  JOIN app_user u ON u.id = k.author_id
  JOIN organisation o ON o.id = k.organisation_id`;

/**
 * Consultations of member cities on a draft position before the board adopts it: the
 * office opens one with a closing time, officials of member cities comment until then, the
 * office closes early or extends, and adopting creates the library's position linked to it.
 * Comments are shown to the office and to those who commented (a city gives its own view
 * before reading the others'); everyone else who reads the consultation sees the counts.
 */
@Injectable()
export class PositionConsultationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: PositionAccess,
    private readonly statements: PositionStatementsService,
    private readonly events: EventEmitter2,
  ) {}

  /** `official`: the viewer is an official of a member city (PositionAccess). */
  private present(
    user: AuthUser,
    rows: ConsultationRow[],
    official: boolean,
  ): PositionConsultation[] {
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      draftMarkdown: r.draft_markdown,
      draftHtml: r.draft_html,
      actTitle: r.act_title,
      actReference: r.act_reference,
      openedAt: r.opened_at,
      closesAt: r.closes_at,
      closedEarlyAt: r.closed_early_at,
      status: r.status,
      commentCount: r.comment_count,
      cityCount: r.city_count,
      viewerHasCommented: r.viewer_has_commented,
      viewerMayComment: official && r.status === PositionConsultationStatus.OPEN,
      viewerMaySeeComments: this.access.isOffice(user) || r.viewer_has_commented,
      adoptedPosition: r.adopted_id
        ? { id: r.adopted_id, title: r.adopted_title!, adoptedOn: r.adopted_on! }
        : null,
    }));
  }

  /** The consultation or NOT_FOUND (also for those who may not read consultations). */
  async get(user: AuthUser, id: string, q: EntityManager = this.db.manager) {
    const official = await this.access.isMemberCityOfficial(user, q);
    if (!official && !this.access.isOffice(user)) throw notFound('Consultation');
    const rows: ConsultationRow[] = await q.query(`${CONSULTATION_SELECT} WHERE c.id = $2`, [
      user.id,
      id,
    ]);
    if (!rows.length) throw notFound('Consultation');
    return this.present(user, rows, official)[0];
  }

  /** Newest first; empty for those who may not read consultations. */
  async list(
    user: AuthUser,
    args: PositionConsultationsArgs,
  ): Promise<Connection<PositionConsultation>> {
    const official = await this.access.isMemberCityOfficial(user);
    if (!official && !this.access.isOffice(user)) return toConnection([], args.first, 0, () => []);
    const [openedAt, id] = args.after ? decodeCursor(args.after, 2).map(String) : [null, null];
    const where = (p: string) => `(${p}::text IS NULL OR ${STATUS} = ${p})`;
    const rows: (ConsultationRow & { opened_key: string })[] = await this.db
      .query(
        // opened_key: the exact instant (microseconds), so the next page starts right after.
        `${CONSULTATION_SELECT.replace('SELECT', 'SELECT c.opened_at::text AS opened_key,')}
       WHERE ${where('$2')} AND ($3::timestamptz IS NULL OR (c.opened_at, c.id) < ($3::timestamptz, $4::uuid))
       ORDER BY c.opened_at DESC, c.id DESC LIMIT $5`,
        [user.id, args.status ?? null, openedAt, id, args.first + 1],
      )
      .catch((e: { code?: string }) => {
        if (['22P02', '22007', '22008'].includes(e.code ?? '')) {
          throw badUserInput('The cursor is not valid; start again from the first page', [
            { field: 'after', problems: ['not a cursor this list gave out'] },
          ]);
        }
        throw e;
      });
    const [count]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM position_consultation c
       LEFT JOIN position_statement s ON s.consultation_id = c.id WHERE ${where('$1')}`,
      [args.status ?? null],
    );
    const page = toConnection(rows, args.first, count.n, (r) => [r.opened_key, r.id]);
    const nodes = this.present(
      user,
      page.edges.map((e) => e.node),
      official,
    );
    return { ...page, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })) };
  }

  private checkFuture(closesAt: Date) {
    if (!(closesAt.getTime() > Date.now())) {
      throw badUserInput('The closing time must be in the future', [
        { field: 'closesAt', problems: ['must be in the future'] },
      ]);
    }
  }

  async open(user: AuthUser, input: OpenPositionConsultationInput): Promise<PositionConsultation> {
    this.checkFuture(input.closesAt);
    const draft = renderMarkdown(input.draftMarkdown ?? '');
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO position_consultation (title, draft_markdown, draft_html, act_title, act_reference,
         closes_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        input.title.trim(),
        input.draftMarkdown ?? '',
        draft.html,
        input.actTitle.trim(),
        input.actReference?.trim() || null,
        input.closesAt,
        user.id,
      ],
    );
    const consultation = await this.get(user, row.id);
    await this.announce(DomainEvent.POSITION_CONSULTATION_OPENED, user, consultation);
    return consultation;
  }

  /**
   * Tells every official of a member city (those who may comment) that the consultation is
   * open until its closing time: in the bell, by mail in the daily digest by default.
   */
  private async announce(
    name: (typeof DomainEvent)['POSITION_CONSULTATION_OPENED' | 'POSITION_CONSULTATION_EXTENDED'],
    user: AuthUser,
    c: PositionConsultation,
  ) {
    const event: PositionConsultationAnnouncedEvent = {
      consultationId: c.id,
      consultationTitle: c.title,
      closesAt: formatInTimeZone(c.closesAt, POSITION_TIME_ZONE, 'yyyy-MM-dd HH:mm'),
      byUserId: user.id,
      recipientIds: await this.access.memberCityOfficialIds(),
    };
    this.events.emit(name, event);
  }

  /** Locks the consultation (FOR UPDATE) and reads its status; NOT_FOUND when unknown. */
  private async lock(tx: EntityManager, id: string): Promise<PositionConsultationStatus> {
    const [row]: { status: PositionConsultationStatus }[] = await tx.query(
      `SELECT ${STATUS} AS status FROM position_consultation c
       LEFT JOIN position_statement s ON s.consultation_id = c.id
       WHERE c.id = $1 FOR UPDATE OF c`,
      [id],
    );
    if (!row) throw notFound('Consultation');
    return row.status;
  }

  /** A later closing time; reopens one that closed (not one already adopted). */
  async extend(user: AuthUser, id: string, closesAt: Date): Promise<PositionConsultation> {
    await this.db.transaction(async (tx) => {
      const status = await this.lock(tx, id);
      if (status === PositionConsultationStatus.ADOPTED) {
        throw conflict('The position was adopted: the consultation cannot be extended');
      }
      this.checkFuture(closesAt);
      await tx.query(
        `UPDATE position_consultation SET closes_at = $2, closed_early_at = NULL, updated_at = now()
         WHERE id = $1`,
        [id, closesAt],
      );
    });
    const consultation = await this.get(user, id);
    await this.announce(DomainEvent.POSITION_CONSULTATION_EXTENDED, user, consultation);
    return consultation;
  }

  async close(user: AuthUser, id: string): Promise<PositionConsultation> {
    await this.db.transaction(async (tx) => {
      const status = await this.lock(tx, id);
      if (status !== PositionConsultationStatus.OPEN)
        throw conflict('The consultation is already closed');
      await tx.query(
        `UPDATE position_consultation SET closes_at = now(), closed_early_at = now(), updated_at = now()
         WHERE id = $1`,
        [id],
      );
    });
    return this.get(user, id);
  }

  /**
   * The board adopted the position: the library's entry, linked to the consultation, which
   * closes now if it was still open. Once only (CONFLICT the second time).
   */
  async adopt(
    user: AuthUser,
    id: string,
    input: PositionStatementInput,
  ): Promise<PositionStatement> {
    return this.db.transaction(async (tx) => {
      const status = await this.lock(tx, id);
      if (status === PositionConsultationStatus.ADOPTED) {
        throw conflict('This consultation already led to an adopted position');
      }
      if (status === PositionConsultationStatus.OPEN) {
        await tx.query(
          `UPDATE position_consultation SET closes_at = now(), closed_early_at = now(), updated_at = now()
           WHERE id = $1`,
          [id],
        );
      }
      return this.statements.insert(tx, user, input, id);
    });
  }

  // ---------------------------------------------------------------- comments

  private toComment(user: AuthUser, r: CommentRow, open: boolean): ConsultationComment {
    return {
      id: r.id,
      consultationId: r.consultation_id,
      authorId: r.author_id,
      author: { id: r.author_id, name: r.author_name, cityName: r.city_name },
      bodyMarkdown: r.body_markdown,
      bodyHtml: r.body_html,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      viewerMayEdit: open && r.author_id === user.id,
    };
  }

  /**
   * Oldest first, for many consultations in one statement (a page of consultations asks
   * through a DataLoader); null for those who may read a consultation but not its comments.
   * A cursor names its consultation: given for another one (or forged), BAD_USER_INPUT.
   */
  async comments(
    user: AuthUser,
    consultations: readonly PositionConsultation[],
    args: ConsultationCommentsArgs,
  ): Promise<(Connection<ConsultationComment> | null | Error)[]> {
    const cursor = args.after ? decodeCursor(args.after, 3).map(String) : null;
    const badCursor = (problem: string) =>
      badUserInput('The cursor is not valid; start again from the first page', [
        { field: 'after', problems: [problem] },
      ]);
    const wanted = consultations.filter(
      (c) => c.viewerMaySeeComments && (!cursor || cursor[0] === c.id),
    );
    const rows: (CommentRow & { created_key: string })[] = !wanted.length
      ? []
      : await this.db
          .query(
            // created_key: the exact instant (microseconds), so the next page starts right after.
            `SELECT * FROM (
               ${COMMENT_SELECT.replace('SELECT', 'SELECT row_number() OVER (PARTITION BY k.consultation_id ORDER BY k.created_at, k.id) AS n, k.created_at::text AS created_key,')}
               WHERE k.consultation_id = ANY($1::uuid[])
                 AND ($2::timestamptz IS NULL OR (k.created_at, k.id) > ($2::timestamptz, $3::uuid))
             ) x WHERE n <= $4 ORDER BY created_at, id`,
            [wanted.map((c) => c.id), cursor?.[1] ?? null, cursor?.[2] ?? null, args.first + 1],
          )
          .catch((e: { code?: string }) => {
            if (['22P02', '22007', '22008'].includes(e.code ?? '')) {
              throw badCursor('not a cursor this list gave out');
            }
            throw e;
          });
    return consultations.map((c) => {
      if (!c.viewerMaySeeComments) return null;
      if (cursor && cursor[0] !== c.id) return badCursor('a cursor of another consultation');
      const open = c.status === PositionConsultationStatus.OPEN;
      const page = toConnection(
        rows.filter((r) => r.consultation_id === c.id),
        args.first,
        c.commentCount,
        (r) => [c.id, r.created_key, r.id],
      );
      return {
        ...page,
        edges: page.edges.map((e) => ({
          cursor: e.cursor,
          node: this.toComment(user, e.node, open),
        })),
      };
    });
  }

  /**
   * Only officials of member cities, only while open (after: CONFLICT). The office is told
   * once the comment is stored (one in-app notification per comment; mail as each person's
   * preferences say, by default in the daily digest).
   */
  async addComment(
    user: AuthUser,
    consultationId: string,
    body: string,
  ): Promise<ConsultationComment> {
    const { comment, title } = await this.db.transaction(async (tx) => {
      const consultation = await this.get(user, consultationId, tx);
      if (!(await this.access.isMemberCityOfficial(user, tx))) {
        throw forbidden('Only officials of member cities comment on consultations');
      }
      const status = await this.lock(tx, consultationId);
      if (status !== PositionConsultationStatus.OPEN) throw conflict('The consultation is closed');
      const html = renderMarkdown(body).html;
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO position_consultation_comment (consultation_id, author_id, organisation_id,
           body_markdown, body_html)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [consultation.id, user.id, user.organisationId, body, html],
      );
      return { comment: await this.comment(tx, user, row.id, true), title: consultation.title };
    });
    const office: { id: string }[] = await this.db.query(
      `SELECT id FROM app_user WHERE role = 'OFFICE_ADMIN' AND deactivated_at IS NULL`,
    );
    const event: PositionCommentPostedEvent = {
      consultationId,
      consultationTitle: title,
      commentId: comment.id,
      cityName: comment.author.cityName,
      byUserId: user.id,
      recipientIds: office.map((o) => o.id),
    };
    this.events.emit(DomainEvent.POSITION_COMMENT_POSTED, event);
    return comment;
  }

  private async comment(tx: EntityManager, user: AuthUser, id: string, open: boolean) {
    const [row]: CommentRow[] = await tx.query(`${COMMENT_SELECT} WHERE k.id = $1`, [id]);
    return this.toComment(user, row, open);
  }

  /**
   * The comment, locked with its consultation, for its author's change: NOT_FOUND when the
   * caller may not see it, FORBIDDEN when they see it but did not write it, CONFLICT once the
   * consultation closed.
   */
  private async own(tx: EntityManager, user: AuthUser, commentId: string) {
    const [row]: { consultation_id: string; author_id: string }[] = await tx.query(
      `SELECT consultation_id, author_id FROM position_consultation_comment WHERE id = $1`,
      [commentId],
    );
    if (!row) throw notFound('Comment');
    const consultation = await this.get(user, row.consultation_id, tx).catch(() => null);
    if (!consultation?.viewerMaySeeComments) throw notFound('Comment');
    if (row.author_id !== user.id) throw forbidden('Only its author changes a comment');
    const status = await this.lock(tx, row.consultation_id);
    if (status !== PositionConsultationStatus.OPEN) throw conflict('The consultation is closed');
    return row;
  }

  updateComment(user: AuthUser, commentId: string, body: string): Promise<ConsultationComment> {
    return this.db.transaction(async (tx) => {
      await this.own(tx, user, commentId);
      await tx.query(
        `UPDATE position_consultation_comment SET body_markdown = $2, body_html = $3, updated_at = now()
         WHERE id = $1`,
        [commentId, body, renderMarkdown(body).html],
      );
      return this.comment(tx, user, commentId, true);
    });
  }

  /** Deletes the author's own comment while open; answers the consultation as it now is. */
  async deleteComment(user: AuthUser, commentId: string): Promise<PositionConsultation> {
    const consultationId = await this.db.transaction(async (tx) => {
      const row = await this.own(tx, user, commentId);
      await tx.query(`DELETE FROM position_consultation_comment WHERE id = $1`, [commentId]);
      return row.consultation_id;
    });
    return this.get(user, consultationId);
  }

  /** For the position page: how its consultation went, batched over positions. */
  async summaries(consultationIds: readonly string[]): Promise<PositionConsultationSummary[]> {
    return this.db.query(
      `SELECT c.id, c.closes_at AS "closedAt",
         (SELECT count(*)::int FROM position_consultation_comment k WHERE k.consultation_id = c.id)
           AS "commentCount",
         (SELECT count(DISTINCT organisation_id)::int FROM position_consultation_comment k
          WHERE k.consultation_id = c.id) AS "cityCount"
       FROM position_consultation c WHERE c.id = ANY($1::uuid[])`,
      [consultationIds],
    );
  }
}
