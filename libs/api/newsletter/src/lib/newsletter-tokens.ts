import { createHash, randomBytes } from 'node:crypto';

/** A link's secret: 32 random bytes; only its SHA-256 is stored, so a database leak opens nothing. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export const hashLinkToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The shape of a token this module gives out: anything else is refused before a query. */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * SQL: who an issue goes to — confirmed, not bouncing, and not the address of an account
 * whose processing is restricted (RODO art. 18). Checked again for each mail at send time.
 */
export const MAILABLE_SQL = `s.status = 'CONFIRMED' AND s.bouncing_at IS NULL AND NOT EXISTS (
  SELECT 1 FROM app_user u WHERE lower(u.email) = s.email AND u.processing_restricted_at IS NOT NULL)`;
