import { EventEmitter2 } from '@nestjs/event-emitter';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { MembershipStatus, Role } from '@civitas/shared/domain';
import { databaseOptions, searchDictionary } from '@civitas/api/database';
import { errorCode, GqlResponse, TestApp, TestUser } from '@civitas/api/testing';
import type { TribunalDeadlinesDueEvent } from '@civitas/api/core';
import { TribunalModule } from './tribunal.module';
import { TribunalRemindersService } from './tribunal-reminders.service';

const LODZ = '1061011';
const POZNAN = '3064011';
const KRAKOW = '1261011';
const GUEST_TOWN = '0201011';
const CANDIDATE_TOWN = '2261011';

function data<T = any>(r: GqlResponse): T {
  if (r.errors) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}
const code = errorCode;

/** A one-page PDF. */
function pdf(text: string): Uint8Array {
  const stream = `BT /F1 18 Tf 40 700 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const CASE_FIELDS = `id title kind stage nextStages filedOn signature preliminarySignature internalNotes
  viewerIsParty followed linkedCaseIds
  support { boardResolutionNumber kinds amountGrosze }
  cities { id cityName isApplicant status resolutionNumber resolutionDate }
  timeline { id stage enteredOn deliveredOn deadline note voidedAt corrections { reason voided previous actorName } actorName }`;

describe('tribunal cases', () => {
  let t: TestApp;
  let dir: string;
  let office: TestUser;
  let office2: TestUser;
  let lodzOfficer: TestUser;
  let poznanAdmin: TestUser;
  let krakowOfficial: TestUser;
  let krakowOfficer: TestUser;
  let guest: TestUser;
  let expert: TestUser;
  let candidateAdmin: TestUser;
  let lodz: string;
  let poznan: string;
  let krakow: string;
  let candidate: string;
  const events: { name: string; payload: unknown }[] = [];

  const as = (u: TestUser, query: string, variables: Record<string, unknown> = {}) =>
    t.gql(query, variables, { token: u.token });
  const get = (u: TestUser, id: string) =>
    as(u, `query($id: ID!) { tribunalCase(id: $id) { ${CASE_FIELDS} } }`, { id });
  const move = (u: TestUser, id: string, input: Record<string, unknown>) =>
    as(
      u,
      `mutation($id: ID!, $input: TribunalStageInput!) { moveTribunalCase(id: $id, input: $input) { ${CASE_FIELDS} } }`,
      { id, input },
    );
  const upload = async (u: TestUser, ownerKind: string, caseId: string, name = 'uchwala.pdf') => {
    const q = new URLSearchParams({ ownerKind, ownerId: caseId, name });
    const res = await fetch(`${t.url}/api/documents?${q}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${u.token}`, 'content-type': 'application/octet-stream' },
      body: pdf(name),
    });
    const json = (await res.json()) as { documentId?: string };
    return { status: res.status, documentId: json.documentId };
  };
  const download = async (u: TestUser, documentId: string) => {
    const res = await fetch(`${t.url}/api/documents/${documentId}/content`, {
      headers: { authorization: `Bearer ${u.token}` },
    });
    await res.arrayBuffer();
    return res.status;
  };
  const createCase = async (title = 'Dochody JST: udział w PIT po reformie') =>
    data(
      await as(
        office,
        `mutation($input: CreateTribunalCaseInput!) { createTribunalCase(input: $input) { ${CASE_FIELDS} } }`,
        {
          input: {
            title,
            kind: 'K',
            challengedAct:
              'Ustawa z dnia 1 października 2024 r. o dochodach jednostek samorządu terytorialnego',
            challengedProvisions: 'art. 4 ust. 2, art. 25',
            constitutionalProvisions: 'art. 167 ust. 1 i 4, art. 16 ust. 2 Konstytucji RP',
            argumentSummary: 'Dochody gmin nie są adekwatne do przypisanych im zadań.',
            internalNotes: 'Szkic wniosku: do uzgodnienia z mec. Nowak.',
            applicantOrganisationId: lodz,
            applicantResolution: { number: 'XII/345/25', date: '2025-01-15' },
          },
        },
      ),
    ).createTribunalCase;
  const snapshot = async (id: string) =>
    (
      await t.db.query(
        `SELECT c.stage, c.signature, c.preliminary_signature, c.filed_on,
          (SELECT count(*)::int FROM tribunal_stage_entry WHERE case_id = c.id) AS entries,
          (SELECT json_agg(json_build_object('o', organisation_id, 's', status) ORDER BY created_at)
             FROM tribunal_case_city WHERE case_id = c.id) AS cities
         FROM tribunal_case c WHERE c.id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civitas-tribunal-'));
    t = await TestApp.start([TribunalModule], { DOCUMENTS_DIR: dir });
    lodz = await t.makeCity(LODZ);
    poznan = await t.makeCity(POZNAN);
    krakow = await t.makeCity(KRAKOW);
    candidate = await t.makeCity(CANDIDATE_TOWN, MembershipStatus.CANDIDATE);
    office = await t.makeUser({ role: Role.OFFICE_ADMIN, name: 'Anna Biurowa' });
    office2 = await t.makeUser({ role: Role.OFFICE_ADMIN });
    lodzOfficer = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      legalOfficer: true,
    });
    poznanAdmin = await t.makeUser({ role: Role.CITY_ADMIN, organisationId: poznan });
    krakowOfficial = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: krakow });
    krakowOfficer = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: krakow,
      legalOfficer: true,
    });
    guest = await t.makeUser({
      role: Role.GUEST,
      organisationId: await t.organisationId(GUEST_TOWN),
    });
    expert = await t.makeUser({ role: Role.EXPERT });
    candidateAdmin = await t.makeUser({ role: Role.CITY_ADMIN, organisationId: candidate });
    t.app
      .get(EventEmitter2)
      .onAny((name: string | string[], payload: unknown) =>
        events.push({ name: String(name), payload }),
      );
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('office opens a case; two cities join with resolutions; filing; a call to remedy defects delivered 2025-04-14 is due 2025-04-22 (Easter Monday); on to judgment', async () => {
    const c = await createCase();
    const mayJoin = async (u: TestUser) =>
      data(await as(u, `query($id: ID!) { tribunalCase(id: $id) { viewerMayJoin } }`, { id: c.id }))
        .tribunalCase.viewerMayJoin;
    expect(await mayJoin(poznanAdmin)).toBe(true);
    expect(await mayJoin(krakowOfficial)).toBe(false); // no legal-officer flag
    expect(await mayJoin(lodzOfficer)).toBe(false); // already the applicant
    expect(c).toMatchObject({
      stage: 'PREPARATION',
      nextStages: ['FILED'],
      viewerIsParty: true,
      cities: [{ cityName: 'Łódź', isApplicant: true, status: 'ACCEPTED' }],
    });

    // Poznań's admin asks to join with the council's resolution; the office accepts.
    const poznanDoc = await upload(poznanAdmin, 'TRIBUNAL_RESOLUTION', c.id);
    expect(poznanDoc.status).toBe(201);
    const asked = data(
      await as(
        poznanAdmin,
        `mutation($id: ID!, $r: TribunalResolutionInput!) { requestTribunalJoin(id: $id, resolution: $r) { id status cityName } }`,
        {
          id: c.id,
          r: { number: 'XX/500/25', date: '2025-02-20', documentId: poznanDoc.documentId },
        },
      ),
    ).requestTribunalJoin;
    expect(asked).toMatchObject({ status: 'REQUESTED', cityName: 'Poznań' });
    expect(await mayJoin(poznanAdmin)).toBe(false); // waiting
    expect(events.some((e) => e.name === 'tribunal.join')).toBe(true);
    // Kraków's legal officer too.
    const krakowDoc = await upload(krakowOfficer, 'TRIBUNAL_RESOLUTION', c.id);
    const krakowAsked = data(
      await as(
        krakowOfficer,
        `mutation($id: ID!, $r: TribunalResolutionInput!) { requestTribunalJoin(id: $id, resolution: $r) { id status } }`,
        {
          id: c.id,
          r: { number: 'LX/1200/25', date: '2025-03-01', documentId: krakowDoc.documentId },
        },
      ),
    ).requestTribunalJoin;

    // Two office admins accept Poznań's request at once: exactly one wins.
    const decide = (u: TestUser, joinId: string) =>
      as(u, `mutation($j: ID!) { decideTribunalJoin(joinId: $j, accept: true) { id status } }`, {
        j: joinId,
      });
    const both = await Promise.all([decide(office, asked.id), decide(office2, asked.id)]);
    expect(
      both.map((r) => (r.errors ? code(r) : r.data!['decideTribunalJoin'].status)).sort(),
    ).toEqual(['ACCEPTED', 'CONFLICT']);
    data(await decide(office, krakowAsked.id));
    const prepared = data(await get(office, c.id)).tribunalCase;
    expect(
      prepared.cities.map((x: { cityName: string; status: string }) => [x.cityName, x.status]),
    ).toEqual([
      ['Łódź', 'ACCEPTED'],
      ['Poznań', 'ACCEPTED'],
      ['Kraków', 'ACCEPTED'],
    ]);

    // Bad input: Kraków's resolution (2025-03-01) is after a filing on 2025-02-25.
    let before = await snapshot(c.id);
    const early = await move(office, c.id, { stage: 'FILED', enteredOn: '2025-02-25' });
    expect(code(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0].message).toContain('Kraków');
    expect(await snapshot(c.id)).toEqual(before);
    // Skipping stages: CONFLICT naming the allowed ones.
    const skip = await move(office, c.id, { stage: 'ADMITTED', enteredOn: '2025-03-10' });
    expect(code(skip)).toBe('CONFLICT');
    expect(skip.errors![0].message).toContain('FILED');
    expect(await snapshot(c.id)).toEqual(before);

    data(
      await move(office, c.id, {
        stage: 'FILED',
        enteredOn: '2025-03-10',
        note: 'Wniosek złożony',
      }),
    );
    // Joining a filed case: CONFLICT, nothing changed.
    before = await snapshot(c.id);
    const late = await as(
      krakowOfficial,
      `mutation($id: ID!, $r: TribunalResolutionInput!) { requestTribunalJoin(id: $id, resolution: $r) { id } }`,
      { id: c.id, r: { number: 'X/1/25', date: '2025-03-01', documentId: krakowDoc.documentId } },
    );
    // A city official without the legal-officer flag may not act for the city…
    expect(code(late)).toBe('FORBIDDEN');
    const lateOfficer = await as(
      poznanAdmin,
      `mutation($id: ID!, $r: TribunalResolutionInput!) { requestTribunalJoin(id: $id, resolution: $r) { id } }`,
      { id: c.id, r: { number: 'X/1/25', date: '2025-03-01', documentId: poznanDoc.documentId } },
    );
    // …and a filed case takes no more co-applicants.
    expect(code(lateOfficer)).toBe('CONFLICT');
    expect(await snapshot(c.id)).toEqual(before);

    // Signatures: the wrong form is refused saying the expected one.
    const wrong = await as(
      office,
      `mutation($id: ID!, $input: TribunalCaseInput!) { updateTribunalCase(id: $id, input: $input) { id } }`,
      { id: c.id, input: { preliminarySignature: 'TW-12/2025' } },
    );
    expect(code(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors![0].message).toContain('Tw 12/24');
    const wrongKind = await as(
      office,
      `mutation($id: ID!, $input: TribunalCaseInput!) { updateTribunalCase(id: $id, input: $input) { id } }`,
      { id: c.id, input: { signature: 'U 3/25' } },
    );
    expect(code(wrongKind)).toBe('BAD_USER_INPUT');
    expect(wrongKind.errors![0].message).toContain('K 3/25');
    expect(await snapshot(c.id)).toEqual(before);
    data(
      await as(
        office,
        `mutation($id: ID!, $input: TribunalCaseInput!) { updateTribunalCase(id: $id, input: $input) { id } }`,
        { id: c.id, input: { preliminarySignature: 'Tw 12/25' } },
      ),
    );

    data(await move(office, c.id, { stage: 'PRELIMINARY_EXAMINATION', enteredOn: '2025-03-20' }));
    // A delivery date in the future: BAD_USER_INPUT.
    before = await snapshot(c.id);
    const future = await move(office, c.id, {
      stage: 'DEFECTS_CALL',
      enteredOn: '2025-04-10',
      deliveredOn: '2099-01-01',
    });
    expect(code(future)).toBe('BAD_USER_INPUT');
    expect(future.errors![0].extensions!['fields'][0].field).toBe('deliveredOn');
    expect(await snapshot(c.id)).toEqual(before);

    const called = data(
      await move(office, c.id, {
        stage: 'DEFECTS_CALL',
        enteredOn: '2025-04-10',
        deliveredOn: '2025-04-14',
      }),
    ).moveTribunalCase;
    const entry = called.timeline.at(-1);
    expect(entry).toMatchObject({
      stage: 'DEFECTS_CALL',
      deliveredOn: '2025-04-14',
      deadline: '2025-04-22',
    });

    // The deadline shows in the deadlines view of every member city's people, overdue (long past).
    const due = data(
      await as(krakowOfficial, `{ tribunalDeadlines { caseId deadline overdue stage } }`),
    ).tribunalDeadlines;
    expect(due).toEqual([
      { caseId: c.id, deadline: '2025-04-22', overdue: true, stage: 'DEFECTS_CALL' },
    ]);

    // Reminders: 5 days before (2025-04-17), once across two "processes".
    const otherDb = await new DataSource(
      databaseOptions({ url: t.databaseUrl, poolSize: 2 }),
    ).initialize();
    try {
      const announced: TribunalDeadlinesDueEvent[] = [];
      const hereEvents = new EventEmitter2();
      const thereEvents = new EventEmitter2();
      hereEvents.on('tribunal.deadlines-due', (e: TribunalDeadlinesDueEvent) => announced.push(e));
      thereEvents.on('tribunal.deadlines-due', (e: TribunalDeadlinesDueEvent) => announced.push(e));
      const here = new TribunalRemindersService(t.db, hereEvents);
      const there = new TribunalRemindersService(otherDb, thereEvents);
      const runs = await Promise.all([
        here.runForDay('2025-04-17'),
        there.runForDay('2025-04-17'),
        here.runForDay('2025-04-17'),
      ]);
      expect(runs.filter((r) => r.ran)).toEqual([{ ran: true, reminders: 1 }]);
      expect(await there.runForDay('2025-04-17')).toEqual({ ran: false, reminders: 0 });
      expect(announced).toHaveLength(1);
      const [reminder] = announced[0].reminders;
      expect(reminder).toMatchObject({ caseId: c.id, deadline: '2025-04-22', daysLeft: 5 });
      // The office and the parties' legal officers and admins; not Kraków's plain official.
      expect(reminder.recipientIds).toEqual(
        expect.arrayContaining([
          office.id,
          office2.id,
          lodzOfficer.id,
          poznanAdmin.id,
          krakowOfficer.id,
        ]),
      );
      expect(reminder.recipientIds).not.toContain(krakowOfficial.id);
      // 4 days before: no reminder; 3, 1 and 0: one each.
      expect(await here.runForDay('2025-04-18')).toEqual({ ran: true, reminders: 0 });
      for (const day of ['2025-04-19', '2025-04-21', '2025-04-22']) {
        expect(await there.runForDay(day)).toEqual({ ran: true, reminders: 1 });
      }
    } finally {
      await otherDb.destroy();
    }

    // A mistaken entry: corrected with the reason, the original kept.
    const corrected = data(
      await as(
        office,
        `mutation($e: ID!, $input: CorrectTribunalStageInput!) { correctTribunalStage(entryId: $e, input: $input) { ${CASE_FIELDS} } }`,
        {
          e: entry.id,
          input: { deliveredOn: '2025-04-15', reason: 'Zwrotka pocztowa: doręczono 15 kwietnia' },
        },
      ),
    ).correctTribunalStage;
    const fixed = corrected.timeline.at(-1);
    expect(fixed).toMatchObject({ deliveredOn: '2025-04-15', deadline: '2025-04-22' });
    expect(fixed.corrections).toHaveLength(1);
    expect(fixed.corrections[0].reason).toContain('15 kwietnia');
    expect(fixed.corrections[0].actorName).toBe('Anna Biurowa');
    expect(JSON.parse(fixed.corrections[0].previous)).toMatchObject({ delivered_on: '2025-04-14' });

    // A stage entered by mistake is withdrawn: the case returns to the stage before.
    const refused = data(
      await move(office, c.id, {
        stage: 'REFUSAL',
        enteredOn: '2025-04-25',
        deliveredOn: '2025-04-28',
      }),
    ).moveTribunalCase;
    expect(refused.timeline.at(-1).deadline).toBe('2025-05-05'); // 28 April + 7: Monday 5 May
    const voided = data(
      await as(
        office,
        `mutation($e: ID!, $input: CorrectTribunalStageInput!) { correctTribunalStage(entryId: $e, input: $input) { ${CASE_FIELDS} } }`,
        { e: refused.timeline.at(-1).id, input: { void: true, reason: 'Wpisano do złej sprawy' } },
      ),
    ).correctTribunalStage;
    expect(voided.stage).toBe('DEFECTS_CALL');
    expect(voided.timeline.at(-1).voidedAt).not.toBeNull();

    data(await move(office, c.id, { stage: 'ADMITTED', enteredOn: '2025-05-20' }));
    data(
      await as(
        office,
        `mutation($id: ID!, $input: TribunalCaseInput!) { updateTribunalCase(id: $id, input: $input) { id } }`,
        { id: c.id, input: { signature: 'K 3/25' } },
      ),
    );
    data(
      await move(office, c.id, {
        stage: 'HEARING_SCHEDULED',
        enteredOn: '2025-06-01',
        hearingAt: '2025-09-16T10:00:00+02:00',
      }),
    );
    const judged = data(
      await move(office, c.id, {
        stage: 'JUDGMENT',
        enteredOn: '2025-09-16',
        outcome: 'niezgodny z Konstytucją',
        summary: 'Art. 25 jest niezgodny z art. 167 ust. 4 Konstytucji.',
      }),
    ).moveTribunalCase;
    expect(judged).toMatchObject({
      stage: 'JUDGMENT',
      signature: 'K 3/25',
      nextStages: ['PUBLISHED'],
    });
    const noRef = await move(office, c.id, { stage: 'PUBLISHED', enteredOn: '2025-09-20' });
    expect(code(noRef)).toBe('BAD_USER_INPUT');
    data(
      await move(office, c.id, {
        stage: 'PUBLISHED',
        enteredOn: '2025-09-20',
        journalReference: 'Dz.U. 2025 poz. 1300',
      }),
    );
  });

  it('shows the summary and timeline to every member city, the restricted parts only to the parties; guests and experts get NOT_FOUND', async () => {
    const c = await createCase('Wynagrodzenia nauczycieli a subwencja oświatowa');
    data(
      await as(
        office,
        `mutation($id: ID!, $input: TribunalSupportInput!) { setTribunalSupport(id: $id, input: $input) { id } }`,
        {
          id: c.id,
          input: {
            boardResolutionNumber: '12/2025',
            boardResolutionDate: '2025-02-01',
            kinds: ['LEGAL_PREPARATION', 'FUNDING'],
            amountGrosze: 4500000,
          },
        },
      ),
    );
    data(
      await as(
        office,
        `mutation($id: ID!, $o: ID!, $r: TribunalResolutionInput!) { addTribunalCoApplicant(id: $id, organisationId: $o, resolution: $r) { id } }`,
        { id: c.id, o: poznan, r: { number: 'XV/200/25', date: '2025-02-10' } },
      ),
    );
    const draft = await upload(lodzOfficer, 'TRIBUNAL_CASE', c.id, 'projekt-wniosku.pdf');
    expect(draft.status).toBe(201);
    const stageDoc = await upload(office, 'TRIBUNAL_STAGE', c.id, 'postanowienie.pdf');
    expect(stageDoc.status).toBe(201);

    const restricted = {
      internalNotes: expect.any(String),
      support: expect.objectContaining({ amountGrosze: 4500000 }),
    };
    const hidden = {
      internalNotes: null,
      support: expect.objectContaining({
        amountGrosze: null,
        kinds: ['LEGAL_PREPARATION', 'FUNDING'],
      }),
    };
    const cases: [string, TestUser, object | 'NOT_FOUND', number, number][] = [
      ['office', office, { ...restricted, viewerIsParty: true }, 200, 200],
      ['applicant legal officer', lodzOfficer, { ...restricted, viewerIsParty: true }, 200, 200],
      ['co-applicant city admin', poznanAdmin, { ...restricted, viewerIsParty: true }, 200, 200],
      ['other member city official', krakowOfficial, { ...hidden, viewerIsParty: false }, 404, 200],
      ['guest', guest, 'NOT_FOUND', 404, 404],
      ['expert', expert, 'NOT_FOUND', 404, 404],
      ['candidate city admin', candidateAdmin, 'NOT_FOUND', 404, 404],
    ];
    for (const [who, user, expected, draftStatus, stageStatus] of cases) {
      const r = await get(user, c.id);
      if (expected === 'NOT_FOUND') {
        expect([who, code(r)]).toEqual([who, 'NOT_FOUND']);
        const list = data(
          await as(
            user,
            `{ tribunalCases(first: 10) { totalCount } tribunalDeadlines { caseId } }`,
          ),
        );
        expect([who, list.tribunalCases.totalCount, list.tribunalDeadlines]).toEqual([who, 0, []]);
      } else {
        expect([who, data(r).tribunalCase]).toEqual([who, expect.objectContaining(expected)]);
        expect(data(r).tribunalCase.timeline.length).toBe(1);
      }
      expect([who, await download(user, draft.documentId!)]).toEqual([who, draftStatus]);
      expect([who, await download(user, stageDoc.documentId!)]).toEqual([who, stageStatus]);
    }
    // Office-only acts are refused to cities.
    expect(code(await move(lodzOfficer, c.id, { stage: 'FILED', enteredOn: '2025-03-01' }))).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses a co-applicant that is not a member city, naming it; nothing changed', async () => {
    const c = await createCase('Opłata za gospodarowanie odpadami');
    const before = await snapshot(c.id);
    const r = await as(
      office,
      `mutation($id: ID!, $o: ID!, $r: TribunalResolutionInput!) { addTribunalCoApplicant(id: $id, organisationId: $o, resolution: $r) { id } }`,
      { id: c.id, o: candidate, r: { number: 'I/1/25', date: '2025-01-10' } },
    );
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toContain('not a member city');
    expect(await snapshot(c.id)).toEqual(before);
    // A candidate city's own people cannot even see the case to ask.
    const asked = await as(
      candidateAdmin,
      `mutation($id: ID!, $r: TribunalResolutionInput!) { requestTribunalJoin(id: $id, resolution: $r) { id } }`,
      { id: c.id, r: { number: 'I/1/25', date: '2025-01-10', documentId: c.id } },
    );
    expect(code(asked)).toBe('NOT_FOUND');
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('links cases the Tribunal joined, and serves the follower a secret calendar feed that a revoke turns into 404', async () => {
    const a = await createCase('Janosikowe — wpłaty do budżetu państwa');
    const b = await createCase('Janosikowe — wniosek drugiej grupy miast');
    const linked = data(
      await as(
        office,
        `mutation($a: ID!, $b: ID!) { linkTribunalCases(id: $a, otherCaseId: $b, note: "Połączone do wspólnego rozpoznania") { linkedCaseIds } }`,
        { a: a.id, b: b.id },
      ),
    ).linkTribunalCases;
    expect(linked.linkedCaseIds).toEqual([b.id]);
    expect(data(await get(krakowOfficial, b.id)).tribunalCase.linkedCaseIds).toEqual([a.id]);

    for (const stage of [
      { stage: 'FILED', enteredOn: '2025-03-01' },
      { stage: 'PRELIMINARY_EXAMINATION', enteredOn: '2025-03-05' },
      { stage: 'REFUSAL', enteredOn: '2025-12-10', deliveredOn: '2025-12-17' },
    ]) {
      data(await move(office, a.id, stage));
    }
    // Łódź's legal officer follows a (applicant) automatically; Kraków's official follows it.
    expect(data(await get(lodzOfficer, a.id)).tribunalCase.followed).toBe(true);
    expect(data(await get(krakowOfficial, a.id)).tribunalCase.followed).toBe(false);
    data(
      await as(
        krakowOfficial,
        `mutation($id: ID!) { followTribunalCase(id: $id, following: true) { followed } }`,
        { id: a.id },
      ),
    );
    const link = data(
      await as(krakowOfficial, `mutation { regenerateCalendarFeed { path url } }`),
    ).regenerateCalendarFeed;
    expect(link.path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const stored = await t.db.query(
      `SELECT token_hash FROM calendar_feed_token WHERE user_id = $1`,
      [krakowOfficial.id],
    );
    expect(link.path).not.toContain(stored[0].token_hash);

    const res = await fetch(`${t.url}${link.path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const ics = await res.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    // 17 Dec 2025 + 7 = 24 Dec (a holiday from 2025), 25, 26, weekend → Monday 29 Dec, all day.
    expect(ics).toContain('DTSTART;VALUE=DATE:20251229');
    expect(ics).toContain('Janosikowe — wpłaty');
    expect(ics).not.toContain('wniosek drugiej grupy');

    data(await as(krakowOfficial, `mutation { revokeCalendarFeed { active } }`));
    expect((await fetch(`${t.url}${link.path}`)).status).toBe(404);
    expect((await fetch(`${t.url}/api/calendar/nonsense.ics`)).status).toBe(404);
  });

  it("puts the applicant legal officer's hearings in his feed at their exact time, an adjourned one no more", async () => {
    const c = await createCase('Opłata targowa — zniesienie bez rekompensaty');
    for (const stage of [
      { stage: 'FILED', enteredOn: '2025-03-01' },
      { stage: 'PRELIMINARY_EXAMINATION', enteredOn: '2025-03-05' },
      { stage: 'ADMITTED', enteredOn: '2025-05-05' },
      {
        stage: 'HEARING_SCHEDULED',
        enteredOn: '2025-06-02',
        hearingAt: '2025-11-04T09:00:00+01:00',
      },
      {
        stage: 'HEARING_SCHEDULED',
        enteredOn: '2025-10-20',
        hearingAt: '2025-11-18T09:00:00+01:00',
      },
    ]) {
      data(await move(office, c.id, stage));
    }
    const link = data(
      await as(lodzOfficer, `mutation { regenerateCalendarFeed { path } }`),
    ).regenerateCalendarFeed;
    const ics = await (await fetch(`${t.url}${link.path}`)).text();
    // 09:00 in Warsaw (CET) is 08:00 UTC.
    expect(ics).toContain('DTSTART:20251118T080000Z');
    expect(ics).toContain('X-WR-TIMEZONE:Europe/Warsaw');
    expect(ics).not.toContain('20251104T');
    expect(ics).toContain('Opłata targowa');
    // Unfollowing takes the case out of the feed.
    data(
      await as(
        lodzOfficer,
        `mutation($id: ID!) { followTribunalCase(id: $id, following: false) { followed } }`,
        {
          id: c.id,
        },
      ),
    );
    expect(await (await fetch(`${t.url}${link.path}`)).text()).not.toContain('Opłata targowa');
  });

  it("adds the Tribunal's letter to an entry already recorded, through a correction that keeps the list before; refuses other documents", async () => {
    const c = await createCase('Subwencja drogowa — podział rezerwy');
    data(await move(office, c.id, { stage: 'FILED', enteredOn: '2025-03-01' }));
    const correct = (u: TestUser, entryId: string, input: Record<string, unknown>) =>
      as(
        u,
        `mutation($e: ID!, $input: CorrectTribunalStageInput!) { correctTribunalStage(entryId: $e, input: $input) { timeline { id documentIds corrections { reason previous } } } }`,
        { e: entryId, input },
      );
    const entryOf = async () =>
      (
        await t.db.query(
          `SELECT id, document_ids FROM tribunal_stage_entry WHERE case_id = $1 AND stage = 'FILED'`,
          [c.id],
        )
      )[0];
    const entry = await entryOf();
    const letter = await upload(office, 'TRIBUNAL_STAGE', c.id, 'potwierdzenie-wplywu.pdf');
    const draft = await upload(office, 'TRIBUNAL_CASE', c.id, 'projekt.pdf');
    const other = await createCase('Inna sprawa');
    const elsewhere = await upload(office, 'TRIBUNAL_STAGE', other.id, 'cudzy.pdf');

    // Refused: a draft motion (not a stage document), another case's letter, a city's attempt.
    for (const [who, u, ids, expected] of [
      ['draft', office, [draft.documentId], 'BAD_USER_INPUT'],
      ['other case', office, [elsewhere.documentId], 'BAD_USER_INPUT'],
      ['not a uuid', office, ['nonsense'], 'BAD_USER_INPUT'],
      ['city', lodzOfficer, [letter.documentId], 'FORBIDDEN'],
    ] as const) {
      const r = await correct(u, entry.id, { reason: 'Dołączam pismo', documentIds: ids });
      expect([who, code(r)]).toEqual([who, expected]);
      expect(await entryOf()).toEqual({ id: entry.id, document_ids: [] });
    }

    const added = data(
      await correct(office, entry.id, {
        reason: 'Potwierdzenie wpływu z kancelarii TK',
        documentIds: [letter.documentId],
      }),
    ).correctTribunalStage;
    const filed = added.timeline.find((e: { id: string }) => e.id === entry.id);
    expect(filed.documentIds).toEqual([letter.documentId]);
    expect(filed.corrections).toHaveLength(1);
    expect(JSON.parse(filed.corrections[0].previous)).toMatchObject({ document_ids: [] });
    const [audited] = await t.db.query(
      `SELECT details FROM audit_entry WHERE action = 'tribunal_case.stage.correct'
         AND entity_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [c.id],
    );
    expect(audited.details).toMatchObject({
      documentsAdded: [letter.documentId],
      documentsRemoved: [],
    });
    // Every reader of the case may download it.
    expect(await download(krakowOfficial, letter.documentId!)).toBe(200);
  });

  it("changes a case's kind while it has no signature, or together with a new one; never against its signature", async () => {
    const c = await createCase('Rozporządzenie o wynagrodzeniach pracowników samorządowych');
    const update = (input: Record<string, unknown>, u: TestUser = office) =>
      as(
        u,
        `mutation($id: ID!, $input: TribunalCaseInput!) { updateTribunalCase(id: $id, input: $input) { kind signature preliminarySignature } }`,
        { id: c.id, input },
      );
    const kindOf = async () =>
      (await t.db.query(`SELECT kind, signature FROM tribunal_case WHERE id = $1`, [c.id]))[0];

    expect(data(await update({ kind: 'U', preliminarySignature: 'Tw 7/25' }))).toEqual({
      updateTribunalCase: { kind: 'U', signature: null, preliminarySignature: 'Tw 7/25' },
    });
    expect(code(await update({ kind: 'K' }, lodzOfficer))).toBe('FORBIDDEN');
    data(await update({ signature: 'U 4/25' }));

    // The signature names the kind: alone, the kind does not change.
    const alone = await update({ kind: 'K' });
    expect(code(alone)).toBe('CONFLICT');
    expect(alone.errors![0].message).toContain('U 4/25');
    expect(await kindOf()).toEqual({ kind: 'U', signature: 'U 4/25' });
    // A new signature of the other kind: its form is checked against the new kind.
    const mismatched = await update({ kind: 'K', signature: 'U 4/25' });
    expect(code(mismatched)).toBe('BAD_USER_INPUT');
    expect(mismatched.errors![0].message).toContain('"K 3/25"');
    expect(await kindOf()).toEqual({ kind: 'U', signature: 'U 4/25' });
    expect(data(await update({ kind: 'K', signature: 'K 4/25' })).updateTribunalCase).toEqual(
      expect.objectContaining({ kind: 'K', signature: 'K 4/25' }),
    );
    // Or the signature is cleared with it.
    expect(data(await update({ kind: 'U', signature: null })).updateTribunalCase).toEqual(
      expect.objectContaining({ kind: 'U', signature: null }),
    );
  });

  it('finds cases by words of the title or the challenged act in any form, without diacritics, or by signature; only for readers; never by internal notes', async () => {
    const polish = (await searchDictionary(t.db)) === 'Polish (hunspell)';
    const spa = await createCase('Subwencja rozwojowa dla uzdrowisk');
    data(
      await as(
        office,
        `mutation($id: ID!, $input: TribunalCaseInput!) { updateTribunalCase(id: $id, input: $input) { id } }`,
        {
          id: spa.id,
          input: {
            challengedAct: 'Ustawa z dnia 28 lipca 2005 r. o lecznictwie uzdrowiskowym',
            preliminarySignature: 'Tw 88/24',
            signature: 'K 88/25',
          },
        },
      ),
    );
    const diesel = await createCase('Zwrot akcyzy za olej napędowy rolnikom');
    data(
      await as(
        office,
        `mutation($id: ID!, $input: TribunalCaseInput!) { updateTribunalCase(id: $id, input: $input) { id } }`,
        { id: diesel.id, input: { preliminarySignature: 'Tw 89/24' } },
      ),
    );
    const mine = [spa.id, diesel.id];
    const search = (u: TestUser, text: string) =>
      as(
        u,
        `query($s: String) { tribunalCases(first: 100, search: $s) { totalCount edges { node { id } } } }`,
        { s: text },
      );
    const found = async (text: string, u: TestUser = krakowOfficial) =>
      data(await search(u, text))
        .tribunalCases.edges.map((e: { node: { id: string } }) => e.node.id)
        .filter((id: string) => mine.includes(id));

    // Other forms of the title's words (with the Polish dictionary), in any order.
    expect(await found(polish ? 'uzdrowiskami subwencji' : 'uzdrowisk subwencja')).toEqual([
      spa.id,
    ]);
    // The challenged act's words; diacritics optional.
    expect(await found(polish ? 'lecznictwa uzdrowiskowego' : 'lecznictwie uzdrowiskowym')).toEqual(
      [spa.id],
    );
    expect(await found('napedowy olej')).toEqual([diesel.id]);
    // Signatures as written, in lower case, without the space, without the kind, or begun.
    for (const text of ['K 88/25', 'k88/25', 'Tw 88/24', '88/25', 'tw 88/2']) {
      expect([text, await found(text)]).toEqual([text, [spa.id]]);
    }
    expect(await found('Tw 8')).toEqual([diesel.id, spa.id]);
    expect(await found('U 88/25')).toEqual([]);
    // Internal notes and the argument are not searched: no reader learns them by probing.
    for (const u of [office, krakowOfficial]) {
      expect(data(await search(u, 'uzgodnienia Nowak')).tribunalCases.totalCount).toBe(0);
      expect(data(await search(u, 'adekwatne')).tribunalCases.totalCount).toBe(0);
    }
    // Those who may not read cases find nothing, however they search.
    for (const u of [guest, expert, candidateAdmin]) {
      for (const text of ['K 88/25', 'subwencja uzdrowisk']) {
        expect(data(await search(u, text)).tribunalCases).toEqual({ totalCount: 0, edges: [] });
      }
    }
    // A blank search is no search.
    const all = data(await as(krakowOfficial, `{ tribunalCases(first: 1) { totalCount } }`));
    expect(data(await search(krakowOfficial, '  \t ')).tribunalCases.totalCount).toBe(
      all.tribunalCases.totalCount,
    );
  });

  it('refuses a search without words or longer than 200 characters, saying so', async () => {
    const search = (text: string) =>
      as(office, `query($s: String) { tribunalCases(first: 10, search: $s) { totalCount } }`, {
        s: text,
      });
    for (const text of ['!!!', '&|!():*', ' - ', '/', '""']) {
      const r = await search(text);
      expect([text, code(r)]).toEqual([text, 'BAD_USER_INPUT']);
      expect(r.errors![0].message).toContain('no words');
      expect(r.errors![0].extensions!['fields']).toEqual([
        { field: 'search', problems: ['no words to search for'] },
      ]);
    }
    const long = await search('subwencja '.repeat(21));
    expect(code(long)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(long.errors![0].extensions)).toContain('search');
    expect(code(await search('subwencja '.repeat(20).trim()))).toBeUndefined();
  });

  it("audits a party's list reads of the cases it is party to, one row each; not other readers', nor refused searches", async () => {
    const c = await createCase('Udział gmin w podatku CIT — wykazy');
    const other = await createCase('Udział gmin w podatku CIT — drugi wykaz');
    data(
      await as(
        office,
        `mutation($id: ID!, $input: TribunalCaseInput!) { updateTribunalCase(id: $id, input: $input) { id } }`,
        { id: c.id, input: { preliminarySignature: 'Tw 93/24' } },
      ),
    );
    const listed = async () =>
      (
        await t.db.query(
          `SELECT actor_id, entity_id FROM audit_entry
           WHERE action = 'tribunal_case.list' AND entity_id = ANY($1::uuid[])
           ORDER BY created_at, entity_id`,
          [[c.id, other.id]],
        )
      ).map((r: { actor_id: string; entity_id: string }) => [r.actor_id, r.entity_id]);
    const list = (u: TestUser, text: string | null, first = 100) =>
      as(
        u,
        `query($s: String, $first: Int!) { tribunalCases(first: $first, search: $s) { edges { node { id internalNotes } } } }`,
        { s: text, first },
      );

    // The office and Łódź's legal officer (the applicant) are parties: each listed case is read.
    expect(data(await list(office, 'Tw 93/24')).tribunalCases.edges).toEqual([
      { node: { id: c.id, internalNotes: expect.any(String) } },
    ]);
    expect(await listed()).toEqual([[office.id, c.id]]);
    data(await list(lodzOfficer, 'podatku CIT'));
    const lodzRows = (await listed()).filter(([actor]: string[]) => actor === lodzOfficer.id);
    expect(lodzRows.map(([, id]: string[]) => id).sort()).toEqual([c.id, other.id].sort());
    // Only the page's cases: a page of one holds the newest, the other case.
    data(await list(office, 'podatku CIT', 1));
    expect((await listed()).filter(([actor]: string[]) => actor === office.id)).toEqual([
      [office.id, c.id],
      [office.id, other.id],
    ]);
    const before = await listed();
    // Readers who are not parties see no restricted part, so their lists are not audited.
    for (const u of [krakowOfficial, poznanAdmin]) {
      const edges = data(await list(u, 'podatku CIT')).tribunalCases.edges;
      expect(
        edges.map((e: { node: { internalNotes: string | null } }) => e.node.internalNotes),
      ).toEqual([null, null]);
    }
    // Nor what is refused or finds nothing to read.
    expect(code(await list(office, '!!!'))).toBe('BAD_USER_INPUT');
    data(await list(guest, 'podatku CIT'));
    expect(await listed()).toEqual(before);
  });

  it('audits the case page read by those who see the restricted parts, not by other readers nor lists', async () => {
    const c = await createCase('Udział gmin w CIT — odczyty');
    const reads = async () =>
      (
        await t.db.query(
          `SELECT actor_id FROM audit_entry WHERE action = 'tribunal_case.read' AND entity_id = $1
           ORDER BY created_at`,
          [c.id],
        )
      ).map((r: { actor_id: string }) => r.actor_id);
    data(await get(office, c.id));
    data(await get(lodzOfficer, c.id));
    data(await get(krakowOfficial, c.id));
    data(await as(office, `{ tribunalCases(first: 50) { edges { node { id internalNotes } } } }`));
    expect(await reads()).toEqual([office.id, lodzOfficer.id]);
    // Nobody's NOT_FOUND is logged as a read.
    expect(code(await get(guest, c.id))).toBe('NOT_FOUND');
    expect(await reads()).toHaveLength(2);
  });
});
