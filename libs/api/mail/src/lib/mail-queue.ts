import { Logger } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import type { MailService, OutgoingMail } from './mail.service';

export interface MailQueueOptions {
  /** Sending attempts per mail, the first included. */
  attempts: number;
  /** Wait before the first retry; each further retry waits twice as long. */
  backoffMs: number;
  /** Redis key prefix: API processes of one deployment share it, other deployments must not. */
  prefix: string;
}

export const MAIL_QUEUE_OPTIONS = Symbol('MAIL_QUEUE_OPTIONS');

export const DEFAULT_MAIL_QUEUE_OPTIONS: MailQueueOptions = {
  attempts: 6,
  backoffMs: 5000,
  prefix: 'civitas',
};

/**
 * Mail sent after the request that caused it has answered: a slow or failing SMTP server
 * delays the mail and is retried, it never slows or fails the request.
 */
export abstract class MailQueue {
  /** Resolves once the mail is queued, not sent. */
  abstract enqueue(mail: OutgoingMail): Promise<void>;
  abstract close(): Promise<void>;
}

/** The embedded mode: a queue in this process's memory, with the same retries. */
export class InProcessMailQueue extends MailQueue {
  private readonly logger = new Logger('MailQueue');
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly mail: MailService,
    private readonly options: MailQueueOptions,
  ) {
    super();
  }

  async enqueue(mail: OutgoingMail): Promise<void> {
    this.schedule(mail, 1, 0);
  }

  private schedule(mail: OutgoingMail, attempt: number, delayMs: number) {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.mail.send(mail).catch((e: Error) => {
        if (attempt >= this.options.attempts) {
          this.logger.error(`mail to ${mail.to} failed ${attempt} times, given up: ${e.message}`);
          return;
        }
        const wait = this.options.backoffMs * 2 ** (attempt - 1);
        this.logger.warn(`mail to ${mail.to} failed (${e.message}); retry in ${wait} ms`);
        this.schedule(mail, attempt + 1, wait);
      });
    }, delayMs);
    this.timers.add(timer);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
  }
}

const QUEUE_NAME = 'mail';

/** With REDIS_URL: a BullMQ queue every API process feeds and works off, surviving restarts. */
export class BullMailQueue extends MailQueue {
  private readonly logger = new Logger('MailQueue');
  private readonly queue: Queue<OutgoingMail>;
  private readonly worker: Worker<OutgoingMail>;

  constructor(redisUrl: string, mail: MailService, options: MailQueueOptions) {
    super();
    const connection = { url: redisUrl, maxRetriesPerRequest: null };
    this.queue = new Queue<OutgoingMail>(QUEUE_NAME, {
      connection,
      prefix: options.prefix,
      defaultJobOptions: {
        attempts: options.attempts,
        backoff: { type: 'exponential', delay: options.backoffMs },
        // Mail carries personal data and single-use links: Redis keeps a sent one an hour (to
        // look into a problem), a failed one a week, then forgets them.
        removeOnComplete: { age: 3600, count: 1000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    });
    this.worker = new Worker<OutgoingMail>(QUEUE_NAME, (job) => mail.send(job.data), {
      connection,
      prefix: options.prefix,
      concurrency: 4,
    });
    this.worker.on('failed', (job, e) =>
      this.logger.warn(
        `mail to ${job?.data.to} failed (attempt ${job?.attemptsMade}/${options.attempts}): ${e.message}`,
      ),
    );
    this.worker.on('error', (e) => this.logger.error(`mail worker: ${e.message}`));
  }

  async enqueue(mail: OutgoingMail): Promise<void> {
    await this.queue.add('send', mail);
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.queue.close();
  }
}
