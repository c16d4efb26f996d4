import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DOCUMENT_LINK_TTL_MINUTES } from '@civitas/shared/domain';
import { APP_CONFIG } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';

export interface DocumentLinkClaims {
  /** The person the link was made for: access is checked again for them on download. */
  u: string;
  /** Version id. */
  v: string;
  /** Inline (preview) rather than attachment. */
  i: boolean;
  /** Expiry, seconds since the epoch. */
  e: number;
}

/**
 * Signed, short-lived download and preview links, so that a browser can follow them
 * (an <a href>, an <iframe>, an <img>) without the access token, which the web keeps in
 * memory. A link names its person and version; the download checks access again.
 */
@Injectable()
export class DocumentLinks {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = createHmac('sha256', config.jwtSecret).update('civitas:document-links').digest();
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  url(userId: string, versionId: string, inline: boolean, now = Date.now()): string {
    // Rounded so that one page's links are stable for a minute (browser caches, React keys).
    const minute = Math.floor(now / 60_000) * 60;
    const claims: DocumentLinkClaims = {
      u: userId,
      v: versionId,
      i: inline,
      e: minute + DOCUMENT_LINK_TTL_MINUTES * 60,
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `/api/documents/files/${payload}.${this.mac(payload)}`;
  }

  verify(token: string, now = Date.now()): DocumentLinkClaims | null {
    const [payload, mac] = token.split('.');
    if (!payload || !mac) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as DocumentLinkClaims;
      return claims.e * 1000 > now ? claims : null;
    } catch {
      return null;
    }
  }
}
