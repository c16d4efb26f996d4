import { TestApp, TestUser } from '@civitas/api/testing';
import {
  Cast,
  code,
  data,
  day,
  makeCast,
  OpinionClient,
  randomId,
  requestIn,
  startOpinionApp,
  upload,
  download,
} from './opinions.test-kit';

type Persona = keyof Cast;
type Outcome = 'OK' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'BAD_USER_INPUT';

/** Every operation on one request, each with arguments that would pass validation. */
const OPERATIONS: Record<string, { doc: string; vars?: Record<string, unknown> }> = {
  opinionRequest: { doc: `query($id: ID!) { opinionRequest(id: $id) { id subject } }` },
  opinionDiscussionCity: {
    doc: `query($id: ID!) { opinionDiscussion(requestId: $id, audience: CITY) { totalCount } }`,
  },
  opinionDiscussionInternal: {
    doc: `query($id: ID!) { opinionDiscussion(requestId: $id, audience: INTERNAL) { totalCount } }`,
  },
  opinionRequestAuditLog: {
    doc: `query($id: ID!) { opinionRequestAuditLog(requestId: $id) { totalCount } }`,
  },
  updateOpinionRequest: {
    doc: `mutation($id: ID!) { updateOpinionRequest(id: $id, input: { subject: "Zmieniony" }) { id } }`,
  },
  submitOpinionRequest: { doc: `mutation($id: ID!) { submitOpinionRequest(id: $id) { id } }` },
  answerOpinionInformationRequest: {
    doc: `mutation($id: ID!) { answerOpinionInformationRequest(id: $id, answer: "Odpowiedź") { id } }`,
  },
  withdrawOpinionRequest: { doc: `mutation($id: ID!) { withdrawOpinionRequest(id: $id) { id } }` },
  requestOpinionInformation: {
    doc: `mutation($id: ID!) { requestOpinionInformation(id: $id, question: "Pytanie") { id } }`,
  },
  rejectOpinionRequest: {
    doc: `mutation($id: ID!) { rejectOpinionRequest(id: $id, reason: "Powód") { id } }`,
  },
  acceptOpinionRequest: {
    doc: `mutation($id: ID!, $input: AcceptOpinionRequestInput!) { acceptOpinionRequest(id: $id, input: $input) { id } }`,
    vars: { input: { expertId: '<expert>', dueDate: day(9), feeGrosze: 1000 } },
  },
  startOpinionWork: { doc: `mutation($id: ID!) { startOpinionWork(id: $id) { id } }` },
  // No document: whoever may deliver reaches the input check (BAD_USER_INPUT), nothing changes.
  deliverOpinion: {
    doc: `mutation($id: ID!) { deliverOpinion(id: $id, input: { summary: "S" }) { id } }`,
  },
  returnOpinionToExpert: {
    doc: `mutation($id: ID!) { returnOpinionToExpert(id: $id, remarks: "Uwagi") { id } }`,
  },
  releaseOpinion: { doc: `mutation($id: ID!) { releaseOpinion(id: $id) { id } }` },
  publishOpinion: {
    doc: `mutation($id: ID!) { publishOpinion(id: $id, input: { redacted: false }) { id } }`,
  },
  postCity: {
    doc: `mutation($id: ID!) { postOpinionDiscussionMessage(requestId: $id, audience: CITY, body: "x") { id } }`,
  },
  postInternal: {
    doc: `mutation($id: ID!) { postOpinionDiscussionMessage(requestId: $id, audience: INTERNAL, body: "x") { id } }`,
  },
};

const OUTSIDERS: Persona[] = ['official', 'otherOfficer', 'otherExpert', 'guest'];

/**
 * What each party gets on a request IN_PROGRESS. Outsiders get NOT_FOUND from everything
 * (below); parties get FORBIDDEN only for acts not theirs, on a request they can read.
 */
const IN_PROGRESS: Record<
  'officer' | 'cityAdmin' | 'expert' | 'office',
  Record<string, Outcome>
