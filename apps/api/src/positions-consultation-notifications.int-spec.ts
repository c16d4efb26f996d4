import { ConsentPurpose, ConsentSource, MembershipStatus, Role } from '@civitas/shared/domain';
import { NotificationDigestService, NotificationsModule } from '@civitas/api/notifications';
import { ConsentLog } from '@civitas/api/personal-data';
import { PositionsModule } from '@civitas/api/positions';
import { GqlResponse, TestApp, TestUser } from '@civitas/api/testing';

function data<T = Record<string, any>>(r: GqlResponse): T {
  if (r.errors) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

const TITLE = 'Projekt stanowiska o subwencji oświatowej 2027';
// 14:30 UTC in January is 15:30 in Warsaw (CET); in June 12:00 UTC is 14:00 (CEST).
const CLOSES = '2027-01-15T14:30:00.000Z';
const EXTENDED = '2027-06-10T12:00:00.000Z';

/**
 * Positions through notifications: opening and extending a consultation tells whoever may
 * comment on it (officials and admins of member cities), in the bell and in the daily digest.
 */
describe('positions: member cities are told when a consultation opens or is extended', () => {
  let t: TestApp;
  let office: TestUser;
  let office2: TestUser;
  let lodzOfficial: TestUser;
  let lodzAdmin: TestUser;
  let poznanNever: TestUser;
  let krakowWithdrawn: TestUser;
  let restricted: TestUser;
  let deactivated: TestUser;
  let candidateAdmin: TestUser;
  let nonMemberOfficial: TestUser;
  let memberGuest: TestUser;
  let expert: TestUser;
  let consultationId: string;

  const everyone = () => [
    office,
    office2,
    lodzOfficial,
    lodzAdmin,
    poznanNever,
    krakowWithdrawn,
    restricted,
    deactivated,
    candidateAdmin,
    nonMemberOfficial,
    memberGuest,
    expert,
  ];
  const told = () => [lodzOfficial, lodzAdmin, poznanNever, krakowWithdrawn, restricted];
  const mailed = () => [lodzOfficial, lodzAdmin];

  const bell = (u: TestUser, kind: string) =>
    t.db.query(
      `SELECT target_id, actor_id, payload, digest_pending FROM notification
       WHERE recipient_id = $1 AND kind = $2 ORDER BY created_at`,
      [u.id, kind],
    );
  /** Waits until every person told has their notification (listeners run after the answer). */
  const settled = async (kind: string) => {
    for (let i = 0; i < 100; i++) {
      const [row]: { n: number }[] = await t.db.query(
        `SELECT count(*)::int AS n FROM notification WHERE kind = $1`,
        [kind],
      );
      if (row.n >= told().length) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${kind} notifications never arrived`);
  };
  const otherMail = (u: TestUser, since: number) => t.mail.sentTo(u.email).slice(since);

  beforeAll(async () => {
    t = await TestApp.start([PositionsModule, NotificationsModule], {
      APP_URL: 'https://civitas.example.pl',
    });
    const lodz = await t.makeCity('1061011');
    const poznan = await t.makeCity('3064011');
    const krakow = await t.makeCity('1261011');
    const candidate = await t.makeCity('2261011', MembershipStatus.CANDIDATE);
    const nonMember = await t.makeCity('0201011', MembershipStatus.NON_MEMBER);
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
    office2 = await t.makeUser({ role: Role.OFFICE_ADMIN });
    lodzOfficial = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: lodz });
    lodzAdmin = await t.makeUser({ role: Role.CITY_ADMIN, organisationId: lodz });
    poznanNever = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: poznan });
    krakowWithdrawn = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: krakow });
    restricted = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: krakow });
    deactivated = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: poznan });
    candidateAdmin = await t.makeUser({ role: Role.CITY_ADMIN, organisationId: candidate });
    nonMemberOfficial = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: nonMember });
    memberGuest = await t.makeUser({ role: Role.GUEST, organisationId: lodz });
    expert = await t.makeUser({ role: Role.EXPERT });
    // Poznań's official wants no mail about new consultations (their preference).
    data(
      await t.gql(
        `mutation($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { kind } }`,
        {
          input: {
            preferences: [
              { kind: 'POSITION_CONSULTATION_OPENED', email: 'NEVER' },
              { kind: 'POSITION_CONSULTATION_EXTENDED', email: 'NEVER' },
            ],
          },
        },
        { token: poznanNever.token },
      ),
    );
    // Kraków's official withdrew consent to notification mail; the other restricted processing.
    await t.app
      .get(ConsentLog)
      .withdraw(
        { userId: krakowWithdrawn.id },
        ConsentPurpose.EMAIL_NOTIFICATIONS,
        ConsentSource.PRIVACY_CENTRE,
      );
    await t.db.query(`UPDATE app_user SET processing_restricted_at = now() WHERE id = $1`, [
      restricted.id,
    ]);
    await t.db.query(`UPDATE app_user SET deactivated_at = now() WHERE id = $1`, [deactivated.id]);
  });
  afterAll(() => t?.close());

  it('opening: every official and admin of a member city, in the bell; nobody else', async () => {
    consultationId = data(
      await t.gql(
        `mutation($input: OpenPositionConsultationInput!) { openPositionConsultation(input: $input) { id } }`,
        { input: { title: TITLE, actTitle: 'Projekt rozporządzenia MEN', closesAt: CLOSES } },
        { token: office.token },
      ),
    ).openPositionConsultation.id;
    await settled('POSITION_CONSULTATION_OPENED');
    for (const u of told()) {
      expect(await bell(u, 'POSITION_CONSULTATION_OPENED')).toEqual([
        {
          target_id: consultationId,
          actor_id: office.id,
          payload: expect.objectContaining({ requestSubject: TITLE, dueDate: '2027-01-15 15:30' }),
          // Waits for the digest only where mail may and should go.
          digest_pending: mailed().includes(u),
        },
      ]);
    }
    for (const u of everyone().filter((x) => !told().includes(x))) {
      expect(await bell(u, 'POSITION_CONSULTATION_OPENED')).toEqual([]);
    }
    // Nothing is mailed at once; in the bell through GraphQL.
    for (const u of everyone()) expect(t.mail.sentTo(u.email)).toEqual([]);
    const r = data(
      await t.gql(
        `{ notifications(first: 5) { edges { node { kind subject dueDate targetId } } } }`,
        {},
        { token: lodzOfficial.token },
      ),
    );
    expect(r.notifications.edges.map((e: any) => e.node)).toEqual([
      {
        kind: 'POSITION_CONSULTATION_OPENED',
        subject: TITLE,
        dueDate: '2027-01-15 15:30',
        targetId: consultationId,
      },
    ]);
  });

  it('the daily digest carries it to those whose preferences and consent allow mail', async () => {
    const before = new Map(everyone().map((u) => [u.id, t.mail.sentTo(u.email).length]));
    const digest = t.app.get(NotificationDigestService);
    expect(await digest.sendDailyDigests()).toBe(mailed().length);
    for (const u of mailed()) {
      const mail = await t.mail.waitFor(u.email, (m) => m.text.includes('otworzyło'));
      expect(mail.subject).toContain('(1)');
      expect(mail.text).toContain(
        `Biuro otworzyło konsultację projektu stanowiska „${TITLE}”; uwagi można zgłaszać do 2027-01-15 15:30 (czas polski).`,
      );
      expect(mail.text).toContain('comments are open until 2027-01-15 15:30 (Polish time)');
    }
    for (const u of everyone().filter((x) => !mailed().includes(x))) {
      expect(otherMail(u, before.get(u.id)!)).toEqual([]);
    }
    expect(await digest.sendDailyDigests()).toBe(0);
  });

  it('extending: the same people get the new closing time, in the bell and the digest', async () => {
    const before = new Map(everyone().map((u) => [u.id, t.mail.sentTo(u.email).length]));
    data(
      await t.gql(
        `mutation($id: ID!, $at: DateTime!) { extendPositionConsultation(id: $id, closesAt: $at) { id } }`,
        { id: consultationId, at: EXTENDED },
        { token: office.token },
      ),
    );
    await settled('POSITION_CONSULTATION_EXTENDED');
    for (const u of told()) {
      expect(await bell(u, 'POSITION_CONSULTATION_EXTENDED')).toEqual([
        expect.objectContaining({
          target_id: consultationId,
          payload: expect.objectContaining({ requestSubject: TITLE, dueDate: '2027-06-10 14:00' }),
        }),
      ]);
    }
    for (const u of everyone().filter((x) => !told().includes(x))) {
      expect(await bell(u, 'POSITION_CONSULTATION_EXTENDED')).toEqual([]);
    }
    expect(await t.app.get(NotificationDigestService).sendDailyDigests()).toBe(mailed().length);
    for (const u of mailed()) {
      const mail = await t.mail.waitFor(u.email, (m) => m.text.includes('przedłużona'));
      expect(mail.subject).toContain('(1)');
      expect(mail.text).toContain(
        `Konsultacja projektu stanowiska „${TITLE}” została przedłużona do 2027-06-10 14:00 (czas polski).`,
      );
    }
    for (const u of everyone().filter((x) => !mailed().includes(x))) {
      expect(otherMail(u, before.get(u.id)!)).toEqual([]);
    }
  });

  it('a refused extension tells nobody', async () => {
    const count = async () =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM notification WHERE kind = 'POSITION_CONSULTATION_EXTENDED'`,
        )
      )[0].n;
    const n = await count();
    const past = await t.gql(
      `mutation($id: ID!, $at: DateTime!) { extendPositionConsultation(id: $id, closesAt: $at) { id } }`,
      { id: consultationId, at: '2020-01-01T00:00:00.000Z' },
      { token: office.token },
    );
    expect(past.errors?.[0].extensions?.['code']).toBe('BAD_USER_INPUT');
    const byOfficial = await t.gql(
      `mutation($id: ID!, $at: DateTime!) { extendPositionConsultation(id: $id, closesAt: $at) { id } }`,
      { id: consultationId, at: EXTENDED },
      { token: lodzAdmin.token },
    );
    expect(byOfficial.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    await new Promise((r) => setTimeout(r, 300));
    expect(await count()).toBe(n);
  });
});
