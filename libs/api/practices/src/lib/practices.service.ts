import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PRACTICE_TRANSITIONS, PracticeStatus, Role } from '@civitas/shared/domain';
import {
  APP_CONFIG,
  badUserInput,
  conflict,
  Connection,
  decodeCursor,
  FieldProblem,
  forbidden,
  notFound,
  PageArgs,
  toConnection,
} from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { composeMail, MailQueue } from '@civitas/api/mail';
import {
  CityPracticesArgs,
  MyPracticesArgs,
  PracticeDraftInput,
  PublishPracticeInput,
  ReviewQueueArgs,
} from './dto/practice.inputs';
import { GoodPractice } from './practice.types';
import { mayEdit, maySee, PRACTICE_COLUMNS, PracticeRow, toPractice } from './practice-rows';

/** Draft fields and their columns; `partnerCityIds` lives in its own table. */
const SCALAR_FIELDS: readonly [keyof PracticeDraftInput, string, string?][] = [
  ['title', 'title'],
  ['areaCode', 'area_code'],
  ['tags', 'tags', 'text[]'],
  ['problem', 'problem'],
  ['goals', 'goals'],
  ['actions', 'actions'],
  ['results', 'results'],
  ['innovation', 'innovation'],
  ['transferability', 'transferability'],
  ['lessonsLearned', 'lessons_learned'],
  ['costGrosze', 'cost_grosze', 'bigint'],
  ['funding', 'funding', 'jsonb'],
  ['periodStart', 'period_start', 'date'],
  ['periodEnd', 'period_end', 'date'],
  ['contactPersonId', 'contact_person_id', 'uuid'],
  ['links', 'links', 'jsonb'],
  ['verificationSource', 'verification_source'],
  ['verificationNote', 'verification_note'],
  ['verifiedOn', 'verified_on', 'date'],
];
/** Text columns that are NOT NULL with '' for "nothing yet". */
const EMPTY_TEXT = new Set([
  'title',
  'problem',
  'goals',
  'actions',
  'results',
  'innovation',
  'transferability',
  'lessons_learned',
]);
const EMPTY_JSON = new Set(['funding', 'links']);

export type Transition = 'submit' | 'startReview' | 'requestChanges' | 'publish' | 'archive';
const TARGET: Record<Transition, PracticeStatus> = {
  submit: PracticeStatus.SUBMITTED,
  startReview: PracticeStatus.IN_REVIEW,
  requestChanges: PracticeStatus.DRAFT,
  publish: PracticeStatus.PUBLISHED,
  archive: PracticeStatus.ARCHIVED,
};

