import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FILE_LINK_TTL_MINUTES } from '@civitas/shared/domain';
import { APP_CONFIG, LinkSigner } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';

/** The files an event offers: its .ics (whoever sees it), its participants' CSV (the organiser). */
export type EventFileKind = 'ics' | 'csv';

export interface EventFileClaims {
  /** The person the link was made for: access is checked again for them on download. */
  u: string;
  /** The event. */
  ev: string;
  k: EventFileKind;
}

/**
 * Signed, short-lived links to an event's files, so that a plain <a href> downloads them
 * without the access token, which the web keeps in memory (as documents' links do).
 */
@Injectable()
export class EventFileLinks {
  private readonly signer: LinkSigner<EventFileClaims>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.signer = new LinkSigner(config.jwtSecret, 'event-files');
  }

  url(userId: string, eventId: string, kind: EventFileKind, now = Date.now()): string {
    const token = this.signer.sign(
      { u: userId, ev: eventId, k: kind },
      EVENT_FILE_LINK_TTL_MINUTES,
      now,
    );
    return `/api/events/files/${token}`;
  }

  verify(token: string, now = Date.now()): EventFileClaims | null {
    const claims = this.signer.verify(token, now);
    return claims && (claims.k === 'ics' || claims.k === 'csv') ? claims : null;
  }
}

/**
 * A download's name from the event's title: the title itself (RFC 5987 `filename*`, Polish
 * letters kept) with an ASCII fallback (`filename`) for old clients, ł and ą… transliterated.
 */
export function downloadNames(title: string, suffix: string, extension: string) {
  const name = `${title}${suffix}`
    // Nothing a file system or a header could read as structure: separators, controls, quotes.
    .replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .trim();
  const fallback = name
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return {
    name: `${name || 'wydarzenie'}.${extension}`,
    fallback: `${fallback || 'wydarzenie'}.${extension}`,
  };
}
