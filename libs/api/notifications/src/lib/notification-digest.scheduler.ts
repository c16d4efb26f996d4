import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { APP_CONFIG, RecurringJob } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { MAIL_QUEUE_OPTIONS, DEFAULT_MAIL_QUEUE_OPTIONS } from '@civitas/api/mail';
import type { MailQueueOptions } from '@civitas/api/mail';
import { NotificationDigestService } from './notification-digest.service';

/**
 * Runs the daily digest at 07:00 in Poland, once for all API processes together (see
 * RecurringJob). Tests call NotificationDigestService directly and schedule nothing.
 */
@Injectable()
export class NotificationDigestScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationDigest');
  private readonly job = new RecurringJob(
    { name: 'notification-digest', cron: '0 7 * * *', fallbackEveryMs: 24 * 60 * 60 * 1000 },
    () =>
      this.digest
        .sendDailyDigests()
        .then((mails) => this.logger.log(`daily digest: ${mails} mail(s) queued`)),
  );

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly digest: NotificationDigestService,
    @Optional()
    @Inject(MAIL_QUEUE_OPTIONS)
    private readonly options?: Partial<MailQueueOptions>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.env === 'test') return;
    const prefix = this.options?.prefix ?? DEFAULT_MAIL_QUEUE_OPTIONS.prefix;
    await this.job.start(this.config.redisUrl ? { url: this.config.redisUrl, prefix } : undefined);
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}
