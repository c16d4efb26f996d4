import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  canMoveTribunalCase,
  DocumentOwnerKind,
  TRIBUNAL_DEADLINE_STAGES,
  TRIBUNAL_PRELIMINARY_SIGNATURE,
  TRIBUNAL_SIGNATURE,
  TRIBUNAL_TRANSITIONS,
  TribunalCaseKind,
  TribunalJoinStatus,
  TribunalStage,
  TribunalSupportKind,
} from '@civitas/shared/domain';
import {
  badUserInput,
  Clock,
  conflict,
  Connection,
  decodeCursor,
  DomainEvent,
  forbidden,
  notFound,
  toConnection,
} from '@civitas/api/core';
import type { TribunalJoinEvent } from '@civitas/api/core';
import { OpinionAccess, TribunalAccess } from '@civitas/api/access';
import { AuditService } from '@civitas/api/audit';
import type { AuthUser } from '@civitas/api/auth';
import {
  CorrectTribunalStageInput,
  CreateTribunalCaseInput,
  TribunalCaseInput,
  TribunalCasesArgs,
  TribunalResolutionInput,
  TribunalStageInput,
  TribunalSupportInput,
} from './dto/tribunal.inputs';
import { isCalendarDate, tribunalDeadline } from './tribunal-deadline';
import {
  TribunalCase,
  TribunalCaseCity,
  TribunalDeadline,
  TribunalLinkedCase,
  TribunalLinkedOpinion,
  TribunalStageCorrection,
  TribunalStageEntry,
} from './tribunal.types';

export const ENTITY = 'tribunal_case';
export const TRIBUNAL_TIME_ZONE = 'Europe/Warsaw';
const S = TribunalStage;

/** Today in Poland, YYYY-MM-DD. */
export function todayInPoland(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TRIBUNAL_TIME_ZONE }).format(now);
}

/**
 * A calendar date that is not after `today` (Poland, from the Clock); else BAD_USER_INPUT
 * naming the field.
 */
export function assertPastOrToday(date: string, field: string, today: string): void {
  if (!isCalendarDate(date)) {
    throw badUserInput(`${field}: ${date} is not a calendar date`, [
      { field, problems: ['must be a calendar date YYYY-MM-DD'] },
    ]);
  }
  if (date > today) {
    throw badUserInput(`${field}: ${date} is in the future`, [
      { field, problems: ['must be today or earlier'] },
    ]);
  }
}

/** The signatures' forms; a wrong one answers BAD_USER_INPUT saying the expected form. */
export function assertSignatures(
  kind: TribunalCaseKind,
  preliminary: string | null | undefined,
  signature: string | null | undefined,
): void {
  if (preliminary && !TRIBUNAL_PRELIMINARY_SIGNATURE.test(preliminary)) {
    throw badUserInput(
      `preliminarySignature: "${preliminary}" is not a signature of preliminary examination; expected the form "Tw 12/24"`,
      [{ field: 'preliminarySignature', problems: ['expected the form "Tw 12/24"'] }],
    );
  }
  if (signature && (!TRIBUNAL_SIGNATURE.test(signature) || !signature.startsWith(`${kind} `))) {
    throw badUserInput(
      `signature: "${signature}" is not a signature of a ${kind} case; expected the form "${kind} 3/25"`,
      [{ field: 'signature', problems: [`expected the form "${kind} 3/25"`] }],
    );
  }
}

