import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatInTimeZone } from 'date-fns-tz';
import { DataSource, EntityManager } from 'typeorm';
import {
  OFFICE_PRIVACY_REQUESTS,
  Permission,
  PRIVACY_REQUEST_DUE_SOON_DAYS,
  privacyRequestReference,
  Role,
  ROLE_PERMISSIONS,
} from '@civitas/shared/domain';
import { Clock, DomainEvent, RecurringJob } from '@civitas/api/core';
import type {
  PrivacyDeadlinesDueEvent,
  PrivacyRequestFiledEvent,
  RecurringJobOptions,
} from '@civitas/api/core';
import { RecurringJobs } from '@civitas/api/mail';
import { REQUEST_DUE_ON_SQL } from './privacy-request-deadline';

/** The roles that may handle the office's queue: whoever holds what `privacyRequests` needs. */
const HANDLER_ROLES = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) =>
  ROLE_PERMISSIONS[role].includes(Permission.PRIVACY_MANAGE),
);

/** The active accounts that may handle the queue, but never the requester themself. */
async function handlers(db: DataSource | EntityManager, except?: string): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM app_user WHERE role = ANY($1::text[]) AND deactivated_at IS NULL
       AND id IS DISTINCT FROM $2::uuid ORDER BY id`,
    [HANDLER_ROLES, except ?? null],
  );
  return rows.map((r) => r.id);
}

const todayInPoland = (now: Date) => formatInTimeZone(now, 'Europe/Warsaw', 'yyyy-MM-dd');

/**
 * 07:15 in Poland, every day; without Redis, at start and then hourly. What was sent is
 * recorded per request and stage, so any number of tries sends each stage once.
 */
export const PRIVACY_REMINDER_JOB: RecurringJobOptions = {
  name: 'privacy-deadline-reminders',
  cron: '15 7 * * *',
  fallbackEveryMs: 60 * 60 * 1000,
  tryAtStart: true,
};

export interface PrivacyReminderRun {
  /** False when another process held the run. */
  ran: boolean;
  reminders: number;
}

/**
 * Tells the office of requests it must answer within a month (RODO art. 12(3)): at filing,
 * then 7 days before the deadline, on its day and once overdue, until resolved. Announced
 * as domain events; notifications store them and mail them through the mail queue.
 */
@Injectable()
export class PrivacyRequestAlerts {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventEmitter2,
    private readonly clock: Clock = new Clock(),
  ) {}

  /** After the request committed: every handler but the requester hears of it. */
  async filed(
    request: { id: string; kind: string; dueOn: string | null },
    requesterId: string,
  ): Promise<void> {
    if (!request.dueOn) return;
    const event: PrivacyRequestFiledEvent = {
      requestId: request.id,
      reference: privacyRequestReference(request.id),
      kind: request.kind,
      dueOn: request.dueOn,
      recipientIds: await handlers(this.db, requesterId),
    };
    this.events.emit(DomainEvent.PRIVACY_REQUEST_FILED, event);
  }

  /**
   * The reminders due on `day` (today in Poland by the Clock; CLOCK_FIXED_AT outside
   * production): each open request's stage for that day, unless that stage was sent
   * before. DUE_SOON is due on any of the 7 days before the deadline, so a day missed while
   * no process ran is caught up; DUE_TODAY only on the day; OVERDUE any day after. The
   * record commits before the announcement: at most once, as the other reminders.
   */
  async runForDay(day: string = todayInPoland(this.clock.now())): Promise<PrivacyReminderRun> {
    const outcome = await this.db.transaction(async (tx) => {
      // A second process does not wait: the first sends what is due.
      const [{ locked }]: { locked: boolean }[] = await tx.query(
        `SELECT pg_try_advisory_xact_lock(hashtext('civitas:${PRIVACY_REMINDER_JOB.name}')) AS locked`,
      );
      if (!locked) return null;
      const rows: { id: string; kind: string; due_on: string; stage: string }[] = await tx.query(
        `WITH due AS (
           SELECT r.id, r.kind, ${REQUEST_DUE_ON_SQL} AS due_on
           FROM privacy_request r
           WHERE r.status = 'OPEN' AND r.kind = ANY($2::text[])
         ), staged AS (
           SELECT id, kind, due_on,
                  CASE WHEN $1::date > due_on THEN 'OVERDUE'
                       WHEN $1::date = due_on THEN 'DUE_TODAY'
                       WHEN $1::date >= due_on - $3::int THEN 'DUE_SOON' END AS stage
           FROM due
         ), sent AS (
           INSERT INTO privacy_request_reminder (request_id, stage, run_date)
           SELECT id, stage, $1::date FROM staged WHERE stage IS NOT NULL
           ON CONFLICT (request_id, stage) DO NOTHING
           RETURNING request_id, stage
         )
         SELECT s.id, s.kind, to_char(s.due_on, 'YYYY-MM-DD') AS due_on, s.stage
         FROM staged s JOIN sent ON sent.request_id = s.id AND sent.stage = s.stage
         ORDER BY s.due_on, s.id`,
        [day, OFFICE_PRIVACY_REQUESTS, PRIVACY_REQUEST_DUE_SOON_DAYS],
      );
      const recipientIds = rows.length ? await handlers(tx) : [];
      const event: PrivacyDeadlinesDueEvent = {
        day,
        reminders: rows.map((r) => ({
          requestId: r.id,
          reference: privacyRequestReference(r.id),
          kind: r.kind,
          dueOn: r.due_on,
          stage: r.stage,
          recipientIds,
        })),
      };
      return event;
    });
    if (!outcome) return { ran: false, reminders: 0 };
    if (outcome.reminders.length) this.events.emit(DomainEvent.PRIVACY_DEADLINES_DUE, outcome);
    return { ran: true, reminders: outcome.reminders.length };
  }
}

/** Fires the reminder at 07:15 in Poland, once for all API processes (see RecurringJob). */
@Injectable()
export class PrivacyRemindersScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('PrivacyReminders');
  private readonly job = new RecurringJob(PRIVACY_REMINDER_JOB, () =>
    this.alerts
      .runForDay()
      .then((r) => r.reminders && this.logger.log(`privacy deadline reminders: ${r.reminders}`)),
  );

  constructor(
    private readonly alerts: PrivacyRequestAlerts,
    private readonly jobs: RecurringJobs,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.jobs.start(this.job);
  }
}
