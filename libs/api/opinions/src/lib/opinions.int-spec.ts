import { EventEmitter2 } from '@nestjs/event-emitter';
import { TestApp } from '@civitas/api/testing';
import {
  Cast,
  code,
  COMPLETE,
  data,
  day,
  makeCast,
  OpinionClient,
  randomId,
  requestIn,
  startOpinionApp,
  upload,
} from './opinions.test-kit';

describe('expert opinions: the workflow', () => {
  let t: TestApp;
  let close: () => Promise<void>;
  let cast: Cast;
  let officer: OpinionClient;
  let office: OpinionClient;
  let office2: OpinionClient;
  let expert: OpinionClient;
  let cityAdmin: OpinionClient;
  /** What the opinions announce (notifications turn them into the bell and mail). */
  const events: Record<string, unknown>[] = [];

  beforeAll(async () => {
    ({ t, close } = await startOpinionApp());
    cast = await makeCast(t);
    t.app
      .get(EventEmitter2)
      .onAny((name: string | string[], payload: Record<string, unknown>) =>
        events.push({ name: String(name), ...payload }),
      );
    officer = new OpinionClient(t, cast.officer);
    office = new OpinionClient(t, cast.office);
    office2 = new OpinionClient(t, cast.office2);
    expert = new OpinionClient(t, cast.expert);
    cityAdmin = new OpinionClient(t, cast.cityAdmin);
  });
  afterAll(() => close());

  const snapshot = async (id: string) =>
    (
      await t.db.query(
        `SELECT r.state, r.expert_id, r.due_date, r.fee_grosze, r.opinion_document_id, r.summary_source,
                r.released_at, (SELECT count(*)::int FROM opinion_request_transition WHERE request_id = r.id) AS moves
         FROM opinion_request r WHERE r.id = $1`,
        [id],
      )
    )[0];

  it('keeps a partial draft, and submitting it says which fields are missing, changing nothing', async () => {
    const created = data(await officer.create({ subject: 'Najem lokali użytkowych' }));
    const id = created.createOpinionRequest.id;
    expect(created.createOpinionRequest).toMatchObject({
      state: 'DRAFT',
      viewerParty: 'CITY_LEGAL_OFFICER',
      city: { name: 'Łódź' },
      availableActions: ['EDIT', 'SUBMIT', 'WITHDRAW'],
    });
    const before = await snapshot(id);
    const refused = await officer.act('submitOpinionRequest', id);
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions!['fields'].map((f: { field: string }) => f.field)).toEqual(
      ['question', 'facts', 'legalBasis', 'areaOfLaw'],
    );
    expect(await snapshot(id)).toEqual(before);

    // A desired date in the past is refused at once.
    const past = await officer.act('updateOpinionRequest', id, {
      input: ['OpinionRequestInput!', { desiredDate: day(-2) }],
    });
    expect(code(past)).toBe('BAD_USER_INPUT');
    expect(past.errors![0].extensions!['fields'][0].field).toBe('desiredDate');

    const completed = await officer.act('updateOpinionRequest', id, {
      input: ['OpinionRequestInput!', { ...COMPLETE, desiredDate: day(20) }],
    });
    expect(data(completed).updateOpinionRequest.questionHtml).toContain(
      '<strong>umorzenie zaległości czynszowych</strong>',
    );
    expect(data(await officer.act('submitOpinionRequest', id)).submitOpinionRequest.state).toBe(
      'SUBMITTED',
    );
  });

  it('attaches the documents uploaded to the draft, and only those', async () => {
    const id = await requestIn(t, cast, 'DRAFT');
    const first = await upload(t, cast.officer, 'OPINION_REQUEST', id, 'uchwala.pdf');
    expect(first.status).toBe(201);
    const attach = (ids: string[]) =>
      officer.act('updateOpinionRequest', id, {
        input: ['OpinionRequestInput!', { attachmentDocumentIds: ids }],
      });
    const foreign = await attach([first.documentId!, randomId()]);
    expect(code(foreign)).toBe('BAD_USER_INPUT');
    expect(foreign.errors![0].extensions!['fields'][0].field).toBe('attachmentDocumentIds');
    const attached = await officer.gql(
      `mutation($id: ID!, $ids: [ID!]) { updateOpinionRequest(id: $id, input: { attachmentDocumentIds: $ids }) { attachmentDocumentIds } }`,
      { id, ids: [first.documentId] },
    );
    expect(data(attached).updateOpinionRequest.attachmentDocumentIds).toEqual([first.documentId]);
    // Once submitted the attachments are fixed for the city.
    data(await attach([]));
    await t.db.query(`UPDATE opinion_request SET state = 'SUBMITTED' WHERE id = $1`, [id]);
    expect((await upload(t, cast.officer, 'OPINION_REQUEST', id)).status).toBe(403);
  });

  it('refuses a draft to an official without the legal-officer flag', async () => {
    const official = new OpinionClient(t, cast.official);
    expect(code(await official.create())).toBe('FORBIDDEN');
    expect(code(await cityAdmin.create())).toBe('FORBIDDEN');
  });

  it('goes from submission through information, assignment, delivery, return and release', async () => {
    const id = await requestIn(t, cast, 'SUBMITTED');

    // The office asks; the city answers, which resubmits it.
    const asked = data(
      await office.act('requestOpinionInformation', id, {
        question: ['String!', 'Proszę podać liczbę lokali.'],
      }),
    ).requestOpinionInformation;
    expect(asked).toMatchObject({
      state: 'NEEDS_INFO',
      infoRequest: 'Proszę podać liczbę lokali.',
    });
    expect(data(await officer.get(id)).opinionRequest.availableActions).toEqual([
      'EDIT',
      'ANSWER_INFORMATION_REQUEST',
      'WITHDRAW',
    ]);
    expect(code(await officer.act('submitOpinionRequest', id))).toBe('CONFLICT');
    const answered = data(
      await officer.act('answerOpinionInformationRequest', id, {
        answer: ['String!', 'Dotyczy 340 lokali.'],
      }),
    ).answerOpinionInformationRequest;
    expect(answered).toMatchObject({ state: 'SUBMITTED', infoRequest: null });

    // Bad triage: a due date in the past, a non-expert. Nothing changes.
    const before = await snapshot(id);
    const accept = (expertId: string, dueDate: string) =>
      office.act('acceptOpinionRequest', id, {
        input: ['AcceptOpinionRequestInput!', { expertId, dueDate, feeGrosze: 300000 }],
      });
    const past = await accept(cast.expert.id, day(-1));
    expect(code(past)).toBe('BAD_USER_INPUT');
    expect(past.errors![0].extensions!['fields']).toEqual([
      { field: 'dueDate', problems: ['must be today or later'] },
    ]);
    const notExpert = await accept(cast.officer.id, day(14));
    expect(code(notExpert)).toBe('BAD_USER_INPUT');
    expect(notExpert.errors![0].extensions!['fields'][0].field).toBe('expertId');
    expect(code(await accept(randomId(), day(14)))).toBe('BAD_USER_INPUT');
    expect(await snapshot(id)).toEqual(before);

    const accepted = data(await accept(cast.expert.id, day(2))).acceptOpinionRequest;
    expect(accepted).toMatchObject({
      state: 'ACCEPTED',
      feeGrosze: 300000,
      dueSoon: true,
      overdue: false,
      expert: { id: cast.expert.id },
    });
    // The city sees the assignment but not the fee; it can no longer withdraw.
    const cityView = data(await officer.get(id)).opinionRequest;
    expect(cityView).toMatchObject({ state: 'ACCEPTED', feeGrosze: null, availableActions: [] });
    expect(code(await officer.act('withdrawOpinionRequest', id))).toBe('CONFLICT');

    expect(data(await expert.act('startOpinionWork', id)).startOpinionWork.state).toBe(
      'IN_PROGRESS',
    );
    // Delivering without a document: refused, nothing changed.
    const inProgress = await snapshot(id);
    const noDocument = await expert.act('deliverOpinion', id, {
      input: ['DeliverOpinionInput!', { summary: 'Streszczenie.' }],
    });
    expect(code(noDocument)).toBe('BAD_USER_INPUT');
    expect(
      noDocument.errors![0].extensions!['fields'].map((f: { field: string }) => f.field),
    ).toEqual(['documentId']);
    const nothing = await expert.act('deliverOpinion', id, { input: ['DeliverOpinionInput!', {}] });
    expect(nothing.errors![0].extensions!['fields'].map((f: { field: string }) => f.field)).toEqual(
      ['documentId', 'summary'],
    );
    // A document that is not this request's opinion (unknown, or uploaded elsewhere): refused.
    const elsewhere = await upload(
      t,
      cast.expert,
      'OPINION',
      await requestIn(t, cast, 'IN_PROGRESS'),
    );
    for (const documentId of [randomId(), elsewhere.documentId]) {
      const foreign = await expert.act('deliverOpinion', id, {
        input: ['DeliverOpinionInput!', { documentId, summary: 'S' }],
      });
      expect(foreign.errors![0].extensions!['fields'][0].field).toBe('documentId');
    }
    expect(await snapshot(id)).toEqual(inProgress);

    // The opinion's documents do not exist for the city before release; the expert uploads.
    expect((await upload(t, cast.officer, 'OPINION', id)).status).toBe(404);
    const { status, documentId: document } = await upload(t, cast.expert, 'OPINION', id);
    expect(status).toBe(201);
    const deliver = () =>
      expert.act('deliverOpinion', id, {
        input: [
          'DeliverOpinionInput!',
          { documentId: document, summary: 'Tak, *z zastrzeżeniami*.' },
        ],
      });
    expect(data(await deliver()).deliverOpinion.state).toBe('DELIVERED');
    // The office reviews first: the city does not see the opinion yet.
    expect(data(await officer.get(id)).opinionRequest).toMatchObject({
      opinionDocumentId: null,
      summaryHtml: null,
    });
    const returned = data(
      await office.act('returnOpinionToExpert', id, {
        remarks: ['String!', 'Proszę odnieść się do orzecznictwa NSA.'],
      }),
    ).returnOpinionToExpert;
    expect(returned).toMatchObject({
      state: 'IN_PROGRESS',
      returnRemarks: 'Proszę odnieść się do orzecznictwa NSA.',
    });
    expect(data(await deliver()).deliverOpinion.state).toBe('DELIVERED');
    const released = data(await office.act('releaseOpinion', id)).releaseOpinion;
    expect(released).toMatchObject({
      state: 'RELEASED',
      availableActions: ['PUBLISH', 'VIEW_AUDIT_LOG'],
    });

    // Releasing twice: CONFLICT, nothing changed.
    const afterRelease = await snapshot(id);
    const twice = await office.act('releaseOpinion', id);
    expect(code(twice)).toBe('CONFLICT');
    expect(await snapshot(id)).toEqual(afterRelease);

    const city = data(await officer.get(id)).opinionRequest;
    expect(city).toMatchObject({
      state: 'RELEASED',
      opinionDocumentId: document,
      summaryHtml: '<p>Tak, <em>z zastrzeżeniami</em>.</p>\n',
      returnRemarks: null,
      feeGrosze: null,
    });
    // The timeline: who and when; the office's review of the expert stays internal.
    const moves = city.transitions.map(
      (m: { fromState: string; toState: string; comment: string | null }) =>
        `${m.fromState}→${m.toState}:${m.comment ?? ''}`,
    );
    expect(moves).toEqual([
      'null→DRAFT:',
      'DRAFT→SUBMITTED:',
      'SUBMITTED→NEEDS_INFO:Proszę podać liczbę lokali.',
      'NEEDS_INFO→SUBMITTED:Dotyczy 340 lokali.',
      'SUBMITTED→ACCEPTED:',
      'ACCEPTED→IN_PROGRESS:',
      'IN_PROGRESS→DELIVERED:',
      'DELIVERED→IN_PROGRESS:',
      'IN_PROGRESS→DELIVERED:',
      'DELIVERED→RELEASED:',
    ]);
    const officeMoves = data(await office.get(id)).opinionRequest.transitions;
    expect(officeMoves[7].comment).toBe('Proszę odnieść się do orzecznictwa NSA.');
  });

  it('lets exactly one of two office admins triage the same request at once', async () => {
    const id = await requestIn(t, cast, 'SUBMITTED');
    const accept = office.act('acceptOpinionRequest', id, {
      input: [
        'AcceptOpinionRequestInput!',
        { expertId: cast.expert.id, dueDate: day(7), feeGrosze: 100000 },
      ],
    });
    const reject = office2.act('rejectOpinionRequest', id, {
      reason: ['String!', 'Sprawa poza zakresem działania Związku.'],
    });
    const [a, b] = await Promise.all([accept, reject]);
    const outcomes = [a, b].map((r) => (r.errors ? code(r) : 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    const [{ moves }] = await t.db.query(
      `SELECT count(*)::int AS moves FROM opinion_request_transition
       WHERE request_id = $1 AND from_state = 'SUBMITTED'`,
      [id],
    );
    expect(moves).toBe(1);

    // Same move twice at once: one wins.
    const other = await requestIn(t, cast, 'SUBMITTED');
    const both = await Promise.all(
      [office, office2].map((c) =>
        c.act('acceptOpinionRequest', other, {
          input: [
            'AcceptOpinionRequestInput!',
            { expertId: cast.expert.id, dueDate: day(7), feeGrosze: 100000 },
          ],
        }),
      ),
    );
    expect(both.map((r) => (r.errors ? code(r) : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
  });

  it('withdraws before acceptance only, and rejects with a reason', async () => {
    const draft = await requestIn(t, cast, 'DRAFT');
    expect(
      data(await officer.act('withdrawOpinionRequest', draft)).withdrawOpinionRequest.state,
    ).toBe('WITHDRAWN');
    // Never sent, it stays the city's: the office does not see it.
    expect(code(await office.get(draft))).toBe('NOT_FOUND');
    const submitted = await requestIn(t, cast, 'SUBMITTED');
    const rejected = data(
      await office.act('rejectOpinionRequest', submitted, {
        reason: ['String!', 'Poza zakresem.'],
      }),
    ).rejectOpinionRequest;
    expect(rejected).toMatchObject({ state: 'REJECTED', rejectionReason: 'Poza zakresem.' });
    const empty = await office.act('rejectOpinionRequest', await requestIn(t, cast, 'SUBMITTED'), {
      reason: ['String!', '  '],
    });
    expect(code(empty)).toBe('BAD_USER_INPUT');
  });

  it('keeps two discussions: the city never reads the internal one', async () => {
    const id = await requestIn(t, cast, 'ACCEPTED');
    const post = (c: OpinionClient, audience: string, body: string) =>
      c.gql(
        `mutation($id: ID!, $a: OpinionDiscussionAudience!, $b: String!) {
           postOpinionDiscussionMessage(requestId: $id, audience: $a, body: $b) { id audience bodyHtml author { name } } }`,
        { id, a: audience, b: body },
      );
    const read = (c: OpinionClient, audience: string) =>
      c.gql(
        `query($id: ID!, $a: OpinionDiscussionAudience!) {
           opinionDiscussion(requestId: $id, audience: $a) { totalCount edges { node { bodyHtml author { name } } } } }`,
        { id, a: audience },
      );
    data(await post(expert, 'INTERNAL', 'Czy mam uwzględnić **uchwałę** z 2023 r.?'));
    data(await post(office, 'INTERNAL', 'Tak.'));
    data(await post(expert, 'CITY', 'Proszę o przesłanie uchwały.'));
    data(await post(officer, 'CITY', 'Przesyłam.'));
    expect(code(await post(officer, 'INTERNAL', 'Próba'))).toBe('NOT_FOUND');
    expect(code(await read(officer, 'INTERNAL'))).toBe('NOT_FOUND');
    expect(data(await read(officer, 'CITY')).opinionDiscussion.totalCount).toBe(2);
    expect(data(await read(cityAdmin, 'CITY')).opinionDiscussion.totalCount).toBe(2);
    const internal = data(await read(office, 'INTERNAL')).opinionDiscussion;
    expect(internal.edges[0].node).toEqual({
      bodyHtml: '<p>Czy mam uwzględnić <strong>uchwałę</strong> z 2023 r.?</p>\n',
      author: { name: 'Jan Ekspert' },
    });
    // Whom to tell: the internal discussion never reaches the city.
    const posted = events.filter(
      (e) => e.name === 'opinion.discussion-posted' && e.requestId === id,
    );
    const city = [cast.officer.id, cast.cityAdmin.id];
    const internalTold = posted.find((e) => e.audience === 'INTERNAL')!.recipientIds as string[];
    expect(internalTold).toEqual(expect.arrayContaining([cast.office.id, cast.expert.id]));
    expect(internalTold.filter((r) => city.includes(r))).toEqual([]);
    const cityTold = posted.find((e) => e.audience === 'CITY')!.recipientIds as string[];
    expect(cityTold).toEqual(expect.arrayContaining([...city, cast.office.id, cast.expert.id]));
    expect(cityTold).not.toContain(cast.official.id);
  });

  it('tells the office of submissions and the expert of assignments', async () => {
    const id = await requestIn(t, cast, 'ACCEPTED');
    const mine = events.filter((e) => e.requestId === id);
    const submitted = mine.find((e) => e.to === 'SUBMITTED')!;
    expect(submitted.recipientIds).toEqual(
      expect.arrayContaining([cast.office.id, cast.office2.id]),
    );
    expect(mine.find((e) => e.to === 'ACCEPTED')!.recipientIds).toEqual(
      expect.arrayContaining([cast.officer.id, cast.cityAdmin.id]),
    );
    expect(mine.find((e) => e.name === 'opinion.expert-assigned')).toMatchObject({
      expertId: cast.expert.id,
      dueDate: day(10),
    });
  });

  it('shows the office its dashboard and the audit of every read', async () => {
    const overdueId = await requestIn(t, cast, 'IN_PROGRESS');
    await t.db.query(`UPDATE opinion_request SET due_date = current_date - 5 WHERE id = $1`, [
      overdueId,
    ]);
    const dashboard = data(
      await office.gql(`{ opinionDashboard {
        countsByState { state count } averageDaysToRelease
        overdue { id overdue } dueSoon { id }
        byExpert { expert { id } active delivered released overdue averageDaysToRelease } } }`),
    ).opinionDashboard;
    const count = (s: string) =>
      dashboard.countsByState.find((c: { state: string }) => c.state === s).count;
    expect(count('RELEASED')).toBeGreaterThanOrEqual(1);
    expect(dashboard.countsByState.map((c: { state: string }) => c.state)).not.toContain('DRAFT');
    expect(dashboard.overdue).toEqual([{ id: overdueId, overdue: true }]);
    expect(dashboard.averageDaysToRelease).toBeGreaterThanOrEqual(0);
    expect(dashboard.byExpert[0]).toMatchObject({ expert: { id: cast.expert.id }, overdue: 1 });
    expect(code(await officer.gql(`{ opinionDashboard { averageDaysToRelease } }`))).toBe(
      'FORBIDDEN',
    );

    // Every read of a confidential request is recorded: who, what, when.
    data(await officer.get(overdueId));
    data(await expert.gql(`{ opinionRequests { edges { node { id } } } }`));
    const log = data(
      await office.gql(
        `query($id: ID!) { opinionRequestAuditLog(requestId: $id, first: 100) {
           edges { node { action details createdAt actor { id } } } } }`,
        { id: overdueId },
      ),
    ).opinionRequestAuditLog.edges.map(
      (e: { node: { action: string; actor: { id: string } } }) =>
        `${e.node.action}:${e.node.actor.id}`,
    );
    expect(log).toEqual(
      expect.arrayContaining([
        `opinion_request.create:${cast.officer.id}`,
        `opinion_request.read:${cast.officer.id}`,
        `opinion_request.list:${cast.expert.id}`,
        `opinion_request.list:${cast.office.id}`,
      ]),
    );
    expect(
      code(
        await officer.gql(
          `query($id: ID!) { opinionRequestAuditLog(requestId: $id) { totalCount } }`,
          {
            id: overdueId,
          },
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('costs the same few statements for a page of 2 or of 20 requests', async () => {
    for (const state of ['SUBMITTED', 'IN_PROGRESS', 'DELIVERED'] as const) {
      await requestIn(t, cast, state);
    }
    const page = async (first: number) => {
      t.queries.reset();
      const r = await office.gql(
        `query($first: Int!) { opinionRequests(first: $first) { edges { node {
           id city { name } requester { name } expert { name } availableActions
           transitions { toState actor { name } } } } } }`,
        { first },
      );
      expect(data(r).opinionRequests.edges.length).toBeGreaterThanOrEqual(Math.min(first, 3));
      return t.queries.statements.slice();
    };
    const small = await page(2);
    const large = await page(20);
    expect(large.length).toBe(small.length);
    expect(large.length).toBeLessThanOrEqual(8);
  });

  it('filters lists by deadline flags and pages them', async () => {
    const list = (c: OpinionClient, args: string) =>
      c.gql(
        `{ opinionRequests(${args}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id state overdue } } } }`,
      );
    const overdue = data(
      await office.gql(`{ opinionRequests(overdue: true) { edges { node { overdue } } } }`),
    );
    expect(
      overdue.opinionRequests.edges.every((e: { node: { overdue: boolean } }) => e.node.overdue),
    ).toBe(true);
    const first = data(await list(officer, 'first: 2')).opinionRequests;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = data(
      await list(officer, `first: 2, after: "${first.pageInfo.endCursor}"`),
    ).opinionRequests;
    expect(next.edges[0].node.id).not.toBe(first.edges[1].node.id);
    // The expert sees only what is assigned to them.
    const mine = data(
      await list(new OpinionClient(t, cast.otherExpert), 'first: 100'),
    ).opinionRequests;
    expect(mine.totalCount).toBe(0);
  });
});
