import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Role } from '@civitas/shared/domain';
import { APP_CONFIG } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { CalendarFeedRegistry } from './calendar-feed.registry';
import type { CalendarFeed, CalendarFeedLink } from './calendar-feed.types';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** The zone clients are told the feed is in; entries themselves are UTC instants or days. */
export const CALENDAR_TIME_ZONE = 'Europe/Warsaw';

/**
 * The personal calendar feed: one secret token per person (only its SHA-256 is stored) in a
 * public URL, serving what every registered source puts in for that person. Regenerating
 * replaces the token; revoking deletes it (the old URL answers 404 at once).
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: CalendarFeedRegistry,
  ) {}

  async status(userId: string): Promise<CalendarFeed> {
    const [row]: { created_at: Date }[] = await this.db.query(
      `SELECT created_at FROM calendar_feed_token WHERE user_id = $1`,
      [userId],
    );
    return { active: !!row, createdAt: row?.created_at ?? null };
  }

  async regenerate(userId: string): Promise<CalendarFeedLink> {
    const token = randomBytes(32).toString('base64url');
    await this.db.query(
      `INSERT INTO calendar_feed_token (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
      [userId, hash(token)],
    );
    const path = `/api/calendar/${token}.ics`;
    return { path, url: new URL(path, this.config.appUrl).toString() };
  }

  async revoke(userId: string): Promise<CalendarFeed> {
    await this.db.query(`DELETE FROM calendar_feed_token WHERE user_id = $1`, [userId]);
    return { active: false, createdAt: null };
  }

  /** The feed's iCalendar text, or null for an unknown or revoked token. */
  async feed(token: string): Promise<string | null> {
    if (!TOKEN.test(token)) return null;
    const [user]: { id: string; role: Role; organisation_id: string; is_legal_officer: boolean }[] =
      await this.db.query(
        `SELECT u.id, u.role, u.organisation_id, u.is_legal_officer FROM calendar_feed_token t
         JOIN app_user u ON u.id = t.user_id
         WHERE t.token_hash = $1 AND u.deactivated_at IS NULL`,
        [hash(token)],
      );
    if (!user) return null;
    const calendar = ical({
      name: 'Civitas',
      method: ICalCalendarMethod.PUBLISH,
      // Instants are written in UTC (…Z), which every client shows in its own time and which
      // stays right across DST changes; a TZID would need a VTIMEZONE block.
      x: [{ key: 'X-WR-TIMEZONE', value: CALENDAR_TIME_ZONE }],
      prodId: { company: 'Civitas', product: 'calendar', language: 'PL' },
    });
    const viewer = {
      id: user.id,
      role: user.role,
      organisationId: user.organisation_id,
      isLegalOfficer: user.is_legal_officer,
    };
    for (const source of this.registry.all()) await source.addEntries(calendar, viewer);
    return calendar.toString();
  }
}
