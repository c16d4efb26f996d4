import { randomUUID } from 'node:crypto';
import { Role } from '@civitas/shared/domain';
import { MailQueueOptionsModule } from '@civitas/api/mail';
import {
  eventually,
  FlakySmtpServer,
  GqlResponse,
  redisAnswers,
  TEST_REDIS_URL,
  TestApp,
  TestUser,
} from '@civitas/api/testing';
import { NewsletterModule } from './newsletter.module';

const ISSUE_FIELDS = `id stats { queued sent failed skipped }`;

function data<T = any>(r: GqlResponse): T {
  if (r.errors) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

/** Confirmed subscribers, written directly: this file is about sending, not opting in. */
async function subscribers(t: TestApp, emails: string[]) {
  await t.db.query(
    `INSERT INTO newsletter_subscriber (email, status, consent_text_version, confirmed_at)
     SELECT unnest($1::text[]), 'CONFIRMED', 'newsletter-2026-11-27', now()`,
    [emails],
  );
}

async function sendIssue(t: TestApp, office: TestUser, subject: string): Promise<string> {
  const { createNewsletterIssue: issue } = data(
    await t.gql(
      `mutation($input: NewsletterIssueInput!) { createNewsletterIssue(input: $input) { id } }`,
      { input: { subject, body: 'Treść' } },
      { token: office.token },
    ),
  );
  data(
    await t.gql(
      `mutation($id: ID!) { sendNewsletterIssue(id: $id) { id } }`,
      { id: issue.id },
      {
        token: office.token,
      },
    ),
  );
  return issue.id;
}

const settled = (t: TestApp, office: TestUser, id: string, timeoutMs = 20_000) =>
  eventually(async () => {
    const { stats } = data(
      await t.gql(
        `query($id: ID!) { newsletterIssue(id: $id) { ${ISSUE_FIELDS} } }`,
        { id },
        {
          token: office.token,
        },
      ),
    ).newsletterIssue;
    expect(stats.sent + stats.failed + stats.skipped).toBe(stats.queued);
    return stats;
  }, timeoutMs);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Gaps between consecutive arrivals, in ms. */
const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]);

/** 120 a minute: one mail every 500 ms (well above a loopback SMTP exchange's time). */
const RATE = '120';
const SPACING_MS = 500;

