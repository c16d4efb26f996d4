import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  foldForSearch,
  PracticeCitySize,
  PracticeSort,
  PracticeVerificationSource,
} from '@civitas/shared/domain';
import { badUserInput, FieldProblem } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { PracticeSearchArgs } from './dto/practice-search.args';
import {
  GoodPractice,
  PracticeFacets,
  PracticeFacetValue,
  PracticeSearchEdge,
  PracticeSearchResult,
} from './practice.types';
import {
  AreaRow,
  CityRow,
  PRACTICE_COLUMNS,
  PRACTICE_JSON,
  PracticeRow,
  toArea,
  toCity,
  toPractice,
} from './practice-rows';

export const SIZE_LABELS: Record<PracticeCitySize, string> = {
  [PracticeCitySize.CITY_WITH_POWIAT_RIGHTS]: 'Miasto na prawach powiatu',
  [PracticeCitySize.URBAN_GMINA]: 'Gmina miejska',
  [PracticeCitySize.TOWN_IN_URBAN_RURAL_GMINA]: 'Miasto w gminie miejsko-wiejskiej',
};

export const VERIFICATION_LABELS: Record<PracticeVerificationSource, string> = {
  [PracticeVerificationSource.COMPETITION]: 'Konkurs',
  [PracticeVerificationSource.WORKING_GROUP]: 'Grupa wymiany doświadczeń',
  [PracticeVerificationSource.OFFICE]: 'Biuro Związku',
  [PracticeVerificationSource.CITY_RECOMMENDATION]: 'Rekomendacja innego miasta',
};

/** A search reduced to what decides its results: the same search has the same `hash`. */
export interface NormalisedSearch {
  text: string;
  areas: string[];
  voivodeships: string[];
  sizeClasses: string[];
  years: number[];
  verificationSources: string[];
  sort: PracticeSort;
  hash: string;
}

