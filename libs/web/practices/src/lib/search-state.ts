import type { PracticeSearchFilter } from '@civitas/web/data-access';

export type PracticeSortChoice = 'RELEVANCE' | 'NEWEST';

/** The facets of the search, as the API names them in `filter` and `facets`. */
export const FACETS = [
  'areas',
  'voivodeships',
  'sizeClasses',
  'years',
  'verificationSources',
] as const;
export type FacetName = (typeof FACETS)[number];

/** The whole search a URL holds: words, every facet's chosen values, the order asked for. */
export interface PracticeSearchState {
  query: string;
  filters: Record<FacetName, string[]>;
  /** Null: the default (relevance with words, newest without). */
  sort: PracticeSortChoice | null;
}

/** The URL parameter of each facet (short, readable, stable: shared links depend on them). */
const PARAM: Record<FacetName, string> = {
  areas: 'area',
  voivodeships: 'woj',
  sizeClasses: 'size',
  years: 'year',
  verificationSources: 'verified',
};

export function emptySearch(): PracticeSearchState {
  return {
    query: '',
    filters: { areas: [], voivodeships: [], sizeClasses: [], years: [], verificationSources: [] },
    sort: null,
  };
}

/** Reads a search from the URL; unknown parameters are ignored, repeated values kept once. */
export function parseSearch(params: URLSearchParams): PracticeSearchState {
  const state = emptySearch();
  state.query = (params.get('q') ?? '').trim();
  for (const facet of FACETS) {
    const values = params.getAll(PARAM[facet]).filter(Boolean);
    state.filters[facet] = [
      ...new Set(facet === 'years' ? values.filter((v) => /^\d{4}$/.test(v)) : values),
    ];
  }
  const sort = params.get('sort');
  state.sort = sort === 'newest' ? 'NEWEST' : sort === 'relevance' ? 'RELEVANCE' : null;
  return state;
}

/** The URL of a search: only what differs from the default, facets in a fixed order. */
export function toSearchParams(state: PracticeSearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  for (const facet of FACETS) {
    for (const value of [...state.filters[facet]].sort()) params.append(PARAM[facet], value);
  }
  if (state.sort) params.set('sort', state.sort.toLowerCase());
  return params;
}

/** Checks a facet value, or unchecks it when it was checked. */
export function toggleFacet(
  state: PracticeSearchState,
  facet: FacetName,
  value: string,
): PracticeSearchState {
  const current = state.filters[facet];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, filters: { ...state.filters, [facet]: next } };
}

/** The order the page asks for: the chosen one, else relevance with words and newest without. */
export function effectiveSort(state: PracticeSearchState): PracticeSortChoice {
  return state.sort ?? (state.query ? 'RELEVANCE' : 'NEWEST');
}

/** The `searchPractices` variables of a search (without paging). */
export function searchVariables(state: PracticeSearchState): {
  query: string | null;
  filter: PracticeSearchFilter;
  sort: PracticeSortChoice;
} {
  const f = state.filters;
  const filter: PracticeSearchFilter = {};
  if (f.areas.length) filter.areas = f.areas;
  if (f.voivodeships.length) filter.voivodeships = f.voivodeships;
  if (f.sizeClasses.length)
    filter.sizeClasses = f.sizeClasses as PracticeSearchFilter['sizeClasses'];
  if (f.years.length) filter.years = f.years.map(Number);
  if (f.verificationSources.length)
    filter.verificationSources =
      f.verificationSources as PracticeSearchFilter['verificationSources'];
  return { query: state.query || null, filter, sort: effectiveSort(state) };
}

/** How many facet values are checked. */
export function selectedCount(state: PracticeSearchState): number {
  return FACETS.reduce((n, f) => n + state.filters[f].length, 0);
}
