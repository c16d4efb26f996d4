import { Inject, Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';
import { APP_CONFIG, RecurringJob } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { DEFAULT_MAIL_QUEUE_OPTIONS, MAIL_QUEUE_OPTIONS } from './mail-queue';
import type { MailQueueOptions } from './mail-queue';

/**
 * Starts the app's RecurringJobs and stops them when it stops: on Redis when the deployment
 * has it, under the key prefix its API processes share (the mail queue's), so each job runs
 * once across them; else on a timer in this process. Tests start none: they call the work.
 */
@Injectable()
export class RecurringJobs implements OnApplicationShutdown {
  private readonly started: RecurringJob[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional()
    @Inject(MAIL_QUEUE_OPTIONS)
    private readonly options?: Partial<MailQueueOptions>,
  ) {}

  async start(job: RecurringJob): Promise<void> {
    if (this.config.env === 'test') return;
    this.started.push(job);
    const prefix = this.options?.prefix ?? DEFAULT_MAIL_QUEUE_OPTIONS.prefix;
    await job.start(this.config.redisUrl ? { url: this.config.redisUrl, prefix } : undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.started.map((job) => job.stop()));
  }
}