> = {
  officer: {
    opinionRequest: 'OK',
    opinionDiscussionCity: 'OK',
    opinionDiscussionInternal: 'NOT_FOUND',
    opinionRequestAuditLog: 'FORBIDDEN',
    updateOpinionRequest: 'CONFLICT',
    submitOpinionRequest: 'CONFLICT',
    answerOpinionInformationRequest: 'CONFLICT',
    withdrawOpinionRequest: 'CONFLICT',
    requestOpinionInformation: 'FORBIDDEN',
    rejectOpinionRequest: 'FORBIDDEN',
    acceptOpinionRequest: 'FORBIDDEN',
    startOpinionWork: 'FORBIDDEN',
    deliverOpinion: 'FORBIDDEN',
    returnOpinionToExpert: 'FORBIDDEN',
    releaseOpinion: 'FORBIDDEN',
    publishOpinion: 'FORBIDDEN',
    postCity: 'OK',
    postInternal: 'NOT_FOUND',
  },
  cityAdmin: {
    opinionRequest: 'OK',
    opinionDiscussionCity: 'OK',
    opinionDiscussionInternal: 'NOT_FOUND',
    opinionRequestAuditLog: 'FORBIDDEN',
    updateOpinionRequest: 'FORBIDDEN',
    submitOpinionRequest: 'FORBIDDEN',
    answerOpinionInformationRequest: 'FORBIDDEN',
    withdrawOpinionRequest: 'FORBIDDEN',
    requestOpinionInformation: 'FORBIDDEN',
    rejectOpinionRequest: 'FORBIDDEN',
    acceptOpinionRequest: 'FORBIDDEN',
    startOpinionWork: 'FORBIDDEN',
    deliverOpinion: 'FORBIDDEN',
    returnOpinionToExpert: 'FORBIDDEN',
    releaseOpinion: 'FORBIDDEN',
    publishOpinion: 'FORBIDDEN',
    postCity: 'OK',
    postInternal: 'NOT_FOUND',
  },
  expert: {
    opinionRequest: 'OK',
    opinionDiscussionCity: 'OK',
    opinionDiscussionInternal: 'OK',
    opinionRequestAuditLog: 'FORBIDDEN',
    updateOpinionRequest: 'FORBIDDEN',
    submitOpinionRequest: 'FORBIDDEN',
    answerOpinionInformationRequest: 'FORBIDDEN',
    withdrawOpinionRequest: 'FORBIDDEN',
    requestOpinionInformation: 'FORBIDDEN',
    rejectOpinionRequest: 'FORBIDDEN',
    acceptOpinionRequest: 'FORBIDDEN',
    startOpinionWork: 'CONFLICT',
    deliverOpinion: 'BAD_USER_INPUT',
    returnOpinionToExpert: 'FORBIDDEN',
    releaseOpinion: 'FORBIDDEN',
    publishOpinion: 'FORBIDDEN',
    postCity: 'OK',
    postInternal: 'OK',
  },
  office: {
    opinionRequest: 'OK',
    opinionDiscussionCity: 'OK',
    opinionDiscussionInternal: 'OK',
    opinionRequestAuditLog: 'OK',
    updateOpinionRequest: 'FORBIDDEN',
    submitOpinionRequest: 'FORBIDDEN',
    answerOpinionInformationRequest: 'FORBIDDEN',
    withdrawOpinionRequest: 'FORBIDDEN',
    requestOpinionInformation: 'CONFLICT',
    rejectOpinionRequest: 'CONFLICT',
    acceptOpinionRequest: 'CONFLICT',
    startOpinionWork: 'FORBIDDEN',
    deliverOpinion: 'FORBIDDEN',
    returnOpinionToExpert: 'CONFLICT',
    releaseOpinion: 'CONFLICT',
    publishOpinion: 'CONFLICT',
    postCity: 'OK',
    postInternal: 'OK',
  },
};

