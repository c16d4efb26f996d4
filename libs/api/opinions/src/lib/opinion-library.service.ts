import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DocumentOwnerKind,
  foldForSearch,
  OPINION_SIMILAR_MAX,
  OPINION_TIME_ZONE,
  OpinionAreaOfLaw,
  OpinionRequestState,
} from '@civitas/shared/domain';
import {
  badUserInput,
  conflict,
  Connection,
  decodeCursor,
  FieldProblem,
  forbidden,
  notFound,
  toConnection,
} from '@civitas/api/core';
import { OpinionAccess } from '@civitas/api/access';
import { AuditService } from '@civitas/api/audit';
import type { AuthUser } from '@civitas/api/auth';
import { renderMarkdown } from '@civitas/api/markdown';
import { PublishedOpinionsArgs, PublishOpinionInput } from './dto/opinion.inputs';
import { OpinionRequestsService, ENTITY } from './opinion-requests.service';
import { OpinionDocumentAccess } from './opinion-documents';
import { legalBasisOf, viewOf } from './opinion-rows';
import { OpinionLibraryFacets, OpinionRequest, PublishedOpinion } from './opinion.types';

/** Private-use characters around ts_headline's matches, replaced after HTML-escaping. */
const MARK_START = '\uE000';
const MARK_END = '\uE001';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** ts_headline's text with its marks as <mark>, everything else escaped. */
export function snippetHtml(headline: string): string {
  return escapeHtml(headline).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

const COLUMNS = `p.id, p.subject, p.question_html, p.summary_html, p.legal_basis, p.area_of_law,
  extract(year FROM p.released_at AT TIME ZONE '${OPINION_TIME_ZONE}')::int AS year,
  p.released_at, p.published_at, p.redacted, p.document_id, p.city_name`;

interface PublishedRow {
  id: string;
  subject: string;
  question_html: string;
  summary_html: string;
  legal_basis: { act: string; articles?: string | null }[];
  area_of_law: OpinionAreaOfLaw;
  year: number;
  released_at: Date;
  published_at: Date;
  redacted: boolean;
  document_id: string;
  city_name: string | null;
  headline?: string;
  rank?: number;
}

const toPublished = (r: PublishedRow): PublishedOpinion => ({
  id: r.id,
  subject: r.subject,
  questionHtml: r.question_html,
  summaryHtml: r.summary_html,
  legalBasis: legalBasisOf(r.legal_basis),
  areaOfLaw: r.area_of_law,
  year: r.year,
  releasedAt: r.released_at,
  publishedAt: r.published_at,
  redacted: r.redacted,
  documentId: r.document_id,
  cityName: r.redacted ? null : r.city_name,
  snippetHtml: r.headline === undefined ? null : snippetHtml(r.headline),
  rank: r.rank,
});

/**
 * The library members search: only what the office published (the original or a redacted
 * copy), never the request behind it.
 */
@Injectable()
export class OpinionLibraryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: OpinionAccess,
    private readonly audit: AuditService,
    private readonly requests: OpinionRequestsService,
    private readonly documents: OpinionDocumentAccess,
  ) {}

  /**
   * The office publishes a released opinion once: as is, or as a redacted copy (its own
   * summary and document; the original stays confidential). Publishing twice: CONFLICT.
   */
  async publish(
    user: AuthUser,
    requestId: string,
    input: PublishOpinionInput,
  ): Promise<OpinionRequest> {
    return this.db.transaction(async (tx) => {
      const { row, party } = await this.requests.load(tx, user, requestId, true);
      if (party !== 'OFFICE') throw forbidden('Only the office publishes opinions');
      if (row.state !== OpinionRequestState.RELEASED) {
        throw conflict(`The request is ${row.state}: only a released opinion can be published`);
      }
      if (row.published_opinion_id) throw conflict('This opinion is already in the library');
      if (input.redacted) {
        const missing: FieldProblem[] = [];
        if (!input.summary?.trim()) {
          missing.push({ field: 'summary', problems: ['a redacted copy needs its own summary'] });
        }
        if (!input.redactedDocumentId) {
          missing.push({
            field: 'redactedDocumentId',
            problems: ['the redacted document is required'],
          });
        }
        if (missing.length) {
          throw badUserInput(
            `A redacted copy needs ${missing.map((m) => m.field).join(' and ')}`,
            missing,
          );
        }
        await this.documents.assertOwned(
          tx,
          DocumentOwnerKind.OPINION_PUBLISHED,
          requestId,
          [input.redactedDocumentId!],
          'redactedDocumentId',
        );
      } else if (input.redactedDocumentId) {
        throw badUserInput('A redacted document goes with redacted: true', [
          { field: 'redactedDocumentId', problems: ['only for a redacted copy'] },
        ]);
      }
      const summary = renderMarkdown(input.summary?.trim() ? input.summary : row.summary_source!);
      const question = input.question?.trim()
        ? renderMarkdown(input.question)
        : { html: row.question_html, plainText: row.question_text };
      const [city]: { name: string }[] = await tx.query(
        `SELECT name FROM organisation WHERE id = $1`,
        [row.organisation_id],
      );
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO published_opinion (request_id, redacted, subject, question_html, question_text,
           summary_source, summary_html, summary_text, legal_basis, legal_acts_folded, area_of_law,
           document_id, city_name, released_at, published_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
        [
          requestId,
          input.redacted,
          input.subject?.trim() || row.subject,
          question.html,
          question.plainText,
          input.summary?.trim() ? input.summary : row.summary_source,
          summary.html,
          summary.plainText,
          JSON.stringify(row.legal_basis),
          row.legal_basis.map((e) => foldForSearch(e.act)).join('\n'),
          row.area_of_law,
          input.redacted ? input.redactedDocumentId : row.opinion_document_id,
          input.redacted ? null : city.name,
          row.released_at,
          user.id,
        ],
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'opinion_request.publish',
          entityType: ENTITY,
          entityId: requestId,
          details: { publishedOpinionId: id, redacted: input.redacted },
        },
        tx,
      );
      const reloaded = await this.requests.load(tx, user, requestId);
      return viewOf(reloaded.row, reloaded.party);
    });
  }

  private async assertReader(user: AuthUser): Promise<void> {
    if (!(await this.access.mayReadLibrary(user))) {
      throw forbidden('The opinion library is open to member cities, experts and the office');
    }
  }

  async get(user: AuthUser, id: string): Promise<PublishedOpinion> {
    await this.assertReader(user);
    const [row]: PublishedRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM published_opinion p WHERE p.id = $1`,
      [id],
    );
    if (!row) throw notFound('Published opinion');
    return toPublished(row);
  }

  /**
   * Newest first, or by relevance when searching (Polish-aware `civitas_search`), with
   * ts_headline snippets of the summary.
   */
  async search(user: AuthUser, args: PublishedOpinionsArgs): Promise<Connection<PublishedOpinion>> {
    await this.assertReader(user);
    const params: unknown[] = [];
    const where: string[] = ['TRUE'];
    const param = (v: unknown) => (params.push(v), `$${params.length}`);
    const search = args.search?.trim();
    let q = '';
    if (search) {
      q = `websearch_to_tsquery('civitas_search', ${param(search)})`;
      where.push(`p.search @@ ${q}`);
    }
    if (args.areaOfLaw) where.push(`p.area_of_law = ${param(args.areaOfLaw)}`);
    if (args.year) {
      where.push(
        `extract(year FROM p.released_at AT TIME ZONE '${OPINION_TIME_ZONE}') = ${param(args.year)}`,
      );
    }
    if (args.act?.trim()) {
      const folded = foldForSearch(args.act).replace(/[\\%_]/g, (c) => `\\${c}`);
      where.push(`p.legal_acts_folded LIKE ${param(`%${folded}%`)}`);
    }
    const filtered = where.join(' AND ');
    const countParams = [...params];
    const rank = search ? `ts_rank_cd(p.search, ${q})::float8` : '0::float8';
    let page = filtered;
    if (args.after) {
      if (search) {
        const [r, id] = decodeCursor(args.after, 2);
        page += ` AND (${rank}, p.id) < (${param(Number(r))}::float8, ${param(id)}::uuid)`;
      } else {
        const [at, id] = decodeCursor(args.after, 2);
        page += ` AND (p.published_at, p.id) < (${param(at)}::timestamptz, ${param(id)}::uuid)`;
      }
    }
    const headline = search
      ? `, search_headline(p.summary_text, ${q},
           'MaxFragments=2, MinWords=8, MaxWords=25, FragmentDelimiter=" … ", StartSel=${MARK_START}, StopSel=${MARK_END}') AS headline`
      : '';
    const order = search ? `${rank} DESC, p.id DESC` : `p.published_at DESC, p.id DESC`;
    const [rows, [{ total }]]: [PublishedRow[], { total: number }[]] = await Promise.all([
      this.db.query(
        `SELECT ${COLUMNS}, ${rank} AS rank${headline} FROM published_opinion p
         WHERE ${page} ORDER BY ${order} LIMIT ${args.first + 1}`,
        params,
      ),
      this.db.query(
        `SELECT count(*)::int AS total FROM published_opinion p WHERE ${filtered}`,
        countParams,
      ),
    ]);
    return toConnection(rows.map(toPublished), args.first, total, (p) =>
      search ? [p.rank ?? 0, p.id] : [p.publishedAt.toISOString(), p.id],
    );
  }

  async facets(user: AuthUser): Promise<OpinionLibraryFacets> {
    await this.assertReader(user);
    const [row]: {
      years: number[] | null;
      acts: string[] | null;
      areas: OpinionAreaOfLaw[] | null;
    }[] = await this.db.query(
      `SELECT
           (SELECT array_agg(DISTINCT extract(year FROM released_at AT TIME ZONE '${OPINION_TIME_ZONE}')::int
                   ORDER BY extract(year FROM released_at AT TIME ZONE '${OPINION_TIME_ZONE}')::int DESC)
            FROM published_opinion) AS years,
           (SELECT array_agg(DISTINCT e->>'act' ORDER BY e->>'act')
            FROM published_opinion, jsonb_array_elements(legal_basis) e) AS acts,
           (SELECT array_agg(DISTINCT area_of_law ORDER BY area_of_law) FROM published_opinion) AS areas`,
    );
    return { years: row.years ?? [], acts: row.acts ?? [], areasOfLaw: row.areas ?? [] };
  }

  /**
   * Published opinions close to a text (a draft's subject and question): its words of four
   * letters or more (short ones are mostly conjunctions and prepositions), any of them
   * matching, ranked by how many are shared, then by ts_rank_cd.
   */
  async similar(text: string, limit = OPINION_SIMILAR_MAX): Promise<PublishedOpinion[]> {
    if (!text.trim()) return [];
    const rows: PublishedRow[] = await this.db.query(
      `WITH words AS (
         SELECT ARRAY(SELECT DISTINCT lexeme FROM unnest(to_tsvector('civitas_search', $1))
                      WHERE length(lexeme) >= 4) AS lexemes
       ), q AS (
         SELECT lexemes,
                array_to_string(ARRAY(SELECT quote_literal(l) FROM unnest(lexemes) l), ' | ')::tsquery AS tsq
         FROM words WHERE cardinality(lexemes) > 0
       )
       SELECT ${COLUMNS},
              cardinality(ARRAY(SELECT unnest(tsvector_to_array(p.search))
                                INTERSECT SELECT unnest(q.lexemes))) AS shared,
              ts_rank_cd(p.search, q.tsq)::float8 AS rank
       FROM published_opinion p, q
       WHERE p.search @@ q.tsq
       ORDER BY shared DESC, rank DESC, p.id
       LIMIT $2`,
      [text, limit * 3],
    );
    // Two shared words at least: one common word ("gmina", "ustawa") is no likeness.
    return rows
      .filter((r) => Number((r as PublishedRow & { shared: number }).shared) >= 2)
      .slice(0, limit)
      .map(toPublished);
  }
}