@Injectable()
export class PracticesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mail: MailQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A practice the caller may see, else NOT_FOUND. */
  async get(user: AuthUser, id: string, manager: EntityManager = this.db.manager) {
    const [row]: PracticeRow[] = await manager.query(
      `SELECT ${PRACTICE_COLUMNS} FROM good_practice p WHERE p.id = $1`,
      [id],
    );
    const practice = row ? toPractice(row) : null;
    if (!practice || !maySee(user, practice)) throw notFound('Good practice');
    return practice;
  }

  /** Locks the row for a change; NOT_FOUND when hidden from the caller. */
  private async lock(tx: EntityManager, user: AuthUser, id: string): Promise<GoodPractice> {
    const [row]: PracticeRow[] = await tx.query(
      `SELECT ${PRACTICE_COLUMNS} FROM good_practice p WHERE p.id = $1 FOR UPDATE`,
      [id],
    );
    const practice = row ? toPractice(row) : null;
    if (!practice || !maySee(user, practice)) throw notFound('Good practice');
    return practice;
  }

  async createDraft(user: AuthUser, input: PracticeDraftInput): Promise<GoodPractice> {
    const id = await this.db.transaction(async (tx) => {
      const [org]: { ok: boolean }[] = await tx.query(
        `SELECT (membership_status = 'MEMBER' OR kind = 'ASSOCIATION_OFFICE') AS ok
         FROM organisation WHERE id = $1`,
        [user.organisationId],
      );
      if (!org?.ok) throw forbidden('Only people of member cities describe good practices');
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO good_practice (organisation_id, author_id, contact_person_id)
         VALUES ($1, $2, $2) RETURNING id`,
        [user.organisationId, user.id],
      );
      await tx.query(
        `INSERT INTO good_practice_event (practice_id, to_status, actor_id) VALUES ($1, 'DRAFT', $2)`,
        [id, user.id],
      );
      await this.applyDraft(tx, id, user.organisationId, input);
      return id;
    });
    return this.get(user, id);
  }

  /** Autosave: only the fields sent change; `null` clears one. Drafts only (else CONFLICT). */
  async updateDraft(user: AuthUser, id: string, input: PracticeDraftInput): Promise<GoodPractice> {
    await this.db.transaction(async (tx) => {
      const practice = await this.lock(tx, user, id);
      if (!mayEdit(user, practice)) {
        throw forbidden('Only the author and their city admin edit a draft');
      }
      if (practice.status !== PracticeStatus.DRAFT) {
        throw conflict(`The practice is ${practice.status}: only drafts are edited`);
      }
      await this.applyDraft(tx, id, practice.organisationId, input);
    });
    return this.get(user, id);
  }

  private async applyDraft(
    tx: EntityManager,
    id: string,
    organisationId: string,
    input: PracticeDraftInput,
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    if (input.areaCode) {
      const [area] = await tx.query(`SELECT active FROM practice_area WHERE code = $1`, [
        input.areaCode,
      ]);
      if (!area?.active)
        problems.push({ field: 'areaCode', problems: ['not an area on the list'] });
    }
    if (input.contactPersonId) {
      const [person] = await tx.query(
        `SELECT 1 FROM app_user WHERE id = $1 AND organisation_id = $2 AND deactivated_at IS NULL`,
        [input.contactPersonId, organisationId],
      );
      if (!person) {
        problems.push({
          field: 'contactPersonId',
          problems: ['must be an active person of the implementing city'],
        });
      }
    }
    if (input.partnerCityIds?.length) {
      const [{ n }] = await tx.query(
        `SELECT count(*)::int AS n FROM organisation
         WHERE id = ANY($1::uuid[]) AND kind <> 'ASSOCIATION_OFFICE' AND id <> $2`,
        [input.partnerCityIds, organisationId],
      );
      if (n !== input.partnerCityIds.length) {
        problems.push({
          field: 'partnerCityIds',
          problems: ['must be towns other than the implementing city'],
        });
      }
    }
    if (problems.length) throw badUserInput('Some fields are not valid', problems);

    const sets: string[] = [];
    const values: unknown[] = [id];
    for (const [field, column, type] of SCALAR_FIELDS) {
      if (!(field in input) || input[field] === undefined) continue;
      let value = input[field] as unknown;
      if (value === null && EMPTY_TEXT.has(column)) value = '';
      if (value === null && EMPTY_JSON.has(column)) value = [];
      if (value === null && column === 'tags') value = [];
      if (column === 'tags' && Array.isArray(value)) {
        value = [...new Set((value as string[]).map((t) => t.trim()).filter(Boolean))];
      }
      if (type === 'jsonb') value = JSON.stringify(value);
      values.push(value);
      sets.push(`${column} = $${values.length}${type ? `::${type}` : ''}`);
    }
    if (input.partnerCityIds !== undefined) {
      await tx.query(`DELETE FROM good_practice_partner WHERE practice_id = $1`, [id]);
      if (input.partnerCityIds?.length) {
        await tx.query(
          `INSERT INTO good_practice_partner (practice_id, organisation_id)
           SELECT $1, unnest($2::uuid[])`,
          [id, input.partnerCityIds],
        );
      }
    }
    // Always touch the row: the trigger re-reads partners into the search vector.
    try {
      await tx.query(
        `UPDATE good_practice SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`,
        values,
      );
    } catch (e) {
      if ((e as { code?: string }).code === '23514') {
        throw badUserInput('The period ends before it starts', [
          { field: 'periodEnd', problems: ['must not be before periodStart'] },
        ]);
      }
      throw e;
    }
  }

  /**
   * One move along the workflow. The row is locked and the update is conditional on the
   * state read, so two office admins publishing at once: one wins, the other gets CONFLICT.
   */
  async transition(
    user: AuthUser,
    id: string,
    move: Transition,
    extra: { comment?: string | null; publish?: PublishPracticeInput } = {},
  ): Promise<GoodPractice> {
    const office = user.role === Role.OFFICE_ADMIN;
    const to = TARGET[move];
    const mailTo = await this.db.transaction(async (tx) => {
      const practice = await this.lock(tx, user, id);
      if (move === 'submit' ? !mayEdit(user, practice) : !office) {
        throw forbidden(
          move === 'submit'
            ? 'Only the author and their city admin submit a practice'
            : 'Only the office reviews practices',
        );
      }
      const from = practice.status;
      if (
        !PRACTICE_TRANSITIONS[from].includes(to) ||
        (move === 'submit') !== (to === PracticeStatus.SUBMITTED)
      ) {
        throw conflict(`A ${from} practice cannot go to ${to}`);
      }
      const sets = ['status = $2', 'updated_at = now()'];
      const values: unknown[] = [id, to, from];
      if (move === 'submit') {
        this.checkComplete(practice);
        sets.push('submitted_at = now()');
      }
      if (move === 'requestChanges') {
        values.push(extra.comment);
        sets.push(`review_comment = $${values.length}`);
      }
      if (move === 'publish') {
        const p = extra.publish ?? {};
        const source = p.verificationSource ?? practice.verificationSource;
        if (!source) {
          throw badUserInput('Say how the practice was verified', [
            { field: 'verificationSource', problems: ['is required to publish'] },
          ]);
        }
        values.push(source, p.verificationNote ?? practice.verificationNote, p.verifiedOn ?? null);
        const n = values.length;
        sets.push(
          `verification_source = $${n - 2}`,
          `verification_note = $${n - 1}`,
          `verified_on = coalesce($${n}::date, verified_on, current_date)`,
          'published_at = now()',
          'review_comment = NULL',
        );
      }
      // UPDATE answers [rows, count] through TypeORM.
      const [updated]: [{ id: string }[], number] = await tx.query(
        `UPDATE good_practice SET ${sets.join(', ')} WHERE id = $1 AND status = $3 RETURNING id`,
        values,
      );
      if (!updated.length) throw conflict('The practice changed meanwhile');
      const comment = extra.comment ?? extra.publish?.comment ?? null;
      await tx.query(
        `INSERT INTO good_practice_event (practice_id, from_status, to_status, actor_id, comment)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, from, to, user.id, comment],
      );
      if (move === 'publish') {
        // The vocabulary "did you mean" searches: lexemes of published practices.
        await tx.query(
          `INSERT INTO practice_word (word)
           SELECT DISTINCT w FROM good_practice, unnest(tsvector_to_array(search)) w
           WHERE id = $1 AND w ~ '^[[:alpha:]]{3,30}$'
           ON CONFLICT DO NOTHING`,
          [id],
        );
      }
      if (move === 'requestChanges' || move === 'publish') return practice.authorId;
      return null;
    });
    if (mailTo) await this.mailAuthor(mailTo, id, move, extra.comment ?? null);
    return this.get(user, id);
  }

  /** What a submission needs; BAD_USER_INPUT lists every missing field. */
  private checkComplete(p: GoodPractice): void {
    const missing: FieldProblem[] = [];
    const need = (ok: boolean, field: string, problem = 'is required to submit') => {
      if (!ok) missing.push({ field, problems: [problem] });
    };
    need(p.title.trim().length >= 5, 'title', 'needs at least 5 characters');
    need(!!p.areaCode, 'areaCode');
    need(!!p.problem.trim(), 'problem');
    need(!!p.goals.trim(), 'goals');
    need(!!p.actions.trim(), 'actions');
    need(!!p.results.trim(), 'results');
    need(!!p.periodStart, 'periodStart');
    need(!!p.contactPersonId, 'contactPersonId');
    if (missing.length) throw badUserInput('The practice is not complete yet', missing);
  }

  private async mailAuthor(
    authorId: string,
    id: string,
    move: Transition,
    comment: string | null,
  ): Promise<void> {
    const [author]: { email: string; name: string }[] = await this.db.query(
      `SELECT email, name FROM app_user WHERE id = $1 AND deactivated_at IS NULL`,
      [authorId],
    );
    const [{ title }] = await this.db.query(`SELECT title FROM good_practice WHERE id = $1`, [id]);
    if (!author) return;
    const url = `${this.config.appUrl}/practices/${id}`;
    const changes = move === 'requestChanges';
    await this.mail.enqueue(
      composeMail(author.email, {
        subject: changes
          ? `Civitas: prośba o zmiany w praktyce / changes requested: ${title}`
          : `Civitas: praktyka opublikowana / practice published: ${title}`,
        paragraphs: changes
          ? [
              `Dzień dobry, ${author.name}. Biuro prosi o zmiany w opisie praktyki „${title}”: ${comment}`,
              `Hello ${author.name}. The office asks for changes to "${title}": ${comment}`,
            ]
          : [
              `Dzień dobry, ${author.name}. Praktyka „${title}” jest opublikowana w Bazie Dobrych Praktyk.`,
              `Hello ${author.name}. "${title}" is published in the good-practice database.`,
            ],
        action: { label: 'Otwórz praktykę / Open the practice', url },
      }),
    );
  }

  async history(practiceIds: readonly string[]) {
    const rows: {
      id: string;
      practice_id: string;
      from_status: PracticeStatus | null;
      to_status: PracticeStatus;
      comment: string | null;
      actor_id: string | null;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT id, practice_id, from_status, to_status, comment, actor_id, created_at
       FROM good_practice_event WHERE practice_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [practiceIds],
    );
    return rows;
  }

  private async page(
    where: string,
    params: unknown[],
    args: PageArgs,
    order: 'updated' | 'submitted' | 'published',
  ): Promise<Connection<GoodPractice>> {
    const column = { updated: 'updated_at', submitted: 'submitted_at', published: 'published_at' }[
      order
    ];
    const dir = order === 'submitted' ? 'ASC' : 'DESC';
    const values = [...params];
    let keyset = '';
    if (args.after) {
      const [at, id] = decodeCursor(args.after, 2);
      values.push(at, id);
      keyset = ` AND (p.${column}, p.id) ${dir === 'DESC' ? '<' : '>'} ($${values.length - 1}::timestamptz, $${values.length}::uuid)`;
    }
    values.push(args.first + 1);
    const [rows, [{ total }]]: [(PracticeRow & { key: string })[], { total: number }[]] =
      await Promise.all([
        this.db.query(
          `SELECT ${PRACTICE_COLUMNS}, p.${column}::text AS key FROM good_practice p
           WHERE ${where}${keyset} ORDER BY p.${column} ${dir}, p.id ${dir} LIMIT $${values.length}`,
          values,
        ),
        this.db.query(`SELECT count(*)::int AS total FROM good_practice p WHERE ${where}`, params),
      ]);
    return toConnection(
      rows.map((r) => ({ ...toPractice(r), key: r.key })),
      args.first,
      total,
      (p) => [p.key, p.id],
    );
  }

  /** The caller's own practices (as author), any state, last edited first. */
  myPractices(user: AuthUser, args: MyPracticesArgs): Promise<Connection<GoodPractice>> {
    const statuses = args.status?.length ? args.status : Object.values(PracticeStatus);
    return this.page(
      `p.author_id = $1 AND p.status = ANY($2::text[])`,
      [user.id, statuses],
      args,
      'updated',
    );
  }

  /** The office's queue: submitted and in-review practices, oldest submission first. */
  reviewQueue(args: ReviewQueueArgs): Promise<Connection<GoodPractice>> {
    const statuses = args.status?.length
      ? args.status
      : [PracticeStatus.SUBMITTED, PracticeStatus.IN_REVIEW];
    return this.page(`p.status = ANY($1::text[])`, [statuses], args, 'submitted');
  }

  /** Published practices of a city (optionally also where it is a partner), newest first. */
  cityPractices(args: CityPracticesArgs): Promise<Connection<GoodPractice>> {
    const partner = args.includePartnered
      ? ` OR EXISTS (SELECT 1 FROM good_practice_partner gp WHERE gp.practice_id = p.id AND gp.organisation_id = $1)`
      : '';
    return this.page(
      `p.status = 'PUBLISHED' AND (p.organisation_id = $1${partner})`,
      [args.organisationId],
      args,
      'published',
    );
  }

  /** The caller's bookmarks that are still readable (published or archived), newest first. */
  async bookmarks(user: AuthUser, args: PageArgs): Promise<Connection<GoodPractice>> {
    const values: unknown[] = [user.id];
    let keyset = '';
    if (args.after) {
      const [at, id] = decodeCursor(args.after, 2);
      values.push(at, id);
      keyset = ` AND (b.created_at, p.id) < ($2::timestamptz, $3::uuid)`;
    }
    values.push(args.first + 1);
    const where = `b.user_id = $1 AND p.status IN ('PUBLISHED', 'ARCHIVED')`;
    const [rows, [{ total }]]: [(PracticeRow & { key: string })[], { total: number }[]] =
      await Promise.all([
        this.db.query(
          `SELECT ${PRACTICE_COLUMNS}, b.created_at::text AS key
           FROM practice_bookmark b JOIN good_practice p ON p.id = b.practice_id
           WHERE ${where}${keyset} ORDER BY b.created_at DESC, p.id DESC LIMIT $${values.length}`,
          values,
        ),
        this.db.query(
          `SELECT count(*)::int AS total FROM practice_bookmark b
           JOIN good_practice p ON p.id = b.practice_id WHERE ${where}`,
          [user.id],
        ),
      ]);
    return toConnection(
      rows.map((r) => ({ ...toPractice(r), key: r.key })),
      args.first,
      total,
      (p) => [p.key, p.id],
    );
  }

  async bookmark(user: AuthUser, id: string, on: boolean): Promise<GoodPractice> {
    const practice = await this.get(user, id);
    if (on) {
      if (practice.status !== PracticeStatus.PUBLISHED) {
        throw conflict('Only published practices are bookmarked');
      }
      await this.db.query(
        `INSERT INTO practice_bookmark (user_id, practice_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [user.id, id],
      );
    } else {
      await this.db.query(`DELETE FROM practice_bookmark WHERE user_id = $1 AND practice_id = $2`, [
        user.id,
        id,
      ]);
    }
    return practice;
  }

  /**
   * "We want to adopt this": once per city (a second time from the same city: CONFLICT);
   * the contact person gets a mail with the message and who to answer.
   */
  async expressInterest(user: AuthUser, id: string, message: string | null): Promise<GoodPractice> {
    const contact = await this.db.transaction(async (tx) => {
      const practice = await this.lock(tx, user, id);
      if (practice.status !== PracticeStatus.PUBLISHED) {
        throw conflict('Interest is shown in published practices only');
      }
      if (practice.organisationId === user.organisationId) {
        throw conflict('This is your own city’s practice');
      }
      const inserted = await tx.query(
        `INSERT INTO practice_interest (practice_id, organisation_id, user_id, message)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING practice_id`,
        [id, user.organisationId, user.id, message],
      );
      if (!inserted.length) throw conflict('Your city has already said it wants to adopt this');
      await tx.query(`UPDATE good_practice SET interest_count = interest_count + 1 WHERE id = $1`, [
        id,
      ]);
      const [row]: {
        contact_email: string | null;
        contact_name: string | null;
        me: string;
        my_email: string;
        city: string;
      }[] = await tx.query(
        `SELECT c.email AS contact_email, c.name AS contact_name, me.name AS me,
             me.email AS my_email, o.name AS city
           FROM app_user me JOIN organisation o ON o.id = me.organisation_id
           LEFT JOIN app_user c ON c.id = $2 AND c.deactivated_at IS NULL
           WHERE me.id = $1`,
        [user.id, practice.contactPersonId],
      );
      return { ...row, title: practice.title };
    });
    if (contact.contact_email) {
      const url = `${this.config.appUrl}/practices/${id}`;
      const note = message ? ` Wiadomość / Message: „${message}”` : '';
      await this.mail.enqueue(
        composeMail(contact.contact_email, {
          subject: `Civitas: ${contact.city} chce wdrożyć Państwa praktykę / wants to adopt your practice`,
          paragraphs: [
            `Dzień dobry, ${contact.contact_name}. ${contact.me} (${contact.city}, ${contact.my_email}) pisze, że ich miasto chce wdrożyć praktykę „${contact.title}”.${note}`,
            `Hello ${contact.contact_name}. ${contact.me} (${contact.city}, ${contact.my_email}) says their city wants to adopt "${contact.title}".`,
          ],
          action: { label: 'Otwórz praktykę / Open the practice', url },
        }),
      );
    }
    return this.get(user, id);
  }
}
