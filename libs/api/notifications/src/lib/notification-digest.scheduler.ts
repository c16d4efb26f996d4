import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { APP_CONFIG } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { MAIL_QUEUE_OPTIONS, DEFAULT_MAIL_QUEUE_OPTIONS } from '@civitas/api/mail';
import type { MailQueueOptions } from '@civitas/api/mail';
import { NotificationDigestService } from './notification-digest.service';

const DAY_MS = 24 * 60 * 60 * 1000;
/** 07:00 in Poland, every day. */
const DIGEST_CRON = '0 7 * * *';

/**
 * Runs the daily digest. With REDIS_URL a BullMQ job scheduler fires it once a day for
 * all API processes together; embedded (one process), a timer does. Tests call
 * NotificationDigestService directly and schedule nothing.
 */
@Injectable()
export class NotificationDigestScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationDigest');
  private timer?: NodeJS.Timeout;
  private queue?: Queue;
  private worker?: Worker;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly digest: NotificationDigestService,
    @Optional()
    @Inject(MAIL_QUEUE_OPTIONS)
    private readonly options?: Partial<MailQueueOptions>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.env === 'test') return;
    const run = () =>
      this.digest
        .sendDailyDigests()
        .then((mails) => this.logger.log(`daily digest: ${mails} mail(s) queued`));
    if (!this.config.redisUrl) {
      this.timer = setInterval(() => void run().catch((e) => this.logger.error(e)), DAY_MS);
      this.timer.unref();
      return;
    }
    const connection = { url: this.config.redisUrl, maxRetriesPerRequest: null };
    const prefix = this.options?.prefix ?? DEFAULT_MAIL_QUEUE_OPTIONS.prefix;
    this.queue = new Queue('notification-digest', { connection, prefix });
    await this.queue.upsertJobScheduler(
      'daily-digest',
      { pattern: DIGEST_CRON, tz: 'Europe/Warsaw' },
      { name: 'digest', opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } } },
    );
    this.worker = new Worker('notification-digest', () => run(), { connection, prefix });
    this.worker.on('error', (e) => this.logger.error(`digest worker: ${e.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.worker?.close();
    await this.queue?.close();
  }
}
