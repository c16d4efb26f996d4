import { fromZonedTime, formatInTimeZone } from 'date-fns-tz';
import { EVENT_TIME_ZONE } from '@civitas/shared/domain';

/** An instant as the value of a `datetime-local` input, in Polish time (whatever the browser's zone). */
export function toWarsawInput(iso: string | null | undefined): string {
  return iso ? formatInTimeZone(new Date(iso), EVENT_TIME_ZONE, "yyyy-MM-dd'T'HH:mm") : '';
}

/** A `datetime-local` value read as Polish time, as an ISO instant; '' stays null. */
export function fromWarsawInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  return fromZonedTime(value, EVENT_TIME_ZONE).toISOString();
}

/** The Polish calendar day (YYYY-MM-DD) of an instant. */
export function warsawDay(iso: string): string {
  return formatInTimeZone(new Date(iso), EVENT_TIME_ZONE, 'yyyy-MM-dd');
}

const LOCALES: Record<string, string> = { pl: 'pl-PL', en: 'en-GB' };

/** Date and time in Polish time, in the current language: "25 paź 2026, 10:00". */
export function formatWarsaw(iso: string, language: string, withDate = true): string {
  return new Intl.DateTimeFormat(LOCALES[language] ?? 'pl-PL', {
    ...(withDate ? { dateStyle: 'medium' as const } : {}),
    timeStyle: 'short',
    timeZone: EVENT_TIME_ZONE,
  }).format(new Date(iso));
}

/** The instant a Polish calendar month starts, and the next one's (for `from`/`to`). */
export function monthRange(year: number, month: number): { from: string; to: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const next = month === 12 ? [year + 1, 1] : [year, month + 1];
  return {
    from: fromZonedTime(`${year}-${pad(month)}-01T00:00`, EVENT_TIME_ZONE).toISOString(),
    to: fromZonedTime(`${next[0]}-${pad(next[1])}-01T00:00`, EVENT_TIME_ZONE).toISOString(),
  };
}

/**
 * The weeks of a month, Monday first (as in Poland), each day `YYYY-MM-DD` or null outside
 * the month.
 */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const pad = (n: number) => String(n).padStart(2, '0');
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const firstWeekday = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array(firstWeekday).fill(null);
  for (let d = 1; d <= days; d++) cells.push(`${year}-${pad(month)}-${pad(d)}`);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
