import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ICalCalendar } from 'ical-generator';
import { DataSource } from 'typeorm';
import { TribunalAccess } from '@civitas/api/access';
import { CalendarFeedRegistry, CalendarFeedService } from '@civitas/api/calendar';
import type { CalendarFeedSource, CalendarViewer } from '@civitas/api/calendar';
import { APP_CONFIG } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { CURRENT_ENTRY_JOIN } from './tribunal-cases.service';

/** A hearing is shown as two hours long: the Tribunal announces only when it starts. */
const HEARING_MS = 2 * 60 * 60 * 1000;

/** SQL: the cases user $1 (organisation $2, acting for a city: $3) follows. */
const FOLLOWED_SQL = `SELECT c.id FROM tribunal_case c
  LEFT JOIN tribunal_follow f ON f.case_id = c.id AND f.user_id = $1
  WHERE f.following OR (f.following IS NULL AND $3 AND EXISTS (
    SELECT 1 FROM tribunal_case_city cc WHERE cc.case_id = c.id AND cc.status = 'ACCEPTED'
      AND cc.organisation_id = $2))`;

/**
 * The tribunal's part of the person's calendar feed (the feed itself, its token and URL, are
 * the shared CalendarFeedService's): hearings and running deadlines of the cases the person
 * follows. The tribunal's feed operations act on the same one personal token.
 */
@Injectable()
export class TribunalCalendarService implements CalendarFeedSource, OnModuleInit {
  readonly name = 'tribunal';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: TribunalAccess,
    private readonly feeds: CalendarFeedService,
    private readonly registry: CalendarFeedRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async addEntries(calendar: ICalCalendar, viewer: CalendarViewer): Promise<void> {
    const reader = await this.access.mayRead(viewer);
    const actsForCity = this.access.actsForCity(viewer);
    const params = [viewer.id, viewer.organisationId, actsForCity];
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
  }
}
