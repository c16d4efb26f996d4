import { isPolishPublicHoliday, tribunalDeadline } from './tribunal-deadline';

describe('tribunalDeadline: delivery + 7 calendar days, then the next working day', () => {
  it.each([
    // [delivered, deadline, why]
    ['2025-03-03', '2025-03-10', 'a Monday: the 7th day is a working Monday'],
    ['2025-04-14', '2025-04-22', '7th day Easter Monday 21 April'],
    ['2024-03-25', '2024-04-02', '7th day Easter Monday 1 April 2024'],
    ['2025-04-24', '2025-05-02', '7th day 1 May (Thursday)'],
    ['2024-04-24', '2024-05-02', '7th day 1 May 2024 (Wednesday)'],
    ['2024-04-26', '2024-05-06', '7th day 3 May 2024 (Friday), then the weekend'],
    ['2025-04-26', '2025-05-05', '7th day 3 May 2025 is a Saturday, then Sunday'],
    ['2025-08-08', '2025-08-18', '7th day 15 August (Friday), then the weekend'],
    ['2024-08-08', '2024-08-16', '7th day 15 August 2024 (Thursday)'],
    ['2025-11-04', '2025-11-12', '7th day 11 November (Tuesday)'],
    ['2024-11-04', '2024-11-12', '7th day 11 November 2024 (Monday)'],
    ['2025-12-17', '2025-12-29', '7th day 24 Dec 2025 (holiday from 2025), 25, 26, weekend'],
    ['2024-12-17', '2024-12-24', '7th day 24 Dec 2024: not a holiday before 2025'],
    ['2024-12-18', '2024-12-27', '7th day 25 Dec, then 26 Dec'],
    ['2024-12-19', '2024-12-27', '7th day 26 Dec'],
    ['2025-03-01', '2025-03-10', '7th day a Saturday'],
    ['2025-03-02', '2025-03-10', '7th day a Sunday'],
    ['2025-12-24', '2025-12-31', '7th day 31 December, a working Wednesday'],
    ['2025-12-25', '2026-01-02', '7th day 1 January, a holiday: 2 January'],
    ['2026-12-25', '2027-01-04', '7th day 1 Jan 2027 (Friday), then the weekend'],
    ['2025-06-12', '2025-06-20', '7th day Corpus Christi 19 June'],
    ['2025-12-30', '2026-01-07', '7th day 6 January (Epiphany)'],
  ])('delivered %s → %s (%s)', (delivered, deadline) => {
    expect(tribunalDeadline(delivered)).toBe(deadline);
  });

  it('knows 24 December is a public holiday from 2025 on, not before', () => {
    expect(isPolishPublicHoliday('2024-12-24')).toBe(false);
    expect(isPolishPublicHoliday('2025-12-24')).toBe(true);
    expect(isPolishPublicHoliday('2026-12-24')).toBe(true);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => tribunalDeadline('2025-02-30')).toThrow(RangeError);
    expect(() => tribunalDeadline('14.04.2025')).toThrow(RangeError);
  });
});
