import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  canTransition,
  DocumentOwnerKind,
  OPINION_TIME_ZONE,
  OpinionDiscussionAudience,
  OpinionRequestAction,
  OpinionRequestState,
  Role,
} from '@civitas/shared/domain';
import {
  badUserInput,
  conflict,
  Connection,
  decodeCursor,
  DomainEvent,
  encodeCursor,
  FieldProblem,
  forbidden,
  notFound,
  toConnection,
} from '@civitas/api/core';
import type {
  OpinionDiscussionPostedEvent,
  OpinionExpertAssignedEvent,
  OpinionRequestTransitionedEvent,
} from '@civitas/api/core';
import { OpinionAccess, OpinionParty } from '@civitas/api/access';
import { AuditService } from '@civitas/api/audit';
import type { AuthUser } from '@civitas/api/auth';
import { renderMarkdown } from '@civitas/api/markdown';
import {
  AcceptOpinionRequestInput,
  DeliverOpinionInput,
  OpinionAuditArgs,
  OpinionDiscussionArgs,
  OpinionRequestInput,
  OpinionRequestsArgs,
} from './dto/opinion.inputs';
import { OpinionDocumentAccess } from './opinion-documents';
import { REQUEST_COLUMNS, RequestRow, TODAY_SQL, viewOf } from './opinion-rows';
import {
  OpinionAuditEntry,
  OpinionDiscussionMessage,
  OpinionRequest,
  OpinionRequestTransition,
} from './opinion.types';

const S = OpinionRequestState;
const CITY: OpinionParty[] = ['CITY_LEGAL_OFFICER', 'CITY_ADMIN'];
/** Moves between the office and the expert: their review stays internal. */
const INTERNAL_STATES: OpinionRequestState[] = [S.ACCEPTED, S.IN_PROGRESS, S.DELIVERED];

export const ENTITY = 'opinion_request';

interface Move {
  to: OpinionRequestState;
  /** Who may make this move (beyond being party): refused with FORBIDDEN. */
  by: (party: OpinionParty, user: AuthUser) => boolean;
  byLabel: string;
  comment?: string | null;
  /** Input checks on the locked row: BAD_USER_INPUT, nothing changed. */
  check?: (row: RequestRow, tx: EntityManager) => Promise<void> | void;
  /** Columns to set with the state. */
  set?: Record<string, unknown>;
  /** Whom to tell, from the request's parties. */
  tell: (parties: { office: string[]; expert: string[]; city: string[] }) => string[];
}

const isOffice = (p: OpinionParty) => p === 'OFFICE';
const isExpert = (p: OpinionParty) => p === 'EXPERT';
/** Legal officers act for the city; a city admin only when they have the flag too. */
const isCityLegal = (p: OpinionParty, user: AuthUser) =>
  p === 'CITY_LEGAL_OFFICER' || (p === 'CITY_ADMIN' && user.isLegalOfficer);

const trimmed = (s: string | null | undefined) => (s ?? '').trim();

/** Today in Poland, YYYY-MM-DD: due dates are days there. */
export function todayInPoland(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: OPINION_TIME_ZONE }).format(now);
}

/** A real calendar date, today or later in Poland; else BAD_USER_INPUT naming the field. */
export function assertNotPast(date: string, field: string): void {
  const [y, m, d] = date.split('-').map(Number);
  const parsed = new Date(Date.UTC(y, m - 1, d));
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(date) &&
    !Number.isNaN(parsed.getTime()) &&
    parsed.toISOString().slice(0, 10) === date;
  if (!valid) {
    throw badUserInput(`${field}: ${date} is not a calendar date`, [
      { field, problems: ['must be a calendar date YYYY-MM-DD'] },
    ]);
  }
  if (date < todayInPoland()) {
    throw badUserInput(`${field}: ${date} is in the past`, [
      { field, problems: ['must be today or later'] },
    ]);
  }
}

