import { DataSource } from 'typeorm';
import {
  ConsentPurpose,
  currentConsentText,
  Permission,
  Role,
  hasPermission,
} from '@civitas/shared/domain';
import { PersonalDataRegistry } from '@civitas/api/personal-data';
import { errorCode, eventually, GqlResponse, TestApp, TestUser } from '@civitas/api/testing';
import { NewsletterDispatch } from './newsletter-dispatch';
import { NewsletterModule } from './newsletter.module';
import { NewsletterPurgeScheduler } from './newsletter-purge.scheduler';
import { NewsletterSubscriptionsService } from './newsletter-subscriptions.service';

const VERSION = currentConsentText(ConsentPurpose.NEWSLETTER).version;
const SUBSCRIBE = `mutation($input: SubscribeToNewsletterInput!) { subscribeToNewsletter(input: $input) }`;
const CONFIRM = `mutation($token: String!) { confirmNewsletterSubscription(token: $token) { email } }`;
const UNSUBSCRIBE = `mutation($token: String!) { unsubscribeFromNewsletter(token: $token) }`;
const ISSUE_FIELDS = `id subject body bodyHtml sentAt stats { queued sent failed skipped }`;
const CREATE = `mutation($input: NewsletterIssueInput!) { createNewsletterIssue(input: $input) { ${ISSUE_FIELDS} } }`;
const SEND = `mutation($id: ID!) { sendNewsletterIssue(id: $id) { ${ISSUE_FIELDS} } }`;
const ISSUE = `query($id: ID!) { newsletterIssue(id: $id) { ${ISSUE_FIELDS} } }`;
const AUDIENCE = `{ newsletterAudience { confirmed pending bouncing unsubscribed } }`;
const MINE = `{ myNewsletterSubscription { email subscribed status bouncing } }`;
const SET_MINE = `mutation($input: SetMyNewsletterSubscriptionInput!) { setMyNewsletterSubscription(input: $input) { email subscribed status } }`;

