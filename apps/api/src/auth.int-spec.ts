// Sign-in flows through the whole API. They live with the app, not in libs/api/auth:
// the test harness is built on the platform, which itself depends on auth.

import { Role } from '@civitas/shared/domain';
import { errorCode, TEST_PASSWORD, TestApp } from '@civitas/api/testing';

const ME = `query { me { id email role } }`;
const REFRESH = `mutation { refreshSession { accessToken user { id } } }`;
const SIGN_OUT = `mutation($all: Boolean!) { signOut(allDevices: $all) }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(input: { email: $email }) }`;
const RESET = `mutation($token: String!, $password: String!) { resetPassword(input: { token: $token, newPassword: $password }) }`;

const cookieOf = (r: { cookies: Record<string, string> }) =>
  `civitas_refresh=${r.cookies['civitas_refresh']}`;

describe('accounts and sign-in', () => {
  let t: TestApp;
  let ipCounter = 0;
  const freshIp = () => `192.0.2.${++ipCounter}`;

  beforeAll(async () => {
    t = await TestApp.start([]);
  });
  afterAll(() => t.close());

  it('signs in with a ≤15-minute access token and an httpOnly SameSite refresh cookie', async () => {
    const user = await t.makeUser({ role: Role.OFFICE_ADMIN });

    const res = await t.signIn(user.email, TEST_PASSWORD, freshIp());
    expect(res.errors).toBeUndefined();
    const token = res.data!.signIn.accessToken;
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(15 * 60);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('civitas_refresh='))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/graphql/);

    const me = await t.gql(ME, {}, { token });
    expect(me.data?.me).toEqual({ id: user.id, email: user.email, role: 'OFFICE_ADMIN' });
  });

  it('answers a wrong password and an unknown e-mail alike, and refuses a malformed e-mail', async () => {
    const user = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: await t.makeCity('3064011'),
    });
    const wrong = await t.signIn(user.email, 'not the password 1', freshIp());
    const unknown = await t.signIn('nobody@nowhere.pl', 'not the password 1', freshIp());
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    expect(errorCode(unknown)).toBe('INVALID_CREDENTIALS');
    expect(unknown.errors![0].message).toBe(wrong.errors![0].message);
    expect(wrong.cookies['civitas_refresh']).toBeUndefined();

    const malformed = await t.signIn('not-an-email', 'whatever', freshIp());
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    expect(malformed.errors![0].extensions!['fields']).toEqual([
      { field: 'email', problems: ['must be an e-mail address'] },
    ]);
  });

  it('refuses anonymous callers and forged tokens', async () => {
    expect(errorCode(await t.gql(ME))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(ME, {}, { token: 'not.a.token' }))).toBe('UNAUTHENTICATED');
    const user = await t.makeUser({ role: Role.EXPERT });
    const [header, payload] = user.token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('forged signature').toString('base64url')}`;
    expect(errorCode(await t.gql(ME, {}, { token: forged }))).toBe('UNAUTHENTICATED');
  });

  it('rotates the refresh token, and reusing a rotated one revokes the whole family', async () => {
    const user = await t.makeUser({ role: Role.EXPERT });
    const first = await t.signIn(user.email, TEST_PASSWORD, freshIp());
    const second = await t.gql(REFRESH, {}, { cookie: cookieOf(first) });
    expect(second.errors).toBeUndefined();
    expect(second.cookies['civitas_refresh']).toBeDefined();
    expect(second.cookies['civitas_refresh']).not.toBe(first.cookies['civitas_refresh']);
    const third = await t.gql(REFRESH, {}, { cookie: cookieOf(second) });
    expect(third.errors).toBeUndefined();

    // A thief replays the first (already rotated) token:
    const replay = await t.gql(REFRESH, {}, { cookie: cookieOf(first) });
    expect(errorCode(replay)).toBe('REFRESH_TOKEN_REUSED');
    // ...and the legitimate, newest token of that family is dead too.
    const newest = await t.gql(REFRESH, {}, { cookie: cookieOf(third) });
    expect(errorCode(newest)).toBe('UNAUTHENTICATED');
    const [{ live }] = await t.db.query(
      `SELECT count(*)::int AS live FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL`,
      [user.id],
    );
    expect(live).toBe(1); // only makeUser's own sign-in, a different family
  });

  it('signs out this device only, or every device at once', async () => {
    const user = await t.makeUser({ role: Role.EXPERT });
    const laptop = await t.signIn(user.email, TEST_PASSWORD, freshIp());
    const phone = await t.signIn(user.email, TEST_PASSWORD, freshIp());

    const out = await t.gql(SIGN_OUT, { all: false }, { cookie: cookieOf(laptop) });
    expect(out.data).toEqual({ signOut: true });
    expect(out.headers.getSetCookie().join()).toMatch(/civitas_refresh=;/);
    expect(errorCode(await t.gql(REFRESH, {}, { cookie: cookieOf(laptop) }))).toBe(
      'UNAUTHENTICATED',
    );
    const phoneRefreshed = await t.gql(REFRESH, {}, { cookie: cookieOf(phone) });
    expect(phoneRefreshed.errors).toBeUndefined();

    const everywhere = await t.gql(SIGN_OUT, { all: true }, { cookie: cookieOf(phoneRefreshed) });
    expect(everywhere.data).toEqual({ signOut: true });
    // Access tokens issued before are refused at once, not only after they expire.
    expect(errorCode(await t.gql(ME, {}, { token: phone.data!.signIn.accessToken }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(errorCode(await t.gql(ME, {}, { token: user.token }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(REFRESH, {}, { cookie: cookieOf(phoneRefreshed) }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('throttles the 6th rapid failed sign-in of an account with 429 and Retry-After', async () => {
    const user = await t.makeUser({ role: Role.EXPERT });
    for (let i = 1; i <= 5; i++) {
      const res = await t.signIn(user.email, `wrong password ${i}`, freshIp());
      expect(errorCode(res)).toBe('INVALID_CREDENTIALS');
    }
    // Even the right password is refused now: the account is locked for the window.
    const sixth = await t.signIn(user.email, TEST_PASSWORD, freshIp());
    expect(sixth.status).toBe(429);
    expect(errorCode(sixth)).toBe('TOO_MANY_REQUESTS');
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(sixth.errors![0].extensions!['retryAfter']).toBeGreaterThan(0);
    expect(sixth.cookies['civitas_refresh']).toBeUndefined();
  });

  it('throttles one IP that tries many accounts', async () => {
    const ip = freshIp();
    for (let i = 1; i <= 20; i++) {
      expect(errorCode(await t.signIn(`probe${i}@example.pl`, 'wrong password 1', ip))).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    const next = await t.signIn('probe21@example.pl', 'wrong password 1', ip);
    expect(next.status).toBe(429);
    expect(errorCode(next)).toBe('TOO_MANY_REQUESTS');
  });

  describe('password reset', () => {
    it('mails a single-use link to an existing account and nothing to an unknown address', async () => {
      const user = await t.makeUser({ role: Role.EXPERT });
      expect((await t.gql(REQUEST_RESET, { email: 'ghost@example.pl' })).data).toEqual({
        requestPasswordReset: true,
      });
      expect((await t.gql(REQUEST_RESET, { email: user.email.toUpperCase() })).data).toEqual({
        requestPasswordReset: true,
      });
      const link = await t.linkInMailTo(user.email, (s) => s.includes('hasło'));
      expect(t.mail.sentTo('ghost@example.pl')).toHaveLength(0);
      expect(link.pathname).toBe('/reset-password');
      const token = link.searchParams.get('token')!;

      // A weak password is refused, names what is missing, and leaves the link usable.
      const weak = await t.gql(RESET, { token, password: 'krótkie' });
      expect(errorCode(weak)).toBe('WEAK_PASSWORD');
      expect(weak.errors![0].message).toBe(
        'The password needs at least 12 characters, a digit or a symbol.',
      );
      expect(weak.errors![0].extensions!['problems']).toEqual(['TOO_SHORT', 'NO_DIGIT_OR_SYMBOL']);

      const newPassword = 'Nowe hasło do Civitas 7';
      expect((await t.gql(RESET, { token, password: newPassword })).data).toEqual({
        resetPassword: true,
      });
      expect(errorCode(await t.signIn(user.email, TEST_PASSWORD, freshIp()))).toBe(
        'INVALID_CREDENTIALS',
      );
      expect(
        (await t.signIn(user.email, newPassword, freshIp())).data?.signIn.accessToken,
      ).toBeDefined();
      // Sessions from before the reset are over.
      expect(errorCode(await t.gql(ME, {}, { token: user.token }))).toBe('UNAUTHENTICATED');

      const reused = await t.gql(RESET, { token, password: 'Jeszcze inne hasło 8' });
      expect(errorCode(reused)).toBe('TOKEN_USED');
      expect((await t.signIn(user.email, newPassword, freshIp())).errors).toBeUndefined();
    });

    it('refuses an expired link and an invented one', async () => {
      const user = await t.makeUser({ role: Role.EXPERT });
      await t.gql(REQUEST_RESET, { email: user.email });
      const token = (await t.linkInMailTo(user.email)).searchParams.get('token')!;
      await t.db.query(
        `UPDATE password_reset_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [user.id],
      );
      expect(errorCode(await t.gql(RESET, { token, password: 'Całkiem dobre hasło 9' }))).toBe(
        'TOKEN_EXPIRED',
      );
      expect(
        errorCode(await t.gql(RESET, { token: 'invented', password: 'Całkiem dobre hasło 9' })),
      ).toBe('TOKEN_INVALID');
      expect((await t.signIn(user.email, TEST_PASSWORD, freshIp())).errors).toBeUndefined();
    });
  });

  it('changes the password only with the current one, and ends other sessions', async () => {
    const user = await t.makeUser({ role: Role.EXPERT });
    const CHANGE = `mutation($current: String!, $next: String!) {
      changePassword(input: { currentPassword: $current, newPassword: $next }) { accessToken } }`;
    const wrong = await t.gql(
      CHANGE,
      { current: 'not it at all 1', next: 'Zupełnie nowe hasło 1' },
      { token: user.token },
    );
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    const weak = await t.gql(
      CHANGE,
      { current: TEST_PASSWORD, next: 'abc' },
      { token: user.token },
    );
    expect(errorCode(weak)).toBe('WEAK_PASSWORD');
    const ok = await t.gql<{ changePassword: { accessToken: string } }>(
      CHANGE,
      { current: TEST_PASSWORD, next: 'Zupełnie nowe hasło 1' },
      { token: user.token },
    );
    expect(ok.errors).toBeUndefined();
    expect(errorCode(await t.gql(ME, {}, { token: user.token }))).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, { token: ok.data!.changePassword.accessToken })).data?.me.id).toBe(
      user.id,
    );
    // argon2id at OWASP's minimum cost or above: 19 MiB, two passes.
    const [{ password_hash }] = await t.db.query(
      `SELECT password_hash FROM app_user WHERE id = $1`,
      [user.id],
    );
    expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });
});
