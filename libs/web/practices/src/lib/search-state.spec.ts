import { describe, expect, it } from 'vitest';
import {
  effectiveSort,
  emptySearch,
  parseSearch,
  type PracticeSearchState,
  searchVariables,
  toSearchParams,
  toggleFacet,
} from './search-state';

describe('practice search state and the URL', () => {
  it('round-trips words, every facet and the order through the URL', () => {
    let state: PracticeSearchState = { ...emptySearch(), query: 'szkoły łódź', sort: 'NEWEST' };
    state = toggleFacet(state, 'areas', 'ENERGY_EFFICIENCY');
    state = toggleFacet(state, 'areas', 'SOCIAL_SERVICES');
    state = toggleFacet(state, 'voivodeships', '10');
    state = toggleFacet(state, 'sizeClasses', 'URBAN_GMINA');
    state = toggleFacet(state, 'years', '2022');
    state = toggleFacet(state, 'verificationSources', 'COMPETITION');
    const url = toSearchParams(state).toString();
    expect(url).toBe(
      'q=szko%C5%82y+%C5%82%C3%B3d%C5%BA&area=ENERGY_EFFICIENCY&area=SOCIAL_SERVICES&woj=10&size=URBAN_GMINA&year=2022&verified=COMPETITION&sort=newest',
    );
    const back = parseSearch(new URLSearchParams(url));
    expect(back.query).toBe('szkoły łódź');
    expect(back.sort).toBe('NEWEST');
    expect(toSearchParams(back).toString()).toBe(url);
    expect(searchVariables(back)).toEqual({
      query: 'szkoły łódź',
      sort: 'NEWEST',
      filter: {
        areas: ['ENERGY_EFFICIENCY', 'SOCIAL_SERVICES'],
        voivodeships: ['10'],
        sizeClasses: ['URBAN_GMINA'],
        years: [2022],
        verificationSources: ['COMPETITION'],
      },
    });
  });

  it('keeps the default search out of the URL and orders by relevance only with words', () => {
    expect(toSearchParams(emptySearch()).toString()).toBe('');
    expect(effectiveSort(emptySearch())).toBe('NEWEST');
    expect(effectiveSort({ ...emptySearch(), query: 'energia' })).toBe('RELEVANCE');
    expect(searchVariables(emptySearch())).toEqual({ query: null, filter: {}, sort: 'NEWEST' });
  });

  it('ignores unknown parameters, repeated values and years that are not years', () => {
    const state = parseSearch(
      new URLSearchParams('q=+a+&area=X&area=X&year=20x2&year=2021&sort=bogus&foo=1'),
    );
    expect(state.query).toBe('a');
    expect(state.filters.areas).toEqual(['X']);
    expect(state.filters.years).toEqual(['2021']);
    expect(state.sort).toBeNull();
  });

  it('toggles a facet value on and off', () => {
    const on = toggleFacet(emptySearch(), 'years', '2020');
    expect(on.filters.years).toEqual(['2020']);
    expect(toggleFacet(on, 'years', '2020').filters.years).toEqual([]);
  });
});
