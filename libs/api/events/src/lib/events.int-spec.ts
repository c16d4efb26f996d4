import { MembershipStatus, Role, currentConsentText, ConsentPurpose } from '@civitas/shared/domain';
import { APP_CONFIG, LinkSigner } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { ConsentLog, PersonalDataRegistry } from '@civitas/api/personal-data';
import { ConsentSource } from '@civitas/shared/domain';
import { errorCode, GqlResponse, TestApp, TestUser } from '@civitas/api/testing';
import { EventRemindersService, todayInPoland } from './event-reminders.service';
import { EventFileLinks } from './event-files';
import { EventsModule } from './events.module';

const LODZ = '1061011';
const POZNAN = '3064011';
const GUEST_TOWN = '0201011';
const OTHER_GUEST_TOWN = '0202011';
const DAY = 24 * 60 * 60 * 1000;

function data<T = any>(r: GqlResponse): T {
  if (r.errors) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}
const code = errorCode;
const SHARING = currentConsentText(ConsentPurpose.EVENT_DATA_SHARING).version;

const EVENT_FIELDS = `id title type startsAt endsAt capacity registeredCount waitlistCount audience groupId
  viewerIsOrganiser viewerRegistration { id status waitlistPosition }`;
const CREATE = `mutation($input: EventInput!) { createAssociationEvent(input: $input) { ${EVENT_FIELDS} } }`;
const GET = `query($id: ID!) { associationEvent(id: $id) { ${EVENT_FIELDS} } }`;
const REGISTER = `mutation($id: ID!, $input: RegisterForEventInput!) {
  registerForEvent(id: $id, input: $input) { id status waitlistPosition } }`;
const CANCEL = `mutation($r: ID!) { cancelEventRegistration(registrationId: $r) { ${EVENT_FIELDS} } }`;
const CANCEL_EVENT = `mutation($id: ID!, $reason: String!) {
  cancelAssociationEvent(id: $id, input: { reason: $reason }) { id cancelledAt cancellationReason } }`;
const DELETE_EVENT = `mutation($id: ID!) { deleteAssociationEvent(id: $id) }`;
const UPDATE = `mutation($id: ID!, $input: EventInput!) { updateAssociationEvent(id: $id, input: $input) { id } }`;
const PARTICIPANTS = `query($id: ID!) { associationEvent(id: $id) {
  participants(first: 100) { totalCount edges { node { userId name cityName position status waitlistPosition sharesData } } } } }`;
const PAGE = `query($id: ID!, $first: Int!, $after: String) { associationEvent(id: $id) {
  participants(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { id userId name status waitlistPosition } } } } }`;
const LINKS = `query($id: ID!) { associationEvent(id: $id) { icsUrl participantsCsvUrl } }`;

