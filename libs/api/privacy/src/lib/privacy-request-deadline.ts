/**
 * The statutory deadline of request `r`, a date: one month from receipt (RODO art. 12(3)),
 * counted on the Polish calendar; PostgreSQL's month arithmetic clamps to the month's last day
 * (31 Jan → 28 Feb). The queue shows it and the office's reminders count down to it.
 */
export const REQUEST_DUE_ON_SQL = `((r.created_at AT TIME ZONE 'Europe/Warsaw')::date + interval '1 month')::date`;
