import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@civitas/shared/domain';
import { NotificationsModule } from '@civitas/api/notifications';
import { GqlResponse, TestApp, TestUser } from '@civitas/api/testing';
import { TribunalModule, TribunalRemindersService } from '@civitas/api/tribunal';

function data<T = Record<string, any>>(r: GqlResponse): T {
  if (r.errors) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

const CASE = `mutation($input: CreateTribunalCaseInput!) { createTribunalCase(input: $input) { id } }`;
const MOVE = `mutation($id: ID!, $input: TribunalStageInput!) { moveTribunalCase(id: $id, input: $input) { id } }`;

/** Tribunal reminders through notifications (the app composes both domains). */
describe('tribunal cases: reminders in the bell, and what a page costs', () => {
  let t: TestApp;
  let dir: string;
  let office: TestUser;
  let officer: TestUser;
  let official: TestUser;
  let ids: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civitas-tribunal-'));
    t = await TestApp.start([TribunalModule, NotificationsModule], { DOCUMENTS_DIR: dir });
    const lodz = await t.makeCity('1061011');
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
    officer = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      legalOfficer: true,
    });
    official = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: lodz });
    ids = [];
    for (let i = 0; i < 12; i++) {
      const { id } = data(
        await t.gql(
          CASE,
          {
            input: {
              title: `Sprawa ${i + 1}`,
              kind: 'K',
              challengedAct: 'Ustawa o dochodach jednostek samorządu terytorialnego',
              applicantOrganisationId: lodz,
              applicantResolution: { number: `X/${i}/25`, date: '2025-01-10' },
            },
          },
          { token: office.token },
        ),
      ).createTribunalCase;
      ids.push(id);
    }
    for (const [input, token] of [
      [{ stage: 'FILED', enteredOn: '2025-03-10' }, office.token],
      [{ stage: 'PRELIMINARY_EXAMINATION', enteredOn: '2025-03-20' }, office.token],
      [{ stage: 'DEFECTS_CALL', enteredOn: '2025-04-10', deliveredOn: '2025-04-14' }, office.token],
    ] as const) {
      data(await t.gql(MOVE, { id: ids[0], input }, { token }));
    }
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("rings the applicant legal officer's and the office's bells, not a plain official's", async () => {
    const run = await t.app.get(TribunalRemindersService).runForDay('2025-04-21');
    expect(run).toEqual({ ran: true, reminders: 1 });
    const bell = async (u: TestUser) => {
      // The listener stores notifications after the event; give it a moment.
      for (let i = 0; i < 20; i++) {
        const rows = await t.db.query(
          `SELECT kind, target_id, payload FROM notification WHERE recipient_id = $1`,
          [u.id],
        );
        if (rows.length) return rows;
        await new Promise((r) => setTimeout(r, 50));
      }
      return [];
    };
    const [mine] = await bell(officer);
    expect(mine).toMatchObject({
      kind: 'TRIBUNAL_DEADLINE',
      target_id: ids[0],
      payload: { requestSubject: 'Sprawa 1', dueDate: '2025-04-22' },
    });
    expect((await bell(office))[0].kind).toBe('TRIBUNAL_DEADLINE');
    expect(await bell(official)).toEqual([]);
  });

  it('costs the same statements for a page of 2 or 12 cases with their cities, timelines and links', async () => {
    const cost = async (first: number) => {
      t.queries.reset();
      const page = data(
        await t.gql(
          `query($first: Int!) { tribunalCases(first: $first) { totalCount edges { node {
             id title internalNotes cities { cityName } timeline { stage deadline corrections { reason } }
             linkedCases { title } linkedOpinions { subject } } } } }`,
          { first },
          { token: officer.token },
        ),
      ).tribunalCases;
      expect(page.edges).toHaveLength(first);
      return t.queries.statements.slice();
    };
    const small = await cost(2);
    const large = await cost(12);
    expect(large.length).toBe(small.length);
  });
});
