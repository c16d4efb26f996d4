import { MembershipStatus, Role } from '@civitas/shared/domain';
import { MailQueueOptionsModule } from '@civitas/api/mail';
import { errorCode, FlakySmtpServer, TestApp, TestUser } from '@civitas/api/testing';
import { AccountsModule } from './accounts.module';

const INVITE = `mutation($input: CreateInvitationInput!) {
  createInvitation(input: $input) { id email role status expiresAt organisationId isLegalOfficer } }`;
const PREVIEW = `query($token: String!) { invitationPreview(token: $token) { email organisationName role } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { accessToken user { id email name position role organisationId isLegalOfficer } } }`;
const LIST = `query($status: InvitationStatus) { invitations(status: $status) { totalCount edges { node { email status } } } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) { status } }`;

const POZNAN = '3064011';
const LODZ = '1061011';
const BOLESLAWIEC = '0201011';

describe('invitations', () => {
  let t: TestApp;
  let office: TestUser;
  let poznanAdmin: TestUser;
  let poznan: string;
  let lodz: string;
  let n = 0;
  const email = () => `nowa.osoba${++n}@um.example.pl`;
  const acceptInput = (token: string, password = 'Bezpieczne hasło 2026') => ({
    token,
    name: 'Zofia Kwiatkowska',
    position: 'Inspektorka',
    department: 'Wydział Oświaty',
    password,
  });
  const tokenOf = async (address: string) =>
    (await t.linkInMailTo(address)).searchParams.get('token')!;
  const invitationCount = async () =>
    (await t.db.query(`SELECT count(*)::int AS c FROM invitation`))[0].c as number;

  beforeAll(async () => {
    t = await TestApp.start([AccountsModule]);
    poznan = await t.makeCity(POZNAN);
    lodz = await t.makeCity(LODZ);
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
    poznanAdmin = await t.makeUser({ role: Role.CITY_ADMIN, organisationId: poznan });
  });
  afterAll(() => t.close());

  it('lets the office invite a city admin by a 7-day e-mailed link that signs them in, once', async () => {
    const address = email();
    const created = await t.gql(
      INVITE,
      { input: { email: address, organisationId: poznan, role: 'CITY_ADMIN' } },
      { token: office.token },
    );
    expect(created.errors).toBeUndefined();
    const invitation = created.data!.createInvitation;
    expect(invitation).toMatchObject({ email: address, role: 'CITY_ADMIN', status: 'PENDING' });
    const days = (new Date(invitation.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const link = await t.linkInMailTo(address);
    expect(link.pathname).toBe('/invitation');
    const token = link.searchParams.get('token')!;
    const preview = await t.gql(PREVIEW, { token });
    expect(preview.data!.invitationPreview).toEqual({
      email: address,
      organisationName: 'Poznań',
      role: 'CITY_ADMIN',
    });

    const accepted = await t.gql(ACCEPT, { input: acceptInput(token) });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptInvitation.user).toMatchObject({
      email: address,
      name: 'Zofia Kwiatkowska',
      position: 'Inspektorka',
      role: 'CITY_ADMIN',
      organisationId: poznan,
    });
    expect(accepted.cookies['civitas_refresh']).toBeDefined();
    expect(
      (await t.signIn(address, 'Bezpieczne hasło 2026', '198.51.100.1')).errors,
    ).toBeUndefined();

    const again = await t.gql(ACCEPT, { input: acceptInput(token, 'Inne hasło 2027') });
    expect(errorCode(again)).toBe('TOKEN_USED');
    expect(errorCode(await t.gql(PREVIEW, { token }))).toBe('TOKEN_USED');
    const [{ c }] = await t.db.query(`SELECT count(*)::int AS c FROM app_user WHERE email = $1`, [
      address,
    ]);
    expect(c).toBe(1);
    const audit = await t.db.query(
      `SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY created_at`,
      [invitation.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'invitation.create',
      'invitation.accept',
    ]);
  });

  it('lets a city admin invite officials (and legal officers) into their own city only', async () => {
    const address = email();
    const own = await t.gql(
      INVITE,
      {
        input: {
          email: address,
          organisationId: poznan,
          role: 'CITY_OFFICIAL',
          isLegalOfficer: true,
        },
      },
      { token: poznanAdmin.token },
    );
    expect(own.data!.createInvitation).toMatchObject({
      role: 'CITY_OFFICIAL',
      isLegalOfficer: true,
    });
    const accepted = await t.gql(ACCEPT, { input: acceptInput(await tokenOf(address)) });
    expect(accepted.data!.acceptInvitation.user).toMatchObject({
      organisationId: poznan,
      isLegalOfficer: true,
    });

    const before = await invitationCount();
    const mailsBefore = t.mail.messages.length;
    const otherCity = await t.gql(
      INVITE,
      { input: { email: email(), organisationId: lodz, role: 'CITY_OFFICIAL' } },
      { token: poznanAdmin.token },
    );
    expect(errorCode(otherCity)).toBe('FORBIDDEN');
    expect(otherCity.errors![0].message).toBe('You can invite people only into your own city');
    const adminRole = await t.gql(
      INVITE,
      { input: { email: email(), organisationId: poznan, role: 'CITY_ADMIN' } },
      { token: poznanAdmin.token },
    );
    expect(errorCode(adminRole)).toBe('FORBIDDEN');
    expect(await invitationCount()).toBe(before);
    expect(t.mail.messages.length).toBe(mailsBefore);
  });

  it('refuses officials, malformed input, unknown cities, existing accounts and roles that do not fit the town', async () => {
    const official = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: poznan });
    const before = await invitationCount();
    const byOfficial = await t.gql(
      INVITE,
      { input: { email: email(), organisationId: poznan, role: 'CITY_OFFICIAL' } },
      { token: official.token },
    );
    expect(errorCode(byOfficial)).toBe('FORBIDDEN');

    const malformed = await t.gql(
      INVITE,
      { input: { email: 'zofia(at)poznan', organisationId: poznan, role: 'CITY_OFFICIAL' } },
      { token: office.token },
    );
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    expect(malformed.errors![0].extensions!['fields']).toEqual([
      { field: 'email', problems: ['must be an e-mail address'] },
    ]);

    const unknown = await t.gql(
      INVITE,
      {
        input: {
          email: email(),
          organisationId: '00000000-0000-4000-8000-000000000000',
          role: 'CITY_ADMIN',
        },
      },
      { token: office.token },
    );
    expect(errorCode(unknown)).toBe('NOT_FOUND');

    const existing = await t.gql(
      INVITE,
      { input: { email: official.email, organisationId: poznan, role: 'CITY_OFFICIAL' } },
      { token: office.token },
    );
    expect(errorCode(existing)).toBe('CONFLICT');

    const nonMember = await t.organisationId(BOLESLAWIEC);
    const cityAdminOfNonMember = await t.gql(
      INVITE,
      { input: { email: email(), organisationId: nonMember, role: 'CITY_ADMIN' } },
      { token: office.token },
    );
    expect(errorCode(cityAdminOfNonMember)).toBe('BAD_USER_INPUT');
    const expertInCity = await t.gql(
      INVITE,
      { input: { email: email(), organisationId: poznan, role: 'EXPERT' } },
      { token: office.token },
    );
    expect(errorCode(expertInCity)).toBe('BAD_USER_INPUT');
    expect(await invitationCount()).toBe(before);

    const guest = await t.gql(
      INVITE,
      { input: { email: email(), organisationId: nonMember, role: 'GUEST' } },
      { token: office.token },
    );
    expect(guest.data!.createInvitation.role).toBe('GUEST');
  });

  it('keeps a weak-password acceptance from using up the invitation', async () => {
    const address = email();
    await t.gql(
      INVITE,
      { input: { email: address, organisationId: poznan, role: 'CITY_OFFICIAL' } },
      { token: office.token },
    );
    const token = await tokenOf(address);
    const weak = await t.gql(ACCEPT, { input: acceptInput(token, 'password') });
    expect(errorCode(weak)).toBe('WEAK_PASSWORD');
    expect(weak.errors![0].message).toBe(
      'The password needs at least 12 characters, a digit or a symbol.',
    );
    const blankName = await t.gql(ACCEPT, { input: { ...acceptInput(token), name: '   ' } });
    expect(errorCode(blankName)).toBe('BAD_USER_INPUT');
    expect((await t.gql(ACCEPT, { input: acceptInput(token) })).errors).toBeUndefined();
  });

  it('refuses expired, revoked and replaced invitations', async () => {
    const expiredAddress = email();
    const expired = await t.gql(
      INVITE,
      { input: { email: expiredAddress, organisationId: poznan, role: 'CITY_OFFICIAL' } },
      { token: office.token },
    );
    await t.db.query(
      `UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [expired.data!.createInvitation.id],
    );
    expect(
      errorCode(await t.gql(ACCEPT, { input: acceptInput(await tokenOf(expiredAddress)) })),
    ).toBe('TOKEN_EXPIRED');

    const revokedAddress = email();
    const toRevoke = await t.gql(
      INVITE,
      { input: { email: revokedAddress, organisationId: poznan, role: 'CITY_OFFICIAL' } },
      { token: poznanAdmin.token },
    );
    const revoked = await t.gql(
      REVOKE,
      { id: toRevoke.data!.createInvitation.id },
      { token: poznanAdmin.token },
    );
    expect(revoked.data!.revokeInvitation.status).toBe('REVOKED');
    expect(
      errorCode(await t.gql(ACCEPT, { input: acceptInput(await tokenOf(revokedAddress)) })),
    ).toBe('TOKEN_INVALID');
    expect(
      errorCode(
        await t.gql(
          REVOKE,
          { id: toRevoke.data!.createInvitation.id },
          { token: poznanAdmin.token },
        ),
      ),
    ).toBe('CONFLICT');

    const resentAddress = email();
    await t.gql(
      INVITE,
      { input: { email: resentAddress, organisationId: poznan, role: 'CITY_OFFICIAL' } },
      { token: office.token },
    );
    const firstToken = await tokenOf(resentAddress);
    await t.gql(
      INVITE,
      { input: { email: resentAddress, organisationId: poznan, role: 'CITY_OFFICIAL' } },
      { token: office.token },
    );
    const secondToken = (
      await t.mail.waitFor(resentAddress, (m) => !m.text.includes(firstToken))
    ).text.match(/token=(\S+)/)![1];
    expect(errorCode(await t.gql(ACCEPT, { input: acceptInput(firstToken) }))).toBe(
      'TOKEN_INVALID',
    );
    expect(
      (await t.gql(ACCEPT, { input: acceptInput(decodeURIComponent(secondToken)) })).errors,
    ).toBeUndefined();
  });

  it("shows a city admin their own city's invitations and hides others' (NOT_FOUND)", async () => {
    const lodzAddress = email();
    const lodzInvite = await t.gql(
      INVITE,
      { input: { email: lodzAddress, organisationId: lodz, role: 'CITY_ADMIN' } },
      { token: office.token },
    );
    const mine = await t.gql(LIST, {}, { token: poznanAdmin.token });
    const emails = mine.data!.invitations.edges.map(
      (e: { node: { email: string } }) => e.node.email,
    );
    expect(emails.length).toBeGreaterThan(0);
    expect(emails).not.toContain(lodzAddress);
    const all = await t.gql(LIST, { status: 'PENDING' }, { token: office.token });
    expect(
      all.data!.invitations.edges.map((e: { node: { email: string } }) => e.node.email),
    ).toContain(lodzAddress);
    const revokeOther = await t.gql(
      REVOKE,
      { id: lodzInvite.data!.createInvitation.id },
      { token: poznanAdmin.token },
    );
    expect(errorCode(revokeOther)).toBe('NOT_FOUND');
  });

  it('edits only the signed-in person’s own profile, with validation', async () => {
    const UPDATE = `mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { name position phone locale } }`;
    const me = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: poznan });
    const ok = await t.gql(
      UPDATE,
      { input: { name: 'Łucja Żak', phone: '+48 61 123 45 67', locale: 'en' } },
      { token: me.token },
    );
    expect(ok.data!.updateMyProfile).toEqual({
      name: 'Łucja Żak',
      position: 'Specjalista',
      phone: '+48 61 123 45 67',
      locale: 'en',
    });
    const bad = await t.gql(
      UPDATE,
      { input: { phone: 'call me', locale: 'de' } },
      { token: me.token },
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!['fields'].map((f: { field: string }) => f.field)).toEqual([
      'phone',
      'locale',
    ]);
    const [{ name_folded }] = await t.db.query(`SELECT name_folded FROM app_user WHERE id = $1`, [
      me.id,
    ]);
    expect(name_folded).toBe('lucja zak');
  });

  it('seats invited guests only in non-member towns', async () => {
    await t.makeCity(BOLESLAWIEC, MembershipStatus.CANDIDATE);
    const res = await t.gql(
      INVITE,
      {
        input: {
          email: email(),
          organisationId: await t.organisationId(BOLESLAWIEC),
          role: 'GUEST',
        },
      },
      { token: office.token },
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toBe('Guests come from non-member towns');
  });
});

/** Invitation mail goes through the mail queue: a slow, failing SMTP server never holds up the admin. */
describe('invitation mail against a slow SMTP server that fails twice', () => {
  let smtp: FlakySmtpServer;
  let t: TestApp;
  let office: TestUser;
  let poznan: string;

  beforeAll(async () => {
    smtp = new FlakySmtpServer(2, 1500);
    await smtp.start();
    t = await TestApp.start(
      [AccountsModule, MailQueueOptionsModule.forRoot({ backoffMs: 100, attempts: 5 })],
      { SMTP_URL: smtp.url },
    );
    poznan = await t.makeCity(POZNAN);
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('answers before the mail is sent, and the mail arrives on the third attempt', async () => {
    const address = 'powolna.poczta@um.example.pl';
    const started = Date.now();
    const created = await t.gql(
      INVITE,
      { input: { email: address, organisationId: poznan, role: 'CITY_ADMIN' } },
      { token: office.token },
    );
    expect(created.errors).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
    const mail = await smtp.waitFor(address, 15_000);
    expect(mail.subject).toContain('Zaproszenie');
    expect(smtp.attempts).toBe(3);
  });
});
