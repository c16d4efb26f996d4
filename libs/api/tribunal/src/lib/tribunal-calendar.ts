import { Controller, Get, Inject, Injectable, Param, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@civitas/shared/domain';
import { TribunalAccess } from '@civitas/api/access';
import { APP_CONFIG, notFound } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { Public } from '@civitas/api/auth';
import { CURRENT_ENTRY_JOIN, TRIBUNAL_TIME_ZONE } from './tribunal-cases.service';
import { TribunalCalendarFeed, TribunalCalendarLink } from './tribunal.types';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** A hearing is shown as two hours long: the Tribunal announces only when it starts. */
const HEARING_MS = 2 * 60 * 60 * 1000;

/** SQL: the cases user $1 (organisation $2, acting for a city: $3) follows. */
const FOLLOWED_SQL = `SELECT c.id FROM tribunal_case c
  LEFT JOIN tribunal_follow f ON f.case_id = c.id AND f.user_id = $1
  WHERE f.following OR (f.following IS NULL AND $3 AND EXISTS (
    SELECT 1 FROM tribunal_case_city cc WHERE cc.case_id = c.id AND cc.status = 'ACCEPTED'
      AND cc.organisation_id = $2))`;

/**
 * The per-user calendar feed: a secret token (only its SHA-256 is stored) in a public URL,
 * with the hearings and running deadlines of the cases the person follows. Regenerating
 * replaces the token; revoking deletes it (the old URL answers 404).
 */
@Injectable()
export class TribunalCalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: TribunalAccess,
  ) {}

  async status(user: AuthUser): Promise<TribunalCalendarFeed> {
    const [row]: { created_at: Date }[] = await this.db.query(
      `SELECT created_at FROM tribunal_calendar_token WHERE user_id = $1`,
      [user.id],
    );
    return { active: !!row, createdAt: row?.created_at ?? null };
  }

  async regenerate(user: AuthUser): Promise<TribunalCalendarLink> {
    const token = randomBytes(32).toString('base64url');
    await this.db.query(
      `INSERT INTO tribunal_calendar_token (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
      [user.id, hash(token)],
    );
    const path = `/api/calendar/${token}.ics`;
    return { path, url: new URL(path, this.config.appUrl).toString() };
  }

  async revoke(user: AuthUser): Promise<TribunalCalendarFeed> {
    await this.db.query(`DELETE FROM tribunal_calendar_token WHERE user_id = $1`, [user.id]);
    return { active: false, createdAt: null };
  }

  /** The feed's iCalendar text, or null for an unknown or revoked token. */
  async feed(token: string): Promise<string | null> {
    if (!TOKEN.test(token)) return null;
    const [user]: { id: string; role: Role; organisation_id: string; is_legal_officer: boolean }[] =
      await this.db.query(
        `SELECT u.id, u.role, u.organisation_id, u.is_legal_officer FROM tribunal_calendar_token t
         JOIN app_user u ON u.id = t.user_id
         WHERE t.token_hash = $1 AND u.deactivated_at IS NULL`,
        [hash(token)],
      );
    if (!user) return null;
    const viewer = {
      id: user.id,
      role: user.role,
      organisationId: user.organisation_id,
      isLegalOfficer: user.is_legal_officer,
    };
    const reader = await this.access.mayRead(viewer);
    const actsForCity = this.access.actsForCity(viewer);
    const params = [user.id, user.organisation_id, actsForCity];
    const [hearings, deadlines]: [
      {
        id: string;
        case_id: string;
        title: string;
        signature: string | null;
        hearing_at: Date;
        note: string;
      }[],
      {
        id: string;
        case_id: string;
        title: string;
        signature: string | null;
        stage: string;
        deadline: string;
      }[],
    ] = reader
      ? await Promise.all([
          this.db.query(
            `SELECT e.id, c.id AS case_id, c.title, coalesce(c.signature, c.preliminary_signature) AS signature,
                    e.hearing_at, e.note
             FROM tribunal_case c JOIN tribunal_stage_entry e ON e.case_id = c.id
             WHERE c.id IN (${FOLLOWED_SQL}) AND e.voided_at IS NULL AND e.hearing_at IS NOT NULL
               -- an adjourned hearing (another one scheduled after it) is no longer on
               AND NOT EXISTS (SELECT 1 FROM tribunal_stage_entry n WHERE n.case_id = e.case_id
                 AND n.voided_at IS NULL AND n.stage = 'HEARING_SCHEDULED' AND n.created_at > e.created_at)
             ORDER BY e.hearing_at`,
            params,
          ),
          this.db.query(
            `SELECT e.id, c.id AS case_id, c.title, coalesce(c.signature, c.preliminary_signature) AS signature,
                    e.stage, to_char(e.deadline, 'YYYY-MM-DD') AS deadline
             FROM tribunal_case c ${CURRENT_ENTRY_JOIN}
             WHERE c.id IN (${FOLLOWED_SQL}) AND e.deadline IS NOT NULL ORDER BY e.deadline`,
            params,
          ),
        ])
      : [[], []];
    const calendar = ical({
      name: 'Civitas — Trybunał Konstytucyjny',
      method: ICalCalendarMethod.PUBLISH,
      // Hearings are exact instants written in UTC (…Z), which every client shows in its own
      // time; a TZID would need a VTIMEZONE block, and ical-generator would write plain
      // Dates in the server's zone under it. Deadlines are whole days (VALUE=DATE).
      x: [{ key: 'X-WR-TIMEZONE', value: TRIBUNAL_TIME_ZONE }],
      prodId: { company: 'Civitas', product: 'tribunal', language: 'PL' },
    });
    const link = (caseId: string) => new URL(`/tribunal/${caseId}`, this.config.appUrl).toString();
    for (const h of hearings) {
      calendar.createEvent({
        id: `hearing-${h.id}@civitas`,
        start: h.hearing_at,
        end: new Date(h.hearing_at.getTime() + HEARING_MS),
        summary: `Rozprawa TK${h.signature ? ` ${h.signature}` : ''}: ${h.title}`,
        description: h.note || undefined,
        location: 'Trybunał Konstytucyjny, al. J. Ch. Szucha 12a, Warszawa',
        url: link(h.case_id),
      });
    }
    for (const d of deadlines) {
      const [y, m, day] = d.deadline.split('-').map(Number);
      calendar.createEvent({
        id: `deadline-${d.id}@civitas`,
        start: new Date(Date.UTC(y, m - 1, day)),
        allDay: true,
        summary: `Termin (${d.stage === 'DEFECTS_CALL' ? 'usunięcie braków formalnych' : 'zażalenie'})${d.signature ? ` ${d.signature}` : ''}: ${d.title}`,
        url: link(d.case_id),
      });
    }
    return calendar.toString();
  }
}

@Controller('api/calendar')
export class TribunalCalendarController {
  constructor(private readonly calendar: TribunalCalendarService) {}

  /** `/api/calendar/<token>.ics`: public, the token is the secret; unknown or revoked: 404. */
  @Public()
  @Get(':file')
  async feed(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
    const body = await this.calendar.feed(token);
    if (body === null) throw notFound('Calendar');
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(body);
  }
}
