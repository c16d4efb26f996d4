import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ERASURE_GRACE_DAYS } from '@civitas/shared/domain';
import type { AuthUser } from '@civitas/api/auth';
import { PasswordService } from '@civitas/api/auth';
import { AuditService } from '@civitas/api/audit';
import { Clock, conflict, notFound, RecurringJob } from '@civitas/api/core';
import type { RecurringJobOptions } from '@civitas/api/core';
import { ConsentLog, PersonalDataRegistry } from '@civitas/api/personal-data';
import type { AfterErasure } from '@civitas/api/personal-data';
import { RecurringJobs } from '@civitas/api/mail';
import { eraseAccount } from './account-data';
import { ErasureRequest } from './privacy.types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every minute: one indexed look for due erasures, so one is never long overdue. */
export const ERASURE_JOB: RecurringJobOptions = {
  name: 'privacy-erasures',
  cron: '* * * * *',
  fallbackEveryMs: 60 * 1000,
  tryAtStart: true,
};

/**
 * Erasure (RODO art. 17). Asked for with the password, it waits ERASURE_GRACE_DAYS, during
 * which the account keeps working and the person can cancel; then the recurring job erases:
 * every domain's contributor, then the account itself. Posts, messages and comments stay,
 * shown under the anonymous name. What contributors announce goes out once the erasure commits.
 */
@Injectable()
export class ErasureService {
  private readonly logger = new Logger('Erasure');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly registry: PersonalDataRegistry,
    private readonly consents: ConsentLog,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async request(user: AuthUser, password: string, now = new Date()): Promise<ErasureRequest> {
    await this.passwords.verifyCurrent(user.id, password);
    return this.db.transaction(async (tx) => {
      const [row]: { id: string; requested_at: Date; due_at: Date }[] = await tx.query(
        `INSERT INTO erasure_request (user_id, requested_at, due_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) WHERE cancelled_at IS NULL DO NOTHING
         RETURNING id, requested_at, due_at`,
        [user.id, now, new Date(now.getTime() + ERASURE_GRACE_DAYS * DAY_MS)],
      );
      if (!row) throw conflict('Erasure of this account is already requested');
      await this.audit.record(
        {
          actorId: user.id,
          action: 'privacy.erasure.requested',
          entityType: 'erasure_request',
          entityId: row.id,
        },
        tx,
      );
      return { id: row.id, requestedAt: row.requested_at, dueAt: row.due_at };
    });
  }

  async cancel(user: AuthUser): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [[row]]: [{ id: string }[], number] = await tx.query(
        `UPDATE erasure_request SET cancelled_at = now()
         WHERE user_id = $1 AND cancelled_at IS NULL AND performed_at IS NULL RETURNING id`,
        [user.id],
      );
      if (!row) throw notFound('Pending erasure');
      await this.audit.record(
        {
          actorId: user.id,
          action: 'privacy.erasure.cancelled',
          entityType: 'erasure_request',
          entityId: row.id,
        },
        tx,
      );
      return true;
    });
  }

  /**
   * Erases every account whose grace period ended by `now` (the Clock's, which only a
   * non-production configuration may fix), each in its own transaction. Concurrent runs
   * (several processes) skip rows another one holds, so each erasure runs once.
   */
  async runDue(now = this.clock.now()): Promise<number> {
    let erased = 0;
    for (;;) {
      const afterwards: AfterErasure[] = [];
      const done = await this.db.transaction(async (tx) => {
        const [due]: { id: string; user_id: string }[] = await tx.query(
          `SELECT id, user_id FROM erasure_request
           WHERE cancelled_at IS NULL AND performed_at IS NULL AND due_at <= $1
           ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [now],
        );
        if (!due) return false;
        for (const contributor of this.registry.all()) {
          const after = await contributor.erase(due.user_id, tx);
          if (after) afterwards.push(after);
        }
        await eraseAccount(due.user_id, tx, this.consents);
        await tx.query(`UPDATE erasure_request SET performed_at = now() WHERE id = $1`, [due.id]);
        await this.audit.record(
          {
            actorId: null,
            action: 'privacy.erasure.performed',
            entityType: 'erasure_request',
            entityId: due.id,
          },
          tx,
        );
        return true;
      });
      if (!done) return erased;
      erased++;
      for (const after of afterwards) {
        await after().catch((e: Error) => this.logger.error(`after an erasure: ${e.message}`));
      }
    }
  }
}

/** Runs due erasures hourly, once for all API processes (see RecurringJob). */
@Injectable()
export class ErasureScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('Erasure');
  private readonly job = new RecurringJob(ERASURE_JOB, () =>
    this.erasures.runDue().then((n) => n && this.logger.log(`accounts erased: ${n}`)),
  );

  constructor(
    private readonly erasures: ErasureService,
    private readonly jobs: RecurringJobs,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.jobs.start(this.job);
  }
}
