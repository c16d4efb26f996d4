import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { RecurringJob } from '@civitas/api/core';
import type { RecurringJobOptions } from '@civitas/api/core';
import { RecurringJobs } from '@civitas/api/mail';
import { NewsletterSubscriptionsService } from './newsletter-subscriptions.service';

/** 03:30 in Poland, daily; without Redis, hourly (a repeat deletes nothing more). */
export const NEWSLETTER_PURGE_JOB: RecurringJobOptions = {
  name: 'newsletter-purge-unconfirmed',
  cron: '30 3 * * *',
  fallbackEveryMs: 60 * 60 * 1000,
};

/** Deletes addresses never confirmed within 30 days, once a day for all API processes. */
@Injectable()
export class NewsletterPurgeScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('NewsletterPurge');
  readonly job = new RecurringJob(NEWSLETTER_PURGE_JOB, () =>
    this.subscriptions.purgeUnconfirmed(),
  );

  constructor(
    private readonly subscriptions: NewsletterSubscriptionsService,
    private readonly jobs: RecurringJobs,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.jobs
      .start(this.job)
      .catch((e: Error) => this.logger.error(`purge schedule: ${e.message}`));
  }
}
