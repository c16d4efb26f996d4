import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { headerLines } from '@civitas/api/mail';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  headers: Record<string, string>;
  receivedAt: number;
}

/**
 * A real SMTP server on loopback that answers the first `failures` messages with a
 * temporary error (451) and, optionally, takes `delayMs` before answering each one:
 * a mail provider having a bad minute, for the mail queue's tests. Recipients in `rejected`
 * are refused for good (550 "no such mailbox") at RCPT TO, as a real provider answers for a
 * dead address.
 */
export class FlakySmtpServer {
  readonly received: ReceivedMail[] = [];
  attempts = 0;
  private server?: SMTPServer;

  /** Every RCPT TO refused with 550, in order. */
  readonly refused: string[] = [];

  constructor(
    private failures: number,
    private readonly delayMs = 0,
    private readonly rejected: readonly string[] = [],
  ) {}

  /** The next `n` messages are answered 451, as the first ones were. */
  failNext(n: number): void {
    this.failures = n;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server!.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // No reverse DNS of the client: on loopback it only adds latency to every message.
      disableReverseLookup: true,
      onRcptTo: (address, _session, done) => {
        if (!this.rejected.includes(address.address.toLowerCase())) return done();
        this.refused.push(address.address.toLowerCase());
        const error = new Error('No such mailbox') as Error & { responseCode: number };
        error.responseCode = 550;
        done(error);
      },
      onData: (stream, _session, done) => {
        this.attempts++;
        const fail = this.failures > 0;
        if (fail) this.failures--;
        simpleParser(stream)
          .then(async (parsed) => {
            await new Promise((resolve) => setTimeout(resolve, this.delayMs));
            if (fail) {
              const error = new Error('Try again later') as Error & { responseCode: number };
              error.responseCode = 451;
              return done(error);
            }
            this.received.push({
              to: [parsed.to ?? []]
                .flat()
                .flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase())),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              headers: headerLines(parsed.headerLines),
              receivedAt: Date.now(),
            });
            done();
          })
          .catch(done);
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  async waitFor(address: string, timeoutMs = 10_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find((m) => m.to.includes(address.toLowerCase()));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No mail to ${address} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Polls until `check` passes (listeners run after the event's publisher has moved on). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
