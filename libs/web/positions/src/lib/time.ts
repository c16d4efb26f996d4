import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import { POSITION_TIME_ZONE } from '@civitas/shared/domain';

/** An instant as Warsaw's wall-clock time, "2026-12-01 15:00": closing times are Polish time. */
export function warsawTime(iso: string): string {
  return formatInTimeZone(new Date(iso), POSITION_TIME_ZONE, 'yyyy-MM-dd HH:mm');
}

/** A `datetime-local` value typed as Warsaw time, as an instant; null when not a time. */
export function fromWarsawInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = fromZonedTime(value, POSITION_TIME_ZONE);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An instant as a `datetime-local` value in Warsaw time. */
export function toWarsawInput(iso: string): string {
  return formatInTimeZone(new Date(iso), POSITION_TIME_ZONE, "yyyy-MM-dd'T'HH:mm");
}
