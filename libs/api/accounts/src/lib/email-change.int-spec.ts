import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  ConsentPurpose,
  ConsentSource,
  currentConsentText,
  EMAIL_CHANGE_REQUESTS_PER_HOUR,
  LOGIN_FAILURES_PER_ACCOUNT,
  Role,
} from '@civitas/shared/domain';
import { DomainEvent } from '@civitas/api/core';
import { ConsentLog, PersonalDataRegistry } from '@civitas/api/personal-data';
import type { EmailAddressChange } from '@civitas/api/personal-data';
import { errorCode, TEST_PASSWORD, TestApp, TestUser } from '@civitas/api/testing';
import { AccountsModule } from './accounts.module';

const REQUEST = `mutation($input: RequestEmailChangeInput!) {
  requestEmailChange(input: $input) { newEmail requestedAt expiresAt } }`;
const CONFIRM = `mutation($input: ConfirmEmailChangeInput!) {
  confirmEmailChange(input: $input) { accessToken user { id email } } }`;
const PENDING = `query { myPendingEmailChange { newEmail expiresAt } }`;
const ME = `query { me { email } }`;
const REFRESH = `mutation { refreshSession { accessToken } }`;
const CHANGE_PASSWORD = `mutation($current: String!, $next: String!) {
  changePassword(input: { currentPassword: $current, newPassword: $next }) { accessToken } }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(input: { email: $email }) }`;
const RESET = `mutation($token: String!, $password: String!) {
  resetPassword(input: { token: $token, newPassword: $password }) }`;
const NEW_PASSWORD = 'Zupełnie nowe hasło 1';

const cookieOf = (r: { cookies: Record<string, string> }) =>
  `civitas_refresh=${r.cookies['civitas_refresh']}`;

