import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatInTimeZone } from 'date-fns-tz';
import { DataSource } from 'typeorm';
import { EVENT_TIME_ZONE } from '@civitas/shared/domain';
import { claimDay } from '@civitas/api/database';
import { DomainEvent, RecurringJob } from '@civitas/api/core';
import type { EventRemindersDueEvent, RecurringJobOptions } from '@civitas/api/core';
import { RecurringJobs } from '@civitas/api/mail';
import { warsaw } from './events.service';

/** 08:00 in Poland, every day; without Redis, at start and then hourly (the claim stops repeats). */
export const EVENT_REMINDER_JOB: RecurringJobOptions = {
  name: 'event-reminders',
  cron: '0 8 * * *',
  fallbackEveryMs: 60 * 60 * 1000,
  tryAtStart: true,
};

export interface EventReminderRun {
  ran: boolean;
  reminders: number;
}

export const todayInPoland = (now = new Date()) =>
  formatInTimeZone(now, EVENT_TIME_ZONE, 'yyyy-MM-dd');

/**
 * The day-before reminder: everyone registered for an event starting tomorrow (Polish date),
 * unless it was cancelled, is reminded in-app and by e-mail, through notifications. Once per day across processes: an
 * advisory lock and the day's row in `event_reminder_run` (claimDay); announced after commit.
 */
@Injectable()
export class EventRemindersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventEmitter2,
  ) {}

  async runForDay(day: string = todayInPoland()): Promise<EventReminderRun> {
    const outcome = await this.db.transaction(async (tx) => {
      if (!(await claimDay(tx, 'event-reminders', 'event_reminder_run', day))) return null;
      const rows: { id: string; title: string; starts_at: Date; recipients: string[] }[] =
        await tx.query(
          `WITH due AS (
             UPDATE event_registration r SET reminded_at = now()
             FROM association_event e
             WHERE e.id = r.event_id AND r.status = 'REGISTERED' AND r.reminded_at IS NULL
               AND e.cancelled_at IS NULL
               AND (e.starts_at AT TIME ZONE '${EVENT_TIME_ZONE}')::date = $1::date + 1
             RETURNING e.id, r.user_id)
           SELECT e.id, e.title, e.starts_at, array_agg(d.user_id ORDER BY d.user_id) AS recipients
           FROM due d JOIN association_event e ON e.id = d.id
           GROUP BY e.id ORDER BY e.starts_at, e.id`,
          [day],
        );
      await tx.query(`UPDATE event_reminder_run SET reminders = $2 WHERE run_date = $1::date`, [
        day,
        rows.length,
      ]);
      const event: EventRemindersDueEvent = {
        day,
        reminders: rows.map((r) => ({
          eventId: r.id,
          eventTitle: r.title,
          startsAt: warsaw(r.starts_at),
          recipientIds: r.recipients,
        })),
      };
      return event;
    });
    if (!outcome) return { ran: false, reminders: 0 };
    if (outcome.reminders.length) this.events.emit(DomainEvent.EVENT_REMINDERS_DUE, outcome);
    return { ran: true, reminders: outcome.reminders.length };
  }
}

/** Fires the reminder at 08:00 in Poland, once for all API processes (see RecurringJob). */
@Injectable()
export class EventRemindersScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('EventReminders');
  private readonly job = new RecurringJob(EVENT_REMINDER_JOB, () =>
    this.reminders
      .runForDay()
      .then((r) => r.ran && this.logger.log(`event reminders: ${r.reminders}`)),
  );

  constructor(
    private readonly reminders: EventRemindersService,
    private readonly jobs: RecurringJobs,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.jobs.start(this.job);
  }
}
