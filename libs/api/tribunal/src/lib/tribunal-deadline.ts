import Holidays from 'date-holidays';
import { TRIBUNAL_DEADLINE_DAYS } from '@civitas/shared/domain';

/** Polish public holidays (days off work by statute), from date-holidays' PL calendar. */
const poland = new Holidays('PL');

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const toDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};
const toDay = (date: Date) => date.toISOString().slice(0, 10);

/** A real calendar date YYYY-MM-DD. */
export function isCalendarDate(day: string): boolean {
  return DATE.test(day) && !Number.isNaN(toDate(day).getTime()) && toDay(toDate(day)) === day;
}

/** A Polish public holiday (statutory day off): 1 Jan, Easter Monday, 24 Dec from 2025… */
export function isPolishPublicHoliday(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number);
  // date-holidays reads a local-time Date in the calendar's own time zone; noon avoids DST edges.
  const found = poland.isHoliday(new Date(y, m - 1, d, 12));
  return Array.isArray(found) && found.some((h) => h.type === 'public');
}

/** Not a Saturday, a Sunday nor a public holiday. */
export function isWorkingDay(day: string): boolean {
  const weekday = toDate(day).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isPolishPublicHoliday(day);
}

/**
 * The last day to answer a call to remedy defects or to complain about a refusal: the
 * delivery date plus 7 calendar days; a last day falling on a Saturday, a Sunday or a
 * public holiday moves to the next working day (Kodeks postępowania cywilnego art. 115,
 * applied by the Act on the Tribunal's procedure).
 */
export function tribunalDeadline(deliveryDate: string): string {
  if (!isCalendarDate(deliveryDate)) {
    throw new RangeError(`${deliveryDate} is not a calendar date YYYY-MM-DD`);
  }
  const last = toDate(deliveryDate);
  last.setUTCDate(last.getUTCDate() + TRIBUNAL_DEADLINE_DAYS);
  while (!isWorkingDay(toDay(last))) last.setUTCDate(last.getUTCDate() + 1);
  return toDay(last);
}
