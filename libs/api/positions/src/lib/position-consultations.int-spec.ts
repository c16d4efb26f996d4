import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MembershipStatus, Role } from '@civitas/shared/domain';
import { PersonalDataRegistry } from '@civitas/api/personal-data';
import { errorCode, GqlResponse, TestApp, TestUser } from '@civitas/api/testing';
import { PositionsModule } from './positions.module';

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

const CONSULTATION = `id title draftHtml actTitle actReference closesAt closedEarlyAt status
  commentCount cityCount viewerHasCommented viewerMayComment viewerMaySeeComments
  adoptedPosition { id title adoptedOn }
  comments(first: 50) { totalCount edges { node { id bodyHtml viewerMayEdit author { name cityName } } } }`;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('position consultations', () => {
  let t: TestApp;
  let dir: string;
  let office: TestUser;
  let lodzOfficial: TestUser;
  let lodzAdmin: TestUser;
  let poznanOfficial: TestUser;
  let krakowOfficial: TestUser;
  let candidateAdmin: TestUser;
  let guest: TestUser;
  let expert: TestUser;

  const as = (u: TestUser, query: string, variables: Record<string, unknown> = {}) =>
    t.gql(query, variables, { token: u.token });
  const get = (u: TestUser, id: string) =>
    as(u, `query($id: ID!) { positionConsultation(id: $id) { ${CONSULTATION} } }`, { id });
  const open = (input: Record<string, unknown>, u: TestUser = office) =>
    as(
      u,
      `mutation($input: OpenPositionConsultationInput!) { openPositionConsultation(input: $input) { ${CONSULTATION} } }`,
      { input },
    );
  const openOne = async (title = 'Projekt stanowiska w sprawie dochodów JST') =>
    data(
      await open({
        title,
        draftMarkdown: 'Zarząd **postuluje** zwiększenie udziału gmin w PIT.',
        actTitle: 'Projekt ustawy o zmianie ustawy o dochodach JST',
        actReference: 'UD45',
        closesAt: inDays(7),
      }),
    ).openPositionConsultation;
  const comment = (u: TestUser, consultationId: string, bodyMarkdown: string) =>
    as(
      u,
      `mutation($id: ID!, $input: ConsultationCommentInput!) { addConsultationComment(consultationId: $id, input: $input) { id bodyHtml viewerMayEdit author { name cityName } } }`,
      { id: consultationId, input: { bodyMarkdown } },
    );
  const editComment = (u: TestUser, id: string, bodyMarkdown: string) =>
    as(
      u,
      `mutation($id: ID!, $input: ConsultationCommentInput!) { updateConsultationComment(id: $id, input: $input) { id bodyHtml } }`,
      { id, input: { bodyMarkdown } },
    );
  const deleteComment = (u: TestUser, id: string) =>
    as(u, `mutation($id: ID!) { deleteConsultationComment(id: $id) { id commentCount } }`, { id });
  const adopt = (id: string, input: Record<string, unknown>) =>
    as(
      office,
      `mutation($id: ID!, $input: PositionStatementInput!) { adoptPositionConsultation(id: $id, input: $input) {
         id title consultationId consultation { id commentCount cityCount closedAt } } }`,
      { id, input },
    );
  const snapshot = async () =>
    (
      await t.db.query(
        `SELECT (SELECT json_agg(json_build_object('id', id, 'b', body_markdown) ORDER BY id) FROM position_consultation_comment) AS comments,
          (SELECT json_agg(json_build_object('id', id, 'c', closes_at) ORDER BY id) FROM position_consultation) AS consultations`,
      )
    )[0];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civitas-consultations-'));
    t = await TestApp.start([PositionsModule], { DOCUMENTS_DIR: dir });
    const lodz = await t.makeCity(LODZ);
    const poznan = await t.makeCity(POZNAN);
    const krakow = await t.makeCity(KRAKOW);
    const candidate = await t.makeCity(CANDIDATE_TOWN, MembershipStatus.CANDIDATE);
    const guestTown = await t.makeCity(GUEST_TOWN, MembershipStatus.NON_MEMBER);
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
    lodzOfficial = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      name: 'Ewa Łódzka',
    });
    lodzAdmin = await t.makeUser({ role: Role.CITY_ADMIN, organisationId: lodz });
    poznanOfficial = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: poznan });
    krakowOfficial = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: krakow });
    candidateAdmin = await t.makeUser({ role: Role.CITY_ADMIN, organisationId: candidate });
    guest = await t.makeUser({ role: Role.GUEST, organisationId: guestTown });
    expert = await t.makeUser({ role: Role.EXPERT });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the office opens a consultation; member city officials read it, nobody else does', async () => {
    const c = await openOne();
    expect(c).toMatchObject({
      status: 'OPEN',
      commentCount: 0,
      viewerMayComment: false,
      viewerMaySeeComments: true,
    });
    expect(c.draftHtml).toContain('<strong>postuluje</strong>');
    const seen = data(await get(lodzOfficial, c.id)).positionConsultation;
    expect(seen).toMatchObject({
      viewerMayComment: true,
      viewerMaySeeComments: false,
      comments: null,
    });
    for (const u of [candidateAdmin, guest, expert]) {
      expect(code(await get(u, c.id))).toBe('NOT_FOUND');
      const list = data(
        await as(u, `{ positionConsultations { totalCount edges { node { id } } } }`),
      );
      expect(list.positionConsultations.totalCount).toBe(0);
    }
    const list = data(
      await as(
        lodzOfficial,
        `{ positionConsultations(status: OPEN) { totalCount edges { node { id } } } }`,
      ),
    );
    expect(list.positionConsultations.edges.map((e: any) => e.node.id)).toContain(c.id);
  });

  it('refuses a closing time in the past and anyone but the office opening, changing nothing', async () => {
    const before = await snapshot();
    const input = { title: 'X', actTitle: 'Y', closesAt: inDays(-1) };
    expect(code(await open(input))).toBe('BAD_USER_INPUT');
    expect(code(await open({ ...input, closesAt: 'jutro' }))).toBe('BAD_USER_INPUT');
    expect(code(await open({ ...input, closesAt: inDays(3), actTitle: ' ' }))).toBe(
      'BAD_USER_INPUT',
    );
    for (const u of [lodzAdmin, expert, guest]) {
      expect(code(await open({ ...input, closesAt: inDays(3) }, u))).toBe('FORBIDDEN');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('comments: only member city officials, seen by the office and other commenters only', async () => {
    const c = await openOne('Projekt stanowiska o subwencji oświatowej');
    const first = data(
      await comment(lodzOfficial, c.id, 'Łódź popiera, ale *prosi* o okres przejściowy.'),
    ).addConsultationComment;
    expect(first).toMatchObject({ viewerMayEdit: true, author: { name: 'Ewa Łódzka' } });
    expect(first.bodyHtml).toContain('<em>prosi</em>');
    data(await comment(lodzAdmin, c.id, 'Uzupełnienie z Łodzi.'));
    // A member who has not commented sees the counts, not the comments.
    const poznan = data(await get(poznanOfficial, c.id)).positionConsultation;
    expect(poznan).toMatchObject({
      commentCount: 2,
      cityCount: 1,
      comments: null,
      viewerMaySeeComments: false,
    });
    // Once they comment, they see the others'.
    data(await comment(poznanOfficial, c.id, 'Poznań: bez uwag.'));
    const after = data(await get(poznanOfficial, c.id)).positionConsultation;
    expect(after).toMatchObject({ commentCount: 3, cityCount: 2, viewerHasCommented: true });
    expect(after.comments.edges.map((e: any) => e.node.viewerMayEdit)).toEqual([
      false,
      false,
      true,
    ]);
    const byOffice = data(await get(office, c.id)).positionConsultation;
    expect(byOffice.comments.totalCount).toBe(3);
    // The office reads but does not comment; others get NOT_FOUND.
    expect(code(await comment(office, c.id, 'Biuro'))).toBe('FORBIDDEN');
    for (const u of [candidateAdmin, guest, expert]) {
      expect(code(await comment(u, c.id, 'Ja też'))).toMatch(/NOT_FOUND|FORBIDDEN/);
    }
    expect(code(await comment(guest, c.id, 'Ja też'))).toBe('FORBIDDEN'); // no position:comment
    expect(code(await comment(candidateAdmin, c.id, 'Ja też'))).toBe('NOT_FOUND');
    expect(code(await comment(lodzOfficial, c.id, '   '))).toBe('BAD_USER_INPUT');
    expect(code(await comment(lodzOfficial, c.id, 'x'.repeat(10001)))).toBe('BAD_USER_INPUT');
    expect(code(await comment(lodzOfficial, '00000000-0000-4000-8000-000000000000', 'x'))).toBe(
      'NOT_FOUND',
    );
  });

  it('a commenter edits and deletes only their own comment, only while open', async () => {
    const c = await openOne('Projekt stanowiska o planowaniu przestrzennym');
    const mine = data(await comment(lodzOfficial, c.id, 'Pierwsza wersja')).addConsultationComment;
    expect(
      data(await editComment(lodzOfficial, mine.id, 'Druga **wersja**')).updateConsultationComment
        .bodyHtml,
    ).toContain('<strong>wersja</strong>');
    const before = await snapshot();
    // Kraków has not commented: it may not see the comment at all.
    expect(code(await editComment(krakowOfficial, mine.id, 'cudza'))).toBe('NOT_FOUND');
    expect(code(await deleteComment(krakowOfficial, mine.id))).toBe('NOT_FOUND');
    // Poznań commented, so it sees the comment, but it is not theirs.
    const theirs = data(await comment(poznanOfficial, c.id, 'Poznań')).addConsultationComment;
    const mid = await snapshot();
    expect(code(await editComment(poznanOfficial, mine.id, 'cudza'))).toBe('FORBIDDEN');
    expect(code(await deleteComment(poznanOfficial, mine.id))).toBe('FORBIDDEN');
    expect(code(await editComment(office, mine.id, 'biuro'))).toBe('FORBIDDEN');
    expect(code(await editComment(guest, mine.id, 'gość'))).toBe('FORBIDDEN');
    expect(code(await editComment(expert, mine.id, 'ekspert'))).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(mid);
    expect(before.comments.length + 1).toBe(mid.comments.length);
    expect(
      data(await deleteComment(poznanOfficial, theirs.id)).deleteConsultationComment.commentCount,
    ).toBe(1);

    // After the closing time: CONFLICT, nothing changed.
    await t.db.query(
      `UPDATE position_consultation SET closes_at = now() - interval '1 minute' WHERE id = $1`,
      [c.id],
    );
    const closed = await snapshot();
    expect(data(await get(lodzOfficial, c.id)).positionConsultation).toMatchObject({
      status: 'CLOSED',
      viewerMayComment: false,
    });
    const late = await comment(poznanOfficial, c.id, 'Spóźniony');
    expect(code(late)).toBe('CONFLICT');
    expect(late.errors![0].message).toMatch(/consultation is closed/);
    expect(code(await editComment(lodzOfficial, mine.id, 'Za późno'))).toBe('CONFLICT');
    expect(code(await deleteComment(lodzOfficial, mine.id))).toBe('CONFLICT');
    expect(await snapshot()).toEqual(closed);
  });

  it('the office closes early, extends (reopening), and refuses what makes no sense', async () => {
    const c = await openOne('Projekt stanowiska o Kodeksie wyborczym');
    const close = (id: string, u: TestUser = office) =>
      as(
        u,
        `mutation($id: ID!) { closePositionConsultation(id: $id) { status closesAt closedEarlyAt } }`,
        { id },
      );
    const extend = (id: string, closesAt: string, u: TestUser = office) =>
      as(
        u,
        `mutation($id: ID!, $at: DateTime!) { extendPositionConsultation(id: $id, closesAt: $at) { status closesAt closedEarlyAt } }`,
        { id, at: closesAt },
      );
    expect(code(await close(c.id, lodzAdmin))).toBe('FORBIDDEN');
    const closed = data(await close(c.id)).closePositionConsultation;
    expect(closed.status).toBe('CLOSED');
    expect(closed.closedEarlyAt).not.toBeNull();
    expect(code(await close(c.id))).toBe('CONFLICT');
    expect(code(await comment(lodzOfficial, c.id, 'Po zamknięciu'))).toBe('CONFLICT');
    expect(code(await extend(c.id, inDays(-2)))).toBe('BAD_USER_INPUT');
    const reopened = data(await extend(c.id, inDays(14))).extendPositionConsultation;
    expect(reopened).toMatchObject({ status: 'OPEN', closedEarlyAt: null });
    data(await comment(lodzOfficial, c.id, 'Teraz można'));
    expect(code(await extend('00000000-0000-4000-8000-000000000000', inDays(3)))).toBe('NOT_FOUND');
  });

  it('adopting creates the position linked to its consultation, once', async () => {
    const c = await openOne('Projekt stanowiska w sprawie ustawy o dochodach JST 2024');
    data(await comment(lodzOfficial, c.id, 'Łódź: popieramy.'));
    data(await comment(poznanOfficial, c.id, 'Poznań: z uwagami.'));
    data(await comment(lodzAdmin, c.id, 'Łódź: jeszcze jedno.'));
    const input = {
      type: 'POSITION',
      title: 'Stanowisko Zarządu ZMP w sprawie ustawy o dochodach JST',
      adoptedOn: '2024-09-18',
      actTitle: 'Projekt ustawy o dochodach jednostek samorządu terytorialnego',
      actReference: 'druk nr 609',
    };
    expect(code(await adopt(c.id, { ...input, adoptedOn: '2024-13-01' }))).toBe('BAD_USER_INPUT');
    expect(data(await get(office, c.id)).positionConsultation.status).toBe('OPEN');
    const position = data(await adopt(c.id, input)).adoptPositionConsultation;
    expect(position).toMatchObject({
      consultationId: c.id,
      consultation: { commentCount: 3, cityCount: 2 },
    });
    const after = data(await get(lodzOfficial, c.id)).positionConsultation;
    expect(after).toMatchObject({
      status: 'ADOPTED',
      adoptedPosition: { id: position.id, adoptedOn: '2024-09-18' },
    });
    expect(code(await adopt(c.id, input))).toBe('CONFLICT');
    expect(
      code(
        await as(
          office,
          `mutation($id: ID!, $at: DateTime!) { extendPositionConsultation(id: $id, closesAt: $at) { id } }`,
          {
            id: c.id,
            at: inDays(3),
          },
        ),
      ),
    ).toBe('CONFLICT');
    // Readers who may not read consultations see the position, not its consultation.
    const byGuest = data(
      await as(
        guest,
        `query($id: ID!) { positionStatement(id: $id) { title consultation { id } } }`,
        { id: position.id },
      ),
    ).positionStatement;
    expect(byGuest).toEqual({ title: input.title, consultation: null });
    // It is found in the library.
    const found = data(
      await as(
        lodzOfficial,
        `{ searchPositionStatements(query: "dochodach JST") { edges { node { id } } } }`,
      ),
    ).searchPositionStatements.edges.map((e: any) => e.node.id);
    expect(found).toContain(position.id);
  });

  it('deleting an adopted position keeps its consultation and the comments: CLOSED again, it may be adopted anew', async () => {
    const c = await openOne('Projekt stanowiska do ponownego przyjęcia');
    data(await comment(lodzOfficial, c.id, 'Łódź: popieramy.'));
    const input = { type: 'POSITION', title: 'Stanowisko z błędem', adoptedOn: '2025-03-04' };
    const position = data(await adopt(c.id, input)).adoptPositionConsultation;
    const before = await snapshot();
    data(
      await as(office, `mutation($id: ID!) { deletePositionStatement(id: $id) }`, {
        id: position.id,
      }),
    );
    expect(await snapshot()).toEqual(before);
    expect(data(await get(office, c.id)).positionConsultation).toMatchObject({
      status: 'CLOSED',
      adoptedPosition: null,
      commentCount: 1,
    });
    const again = data(
      await adopt(c.id, { ...input, title: 'Stanowisko poprawione' }),
    ).adoptPositionConsultation;
    expect(again).toMatchObject({ consultationId: c.id, consultation: { commentCount: 1 } });
  });

  it('the draft document is read by those who read the consultation and added by the office', async () => {
    const c = await openOne('Projekt z załącznikiem');
    const upload = async (u: TestUser) => {
      const q = new URLSearchParams({
        ownerKind: 'POSITION_CONSULTATION',
        ownerId: c.id,
        name: 'projekt.txt',
      });
      const res = await fetch(`${t.url}/api/documents?${q}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${u.token}`, 'content-type': 'application/octet-stream' },
        body: 'Projekt stanowiska',
      });
      return { status: res.status, json: (await res.json()) as { documentId?: string } };
    };
    expect((await upload(lodzAdmin)).status).toBe(403);
    expect((await upload(guest)).status).toBe(404);
    const ok = await upload(office);
    expect(ok.status).toBe(201);
    const status = async (u: TestUser) =>
      (
        await fetch(`${t.url}/api/documents/${ok.json.documentId}/content`, {
          headers: { authorization: `Bearer ${u.token}` },
        })
      ).status;
    expect(await status(poznanOfficial)).toBe(200);
    expect(await status(guest)).toBe(404);
    expect(await status(expert)).toBe(404);
  });

  it('personal data: exports a person’s comments; erasure keeps them for the consultation', async () => {
    const c = await openOne('Projekt do eksportu');
    data(await comment(krakowOfficial, c.id, 'Kraków: uwaga do art. 5.'));
    const contributor = t.app
      .get(PersonalDataRegistry)
      .all()
      .find((x) => x.section === 'positions')!;
    const exported = (await contributor.export(krakowOfficial.id, t.db.manager)).data as any;
    expect(exported.consultationComments).toEqual([
      expect.objectContaining({
        consultationTitle: 'Projekt do eksportu',
        bodyMarkdown: 'Kraków: uwaga do art. 5.',
      }),
    ]);
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    const byOffice = (await contributor.export(office.id, t.db.manager)).data as any;
    expect(byOffice.consultationsOpened.length).toBeGreaterThan(0);
    const before = await snapshot();
    await t.db.transaction((tx) => contributor.erase(krakowOfficial.id, tx));
    expect(await snapshot()).toEqual(before);
    expect(data(await get(office, c.id)).positionConsultation.commentCount).toBe(1);
  });

  it('pages a consultation’s comments by cursor, with no duplicates or gaps, for those who may see them', async () => {
    const c = await openOne('Projekt stanowiska o transporcie zbiorowym');
    for (let i = 0; i < 5; i++) data(await comment(lodzOfficial, c.id, `Łódź ${i}`));
    data(await comment(poznanOfficial, c.id, 'Poznań 0'));
    data(await comment(lodzAdmin, c.id, 'Łódź admin'));
    // Two comments written in the same instant: the id breaks the tie.
    await t.db.query(
      `UPDATE position_consultation_comment SET created_at = (
         SELECT min(created_at) FROM position_consultation_comment WHERE consultation_id = $1)
       WHERE id IN (SELECT id FROM position_consultation_comment WHERE consultation_id = $1
                    ORDER BY created_at DESC LIMIT 2)`,
      [c.id],
    );
    const expected = (
      await t.db.query(
        `SELECT id FROM position_consultation_comment WHERE consultation_id = $1 ORDER BY created_at, id`,
        [c.id],
      )
    ).map((r: { id: string }) => r.id);
    const page = (u: TestUser, id: string, first: number, after?: string) =>
      as(
        u,
        `query($id: ID!, $first: Int!, $after: String) { positionConsultation(id: $id) { commentCount comments(first: $first, after: $after) {
           totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } }`,
        { id, first, after },
      );
    for (const u of [office, poznanOfficial]) {
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      for (;;) {
        const comments = data(await page(u, c.id, 3, after)).positionConsultation.comments;
        expect(comments.totalCount).toBe(7);
        seen.push(...comments.edges.map((e: any) => e.node.id));
        pages++;
        if (!comments.pageInfo.hasNextPage || pages > 5) break;
        after = comments.pageInfo.endCursor;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(expected);
    }
    const firstPage = data(await page(office, c.id, 3)).positionConsultation.comments;
    const cursor = firstPage.pageInfo.endCursor;
    // Kraków has not commented: the counts, never the comments, whatever the cursor.
    expect(data(await page(krakowOfficial, c.id, 3, cursor)).positionConsultation).toEqual({
      commentCount: 7,
      comments: null,
    });
    expect(code(await page(guest, c.id, 3, cursor))).toBe('NOT_FOUND');
    // Another consultation's cursor, forged ones and page sizes out of range: BAD_USER_INPUT.
    const other = await openOne('Projekt stanowiska o innym akcie');
    data(await comment(lodzOfficial, other.id, 'Inna konsultacja'));
    const otherCursor = data(await page(lodzOfficial, other.id, 1)).positionConsultation.comments
      .edges[0].cursor;
    const forge = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const [, at, last] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    for (const bad of [
      otherCursor,
      'bad',
      forge([at, last]),
      forge([c.id, 'wczoraj', last]),
      forge([c.id, at, 'nie-uuid']),
      forge([c.id, '294277-01-01', last]),
      forge([other.id, at, last]),
    ]) {
      const r = await page(office, c.id, 3, bad);
      expect([bad, code(r)]).toEqual([bad, 'BAD_USER_INPUT']);
    }
    // A well-formed position after the last comment is not refused: it is an empty page.
    const beyond = data(await page(office, c.id, 3, forge([c.id, '2999-01-01', last])))
      .positionConsultation.comments;
    expect(beyond).toMatchObject({ edges: [], pageInfo: { hasNextPage: false } });
    expect(code(await page(office, c.id, 101))).toBe('BAD_USER_INPUT');
    expect(code(await page(office, c.id, 0))).toBe('BAD_USER_INPUT');
    expect(data(await page(office, c.id, 100)).positionConsultation.comments.edges).toHaveLength(7);
  });

  it('lists consultations in the same few statements for 2 or 20', async () => {
    for (let i = 0; i < 4; i++) await openOne(`Lista ${i}`);
    const page = async (u: TestUser, first: number) => {
      t.queries.reset();
      const r = await as(
        u,
        `query($first: Int!) { positionConsultations(first: $first) { totalCount pageInfo { endCursor } edges { node {
          id status commentCount cityCount viewerMayComment adoptedPosition { id } comments(first: 5) { totalCount edges { node { author { name } } } } } } } }`,
        { first },
      );
      expect(data(r).positionConsultations.edges.length).toBeGreaterThanOrEqual(2);
      return t.queries.statements.slice();
    };
    // The office sees every consultation's comments: the account check, rows, total, comments.
    expect((await page(office, 2)).length).toBe(4);
    expect((await page(office, 20)).length).toBe(4);
    // An official: their city's membership too; comments only where they commented.
    expect((await page(lodzOfficial, 20)).length).toBe(5);
    const next = await as(
      lodzOfficial,
      `query($after: String) { positionConsultations(first: 2, after: $after) { edges { node { id } } } }`,
      {
        after: 'bad',
      },
    );
    expect(code(next)).toBe('BAD_USER_INPUT');
  });

  it('pages consultations by cursor without loss or repeat when several were opened in the same millisecond', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await openOne(`Ta sama milisekunda ${i}`)).id);
    // Microseconds apart within one millisecond, and two at the very same instant.
    await t.db.query(
      `UPDATE position_consultation SET opened_at = '2030-01-02 10:00:00.123000+00'::timestamptz
         + make_interval(secs => (array[0.000100, 0.000200, 0.000300, 0.000300, 0.000900])[o.n] )
       FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) WHERE position_consultation.id = o.id`,
      [ids],
    );
    const expected = (
      await t.db.query(`SELECT id FROM position_consultation ORDER BY opened_at DESC, id DESC`)
    ).map((r: { id: string }) => r.id);
    expect(expected.slice(0, 5).sort()).toEqual([...ids].sort());
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const list: any = data(
        await as(
          office,
          `query($after: String) { positionConsultations(first: 2, after: $after) {
             totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
          { after },
        ),
      ).positionConsultations;
      expect(list.totalCount).toBe(expected.length);
      seen.push(...list.edges.map((e: any) => e.node.id));
      if (!list.pageInfo.hasNextPage) break;
      after = list.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });
});