function data<T = any>(r: GqlResponse): T {
  if (r.errors) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

let ipCounter = 0;
/** A fresh client address per call, so the per-IP limit is tested only where meant. */
const nextIp = () => `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

const tokenOf = (url: URL) => url.searchParams.get('token')!;

async function subscriber(db: DataSource, email: string) {
  const [row] = await db.query(`SELECT * FROM newsletter_subscriber WHERE email = $1`, [email]);
  return row;
}

async function consentRows(db: DataSource, email: string) {
  return db.query(
    `SELECT action, source, text_version FROM consent_record WHERE email = $1 ORDER BY created_at, id`,
    [email],
  );
}

describe('newsletter', () => {
  let t: TestApp;
  let office: TestUser;
  let official: TestUser;

  const subscribe = (email: string, ip = nextIp(), version = VERSION) =>
    t.gql(SUBSCRIBE, { input: { email, consentTextVersion: version } }, { ip });
  const isConfirmation = (m: { subject: string }) => m.subject.startsWith('Potwierdź zapis');
  const confirmationLink = (email: string) =>
    t.linkInMailTo(email, (s) => isConfirmation({ subject: s }));
  /** The link of the next confirmation mail after the `before`th. */
  async function nextConfirmationLink(email: string, before: number) {
    await eventually(async () =>
      expect(t.mail.sentTo(email).filter(isConfirmation).length).toBeGreaterThan(before),
    );
    return confirmationLink(email);
  }

  /** Subscribes and confirms `email`; returns nothing, the address then receives issues. */
  async function confirmed(email: string) {
    data(await subscribe(email));
    data(await t.gql(CONFIRM, { token: tokenOf(await confirmationLink(email)) }));
  }

  async function sendIssue(subject: string): Promise<string> {
    const issue = data(
      await t.gql(
        CREATE,
        { input: { subject, body: `# ${subject}\n\nTreść **wydania**.` } },
        { token: office.token },
      ),
    ).createNewsletterIssue;
    data(await t.gql(SEND, { id: issue.id }, { token: office.token }));
    return issue.id;
  }

  /** Waits until every delivery of the issue is finished; returns its statistics. */
  const settled = (id: string) =>
    eventually(async () => {
      const { stats } = data(await t.gql(ISSUE, { id }, { token: office.token })).newsletterIssue;
      expect(stats.sent + stats.failed + stats.skipped).toBe(stats.queued);
      return stats;
    }, 10_000);

  beforeAll(async () => {
    t = await TestApp.start([NewsletterModule], { NEWSLETTER_MAILS_PER_MINUTE: '6000' });
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
    official = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: await t.makeCity('3064011'),
    });
  });
  afterAll(() => t.close());

  describe('double opt-in', () => {
    it('subscribes without signing in: a pending row, a confirmation mail, no consent yet', async () => {
      expect(data(await subscribe('Anna.Nowak@Example.PL'))).toEqual({
        subscribeToNewsletter: true,
      });
      const row = await subscriber(t.db, 'anna.nowak@example.pl');
      expect(row).toMatchObject({ status: 'PENDING', consent_text_version: VERSION });
      const link = await confirmationLink('anna.nowak@example.pl');
      expect(link.pathname).toBe('/newsletter/confirm');
      // Only the token's hash is stored.
      expect(row.confirmation_token_hash).not.toContain(tokenOf(link));
      expect(row.confirmation_token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(await consentRows(t.db, 'anna.nowak@example.pl')).toEqual([]);
    });

    it('confirming records the consent with the wording shown; the link then answers TOKEN_USED', async () => {
      const token = tokenOf(await confirmationLink('anna.nowak@example.pl'));
      expect(data(await t.gql(CONFIRM, { token }))).toEqual({
        confirmNewsletterSubscription: { email: 'anna.nowak@example.pl' },
      });
      expect(await subscriber(t.db, 'anna.nowak@example.pl')).toMatchObject({
        status: 'CONFIRMED',
      });
      expect(await consentRows(t.db, 'anna.nowak@example.pl')).toEqual([
        { action: 'GRANTED', source: 'NEWSLETTER_CONFIRMATION', text_version: VERSION },
      ]);
      const again = await t.gql(CONFIRM, { token });
      expect(errorCode(again)).toBe('TOKEN_USED');
      expect(await consentRows(t.db, 'anna.nowak@example.pl')).toHaveLength(1);
    });

    it('refuses an expired link (TOKEN_EXPIRED) and an unknown one (TOKEN_INVALID), changing nothing', async () => {
      data(await subscribe('late@example.pl'));
      const token = tokenOf(await confirmationLink('late@example.pl'));
      await t.db.query(
        `UPDATE newsletter_subscriber SET confirmation_expires_at = now() - interval '1 minute' WHERE email = 'late@example.pl'`,
      );
      expect(errorCode(await t.gql(CONFIRM, { token }))).toBe('TOKEN_EXPIRED');
      expect(await subscriber(t.db, 'late@example.pl')).toMatchObject({ status: 'PENDING' });
      expect(await consentRows(t.db, 'late@example.pl')).toEqual([]);
      expect(errorCode(await t.gql(CONFIRM, { token: 'x'.repeat(43) }))).toBe('TOKEN_INVALID');
      expect(errorCode(await t.gql(CONFIRM, { token: 'not a token' }))).toBe('TOKEN_INVALID');
    });

    it('refuses a consent wording that was never shown (BAD_USER_INPUT), storing nothing', async () => {
      const res = await subscribe('wording@example.pl', nextIp(), 'newsletter-1999-01-01');
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(await subscriber(t.db, 'wording@example.pl')).toBeUndefined();
      expect(errorCode(await subscribe('not-an-address'))).toBe('BAD_USER_INPUT');
    });

    it('a pending address asking again gets a new link (the old one stops working), at most 3 an hour', async () => {
      data(await subscribe('again@example.pl'));
      const first = tokenOf(await confirmationLink('again@example.pl'));
      data(await subscribe('again@example.pl'));
      const second = tokenOf(await nextConfirmationLink('again@example.pl', 1));
      expect(second).not.toBe(first);
      expect(errorCode(await t.gql(CONFIRM, { token: first }))).toBe('TOKEN_INVALID');
      // A third request still mails; a fourth answers the same but sends nothing.
      data(await subscribe('again@example.pl'));
      expect(data(await subscribe('again@example.pl'))).toEqual({ subscribeToNewsletter: true });
      await new Promise((r) => setTimeout(r, 300));
      expect(t.mail.sentTo('again@example.pl')).toHaveLength(3);
    });

    it('an already confirmed address: the same answer, no second subscription, no mail', async () => {
      await confirmed('twice@example.pl');
      const before = t.mail.sentTo('twice@example.pl').length;
      const again = await subscribe('twice@example.pl');
      expect(again).toEqual(await subscribe('nobody-yet@example.pl'));
      await new Promise((r) => setTimeout(r, 300));
      expect(t.mail.sentTo('twice@example.pl')).toHaveLength(before);
      expect(await subscriber(t.db, 'twice@example.pl')).toMatchObject({ status: 'CONFIRMED' });
      const [{ count }] = await t.db.query(
        `SELECT count(*)::int AS count FROM newsletter_subscriber WHERE email = 'twice@example.pl'`,
      );
      expect(count).toBe(1);
      expect(await consentRows(t.db, 'twice@example.pl')).toHaveLength(1);
    });

    it('throttles the public form per IP address (TOO_MANY_REQUESTS), storing nothing more', async () => {
      const ip = '10.99.99.99';
      for (let i = 0; i < 10; i++) data(await subscribe(`flood${i}@example.pl`, ip));
      const refused = await subscribe('flood-over@example.pl', ip);
      expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
      expect(await subscriber(t.db, 'flood-over@example.pl')).toBeUndefined();
      // Another address is not affected.
      data(await subscribe('flood-over@example.pl', '10.99.99.98'));
    });
  });

  describe('issues', () => {
    it('is for the office only: others get FORBIDDEN, and only the office holds newsletter:manage', async () => {
      const res = await t.gql(
        CREATE,
        { input: { subject: 'x', body: 'y' } },
        { token: official.token },
      );
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(AUDIENCE))).toBe('UNAUTHENTICATED');
      expect(
        Object.values(Role).filter((r) => hasPermission(r, Permission.NEWSLETTER_MANAGE)),
      ).toEqual([Role.OFFICE_ADMIN]);
    });

    it('sanitises the Markdown and previews it as sent', async () => {
      const body = '# Nagłówek\n\n<script>alert(1)</script> [link](javascript:alert(1))';
      const preview = data(
        await t.gql(
          `query($b: String!) { newsletterPreview(body: $b) }`,
          { b: body },
          {
            token: office.token,
          },
        ),
      ).newsletterPreview;
      expect(preview).toContain('Nagłówek</h');
      expect(preview).not.toMatch(/<script|href="javascript:/);
      const issue = data(
        await t.gql(CREATE, { input: { subject: 'Temat', body } }, { token: office.token }),
      ).createNewsletterIssue;
      expect(issue.bodyHtml).toBe(preview);
      expect(
        errorCode(await t.gql(CREATE, { input: { subject: ' ', body } }, { token: office.token })),
      ).toBe('BAD_USER_INPUT');
    });

    it('sends a test to the office only, with a sample unsubscribe link that unsubscribes nobody', async () => {
      const issue = data(
        await t.gql(
          CREATE,
          { input: { subject: 'Próbne', body: 'Treść' } },
          { token: office.token },
        ),
      ).createNewsletterIssue;
      data(
        await t.gql(
          `mutation($id: ID!) { sendNewsletterTest(id: $id) }`,
          { id: issue.id },
          {
            token: office.token,
          },
        ),
      );
      const mail = await t.mail.waitFor(office.email, (m) => m.subject === '[TEST] Próbne');
      expect(mail.headers['list-unsubscribe']).toContain('/api/newsletter/unsubscribe/test');
      const test = await fetch(`${t.url}/api/newsletter/unsubscribe/test`, { method: 'POST' });
      expect(test.status).toBe(404);
      expect(
        data(await t.gql(ISSUE, { id: issue.id }, { token: office.token })).newsletterIssue,
      ).toMatchObject({ sentAt: null, stats: { queued: 0 } });
    });

    it('sends to confirmed subscribers only, with List-Unsubscribe headers; a second send is a CONFLICT', async () => {
      await confirmed('reader1@example.pl');
      await confirmed('reader2@example.pl');
      data(await subscribe('pending-reader@example.pl'));
      const { newsletterAudience: audience } = data(
        await t.gql(AUDIENCE, {}, { token: office.token }),
      );
      const id = await sendIssue('Wydanie listopadowe');
      const stats = await settled(id);
      expect(stats).toEqual({
        queued: audience.confirmed,
        sent: audience.confirmed,
        failed: 0,
        skipped: 0,
      });
      const mail = await t.mail.waitFor(
        'reader1@example.pl',
        (m) => m.subject === 'Wydanie listopadowe',
      );
      expect(mail.html).toContain('<strong>wydania</strong>');
      expect(mail.headers['list-unsubscribe']).toMatch(
        /^<https?:\/\/[^/]+\/api\/newsletter\/unsubscribe\/[A-Za-z0-9_-]{43}>$/,
      );
      expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      expect(mail.text).toMatch(/\/newsletter\/unsubscribe\?token=[A-Za-z0-9_-]{43}/);
      expect(
        t.mail
          .sentTo('pending-reader@example.pl')
          .filter((m) => m.subject === 'Wydanie listopadowe'),
      ).toEqual([]);

      const again = await t.gql(SEND, { id }, { token: office.token });
      expect(errorCode(again)).toBe('CONFLICT');
      const edit = await t.gql(
        `mutation($id: ID!, $input: NewsletterIssueInput!) { updateNewsletterIssue(id: $id, input: $input) { id } }`,
        { id, input: { subject: 'Inny', body: 'Inna' } },
        { token: office.token },
      );
      expect(errorCode(edit)).toBe('CONFLICT');
      expect((await settled(id)).queued).toBe(stats.queued);
    });

    it('one-click unsubscribe: POST with no cookie and no CSRF header unsubscribes at once and records the withdrawal', async () => {
      const mail = await t.mail.waitFor(
        'reader1@example.pl',
        (m) => m.subject === 'Wydanie listopadowe',
      );
      const url = mail.headers['list-unsubscribe'].slice(1, -1).replace(/^http:\/\/[^/]+/, t.url);
      // A GET (a person, a link scanner) only leads to the page.
      const get = await fetch(url, { redirect: 'manual' });
      expect(get.status).toBe(303);
      expect(get.headers.get('location')).toMatch(/\/newsletter\/unsubscribe\?token=/);
      expect(await subscriber(t.db, 'reader1@example.pl')).toMatchObject({ status: 'CONFIRMED' });

      const post = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(post.status).toBe(200);
      expect(await subscriber(t.db, 'reader1@example.pl')).toMatchObject({
        status: 'UNSUBSCRIBED',
      });
      expect(await consentRows(t.db, 'reader1@example.pl')).toEqual([
        { action: 'GRANTED', source: 'NEWSLETTER_CONFIRMATION', text_version: VERSION },
        { action: 'WITHDRAWN', source: 'NEWSLETTER_UNSUBSCRIBE', text_version: VERSION },
      ]);
      // Twice changes nothing and records nothing more.
      expect((await fetch(url, { method: 'POST' })).status).toBe(200);
      expect(await consentRows(t.db, 'reader1@example.pl')).toHaveLength(2);

      const next = await sendIssue('Wydanie grudniowe');
      await settled(next);
      await t.mail.waitFor('reader2@example.pl', (m) => m.subject === 'Wydanie grudniowe');
      expect(
        t.mail.sentTo('reader1@example.pl').filter((m) => m.subject === 'Wydanie grudniowe'),
      ).toEqual([]);
    });

    it('the unsubscribe page mutation works from the link in the body, and resubscribing needs a new confirmation', async () => {
      const mail = await t.mail.waitFor(
        'reader2@example.pl',
        (m) => m.subject === 'Wydanie grudniowe',
      );
      const token = mail.text.match(/unsubscribe\?token=([A-Za-z0-9_-]{43})/)![1];
      expect(data(await t.gql(UNSUBSCRIBE, { token }))).toEqual({
        unsubscribeFromNewsletter: true,
      });
      expect(data(await t.gql(UNSUBSCRIBE, { token: 'y'.repeat(43) }))).toEqual({
        unsubscribeFromNewsletter: false,
      });
      expect(await subscriber(t.db, 'reader2@example.pl')).toMatchObject({
        status: 'UNSUBSCRIBED',
      });
      const before = t.mail.sentTo('reader2@example.pl').filter(isConfirmation).length;
      data(await subscribe('reader2@example.pl'));
      expect(await subscriber(t.db, 'reader2@example.pl')).toMatchObject({ status: 'PENDING' });
      const link = await nextConfirmationLink('reader2@example.pl', before);
      data(await t.gql(CONFIRM, { token: tokenOf(link) }));
      expect((await consentRows(t.db, 'reader2@example.pl')).map((c: any) => c.action)).toEqual([
        'GRANTED',
        'WITHDRAWN',
        'GRANTED',
      ]);
    });

    it('skips at send time an address that unsubscribed after the issue was queued', async () => {
      await confirmed('quick-leaver@example.pl');
      // The issue is queued while the address is still confirmed…
      const issue = data(
        await t.gql(CREATE, { input: { subject: 'Za późno', body: 'x' } }, { token: office.token }),
      ).createNewsletterIssue;
      const [{ id: deliveryId }] = await t.db.query(
        `INSERT INTO newsletter_delivery (issue_id, subscriber_id, status)
         SELECT $1, id, 'QUEUED' FROM newsletter_subscriber WHERE email = 'quick-leaver@example.pl'
         RETURNING id`,
        [issue.id],
      );
      await t.db.query(
        `UPDATE newsletter_issue SET sent_at = now(), queued_count = 1 WHERE id = $1`,
        [issue.id],
      );
      // …then leaves before its turn comes.
      await t.db.query(
        `UPDATE newsletter_subscriber SET status = 'UNSUBSCRIBED' WHERE email = 'quick-leaver@example.pl'`,
      );
      await t.app.get(NewsletterDispatch).enqueue([deliveryId]);
      expect(await settled(issue.id)).toEqual({ queued: 1, sent: 0, failed: 0, skipped: 1 });
      expect(
        t.mail.sentTo('quick-leaver@example.pl').filter((m) => m.subject === 'Za późno'),
      ).toEqual([]);
    });

    it('queues again at start what a stopped process left QUEUED (no Redis: the queue was in memory)', async () => {
      await confirmed('after-restart@example.pl');
      const issue = data(
        await t.gql(
          CREATE,
          { input: { subject: 'Po restarcie', body: 'x' } },
          { token: office.token },
        ),
      ).createNewsletterIssue;
      await t.db.query(
        `INSERT INTO newsletter_delivery (issue_id, subscriber_id, status)
         SELECT $1, id, 'QUEUED' FROM newsletter_subscriber WHERE email = 'after-restart@example.pl'`,
        [issue.id],
      );
      await t.db.query(
        `UPDATE newsletter_issue SET sent_at = now(), queued_count = 1 WHERE id = $1`,
        [issue.id],
      );
      await t.app.get(NewsletterDispatch).onApplicationBootstrap();
      expect(await settled(issue.id)).toEqual({ queued: 1, sent: 1, failed: 0, skipped: 0 });
      await t.mail.waitFor('after-restart@example.pl', (m) => m.subject === 'Po restarcie');
    });

    it('leaves out accounts whose processing is restricted (matched by e-mail)', async () => {
      const restricted = await t.makeUser({
        role: Role.CITY_OFFICIAL,
        email: 'restricted@example.pl',
      });
      await confirmed('restricted@example.pl');
      await t.db.query(`UPDATE app_user SET processing_restricted_at = now() WHERE id = $1`, [
        restricted.id,
      ]);
      const id = await sendIssue('Bez ograniczonych');
      await settled(id);
      await t.mail.waitFor('twice@example.pl', (m) => m.subject === 'Bez ograniczonych');
      expect(
        t.mail.sentTo('restricted@example.pl').filter((m) => m.subject === 'Bez ograniczonych'),
      ).toEqual([]);
    });
  });

  describe('my subscription (signed in)', () => {
    it('shows and switches the account address, recorded with source PRIVACY_CENTRE', async () => {
      expect(
        data(await t.gql(MINE, {}, { token: official.token })).myNewsletterSubscription,
      ).toEqual({ email: official.email, subscribed: false, status: null, bouncing: false });
      expect(
        errorCode(
          await t.gql(SET_MINE, { input: { subscribed: true } }, { token: official.token }),
        ),
      ).toBe('BAD_USER_INPUT');
      const on = await t.gql(
        SET_MINE,
        { input: { subscribed: true, consentTextVersion: VERSION } },
        { token: official.token },
      );
      expect(data(on).setMyNewsletterSubscription).toMatchObject({
        subscribed: true,
        status: 'CONFIRMED',
      });
      const off = await t.gql(
        SET_MINE,
        { input: { subscribed: false } },
        { token: official.token },
      );
      expect(data(off).setMyNewsletterSubscription).toMatchObject({
        subscribed: false,
        status: 'UNSUBSCRIBED',
      });
      expect(await consentRows(t.db, official.email)).toEqual([
        { action: 'GRANTED', source: 'PRIVACY_CENTRE', text_version: VERSION },
        { action: 'WITHDRAWN', source: 'PRIVACY_CENTRE', text_version: VERSION },
      ]);
      expect(errorCode(await t.gql(MINE))).toBe('UNAUTHENTICATED');
    });
  });

  describe('personal data', () => {
    it('exports the subscription and its consent history, and erases the row and the consent e-mails', async () => {
      const person = await t.makeUser({ role: Role.CITY_OFFICIAL, email: 'erase.me@example.pl' });
      await confirmed('erase.me@example.pl');
      const contributor = t.app
        .get(PersonalDataRegistry)
        .all()
        .find((c) => c.section === 'newsletter')!;
      const exported = await contributor.export(person.id, t.db.manager);
      expect(exported.data).toMatchObject({
        subscription: {
          email: 'erase.me@example.pl',
          status: 'CONFIRMED',
          consentTextVersion: VERSION,
        },
        consentHistory: [
          { action: 'GRANTED', source: 'NEWSLETTER_CONFIRMATION', textVersion: VERSION },
        ],
      });
      expect(JSON.parse(JSON.stringify(exported.data))).toEqual(exported.data);

      await t.db.transaction((tx) => contributor.erase(person.id, tx));
      expect(await subscriber(t.db, 'erase.me@example.pl')).toBeUndefined();
      expect(await consentRows(t.db, 'erase.me@example.pl')).toEqual([]);
      const [{ count }] = await t.db.query(
        `SELECT count(*)::int AS count FROM consent_record WHERE erased_at IS NOT NULL AND purpose = 'NEWSLETTER'`,
      );
      expect(count).toBeGreaterThanOrEqual(1);
    });
  });

  describe('a change of the account’s address', () => {
    const newsletter = () =>
      t.app
        .get(PersonalDataRegistry)
        .all()
        .find((c) => c.section === 'newsletter')!;
    /** What the accounts library does when a change link is opened, in one transaction. */
    const changeAddress = (person: TestUser, to: string) =>
      t.db.transaction(async (tx) => {
        await tx.query(`UPDATE app_user SET email = $2 WHERE id = $1`, [person.id, to]);
        await newsletter().emailChanged!(person.id, { from: person.email, to }, tx);
      });
    const mine = async (person: TestUser) =>
      data(await t.gql(MINE, {}, { token: person.token })).myNewsletterSubscription;

    it('moves a confirmed subscription to the new address: still confirmed, consent withdrawn at the old and granted at the new with the same wording (EMAIL_CHANGE)', async () => {
      const person = await t.makeUser({ role: Role.CITY_OFFICIAL, email: 'przed@example.pl' });
      await confirmed('przed@example.pl');
      await t.db.query(
        `UPDATE newsletter_subscriber SET failure_count = 2, last_error = '550 mailbox full'
         WHERE email = 'przed@example.pl'`,
      );
      const before = await subscriber(t.db, 'przed@example.pl');

      await changeAddress(person, 'po@example.pl');

      expect(await subscriber(t.db, 'przed@example.pl')).toBeUndefined();
      // The same row, so old issues' unsubscribe links still reach it; bounces were the old address's.
      expect(await subscriber(t.db, 'po@example.pl')).toMatchObject({
        id: before.id,
        status: 'CONFIRMED',
        consent_text_version: VERSION,
        failure_count: 0,
        last_error: null,
      });
      expect(await mine(person)).toEqual({
        email: 'po@example.pl',
        subscribed: true,
        status: 'CONFIRMED',
        bouncing: false,
      });
      expect(await consentRows(t.db, 'przed@example.pl')).toEqual([
        { action: 'GRANTED', source: 'NEWSLETTER_CONFIRMATION', text_version: VERSION },
        { action: 'WITHDRAWN', source: 'EMAIL_CHANGE', text_version: VERSION },
      ]);
      expect(await consentRows(t.db, 'po@example.pl')).toEqual([
        { action: 'GRANTED', source: 'EMAIL_CHANGE', text_version: VERSION },
      ]);
    });

    it('keeps the new address’s own row and removes the old one, preferring a confirmed state', async () => {
      const pending = await t.makeUser({ role: Role.CITY_OFFICIAL, email: 'stary1@example.pl' });
      await confirmed('stary1@example.pl');
      data(await subscribe('nowy1@example.pl'));
      const theirs = await subscriber(t.db, 'nowy1@example.pl');
      await changeAddress(pending, 'nowy1@example.pl');
      expect(await subscriber(t.db, 'stary1@example.pl')).toBeUndefined();
      expect(await subscriber(t.db, 'nowy1@example.pl')).toMatchObject({
        id: theirs.id,
        status: 'CONFIRMED',
        confirmation_token_hash: null,
      });
      expect(await consentRows(t.db, 'nowy1@example.pl')).toEqual([
        { action: 'GRANTED', source: 'EMAIL_CHANGE', text_version: VERSION },
      ]);

      // Both confirmed: the new address's consent stands as it was given, nothing is added.
      const both = await t.makeUser({ role: Role.CITY_OFFICIAL, email: 'stary2@example.pl' });
      await confirmed('stary2@example.pl');
      await confirmed('nowy2@example.pl');
      const kept = await subscriber(t.db, 'nowy2@example.pl');
      await changeAddress(both, 'nowy2@example.pl');
      expect(await subscriber(t.db, 'stary2@example.pl')).toBeUndefined();
      expect(await subscriber(t.db, 'nowy2@example.pl')).toEqual(kept);
      expect(await consentRows(t.db, 'nowy2@example.pl')).toEqual([
        { action: 'GRANTED', source: 'NEWSLETTER_CONFIRMATION', text_version: VERSION },
      ]);
      expect((await consentRows(t.db, 'stary2@example.pl')).at(-1)).toEqual({
        action: 'WITHDRAWN',
        source: 'EMAIL_CHANGE',
        text_version: VERSION,
      });

      // The old address was not subscribed: the new address's confirmed row is not touched.
      const left = await t.makeUser({ role: Role.CITY_OFFICIAL, email: 'stary3@example.pl' });
      data(await subscribe('stary3@example.pl'));
      await confirmed('nowy3@example.pl');
      const own = await subscriber(t.db, 'nowy3@example.pl');
      await changeAddress(left, 'nowy3@example.pl');
      expect(await subscriber(t.db, 'stary3@example.pl')).toBeUndefined();
      expect(await subscriber(t.db, 'nowy3@example.pl')).toEqual(own);
      expect(await consentRows(t.db, 'stary3@example.pl')).toEqual([]);
    });

    it('moves an unsubscribed row as it is, recording nothing; without a row, changes nothing', async () => {
      const person = await t.makeUser({ role: Role.CITY_OFFICIAL, email: 'wypisana@example.pl' });
      data(
        await t.gql(
          SET_MINE,
          { input: { subscribed: true, consentTextVersion: VERSION } },
          { token: person.token },
        ),
      );
      data(await t.gql(SET_MINE, { input: { subscribed: false } }, { token: person.token }));
      await changeAddress(person, 'wypisana.nowa@example.pl');
      expect(await subscriber(t.db, 'wypisana.nowa@example.pl')).toMatchObject({
        status: 'UNSUBSCRIBED',
      });
      expect(await consentRows(t.db, 'wypisana.nowa@example.pl')).toEqual([]);
      expect((await consentRows(t.db, 'wypisana@example.pl')).map((c: any) => c.source)).toEqual([
        'PRIVACY_CENTRE',
        'PRIVACY_CENTRE',
      ]);

      const none = await t.makeUser({ role: Role.CITY_OFFICIAL, email: 'bez@example.pl' });
      await changeAddress(none, 'bez.nowy@example.pl');
      expect(await subscriber(t.db, 'bez.nowy@example.pl')).toBeUndefined();
      expect(await consentRows(t.db, 'bez.nowy@example.pl')).toEqual([]);
    });
  });

  describe('purge of unconfirmed addresses', () => {
    it('deletes addresses pending for more than 30 days, nothing else', async () => {
      data(await subscribe('old-pending@example.pl'));
      data(await subscribe('young-pending@example.pl'));
      await t.db.query(
        `UPDATE newsletter_subscriber SET requested_at = now() - interval '31 days'
         WHERE email IN ('old-pending@example.pl', 'twice@example.pl')`,
      );
      const purged = await t.app.get(NewsletterSubscriptionsService).purgeUnconfirmed();
      expect(purged).toBeGreaterThanOrEqual(1);
      expect(await subscriber(t.db, 'old-pending@example.pl')).toBeUndefined();
      expect(await subscriber(t.db, 'young-pending@example.pl')).toMatchObject({
        status: 'PENDING',
      });
      // A confirmed address is never purged, however old its request.
      expect(await subscriber(t.db, 'twice@example.pl')).toMatchObject({ status: 'CONFIRMED' });
    });

    it('runs as a RecurringJob: started without Redis, its timer purges', async () => {
      data(await subscribe('timer-pending@example.pl'));
      await t.db.query(
        `UPDATE newsletter_subscriber SET requested_at = now() - interval '40 days' WHERE email = 'timer-pending@example.pl'`,
      );
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
      const { job } = t.app.get(NewsletterPurgeScheduler);
      try {
        await job.start();
        jest.advanceTimersByTime(60 * 60 * 1000);
      } finally {
        jest.useRealTimers();
      }
      await eventually(async () =>
        expect(await subscriber(t.db, 'timer-pending@example.pl')).toBeUndefined(),
      );
      await job.stop();
    });
  });
});
