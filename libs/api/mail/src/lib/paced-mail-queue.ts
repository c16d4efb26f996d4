import { Logger } from '@nestjs/common';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { MailService, OutgoingMail } from './mail.service';

/** Why a mail was not sent; `permanent` when the server refused it for good (SMTP 5xx). */
export interface MailFailure {
  message: string;
  permanent: boolean;
  responseCode?: number;
}

/** Reads nodemailer's error: a 5xx reply (e.g. 550 "no such mailbox") will not change on retry. */
export function mailFailure(error: unknown): MailFailure {
  const e = error as { message?: string; responseCode?: number; response?: string };
  const responseCode = typeof e?.responseCode === 'number' ? e.responseCode : undefined;
  return {
    message: (e?.response ?? e?.message ?? String(error)).slice(0, 500),
    permanent: responseCode !== undefined && responseCode >= 500,
    responseCode,
  };
}

/**
 * What a paced queue asks its owner about each mail, by id, when its turn comes: the mail is
 * built (and the recipient checked) at send time, so an unsubscribe written after queueing
 * still counts.
 */
export interface PacedMailHandler {
  /** The mail to send now, or null to skip it. */
  prepare(id: string): Promise<OutgoingMail | null>;
  sent(id: string): Promise<void>;
  /** `final`: no further attempt follows (a permanent refusal, or the attempts are used up). */
  failed(id: string, failure: MailFailure, final: boolean): Promise<void>;
}

export interface PacedMailQueueOptions {
  /** The BullMQ queue's name (one per kind of bulk mail). */
  name: string;
  /** Mails started per minute, evenly spaced, across all processes of the deployment. */
  perMinute: number;
  attempts: number;
  backoffMs: number;
  prefix: string;
}

/**
 * Bulk mail (newsletter issues) at a controlled rate, with bounded retries: a mail provider's
 * sending limit is respected, and a failing address is tried `attempts` times at most (a
 * permanent refusal: once).
 */
export abstract class PacedMailQueue {
  /** Resolves once every id is queued. An id already queued is not queued again. */
  abstract enqueue(ids: string[]): Promise<void>;
  abstract close(): Promise<void>;

  /** One attempt; throws to ask for a retry. */
  protected static async attempt(
    mail: MailService,
    handler: PacedMailHandler,
    id: string,
    attemptsLeft: number,
  ): Promise<'sent' | 'skipped'> {
    const outgoing = await handler.prepare(id);
    if (!outgoing) return 'skipped';
    try {
      await mail.send(outgoing);
    } catch (e) {
      const failure = mailFailure(e);
      await handler.failed(id, failure, failure.permanent || attemptsLeft <= 1);
      throw failure.permanent ? new UnrecoverableError(failure.message) : e;
    }
    await handler.sent(id);
    return 'sent';
  }
}

/** The embedded mode: a timer takes one mail per interval from a list in memory. */
export class InProcessPacedMailQueue extends PacedMailQueue {
  private readonly logger: Logger;
  private readonly waiting: { id: string; attempt: number }[] = [];
  private readonly known = new Set<string>();
  private readonly retries = new Set<NodeJS.Timeout>();
  private readonly intervalMs: number;
  private timer?: NodeJS.Timeout;
  private nextAt = 0;
  private closed = false;

  constructor(
    private readonly mail: MailService,
    private readonly handler: PacedMailHandler,
    private readonly options: PacedMailQueueOptions,
  ) {
    super();
    this.logger = new Logger(options.name);
    this.intervalMs = 60_000 / options.perMinute;
  }

  async enqueue(ids: string[]): Promise<void> {
    for (const id of ids) {
      if (this.known.has(id)) continue;
      this.known.add(id);
      this.waiting.push({ id, attempt: 1 });
    }
    this.pump();
  }

  /** One mail at a time: the next starts an interval after the previous started, and not before it ended. */
  private pump() {
    if (this.timer || this.closed || this.waiting.length === 0) return;
    this.timer = setTimeout(
      () => {
        const job = this.waiting.shift()!;
        this.nextAt = Date.now() + this.intervalMs;
        void this.run(job).then(() => {
          this.timer = undefined;
          this.pump();
        });
      },
      Math.max(0, this.nextAt - Date.now()),
    );
  }

  private async run(job: { id: string; attempt: number }) {
    try {
      await PacedMailQueue.attempt(
        this.mail,
        this.handler,
        job.id,
        this.options.attempts - job.attempt + 1,
      );
      this.known.delete(job.id);
    } catch (e) {
      if (e instanceof UnrecoverableError || job.attempt >= this.options.attempts) {
        this.known.delete(job.id);
        this.logger.warn(`mail ${job.id} given up: ${(e as Error).message}`);
        return;
      }
      if (this.closed) return;
      const retry = setTimeout(
        () => {
          this.retries.delete(retry);
          this.waiting.push({ id: job.id, attempt: job.attempt + 1 });
          this.pump();
        },
        this.options.backoffMs * 2 ** (job.attempt - 1),
      );
      this.retries.add(retry);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.retries.forEach((t) => clearTimeout(t));
  }
}

/**
 * With REDIS_URL: a BullMQ queue whose rate limiter is shared through Redis, so several API
 * processes together send no faster than `perMinute`.
 */
export class BullPacedMailQueue extends PacedMailQueue {
  private readonly logger: Logger;
  private readonly queue: Queue<{ id: string }>;
  private readonly worker: Worker<{ id: string }>;

  constructor(
    redisUrl: string,
    mail: MailService,
    handler: PacedMailHandler,
    private readonly options: PacedMailQueueOptions,
  ) {
    super();
    this.logger = new Logger(options.name);
    const connection = { url: redisUrl, maxRetriesPerRequest: null };
    this.queue = new Queue(options.name, {
      connection,
      prefix: options.prefix,
      defaultJobOptions: {
        attempts: options.attempts,
        backoff: { type: 'exponential', delay: options.backoffMs },
        removeOnComplete: { age: 3600, count: 1000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    });
    this.worker = new Worker(
      options.name,
      (job) =>
        PacedMailQueue.attempt(mail, handler, job.data.id, options.attempts - job.attemptsMade),
      {
        connection,
        prefix: options.prefix,
        limiter: { max: 1, duration: Math.max(1, Math.round(60_000 / options.perMinute)) },
      },
    );
    this.worker.on('failed', (job, e) =>
      this.logger.warn(`mail ${job?.data.id} failed (attempt ${job?.attemptsMade}): ${e.message}`),
    );
    this.worker.on('error', (e) => this.logger.error(`worker: ${e.message}`));
  }

  async enqueue(ids: string[]): Promise<void> {
    await this.queue.addBulk(
      ids.map((id) => ({ name: 'send', data: { id }, opts: { jobId: id } })),
    );
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.queue.close();
  }
}
