/** PostgreSQL's SQLSTATE for a write refused as a duplicate (unique_violation). */
const UNIQUE_VIOLATION = '23505';

/** Whether PostgreSQL refused a write as a duplicate, of `constraint` when one is named. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated } = error as { code?: string; constraint?: string };
  return code === UNIQUE_VIOLATION && (constraint === undefined || violated === constraint);
}
