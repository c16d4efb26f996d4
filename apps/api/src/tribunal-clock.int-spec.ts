import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@civitas/shared/domain';
import { errorCode, GqlResponse, TestApp, TestUser } from '@civitas/api/testing';
import { TribunalModule, TribunalRemindersService } from '@civitas/api/tribunal';

function data<T = Record<string, any>>(r: GqlResponse): T {
  if (r.errors) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

const MOVE = `mutation($id: ID!, $input: TribunalStageInput!) { moveTribunalCase(id: $id, input: $input) { id } }`;

/**
 * CLOCK_FIXED_AT: an API standing on 17 April 2025 counts days left, refuses "future" dates
 * and runs that day's reminders as on that day; a production API refuses to start with it.
 */
describe('tribunal cases on a fixed clock', () => {
  it('a production API does not start with CLOCK_FIXED_AT, naming it', async () => {
    // main.ts run as ApiProcess runs it, waited for until it exits (loading it under ts-node
    // takes long on a busy machine).
    const root = join(__dirname, '../../..');
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register',
        '-r',
        join(root, 'libs/api/testing/src/lib/register-paths.cjs'),
        'apps/api/src/main.ts',
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          TS_NODE_PROJECT: 'apps/api/tsconfig.app.json',
          TS_NODE_TRANSPILE_ONLY: 'true',
          NODE_ENV: 'production',
          JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
          DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/never',
          SMTP_URL: 'smtp://127.0.0.1:1',
          APP_URL: 'https://civitas.example.pl',
          CLOCK_FIXED_AT: '2025-04-17T07:00:00+02:00',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(output).toContain('CLOCK_FIXED_AT: must not be set in production');
  }, 240_000);

  describe('standing on 17 April 2025, 07:00 in Poland', () => {
    let t: TestApp;
    let dir: string;
    let office: TestUser;
    let caseId: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'civitas-tribunal-clock-'));
      t = await TestApp.start([TribunalModule], {
        DOCUMENTS_DIR: dir,
        CLOCK_FIXED_AT: '2025-04-17T07:00:00+02:00',
      });
      const lodz = await t.makeCity('1061011');
      office = await t.makeUser({ role: Role.OFFICE_ADMIN });
      caseId = data(
        await t.gql(
          `mutation($input: CreateTribunalCaseInput!) { createTribunalCase(input: $input) { id timeline { enteredOn } } }`,
          {
            input: {
              title: 'Dochody JST — udział w PIT',
              kind: 'K',
              challengedAct: 'Ustawa o dochodach jednostek samorządu terytorialnego',
              applicantOrganisationId: lodz,
              applicantResolution: { number: 'XII/345/25', date: '2025-01-15' },
            },
          },
          { token: office.token },
        ),
      ).createTribunalCase.id;
      for (const input of [
        { stage: 'FILED', enteredOn: '2025-03-03' },
        { stage: 'PRELIMINARY_EXAMINATION', enteredOn: '2025-03-10' },
      ]) {
        data(await t.gql(MOVE, { id: caseId, input }, { token: office.token }));
      }
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('refuses a delivery after that day; counts five days left to 22 April; reminds on that day', async () => {
      const [{ entered_on }] = await t.db.query(
        `SELECT to_char(entered_on, 'YYYY-MM-DD') AS entered_on FROM tribunal_stage_entry
         WHERE case_id = $1 AND stage = 'PREPARATION'`,
        [caseId],
      );
      expect(entered_on).toBe('2025-04-17');
      const tomorrow = await t.gql(
        MOVE,
        {
          id: caseId,
          input: { stage: 'DEFECTS_CALL', enteredOn: '2025-04-11', deliveredOn: '2025-04-18' },
        },
        { token: office.token },
      );
      expect(errorCode(tomorrow)).toBe('BAD_USER_INPUT');
      expect(tomorrow.errors![0].message).toBe('deliveredOn: 2025-04-18 is in the future');
      data(
        await t.gql(
          MOVE,
          {
            id: caseId,
            input: { stage: 'DEFECTS_CALL', enteredOn: '2025-04-11', deliveredOn: '2025-04-14' },
          },
          { token: office.token },
        ),
      );
      const { tribunalDeadlines } = data(
        await t.gql(`{ tribunalDeadlines { caseId deadline daysLeft overdue } }`, undefined, {
          token: office.token,
        }),
      );
      expect(tribunalDeadlines).toEqual([
        { caseId, deadline: '2025-04-22', daysLeft: 5, overdue: false },
      ]);
      const reminders = t.app.get(TribunalRemindersService);
      expect(await reminders.runForDay()).toEqual({ ran: true, reminders: 1 });
      const [run] = await t.db.query(
        `SELECT to_char(run_date, 'YYYY-MM-DD') AS day, reminders FROM tribunal_reminder_run`,
      );
      expect(run).toEqual({ day: '2025-04-17', reminders: 1 });
    });
  });
});
