import { describe, expect, it } from 'vitest';
import { highlightParts } from './highlight';
import {
  parsePositionSearch,
  positionSearchVariables,
  toggle,
  toPositionSearchParams,
} from './search-state';
import { fromWarsawInput, toWarsawInput, warsawTime } from './time';

describe('the library search in the URL', () => {
  it('reads words, known types and four-digit years once each; drops the rest', () => {
    const state = parsePositionSearch(
      new URLSearchParams(
        'q=+dochody+JST+&type=POSITION&type=MEMO&type=POSITION&year=2024&year=24&year=2024',
      ),
    );
    expect(state).toEqual({ query: 'dochody JST', types: ['POSITION'], years: [2024] });
  });

  it('writes the same link for the same search, and round-trips', () => {
    const a = toPositionSearchParams({
      query: 'planowanie',
      types: ['RESOLUTION', 'POSITION'] as never,
      years: [2023, 2024],
    });
    const b = toPositionSearchParams({
      query: 'planowanie ',
      types: ['POSITION', 'RESOLUTION'] as never,
      years: [2024, 2023],
    });
    expect(a.toString()).toBe(b.toString());
    expect(a.toString()).toBe('q=planowanie&type=POSITION&type=RESOLUTION&year=2024&year=2023');
    expect(parsePositionSearch(a)).toEqual({
      query: 'planowanie',
      types: ['POSITION', 'RESOLUTION'],
      years: [2024, 2023],
    });
  });

  it('asks the API with no filter when none is chosen', () => {
    expect(positionSearchVariables({ query: '', types: [], years: [] })).toEqual({
      query: null,
      filter: null,
    });
    expect(positionSearchVariables({ query: 'x', types: [], years: [2024] })).toEqual({
      query: 'x',
      filter: { types: null, years: [2024] },
    });
    expect(toggle([1, 2], 2)).toEqual([1]);
    expect(toggle([1], 2)).toEqual([1, 2]);
  });
});

describe('highlights', () => {
  it('reads only <mark> as markup; anything else stays text', () => {
    expect(highlightParts('Ustawa o <mark>dochodach</mark> &lt;b&gt;JST&amp;co')).toEqual([
      { text: 'Ustawa o ', mark: false },
      { text: 'dochodach', mark: true },
      { text: ' <b>JST&co', mark: false },
    ]);
  });
});

describe('closing times in Europe/Warsaw', () => {
  it('shows an instant in Polish time, summer and winter', () => {
    expect(warsawTime('2026-07-01T10:00:00Z')).toBe('2026-07-01 12:00');
    expect(warsawTime('2026-12-01T10:00:00Z')).toBe('2026-12-01 11:00');
  });

  it('reads a typed Warsaw time as the instant, across the DST change', () => {
    expect(fromWarsawInput('2026-03-28T12:00')).toBe('2026-03-28T11:00:00.000Z');
    expect(fromWarsawInput('2026-03-30T12:00')).toBe('2026-03-30T10:00:00.000Z');
    expect(toWarsawInput('2026-03-30T10:00:00.000Z')).toBe('2026-03-30T12:00');
    expect(fromWarsawInput('')).toBeNull();
    expect(fromWarsawInput('jutro')).toBeNull();
  });
});
