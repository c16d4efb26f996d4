import { PositionStatementType } from '@civitas/shared/domain';

/** The whole library search a URL holds: words, chosen types and years. */
export interface PositionSearchState {
  query: string;
  types: PositionStatementType[];
  years: number[];
}

const TYPES = new Set<string>(Object.values(PositionStatementType));

/** Reads a search from the URL (`q`, `type`, `year`); unknown values are dropped, repeats kept once. */
export function parsePositionSearch(params: URLSearchParams): PositionSearchState {
  return {
    query: (params.get('q') ?? '').trim(),
    types: [
      ...new Set(params.getAll('type').filter((t) => TYPES.has(t))),
    ] as PositionStatementType[],
    years: [
      ...new Set(
        params
          .getAll('year')
          .filter((y) => /^\d{4}$/.test(y))
          .map(Number),
      ),
    ],
  };
}

/** The URL of a search: only what is set, values sorted (the same search, the same link). */
export function toPositionSearchParams(state: PositionSearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  for (const type of [...state.types].sort()) params.append('type', type);
  for (const year of [...state.years].sort((a, b) => b - a)) params.append('year', String(year));
  return params;
}

/** The API's variables for a search. */
export function positionSearchVariables(state: PositionSearchState) {
  const filter =
    state.types.length || state.years.length
      ? {
          types: state.types.length ? state.types : null,
          years: state.years.length ? state.years : null,
        }
      : null;
  return { query: state.query || null, filter };
}

export function toggle<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}
