import { EventEmitter2 } from '@nestjs/event-emitter';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { privacyRequestReference, Role } from '@civitas/shared/domain';
import { Clock } from '@civitas/api/core';
import { DocumentsModule } from '@civitas/api/documents';
import { NotificationsModule } from '@civitas/api/notifications';
import { PrivacyModule, PrivacyRequestAlerts } from '@civitas/api/privacy';
import { eventually, GqlResponse, TestApp, TestUser } from '@civitas/api/testing';

function data<T = any>(r: GqlResponse): T {
  if (r.errors) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

const OBJECT = `mutation($input: PrivacyReasonInput!) { objectToProcessing(input: $input) { id dueOn } }`;
const FILE = `mutation($input: PrivacyReasonInput!) { filePrivacyRequest(input: $input) { id dueOn } }`;
const FILED_SUBJECT = 'Nowe żądanie dotyczące danych';
const DEADLINE_SUBJECT = 'Termin żądania dotyczącego danych';

/** Privacy through notifications (the app composes both domains), mail over real SMTP. */
describe('privacy: the office is told of requests it must answer, and of their deadlines', () => {
  let t: TestApp;
  let dir: string;
  let office: TestUser;
  let office2: TestUser;
  let cityAdmin: TestUser;
  let expert: TestUser;
  let marek: TestUser;
  let retired: TestUser;

  const as = (u: TestUser, query: string, variables: Record<string, unknown> = {}) =>
    t.gql(query, variables, { token: u.token });

  /** Who holds a PRIVACY_* notification of `kind` about `requestId`, and with what payload. */
  const notified = (kind: string, requestId: string) =>
    t.db.query(
      `SELECT recipient_id, actor_id, payload FROM notification
       WHERE kind = $1 AND target_id = $2 ORDER BY recipient_id`,
      [kind, requestId],
    ) as Promise<{ recipient_id: string; actor_id: string | null; payload: any }[]>;

  const handlers = () => [office.id, office2.id].sort();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civitas-privacy-alerts-'));
    t = await TestApp.start([DocumentsModule, NotificationsModule, PrivacyModule], {
      DOCUMENTS_DIR: dir,
    });
    const poznan = await t.makeCity('3064011');
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
    office2 = await t.makeUser({ role: Role.OFFICE_ADMIN });
    retired = await t.makeUser({ role: Role.OFFICE_ADMIN });
    await t.db.query(`UPDATE app_user SET deactivated_at = now() WHERE id = $1`, [retired.id]);
    cityAdmin = await t.makeUser({ role: Role.CITY_ADMIN, organisationId: poznan });
    expert = await t.makeUser({ role: Role.EXPERT });
    marek = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: poznan,
      name: 'Marek Tajemniczy',
    });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('filing an objection notifies and mails every office handler, and nobody else; the mail holds no personal data', async () => {
    const message = 'Sprzeciw wobec profilowania — proszę nie przetwarzać mojego PESEL 85010112345';
    const filed = data(await as(marek, OBJECT, { input: { reason: message } })).objectToProcessing;
    const reference = privacyRequestReference(filed.id);

    const rows = await eventually(async () => {
      const r = await notified('PRIVACY_REQUEST_FILED', filed.id);
      if (r.length < 2) throw new Error('not yet');
      return r;
    });
    expect(rows.map((r) => r.recipient_id)).toEqual(handlers());
    for (const r of rows) {
      expect(r.actor_id).toBeNull();
      expect(r.payload).toEqual({
        requestSubject: reference,
        state: 'OBJECTION',
        dueDate: filed.dueOn,
        actorName: null,
      });
    }

    for (const u of [office, office2]) {
      const mail = await t.mail.waitFor(u.email, (m) => m.subject.includes(FILED_SUBJECT));
      expect(mail.subject).toBe(
        'Civitas: Nowe żądanie dotyczące danych / A new data-subject request',
      );
      expect(mail.text).toContain(`sprzeciw wobec przetwarzania danych nr ${reference}`);
      expect(mail.text).toContain(`Termin odpowiedzi (RODO art. 12 ust. 3): ${filed.dueOn}.`);
      expect(mail.text).toContain(`an objection to processing (ref. ${reference})`);
      expect(mail.text).toContain(`${t.config.appUrl}/privacy/office`);
      for (const secret of [message, 'profilowania', '85010112345', 'Marek', marek.email]) {
        expect(mail.text).not.toContain(secret);
        expect(mail.html).not.toContain(secret);
        expect(mail.subject).not.toContain(secret);
      }
    }
    // Nobody without privacy:manage, not the requester, not a deactivated office account.
    for (const u of [marek, cityAdmin, expert, retired]) {
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM notification WHERE recipient_id = $1`,
        [u.id],
      );
      expect(n).toBe(0);
      expect(t.mail.sentTo(u.email)).toEqual([]);
    }
    // The office can find it by the reference: it is the start of the request's id.
    expect(filed.id.replace(/-/g, '').toUpperCase().startsWith(reference)).toBe(true);
  });

  it('an office account filing a request of its own tells the other handlers, not itself; a restriction tells nobody', async () => {
    const filed = data(
      await as(office, FILE, { input: { reason: 'Proszę o kopię moich danych' } }),
    ).filePrivacyRequest;
    const rows = await eventually(async () => {
      const r = await notified('PRIVACY_REQUEST_FILED', filed.id);
      if (!r.length) throw new Error('not yet');
      return r;
    });
    expect(rows.map((r) => r.recipient_id)).toEqual([office2.id]);
    const mail = await t.mail.waitFor(office2.email, (m) =>
      m.text.includes(privacyRequestReference(filed.id)),
    );
    expect(mail.text).toContain('wniosek dotyczący danych osobowych');
    expect(mail.text).toContain('a request about personal data');

    // Restriction takes effect at once: nothing for the office to answer, nothing to tell.
    const before = t.mail.messages.length;
    data(
      await as(
        cityAdmin,
        `mutation { restrictProcessing(input: { reason: "Ograniczam" }) { processingRestricted } }`,
      ),
    );
    await new Promise((r) => setTimeout(r, 300));
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM notification n JOIN privacy_request r ON r.id = n.target_id
       WHERE r.kind = 'RESTRICTION'`,
    );
    expect(n).toBe(0);
    expect(t.mail.messages.length).toBe(before);
  });

  describe('the deadline reminder', () => {
    let open: string;
    let resolved: string;
    let later: string;

    /** The job as a process standing at 07:15 in Poland on `day` would run it. */
    const runOn = (day: string) =>
      new PrivacyRequestAlerts(
        t.db,
        t.app.get(EventEmitter2),
        new Clock(new Date(`${day}T07:15:00+02:00`)),
      ).runForDay();

    const deadlineMails = (u: TestUser, id: string) =>
      t.mail
        .sentTo(u.email)
        .filter(
          (m) =>
            m.subject.includes(DEADLINE_SUBJECT) && m.text.includes(privacyRequestReference(id)),
        );

    beforeAll(async () => {
      const file = async (reason: string) =>
        data(await as(marek, FILE, { input: { reason } })).filePrivacyRequest.id as string;
      open = await file('Kto dostał moje dane?');
      resolved = await file('Proszę o sprostowanie');
      later = await file('Inny wniosek');
      // Received at 00:30 on 11 March in Poland (23:30 UTC the day before): due 11 April.
      await t.db.query(
        `UPDATE privacy_request SET created_at = '2026-03-10T23:30:00Z' WHERE id = ANY($1::uuid[])`,
        [[open, resolved]],
      );
      await t.db.query(
        `UPDATE privacy_request SET created_at = '2026-04-01T10:00:00+02:00' WHERE id = $1`,
        [later],
      );
      data(
        await as(
          office,
          `mutation($input: ResolvePrivacyRequestInput!) { resolvePrivacyRequest(input: $input) { id } }`,
          { input: { id: resolved, note: 'Sprostowano' } },
        ),
      );
      // The requests filed so far (this year's November) are due long after these days.
    });

    it('reminds the handlers 7 days before, on the day and once overdue, each stage once, never for a resolved request', async () => {
      const [{ due }] = await t.db.query(
        `SELECT to_char((created_at AT TIME ZONE 'Europe/Warsaw')::date + interval '1 month', 'YYYY-MM-DD') AS due
         FROM privacy_request WHERE id = $1`,
        [open],
      );
      expect(due).toBe('2026-04-11');

      expect(await runOn('2026-04-03')).toEqual({ ran: true, reminders: 0 });

      // Seven days before: DUE_SOON, once, however often the job runs that day or after.
      expect(await runOn('2026-04-04')).toEqual({ ran: true, reminders: 1 });
      expect(await runOn('2026-04-04')).toEqual({ ran: true, reminders: 0 });
      const concurrent = await Promise.all([runOn('2026-04-05'), runOn('2026-04-05')]);
      expect(concurrent.reduce((n, r) => n + r.reminders, 0)).toBe(0);

      // On the day; then overdue; then nothing more while it stays open.
      expect(await runOn('2026-04-11')).toEqual({ ran: true, reminders: 1 });
      expect(await runOn('2026-04-11')).toEqual({ ran: true, reminders: 0 });
      expect(await runOn('2026-04-12')).toEqual({ ran: true, reminders: 1 });
      expect(await runOn('2026-04-20')).toEqual({ ran: true, reminders: 0 });

      const rows = await eventually(async () => {
        const r = await notified('PRIVACY_REQUEST_DEADLINE', open);
        if (r.length < 6) throw new Error(`only ${r.length} yet`);
        return r;
      });
      for (const handler of handlers()) {
        expect(
          rows
            .filter((r) => r.recipient_id === handler)
            .map((r) => r.payload.action)
            .sort(),
        ).toEqual(['DUE_SOON', 'DUE_TODAY', 'OVERDUE']);
      }
      expect(rows).toHaveLength(6);
      expect(await notified('PRIVACY_REQUEST_DEADLINE', resolved)).toEqual([]);

      const recorded = await t.db.query(
        `SELECT request_id, stage, to_char(run_date, 'YYYY-MM-DD') AS day
         FROM privacy_request_reminder ORDER BY run_date`,
      );
      // The later request (due 1 May) would reach its own DUE_SOON on 24 April, not before.
      expect(recorded).toEqual([
        { request_id: open, stage: 'DUE_SOON', day: '2026-04-04' },
        { request_id: open, stage: 'DUE_TODAY', day: '2026-04-11' },
        { request_id: open, stage: 'OVERDUE', day: '2026-04-12' },
      ]);

      for (const u of [office, office2]) {
        const mails = await eventually(async () => {
          const m = deadlineMails(u, open);
          if (m.length < 3) throw new Error('not yet');
          return m;
        });
        const firstLines = mails.map((m) => m.text.split('\n')[0]).sort();
        expect(firstLines).toEqual([
          `Dziś (2026-04-11) upływa termin odpowiedzi na wniosek dotyczący danych osobowych nr ${privacyRequestReference(open)}.`,
          `Minął termin odpowiedzi (2026-04-11) na wniosek dotyczący danych osobowych nr ${privacyRequestReference(open)}.`,
          `Za 7 dni (2026-04-11) upływa termin odpowiedzi na wniosek dotyczący danych osobowych nr ${privacyRequestReference(open)}.`,
        ]);
        for (const m of mails) {
          expect(m.text).toContain(`${t.config.appUrl}/privacy/office`);
          expect(m.text).not.toContain('Kto dostał');
          expect(m.text).not.toContain('Marek');
        }
        expect(deadlineMails(u, resolved)).toEqual([]);
      }
      for (const u of [marek, cityAdmin, expert, retired]) {
        expect(t.mail.sentTo(u.email)).toEqual([]);
      }

      // Resolving the later request before its first reminder: it never gets one.
      data(
        await as(
          office2,
          `mutation($input: ResolvePrivacyRequestInput!) { resolvePrivacyRequest(input: $input) { id } }`,
          { input: { id: later, note: 'Odpowiedziano' } },
        ),
      );
      for (const day of ['2026-04-24', '2026-05-01', '2026-05-02']) {
        expect(await runOn(day)).toEqual({ ran: true, reminders: 0 });
      }
      expect(await notified('PRIVACY_REQUEST_DEADLINE', later)).toEqual([]);
    });
  });
});
