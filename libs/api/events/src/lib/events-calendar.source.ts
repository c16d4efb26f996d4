import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ICalCalendar } from 'ical-generator';
import { DataSource } from 'typeorm';
import { CalendarFeedRegistry } from '@civitas/api/calendar';
import type { CalendarFeedSource, CalendarViewer } from '@civitas/api/calendar';
import { APP_CONFIG } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { addEvent, EventRow } from './events.service';

/**
 * The events' part of the personal calendar feed: the events the person is registered for
 * (or waitlisted: they may still go) and the meetings of their working groups. A cancelled
 * event stays, marked STATUS:CANCELLED, so the reader's calendar updates its entry.
 */
@Injectable()
export class EventsCalendarSource implements CalendarFeedSource, OnModuleInit {
  readonly name = 'events';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: CalendarFeedRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async addEntries(calendar: ICalCalendar, viewer: CalendarViewer): Promise<void> {
    const rows: EventRow[] = await this.db.query(
      `SELECT e.id, e.title, e.description, e.starts_at, e.ends_at, e.place, e.online_url, e.updated_at,
              e.cancelled_at, e.cancellation_reason
       FROM association_event e
       WHERE EXISTS (SELECT 1 FROM event_registration r WHERE r.event_id = e.id
                       AND r.user_id = $1 AND r.status <> 'CANCELLED')
          OR (e.audience = 'WORKING_GROUP' AND EXISTS (SELECT 1 FROM group_membership gm
                WHERE gm.group_id = e.group_id AND gm.user_id = $1))
       ORDER BY e.starts_at, e.id`,
      [viewer.id],
    );
    for (const row of rows) addEvent(calendar, row, this.config.appUrl);
  }
}
