import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { foldForSearch, PositionStatementType } from '@civitas/shared/domain';
import { badUserInput } from '@civitas/api/core';
import { PositionSearchArgs } from './dto/positions.inputs';
import { PositionFacetValue, PositionSearchResult } from './positions.types';
import { STATEMENT_JSON, StatementRow, toStatement } from './position-rows';

/** A search reduced to what decides its results: the same search has the same `hash`. */
export interface NormalisedPositionSearch {
  text: string;
  types: string[];
  years: number[];
  hash: string;
}

const sortedUnique = <T extends string | number>(values: readonly T[] | null | undefined): T[] =>
  [...new Set(values ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Control characters (NUL included) are spaces, runs of spaces one. */
export function normalisePositionSearch(args: PositionSearchArgs): NormalisedPositionSearch {
  const text = Array.from(args.query ?? '', (c) => (c <= '\u001f' || c === '\u007f' ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  const types = sortedUnique(args.filter?.types);
  const years = sortedUnique(args.filter?.years);
  const hash = createHash('sha256')
    .update(JSON.stringify({ text: foldForSearch(text), types, years }))
    .digest('base64url')
    .slice(0, 12);
  return { text, types, years, hash };
}

export function encodePositionCursor(hash: string, key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([hash, key, id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Cursors carry the search's hash: a cursor of another search answers BAD_USER_INPUT. */
export function decodePositionCursor(
  cursor: string,
  search: NormalisedPositionSearch,
): { key: string; id: string } {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // answered below
  }
  const bad = (problem: string) =>
    badUserInput('The cursor does not belong to this search; start again from the first page', [
      { field: 'after', problems: [problem] },
    ]);
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    !(typeof parsed[1] === 'string' || typeof parsed[1] === 'number') ||
    typeof parsed[2] !== 'string' ||
    !UUID.test(parsed[2])
  ) {
    throw bad('not a cursor this search gave out');
  }
  if (parsed[0] !== search.hash) throw bad('a cursor of another search');
  const key = String(parsed[1]);
  const valid = search.text
    ? /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(key) && Number.isFinite(Number(key))
    : /^\d{4}-\d{2}-\d{2}$/.test(key);
  if (!valid) throw bad('not a cursor this search gave out');
  return { key, id: parsed[2] };
}

/** HTML-escaped before ts_headline, so the only markup in a highlight is its <mark>. */
const escaped = (column: string) =>
  `replace(replace(replace(${column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;

/** Written out where used, so the planner sees a constant and uses the GIN index. */
const QUERY = `websearch_to_tsquery('civitas_search', $1)`;

/**
 * The library search in one statement: the page with highlights, the total and the facet
 * counts (each facet counted with the other facet's filter only, so ticking a second type
 * adds to the results), over the rows matching the words, found once.
 */
export function positionSearchStatement(search: NormalisedPositionSearch): string {
  const text = search.text !== '';
  const order = text ? 'rank DESC, id DESC' : 'adopted_on DESC, id DESC';
  const keyset = text
    ? `(rank, id) < ($4::real, $5::uuid)`
    : `(adopted_on, id) < ($4::date, $5::uuid)`;
  return `
  WITH params AS (
    SELECT CASE WHEN $1 = '' THEN NULL ELSE ${QUERY} END AS q
  ),
  base AS MATERIALIZED (
    SELECT p.id, p.type, p.year, p.adopted_on,
      (cardinality($2::text[]) = 0 OR p.type = ANY($2::text[])) AS ft,
      (cardinality($3::int[]) = 0 OR p.year = ANY($3::int[])) AS fy,
      ${text ? `ts_rank_cd(p.search, ${QUERY})::real` : '0::real'} AS rank
    FROM position_statement p
    ${text ? `WHERE p.search @@ ${QUERY}` : ''}
  ),
  page AS (
    SELECT id, rank, adopted_on FROM base
    WHERE ft AND fy AND ($5::uuid IS NULL OR ${keyset})
    ORDER BY ${order} LIMIT $6
  ),
  facets AS (
    SELECT
      CASE WHEN GROUPING(type) = 0 THEN 't' WHEN GROUPING(year) = 0 THEN 'y' ELSE 'n' END AS facet,
      coalesce(type, year::text) AS value,
      CASE WHEN GROUPING(type) = 0 THEN count(*) FILTER (WHERE fy)
           WHEN GROUPING(year) = 0 THEN count(*) FILTER (WHERE ft)
           ELSE count(*) FILTER (WHERE ft AND fy) END::int AS count
    FROM base GROUP BY GROUPING SETS ((type), (year), ())
  )
  SELECT
    (SELECT numnode(q) > 0 FROM params) AS has_words,
    (SELECT coalesce(json_agg(${STATEMENT_JSON}::jsonb || jsonb_build_object(
        'sort_key', ${text ? 'pg.rank' : 'pg.adopted_on::text'},
        'hl_title', CASE WHEN params.q IS NOT NULL THEN search_headline(
          ${escaped('p.title')}, params.q,
          'HighlightAll=true, StartSel=<mark>, StopSel=</mark>') END,
        'hl_snippet', CASE WHEN params.q IS NOT NULL THEN search_headline(
          ${escaped(`left(concat_ws(' — ', p.act_title, p.act_reference, p.summary_text), 1200)`)},
          params.q, 'MaxFragments=2, MaxWords=25, MinWords=10, StartSel=<mark>, StopSel=</mark>, FragmentDelimiter=" … "') END
      ) ORDER BY ${text ? 'pg.rank DESC, pg.id DESC' : 'pg.adopted_on DESC, pg.id DESC'}), '[]'::json)
     FROM page pg CROSS JOIN params JOIN position_statement p ON p.id = pg.id) AS rows,
    (SELECT coalesce(json_agg(facets), '[]'::json) FROM facets WHERE value IS NOT NULL OR facet = 'n') AS facets`;
}

interface SearchRow {
  has_words: boolean | null;
  rows: (StatementRow & {
    sort_key: string | number;
    hl_title: string | null;
    hl_snippet: string | null;
  })[];
  facets: { facet: 't' | 'y' | 'n'; value: string | null; count: number }[];
}

@Injectable()
export class PositionSearchService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(args: PositionSearchArgs): Promise<PositionSearchResult> {
    const search = normalisePositionSearch(args);
    const cursor = args.after ? decodePositionCursor(args.after, search) : null;
    const [row]: SearchRow[] = await this.db
      .query(positionSearchStatement(search), [
        search.text,
        search.types,
        search.years,
        cursor?.key ?? null,
        cursor?.id ?? null,
        args.first + 1,
      ])
      .catch((e: { code?: string }) => {
        // A forged cursor with this search's hash but a value PostgreSQL refuses.
        if (cursor && ['22P02', '22007', '22008', '22003'].includes(e.code ?? '')) {
          throw badUserInput('The cursor is not valid; start again from the first page', [
            { field: 'after', problems: ['not a cursor this search gave out'] },
          ]);
        }
        throw e;
      });
    if (search.text && !row.has_words) {
      throw badUserInput('The search has no words in it: type what you are looking for', [
        { field: 'query', problems: ['no words to search for'] },
      ]);
    }
    const edges = row.rows.slice(0, args.first).map((r) => ({
      node: toStatement(r),
      cursor: encodePositionCursor(search.hash, r.sort_key, r.id),
      highlight: r.hl_title === null ? null : { title: r.hl_title, snippet: r.hl_snippet ?? '' },
    }));
    const facet = (
      key: 't' | 'y',
      selected: readonly (string | number)[],
    ): PositionFacetValue[] => {
      const chosen = new Set(selected.map(String));
      const values = row.facets
        .filter((f) => f.facet === key && f.value !== null && (f.count > 0 || chosen.has(f.value)))
        .map((f) => ({ value: f.value!, count: f.count, selected: chosen.has(f.value!) }));
      for (const value of chosen) {
        if (!values.some((v) => v.value === value))
          values.push({ value, count: 0, selected: true });
      }
      return values;
    };
    const typeOrder = Object.values(PositionStatementType) as string[];
    return {
      edges,
      totalCount: row.facets.find((f) => f.facet === 'n')?.count ?? 0,
      pageInfo: {
        hasNextPage: row.rows.length > args.first,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      facets: {
        types: facet('t', search.types).sort(
          (a, b) => typeOrder.indexOf(a.value) - typeOrder.indexOf(b.value),
        ),
        years: facet('y', search.years).sort((a, b) => Number(b.value) - Number(a.value)),
      },
    };
  }
}
