import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { claimDay } from '@civitas/api/database';
import { OPINION_DUE_SOON_DAYS } from '@civitas/shared/domain';
import { DomainEvent, RecurringJob } from '@civitas/api/core';
import type { OpinionDeadlinesDueEvent, RecurringJobOptions } from '@civitas/api/core';
import { RecurringJobs } from '@civitas/api/mail';
import { todayInPoland } from './opinion-requests.service';

/** 07:30 in Poland, every day; hourly tries without Redis (the day's claim stops repeats). */
export const OPINION_REMINDER_JOB: RecurringJobOptions = {
  name: 'opinion-deadline-reminders',
  cron: '30 7 * * *',
  fallbackEveryMs: 60 * 60 * 1000,
};

export interface ReminderRun {
  /** False when another process holds the run or the day was already done. */
  ran: boolean;
  reminders: number;
}

/**
 * The daily deadline reminder: every request accepted or in progress that is due within
 * three days or overdue reminds its expert and the office (in-app and mail, through
 * notifications). It runs once per day across every API process: the day is claimed in
 * PostgreSQL (an advisory lock, so a second process does not wait, and a row per day in
 * `opinion_reminder_run`, so no process runs a day twice); the claim commits before the
 * reminders are announced — at most once: a process dying in between skips that day.
 */
@Injectable()
export class OpinionRemindersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventEmitter2,
  ) {}

  async runForDay(day: string = todayInPoland()): Promise<ReminderRun> {
    const outcome = await this.db.transaction(async (tx) => {
      if (!(await claimDay(tx, 'opinion-deadline-reminders', 'opinion_reminder_run', day)))
        return null;
      const rows: {
        id: string;
        subject: string;
        due_date: string;
        overdue: boolean;
        recipients: string[];
      }[] = await tx.query(
        `SELECT r.id, r.subject, to_char(r.due_date, 'YYYY-MM-DD') AS due_date,
                r.due_date < $1::date AS overdue,
                ARRAY(SELECT u.id FROM app_user u WHERE u.deactivated_at IS NULL
                      AND (u.id = r.expert_id OR u.role = 'OFFICE_ADMIN')) AS recipients
         FROM opinion_request r
         WHERE r.state IN ('ACCEPTED', 'IN_PROGRESS') AND r.due_date <= $1::date + $2::int
         ORDER BY r.due_date, r.id`,
        [day, OPINION_DUE_SOON_DAYS],
      );
      await tx.query(`UPDATE opinion_reminder_run SET reminders = $2 WHERE run_date = $1::date`, [
        day,
        rows.length,
      ]);
      const event: OpinionDeadlinesDueEvent = {
        day,
        reminders: rows.map((r) => ({
          requestId: r.id,
          subject: r.subject,
          dueDate: r.due_date,
          overdue: r.overdue,
          recipientIds: r.recipients,
        })),
      };
      return event;
    });
    if (!outcome) return { ran: false, reminders: 0 };
    if (outcome.reminders.length) this.events.emit(DomainEvent.OPINION_DEADLINES_DUE, outcome);
    return { ran: true, reminders: outcome.reminders.length };
  }
}

/** Fires the reminder at 07:30 in Poland, once for all API processes (see RecurringJob). */
@Injectable()
export class OpinionRemindersScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('OpinionReminders');
  private readonly job = new RecurringJob(OPINION_REMINDER_JOB, () =>
    this.reminders
      .runForDay()
      .then((r) => r.ran && this.logger.log(`deadline reminders: ${r.reminders} request(s)`)),
  );

  constructor(
    private readonly reminders: OpinionRemindersService,
    private readonly jobs: RecurringJobs,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.jobs.start(this.job);
  }
}