/** Control characters (NUL included) are spaces, runs of spaces one; blank is no search. */
export function normaliseTribunalSearch(text: string | null | undefined): string {
  return Array.from(text ?? '', (c) => (c <= '\u001f' || c === '\u007f' ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A signature or its start: "K 3/25", "k3/25", "Tw 12/2", "3/25", "12". */
const SIGNATURE_SEARCH = /^(?:(tw|k|u) ?)?(\d{1,4}(?:\/\d{0,2})?)$/i;

/**
 * The ILIKE pattern of the signatures a search names ("K 3/25" → `K 3/25%`, "3/25" →
 * `% 3/25%`: any kind), or null when the search is not a signature. Only letters, digits,
 * a space and a slash get through, so nothing needs escaping.
 */
export function signaturePattern(search: string): string | null {
  const m = SIGNATURE_SEARCH.exec(search);
  if (!m) return null;
  return m[1] ? `${m[1]} ${m[2]}%` : `% ${m[2]}%`;
}

interface CaseRow {
  id: string;
  title: string;
  kind: TribunalCaseKind;
  challenged_act: string;
  challenged_provisions: string;
  constitutional_provisions: string;
  argument_summary: string;
  internal_notes: string;
  stage: TribunalStage;
  preliminary_signature: string | null;
  signature: string | null;
  support_resolution_number: string | null;
  support_resolution_date: string | null;
  support_kinds: TribunalSupportKind[];
  support_amount_grosze: string | null;
  linked_opinion_ids: string[];
  linked_case_ids: string[];
  filed_on: string | null;
  created_at: Date;
  updated_at: Date;
}

const CASE_COLUMNS = `c.id, c.title, c.kind, c.challenged_act, c.challenged_provisions,
  c.constitutional_provisions, c.argument_summary, c.internal_notes, c.stage,
  c.preliminary_signature, c.signature, c.support_resolution_number,
  to_char(c.support_resolution_date, 'YYYY-MM-DD') AS support_resolution_date, c.support_kinds,
  c.support_amount_grosze, c.linked_opinion_ids,
  ARRAY(SELECT CASE WHEN l.a = c.id THEN l.b ELSE l.a END FROM tribunal_case_link l
        WHERE l.a = c.id OR l.b = c.id ORDER BY l.created_at) AS linked_case_ids,
  to_char(c.filed_on, 'YYYY-MM-DD') AS filed_on, c.created_at, c.updated_at`;

interface EntryRow {
  id: string;
  case_id: string;
  stage: TribunalStage;
  entered_on: string;
  delivered_on: string | null;
  deadline: string | null;
  hearing_at: Date | null;
  outcome: string | null;
  summary: string | null;
  journal_reference: string | null;
  note: string;
  document_ids: string[];
  actor_id: string | null;
  created_at: Date;
  voided_at: Date | null;
}

const ENTRY_COLUMNS = `e.id, e.case_id, e.stage, to_char(e.entered_on, 'YYYY-MM-DD') AS entered_on,
  to_char(e.delivered_on, 'YYYY-MM-DD') AS delivered_on, to_char(e.deadline, 'YYYY-MM-DD') AS deadline,
  e.hearing_at, e.outcome, e.summary, e.journal_reference, e.note, e.document_ids, e.actor_id,
  e.created_at, e.voided_at`;

/** SQL: the users responsible for a case `c`: the office and the parties' legal officers and admins. */
export const RESPONSIBLE_SQL = `ARRAY(SELECT u.id FROM app_user u WHERE u.deactivated_at IS NULL AND (
    u.role = 'OFFICE_ADMIN' OR (
      (u.role = 'CITY_ADMIN' OR (u.role = 'CITY_OFFICIAL' AND u.is_legal_officer))
      AND u.organisation_id IN (SELECT cc.organisation_id FROM tribunal_case_city cc
                                WHERE cc.case_id = c.id AND cc.status = 'ACCEPTED'))) ORDER BY u.id)`;

/**
 * Tribunal cases (issue 8). Who reads what is decided by TribunalAccess (libs/api/access):
 * - the office reads and manages every case;
 * - people of member cities (city admins and officials) read every case's summary and
 *   timeline;
 * - the office and the legal officers and admins of the applicant and accepted co-applicant
 *   cities ("parties") also read the restricted parts: internal notes, the support amount,
 *   pending join requests and TRIBUNAL_CASE documents;
 * - everyone else (guests, experts, people of non-member cities) gets NOT_FOUND.
 * Stage moves lock the case row (FOR UPDATE) and update it only from the stage read.
 */
@Injectable()
export class TribunalCasesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly access: TribunalAccess,
    private readonly opinionAccess: OpinionAccess,
    private readonly clock: Clock,
  ) {}

  /** Today in Poland by the Clock (CLOCK_FIXED_AT outside production). */
  today(): string {
    return todayInPoland(this.clock.now());
  }

  // ---------------------------------------------------------------- access

  /** May read tribunal cases at all (TribunalAccess): the office and people of member cities. */
  mayRead(user: AuthUser, q: EntityManager = this.db.manager): Promise<boolean> {
    return this.access.mayRead(user, q);
  }

  /** The cases among `ids` on which the user is a party (sees the restricted parts). */
  partyCases(
    user: AuthUser,
    ids: readonly string[],
    q: EntityManager = this.db.manager,
  ): Promise<Set<string>> {
    return this.access.partyCases(user, ids, q);
  }

  /** The case or NOT_FOUND; `lock` takes it FOR UPDATE. */
  private async load(
    q: EntityManager,
    user: AuthUser,
    id: string,
    lock = false,
  ): Promise<{ row: CaseRow; party: boolean }> {
    if (!(await this.mayRead(user, q))) throw notFound('Tribunal case');
    if (lock) await q.query(`SELECT id FROM tribunal_case WHERE id = $1 FOR UPDATE`, [id]);
    const [row]: CaseRow[] = await q.query(
      `SELECT ${CASE_COLUMNS} FROM tribunal_case c WHERE c.id = $1`,
      [id],
    );
    if (!row) throw notFound('Tribunal case');
    const party = (await this.partyCases(user, [id], q)).has(id);
    return { row, party };
  }

  private async followedCases(user: AuthUser, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.db.query(
      `SELECT c.id FROM tribunal_case c
       LEFT JOIN tribunal_follow f ON f.case_id = c.id AND f.user_id = $2
       WHERE c.id = ANY($1::uuid[]) AND (f.following OR (f.following IS NULL AND $3 AND EXISTS (
         SELECT 1 FROM tribunal_case_city cc WHERE cc.case_id = c.id AND cc.status = 'ACCEPTED'
           AND cc.organisation_id = $4)))`,
      [ids, user.id, this.access.actsForCity(user), user.organisationId],
    );
    return new Set(rows.map((r) => r.id));
  }

  private view(row: CaseRow, party: boolean, followed: boolean): TribunalCase {
    return {
      id: row.id,
      title: row.title,
      kind: row.kind,
      challengedAct: row.challenged_act,
      challengedProvisions: row.challenged_provisions,
      constitutionalProvisions: row.constitutional_provisions,
      argumentSummary: row.argument_summary,
      internalNotes: party ? row.internal_notes : null,
      stage: row.stage,
      nextStages: [...TRIBUNAL_TRANSITIONS[row.stage]],
      preliminarySignature: row.preliminary_signature,
      signature: row.signature,
      support: {
        boardResolutionNumber: row.support_resolution_number,
        boardResolutionDate: row.support_resolution_date,
        kinds: row.support_kinds,
        amountGrosze:
          party && row.support_amount_grosze !== null ? Number(row.support_amount_grosze) : null,
      },
      linkedOpinionIds: row.linked_opinion_ids,
      linkedCaseIds: row.linked_case_ids,
      filedOn: row.filed_on,
      viewerIsParty: party,
      followed,
      cities: [],
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  // ---------------------------------------------------------------- reads

  async get(user: AuthUser, id: string): Promise<TribunalCase> {
    const { row, party } = await this.load(this.db.manager, user, id);
    const followed = (await this.followedCases(user, [id])).has(id);
    return this.view(row, party, followed);
  }

  /**
   * The case page's read: as `get`, and a party's read — who sees internal notes, the support
   * amount, pending requests and draft motions — goes to the audit log (one row per read;
   * `list` records a party's listed cases as `tribunal_case.list`).
   */
  async read(user: AuthUser, id: string): Promise<TribunalCase> {
    const view = await this.get(user, id);
    if (view.viewerIsParty) {
      await this.audit.record({
        actorId: user.id,
        action: 'tribunal_case.read',
        entityType: ENTITY,
        entityId: id,
      });
    }
    return view;
  }

  /**
   * Batched: the cases linked with each of `ids`, with their titles, in link order. Whoever
   * may read one case may read every case (TribunalAccess.mayRead), so the links are the
   * readers' to see.
   */
  async linkedCasesOf(ids: readonly string[]): Promise<Map<string, TribunalLinkedCase[]>> {
    const rows: {
      case_id: string;
      id: string;
      title: string;
      stage: TribunalStage;
      signature: string | null;
      note: string;
    }[] = await this.db.query(
      `SELECT x.case_id, o.id, o.title, o.stage, COALESCE(o.signature, o.preliminary_signature)
              AS signature, x.note
       FROM (SELECT l.a AS case_id, l.b AS other, l.note, l.created_at FROM tribunal_case_link l
             WHERE l.a = ANY($1::uuid[])
             UNION ALL
             SELECT l.b, l.a, l.note, l.created_at FROM tribunal_case_link l
             WHERE l.b = ANY($1::uuid[])) x
       JOIN tribunal_case o ON o.id = x.other
       ORDER BY x.created_at, o.id`,
      [ids],
    );
    const out = new Map<string, TribunalLinkedCase[]>(ids.map((id) => [id, []]));
    for (const r of rows) {
      out.get(r.case_id)!.push({
        id: r.id,
        title: r.title,
        stage: r.stage,
        signature: r.signature,
        note: r.note,
      });
    }
    return out;
  }

  /**
   * Batched: the published opinions linked to each case (subject, year, city), for those who
   * may read the opinion library (OpinionAccess); nobody else sees them.
   */
  async linkedOpinionsOf(
    user: AuthUser,
    cases: readonly { id: string; opinionIds: readonly string[] }[],
  ): Promise<Map<string, TribunalLinkedOpinion[]>> {
    const out = new Map<string, TribunalLinkedOpinion[]>(cases.map((c) => [c.id, []]));
    const all = [...new Set(cases.flatMap((c) => c.opinionIds))];
    if (all.length === 0 || !(await this.opinionAccess.mayReadLibrary(user))) return out;
    const rows: TribunalLinkedOpinion[] = await this.db.query(
      `SELECT p.id, p.subject, p.city_name AS "cityName",
              extract(year FROM p.released_at AT TIME ZONE '${TRIBUNAL_TIME_ZONE}')::int AS year
       FROM published_opinion p WHERE p.id = ANY($1::uuid[])`,
      [all],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const c of cases) {
      out.set(
        c.id,
        c.opinionIds.flatMap((id) => byId.get(id) ?? []),
      );
    }
    return out;
  }

  /**
   * Cases newest first (none for those who may not read cases), narrowed by stages and a
   * search: words of the title or the challenged act in `civitas_search`, or a signature. A
   * party's listed cases (who sees the restricted parts in them) are audited, one row each
   * (`tribunal_case.list`), in one statement per page.
   */
  async list(user: AuthUser, args: TribunalCasesArgs): Promise<Connection<TribunalCase>> {
    if (!(await this.mayRead(user))) return toConnection([], args.first, 0, () => []);
    const where = ['true'];
    const params: unknown[] = [];
    if (args.stages?.length) {
      params.push(args.stages);
      where.push(`c.stage = ANY($${params.length}::text[])`);
    }
    const search = normaliseTribunalSearch(args.search);
    const signature = search ? signaturePattern(search) : null;
    // Whether the search has words, answered with the count (no round trip of its own).
    let words = 'true';
    if (search) {
      params.push(search);
      const query = `websearch_to_tsquery('civitas_search', $${params.length})`;
      words = `numnode(${query}) > 0`;
      if (signature) {
        params.push(signature);
        const p = `$${params.length}`;
        where.push(
          `(c.search @@ ${query} OR c.signature ILIKE ${p} OR c.preliminary_signature ILIKE ${p})`,
        );
      } else {
        where.push(`c.search @@ ${query}`);
      }
    }
    const filtered = where.join(' AND ');
    const pageParams = [...params];
    let page = filtered;
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, 2);
      pageParams.push(createdAt, id);
      page += ` AND (c.created_at, c.id) < ($${pageParams.length - 1}::timestamptz, $${pageParams.length}::uuid)`;
    }
    const [rows, [{ total, has_words }]]: [CaseRow[], { total: number; has_words: boolean }[]] =
      await Promise.all([
        this.db.query(
          `SELECT ${CASE_COLUMNS} FROM tribunal_case c WHERE ${page}
           ORDER BY c.created_at DESC, c.id DESC LIMIT ${args.first + 1}`,
          pageParams,
        ),
        this.db.query(
          `SELECT count(*)::int AS total, (SELECT ${words}) AS has_words
           FROM tribunal_case c WHERE ${filtered}`,
          params,
        ),
      ]);
    if (search && !signature && !has_words) {
      throw badUserInput('The search has no words in it: type words of the title or a signature', [
        { field: 'search', problems: ['no words to search for'] },
      ]);
    }
    const ids = rows.map((r) => r.id);
    const [parties, followed] = await Promise.all([
      this.partyCases(user, ids),
      this.followedCases(user, ids),
    ]);
    const views = rows.map((r) => this.view(r, parties.has(r.id), followed.has(r.id)));
    await this.audit.recordMany({
      actorId: user.id,
      action: 'tribunal_case.list',
      entityType: ENTITY,
      entityIds: views
        .slice(0, args.first)
        .filter((v) => v.viewerIsParty)
        .map((v) => v.id),
    });
    return toConnection(views, args.first, total, (v) => [v.createdAt.toISOString(), v.id]);
  }

  /**
   * Batched: each case's cities. Everyone sees the applicant and accepted co-applicants;
   * parties also see requests pending or declined, and a city sees its own request.
   */
  async citiesOf(
    user: AuthUser,
    cases: readonly { id: string; party: boolean }[],
  ): Promise<Map<string, TribunalCaseCity[]>> {
    const rows: {
      id: string;
      case_id: string;
      organisation_id: string;
      city_name: string;
      is_applicant: boolean;
      status: TribunalJoinStatus;
      resolution_number: string;
      resolution_date: string;
      resolution_document_id: string | null;
      decline_reason: string | null;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT cc.id, cc.case_id, cc.organisation_id, o.name AS city_name, cc.is_applicant, cc.status,
              cc.resolution_number, to_char(cc.resolution_date, 'YYYY-MM-DD') AS resolution_date,
              cc.resolution_document_id, cc.decline_reason, cc.created_at
       FROM tribunal_case_city cc JOIN organisation o ON o.id = cc.organisation_id
       WHERE cc.case_id = ANY($1::uuid[])
       ORDER BY cc.is_applicant DESC, cc.created_at, cc.id`,
      [cases.map((c) => c.id)],
    );
    const party = new Map(cases.map((c) => [c.id, c.party]));
    const out = new Map<string, TribunalCaseCity[]>(cases.map((c) => [c.id, []]));
    for (const r of rows) {
      const visible =
        r.status === TribunalJoinStatus.ACCEPTED ||
        party.get(r.case_id) ||
        r.organisation_id === user.organisationId;
      if (!visible) continue;
      out.get(r.case_id)!.push({
        id: r.id,
        organisationId: r.organisation_id,
        cityName: r.city_name,
        isApplicant: r.is_applicant,
        status: r.status,
        resolutionNumber: r.resolution_number,
        resolutionDate: r.resolution_date,
        resolutionDocumentId: r.resolution_document_id,
        declineReason: r.decline_reason,
        createdAt: r.created_at,
      });
    }
    return out;
  }

  /** Batched: each case's timeline, oldest first, with the corrections of each entry. */
  async timelinesOf(ids: readonly string[]): Promise<Map<string, TribunalStageEntry[]>> {
    const entries: (EntryRow & { actor_name: string | null })[] = await this.db.query(
      `SELECT ${ENTRY_COLUMNS}, u.name AS actor_name FROM tribunal_stage_entry e
       LEFT JOIN app_user u ON u.id = e.actor_id WHERE e.case_id = ANY($1::uuid[])
       ORDER BY e.created_at, e.id`,
      [ids],
    );
    const corrections: {
      id: string;
      entry_id: string;
      actor_id: string | null;
      actor_name: string | null;
      reason: string;
      voided: boolean;
      previous: unknown;
      created_at: Date;
    }[] = entries.length
      ? await this.db.query(
          `SELECT c.id, c.entry_id, c.actor_id, u.name AS actor_name, c.reason, c.voided, c.previous,
                  c.created_at
           FROM tribunal_stage_correction c LEFT JOIN app_user u ON u.id = c.actor_id
           WHERE c.entry_id = ANY($1::uuid[]) ORDER BY c.created_at, c.id`,
          [entries.map((e) => e.id)],
        )
      : [];
    const byEntry = new Map<string, TribunalStageCorrection[]>();
    for (const c of corrections) {
      const list = byEntry.get(c.entry_id) ?? [];
      list.push({
        id: c.id,
        actorId: c.actor_id,
        actorName: c.actor_name,
        reason: c.reason,
        voided: c.voided,
        previous: JSON.stringify(c.previous),
        createdAt: c.created_at,
      });
      byEntry.set(c.entry_id, list);
    }
    const out = new Map<string, TribunalStageEntry[]>(ids.map((id) => [id, []]));
    for (const e of entries) {
      out.get(e.case_id)!.push({
        id: e.id,
        stage: e.stage,
        enteredOn: e.entered_on,
        deliveredOn: e.delivered_on,
        deadline: e.deadline,
        hearingAt: e.hearing_at,
        outcome: e.outcome,
        summary: e.summary,
        journalReference: e.journal_reference,
        note: e.note,
        documentIds: e.document_ids,
        actorId: e.actor_id,
        actorName: e.actor_name,
        createdAt: e.created_at,
        voidedAt: e.voided_at,
        corrections: byEntry.get(e.id) ?? [],
      });
    }
    return out;
  }

  /**
   * Running deadlines of every case the caller may read, earliest (so overdue) first: the
   * case's current entry, if it is a call to remedy defects or a refusal.
   */
  async deadlines(user: AuthUser): Promise<TribunalDeadline[]> {
    if (!(await this.mayRead(user))) return [];
    const today = this.today();
    const rows: {
      case_id: string;
      title: string;
      signature: string | null;
      preliminary_signature: string | null;
      id: string;
      stage: TribunalStage;
      delivered_on: string;
      deadline: string;
      days_left: number;
    }[] = await this.db.query(
      `SELECT c.id AS case_id, c.title, c.signature, c.preliminary_signature, e.id, e.stage,
              to_char(e.delivered_on, 'YYYY-MM-DD') AS delivered_on,
              to_char(e.deadline, 'YYYY-MM-DD') AS deadline, (e.deadline - $1::date) AS days_left
       FROM tribunal_case c ${CURRENT_ENTRY_JOIN}
       WHERE e.deadline IS NOT NULL
       ORDER BY e.deadline, c.id`,
      [today],
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      caseTitle: r.title,
      signature: r.signature ?? r.preliminary_signature,
      stageEntryId: r.id,
      stage: r.stage,
      deliveredOn: r.delivered_on,
      deadline: r.deadline,
      daysLeft: r.days_left,
      overdue: r.days_left < 0,
    }));
  }

  // ---------------------------------------------------------------- the office's case

  async create(user: AuthUser, input: CreateTribunalCaseInput): Promise<TribunalCase> {
    const missing = (['title', 'kind', 'challengedAct'] as const).filter((f) => !input[f]);
    if (missing.length) {
      throw badUserInput(
        `A case needs ${missing.join(', ')}`,
        missing.map((field) => ({ field, problems: ['is required'] })),
      );
    }
    assertSignatures(input.kind!, input.preliminarySignature, input.signature);
    this.checkResolution(input.applicantResolution, 'applicantResolution');
    return this.db.transaction(async (tx) => {
      await this.assertMemberCity(tx, input.applicantOrganisationId, 'applicantOrganisationId');
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO tribunal_case (title, kind, challenged_act, created_by)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [input.title!.trim(), input.kind, input.challengedAct!.trim(), user.id],
      );
      await this.writeFields(tx, id, input);
      await tx.query(
        `INSERT INTO tribunal_case_city (case_id, organisation_id, is_applicant, status,
           resolution_number, resolution_date, decided_by, decided_at)
         VALUES ($1, $2, true, 'ACCEPTED', $3, $4, $5, now())`,
        [
          id,
          input.applicantOrganisationId,
          input.applicantResolution.number.trim(),
          input.applicantResolution.date,
          user.id,
        ],
      );
      await tx.query(
        `INSERT INTO tribunal_stage_entry (case_id, stage, entered_on, actor_id)
         VALUES ($1, 'PREPARATION', $2, $3)`,
        [id, this.today(), user.id],
      );
      await this.audit.record(
        { actorId: user.id, action: 'tribunal_case.create', entityType: ENTITY, entityId: id },
        tx,
      );
      const { row } = await this.load(tx, user, id);
      return this.view(row, true, false);
    });
  }

  async update(user: AuthUser, id: string, input: TribunalCaseInput): Promise<TribunalCase> {
    return this.db.transaction(async (tx) => {
      const { row } = await this.load(tx, user, id, true);
      // The signature names the kind (K 3/25): a kind changes only with a new or no signature.
      if (input.kind && input.kind !== row.kind && row.signature && input.signature === undefined) {
        throw conflict(
          `The case has the signature ${row.signature}: change its kind together with the signature`,
        );
      }
      const kind = input.kind ?? row.kind;
      assertSignatures(
        kind,
        input.preliminarySignature,
        input.signature !== undefined ? input.signature : row.signature,
      );
      await this.writeFields(tx, id, input);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'tribunal_case.update',
          entityType: ENTITY,
          entityId: id,
          details: { fields: Object.keys(input) },
        },
        tx,
      );
      const reloaded = await this.load(tx, user, id);
      return this.view(reloaded.row, true, false);
    });
  }

  private async writeFields(tx: EntityManager, id: string, input: TribunalCaseInput) {
    const set: Record<string, unknown> = {};
    const text = (v: string | undefined, column: string) => {
      if (v !== undefined) set[column] = v.trim();
    };
    text(input.title, 'title');
    if (input.kind !== undefined) set['kind'] = input.kind;
    text(input.challengedAct, 'challenged_act');
    text(input.challengedProvisions, 'challenged_provisions');
    text(input.constitutionalProvisions, 'constitutional_provisions');
    text(input.argumentSummary, 'argument_summary');
    text(input.internalNotes, 'internal_notes');
    if (input.preliminarySignature !== undefined)
      set['preliminary_signature'] = input.preliminarySignature || null;
    if (input.signature !== undefined) set['signature'] = input.signature || null;
    if (input.linkedOpinionIds !== undefined) {
      const found: { id: string }[] = await tx.query(
        `SELECT id FROM published_opinion WHERE id = ANY($1::uuid[])`,
        [input.linkedOpinionIds],
      );
      if (found.length !== input.linkedOpinionIds.length) {
        throw badUserInput('linkedOpinionIds: not published opinions', [
          { field: 'linkedOpinionIds', problems: ['must be ids of published opinions'] },
        ]);
      }
      set['linked_opinion_ids'] = input.linkedOpinionIds;
    }
    const columns = Object.keys(set);
    if (columns.length === 0) return;
    const assignments = columns.map((c, i) => `${c} = $${i + 2}`).join(', ');
    await tx.query(`UPDATE tribunal_case SET ${assignments}, updated_at = now() WHERE id = $1`, [
      id,
      ...columns.map((c) => set[c]),
    ]);
  }

  async setSupport(user: AuthUser, id: string, input: TribunalSupportInput): Promise<TribunalCase> {
    assertPastOrToday(input.boardResolutionDate, 'boardResolutionDate', this.today());
    return this.db.transaction(async (tx) => {
      await this.load(tx, user, id, true);
      await tx.query(
        `UPDATE tribunal_case SET support_resolution_number = $2, support_resolution_date = $3,
           support_kinds = $4, support_amount_grosze = $5, updated_at = now() WHERE id = $1`,
        [
          id,
          input.boardResolutionNumber.trim(),
          input.boardResolutionDate,
          input.kinds,
          input.amountGrosze ?? null,
        ],
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'tribunal_case.support',
          entityType: ENTITY,
          entityId: id,
          details: { ...input },
        },
        tx,
      );
      const { row } = await this.load(tx, user, id);
      return this.view(row, true, false);
    });
  }

  // ---------------------------------------------------------------- cities

  private checkResolution(r: TribunalResolutionInput, field: string) {
    assertPastOrToday(r.date, `${field}.date`, this.today());
  }

  /** BAD_USER_INPUT unless the organisation is a member city (not the office, not a candidate). */
  private async assertMemberCity(tx: EntityManager, organisationId: string, field: string) {
    const [org]: { name: string; member: boolean }[] = await tx.query(
      `SELECT o.name, o.membership_status = 'MEMBER' AND o.kind <> 'ASSOCIATION_OFFICE' AS member
       FROM organisation o WHERE o.id = $1`,
      [organisationId],
    );
    if (!org || !org.member) {
      const what = org ? `${org.name} is not a member city of the association` : 'no such city';
      throw badUserInput(`${field}: ${what}`, [
        {
          field,
          problems: ['must be a member city: only member cities apply with the association'],
        },
      ]);
    }
  }

  /** The office adds a co-applicant city directly (accepted), while the case is prepared. */
  async addCoApplicant(
    user: AuthUser,
    id: string,
    organisationId: string,
    resolution: TribunalResolutionInput,
  ): Promise<TribunalCase> {
    this.checkResolution(resolution, 'resolution');
    return this.db.transaction(async (tx) => {
      const { row } = await this.load(tx, user, id, true);
      this.assertPreparation(row);
      await this.assertMemberCity(tx, organisationId, 'organisationId');
      await this.assertDocument(
        tx,
        DocumentOwnerKind.TRIBUNAL_RESOLUTION,
        id,
        resolution.documentId ? [resolution.documentId] : [],
        'resolution.documentId',
      );
      const inserted: unknown[] = await tx.query(
        `INSERT INTO tribunal_case_city (case_id, organisation_id, status, resolution_number,
           resolution_date, resolution_document_id, requested_by, decided_by, decided_at)
         VALUES ($1, $2, 'ACCEPTED', $3, $4, $5, $6, $6, now())
         ON CONFLICT DO NOTHING RETURNING id`,
        [
          id,
          organisationId,
          resolution.number.trim(),
          resolution.date,
          resolution.documentId ?? null,
          user.id,
        ],
      );
      if (inserted.length === 0) throw conflict('The city is already in the case or asked to join');
      await this.audit.record(
        {
          actorId: user.id,
          action: 'tribunal_case.co_applicant.add',
          entityType: ENTITY,
          entityId: id,
          details: { organisationId },
        },
        tx,
      );
      const reloaded = await this.load(tx, user, id);
      return this.view(reloaded.row, true, false);
    });
  }

  private assertPreparation(row: CaseRow) {
    if (row.stage !== S.PREPARATION) {
      throw conflict(
        `The case is ${row.stage}: cities join only while it is prepared, before filing`,
      );
    }
  }

  /**
   * A member city's admin or legal officer asks to join a case being prepared, with the
   * council's resolution uploaded to the case (TRIBUNAL_RESOLUTION).
   */
  async requestJoin(
    user: AuthUser,
    id: string,
    resolution: TribunalResolutionInput,
  ): Promise<TribunalCaseCity> {
    this.checkResolution(resolution, 'resolution');
    const joined = await this.db.transaction(async (tx) => {
      const { row } = await this.load(tx, user, id, true);
      if (!this.access.actsForCity(user)) {
        throw forbidden("Only a city's admin or legal officers ask to join a tribunal case");
      }
      this.assertPreparation(row);
      if (!resolution.documentId) {
        throw badUserInput('resolution.documentId: upload the council’s resolution first', [
          { field: 'resolution.documentId', problems: ['is required to ask to join'] },
        ]);
      }
      await this.assertDocument(
        tx,
        DocumentOwnerKind.TRIBUNAL_RESOLUTION,
        id,
        [resolution.documentId],
        'resolution.documentId',
      );
      const inserted: { id: string }[] = await tx.query(
        `INSERT INTO tribunal_case_city (case_id, organisation_id, status, resolution_number,
           resolution_date, resolution_document_id, requested_by)
         VALUES ($1, $2, 'REQUESTED', $3, $4, $5, $6)
         ON CONFLICT DO NOTHING RETURNING id`,
        [
          id,
          user.organisationId,
          resolution.number.trim(),
          resolution.date,
          resolution.documentId,
          user.id,
        ],
      );
      if (inserted.length === 0) {
        throw conflict('Your city is already in this case or has asked to join it');
      }
      await this.audit.record(
        {
          actorId: user.id,
          action: 'tribunal_case.join.request',
          entityType: ENTITY,
          entityId: id,
          details: { organisationId: user.organisationId },
        },
        tx,
      );
      const offices: { id: string }[] = await tx.query(
        `SELECT id FROM app_user WHERE role = 'OFFICE_ADMIN' AND deactivated_at IS NULL`,
      );
      const cities = await this.citiesOfTx(tx, user, id);
      return { row, city: cities.find((c) => c.id === inserted[0].id)!, offices };
    });
    const event: TribunalJoinEvent = {
      caseId: id,
      caseTitle: joined.row.title,
      cityName: joined.city.cityName,
      status: 'REQUESTED',
      byUserId: user.id,
      recipientIds: joined.offices.map((o) => o.id),
    };
    this.events.emit(DomainEvent.TRIBUNAL_JOIN, event);
    return joined.city;
  }

  private async citiesOfTx(tx: EntityManager, user: AuthUser, caseId: string) {
    const rows: { id: string; organisation_id: string; city_name: string }[] = await tx.query(
      `SELECT cc.id, cc.organisation_id, o.name AS city_name, cc.is_applicant, cc.status,
              cc.resolution_number, to_char(cc.resolution_date, 'YYYY-MM-DD') AS resolution_date,
              cc.resolution_document_id, cc.decline_reason, cc.created_at
       FROM tribunal_case_city cc JOIN organisation o ON o.id = cc.organisation_id
       WHERE cc.case_id = $1`,
      [caseId],
    );
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the row's columns, mapped below
    return rows.map((r: any) => ({
      id: r.id,
      organisationId: r.organisation_id,
      cityName: r.city_name,
      isApplicant: r.is_applicant,
      status: r.status,
      resolutionNumber: r.resolution_number,
      resolutionDate: r.resolution_date,
      resolutionDocumentId: r.resolution_document_id,
      declineReason: r.decline_reason,
      createdAt: r.created_at,
    })) as TribunalCaseCity[];
  }

  /**
   * The office accepts or declines a join request. Race-safe: the request row is locked and
   * updated only while still REQUESTED; of two office admins deciding at once, one wins and
   * the other gets CONFLICT.
   */
  async decideJoin(
    user: AuthUser,
    joinId: string,
    accept: boolean,
    reason?: string | null,
  ): Promise<TribunalCaseCity> {
    const decided = await this.db.transaction(async (tx) => {
      const [join]: {
        case_id: string;
        status: TribunalJoinStatus;
        requested_by: string | null;
      }[] = await tx.query(
        `SELECT case_id, status, requested_by FROM tribunal_case_city WHERE id = $1 FOR UPDATE`,
        [joinId],
      );
      if (!join) throw notFound('Join request');
      const { row } = await this.load(tx, user, join.case_id, true);
      if (join.status !== TribunalJoinStatus.REQUESTED) {
        throw conflict(`The request was already decided: ${join.status}`);
      }
      if (accept) this.assertPreparation(row);
      const status = accept ? TribunalJoinStatus.ACCEPTED : TribunalJoinStatus.DECLINED;
      const updated: unknown[] = await tx.query(
        `UPDATE tribunal_case_city SET status = $2, decided_by = $3, decided_at = now(),
           decline_reason = $4 WHERE id = $1 AND status = 'REQUESTED' RETURNING id`,
        [joinId, status, user.id, accept ? null : (reason ?? '').trim() || null],
      );
      if (updated.length === 0) throw conflict('The request was already decided');
      await this.audit.record(
        {
          actorId: user.id,
          action: `tribunal_case.join.${accept ? 'accept' : 'decline'}`,
          entityType: ENTITY,
          entityId: join.case_id,
          details: { joinId },
        },
        tx,
      );
      const city = (await this.citiesOfTx(tx, user, join.case_id)).find((c) => c.id === joinId)!;
      return { row, city, requester: join.requested_by };
    });
    const event: TribunalJoinEvent = {
      caseId: decided.row.id,
      caseTitle: decided.row.title,
      cityName: decided.city.cityName,
      status: decided.city.status,
      byUserId: user.id,
      recipientIds: decided.requester ? [decided.requester] : [],
    };
    this.events.emit(DomainEvent.TRIBUNAL_JOIN, event);
    return decided.city;
  }

  // ---------------------------------------------------------------- stages

  private async assertDocument(
    tx: EntityManager,
    kind: DocumentOwnerKind,
    caseId: string,
    ids: readonly string[],
    field: string,
  ) {
    if (ids.length === 0) return;
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM document WHERE id = ANY($1::uuid[]) AND owner_kind = $2 AND owner_id = $3
         AND deleted_at IS NULL`,
      [ids, kind, caseId],
    );
    if (rows.length !== new Set(ids).size) {
      throw badUserInput(`${field}: not a document of this case`, [
        { field, problems: [`must be documents uploaded to this case as ${kind}`] },
      ]);
    }
  }

  /** The fields a stage needs; BAD_USER_INPUT naming them. Returns the computed deadline. */
  private checkStage(
    stage: TribunalStage,
    fields: {
      enteredOn: string;
      deliveredOn?: string | null;
      hearingAt?: Date | null;
      outcome?: string | null;
      summary?: string | null;
      journalReference?: string | null;
    },
  ): string | null {
    const today = this.today();
    assertPastOrToday(fields.enteredOn, 'enteredOn', today);
    const need = (field: string, ok: boolean) => {
      if (!ok)
        throw badUserInput(`${field} is required for ${stage}`, [
          { field, problems: [`is required for ${stage}`] },
        ]);
    };
    if (stage === S.HEARING_SCHEDULED) need('hearingAt', !!fields.hearingAt);
    if (stage === S.JUDGMENT || stage === S.DISCONTINUED) {
      need('outcome', !!fields.outcome?.trim());
      need('summary', !!fields.summary?.trim());
    }
    if (stage === S.PUBLISHED) need('journalReference', !!fields.journalReference?.trim());
    if (!TRIBUNAL_DEADLINE_STAGES.includes(stage)) return null;
    need('deliveredOn', !!fields.deliveredOn);
    assertPastOrToday(fields.deliveredOn!, 'deliveredOn', today);
    if (fields.deliveredOn! < fields.enteredOn) {
      throw badUserInput('deliveredOn: delivered before the Tribunal issued it', [
        { field: 'deliveredOn', problems: ['must be on or after enteredOn'] },
      ]);
    }
    return tribunalDeadline(fields.deliveredOn!);
  }

  /** The office records the next stage; only along TRIBUNAL_TRANSITIONS, else CONFLICT. */
  async move(user: AuthUser, id: string, input: TribunalStageInput): Promise<TribunalCase> {
    return this.db.transaction(async (tx) => {
      const { row } = await this.load(tx, user, id, true);
      if (!canMoveTribunalCase(row.stage, input.stage)) {
        const next = TRIBUNAL_TRANSITIONS[row.stage];
        throw conflict(
          `The case is ${row.stage}: it can move to ${next.length ? next.join(', ') : 'no other stage'}, not ${input.stage}`,
        );
      }
      const deadline = this.checkStage(input.stage, input);
      const [last]: { entered_on: string }[] = await tx.query(
        `SELECT to_char(entered_on, 'YYYY-MM-DD') AS entered_on FROM tribunal_stage_entry
         WHERE case_id = $1 AND voided_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`,
        [id],
      );
      if (last && input.stage !== S.FILED && input.enteredOn < last.entered_on) {
        throw badUserInput(`enteredOn: before the previous stage (${last.entered_on})`, [
          { field: 'enteredOn', problems: [`must be on or after ${last.entered_on}`] },
        ]);
      }
      if (input.stage === S.FILED) await this.assertResolutionsBefore(tx, id, input.enteredOn);
      await this.assertDocument(
        tx,
        DocumentOwnerKind.TRIBUNAL_STAGE,
        id,
        input.documentIds ?? [],
        'documentIds',
      );
      const moved: unknown[] = await tx.query(
        `UPDATE tribunal_case SET stage = $3, updated_at = now(),
           filed_on = CASE WHEN $3 = 'FILED' THEN $4::date ELSE filed_on END
         WHERE id = $1 AND stage = $2 RETURNING id`,
        [id, row.stage, input.stage, input.enteredOn],
      );
      if (moved.length === 0) throw conflict('The case moved meanwhile; reload it');
      await tx.query(
        `INSERT INTO tribunal_stage_entry (case_id, stage, entered_on, delivered_on, deadline,
           hearing_at, outcome, summary, journal_reference, note, document_ids, actor_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          id,
          input.stage,
          input.enteredOn,
          deadline ? input.deliveredOn : null,
          deadline,
          input.hearingAt ?? null,
          input.outcome?.trim() || null,
          input.summary?.trim() || null,
          input.journalReference?.trim() || null,
          input.note?.trim() ?? '',
          input.documentIds ?? [],
          user.id,
        ],
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'tribunal_case.stage',
          entityType: ENTITY,
          entityId: id,
          details: { from: row.stage, to: input.stage, deadline },
        },
        tx,
      );
      const reloaded = await this.load(tx, user, id);
      return this.view(reloaded.row, true, false);
    });
  }

  /** Every city's council resolution must precede (or be of) the filing date. */
  private async assertResolutionsBefore(tx: EntityManager, id: string, filedOn: string) {
    const late: { name: string; date: string }[] = await tx.query(
      `SELECT o.name, to_char(cc.resolution_date, 'YYYY-MM-DD') AS date
       FROM tribunal_case_city cc JOIN organisation o ON o.id = cc.organisation_id
       WHERE cc.case_id = $1 AND cc.status = 'ACCEPTED' AND cc.resolution_date > $2::date
       ORDER BY o.name`,
      [id, filedOn],
    );
    if (late.length) {
      throw badUserInput(
        `A council resolution is dated after filing (${filedOn}): ${late.map((l) => `${l.name} ${l.date}`).join(', ')}`,
        [
          {
            field: 'enteredOn',
            problems: late.map(
              (l) => `${l.name}'s resolution of ${l.date} is after the filing date`,
            ),
          },
        ],
      );
    }
  }

  /**
   * Corrects a stage entry (dates, note, outcome…) or, with `void`, withdraws the latest
   * entry made by mistake (the case returns to the stage before). The entry as it was is
   * kept in the correction with who, when and why.
   */
  async correct(
    user: AuthUser,
    entryId: string,
    input: CorrectTribunalStageInput,
  ): Promise<TribunalCase> {
    return this.db.transaction(async (tx) => {
      const [entry]: (EntryRow & { case_id: string })[] = await tx.query(
        `SELECT ${ENTRY_COLUMNS} FROM tribunal_stage_entry e WHERE e.id = $1`,
        [entryId],
      );
      if (!entry) throw notFound('Stage entry');
      const { row } = await this.load(tx, user, entry.case_id, true);
      if (entry.voided_at) throw conflict('The entry was withdrawn; it cannot be corrected');
      const previous = JSON.stringify(entry);
      if (input.void) {
        const live: { id: string; stage: TribunalStage }[] = await tx.query(
          `SELECT id, stage FROM tribunal_stage_entry WHERE case_id = $1 AND voided_at IS NULL
           ORDER BY created_at DESC, id DESC LIMIT 2`,
          [row.id],
        );
        if (live[0]?.id !== entryId || live.length < 2) {
          throw conflict('Only the latest stage entry can be withdrawn, and never the first');
        }
        await tx.query(`UPDATE tribunal_stage_entry SET voided_at = now() WHERE id = $1`, [
          entryId,
        ]);
        await tx.query(
          `UPDATE tribunal_case SET stage = $2, updated_at = now(),
             filed_on = CASE WHEN $3 = 'FILED' THEN NULL ELSE filed_on END WHERE id = $1`,
          [row.id, live[1].stage, entry.stage],
        );
      } else {
        const merged = {
          enteredOn: input.enteredOn ?? entry.entered_on,
          deliveredOn: input.deliveredOn !== undefined ? input.deliveredOn : entry.delivered_on,
          hearingAt: input.hearingAt !== undefined ? input.hearingAt : entry.hearing_at,
          outcome: input.outcome !== undefined ? input.outcome : entry.outcome,
          summary: input.summary !== undefined ? input.summary : entry.summary,
          journalReference:
            input.journalReference !== undefined ? input.journalReference : entry.journal_reference,
          note: input.note !== undefined ? input.note.trim() : entry.note,
        };
        const deadline = this.checkStage(entry.stage, merged);
        const documentIds = input.documentIds ?? entry.document_ids;
        await this.assertDocument(
          tx,
          DocumentOwnerKind.TRIBUNAL_STAGE,
          row.id,
          input.documentIds ?? [],
          'documentIds',
        );
        if (entry.stage === S.FILED) {
          await this.assertResolutionsBefore(tx, row.id, merged.enteredOn);
          await tx.query(`UPDATE tribunal_case SET filed_on = $2 WHERE id = $1`, [
            row.id,
            merged.enteredOn,
          ]);
        }
        await tx.query(
          `UPDATE tribunal_stage_entry SET entered_on = $2, delivered_on = $3, deadline = $4,
             hearing_at = $5, outcome = $6, summary = $7, journal_reference = $8, note = $9,
             document_ids = $10
           WHERE id = $1`,
          [
            entryId,
            merged.enteredOn,
            deadline ? merged.deliveredOn : null,
            deadline,
            merged.hearingAt,
            merged.outcome?.trim() || null,
            merged.summary?.trim() || null,
            merged.journalReference?.trim() || null,
            merged.note,
            documentIds,
          ],
        );
      }
      await tx.query(
        `INSERT INTO tribunal_stage_correction (entry_id, actor_id, reason, voided, previous)
         VALUES ($1, $2, $3, $4, $5::jsonb)`,
        [entryId, user.id, input.reason.trim(), !!input.void, previous],
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: input.void ? 'tribunal_case.stage.void' : 'tribunal_case.stage.correct',
          entityType: ENTITY,
          entityId: row.id,
          details: {
            entryId,
            reason: input.reason,
            ...(input.documentIds && !input.void
              ? {
                  documentsAdded: input.documentIds.filter((d) => !entry.document_ids.includes(d)),
                  documentsRemoved: entry.document_ids.filter(
                    (d) => !input.documentIds!.includes(d),
                  ),
                }
              : {}),
          },
        },
        tx,
      );
      const reloaded = await this.load(tx, user, row.id);
      return this.view(reloaded.row, true, false);
    });
  }

  // ---------------------------------------------------------------- links and follows

  /** The Tribunal joined two motions into one case: the office links them. */
  async link(user: AuthUser, id: string, otherId: string, note?: string | null) {
    if (id === otherId) {
      throw badUserInput('A case cannot be linked to itself', [
        { field: 'otherCaseId', problems: ['must be another case'] },
      ]);
    }
    return this.db.transaction(async (tx) => {
      await this.load(tx, user, id);
      await this.load(tx, user, otherId);
      const [a, b] = [id, otherId].sort();
      await tx.query(
        `INSERT INTO tribunal_case_link (a, b, note, created_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (a, b) DO NOTHING`,
        [a, b, (note ?? '').trim(), user.id],
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'tribunal_case.link',
          entityType: ENTITY,
          entityId: id,
          details: { otherCaseId: otherId },
        },
        tx,
      );
      const { row } = await this.load(tx, user, id);
      return this.view(row, true, false);
    });
  }

  async unlink(user: AuthUser, id: string, otherId: string) {
    return this.db.transaction(async (tx) => {
      await this.load(tx, user, id);
      const [a, b] = [id, otherId].sort();
      await tx.query(`DELETE FROM tribunal_case_link WHERE a = $1 AND b = $2`, [a, b]);
      const { row } = await this.load(tx, user, id);
      return this.view(row, true, false);
    });
  }

  async follow(user: AuthUser, id: string, following: boolean): Promise<TribunalCase> {
    await this.load(this.db.manager, user, id);
    await this.db.query(
      `INSERT INTO tribunal_follow (user_id, case_id, following) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, case_id) DO UPDATE SET following = EXCLUDED.following`,
      [user.id, id, following],
    );
    return this.get(user, id);
  }
}

/** SQL: joins each case `c` to its current (latest live) stage entry `e`, if it has one. */
export const CURRENT_ENTRY_JOIN = `JOIN LATERAL (
    SELECT * FROM tribunal_stage_entry x WHERE x.case_id = c.id AND x.voided_at IS NULL
    ORDER BY x.created_at DESC, x.id DESC LIMIT 1) e ON e.stage = c.stage`;
