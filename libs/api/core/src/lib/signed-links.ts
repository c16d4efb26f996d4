import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signs short-lived link tokens (`<claims>.<mac>`, base64url) so that a browser can follow a
 * plain link (an <a href>, an <iframe>, an <img>) without the access token, which the web
 * keeps in memory. Each purpose has its own key, derived from the JWT secret, so a token made
 * for one route is refused by every other. The claims name the person: the route checks
 * their access again when the link is followed.
 */
export class LinkSigner<T extends object> {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = createHmac('sha256', secret).update(`civitas:${purpose}`).digest();
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  /** A token valid for `ttlMinutes`, counted from the start of the current minute. */
  sign(claims: T, ttlMinutes: number, now = Date.now()): string {
    // Rounded so that one page's links are stable for a minute (browser caches, React keys).
    const minute = Math.floor(now / 60_000) * 60;
    const payload = Buffer.from(
      JSON.stringify({ ...claims, e: minute + ttlMinutes * 60 }),
    ).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The claims of an untampered, unexpired token; null for anything else. */
  verify(token: string, now = Date.now()): (T & { e: number }) | null {
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as T & { e: number };
      return typeof claims.e === 'number' && claims.e * 1000 > now ? claims : null;
    } catch {
      return null;
    }
  }
}