describe('expert opinions: confidentiality, proven', () => {
  let t: TestApp;
  let close: () => Promise<void>;
  let cast: Cast;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ t, close } = await startOpinionApp());
    cast = await makeCast(t);
    for (const state of ['DRAFT', 'SUBMITTED', 'IN_PROGRESS', 'DELIVERED', 'RELEASED'] as const) {
      ids[state] = await requestIn(t, cast, state);
    }
  });
  afterAll(() => close());

  const run = async (user: TestUser, op: string, id: string): Promise<Outcome> => {
    const { doc, vars = {} } = OPERATIONS[op];
    const variables = JSON.parse(JSON.stringify(vars).replace('<expert>', cast.expert.id));
    const r = await t.gql(doc, { id, ...variables }, { token: user.token });
    return r.errors ? (code(r) as Outcome) : 'OK';
  };

  const state = async () =>
    t.db.query(
      `SELECT id, state, subject, updated_at,
              (SELECT count(*)::int FROM opinion_discussion_message m WHERE m.request_id = r.id) AS messages
       FROM opinion_request r ORDER BY id`,
    );

  it('answers NOT_FOUND to every operation of outsiders, in every state, and changes nothing', async () => {
    const before = await state();
    const answers: string[] = [];
    for (const persona of OUTSIDERS) {
      for (const [stateName, id] of Object.entries(ids)) {
        for (const op of Object.keys(OPERATIONS)) {
          const outcome = await run(cast[persona], op, id);
          if (outcome !== 'NOT_FOUND') answers.push(`${persona} ${op} ${stateName}: ${outcome}`);
        }
      }
    }
    expect(answers).toEqual([]);
    expect(await state()).toEqual(before);
    // …and the same for an id that does not exist, so nothing tells the two apart.
    expect(await run(cast.office, 'opinionRequest', randomId())).toBe('NOT_FOUND');
    expect(await run(cast.office, 'opinionRequest', 'not-an-id')).toBe('NOT_FOUND');
  });

  it('never lists a request to outsiders', async () => {
    for (const persona of OUTSIDERS) {
      const r = await t.gql(
        `{ opinionRequests(first: 100) { totalCount } }`,
        {},
        {
          token: cast[persona].token,
        },
      );
      expect([persona, data(r).opinionRequests.totalCount]).toEqual([persona, 0]);
    }
    const counts: Record<string, number> = {};
    for (const persona of ['officer', 'cityAdmin', 'expert', 'office'] as const) {
      const r = await t.gql(
        `{ opinionRequests(first: 100) { totalCount } }`,
        {},
        {
          token: cast[persona].token,
        },
      );
      counts[persona] = data(r).opinionRequests.totalCount;
    }
    // The city: all 5; the expert: from acceptance on (3); the office: all but the draft (4).
    expect(counts).toEqual({ officer: 5, cityAdmin: 5, expert: 3, office: 4 });
  });

  it('gives each party what its role allows on a request in progress', async () => {
    const answers: Record<string, Record<string, Outcome>> = {};
    for (const persona of Object.keys(IN_PROGRESS) as (keyof typeof IN_PROGRESS)[]) {
      answers[persona] = {};
      for (const op of Object.keys(OPERATIONS)) {
        answers[persona][op] = await run(cast[persona], op, ids['IN_PROGRESS']);
      }
    }
    expect(answers).toEqual(IN_PROGRESS);
    const [{ state: s }] = await t.db.query(`SELECT state FROM opinion_request WHERE id = $1`, [
      ids['IN_PROGRESS'],
    ]);
    expect(s).toBe('IN_PROGRESS');
  });

  it('lets each party read the request only from the state it concerns them', async () => {
    const read: Record<string, string[]> = {};
    for (const persona of ['officer', 'cityAdmin', 'expert', 'office'] as const) {
      read[persona] = [];
      for (const [s, id] of Object.entries(ids)) {
        if ((await run(cast[persona], 'opinionRequest', id)) === 'OK') read[persona].push(s);
      }
    }
    expect(read).toEqual({
      officer: ['DRAFT', 'SUBMITTED', 'IN_PROGRESS', 'DELIVERED', 'RELEASED'],
      cityAdmin: ['DRAFT', 'SUBMITTED', 'IN_PROGRESS', 'DELIVERED', 'RELEASED'],
      expert: ['IN_PROGRESS', 'DELIVERED', 'RELEASED'],
      office: ['SUBMITTED', 'IN_PROGRESS', 'DELIVERED', 'RELEASED'],
    });
    // The city sees the opinion only once released; never the fee.
    const officer = new OpinionClient(t, cast.officer);
    expect(data(await officer.get(ids['DELIVERED'])).opinionRequest).toMatchObject({
      summaryHtml: null,
      opinionDocumentId: null,
      feeGrosze: null,
    });
    expect(data(await officer.get(ids['RELEASED'])).opinionRequest.summaryHtml).toContain(
      'art. 59',
    );
  });

  it('writes an audit entry for every read of a confidential request, and none for refusals', async () => {
    const count = async (actor: string) =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM audit_entry WHERE actor_id = $1
           AND action LIKE 'opinion_request.%read' OR (actor_id = $1 AND action = 'opinion_request.list')`,
          [actor],
        )
      )[0].n;
    const before = await count(cast.expert.id);
    await run(cast.expert, 'opinionRequest', ids['DELIVERED']);
    await run(cast.expert, 'opinionDiscussionInternal', ids['DELIVERED']);
    expect(await count(cast.expert.id)).toBe(before + 2);
    const [entry] = await t.db.query(
      `SELECT action, entity_id, created_at FROM audit_entry WHERE actor_id = $1
       AND action = 'opinion_request.read' ORDER BY created_at DESC LIMIT 1`,
      [cast.expert.id],
    );
    expect(entry).toMatchObject({ action: 'opinion_request.read', entity_id: ids['DELIVERED'] });
    for (const persona of OUTSIDERS) expect(await count(cast[persona].id)).toBe(0);
  });

  it('serves the files of a request only to whom the request and its stage allow', async () => {
    const officer = new OpinionClient(t, cast.officer);
    const office = new OpinionClient(t, cast.office);
    const expert = new OpinionClient(t, cast.expert);
    const id = data(await officer.create()).createOpinionRequest.id;
    const attachment = (await upload(t, cast.officer, 'OPINION_REQUEST', id, 'uchwala.pdf'))
      .documentId!;
    data(
      await officer.act('updateOpinionRequest', id, {
        input: ['OpinionRequestInput!', { attachmentDocumentIds: [attachment] }],
      }),
    );
    data(await officer.act('submitOpinionRequest', id));
    data(
      await office.act('acceptOpinionRequest', id, {
        input: [
          'AcceptOpinionRequestInput!',
          { expertId: cast.expert.id, dueDate: day(5), feeGrosze: 1 },
        ],
      }),
    );
    data(await expert.act('startOpinionWork', id));
    const opinion = (await upload(t, cast.expert, 'OPINION', id)).documentId!;
    data(
      await expert.act('deliverOpinion', id, {
        input: ['DeliverOpinionInput!', { documentId: opinion, summary: 'Streszczenie.' }],
      }),
    );
    const everyone = Object.keys(cast) as Persona[];
    const statuses = async (documentId: string) =>
      Object.fromEntries(
        await Promise.all(
          everyone.map(async (p) => [p, await download(t, cast[p], documentId)] as const),
        ),
      );
    // Both office admins are the office.
    const ok = (...people: Persona[]) =>
      Object.fromEntries(
        everyone.map((p) => [
          p,
          people.includes(p) || (p === 'office2' && people.includes('office')) ? 200 : 404,
        ]),
      );

    const documentReads = async (since: Date) =>
      (
        await t.db.query(
          `SELECT actor_id FROM audit_entry WHERE action = 'opinion_request.documents.read'
           AND entity_id = $1 AND created_at >= $2`,
          [id, since],
        )
      ).map((r: { actor_id: string }) => r.actor_id);
    const [{ since }] = await t.db.query(`SELECT clock_timestamp() AS since`);
    // Delivered: the city does not have the opinion yet.
    expect(await statuses(attachment)).toEqual(ok('officer', 'cityAdmin', 'expert', 'office'));
    // Each party's download is an audited read of the request; refusals leave no entry.
    const readers = await documentReads(since);
    expect(new Set(readers)).toEqual(
      new Set([
        cast.officer.id,
        cast.cityAdmin.id,
        cast.expert.id,
        cast.office.id,
        cast.office2.id,
      ]),
    );
    expect(await statuses(opinion)).toEqual(ok('expert', 'office'));
    data(await office.act('releaseOpinion', id));
    expect(await statuses(opinion)).toEqual(ok('officer', 'cityAdmin', 'expert', 'office'));

    // Published redacted: members read the copy, never the original nor the attachments.
    const copy = (await upload(t, cast.office, 'OPINION_PUBLISHED', id, 'kopia.pdf')).documentId!;
    expect(await statuses(copy)).toEqual(ok('office'));
    data(
      await office.act('publishOpinion', id, {
        input: [
          'PublishOpinionInput!',
          { redacted: true, summary: 'Streszczenie bez danych.', redactedDocumentId: copy },
        ],
      }),
    );
    const members = ok(
      'officer',
      'official',
      'cityAdmin',
      'otherOfficer',
      'expert',
      'otherExpert',
      'office',
    );
    expect(await statuses(copy)).toEqual(members);
    expect(await statuses(opinion)).toEqual(ok('officer', 'cityAdmin', 'expert', 'office'));
    expect(await statuses(attachment)).toEqual(ok('officer', 'cityAdmin', 'expert', 'office'));
    // Listing through documents' GraphQL follows the same rule (NOT_FOUND, never FORBIDDEN).
    const listed: Record<string, string> = {};
    for (const p of everyone) {
      const r = await t.gql(
        `query($id: ID!) { documents(ownerKind: OPINION_REQUEST, ownerId: $id) { totalCount } }`,
        { id },
        { token: cast[p].token },
      );
      listed[p] = r.errors ? code(r)! : `OK ${data(r).documents.totalCount}`;
    }
    expect(listed).toEqual(
      Object.fromEntries(
        everyone.map((p) => [
          p,
          ['officer', 'cityAdmin', 'expert', 'office', 'office2'].includes(p)
            ? 'OK 1'
            : 'NOT_FOUND',
        ]),
      ),
    );
    // An unknown document answers the same as one the caller may not read.
    expect(await download(t, cast.office, randomId())).toBe(404);
  });

  it('opens the original opinion to members once published as is', async () => {
    const id = await requestIn(t, cast, 'PUBLISHED');
    const [{ opinion_document_id: opinion }] = await t.db.query(
      `SELECT opinion_document_id FROM opinion_request WHERE id = $1`,
      [id],
    );
    for (const p of ['official', 'otherOfficer', 'otherExpert'] as Persona[]) {
      expect([p, await download(t, cast[p], opinion)]).toEqual([p, 200]);
    }
    expect(await download(t, cast.guest, opinion)).toBe(404);
  });

  it('keeps the published library to members and never opens the request behind it', async () => {
    const id = await requestIn(t, cast, 'PUBLISHED');
    const library = `{ publishedOpinions { totalCount edges { node { id subject cityName } } } }`;
    const [{ published }] = await t.db.query(
      `SELECT count(*)::int AS published FROM published_opinion`,
    );
    for (const persona of [
      'officer',
      'official',
      'otherOfficer',
      'cityAdmin',
      'expert',
      'otherExpert',
      'office',
    ] as const) {
      const r = await t.gql(library, {}, { token: cast[persona].token });
      expect([persona, data(r).publishedOpinions.totalCount]).toEqual([persona, published]);
    }
    // The guest has no library; the other city still cannot open the request.
    expect(code(await t.gql(library, {}, { token: cast.guest.token }))).toBe('FORBIDDEN');
    for (const persona of OUTSIDERS) {
      expect([persona, await run(cast[persona], 'opinionRequest', id)]).toEqual([
        persona,
        'NOT_FOUND',
      ]);
    }
  });
});