const sortedUnique = <T extends string | number>(values: readonly T[] | null | undefined): T[] =>
  [...new Set(values ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Control characters (NUL included) are spaces; runs of spaces one; RELEVANCE needs words. */
export function normaliseSearch(args: PracticeSearchArgs): NormalisedSearch {
  const text = Array.from(args.query ?? '', (c) => (c <= '\u001f' || c === '\u007f' ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  const f = args.filter ?? {};
  const search = {
    text,
    areas: sortedUnique(f.areas),
    voivodeships: sortedUnique(f.voivodeships),
    sizeClasses: sortedUnique(f.sizeClasses),
    years: sortedUnique(f.years),
    verificationSources: sortedUnique(f.verificationSources),
    sort: text ? args.sort : PracticeSort.NEWEST,
  };
  const hash = createHash('sha256')
    .update(JSON.stringify({ ...search, text: foldForSearch(text) }))
    .digest('base64url')
    .slice(0, 12);
  return { ...search, hash };
}

/** Cursors carry the search's hash: a cursor from another search answers BAD_USER_INPUT. */
export function encodeSearchCursor(hash: string, key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([hash, key, id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeSearchCursor(
  cursor: string,
  search: NormalisedSearch,
): { key: string; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
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
  const valid =
    search.sort === PracticeSort.RELEVANCE
      ? /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(key) && Number.isFinite(Number(key))
      : /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(key);
  if (!valid) throw bad('not a cursor this search gave out');
  return { key, id: parsed[2] };
}

/**
 * Replaces each unknown word of the query by the closest word of the vocabulary; null when
 * every word is known.
 */
export function didYouMean(text: string, suggestions: { typed: string; better: string }[]) {
  if (!suggestions.length) return null;
  const better = new Map(suggestions.map((s) => [s.typed, s.better]));
  let changed = false;
  const out = text.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const replacement = better.get(foldForSearch(word));
    if (!replacement) return word;
    changed = true;
    return replacement;
  });
  return changed ? out : null;
}

interface FacetRow {
  /** Area, województwo, size, year, verification source; `t`: the total. */
  facet: 'a' | 'v' | 's' | 'y' | 'r' | 't';
  value: string | null;
  count: number;
}

interface SearchRow {
  has_words: boolean;
  rows: (PracticeRow & {
    rank: number;
    sort_key: string | number;
    hl_title: string | null;
    hl_snippet: string | null;
    city: CityRow;
    area: AreaRow | null;
  })[];
  facets: FacetRow[] | null;
  suggestions: { typed: string; better: string }[] | null;
  unknown_areas: string[] | null;
  unknown_voivodeships: string[] | null;
  area_names: Record<string, string>;
  voivodeship_names: Record<string, string>;
}

/** HTML-escape before ts_headline, so the only markup in a highlight is its <mark>. */
const escaped = (column: string) =>
  `replace(replace(replace(${column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;

/** How many matches of a broad query get the full ranking (see `searchStatement`). */
const RANKED_NEWEST = 1000;
const RANKED_TITLE = 500;

/** Written out where it is used, so the planner sees a constant and uses the GIN index. */
const QUERY = `websearch_to_tsquery('civitas_search', $1)`;

/**
 * The search in one statement: results, total, facet counts, "did you mean" and the check of
 * the facet values, all in one round trip to PostgreSQL (the README says why).
 */
export function searchStatement(search: NormalisedSearch): string {
  const { sort } = search;
  const text = search.text !== '';
  // Only the filters in use are written out (the others' parameters are typed in `params`):
  // PostgreSQL then spends nothing per row on the rest, and uses the facet indexes.
  const filters = [
    search.areas.length ? `p.area_code = ANY($2::text[])` : null,
    search.voivodeships.length ? `p.voivodeship_code = ANY($3::text[])` : null,
    search.sizeClasses.length ? `p.size_class = ANY($4::text[])` : null,
    search.years.length ? `p.year = ANY($5::int[])` : null,
    search.verificationSources.length ? `p.verification_source = ANY($6::text[])` : null,
  ];
  const used = [0, 1, 2, 3, 4].filter((i) => filters[i] !== null);
  const filtered = used.length > 0;
  const all = (except?: number) =>
    used
      .filter((i) => i !== except)
      .map((i) => `f${i}`)
      .join(' AND ') || 'true';
  // Rows failing at most one filter (each facet counts what ticking its values would give),
  // spelled as "all but the first, or all but the second, …" so that indexes serve it.
  const atMostOneFails =
    used.length < 2
      ? 'true'
      : used
          .map((except) =>
            used
              .filter((i) => i !== except)
              .map((i) => filters[i])
              .join(' AND '),
          )
          .map((term) => `(${term})`)
          .join(' OR ');
  const relevance = sort === PracticeSort.RELEVANCE;
  const order = relevance ? 'h.rank DESC, h.id DESC' : 'h.published_at DESC, h.id DESC';
  const keyset = relevance
    ? `(h.rank, h.id) < ($7::real, $8::uuid)`
    : `(h.published_at, h.id) < ($7::timestamptz, $8::uuid)`;
  // Disjunctive facets in one pass over the matches that fail at most one filter.
  const countedFacets = `
    SELECT
      CASE WHEN GROUPING(area_code) = 0 THEN 'a' WHEN GROUPING(voivodeship_code) = 0 THEN 'v'
           WHEN GROUPING(size_class) = 0 THEN 's' WHEN GROUPING(year) = 0 THEN 'y'
           WHEN GROUPING(verification_source) = 0 THEN 'r' ELSE 't' END
        AS facet,
      coalesce(area_code, voivodeship_code, size_class, year::text, verification_source) AS value,
      CASE WHEN GROUPING(area_code) = 0 THEN count(*) FILTER (WHERE ${all(0)})
           WHEN GROUPING(voivodeship_code) = 0 THEN count(*) FILTER (WHERE ${all(1)})
           WHEN GROUPING(size_class) = 0 THEN count(*) FILTER (WHERE ${all(2)})
           WHEN GROUPING(year) = 0 THEN count(*) FILTER (WHERE ${all(3)})
           WHEN GROUPING(verification_source) = 0 THEN count(*) FILTER (WHERE ${all(4)})
           ELSE count(*) FILTER (WHERE ${all()}) END::int AS count
    FROM base
    -- (): the total, counted in the same pass.
    GROUP BY GROUPING SETS ((area_code), (voivodeship_code), (size_class), (year),
      (verification_source), ())
`;
  // Browsing everything: the counts kept as practices are published, not 100,000 rows counted.
  const keptFacets = `
    SELECT facet::text AS facet, CASE WHEN facet = 't' THEN NULL ELSE value END AS value, count
    FROM good_practice_facet_count WHERE count > 0`;
  return `
  WITH params AS (
    SELECT CASE WHEN $1 = '' THEN NULL ELSE websearch_to_tsquery('civitas_search', $1) END AS q,
      -- The same query over word forms, for highlights that only fold each word (see the
      -- SearchWordForms migration): lemmatising the page's texts cost half a selective search.
      CASE WHEN $1 = '' THEN NULL
        ELSE search_highlight_query(websearch_to_tsquery('civitas_search', $1)) END AS hq,
      $2::text[] AS areas, $3::text[] AS voivodeships, $4::text[] AS size_classes,
      $5::int[] AS years, $6::text[] AS verification_sources
  ),
  base AS MATERIALIZED (
    SELECT p.id, p.published_at, p.area_code, p.voivodeship_code, p.size_class, p.year,
      p.verification_source
      ${used.map((i) => `, ${filters[i]} AS f${i}`).join('\n      ')}
    FROM good_practice_search p
    WHERE ${text ? `p.search @@ ${QUERY}` : 'true'}
      AND (${atMostOneFails})
  ),
  matches AS (
    SELECT id, published_at FROM base WHERE ${all()}
  ),
  ${
    text && relevance
      ? `-- Full cover-density ranking for a bounded set: every match when there are at most
  -- ${RANKED_NEWEST}, else the ${RANKED_TITLE} best title matches and the ${RANKED_NEWEST} newest; the rest rank 0.
  -- The title matches come from the small title vector's own index, not a test of every match;
  -- a title match is a match of the whole vector unless the query negates a word (!), so the
  -- whole vector is read (out of line) only then: the test folds to a constant when planned.
  candidates AS (
    (SELECT p.id FROM good_practice_search p
     WHERE p.title_search @@ ${QUERY} AND (strpos((${QUERY})::text, '!') = 0 OR p.search @@ ${QUERY})${used.map((i) => ` AND ${filters[i]}`).join('')}
     ORDER BY ts_rank_cd(p.title_search, ${QUERY}) DESC, p.id DESC LIMIT ${RANKED_TITLE})
    UNION
    (SELECT id FROM matches ORDER BY published_at DESC, id DESC LIMIT ${RANKED_NEWEST})
  ),
  ranked AS (
    SELECT c.id, (SELECT ts_rank_cd(p.search, ${QUERY}) FROM good_practice_search p
                  WHERE p.id = c.id)::real AS rank
    FROM candidates c
  ),
  -- The page: the best ranked, then (rank 0) the other matches by id, each side cut early.
  page AS (
    SELECT h.id, h.rank, NULL::timestamptz AS published_at,
      row_number() OVER (ORDER BY h.rank DESC, h.id DESC) AS n
    FROM (
      (SELECT id, rank FROM ranked h WHERE ($8::uuid IS NULL OR ${keyset})
       ORDER BY rank DESC, id DESC LIMIT $9)
      UNION ALL
      (SELECT m.id, 0::real FROM (
         SELECT id FROM matches
         WHERE $8::uuid IS NULL OR (0::real, id) < ($7::real, $8::uuid)
         ORDER BY id DESC LIMIT $9 + ${RANKED_NEWEST + RANKED_TITLE}) m
       WHERE NOT EXISTS (SELECT 1 FROM ranked r WHERE r.id = m.id)
       ORDER BY m.id DESC LIMIT $9)
    ) h
    ORDER BY h.rank DESC, h.id DESC LIMIT $9
  ),`
      : text || filtered
        ? `hits AS (SELECT id, published_at, 0::real AS rank FROM matches),
  page AS (
    SELECT h.id, h.rank, h.published_at, row_number() OVER (ORDER BY ${order}) AS n
    FROM hits h WHERE ($8::uuid IS NULL OR ${keyset})
    ORDER BY ${order} LIMIT $9
  ),`
        : `-- Browsing everything: the page walks the covering index newest first and stops there.
  page AS (
    SELECT h.id, 0::real AS rank, h.published_at, row_number() OVER (ORDER BY ${order}) AS n
    FROM good_practice_search h
    WHERE $8::uuid IS NULL OR ${keyset}
    ORDER BY ${order} LIMIT $9
  ),`
  }
  facets AS (${text || filtered ? countedFacets : keptFacets}),
  -- The words the vocabulary does not know, found before any of them is looked up by trigram.
  unknown_words AS MATERIALIZED (
    SELECT DISTINCT w AS typed
    FROM regexp_split_to_table(lower(unaccent($1)), '[^[:alpha:]]+') w
    WHERE length(w) BETWEEN 3 AND 30
      AND NOT EXISTS (SELECT 1 FROM unnest(tsvector_to_array(to_tsvector('civitas_search', w))) l
                      JOIN practice_word pw ON pw.word = l)
  )
  SELECT
    (SELECT numnode(q) > 0 FROM params) AS has_words,
    (SELECT coalesce(json_agg(${PRACTICE_JSON}::jsonb || jsonb_build_object(
        'rank', pg.rank,
        'sort_key', ${relevance ? 'pg.rank' : 'pg.published_at::text'},
        'hl_title', CASE WHEN params.q IS NOT NULL AND pg.n < $9 THEN ts_headline('civitas_fold',
          ${escaped('p.title')}, params.hq,
          'HighlightAll=true, StartSel=<mark>, StopSel=</mark>') END,
        'hl_snippet', CASE WHEN params.q IS NOT NULL AND pg.n < $9 THEN ts_headline('civitas_fold',
          ${escaped(`left(concat_ws(' ', p.problem, p.results, p.actions), 1200)`)},
          params.hq, 'MaxFragments=3, MaxWords=25, MinWords=10, StartSel=<mark>, StopSel=</mark>, FragmentDelimiter=" … "') END,
        'city', json_build_object('id', o.id, 'name', o.name, 'teryt_code', o.teryt_code,
          'voivodeship', v.name, 'kind', o.kind),
        'area', (SELECT row_to_json(a) FROM practice_area a WHERE a.code = p.area_code)
      ) ORDER BY pg.n), '[]'::json)
     FROM page pg CROSS JOIN params
     JOIN good_practice p ON p.id = pg.id
     JOIN organisation o ON o.id = p.organisation_id
     LEFT JOIN voivodeship v ON v.code = o.voivodeship_code) AS rows,
    (SELECT json_agg(facets) FROM facets WHERE value IS NOT NULL OR facet = 't') AS facets,
    (SELECT json_agg(json_build_object('typed', s.typed, 'better', s.better))
     FROM (SELECT w.typed, (SELECT pw.word FROM practice_word pw WHERE pw.word % w.typed
                            ORDER BY pw.word <-> w.typed, pw.word LIMIT 1) AS better
           FROM unknown_words w) s
     WHERE s.better IS NOT NULL) AS suggestions,
    (SELECT array_agg(x) FROM unnest($2::text[]) x
     WHERE NOT EXISTS (SELECT 1 FROM practice_area WHERE code = x)) AS unknown_areas,
    (SELECT array_agg(x) FROM unnest($3::text[]) x
     WHERE NOT EXISTS (SELECT 1 FROM voivodeship WHERE code = x)) AS unknown_voivodeships,
    (SELECT json_object_agg(code, name) FROM practice_area) AS area_names,
    (SELECT json_object_agg(code, name) FROM voivodeship) AS voivodeship_names`;
}

/** Its parameters, in order. */
export function searchParams(
  search: NormalisedSearch,
  cursor: { key: string; id: string } | null,
  first: number,
): unknown[] {
  return [
    search.text,
    search.areas,
    search.voivodeships,
    search.sizeClasses,
    search.years,
    search.verificationSources,
    cursor?.key ?? null,
    cursor?.id ?? null,
    first + 1,
  ];
}

@Injectable()
export class PracticeSearchService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(_user: AuthUser, args: PracticeSearchArgs): Promise<PracticeSearchResult> {
    const search = normaliseSearch(args);
    const cursor = args.after ? decodeSearchCursor(args.after, search) : null;
    const [row]: SearchRow[] = await this.db
      .query(searchStatement(search), searchParams(search, cursor, args.first))
      .catch((e: { code?: string }) => {
        // A forged cursor with this search's hash but a value PostgreSQL refuses.
        if (cursor && ['22P02', '22007', '22008', '22003'].includes(e.code ?? '')) {
          throw badUserInput('The cursor is not valid; start again from the first page', [
            { field: 'after', problems: ['not a cursor this search gave out'] },
          ]);
        }
        throw e;
      });
    const problems: FieldProblem[] = [];
    if (row.unknown_areas?.length) {
      problems.push({
        field: 'filter.areas',
        problems: [`unknown areas: ${row.unknown_areas.join(', ')}`],
      });
    }
    if (row.unknown_voivodeships?.length) {
      problems.push({
        field: 'filter.voivodeships',
        problems: [`unknown województwo codes: ${row.unknown_voivodeships.join(', ')}`],
      });
    }
    if (problems.length) throw badUserInput('Some filter values are not known', problems);
    if (search.text && !row.has_words) {
      throw badUserInput('The search has no words in it: type what you are looking for', [
        { field: 'query', problems: ['no words to search for'] },
      ]);
    }
    const edges: PracticeSearchEdge[] = row.rows.slice(0, args.first).map((r) => {
      const node: GoodPractice = toPractice(r);
      node.city = toCity(r.city);
      node.area = r.area ? toArea(r.area) : null;
      return {
        node,
        cursor: encodeSearchCursor(search.hash, r.sort_key, r.id),
        rank: r.rank,
        highlight: r.hl_title === null ? null : { title: r.hl_title, snippet: r.hl_snippet ?? '' },
      };
    });
    return {
      totalCount: row.facets?.find((f) => f.facet === 't')?.count ?? 0,
      edges,
      pageInfo: {
        hasNextPage: row.rows.length > args.first,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      facets: this.facets(row, search),
      didYouMean: search.text ? didYouMean(search.text, row.suggestions ?? []) : null,
      sort: search.sort,
    };
  }

  private facets(row: SearchRow, search: NormalisedSearch): PracticeFacets {
    const build = (
      key: FacetRow['facet'],
      selected: readonly (string | number)[],
      label: (value: string) => string,
      order: 'count' | 'value-desc',
    ): PracticeFacetValue[] => {
      const chosen = new Set(selected.map(String));
      const values = (row.facets ?? [])
        .filter((f) => f.facet === key && f.value !== null)
        .map((f) => ({
          value: f.value!,
          label: label(f.value!),
          count: f.count,
          selected: chosen.has(f.value!),
        }))
        .filter((f) => f.count > 0 || f.selected);
      for (const value of chosen) {
        if (!values.some((v) => v.value === value)) {
          values.push({ value, label: label(value), count: 0, selected: true });
        }
      }
      return values.sort((a, b) =>
        order === 'value-desc'
          ? b.value.localeCompare(a.value)
          : b.count - a.count || a.label.localeCompare(b.label, 'pl'),
      );
    };
    return {
      areas: build('a', search.areas, (v) => row.area_names?.[v] ?? v, 'count'),
      voivodeships: build(
        'v',
        search.voivodeships,
        (v) => row.voivodeship_names?.[v] ?? v,
        'count',
      ),
      sizeClasses: build(
        's',
        search.sizeClasses,
        (v) => SIZE_LABELS[v as PracticeCitySize] ?? v,
        'count',
      ),
      years: build('y', search.years, (v) => v, 'value-desc'),
      verificationSources: build(
        'r',
        search.verificationSources,
        (v) => VERIFICATION_LABELS[v as PracticeVerificationSource] ?? v,
        'count',
      ),
    };
  }

  /**
   * Published practices that share the most telling words with this one (its title's and
   * its most frequent), the same area first.
   */
  async similar(id: string, first: number): Promise<GoodPractice[]> {
    const rows: PracticeRow[] = await this.db.query(
      `WITH src AS (SELECT id, search, area_code FROM good_practice WHERE id = $1),
       terms AS (
         SELECT to_tsquery('simple', string_agg(t.lexeme, ' | ')) AS q
         FROM (SELECT l.lexeme FROM src, unnest(src.search) l
               WHERE l.lexeme ~ '^[[:alpha:]]{4,30}$'
               ORDER BY ('A' = ANY(l.weights)) DESC, cardinality(l.positions) DESC, l.lexeme
               LIMIT 12) t
       ),
       candidates AS (
         SELECT p.id, ts_rank_cd(p.search, terms.q)
           + CASE WHEN p.area_code = src.area_code THEN 0.1 ELSE 0 END AS score
         FROM good_practice p, terms, src
         WHERE p.status = 'PUBLISHED' AND p.id <> src.id AND terms.q IS NOT NULL
           AND p.search @@ terms.q
         ORDER BY score DESC, p.id LIMIT $2
       )
       SELECT ${PRACTICE_COLUMNS} FROM candidates c JOIN good_practice p ON p.id = c.id
       ORDER BY c.score DESC, c.id`,
      [id, first],
    );
    return rows.map(toPractice);
  }
}
