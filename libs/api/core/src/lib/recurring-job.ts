import { Logger } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';

export interface RecurringJobOptions {
  /** Its BullMQ queue and job scheduler id: one per job. */
  name: string;
  /** With Redis: when, as a cron pattern in Polish time. */
  cron: string;
  /** Without Redis: how often the process tries; the job itself makes a repeat harmless. */
  fallbackEveryMs: number;
  /**
   * Without Redis: also try once at start, so a day's run missed while the process was down
   * is caught up at once rather than a fallback period later (only for a job that runs a
   * day at most once).
   */
  tryAtStart?: boolean;
}

/** Where the shared schedule lives: REDIS_URL and the deployment's key prefix. */
export interface RecurringJobRedis {
  url: string;
  prefix: string;
}

/**
 * A job on a schedule for all API processes together (daily digests, deadline reminders).
 * With Redis: one BullMQ job scheduler with a fixed id, which every process upserts (one
 * schedule, not one per process) and whose job one worker takes, retried on failure.
 * Without Redis (the embedded start, one process): a timer.
 */
export class RecurringJob {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private queue?: Queue;
  private worker?: Worker;

  constructor(
    private readonly options: RecurringJobOptions,
    private readonly run: () => Promise<unknown>,
  ) {
    this.logger = new Logger(options.name);
  }

  /** The one schedule; upserting it again (another process, a restart) changes nothing. */
  static async schedule(queue: Queue, options: RecurringJobOptions): Promise<void> {
    await queue.upsertJobScheduler(
      options.name,
      { pattern: options.cron, tz: 'Europe/Warsaw' },
      { name: 'run', opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } } },
    );
  }

  async start(redis?: RecurringJobRedis): Promise<void> {
    if (!redis) {
      const attempt = () => void this.run().catch((e: Error) => this.logger.error(e.message));
      this.timer = setInterval(attempt, this.options.fallbackEveryMs);
      this.timer.unref();
      if (this.options.tryAtStart) attempt();
      return;
    }
    const connection = { url: redis.url, maxRetriesPerRequest: null };
    this.queue = new Queue(this.options.name, { connection, prefix: redis.prefix });
    await RecurringJob.schedule(this.queue, this.options);
    this.worker = new Worker(this.options.name, () => this.run(), {
      connection,
      prefix: redis.prefix,
    });
    this.worker.on('error', (e) => this.logger.error(`worker: ${e.message}`));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.worker?.close();
    await this.queue?.close();
  }
}
