import { describe, expect, it } from 'vitest';
import { fromWarsawInput, monthRange, monthWeeks, toWarsawInput, warsawDay } from './time';

describe('event times in Polish time', () => {
  it('reads a datetime-local value as Warsaw time on both sides of the DST changes', () => {
    expect(fromWarsawInput('2026-10-25T10:00')).toBe('2026-10-25T09:00:00.000Z'); // CET
    expect(fromWarsawInput('2026-03-29T10:00')).toBe('2026-03-29T08:00:00.000Z'); // CEST
    expect(fromWarsawInput('2026-10-24T10:00')).toBe('2026-10-24T08:00:00.000Z');
    expect(fromWarsawInput('')).toBeNull();
  });

  it('shows an instant as Warsaw wall time whatever the browser’s zone', () => {
    expect(toWarsawInput('2026-10-25T09:00:00.000Z')).toBe('2026-10-25T10:00');
    expect(toWarsawInput('2026-03-29T08:00:00.000Z')).toBe('2026-03-29T10:00');
    expect(toWarsawInput(null)).toBe('');
    // 23:30 UTC on the 25th is already the 26th in Poland.
    expect(warsawDay('2026-10-25T23:30:00.000Z')).toBe('2026-10-26');
  });

  it('bounds a month at Polish midnights and lays it out Monday first', () => {
    expect(monthRange(2026, 10)).toEqual({
      from: '2026-09-30T22:00:00.000Z',
      to: '2026-10-31T23:00:00.000Z',
    });
    const weeks = monthWeeks(2026, 6); // June 2026 starts on a Monday
    expect(weeks[0][0]).toBe('2026-06-01');
    expect(weeks.at(-1)!.filter(Boolean).at(-1)).toBe('2026-06-30');
    expect(monthWeeks(2026, 11)[0].slice(0, 7)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      '2026-11-01',
    ]);
  });
});
