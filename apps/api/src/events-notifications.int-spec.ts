import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@civitas/shared/domain';
import { DocumentsModule } from '@civitas/api/documents';
import { EventRemindersService, EventsModule } from '@civitas/api/events';
import { NotificationsModule } from '@civitas/api/notifications';
import { PersonalDataRegistry } from '@civitas/api/personal-data';
import { ErasureService, PrivacyModule } from '@civitas/api/privacy';
import { GqlResponse, TEST_PASSWORD, TestApp, TestUser } from '@civitas/api/testing';

function data<T = Record<string, any>>(r: GqlResponse): T {
  if (r.errors) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

const CREATE = `mutation($input: EventInput!) { createAssociationEvent(input: $input) { id } }`;
const REGISTER = `mutation($id: ID!) { registerForEvent(id: $id, input: { shareData: false }) { id status } }`;

/** Events through notifications (the app composes both domains): promotion and reminders. */
describe('events: the promoted person and tomorrow’s participants are told, in the bell and by mail', () => {
  let t: TestApp;
  let dir: string;
  let lodz: string;
  let office: TestUser;
  let first: TestUser;
  let second: TestUser;
  let third: TestUser;

  const bell = async (u: TestUser, kind: string) => {
    // Listeners store notifications after the event; give them a moment.
    for (let i = 0; i < 40; i++) {
      const rows = await t.db.query(
        `SELECT kind, target_id, payload FROM notification WHERE recipient_id = $1 AND kind = $2`,
        [u.id, kind],
      );
      if (rows.length) return rows;
      await new Promise((r) => setTimeout(r, 50));
    }
    return [];
  };
  const create = async (title: string, startsAt: Date, capacity: number | null) =>
    data(
      await t.gql(
        CREATE,
        {
          input: {
            title,
            type: 'SEMINAR',
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
            place: 'Warszawa, ul. Marszałkowska 77/79',
            capacity,
            audience: 'ALL_MEMBERS',
          },
        },
        { token: office.token },
      ),
    ).createAssociationEvent.id as string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civitas-events-notifications-'));
    t = await TestApp.start([EventsModule, NotificationsModule, DocumentsModule, PrivacyModule], {
      DOCUMENTS_DIR: dir,
    });
    lodz = await t.makeCity('1061011');
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
    first = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: lodz });
    second = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: lodz });
    third = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: lodz });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells the waitlisted person promoted by a cancellation, in-app and by mail', async () => {
    const id = await create(
      'Seminarium o planowaniu przestrzennym',
      new Date(Date.now() + 20 * 86400_000),
      1,
    );
    const mine = data(await t.gql(REGISTER, { id }, { token: first.token })).registerForEvent;
    expect(
      data(await t.gql(REGISTER, { id }, { token: second.token })).registerForEvent.status,
    ).toBe('WAITLISTED');
    data(
      await t.gql(
        `mutation($r: ID!) { cancelEventRegistration(registrationId: $r) { id } }`,
        { r: mine.id },
        { token: first.token },
      ),
    );
    const [n] = await bell(second, 'EVENT_PROMOTED');
    expect(n).toMatchObject({
      target_id: id,
      payload: { requestSubject: 'Seminarium o planowaniu przestrzennym' },
    });
    const mail = await t.mail.waitFor(second.email, (m) =>
      m.subject.includes('Miejsce na wydarzeniu'),
    );
    expect(mail.text).toContain(`/events/${id}`);
    expect(await bell(first, 'EVENT_PROMOTED')).toEqual([]);
  });

  it('tells the person an erasure promoted once the erasure commits; an erasure that rolls back tells nobody', async () => {
    const id = await create(
      'Warsztaty budżetu obywatelskiego',
      new Date(Date.now() + 25 * 86400_000),
      1,
    );
    const leaving = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: lodz });
    const waiting = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: lodz });
    data(await t.gql(REGISTER, { id }, { token: leaving.token }));
    expect(
      data(await t.gql(REGISTER, { id }, { token: waiting.token })).registerForEvent.status,
    ).toBe('WAITLISTED');
    const { dueAt } = data(
      await t.gql(
        `mutation($input: RequestErasureInput!) { requestErasure(input: $input) { dueAt } }`,
        { input: { password: TEST_PASSWORD } },
        { token: leaving.token },
      ),
    ).requestErasure;
    const told = async () => ({
      bell: (
        await t.db.query(
          `SELECT count(*)::int AS n FROM notification WHERE recipient_id = $1 AND kind = 'EVENT_PROMOTED'`,
          [waiting.id],
        )
      )[0].n,
      mail: t.mail.messages.filter((m) => m.to.includes(waiting.email)).length,
    });
    // Runs after 'events' (contributors go by section): a moment inside the erasure, in which
    // nobody may have been told yet, then a failure the first time.
    let fail = true;
    const toldInside: unknown[] = [];
    t.app.get(PersonalDataRegistry).register({
      section: 'zz-after-events',
      export: async () => ({ data: null }),
      erase: async () => {
        await new Promise((r) => setTimeout(r, 400));
        toldInside.push(await told());
        if (fail) throw new Error('a later part of the erasure failed');
      },
    });
    const erasures = t.app.get(ErasureService);

    await expect(erasures.runDue(new Date(dueAt))).rejects.toThrow(/later part/);
    await new Promise((r) => setTimeout(r, 400));
    expect(await told()).toEqual({ bell: 0, mail: 0 });
    const [{ status }] = await t.db.query(
      `SELECT status FROM event_registration WHERE event_id = $1 AND user_id = $2`,
      [id, waiting.id],
    );
    expect(status).toBe('WAITLISTED');

    fail = false;
    expect(await erasures.runDue(new Date(dueAt))).toBe(1);
    expect(toldInside).toEqual([
      { bell: 0, mail: 0 },
      { bell: 0, mail: 0 },
    ]);
    const [n] = await bell(waiting, 'EVENT_PROMOTED');
    expect(n).toMatchObject({ target_id: id });
    await t.mail.waitFor(waiting.email, (m) => m.subject.includes('Miejsce na wydarzeniu'));
  });

  it('reminds the registered the day before, once however many processes run the day', async () => {
    // An event tomorrow at 10:00 in Poland, whatever today is.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(
      new Date(),
    );
    const tomorrow = new Date(`${today}T12:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    const day = tomorrow.toISOString().slice(0, 10);
    const id = await create('Forum Rozwoju Miast', new Date(`${day}T09:00:00Z`), null);
    await create('Za dwa dni', new Date(Date.now() + 3 * 86400_000), null);
    data(await t.gql(REGISTER, { id }, { token: third.token }));
    const reminders = t.app.get(EventRemindersService);
    const runs = await Promise.all([
      reminders.runForDay(today),
      reminders.runForDay(today),
      reminders.runForDay(today),
    ]);
    expect(runs.filter((r) => r.ran)).toEqual([{ ran: true, reminders: 1 }]);
    const rows = await bell(third, 'EVENT_REMINDER');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      target_id: id,
      payload: { requestSubject: 'Forum Rozwoju Miast' },
    });
    await t.mail.waitFor(third.email, (m) => m.subject.includes('Jutro wydarzenie'));
    expect(await reminders.runForDay(today)).toEqual({ ran: false, reminders: 0 });
  });

  it('tells everyone registered or waitlisted that an event was cancelled, with the reason; one mail each', async () => {
    const id = await create('Kongres Samorządowy', new Date(Date.now() + 40 * 86400_000), 1);
    data(await t.gql(REGISTER, { id }, { token: first.token }));
    data(await t.gql(REGISTER, { id }, { token: third.token })); // waitlisted
    data(
      await t.gql(
        `mutation($id: ID!) { cancelAssociationEvent(id: $id, input: { reason: "Brak sali" }) { id } }`,
        { id },
        { token: office.token },
      ),
    );
    for (const u of [first, third]) {
      const [n] = await bell(u, 'EVENT_CANCELLED');
      expect(n).toMatchObject({
        target_id: id,
        payload: { requestSubject: 'Kongres Samorządowy', message: 'Brak sali' },
      });
      await t.mail.waitFor(u.email, (m) => m.subject.includes('Kongres Samorządowy'));
    }
    expect(await bell(second, 'EVENT_CANCELLED')).toEqual([]);
    expect(await bell(office, 'EVENT_CANCELLED')).toEqual([]);
    // The events domain mails them; the notification adds none by default.
    await new Promise((r) => setTimeout(r, 300));
    expect(
      t.mail.messages.filter((m) => m.to.includes(first.email) && m.subject.includes('odwołane')),
    ).toHaveLength(1);
  });
});
