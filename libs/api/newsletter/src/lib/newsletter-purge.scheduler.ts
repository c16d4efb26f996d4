import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { APP_CONFIG, RecurringJob } from '@civitas/api/core';
import type { AppConfig, RecurringJobOptions } from '@civitas/api/core';
import { DEFAULT_MAIL_QUEUE_OPTIONS, MAIL_QUEUE_OPTIONS } from '@civitas/api/mail';
import type { MailQueueOptions } from '@civitas/api/mail';
import { NewsletterSubscriptionsService } from './newsletter-subscriptions.service';

/** 03:30 in Poland, daily; without Redis, hourly (a repeat deletes nothing more). */
export const NEWSLETTER_PURGE_JOB: RecurringJobOptions = {
  name: 'newsletter-purge-unconfirmed',
  cron: '30 3 * * *',
  fallbackEveryMs: 60 * 60 * 1000,
};

/** Deletes addresses never confirmed within 30 days, once a day for all API processes. */
@Injectable()
export class NewsletterPurgeScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NewsletterPurge');
  readonly job = new RecurringJob(NEWSLETTER_PURGE_JOB, () =>
    this.subscriptions.purgeUnconfirmed(),
  );

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly subscriptions: NewsletterSubscriptionsService,
    @Optional()
    @Inject(MAIL_QUEUE_OPTIONS)
    private readonly options?: Partial<MailQueueOptions>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.env === 'test') return;
    const prefix = this.options?.prefix ?? DEFAULT_MAIL_QUEUE_OPTIONS.prefix;
    await this.job
      .start(this.config.redisUrl ? { url: this.config.redisUrl, prefix } : undefined)
      .catch((e: Error) => this.logger.error(`purge schedule: ${e.message}`));
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}