describe('newsletter delivery over real SMTP (in-process queue)', () => {
  let smtp: FlakySmtpServer;
  let t: TestApp;
  let office: TestUser;

  beforeAll(async () => {
    smtp = new FlakySmtpServer(0, 0, ['dead@example.pl']);
    await smtp.start();
    t = await TestApp.start(
      [NewsletterModule, MailQueueOptionsModule.forRoot({ backoffMs: 50, attempts: 2 })],
      { SMTP_URL: smtp.url, NEWSLETTER_MAILS_PER_MINUTE: RATE, NEWSLETTER_BOUNCE_LIMIT: '2' },
    );
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
    await subscribers(t, [
      'alpha@example.pl',
      'beta@example.pl',
      'dead@example.pl',
      'gamma@example.pl',
      'delta@example.pl',
      'epsilon@example.pl',
    ]);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('holds the configured rate, and a 550 marks the address bouncing without a retry', async () => {
    const id = await sendIssue(t, office, 'Wydanie 1');
    expect(await settled(t, office, id)).toEqual({ queued: 6, sent: 5, failed: 1, skipped: 0 });
    const arrivals = smtp.received
      .filter((m) => m.subject === 'Wydanie 1')
      .map((m) => m.receivedAt);
    expect(arrivals).toHaveLength(5);
    const between = gaps(arrivals);
    console.info(
      `newsletter rate ${RATE}/min: median gap ${median(between)} ms (interval ${SPACING_MS} ms, ratio ${(median(between) / SPACING_MS).toFixed(2)})`,
    );
    // Evenly spaced: the whole issue takes at least (n - 1) intervals, the median gap is the
    // interval, and no two mails go back to back (each SMTP exchange's own time varies, on a
    // busy machine by a few hundred ms, so single gaps do too).
    expect(median(between)).toBeGreaterThanOrEqual(SPACING_MS * 0.85);
    expect(Math.min(...between)).toBeGreaterThanOrEqual(SPACING_MS * 0.4);
    expect(arrivals.at(-1)! - arrivals[0]).toBeGreaterThanOrEqual(4 * SPACING_MS * 0.9);

    // 550 is permanent: one attempt, not retried; the address is bouncing.
    expect(smtp.refused.filter((a) => a === 'dead@example.pl')).toHaveLength(1);
    const [dead] = await t.db.query(
      `SELECT failure_count, last_error, bouncing_at FROM newsletter_subscriber WHERE email = 'dead@example.pl'`,
    );
    expect(dead.failure_count).toBe(1);
    expect(dead.last_error).toMatch(/^550 /);
    expect(dead.bouncing_at).not.toBeNull();
    const [delivery] = await t.db.query(
      `SELECT d.status, d.attempts FROM newsletter_delivery d
       JOIN newsletter_subscriber s ON s.id = d.subscriber_id WHERE s.email = 'dead@example.pl'`,
    );
    expect(delivery).toEqual({ status: 'FAILED', attempts: 1 });
  });

  it('leaves a bouncing address out of the next issue', async () => {
    const id = await sendIssue(t, office, 'Wydanie 2');
    expect(await settled(t, office, id)).toEqual({ queued: 5, sent: 5, failed: 0, skipped: 0 });
    expect(smtp.refused).toHaveLength(1);
    const { newsletterAudience } = data(
      await t.gql(`{ newsletterAudience { confirmed bouncing } }`, {}, { token: office.token }),
    );
    expect(newsletterAudience).toEqual({ confirmed: 5, bouncing: 1 });
  });

  it('retries temporary failures a bounded number of times, counts them per address, and bounces after the limit', async () => {
    await t.db.query(
      `UPDATE newsletter_subscriber SET bouncing_at = now() WHERE email <> 'alpha@example.pl'`,
    );
    for (const round of [1, 2]) {
      const attemptsBefore = smtp.attempts;
      smtp.failNext(2);
      const id = await sendIssue(t, office, `Awaria ${round}`);
      expect(await settled(t, office, id)).toEqual({ queued: 1, sent: 0, failed: 1, skipped: 0 });
      // Two attempts (MailQueueOptions.attempts), then given up: not retried forever.
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.attempts - attemptsBefore).toBe(2);
      const [alpha] = await t.db.query(
        `SELECT failure_count, last_error, bouncing_at FROM newsletter_subscriber WHERE email = 'alpha@example.pl'`,
      );
      expect(alpha.failure_count).toBe(round);
      expect(alpha.last_error).toMatch(/^451 /);
      // NEWSLETTER_BOUNCE_LIMIT=2: bouncing after the second failed delivery, not the first.
      expect(alpha.bouncing_at === null).toBe(round === 1);
    }
  });
});

describe('newsletter delivery on Redis (BullMQ rate limiter)', () => {
  let available = false;
  let smtp: FlakySmtpServer;
  let t: TestApp | undefined;
  let office: TestUser;

  beforeAll(async () => {
    available = await redisAnswers();
    if (!available) {
      console.warn(`Redis does not answer at ${TEST_REDIS_URL}: the BullMQ rate test is skipped.`);
      return;
    }
    smtp = new FlakySmtpServer(0);
    await smtp.start();
    t = await TestApp.start(
      [
        NewsletterModule,
        MailQueueOptionsModule.forRoot({
          backoffMs: 50,
          attempts: 2,
          prefix: `civitas-test-${randomUUID()}`,
        }),
      ],
      { SMTP_URL: smtp.url, REDIS_URL: TEST_REDIS_URL, NEWSLETTER_MAILS_PER_MINUTE: RATE },
    );
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
    await subscribers(t, [
      'r1@example.pl',
      'r2@example.pl',
      'r3@example.pl',
      'r4@example.pl',
      'r5@example.pl',
      'r6@example.pl',
    ]);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('holds the configured rate across the queue', async () => {
    if (!available) return;
    const id = await sendIssue(t!, office, 'Przez Redis');
    expect(await settled(t!, office, id)).toEqual({ queued: 6, sent: 6, failed: 0, skipped: 0 });
    const arrivals = smtp.received.map((m) => m.receivedAt).sort((a, b) => a - b);
    const between = gaps(arrivals);
    expect(arrivals.at(-1)! - arrivals[0]).toBeGreaterThanOrEqual(5 * SPACING_MS * 0.9);
    console.info(
      `newsletter rate ${RATE}/min on BullMQ: median gap ${median(between)} ms (interval ${SPACING_MS} ms, ratio ${(median(between) / SPACING_MS).toFixed(2)})`,
    );
  });
});