@Injectable()
export class OpinionRequestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: OpinionAccess,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly documents: OpinionDocumentAccess,
  ) {}

  // ---------------------------------------------------------------- reads

  /** The request as the caller may see it, or NOT_FOUND; the read is audited. */
  async get(user: AuthUser, id: string): Promise<OpinionRequest> {
    return this.db.transaction(async (tx) => {
      const { row, party } = await this.load(tx, user, id);
      await this.recordReads(tx, user, [id], 'opinion_request.read');
      return viewOf(row, party);
    });
  }

  /** Requests the caller is party to, newest first; each one listed is an audited read. */
  async list(user: AuthUser, args: OpinionRequestsArgs): Promise<Connection<OpinionRequest>> {
    const [readable, params] = this.access.readableSql('r', user, 1);
    const where = [readable];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (args.states?.length) add((n) => `r.state = ANY($${n}::text[])`, args.states);
    if (args.overdue)
      where.push(`r.state IN ('ACCEPTED', 'IN_PROGRESS') AND r.due_date < ${TODAY_SQL}`);
    if (args.dueSoon) {
      where.push(`r.state IN ('ACCEPTED', 'IN_PROGRESS') AND r.due_date >= ${TODAY_SQL}
                  AND r.due_date <= ${TODAY_SQL} + 3`);
    }
    const filtered = where.join(' AND ');
    const pageParams = [...params];
    let page = filtered;
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, 2);
      pageParams.push(createdAt, id);
      page += ` AND (r.created_at, r.id) < ($${pageParams.length - 1}::timestamptz, $${pageParams.length}::uuid)`;
    }
    return this.reading(async (tx) => {
      const [rows, [{ total }]]: [RequestRow[], { total: number }[]] = await Promise.all([
        tx.query(
          `SELECT ${REQUEST_COLUMNS} FROM opinion_request r WHERE ${page}
           ORDER BY r.created_at DESC, r.id DESC LIMIT ${args.first + 1}`,
          pageParams,
        ),
        tx.query(`SELECT count(*)::int AS total FROM opinion_request r WHERE ${filtered}`, params),
      ]);
      const views = rows.map((row) => viewOf(row, this.access.party(user, row)!));
      await this.recordReads(
        tx,
        user,
        views.slice(0, args.first).map((v) => v.id),
        'opinion_request.list',
      );
      return toConnection(views, args.first, total, (v) => [v.createdAt.toISOString(), v.id]);
    });
  }

  /** What the caller may do to the request now (the web's buttons). */
  actions(user: AuthUser, request: OpinionRequest): OpinionRequestAction[] {
    const p = request.viewerParty;
    const A = OpinionRequestAction;
    const s = request.state;
    const out: OpinionRequestAction[] = [];
    if (isCityLegal(p, user)) {
      if (s === S.DRAFT || s === S.NEEDS_INFO) out.push(A.EDIT);
      if (s === S.DRAFT) out.push(A.SUBMIT);
      if (s === S.NEEDS_INFO) out.push(A.ANSWER_INFORMATION_REQUEST);
      if (canTransition(s, S.WITHDRAWN)) out.push(A.WITHDRAW);
    }
    if (isOffice(p)) {
      if (s === S.SUBMITTED) out.push(A.REQUEST_INFORMATION, A.ACCEPT, A.REJECT);
      if (s === S.DELIVERED) out.push(A.RETURN_TO_EXPERT, A.RELEASE);
      if (s === S.RELEASED && !request.publishedOpinionId) out.push(A.PUBLISH);
      out.push(A.VIEW_AUDIT_LOG);
    }
    if (isExpert(p)) {
      if (s === S.ACCEPTED) out.push(A.START_WORK);
      if (s === S.IN_PROGRESS) out.push(A.DELIVER);
    }
    return out;
  }

  /** Batched for the field resolver: each request's transitions, oldest first. */
  async transitionsOf(ids: readonly string[]): Promise<OpinionRequestTransition[]> {
    const rows: {
      id: string;
      request_id: string;
      from_state: OpinionRequestState | null;
      to_state: OpinionRequestState;
      actor_id: string | null;
      comment: string | null;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT id, request_id, from_state, to_state, actor_id, comment, created_at
       FROM opinion_request_transition WHERE request_id = ANY($1::uuid[])
       ORDER BY created_at, id`,
      [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      requestId: r.request_id,
      fromState: r.from_state,
      toState: r.to_state,
      actorId: r.actor_id,
      comment: r.comment,
      createdAt: r.created_at,
    }));
  }

  /** A transition as the viewer may see it. */
  transitionFor(party: OpinionParty, t: OpinionRequestTransition): OpinionRequestTransition {
    const internal =
      t.fromState !== null &&
      INTERNAL_STATES.includes(t.fromState) &&
      INTERNAL_STATES.includes(t.toState);
    return CITY.includes(party) && internal ? { ...t, comment: null } : t;
  }

  // ---------------------------------------------------------------- the city's draft

  async create(user: AuthUser, input: OpinionRequestInput): Promise<OpinionRequest> {
    if (
      !user.isLegalOfficer ||
      (user.role !== Role.CITY_OFFICIAL && user.role !== Role.CITY_ADMIN)
    ) {
      throw forbidden("Only a city's legal officers request expert opinions");
    }
    return this.db.transaction(async (tx) => {
      const [org]: { member: boolean }[] = await tx.query(
        `SELECT membership_status = 'MEMBER' AS member FROM organisation WHERE id = $1`,
        [user.organisationId],
      );
      if (!org?.member) throw forbidden('Only member cities request expert opinions');
      this.checkDesiredDate(input.desiredDate);
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO opinion_request (organisation_id, requester_id) VALUES ($1, $2) RETURNING id`,
        [user.organisationId, user.id],
      );
      await this.writeFields(tx, id, input);
      await tx.query(
        `INSERT INTO opinion_request_transition (request_id, from_state, to_state, actor_id)
         VALUES ($1, NULL, 'DRAFT', $2)`,
        [id, user.id],
      );
      await this.audit.record(
        { actorId: user.id, action: 'opinion_request.create', entityType: ENTITY, entityId: id },
        tx,
      );
      const { row, party } = await this.load(tx, user, id);
      return viewOf(row, party);
    });
  }

  /** The city edits its draft, or the request while the office waits for information. */
  async update(user: AuthUser, id: string, input: OpinionRequestInput): Promise<OpinionRequest> {
    return this.db.transaction(async (tx) => {
      const { row, party } = await this.load(tx, user, id, true);
      if (!isCityLegal(party, user)) {
        throw forbidden("Only the requesting city's legal officers edit the request");
      }
      if (row.state !== S.DRAFT && row.state !== S.NEEDS_INFO) {
        throw conflict(
          `The request is ${row.state}: it can be edited only as a draft or when the office asks for information`,
        );
      }
      this.checkDesiredDate(input.desiredDate);
      await this.writeFields(tx, id, input);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'opinion_request.update',
          entityType: ENTITY,
          entityId: id,
          details: { fields: Object.keys(input) },
        },
        tx,
      );
      const reloaded = await this.load(tx, user, id);
      return viewOf(reloaded.row, reloaded.party);
    });
  }

  private async writeFields(tx: EntityManager, id: string, input: OpinionRequestInput) {
    const set: Record<string, unknown> = {};
    if (input.subject !== undefined) set['subject'] = input.subject.trim();
    if (input.question !== undefined) {
      const md = renderMarkdown(input.question);
      Object.assign(set, {
        question_source: input.question,
        question_html: md.html,
        question_text: md.plainText,
      });
    }
    if (input.facts !== undefined) {
      const md = renderMarkdown(input.facts);
      Object.assign(set, {
        facts_source: input.facts,
        facts_html: md.html,
        facts_text: md.plainText,
      });
    }
    if (input.legalBasis !== undefined) {
      set['legal_basis'] = JSON.stringify(
        input.legalBasis.map((e) => ({ act: e.act.trim(), articles: trimmed(e.articles) || null })),
      );
    }
    if (input.areaOfLaw !== undefined) set['area_of_law'] = input.areaOfLaw;
    if (input.desiredDate !== undefined) set['desired_date'] = input.desiredDate;
    if (input.attachmentDocumentIds !== undefined) {
      await this.documents.assertOwned(
        tx,
        DocumentOwnerKind.OPINION_REQUEST,
        id,
        input.attachmentDocumentIds,
        'attachmentDocumentIds',
      );
      set['attachment_document_ids'] = input.attachmentDocumentIds;
    }
    await this.setColumns(tx, id, set);
  }

  private async setColumns(tx: EntityManager, id: string, set: Record<string, unknown>) {
    const columns = Object.keys(set);
    if (columns.length === 0) return;
    const assignments = columns.map((c, i) => `${c} = $${i + 2}`).join(', ');
    await tx.query(`UPDATE opinion_request SET ${assignments}, updated_at = now() WHERE id = $1`, [
      id,
      ...columns.map((c) => set[c]),
    ]);
  }

  private checkDesiredDate(date: string | null | undefined) {
    if (date) assertNotPast(date, 'desiredDate');
  }

  /** What submitting needs; BAD_USER_INPUT naming every missing field. */
  private assertComplete(row: RequestRow) {
    const missing: FieldProblem[] = [];
    const need = (field: string, ok: boolean) => {
      if (!ok) missing.push({ field, problems: ['is required to submit the request'] });
    };
    need('subject', row.subject.trim() !== '');
    need('question', row.question_source.trim() !== '');
    need('facts', row.facts_source.trim() !== '');
    need('legalBasis', row.legal_basis.length > 0);
    need('areaOfLaw', row.area_of_law !== null);
    if (missing.length) {
      throw badUserInput(
        `The request is incomplete: ${missing.map((m) => m.field).join(', ')}`,
        missing,
      );
    }
  }

  // ---------------------------------------------------------------- moves

  submit(user: AuthUser, id: string): Promise<OpinionRequest> {
    return this.move(user, id, {
      to: S.SUBMITTED,
      by: isCityLegal,
      byLabel: "the requesting city's legal officers",
      check: (row) => {
        if (row.state === S.NEEDS_INFO) {
          throw conflict('The office asked for information: answer it to resubmit the request');
        }
        this.assertComplete(row);
        if (row.desired_date) assertNotPast(row.desired_date, 'desiredDate');
      },
      set: { submitted_at: new Date() },
      tell: (p) => p.office,
    });
  }

  answerInformationRequest(user: AuthUser, id: string, answer: string): Promise<OpinionRequest> {
    return this.move(user, id, {
      to: S.SUBMITTED,
      by: isCityLegal,
      byLabel: "the requesting city's legal officers",
      comment: this.required(answer, 'answer'),
      check: (row) => {
        if (row.state !== S.NEEDS_INFO)
          throw conflict(`The office asked no question: the request is ${row.state}`);
        this.assertComplete(row);
      },
      set: { info_request: null },
      tell: (p) => p.office,
    });
  }

  withdraw(user: AuthUser, id: string, comment?: string | null): Promise<OpinionRequest> {
    return this.move(user, id, {
      to: S.WITHDRAWN,
      by: isCityLegal,
      byLabel: "the requesting city's legal officers",
      comment: trimmed(comment) || null,
      tell: (p) => p.office,
    });
  }

  requestInformation(user: AuthUser, id: string, question: string): Promise<OpinionRequest> {
    const text = this.required(question, 'question');
    return this.move(user, id, {
      to: S.NEEDS_INFO,
      by: isOffice,
      byLabel: 'the office',
      comment: text,
      set: { info_request: text },
      tell: (p) => p.city,
    });
  }

  reject(user: AuthUser, id: string, reason: string): Promise<OpinionRequest> {
    const text = this.required(reason, 'reason');
    return this.move(user, id, {
      to: S.REJECTED,
      by: isOffice,
      byLabel: 'the office',
      comment: text,
      set: { rejection_reason: text },
      tell: (p) => p.city,
    });
  }

  async accept(
    user: AuthUser,
    id: string,
    input: AcceptOpinionRequestInput,
  ): Promise<OpinionRequest> {
    const result = await this.move(user, id, {
      to: S.ACCEPTED,
      by: isOffice,
      byLabel: 'the office',
      comment: trimmed(input.comment) || null,
      check: async (_, tx) => {
        assertNotPast(input.dueDate, 'dueDate');
        const [expert]: { role: Role; active: boolean }[] = await tx.query(
          `SELECT role, deactivated_at IS NULL AS active FROM app_user WHERE id = $1`,
          [input.expertId],
        );
        if (!expert || expert.role !== Role.EXPERT || !expert.active) {
          throw badUserInput('Only an active expert can be assigned', [
            { field: 'expertId', problems: ['must be an active person with the EXPERT role'] },
          ]);
        }
      },
      set: {
        expert_id: input.expertId,
        due_date: input.dueDate,
        fee_grosze: input.feeGrosze,
        info_request: null,
      },
      tell: (p) => p.city,
    });
    const assigned: OpinionExpertAssignedEvent = {
      requestId: id,
      subject: result.subject,
      expertId: input.expertId,
      dueDate: input.dueDate,
      byUserId: user.id,
    };
    this.events.emit(DomainEvent.OPINION_EXPERT_ASSIGNED, assigned);
    return result;
  }

  startWork(user: AuthUser, id: string): Promise<OpinionRequest> {
    return this.move(user, id, {
      to: S.IN_PROGRESS,
      by: isExpert,
      byLabel: 'the assigned expert',
      check: (row) => {
        if (row.state !== S.ACCEPTED) throw conflict(`The request is ${row.state}, not ACCEPTED`);
      },
      tell: (p) => p.office,
    });
  }

  deliver(user: AuthUser, id: string, input: DeliverOpinionInput): Promise<OpinionRequest> {
    return this.move(user, id, {
      to: S.DELIVERED,
      by: isExpert,
      byLabel: 'the assigned expert',
      comment: trimmed(input.comment) || null,
      check: async (_, tx) => {
        const missing: FieldProblem[] = [];
        if (!input.documentId)
          missing.push({ field: 'documentId', problems: ['the opinion document is required'] });
        if (!trimmed(input.summary))
          missing.push({ field: 'summary', problems: ['a summary is required'] });
        if (missing.length) {
          throw badUserInput(
            `Delivering needs ${missing.map((m) => m.field).join(' and ')}`,
            missing,
          );
        }
        await this.documents.assertOwned(
          tx,
          DocumentOwnerKind.OPINION,
          id,
          [input.documentId!],
          'documentId',
        );
      },
      set: (() => {
        if (!input.documentId || !trimmed(input.summary)) return {};
        const md = renderMarkdown(input.summary!);
        return {
          opinion_document_id: input.documentId,
          summary_source: input.summary,
          summary_html: md.html,
          summary_text: md.plainText,
        };
      })(),
      tell: (p) => p.office,
    });
  }

  returnToExpert(user: AuthUser, id: string, remarks: string): Promise<OpinionRequest> {
    const text = this.required(remarks, 'remarks');
    return this.move(user, id, {
      to: S.IN_PROGRESS,
      by: isOffice,
      byLabel: 'the office',
      comment: text,
      check: (row) => {
        if (row.state !== S.DELIVERED) throw conflict(`The request is ${row.state}, not DELIVERED`);
      },
      set: { return_remarks: text },
      tell: (p) => p.expert,
    });
  }

  release(user: AuthUser, id: string, comment?: string | null): Promise<OpinionRequest> {
    return this.move(user, id, {
      to: S.RELEASED,
      by: isOffice,
      byLabel: 'the office',
      comment: trimmed(comment) || null,
      set: { released_at: new Date() },
      tell: (p) => [...p.city, ...p.expert],
    });
  }

  private required(text: string, field: string): string {
    const value = trimmed(text);
    if (!value) throw badUserInput(`${field} is required`, [{ field, problems: ['is required'] }]);
    return value;
  }

  /**
   * One move, race-safe: the row is locked (SELECT … FOR UPDATE), so two office admins
   * triaging at once are served one after the other and the second finds the state moved
   * (CONFLICT); the UPDATE is conditional on the state read as well. Refusals come in
   * this order: not party → NOT_FOUND, not the one who acts → FORBIDDEN, not a move from
   * this state → CONFLICT, bad input → BAD_USER_INPUT; each leaves everything unchanged.
   */
  private async move(user: AuthUser, id: string, m: Move): Promise<OpinionRequest> {
    const { view, event } = await this.db.transaction(async (tx) => {
      const { row, party } = await this.load(tx, user, id, true);
      if (!m.by(party, user)) throw forbidden(`Only ${m.byLabel} can do this`);
      if (!canTransition(row.state, m.to)) {
        throw conflict(`The request is ${row.state}: it cannot become ${m.to}`);
      }
      await m.check?.(row, tx);
      const set = { ...(m.set ?? {}) };
      const columns = Object.keys(set);
      const assignments = columns.map((c, i) => `, ${c} = $${i + 4}`).join('');
      const [, affected]: [unknown, number] = await tx.query(
        `UPDATE opinion_request SET state = $2, updated_at = now()${assignments}
         WHERE id = $1 AND state = $3`,
        [id, m.to, row.state, ...columns.map((c) => set[c])],
      );
      if (affected !== 1) throw conflict('The request changed meanwhile; reload it');
      await tx.query(
        `INSERT INTO opinion_request_transition (request_id, from_state, to_state, actor_id, comment)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, row.state, m.to, user.id, m.comment ?? null],
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'opinion_request.transition',
          entityType: ENTITY,
          entityId: id,
          details: { from: row.state, to: m.to },
        },
        tx,
      );
      const parties = await this.access.parties(id, tx);
      const event: OpinionRequestTransitionedEvent = {
        requestId: id,
        subject: row.subject,
        from: row.state,
        to: m.to,
        byUserId: user.id,
        comment: m.comment ?? null,
        recipientIds: m.tell(parties),
      };
      const reloaded = await this.load(tx, user, id);
      return { view: viewOf(reloaded.row, reloaded.party), event };
    });
    this.events.emit(DomainEvent.OPINION_REQUEST_TRANSITIONED, event);
    return view;
  }

  /** The row and the caller's standing; NOT_FOUND when they are not party to it. */
  async load(
    tx: EntityManager,
    user: AuthUser,
    id: string,
    lock = false,
  ): Promise<{ row: RequestRow; party: OpinionParty }> {
    if (lock) await tx.query(`SELECT 1 FROM opinion_request WHERE id = $1 FOR UPDATE`, [id]);
    const [row]: RequestRow[] = await tx.query(
      `SELECT ${REQUEST_COLUMNS} FROM opinion_request r WHERE r.id = $1`,
      [id],
    );
    const party = row ? this.access.party(user, row) : null;
    if (!row || !party) throw notFound('Opinion request');
    return { row, party };
  }

  /**
   * Reads run on the pool (their statements in parallel); the audit of what was read is
   * one INSERT after them, so a read that fails to be recorded is not answered.
   */
  private reading<T>(read: (manager: EntityManager) => Promise<T>): Promise<T> {
    return read(this.db.manager);
  }

  /** Every read of a confidential request is on record: who, which, when. */
  async recordReads(
    tx: EntityManager,
    user: AuthUser,
    ids: string[],
    action: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.audit.recordMany(
      { actorId: user.id, action, entityType: ENTITY, entityIds: ids, details },
      tx,
    );
  }

  // ---------------------------------------------------------------- discussion

  async discussion(
    user: AuthUser,
    args: OpinionDiscussionArgs,
  ): Promise<Connection<OpinionDiscussionMessage>> {
    return this.reading(async (tx) => {
      const { party } = await this.load(tx, user, args.requestId);
      if (!this.access.audiences(party).includes(args.audience)) {
        throw notFound('Discussion');
      }
      const params: unknown[] = [args.requestId, args.audience];
      let after = '';
      if (args.after) {
        const [createdAt, id] = decodeCursor(args.after, 2);
        params.push(createdAt, id);
        after = ` AND (created_at, id) > ($3::timestamptz, $4::uuid)`;
      }
      const [rows, [{ total }]]: [
        {
          id: string;
          audience: OpinionDiscussionAudience;
          author_id: string | null;
          body_html: string;
          created_at: Date;
        }[],
        { total: number }[],
      ] = await Promise.all([
        tx.query(
          `SELECT id, audience, author_id, body_html, created_at FROM opinion_discussion_message
           WHERE request_id = $1 AND audience = $2${after}
           ORDER BY created_at, id LIMIT ${args.first + 1}`,
          params,
        ),
        tx.query(
          `SELECT count(*)::int AS total FROM opinion_discussion_message
           WHERE request_id = $1 AND audience = $2`,
          [args.requestId, args.audience],
        ),
      ]);
      await this.recordReads(tx, user, [args.requestId], 'opinion_request.discussion.read', {
        audience: args.audience,
      });
      return toConnection(
        rows.map((r) => ({
          id: r.id,
          audience: r.audience,
          authorId: r.author_id,
          bodyHtml: r.body_html,
          createdAt: r.created_at,
        })),
        args.first,
        total,
        (m) => [m.createdAt.toISOString(), m.id],
      );
    });
  }

  async postMessage(
    user: AuthUser,
    requestId: string,
    audience: OpinionDiscussionAudience,
    body: string,
  ): Promise<OpinionDiscussionMessage> {
    const source = this.required(body, 'body');
    const { message, event } = await this.db.transaction(async (tx) => {
      const { row, party } = await this.load(tx, user, requestId);
      if (!this.access.audiences(party).includes(audience)) throw notFound('Discussion');
      if (row.state === S.DRAFT || row.state === S.REJECTED || row.state === S.WITHDRAWN) {
        throw conflict(`The request is ${row.state}: its discussion is closed`);
      }
      const md = renderMarkdown(source);
      const [created]: { id: string; created_at: Date }[] = await tx.query(
        `INSERT INTO opinion_discussion_message (request_id, audience, author_id, body_source, body_html)
         VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at`,
        [requestId, audience, user.id, source, md.html],
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'opinion_request.discussion.post',
          entityType: ENTITY,
          entityId: requestId,
          details: { audience, messageId: created.id },
        },
        tx,
      );
      const parties = await this.access.parties(requestId, tx);
      const [author]: { name: string; position: string | null; organisation_name: string }[] =
        await tx.query(
          `SELECT u.name, u.position, o.name AS organisation_name
           FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1`,
          [user.id],
        );
      const event: OpinionDiscussionPostedEvent = {
        requestId,
        subject: row.subject,
        audience,
        messageId: created.id,
        byUserId: user.id,
        recipientIds: [
          ...parties.office,
          ...parties.expert,
          ...(audience === OpinionDiscussionAudience.CITY ? parties.city : []),
        ],
        live: {
          requestId,
          audience,
          // The same edge the discussion query gives (its cursor keys: createdAt, id).
          cursor: encodeCursor([created.created_at.toISOString(), created.id]),
          message: {
            id: created.id,
            audience,
            bodyHtml: md.html,
            createdAt: created.created_at.toISOString(),
            author: {
              id: user.id,
              name: author.name,
              position: author.position,
              organisationName: author.organisation_name,
            },
          },
        },
      };
      const message: OpinionDiscussionMessage = {
        id: created.id,
        audience,
        authorId: user.id,
        bodyHtml: md.html,
        createdAt: created.created_at,
      };
      return { message, event };
    });
    this.events.emit(DomainEvent.OPINION_DISCUSSION_POSTED, event);
    return message;
  }

  // ---------------------------------------------------------------- audit

  /** The office reads who read or changed a request, oldest first. */
  async auditLog(user: AuthUser, args: OpinionAuditArgs): Promise<Connection<OpinionAuditEntry>> {
    const { party } = await this.load(this.db.manager, user, args.requestId);
    if (!isOffice(party)) throw forbidden("Only the office reads a request's audit log");
    const params: unknown[] = [ENTITY, args.requestId];
    let after = '';
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, 2);
      params.push(createdAt, id);
      after = ` AND (created_at, id) > ($3::timestamptz, $4::uuid)`;
    }
    const [rows, [{ total }]]: [
      { id: string; actor_id: string | null; action: string; details: unknown; created_at: Date }[],
      { total: number }[],
    ] = await Promise.all([
      this.db.query(
        `SELECT id, actor_id, action, details, created_at FROM audit_entry
         WHERE entity_type = $1 AND entity_id = $2${after}
         ORDER BY created_at, id LIMIT ${args.first + 1}`,
        params,
      ),
      this.db.query(
        `SELECT count(*)::int AS total FROM audit_entry WHERE entity_type = $1 AND entity_id = $2`,
        [ENTITY, args.requestId],
      ),
    ]);
    return toConnection(
      rows.map((r) => ({
        id: r.id,
        actorId: r.actor_id,
        action: r.action,
        details: JSON.stringify(r.details),
        createdAt: r.created_at,
      })),
      args.first,
      total,
      (e) => [e.createdAt.toISOString(), e.id],
    );
  }
}
