import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Header lines as sent, keyed in lower case (List-Unsubscribe…). */
  headers: Record<string, string>;
  receivedAt: Date;
}

/** `Key: value` header lines as a record keyed in lower case (the last one wins). */
export function headerLines(
  lines: readonly { key: string; line: string }[],
): Record<string, string> {
  return Object.fromEntries(
    lines.map(({ key, line }) => [
      key.toLowerCase(),
      line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n\s+/g, ' ')
        .trim(),
    ]),
  );
}

/**
 * An SMTP server inside the process, for development and tests when no SMTP_URL is set:
 * mail really travels over SMTP, and tests read what arrived.
 */
export class MailCapture {
  readonly messages: CapturedMail[] = [];
  private readonly waiters: (() => void)[] = [];
  private server?: SMTPServer;
  private listeningPort = 0;

  constructor(private readonly onMail: (mail: CapturedMail) => void = () => undefined) {}

  get port(): number {
    return this.listeningPort;
  }

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, done) => {
        simpleParser(stream)
          .then((parsed) => {
            const to = [parsed.to ?? []]
              .flat()
              .flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
            const mail = {
              to,
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: headerLines(parsed.headerLines),
              receivedAt: new Date(),
            };
            this.messages.push(mail);
            this.onMail(mail);
            this.waiters.splice(0).forEach((wake) => wake());
            done();
          })
          .catch(done);
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.listeningPort = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  /** The newest mail to `address` that matches, waiting for it to arrive (tests). */
  async waitFor(
    address: string,
    match: (m: CapturedMail) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<CapturedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages
        .filter((m) => m.to.includes(address.toLowerCase()) && match(m))
        .at(-1);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No mail to ${address} arrived within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  sentTo(address: string): CapturedMail[] {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()));
  }
}