describe('changing one’s e-mail address', () => {
  let t: TestApp;
  let n = 0;
  const address = () => `nowy.adres${++n}@gmina.example.pl`;
  const ask = (u: TestUser, newEmail: string, password = TEST_PASSWORD) =>
    t.gql(REQUEST, { input: { newEmail, password } }, { token: u.token });
  const confirm = (u: TestUser, token: string) =>
    t.gql(CONFIRM, { input: { token } }, { token: u.token });
  const tokenSentTo = async (to: string) =>
    (await t.linkInMailTo(to, (s) => s.includes('potwierdź'))).searchParams.get('token')!;
  const emailOf = async (u: TestUser) =>
    (await t.db.query(`SELECT email FROM app_user WHERE id = $1`, [u.id]))[0].email as string;
  const requestsOf = async (u: TestUser) =>
    (await t.db.query(
      `SELECT new_email, confirmed_at IS NOT NULL AS confirmed, superseded_at IS NOT NULL AS superseded
       FROM email_change_request WHERE user_id = $1 ORDER BY created_at`,
      [u.id],
    )) as { new_email: string; confirmed: boolean; superseded: boolean }[];
  /** Mail goes through the queue: a later mail arriving means earlier ones would have too. */
  const mailSettles = async () => {
    const probe = await t.makeUser({ role: Role.EXPERT });
    const to = address();
    expect((await ask(probe, to)).errors).toBeUndefined();
    await t.mail.waitFor(to);
  };

  beforeAll(async () => {
    t = await TestApp.start([AccountsModule]);
  });
  afterAll(() => t.close());

  it('mails a link to the new address and a notice to the old; opening it signed in changes the address, keeps this device and ends the others', async () => {
    const zofia = await t.makeUser({ role: Role.EXPERT, name: 'Zofia Nowak' });
    const otherDevice = await t.signIn(zofia.email, TEST_PASSWORD, '198.51.100.7');
    const newEmail = address();

    const asked = await ask(zofia, newEmail.toUpperCase());
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.requestEmailChange.newEmail).toBe(newEmail);
    const hours =
      (new Date(asked.data!.requestEmailChange.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    expect(
      (await t.gql(PENDING, {}, { token: zofia.token })).data!.myPendingEmailChange,
    ).toMatchObject({ newEmail });

    const link = await t.linkInMailTo(newEmail, (s) => s.includes('potwierdź'));
    expect(link.pathname).toBe('/privacy/confirm-email');
    const notice = await t.mail.waitFor(zofia.email, (m) => m.subject.includes('prośba'));
    expect(notice.text).toContain(newEmail);
    expect(notice.text).toContain('/forgot-password');
    // Nothing changes until the link is opened.
    expect(await emailOf(zofia)).toBe(zofia.email);
    expect((await t.signIn(zofia.email)).errors).toBeUndefined();

    const token = link.searchParams.get('token')!;
    const confirmed = await confirm(zofia, token);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmEmailChange.user).toEqual({ id: zofia.id, email: newEmail });
    expect(confirmed.cookies['civitas_refresh']).toBeDefined();
    expect(await emailOf(zofia)).toBe(newEmail);

    // This device carries on with the new session; tokens issued before are dead.
    const fresh = confirmed.data!.confirmEmailChange.accessToken;
    expect((await t.gql(ME, {}, { token: fresh })).data!.me.email).toBe(newEmail);
    expect(errorCode(await t.gql(ME, {}, { token: zofia.token }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(REFRESH, {}, { cookie: cookieOf(otherDevice) }))).toBe(
      'UNAUTHENTICATED',
    );
    expect((await t.gql(REFRESH, {}, { cookie: cookieOf(confirmed) })).errors).toBeUndefined();
    expect(errorCode(await t.signIn(zofia.email))).toBe('INVALID_CREDENTIALS');
    expect((await t.signIn(newEmail)).errors).toBeUndefined();
    const changed = await t.mail.waitFor(zofia.email, (m) => m.subject.includes('zmieniony'));
    expect(changed.text).toContain(newEmail);
    expect((await t.gql(PENDING, {}, { token: fresh })).data!.myPendingEmailChange).toBeNull();

    // The link works once.
    const again = await t.gql(CONFIRM, { input: { token } }, { token: fresh });
    expect(errorCode(again)).toBe('TOKEN_USED');
    expect(await requestsOf(zofia)).toEqual([
      { new_email: newEmail, confirmed: true, superseded: false },
    ]);

    const audit = await t.db.query(
      `SELECT action, details FROM audit_entry WHERE entity_type = 'app_user' AND entity_id = $1
       ORDER BY created_at`,
      [zofia.id],
    );
    expect(audit).toEqual([
      { action: 'account.email_change.requested', details: { newEmail } },
      {
        action: 'account.email_change.confirmed',
        details: { from: zofia.email, to: newEmail },
      },
    ]);
  });

  it('refuses a wrong password, an invalid address, the current address and another account’s, changing nothing and mailing no one', async () => {
    const marek = await t.makeUser({ role: Role.EXPERT, name: 'Marek Kowal' });
    const other = await t.makeUser({ role: Role.EXPERT, name: 'Ewa Inna' });
    const wrongPassword = address();
    expect(errorCode(await ask(marek, wrongPassword, 'nie to hasło'))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await ask(marek, 'to nie jest adres'))).toBe('BAD_USER_INPUT');
    const same = await ask(marek, marek.email.toUpperCase());
    expect(errorCode(same)).toBe('BAD_USER_INPUT');
    expect(same.errors![0].extensions!['fields']).toEqual([
      { field: 'newEmail', problems: ['is already your e-mail address'] },
    ]);
    const taken = await ask(marek, other.email);
    expect(errorCode(taken)).toBe('CONFLICT');
    // Clear, without saying whose it is.
    expect(taken.errors![0].message).toMatch(/already used by another Civitas account/);
    expect(taken.errors![0].message).not.toMatch(/Ewa|Inna/);
    expect(JSON.stringify(taken.errors)).not.toContain(other.id);

    expect(await requestsOf(marek)).toEqual([]);
    expect(await emailOf(marek)).toBe(marek.email);
    const [{ c }] = await t.db.query(
      `SELECT count(*)::int AS c FROM audit_entry WHERE entity_id = $1`,
      [marek.id],
    );
    expect(c).toBe(0);
    await mailSettles();
    expect(t.mail.sentTo(wrongPassword)).toHaveLength(0);
    expect(t.mail.sentTo(marek.email)).toHaveLength(0);
    expect(t.mail.sentTo(other.email)).toHaveLength(0);
  });

  it('refuses an expired link, a superseded one, someone else’s, and signed-out use, changing nothing', async () => {
    const ola = await t.makeUser({ role: Role.EXPERT });
    const jan = await t.makeUser({ role: Role.EXPERT });
    const first = address();
    expect((await ask(ola, first)).errors).toBeUndefined();
    const firstToken = await tokenSentTo(first);
    const second = address();
    expect((await ask(ola, second)).errors).toBeUndefined();
    const secondToken = await tokenSentTo(second);

    const superseded = await confirm(ola, firstToken);
    expect(errorCode(superseded)).toBe('TOKEN_INVALID');
    expect(superseded.errors![0].message).toMatch(/newer change request/);
    expect(errorCode(await confirm(jan, secondToken))).toBe('TOKEN_INVALID');
    expect(errorCode(await t.gql(CONFIRM, { input: { token: secondToken } }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(errorCode(await confirm(ola, 'made-up-token'))).toBe('TOKEN_INVALID');

    await t.db.query(
      `UPDATE email_change_request SET expires_at = now() - interval '1 second'
       WHERE user_id = $1 AND new_email = $2`,
      [ola.id, second],
    );
    expect(errorCode(await confirm(ola, secondToken))).toBe('TOKEN_EXPIRED');
    expect((await t.gql(PENDING, {}, { token: ola.token })).data!.myPendingEmailChange).toBeNull();

    expect(await emailOf(ola)).toBe(ola.email);
    expect(await emailOf(jan)).toBe(jan.email);
    expect(await requestsOf(ola)).toEqual([
      { new_email: first, confirmed: false, superseded: true },
      { new_email: second, confirmed: false, superseded: false },
    ]);
    // Her sessions are untouched.
    expect((await t.gql(ME, {}, { token: ola.token })).data!.me.email).toBe(ola.email);
  });

  it('refuses the link when another account took the address meanwhile', async () => {
    const piotr = await t.makeUser({ role: Role.EXPERT });
    const wanted = address();
    expect((await ask(piotr, wanted)).errors).toBeUndefined();
    const token = await tokenSentTo(wanted);
    await t.makeUser({ role: Role.EXPERT, email: wanted });
    expect(errorCode(await confirm(piotr, token))).toBe('CONFLICT');
    expect(await emailOf(piotr)).toBe(piotr.email);
    expect(await requestsOf(piotr)).toEqual([
      { new_email: wanted, confirmed: false, superseded: false },
    ]);
    expect((await t.gql(ME, {}, { token: piotr.token })).errors).toBeUndefined();
  });

  describe('what is kept by address', () => {
    const VERSION = currentConsentText(ConsentPurpose.NEWSLETTER).version;
    /** A domain keeping data by address, as the newsletter does; refuses one address. */
    const seen: { userId: string; change: EmailAddressChange; emailThen: string }[] = [];
    const REFUSED = 'odmowa@gmina.example.pl';

    beforeAll(() => {
      t.app.get(PersonalDataRegistry).register({
        section: 'zzAddressKept',
        export: async () => ({ data: null }),
        erase: async () => undefined,
        emailChanged: async (userId, change, manager) => {
          const [{ email }] = await manager.query(`SELECT email FROM app_user WHERE id = $1`, [
            userId,
          ]);
          if (change.to === REFUSED) throw new Error('the domain refused');
          seen.push({ userId, change, emailThen: email });
        },
      });
    });

    it('each domain follows the change in its transaction; consents under the old address stay the person’s, later ones there do not', async () => {
      const consents = t.app.get(ConsentLog);
      const ewa = await t.makeUser({ role: Role.EXPERT });
      await consents.grant(
        { email: ewa.email },
        ConsentPurpose.NEWSLETTER,
        VERSION,
        ConsentSource.NEWSLETTER_CONFIRMATION,
      );
      const newEmail = address();
      expect((await ask(ewa, newEmail)).errors).toBeUndefined();
      expect((await confirm(ewa, await tokenSentTo(newEmail))).errors).toBeUndefined();
      expect(seen).toEqual([
        { userId: ewa.id, change: { from: ewa.email, to: newEmail }, emailThen: newEmail },
      ]);

      // The old address may be someone else's from now on.
      await consents.withdraw(
        { email: ewa.email },
        ConsentPurpose.NEWSLETTER,
        ConsentSource.NEWSLETTER_UNSUBSCRIBE,
      );
      const hers = await consents.history({ userId: ewa.id });
      expect(hers.map((c) => [c.email, c.action, c.source])).toEqual([
        [ewa.email, 'GRANTED', 'NEWSLETTER_CONFIRMATION'],
      ]);
      await t.db.transaction((tx) => consents.erase({ userId: ewa.id }, tx));
      expect(
        await t.db.query(
          `SELECT action, email IS NULL AS erased FROM consent_record WHERE id = ANY($1)
           OR email = $2 ORDER BY created_at`,
          [hers.map((c) => c.id), ewa.email],
        ),
      ).toEqual([
        { action: 'GRANTED', erased: true },
        { action: 'WITHDRAWN', erased: false },
      ]);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM consent_former_address WHERE user_id = $1`,
        [ewa.id],
      );
      expect(n).toBe(0);

      // An address without records leaves no trace.
      const piotr = await t.makeUser({ role: Role.EXPERT });
      const his = address();
      expect((await ask(piotr, his)).errors).toBeUndefined();
      expect((await confirm(piotr, await tokenSentTo(his))).errors).toBeUndefined();
      expect(
        await t.db.query(`SELECT 1 FROM consent_former_address WHERE user_id = $1`, [piotr.id]),
      ).toEqual([]);
    });

    it('a domain that cannot follow undoes the whole change', async () => {
      const jan = await t.makeUser({ role: Role.EXPERT });
      await t.app
        .get(ConsentLog)
        .grant(
          { email: jan.email },
          ConsentPurpose.NEWSLETTER,
          VERSION,
          ConsentSource.NEWSLETTER_CONFIRMATION,
        );
      expect((await ask(jan, REFUSED)).errors).toBeUndefined();
      const refused = await confirm(jan, await tokenSentTo(REFUSED));
      expect(refused.errors).toBeDefined();
      expect(await emailOf(jan)).toBe(jan.email);
      expect(await requestsOf(jan)).toEqual([
        { new_email: REFUSED, confirmed: false, superseded: false },
      ]);
      expect(
        await t.db.query(`SELECT 1 FROM consent_former_address WHERE user_id = $1`, [jan.id]),
      ).toEqual([]);
      expect((await t.gql(ME, {}, { token: jan.token })).data!.me.email).toBe(jan.email);
    });
  });

  it(`allows ${EMAIL_CHANGE_REQUESTS_PER_HOUR} requests an hour, then TOO_MANY_REQUESTS without mail`, async () => {
    const anna = await t.makeUser({ role: Role.EXPERT });
    for (let i = 0; i < EMAIL_CHANGE_REQUESTS_PER_HOUR; i++) {
      expect((await ask(anna, address())).errors).toBeUndefined();
    }
    const over = address();
    const refused = await ask(anna, over);
    expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors![0].extensions!['retryAfter']).toBeGreaterThan(3500);
    expect((await requestsOf(anna)).map((r) => r.new_email)).not.toContain(over);
    expect((await requestsOf(anna)).filter((r) => !r.superseded)).toHaveLength(1);
    await mailSettles();
    expect(t.mail.sentTo(over)).toHaveLength(0);
  });

  describe('wrong passwords of a signed-in person', () => {
    const hashOf = async (u: TestUser) =>
      (await t.db.query(`SELECT password_hash FROM app_user WHERE id = $1`, [u.id]))[0]
        .password_hash as string;
    const changePassword = (u: TestUser, current: string) =>
      t.gql(CHANGE_PASSWORD, { current, next: NEW_PASSWORD }, { token: u.token });

    it(`are counted per account across re-authenticating mutations: after ${LOGIN_FAILURES_PER_ACCOUNT}, TOO_MANY_REQUESTS even for the right one, nothing changed and no mail`, async () => {
      const ewa = await t.makeUser({ role: Role.EXPERT });
      const hashBefore = await hashOf(ewa);
      const tried: string[] = [];
      for (let i = 1; i < LOGIN_FAILURES_PER_ACCOUNT; i++) {
        tried.push(address());
        expect(errorCode(await ask(ewa, tried.at(-1)!, `nie to hasło ${i}`))).toBe(
          'INVALID_CREDENTIALS',
        );
      }
      // A wrong current password on the password change counts towards the same limit.
      expect(errorCode(await changePassword(ewa, 'nie to hasło'))).toBe('INVALID_CREDENTIALS');

      const refused = await ask(ewa, address());
      expect(refused.status).toBe(429);
      expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
      expect(refused.errors![0].extensions!['retryAfter']).toBeGreaterThan(0);
      expect(errorCode(await changePassword(ewa, TEST_PASSWORD))).toBe('TOO_MANY_REQUESTS');

      expect(await requestsOf(ewa)).toEqual([]);
      expect(await hashOf(ewa)).toBe(hashBefore);
      await mailSettles();
      for (const to of tried) expect(t.mail.sentTo(to)).toHaveLength(0);
      expect(t.mail.sentTo(ewa.email)).toHaveLength(0);
      // Her session still works, and signing in is counted apart: the owner is not locked out.
      expect((await t.gql(ME, {}, { token: ewa.token })).data!.me.email).toBe(ewa.email);
      expect((await t.signIn(ewa.email)).errors).toBeUndefined();
    });

    it('start counting again after the right password', async () => {
      const jerzy = await t.makeUser({ role: Role.EXPERT });
      for (let i = 1; i < LOGIN_FAILURES_PER_ACCOUNT; i++) {
        expect(errorCode(await ask(jerzy, address(), `nie to hasło ${i}`))).toBe(
          'INVALID_CREDENTIALS',
        );
      }
      expect((await ask(jerzy, address())).errors).toBeUndefined();
      for (let i = 1; i <= LOGIN_FAILURES_PER_ACCOUNT; i++) {
        expect(errorCode(await ask(jerzy, address(), `nie to hasło ${i}`))).toBe(
          'INVALID_CREDENTIALS',
        );
      }
      expect(errorCode(await ask(jerzy, address()))).toBe('TOO_MANY_REQUESTS');
    });
  });

  describe('a new password cancels a pending change', () => {
    const superseded = (r: Awaited<ReturnType<typeof confirm>>) => {
      expect(errorCode(r)).toBe('TOKEN_INVALID');
      expect(r.errors![0].message).toMatch(/new password/);
    };

    it('after a password reset: the link no longer works and nothing is pending', async () => {
      const hanna = await t.makeUser({ role: Role.EXPERT });
      const wanted = address();
      expect((await ask(hanna, wanted)).errors).toBeUndefined();
      const token = await tokenSentTo(wanted);

      expect((await t.gql(REQUEST_RESET, { email: hanna.email })).errors).toBeUndefined();
      const resetLink = await t.linkInMailTo(hanna.email, (s) => s.includes('nowe hasło'));
      const reset = await t.gql(RESET, {
        token: resetLink.searchParams.get('token'),
        password: NEW_PASSWORD,
      });
      expect(reset.errors).toBeUndefined();

      const signedIn = await t.signIn(hanna.email, NEW_PASSWORD);
      const fresh = { ...hanna, token: signedIn.data!.signIn.accessToken };
      superseded(await confirm(fresh, token));
      expect(
        (await t.gql(PENDING, {}, { token: fresh.token })).data!.myPendingEmailChange,
      ).toBeNull();
      expect(await emailOf(hanna)).toBe(hanna.email);
      expect(await requestsOf(hanna)).toEqual([
        { new_email: wanted, confirmed: false, superseded: true },
      ]);
    });

    it('after a password change: the link no longer works; a later request works as usual', async () => {
      const igor = await t.makeUser({ role: Role.EXPERT });
      const wanted = address();
      expect((await ask(igor, wanted)).errors).toBeUndefined();
      const token = await tokenSentTo(wanted);

      const changed = await t.gql<{ changePassword: { accessToken: string } }>(
        CHANGE_PASSWORD,
        { current: TEST_PASSWORD, next: NEW_PASSWORD },
        { token: igor.token },
      );
      expect(changed.errors).toBeUndefined();
      const fresh = { ...igor, token: changed.data!.changePassword.accessToken };
      superseded(await confirm(fresh, token));
      expect(
        (await t.gql(PENDING, {}, { token: fresh.token })).data!.myPendingEmailChange,
      ).toBeNull();
      expect(await emailOf(igor)).toBe(igor.email);

      const again = address();
      expect((await ask(fresh, again, NEW_PASSWORD)).errors).toBeUndefined();
      expect((await confirm(fresh, await tokenSentTo(again))).errors).toBeUndefined();
      expect(await emailOf(igor)).toBe(again);
    });

    it('in the same transaction: when a listener fails, the password stays and so does the change', async () => {
      const lena = await t.makeUser({ role: Role.EXPERT });
      const wanted = address();
      expect((await ask(lena, wanted)).errors).toBeUndefined();
      const events = t.app.get(EventEmitter2);
      const refuse = () => Promise.reject(new Error('a domain refused'));
      events.on(DomainEvent.ACCOUNT_PASSWORD_REPLACED, refuse);
      try {
        const res = await t.gql(
          CHANGE_PASSWORD,
          { current: TEST_PASSWORD, next: NEW_PASSWORD },
          { token: lena.token },
        );
        expect(res.errors).toBeDefined();
      } finally {
        events.off(DomainEvent.ACCOUNT_PASSWORD_REPLACED, refuse);
      }
      expect((await t.signIn(lena.email)).errors).toBeUndefined();
      expect(await requestsOf(lena)).toEqual([
        { new_email: wanted, confirmed: false, superseded: false },
      ]);
    });
  });
});
