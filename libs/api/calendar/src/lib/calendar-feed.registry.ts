import { Injectable } from '@nestjs/common';
import type { ICalCalendar } from 'ical-generator';
import type { Role } from '@civitas/shared/domain';

/** The person a feed is served to (the token's owner, as the database has them now). */
export interface CalendarViewer {
  id: string;
  role: Role;
  organisationId: string;
  isLegalOfficer: boolean;
}

/**
 * One domain's entries in a person's calendar feed (tribunal hearings and deadlines, the
 * events they registered for…). Each domain registers its source when its module starts, so
 * the feed never imports a domain (the inversion PersonalDataRegistry uses).
 */
export interface CalendarFeedSource {
  /** Unique; also the order entries are added in. */
  readonly name: string;
  /** Adds what the viewer may see; instants as Dates (written in UTC), whole days `allDay`. */
  addEntries(calendar: ICalCalendar, viewer: CalendarViewer): Promise<void>;
}

@Injectable()
export class CalendarFeedRegistry {
  private readonly sources = new Map<string, CalendarFeedSource>();

  register(source: CalendarFeedSource): void {
    if (this.sources.has(source.name)) {
      throw new Error(`Calendar feed source ${source.name} registered twice`);
    }
    this.sources.set(source.name, source);
  }

  all(): CalendarFeedSource[] {
    return [...this.sources.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