describe('events', () => {
  let t: TestApp;
  let office: TestUser;
  let lodzA: TestUser;
  let lodzB: TestUser;
  let poznanC: TestUser;
  let poznanD: TestUser;
  let coordinator: TestUser;
  let guest: TestUser;
  let otherGuest: TestUser;
  let expert: TestUser;
  let guestTown: string;
  let secretGroup: string;
  let openGroup: string;

  const as = (u: TestUser, query: string, variables: Record<string, unknown> = {}) =>
    t.gql(query, variables, { token: u.token });
  const base = (over: Record<string, unknown> = {}) => ({
    title: 'Forum Rozwoju Miast',
    type: 'CONFERENCE',
    description: 'Program: **planowanie przestrzenne** <script>alert(1)</script>',
    startsAt: new Date(Date.now() + 30 * DAY).toISOString(),
    endsAt: new Date(Date.now() + 30 * DAY + 6 * 3600_000).toISOString(),
    place: 'Poznań, Centrum Kultury Zamek',
    audience: 'ALL_MEMBERS',
    invitedCityIds: [],
    ...over,
  });
  const create = async (over: Record<string, unknown> = {}, u = office) =>
    data(await as(u, CREATE, { input: base(over) })).createAssociationEvent;
  const register = (u: TestUser, id: string, shareData = false) =>
    as(u, REGISTER, { id, input: { shareData, consentTextVersion: shareData ? SHARING : null } });
  const count = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM association_event`))[0].n;
  const links = async (u: TestUser, id: string) =>
    data(await as(u, LINKS, { id })).associationEvent as {
      icsUrl: string;
      participantsCsvUrl: string | null;
    };
  /** Follows a link as a browser would: no token, no cookie. */
  const follow = (path: string) => fetch(`${t.url}${path}`);
  const icsOf = async (u: TestUser, id: string) => {
    const r = await follow((await links(u, id)).icsUrl);
    expect(r.status).toBe(200);
    return r.text();
  };

  beforeAll(async () => {
    t = await TestApp.start([EventsModule]);
    const lodz = await t.makeCity(LODZ);
    const poznan = await t.makeCity(POZNAN);
    guestTown = await t.makeCity(GUEST_TOWN, MembershipStatus.NON_MEMBER);
    const otherTown = await t.makeCity(OTHER_GUEST_TOWN, MembershipStatus.NON_MEMBER);
    office = await t.makeUser({ role: Role.OFFICE_ADMIN, name: 'Anna Biurowa' });
    lodzA = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      name: 'Zażółć Gęślą',
    });
    lodzB = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      name: 'Bartosz Łęcki',
    });
    poznanC = await t.makeUser({
      role: Role.CITY_ADMIN,
      organisationId: poznan,
      name: 'Celina Ćwik',
    });
    poznanD = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: poznan,
      name: 'Dariusz Dąb',
    });
    coordinator = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: poznan,
      name: 'Koordynatorka GWD',
    });
    guest = await t.makeUser({ role: Role.GUEST, organisationId: guestTown });
    otherGuest = await t.makeUser({ role: Role.GUEST, organisationId: otherTown });
    expert = await t.makeUser({ role: Role.EXPERT });
    await t.db.query(`UPDATE app_user SET position = 'Kierownik "Wydziału", Łódź' WHERE id = $1`, [
      lodzA.id,
    ]);
    [{ id: secretGroup }, { id: openGroup }] = await t.db.query(
      `INSERT INTO working_group (name, name_folded, topic, visibility) VALUES
         ('Grupa Wysokiego Dialogu', 'grupa wysokiego dialogu', 'Finanse', 'SECRET'),
         ('Energia', 'energia', 'Energia', 'OPEN') RETURNING id`,
    );
    await t.db.query(
      `INSERT INTO group_membership (group_id, user_id, role) VALUES
         ($1, $3, 'COORDINATOR'), ($1, $4, 'MEMBER'), ($2, $5, 'COORDINATOR')`,
      [secretGroup, openGroup, coordinator.id, lodzA.id, lodzB.id],
    );
  });
  afterAll(() => t.close());

  it('refuses an end before the start, a deadline after it, a bad link, no place: BAD_USER_INPUT, nothing stored', async () => {
    const before = await count();
    const start = new Date(Date.now() + 10 * DAY);
    const cases = [
      { endsAt: new Date(start.getTime() - 3600_000).toISOString(), startsAt: start.toISOString() },
      {
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3600_000).toISOString(),
        registrationDeadline: new Date(start.getTime() + 60_000).toISOString(),
      },
      { onlineUrl: 'javascript:alert(1)' },
      { place: null, onlineUrl: null },
      { type: 'WORKING_GROUP_MEETING' },
      { audience: 'WORKING_GROUP' },
      { invitedCityIds: [guestTown] },
    ];
    for (const over of cases) {
      const r = await as(office, CREATE, { input: base(over) });
      expect(code(r)).toBe('BAD_USER_INPUT');
    }
    const endFirst = await as(office, CREATE, { input: base(cases[0]) });
    expect(endFirst.errors![0].message).toBe('The event must end after it starts');
    expect(await count()).toBe(before);
  });

  it('sanitises the description and stores the times as instants', async () => {
    const e = await create({
      startsAt: '2026-10-25T10:00:00+01:00',
      endsAt: '2026-10-25T16:00:00+01:00',
    });
    const { associationEvent } = data(
      await as(
        lodzA,
        `query($id: ID!) { associationEvent(id: $id) { descriptionHtml startsAt } }`,
        { id: e.id },
      ),
    );
    expect(associationEvent.descriptionHtml).toContain('<strong>planowanie przestrzenne</strong>');
    expect(associationEvent.descriptionHtml).not.toContain('<script');
    expect(associationEvent.startsAt).toBe('2026-10-25T09:00:00.000Z');
  });

  it('shows each event only to its audience; a secret group meeting is NOT_FOUND to others', async () => {
    const members = await create({ title: 'Zgromadzenie Ogólne ZMP' });
    const meeting = await create(
      {
        title: 'Posiedzenie GWD',
        type: 'WORKING_GROUP_MEETING',
        audience: 'WORKING_GROUP',
        groupId: secretGroup,
      },
      coordinator,
    );
    const info = await create({
      title: 'Spotkanie informacyjne dla miast spoza Związku',
      type: 'INFORMATION_MEETING',
      audience: 'MEMBERS_AND_INVITED_CITIES',
      invitedCityIds: [guestTown],
      onlineUrl: 'https://meet.example.org/zmp-info',
      place: null,
    });
    const sees = async (u: TestUser, id: string) => {
      const r = await as(u, GET, { id });
      return r.errors ? code(r) : 'OK';
    };
    expect(await sees(lodzA, members.id)).toBe('OK');
    expect(await sees(expert, members.id)).toBe('OK');
    expect(await sees(guest, members.id)).toBe('NOT_FOUND');
    expect(await sees(lodzA, meeting.id)).toBe('OK');
    expect(await sees(coordinator, meeting.id)).toBe('OK');
    expect(await sees(poznanC, meeting.id)).toBe('NOT_FOUND');
    expect(await sees(guest, meeting.id)).toBe('NOT_FOUND');
    expect(await sees(office, meeting.id)).toBe('OK');
    expect(await sees(guest, info.id)).toBe('OK');
    expect(await sees(otherGuest, info.id)).toBe('NOT_FOUND');
    expect(await sees(poznanD, info.id)).toBe('OK');
    // Registering for what one may not see: NOT_FOUND, nothing stored.
    expect(code(await register(poznanC, meeting.id))).toBe('NOT_FOUND');
    // The list: only what one may see.
    const titles = async (u: TestUser) =>
      data(
        await as(u, `{ associationEvents(first: 100) { totalCount edges { node { title } } } }`),
      ).associationEvents.edges.map((e: any) => e.node.title);
    expect(await titles(guest)).toEqual(['Spotkanie informacyjne dla miast spoza Związku']);
    expect(await titles(poznanC)).not.toContain('Posiedzenie GWD');
    expect(await titles(lodzA)).toContain('Posiedzenie GWD');
  });

  it('lets coordinators organise only their own group’s meetings', async () => {
    const other = await as(coordinator, CREATE, {
      input: base({ type: 'WORKING_GROUP_MEETING', audience: 'WORKING_GROUP', groupId: openGroup }),
    });
    expect(code(other)).toBe('NOT_FOUND');
    expect(code(await as(coordinator, CREATE, { input: base() }))).toBe('NOT_FOUND');
    expect(code(await as(guest, CREATE, { input: base() }))).toBe('FORBIDDEN');
  });

  it('fills the seats, waitlists the rest, refuses a second registration, and a cancellation promotes the first waitlisted', async () => {
    const e = await create({
      title: 'Seminarium: finansowanie oświaty',
      type: 'SEMINAR',
      capacity: 2,
    });
    const a = data(await register(lodzA, e.id, true)).registerForEvent;
    const b = data(await register(lodzB, e.id)).registerForEvent;
    const c = data(await register(poznanC, e.id, true)).registerForEvent;
    const d = data(await register(poznanD, e.id)).registerForEvent;
    expect([a.status, b.status]).toEqual(['REGISTERED', 'REGISTERED']);
    expect(c).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect(d).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });

    const twice = await register(lodzA, e.id);
    expect(code(twice)).toBe('CONFLICT');
    expect(twice.errors![0].message).toMatch(/already registered/);
    const rows = async () =>
      (
        await t.db.query(`SELECT count(*)::int AS n FROM event_registration WHERE event_id = $1`, [
          e.id,
        ])
      )[0].n;
    expect(await rows()).toBe(4);

    // Someone else's registration: NOT_FOUND, nothing changed.
    expect(code(await as(poznanC, CANCEL, { r: b.id }))).toBe('NOT_FOUND');
    expect(
      data(await as(lodzB, GET, { id: e.id })).associationEvent.viewerRegistration.status,
    ).toBe('REGISTERED');

    const after = data(await as(lodzB, CANCEL, { r: b.id })).cancelEventRegistration;
    expect(after).toMatchObject({ registeredCount: 2, waitlistCount: 1, viewerRegistration: null });
    const cNow = data(await as(poznanC, GET, { id: e.id })).associationEvent;
    expect(cNow.viewerRegistration).toMatchObject({ status: 'REGISTERED', waitlistPosition: null });
    const dNow = data(await as(poznanD, GET, { id: e.id })).associationEvent;
    expect(dNow.viewerRegistration).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    // Cancelling twice: the registration is gone.
    expect(code(await as(lodzB, CANCEL, { r: b.id }))).toBe('NOT_FOUND');
    // The city and position are recorded as they were at registration.
    await t.db.query(`UPDATE app_user SET position = 'Dyrektor' WHERE id = $1`, [lodzA.id]);
    const [snap] = await t.db.query(
      `SELECT city_name, position FROM event_registration WHERE id = $1`,
      [a.id],
    );
    expect(snap).toEqual({ city_name: 'Łódź', position: 'Kierownik "Wydziału", Łódź' });
    await t.db.query(`UPDATE app_user SET position = 'Kierownik "Wydziału", Łódź' WHERE id = $1`, [
      lodzA.id,
    ]);
  });

  it('two people taking the last seat at once: one registered, one waitlisted', async () => {
    for (let round = 0; round < 5; round++) {
      const e = await create({ title: `Warsztaty ${round}`, type: 'WORKSHOP', capacity: 1 });
      const results = await Promise.all([register(lodzB, e.id), register(poznanD, e.id)]);
      expect(results.map((r) => data(r).registerForEvent.status).sort()).toEqual([
        'REGISTERED',
        'WAITLISTED',
      ]);
      // And one person twice at once: one registration, one CONFLICT.
      const same = await Promise.all([register(poznanC, e.id), register(poznanC, e.id)]);
      expect(same.map((r) => (r.errors ? code(r) : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
    }
  });

  it('refuses registration past the deadline with a CONFLICT that says when it closed', async () => {
    const e = await create({
      title: 'Seminarium: energetyka rozproszona',
      startsAt: '2027-02-10T09:00:00+01:00',
      endsAt: '2027-02-10T15:00:00+01:00',
      registrationDeadline: new Date(Date.now() - 60_000).toISOString(),
    });
    const late = await register(lodzA, e.id);
    expect(code(late)).toBe('CONFLICT');
    expect(late.errors![0].message).toMatch(
      /^Registration for this event closed on \d{4}-\d\d-\d\d \d\d:\d\d \(Polish time\)$/,
    );
    expect(
      (
        await t.db.query(`SELECT count(*)::int AS n FROM event_registration WHERE event_id = $1`, [
          e.id,
        ])
      )[0].n,
    ).toBe(0);
  });

  it('shows the participant list in full to the organiser, to participants only those who consented; a withdrawal counts at once', async () => {
    const e = await create({ title: 'Konferencja: planowanie przestrzenne', capacity: 3 });
    await register(lodzA, e.id, true); // shares
    await register(lodzB, e.id, false);
    await register(poznanC, e.id, true);
    await register(poznanD, e.id, true); // waitlisted
    const [consent] = await t.db.query(
      `SELECT purpose, action, text_version, source FROM consent_record WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [lodzA.id],
    );
    expect(consent).toEqual({
      purpose: 'EVENT_DATA_SHARING',
      action: 'GRANTED',
      text_version: SHARING,
      source: 'EVENT_REGISTRATION',
    });

    const list = async (u: TestUser) =>
      data(await as(u, PARTICIPANTS, { id: e.id })).associationEvent.participants.edges.map(
        (edge: any) => edge.node,
      );
    const full = await list(office);
    expect(full.map((p: any) => [p.name, p.status, p.waitlistPosition])).toEqual([
      ['Zażółć Gęślą', 'REGISTERED', null],
      ['Bartosz Łęcki', 'REGISTERED', null],
      ['Celina Ćwik', 'REGISTERED', null],
      ['Dariusz Dąb', 'WAITLISTED', 1],
    ]);
    expect((await list(poznanC)).map((p: any) => p.name)).toEqual(['Zażółć Gęślą', 'Celina Ćwik']);
    expect((await list(lodzB)).map((p: any) => p.name)).toEqual([
      'Zażółć Gęślą',
      'Bartosz Łęcki',
      'Celina Ćwik',
    ]);
    expect((await list(poznanD)).map((p: any) => p.name)).toEqual(['Dariusz Dąb']); // waitlisted: only self
    expect(await list(expert)).toEqual([]);

    await t.app
      .get(ConsentLog)
      .withdraw(
        { userId: lodzA.id },
        ConsentPurpose.EVENT_DATA_SHARING,
        ConsentSource.PRIVACY_CENTRE,
      );
    expect((await list(poznanC)).map((p: any) => p.name)).toEqual(['Celina Ćwik']);
    expect((await list(office)).find((p: any) => p.name === 'Zażółć Gęślą').sharesData).toBe(false);

    // CSV: a link only for the organiser; BOM, quoting, Polish characters.
    expect((await links(lodzA, e.id)).participantsCsvUrl).toBeNull();
    expect((await links(expert, e.id)).participantsCsvUrl).toBeNull();
    const url = (await links(office, e.id)).participantsCsvUrl!;
    expect(url).toMatch(/^\/api\/events\/files\/[\w-]+\.[\w-]+$/);
    const r = await follow(url);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-disposition')).toBe(
      `attachment; filename="konferencja-planowanie-przestrzenne-uczestnicy.csv"; ` +
        `filename*=UTF-8''Konferencja%20planowanie%20przestrzenne%20%E2%80%93%20uczestnicy.csv`,
    );
    const bytes = Buffer.from(await r.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const csv = bytes.toString('utf8');
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Imię i nazwisko,Miasto,Stanowisko,Status,Miejsce na liście rezerwowej,Zgłoszenie,Zgoda na udostępnienie danych',
    );
    expect(lines[1]).toMatch(
      /^Zażółć Gęślą,Łódź,"Kierownik ""Wydziału"", Łódź",zarejestrowany,,\d{4}-\d\d-\d\d \d\d:\d\d,nie$/,
    );
    expect(lines[4]).toMatch(/^Dariusz Dąb,Poznań,Specjalista,lista rezerwowa,1,/);
  });

  it('writes cells a spreadsheet would run as formulas (= + - @) with a leading apostrophe', async () => {
    const e = await create({ title: 'Warsztaty: arkusze' });
    const [a, b] = await Promise.all([
      t.makeUser({
        role: Role.CITY_OFFICIAL,
        organisationId: lodzA.organisationId,
        name: '=HYPERLINK("http://x.example","klik")',
      }),
      t.makeUser({
        role: Role.CITY_OFFICIAL,
        organisationId: lodzA.organisationId,
        name: '@SUM(A1)',
      }),
    ]);
    await t.db.query(`UPDATE app_user SET position = '+48 600 000 000' WHERE id = $1`, [a.id]);
    await t.db.query(`UPDATE app_user SET position = '-2+3' WHERE id = $1`, [b.id]);
    await register(a, e.id);
    await register(b, e.id);
    const csv = await (await follow((await links(office, e.id)).participantsCsvUrl!)).text();
    const [, first, second] = csv.split('\r\n');
    expect(first).toMatch(
      /^"'=HYPERLINK\(""http:\/\/x\.example"",""klik""\)",Łódź,'\+48 600 000 000,/,
    );
    expect(second).toMatch(/^'@SUM\(A1\),Łódź,'-2\+3,/);
  });

  it('mails participants through the queue, leaving out restricted accounts; only the organiser may', async () => {
    const e = await create({ title: 'Warsztaty: budżet obywatelski', capacity: 1 });
    await register(lodzA, e.id);
    await register(lodzB, e.id); // waitlisted
    await register(poznanC, e.id); // waitlisted, restricted
    await t.db.query(`UPDATE app_user SET processing_restricted_at = now() WHERE id = $1`, [
      poznanC.id,
    ]);
    const MAIL = `mutation($id: ID!, $input: EventMessageInput!) { mailEventParticipants(id: $id, input: $input) { queued restricted } }`;
    const input = {
      subject: 'Zmiana sali',
      body: 'Spotykamy się w **sali 204**.',
      includeWaitlist: true,
    };
    expect(code(await as(lodzA, MAIL, { id: e.id, input }))).toBe('NOT_FOUND');
    expect(data(await as(office, MAIL, { id: e.id, input })).mailEventParticipants).toEqual({
      queued: 2,
      restricted: 1,
    });
    const mail = await t.mail.waitFor(lodzB.email, (m) => m.subject.startsWith('Zmiana sali'));
    expect(mail.html).toContain('<strong>sali 204</strong>');
    await new Promise((r) => setTimeout(r, 300));
    expect(t.mail.messages.some((m) => m.to.includes(poznanC.email))).toBe(false);
    await t.db.query(`UPDATE app_user SET processing_restricted_at = NULL WHERE id = $1`, [
      poznanC.id,
    ]);
  });

  it('offers an .ics whose times are right across both DST changes, and puts registered events and group meetings in the personal feed', async () => {
    const autumn = await create({
      title: 'Jesienne Forum',
      startsAt: '2026-10-25T10:00:00+01:00',
      endsAt: '2026-10-25T12:00:00+01:00',
    });
    const spring = await create({
      title: 'Wiosenne Forum',
      startsAt: '2026-03-29T10:00:00+02:00',
      endsAt: '2026-03-29T12:00:00+02:00',
    });
    const ics = (id: string) => icsOf(lodzA, id);
    expect(await ics(autumn.id)).toContain('DTSTART:20261025T090000Z'); // CET after the change
    expect(await ics(spring.id)).toContain('DTSTART:20260329T080000Z'); // CEST after the change
    expect(await ics(spring.id)).toContain('X-WR-TIMEZONE:Europe/Warsaw');
    const r = await follow((await links(lodzA, autumn.id)).icsUrl);
    expect(r.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    expect(r.headers.get('content-disposition')).toBe(
      `attachment; filename="jesienne-forum.ics"; filename*=UTF-8''Jesienne%20Forum.ics`,
    );
    expect(code(await as(guest, LINKS, { id: autumn.id }))).toBe('NOT_FOUND');

    const upcoming = await create({ title: 'Kongres Miast Polskich' });
    await register(poznanD, upcoming.id);
    const meeting = await create(
      {
        title: 'Posiedzenie GWD (grudzień)',
        type: 'WORKING_GROUP_MEETING',
        audience: 'WORKING_GROUP',
        groupId: secretGroup,
      },
      coordinator,
    );
    const link = data(
      await as(lodzA, `mutation { regenerateCalendarFeed { path } }`),
    ).regenerateCalendarFeed;
    const feed = await (await fetch(`${t.url}${link.path}`)).text();
    expect(feed).toContain('Posiedzenie GWD (grudzień)');
    expect(feed).not.toContain('Kongres Miast Polskich');
    const dLink = data(
      await as(poznanD, `mutation { regenerateCalendarFeed { path } }`),
    ).regenerateCalendarFeed;
    const dFeed = await (await fetch(`${t.url}${dLink.path}`)).text();
    expect(dFeed).toContain('Kongres Miast Polskich');
    expect(dFeed).not.toContain('Posiedzenie GWD');
    expect(meeting.id).toBeTruthy();
    data(await as(poznanD, `mutation { revokeCalendarFeed { active } }`));
    expect((await fetch(`${t.url}${dLink.path}`)).status).toBe(404);
  });

  it('exports a person’s registrations and erases them: future ones deleted (the waiting list moves up), past ones kept without city or position', async () => {
    const future = await create({ title: 'Forum Skarbników', capacity: 1 });
    await register(expert, future.id);
    await register(lodzB, future.id); // waitlisted
    const past = await create({ title: 'Seminarium archiwalne' });
    await register(expert, past.id);
    await t.db.query(
      `UPDATE association_event SET starts_at = now() - interval '2 days', ends_at = now() - interval '1 day' WHERE id = $1`,
      [past.id],
    );
    const contributor = t.app
      .get(PersonalDataRegistry)
      .all()
      .find((c) => c.section === 'events')!;
    const exported = (await contributor.export(expert.id, t.db.manager)).data as any;
    expect(exported.registrations.map((r: any) => [r.eventTitle, r.status])).toEqual([
      ['Forum Skarbników', 'REGISTERED'],
      ['Seminarium archiwalne', 'REGISTERED'],
    ]);
    await t.db.transaction((tx) => contributor.erase(expert.id, tx));
    const left = await t.db.query(
      `SELECT e.title, r.city_name, r.position FROM event_registration r JOIN association_event e ON e.id = r.event_id WHERE r.user_id = $1`,
      [expert.id],
    );
    expect(left).toEqual([{ title: 'Seminarium archiwalne', city_name: null, position: null }]);
    expect(
      data(await as(lodzB, GET, { id: future.id })).associationEvent.viewerRegistration.status,
    ).toBe('REGISTERED');
  });

  it('refuses an expired, tampered or foreign download link, and a link whose person lost access, with one 404 that says nothing', async () => {
    const meeting = await create(
      {
        title: 'Posiedzenie GWD (pliki)',
        type: 'WORKING_GROUP_MEETING',
        audience: 'WORKING_GROUP',
        groupId: secretGroup,
      },
      coordinator,
    );
    const signer = t.app.get(EventFileLinks);
    const refusal = async (path: string) => {
      const r = await follow(path);
      expect(r.status).toBe(404);
      expect(r.headers.get('content-disposition')).toBeNull();
      return r.json();
    };
    const answer = {
      code: 'NOT_FOUND',
      message: 'Download link (it may have expired: reload the page) not found',
    };
    const good = (await links(coordinator, meeting.id)).participantsCsvUrl!;
    expect((await follow(good)).status).toBe(200);
    const expected = await refusal(
      signer.url(coordinator.id, meeting.id, 'csv', Date.now() - 11 * 60_000),
    );
    expect(expected).toEqual(answer);
    // Tampered: another event or kind in the claims under the old signature, a changed
    // signature, garbage.
    const [payload, mac] = good.split('/').pop()!.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = (c: object) =>
      `/api/events/files/${Buffer.from(JSON.stringify(c)).toString('base64url')}.${mac}`;
    expect(await refusal(forged({ ...claims, u: lodzA.id }))).toEqual(answer);
    expect(await refusal(forged({ ...claims, e: claims.e + 3600 }))).toEqual(answer);
    expect(
      await refusal(`/api/events/files/${payload}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`),
    ).toEqual(answer);
    expect(await refusal('/api/events/files/not-a-link')).toEqual(answer);
    // The same claims signed for another purpose (the documents' key) do not open it.
    const documentsKey = new LinkSigner(
      t.app.get<AppConfig>(APP_CONFIG).jwtSecret,
      'document-links',
    );
    expect(
      await refusal(
        `/api/events/files/${documentsKey.sign({ u: coordinator.id, ev: meeting.id, k: 'csv' }, 10)}`,
      ),
    ).toEqual(answer);
    // Signed for someone who may not see the event, or see it but not organise it.
    expect(await refusal(signer.url(poznanC.id, meeting.id, 'ics'))).toEqual(answer);
    expect(await refusal(signer.url(lodzA.id, meeting.id, 'csv'))).toEqual(answer);
    expect((await follow(signer.url(lodzA.id, meeting.id, 'ics'))).status).toBe(200);
    // Access is checked when the link is followed: a member who leaves, a deactivated organiser.
    const lodzIcs = (await links(lodzA, meeting.id)).icsUrl;
    await t.db.query(`DELETE FROM group_membership WHERE group_id = $1 AND user_id = $2`, [
      secretGroup,
      lodzA.id,
    ]);
    expect(await refusal(lodzIcs)).toEqual(answer);
    await t.db.query(
      `INSERT INTO group_membership (group_id, user_id, role) VALUES ($1, $2, 'MEMBER')`,
      [secretGroup, lodzA.id],
    );
    expect((await follow(lodzIcs)).status).toBe(200);
    await t.db.query(`UPDATE app_user SET deactivated_at = now() WHERE id = $1`, [coordinator.id]);
    expect(await refusal(good)).toEqual(answer);
    await t.db.query(`UPDATE app_user SET deactivated_at = NULL WHERE id = $1`, [coordinator.id]);
    expect((await follow(good)).status).toBe(200);
  });

  describe('the participant list in pages', () => {
    let big: { id: string };
    let everyone: TestUser[];

    beforeAll(async () => {
      big = await create({ title: 'Kongres: stronicowanie', capacity: 4 });
      everyone = [lodzA, lodzB, poznanC, poznanD, coordinator, expert];
      for (let i = 0; i < 5; i++) {
        everyone.push(
          await t.makeUser({
            role: Role.CITY_OFFICIAL,
            organisationId: poznanD.organisationId,
            name: `Uczestnik ${i}`,
          }),
        );
      }
      // Some at the very same instant: the id orders them, and no page may lose or repeat one.
      await Promise.all(everyone.slice(0, 4).map((u) => register(u, big.id, true)));
      for (const u of everyone.slice(4)) data(await register(u, big.id, true));
    });

    /** Every page of `first`, following the cursors; the total must not move meanwhile. */
    const walk = async (u: TestUser, first: number) => {
      const seen: any[] = [];
      const totals = new Set<number>();
      let after: string | null = null;
      for (;;) {
        const page: any = data(await as(u, PAGE, { id: big.id, first, after })).associationEvent
          .participants;
        expect(page.edges.length).toBeLessThanOrEqual(first);
        totals.add(page.totalCount);
        seen.push(...page.edges.map((e: any) => e.node));
        if (!page.pageInfo.hasNextPage) {
          expect([...totals]).toEqual([seen.length]);
          return seen;
        }
        after = page.pageInfo.endCursor;
      }
    };

    it('pages through registered people, then the waiting list in its order, without gaps or repeats', async () => {
      const whole = data(await as(office, PAGE, { id: big.id, first: 100 })).associationEvent
        .participants;
      expect(whole.totalCount).toBe(11);
      for (const first of [1, 2, 3, 4, 5]) {
        expect(await walk(office, first)).toEqual(whole.edges.map((e: any) => e.node));
      }
      const statuses = whole.edges.map((e: any) => e.node.status);
      expect(statuses).toEqual([...Array(4).fill('REGISTERED'), ...Array(7).fill('WAITLISTED')]);
      expect(whole.edges.slice(4).map((e: any) => e.node.waitlistPosition)).toEqual([
        1, 2, 3, 4, 5, 6, 7,
      ]);
      // A registered participant pages through the registered people who share (all do
      // here); a waitlisted one sees only themselves.
      const person = (i: number) => everyone.find((u) => u.id === whole.edges[i].node.userId)!;
      expect(await walk(person(1), 1)).toEqual(whole.edges.slice(0, 4).map((e: any) => e.node));
      expect(await walk(person(6), 1)).toEqual([whole.edges[6].node]);
    });

    it('refuses another event’s cursor or a forged one with BAD_USER_INPUT', async () => {
      const other = await create({ title: 'Inne wydarzenie' });
      await register(lodzA, other.id);
      const foreign = data(await as(office, PAGE, { id: other.id, first: 1 })).associationEvent
        .participants.pageInfo.endCursor;
      const page = data(await as(office, PAGE, { id: big.id, first: 1 })).associationEvent
        .participants;
      const [, ...key] = JSON.parse(Buffer.from(page.pageInfo.endCursor, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify([big.id, 2, ...key.slice(1)])).toString(
        'base64url',
      );
      for (const after of [foreign, forged, 'bm90LWEtY3Vyc29y', page.pageInfo.endCursor.slice(2)]) {
        const r = await as(office, PAGE, { id: big.id, first: 1, after });
        expect(code(r)).toBe('BAD_USER_INPUT');
      }
    });

    it('costs the same statements for a page of 2 or 10 participants', async () => {
      const cost = async (first: number) => {
        t.queries.reset();
        const page = data(await as(office, PAGE, { id: big.id, first })).associationEvent
          .participants;
        expect(page.edges).toHaveLength(first);
        return t.queries.statements.slice();
      };
      const small = await cost(2);
      const large = await cost(10);
      expect(large.length).toBe(small.length);
    });
  });

  it('costs the same statements for a page of 2 or 20 events with counts, places and invited cities', async () => {
    // Twenty seminars a year from now, alone in their window (no group meetings among them).
    const at = Date.now() + 400 * DAY;
    for (let i = 0; i < 20; i++) {
      await create({
        title: `Seminarium ${i}`,
        capacity: 3,
        startsAt: new Date(at + i * 3600_000).toISOString(),
        endsAt: new Date(at + i * 3600_000 + 1800_000).toISOString(),
      });
    }
    const from = new Date(at - 1000).toISOString();
    const cost = async (first: number) => {
      t.queries.reset();
      const page = data(
        await as(
          lodzA,
          `query($first: Int!, $from: DateTime) { associationEvents(first: $first, from: $from) { totalCount edges { node {
             id title registeredCount waitlistCount viewerIsOrganiser groupName
             viewerRegistration { status waitlistPosition } invitedCities { name } } } } }`,
          { first, from },
        ),
      ).associationEvents;
      expect(page.edges).toHaveLength(first);
      return t.queries.statements.slice();
    };
    const small = await cost(2);
    const large = await cost(20);
    expect(large.length).toBe(small.length);
  });

  it('serves many people taking seats at once: the lock on the event row keeps the count exact (figure: latency against separate events)', async () => {
    const people = [lodzA, lodzB, poznanC, poznanD, coordinator, expert, office];
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const timed = async (u: TestUser, id: string) => {
      const started = performance.now();
      const r = await register(u, id);
      return {
        ms: performance.now() - started,
        status: data(r).registerForEvent.status as string,
        place: data(r).registerForEvent.waitlistPosition as number | null,
      };
    };
    const contended: number[] = [];
    const separate: number[] = [];
    for (let round = 0; round < 3; round++) {
      const one = await create({ title: `Jedno wydarzenie ${round}`, capacity: 3 });
      const results = await Promise.all(people.map((u) => timed(u, one.id)));
      expect(results.filter((r) => r.status === 'REGISTERED')).toHaveLength(3);
      expect(
        results
          .map((r) => r.place)
          .filter((p) => p !== null)
          .sort(),
      ).toEqual([1, 2, 3, 4]);
      contended.push(...results.map((r) => r.ms));
      const many = await Promise.all(
        people.map(() => create({ title: `Osobne wydarzenie ${round}`, capacity: 3 })),
      );
      separate.push(
        ...(await Promise.all(people.map((u, i) => timed(u, many[i].id)))).map((r) => r.ms),
      );
    }
    const ratio = median(contended) / median(separate);
    // A figure for the report, not a pass/fail: registrations serialised by the row lock
    // against the same number of registrations on separate events, in the same run.
    console.log(
      `events: ${people.length} at once on one event, median ${median(contended).toFixed(1)} ms; ` +
        `on separate events ${median(separate).toFixed(1)} ms; ratio ${ratio.toFixed(2)}`,
    );
    expect(ratio).toBeGreaterThan(0);
  });
  describe('cancelling and deleting an event', () => {
    const cancelEvent = (u: TestUser, id: string, reason = 'Prelegent zachorował') =>
      as(u, CANCEL_EVENT, { id, reason });
    const state = async (id: string) =>
      (
        await t.db.query(
          `SELECT cancelled_at, cancelled_by_id, cancellation_reason, title FROM association_event WHERE id = $1`,
          [id],
        )
      )[0];

    it('cancels with a reason: marked, kept, mailed to registered and waitlisted people (not restricted ones), shown cancelled in the .ics and the feed', async () => {
      const e = await create({ title: 'Konferencja: mobilność miejska', capacity: 1 });
      await register(lodzA, e.id);
      await register(lodzB, e.id); // waitlisted
      await register(poznanC, e.id); // waitlisted, restricted
      await t.db.query(`UPDATE app_user SET processing_restricted_at = now() WHERE id = $1`, [
        poznanC.id,
      ]);
      const before = await state(e.id);

      // A reason too short once trimmed, or too long: BAD_USER_INPUT naming it, nothing changed.
      for (const reason of ['  ab  ', 'x'.repeat(501)]) {
        const r = await cancelEvent(office, e.id, reason);
        expect(code(r)).toBe('BAD_USER_INPUT');
        expect(r.errors![0].message).toBe('Give a reason of 3 to 500 characters');
      }
      expect(await state(e.id)).toEqual(before);

      const { cancelAssociationEvent: cancelled } = data(
        await cancelEvent(office, e.id, '  Prelegent zachorował; nowy termin wkrótce.  '),
      );
      expect(cancelled.cancellationReason).toBe('Prelegent zachorował; nowy termin wkrótce.');
      expect(new Date(cancelled.cancelledAt).getTime()).toBeLessThanOrEqual(Date.now());
      expect((await state(e.id)).cancelled_by_id).toBe(office.id);
      // The registrations stay: people's calendars still carry the (now cancelled) entry.
      expect(data(await as(lodzA, GET, { id: e.id })).associationEvent).toMatchObject({
        registeredCount: 1,
        waitlistCount: 2,
      });

      for (const u of [lodzA, lodzB]) {
        const mail = await t.mail.waitFor(u.email, (m) =>
          m.subject.startsWith('Wydarzenie odwołane / Event cancelled'),
        );
        expect(mail.subject).toBe(
          'Wydarzenie odwołane / Event cancelled — Konferencja: mobilność miejska',
        );
        expect(mail.text).toContain('Powód: Prelegent zachorował; nowy termin wkrótce.');
        expect(mail.text).toContain('Reason: Prelegent zachorował; nowy termin wkrótce.');
        expect(mail.text).toContain(`/events/${e.id}`);
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(
        t.mail.messages.some(
          (m) => m.to.includes(poznanC.email) && m.subject.startsWith('Wydarzenie odwołane'),
        ),
      ).toBe(false);
      await t.db.query(`UPDATE app_user SET processing_restricted_at = NULL WHERE id = $1`, [
        poznanC.id,
      ]);

      // The .ics keeps the UID and says CANCELLED; so does the personal feed.
      const ics = await icsOf(lodzA, e.id);
      expect(ics).toContain(`UID:event-${e.id}@civitas`);
      expect(ics).toContain('STATUS:CANCELLED');
      const link = data(
        await as(lodzB, `mutation { regenerateCalendarFeed { path } }`),
      ).regenerateCalendarFeed;
      const feed = (await (await fetch(`${t.url}${link.path}`)).text()).replace(/\r\n /g, '');
      const entry = feed.split('BEGIN:VEVENT').find((v) => v.includes(`UID:event-${e.id}@civitas`));
      expect(entry).toContain('STATUS:CANCELLED');
      data(await as(lodzB, `mutation { revokeCalendarFeed { active } }`));

      // Afterwards: registering, cancelling again and editing answer CONFLICT, nothing stored.
      const late = await register(poznanD, e.id);
      expect(code(late)).toBe('CONFLICT');
      expect(late.errors![0].message).toBe('This event has been cancelled; registration is closed');
      const again = await cancelEvent(office, e.id);
      expect(code(again)).toBe('CONFLICT');
      expect(again.errors![0].message).toBe('This event has already been cancelled');
      const edit = await as(office, UPDATE, { id: e.id, input: base({ title: 'Inny tytuł' }) });
      expect(code(edit)).toBe('CONFLICT');
      expect(edit.errors![0].message).toBe(
        'This event has been cancelled; it can no longer be edited',
      );
      expect((await state(e.id)).title).toBe('Konferencja: mobilność miejska');
      expect((await state(e.id)).cancellation_reason).toBe(
        'Prelegent zachorował; nowy termin wkrótce.',
      );

      // A freed seat of a cancelled event promotes nobody.
      const mine = data(await as(lodzA, GET, { id: e.id })).associationEvent.viewerRegistration;
      data(await as(lodzA, CANCEL, { r: mine.id }));
      expect(
        data(await as(lodzB, GET, { id: e.id })).associationEvent.viewerRegistration.status,
      ).toBe('WAITLISTED');
    });

    it('refuses: NOT_FOUND to who may not see it, the edit refusal to who sees it but does not organise it, CONFLICT once it ended', async () => {
      const meeting = await create(
        {
          title: 'Posiedzenie GWD (odwołane?)',
          type: 'WORKING_GROUP_MEETING',
          audience: 'WORKING_GROUP',
          groupId: secretGroup,
        },
        coordinator,
      );
      const open = await create({ title: 'Seminarium: rewitalizacja' });
      const before = [await state(meeting.id), await state(open.id)];

      // Not in the audience: NOT_FOUND, as for reading it.
      expect(code(await cancelEvent(poznanC, meeting.id))).toBe('NOT_FOUND');
      expect(code(await as(poznanC, DELETE_EVENT, { id: meeting.id }))).toBe('NOT_FOUND');
      // Sees it, does not organise it: the very refusal editing gives.
      for (const [u, e] of [
        [lodzA, meeting],
        [lodzA, open],
        [expert, open],
        [guest, open],
      ] as const) {
        const edit = code(await as(u, UPDATE, { id: e.id, input: base() }));
        expect(code(await cancelEvent(u, e.id))).toBe(edit);
        expect(code(await as(u, DELETE_EVENT, { id: e.id }))).toBe(edit);
      }
      expect(code(await cancelEvent(lodzA, meeting.id))).toBe('NOT_FOUND');
      expect(code(await cancelEvent(guest, open.id))).toBe('FORBIDDEN');
      expect([await state(meeting.id), await state(open.id)]).toEqual(before);

      // The coordinator organises their group's meeting: they may cancel it.
      expect(
        data(await cancelEvent(coordinator, meeting.id)).cancelAssociationEvent.cancelledAt,
      ).toBeTruthy();

      // An event that has ended: CONFLICT.
      await t.db.query(
        `UPDATE association_event SET starts_at = now() - interval '3 hours',
           ends_at = now() - interval '1 hour' WHERE id = $1`,
        [open.id],
      );
      const ended = await cancelEvent(office, open.id);
      expect(code(ended)).toBe('CONFLICT');
      expect(ended.errors![0].message).toBe('The event has ended; it can no longer be cancelled');
      expect((await state(open.id)).cancelled_at).toBeNull();
    });

    it('skips a cancelled event in the day-before reminder', async () => {
      // Tomorrow at 10:00 or 11:00 in Poland, whatever today is.
      const tomorrow = new Date(`${todayInPoland()}T09:00:00Z`);
      tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
      const at = (h: number) => new Date(tomorrow.getTime() + h * 3600_000).toISOString();
      const kept = await create({
        title: 'Jutrzejsze seminarium',
        startsAt: tomorrow.toISOString(),
        endsAt: at(2),
      });
      const dropped = await create({
        title: 'Jutrzejsze odwołane',
        startsAt: tomorrow.toISOString(),
        endsAt: at(2),
      });
      await register(poznanD, kept.id);
      await register(poznanD, dropped.id);
      data(await cancelEvent(office, dropped.id));
      const run = await t.app.get(EventRemindersService).runForDay(todayInPoland());
      expect(run.ran).toBe(true);
      const reminded = async (id: string) =>
        (
          await t.db.query(
            `SELECT reminded_at IS NOT NULL AS reminded FROM event_registration WHERE event_id = $1`,
            [id],
          )
        )[0].reminded;
      expect(await reminded(kept.id)).toBe(true);
      expect(await reminded(dropped.id)).toBe(false);
    });

    it('deletes an event nobody is registered for, with its dependent rows; with registrations: CONFLICT, cancel instead', async () => {
      const busy = await create({ title: 'Forum z uczestnikami' });
      await register(lodzB, busy.id);
      const refused = await as(office, DELETE_EVENT, { id: busy.id });
      expect(code(refused)).toBe('CONFLICT');
      expect(refused.errors![0].message).toBe(
        'People are registered for this event; cancel it instead of deleting it',
      );
      expect(await state(busy.id)).toBeTruthy();
      // Waitlisted people count too.
      const full = await create({ title: 'Warsztaty pełne', capacity: 1 });
      await register(lodzB, full.id);
      await register(poznanD, full.id);
      await t.db.query(
        `UPDATE event_registration SET status = 'CANCELLED', cancelled_at = now()
         WHERE event_id = $1 AND user_id = $2`,
        [full.id, lodzB.id],
      );
      expect(code(await as(office, DELETE_EVENT, { id: full.id }))).toBe('CONFLICT');

      const empty = await create({
        title: 'Spotkanie bez zapisów',
        type: 'INFORMATION_MEETING',
        audience: 'MEMBERS_AND_INVITED_CITIES',
        invitedCityIds: [guestTown],
      });
      const gone = data(await register(poznanC, empty.id)).registerForEvent;
      data(await as(poznanC, CANCEL, { r: gone.id })); // a cancelled registration: history only
      expect(data(await as(office, DELETE_EVENT, { id: empty.id })).deleteAssociationEvent).toBe(
        empty.id,
      );
      expect(await state(empty.id)).toBeUndefined();
      const left = await t.db.query(
        `SELECT (SELECT count(*)::int FROM association_event_city WHERE event_id = $1) AS cities,
                (SELECT count(*)::int FROM event_registration WHERE event_id = $1) AS registrations`,
        [empty.id],
      );
      expect(left).toEqual([{ cities: 0, registrations: 0 }]);
      expect(code(await as(office, GET, { id: empty.id }))).toBe('NOT_FOUND');
      expect(code(await as(office, DELETE_EVENT, { id: empty.id }))).toBe('NOT_FOUND');
    });
  });
});
