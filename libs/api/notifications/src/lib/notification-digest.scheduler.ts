import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { RecurringJob } from '@civitas/api/core';
import { RecurringJobs } from '@civitas/api/mail';
import { NotificationDigestService } from './notification-digest.service';

/**
 * Runs the daily digest at 07:00 in Poland, once for all API processes together (see
 * RecurringJob). Tests call NotificationDigestService directly and schedule nothing.
 */
@Injectable()
export class NotificationDigestScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('NotificationDigest');
  private readonly job = new RecurringJob(
    { name: 'notification-digest', cron: '0 7 * * *', fallbackEveryMs: 24 * 60 * 60 * 1000 },
    () =>
      this.digest
        .sendDailyDigests()
        .then((mails) => this.logger.log(`daily digest: ${mails} mail(s) queued`)),
  );

  constructor(
    private readonly digest: NotificationDigestService,
    private readonly jobs: RecurringJobs,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.jobs.start(this.job);
  }
}
