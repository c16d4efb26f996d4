import { Role } from '@civitas/shared/domain';
import { NotificationsModule } from '@civitas/api/notifications';
import { OpinionRemindersService, OpinionsModule } from '@civitas/api/opinions';
import { TestApp, TestUser } from '@civitas/api/testing';

/** Expert opinions tell their people through notifications: in-app and by mail. */
describe('opinion notifications', () => {
  let t: TestApp;
  let officer: TestUser;
  let expert: TestUser;
  let office: TestUser;
  let requestId: string;

  const as = (user: TestUser, query: string, variables: Record<string, unknown> = {}) =>
    t.gql(query, variables, { token: user.token });
  const kinds = async (user: TestUser) =>
    (
      await t.db.query(
        `SELECT kind FROM notification WHERE recipient_id = $1 AND target_id = $2 ORDER BY seq`,
        [user.id, requestId],
      )
    ).map((r: { kind: string }) => r.kind);

  beforeAll(async () => {
    t = await TestApp.start([OpinionsModule, NotificationsModule]);
    const lodz = await t.makeCity('1061011');
    officer = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      legalOfficer: true,
    });
    expert = await t.makeUser({ role: Role.EXPERT });
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
  });
  afterAll(() => t.close());

  it('tells the office of a submission and the expert of an assignment, with a link', async () => {
    const created = await as(
      officer,
      `mutation($input: OpinionRequestInput!) { createOpinionRequest(input: $input) { id } }`,
      {
        input: {
          subject: 'Opłata za gospodarowanie odpadami od domków letniskowych',
          question: 'Czy rada może ustalić ryczałtową stawkę?',
          facts: 'W gminie jest 300 domków letniskowych.',
          legalBasis: [
            { act: 'Ustawa o utrzymaniu czystości i porządku w gminach', articles: 'art. 6j' },
          ],
          areaOfLaw: 'LOCAL_TAXES',
        },
      },
    );
    requestId = created.data!['createOpinionRequest'].id;
    await as(officer, `mutation($id: ID!) { submitOpinionRequest(id: $id) { id } }`, {
      id: requestId,
    });
    const due = new Date(Date.now() + 2 * 86400000).toISOString().slice(0, 10);
    const accepted = await as(
      office,
      `mutation($id: ID!, $input: AcceptOpinionRequestInput!) { acceptOpinionRequest(id: $id, input: $input) { state } }`,
      { id: requestId, input: { expertId: expert.id, dueDate: due, feeGrosze: 150000 } },
    );
    expect(accepted.data).toEqual({ acceptOpinionRequest: { state: 'ACCEPTED' } });

    await waitFor(async () => (await kinds(expert)).includes('OPINION_ASSIGNED'));
    expect(await kinds(office)).toEqual(['OPINION_STATE_CHANGED']);
    await waitFor(async () => (await kinds(officer)).includes('OPINION_STATE_CHANGED'));
    const mail = await t.mail.waitFor(expert.email, (m) => m.text.includes(requestId));
    expect(mail.subject).toBe('Civitas: Przydzielona opinia / Opinion assigned to you');
    expect(mail.text).toContain(`/opinions/${requestId}`);
    await t.mail.waitFor(office.email, (m) => m.text.includes('złożony'));
  });

  it('reminds the expert and the office once a day of an opinion due soon', async () => {
    const reminders = t.app.get(OpinionRemindersService);
    expect(await reminders.runForDay()).toEqual({ ran: true, reminders: 1 });
    expect(await reminders.runForDay()).toEqual({ ran: false, reminders: 0 });
    await waitFor(async () => (await kinds(expert)).includes('OPINION_DEADLINE'));
    await waitFor(async () => (await kinds(office)).includes('OPINION_DEADLINE'));
    const mail = await t.mail.waitFor(expert.email, (m) => m.subject.includes('Termin opinii'));
    expect(mail.text).toContain('Termin opinii „Opłata za gospodarowanie odpadami');
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM notification WHERE kind = 'OPINION_DEADLINE'`,
    );
    expect(count).toBe(2);
    // The bell can name the request and its due date.
    const listed = await as(
      expert,
      `{ notifications(first: 5) { edges { node { kind subject dueDate } } } }`,
      {},
    );
    const reminder = listed
      .data!.notifications.edges.map((e: { node: Record<string, string> }) => e.node)
      .find((n: Record<string, string>) => n.kind === 'OPINION_DEADLINE');
    expect(reminder.subject).toMatch(/^Opłata za gospodarowanie odpadami/);
    expect(reminder.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('Timed out waiting');
}
