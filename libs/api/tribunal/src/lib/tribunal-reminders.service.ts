import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { claimDay } from '@civitas/api/database';
import { TRIBUNAL_REMINDER_DAYS } from '@civitas/shared/domain';
import { Clock, DomainEvent, RecurringJob } from '@civitas/api/core';
import type { RecurringJobOptions, TribunalDeadlinesDueEvent } from '@civitas/api/core';
import { RecurringJobs } from '@civitas/api/mail';
import { CURRENT_ENTRY_JOIN, RESPONSIBLE_SQL, todayInPoland } from './tribunal-cases.service';

/**
 * 07:00 in Poland, every day; without Redis, at start and then hourly (the day's claim stops
 * repeats), so a process started on a day runs that day's reminders at once.
 */
export const TRIBUNAL_REMINDER_JOB: RecurringJobOptions = {
  name: 'tribunal-deadline-reminders',
  cron: '0 7 * * *',
  fallbackEveryMs: 60 * 60 * 1000,
  tryAtStart: true,
};

export interface TribunalReminderRun {
  ran: boolean;
  reminders: number;
}

/**
 * The daily tribunal reminder: every running deadline 5, 3 or 1 days away, or due today,
 * reminds the office and the parties' legal officers and admins (in-app and mail, through
 * notifications). Once per day across processes, as the opinion reminder: an advisory lock
 * (a second process does not wait) and the day's row in `tribunal_reminder_run` (no process
 * runs a day twice); announced after the claim commits.
 */
@Injectable()
export class TribunalRemindersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventEmitter2,
    private readonly clock: Clock = new Clock(),
  ) {}

  /** `day` defaults to today in Poland by the Clock (CLOCK_FIXED_AT outside production). */
  async runForDay(day: string = todayInPoland(this.clock.now())): Promise<TribunalReminderRun> {
    const outcome = await this.db.transaction(async (tx) => {
      if (!(await claimDay(tx, 'tribunal-deadline-reminders', 'tribunal_reminder_run', day)))
        return null;
      const rows: {
        id: string;
        title: string;
        stage: string;
        deadline: string;
        days_left: number;
        recipients: string[];
      }[] = await tx.query(
        `SELECT c.id, c.title, e.stage, to_char(e.deadline, 'YYYY-MM-DD') AS deadline,
                (e.deadline - $1::date) AS days_left, ${RESPONSIBLE_SQL} AS recipients
         FROM tribunal_case c ${CURRENT_ENTRY_JOIN}
         WHERE e.deadline IS NOT NULL AND (e.deadline - $1::date) = ANY($2::int[])
         ORDER BY e.deadline, c.id`,
        [day, TRIBUNAL_REMINDER_DAYS],
      );
      await tx.query(`UPDATE tribunal_reminder_run SET reminders = $2 WHERE run_date = $1::date`, [
        day,
        rows.length,
      ]);
      const event: TribunalDeadlinesDueEvent = {
        day,
        reminders: rows.map((r) => ({
          caseId: r.id,
          caseTitle: r.title,
          stage: r.stage,
          deadline: r.deadline,
          daysLeft: r.days_left,
          recipientIds: r.recipients,
        })),
      };
      return event;
    });
    if (!outcome) return { ran: false, reminders: 0 };
    if (outcome.reminders.length) this.events.emit(DomainEvent.TRIBUNAL_DEADLINES_DUE, outcome);
    return { ran: true, reminders: outcome.reminders.length };
  }
}

/** Fires the reminder at 07:00 in Poland, once for all API processes (see RecurringJob). */
@Injectable()
export class TribunalRemindersScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('TribunalReminders');
  private readonly job = new RecurringJob(TRIBUNAL_REMINDER_JOB, () =>
    this.reminders
      .runForDay()
      .then((r) => r.ran && this.logger.log(`tribunal deadline reminders: ${r.reminders}`)),
  );

  constructor(
    private readonly reminders: TribunalRemindersService,
    private readonly jobs: RecurringJobs,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.jobs.start(this.job);
  }
}
