import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MembershipStatus, Role } from '@civitas/shared/domain';
import { StorageDriver } from '@civitas/api/documents';
import {
  afterStorageWrite,
  errorCode,
  filesUnder,
  GqlResponse,
  TestApp,
  TestUser,
} from '@civitas/api/testing';
import { PositionsModule } from './positions.module';

const LODZ = '1061011';
const GUEST_TOWN = '0201011';

function data<T = any>(r: GqlResponse): T {
  if (r.errors) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

const FIELDS = `id type title adoptedOn actTitle actReference summaryMarkdown summaryHtml consultationId`;

describe('position statements: the library', () => {
  let t: TestApp;
  let dir: string;
  let office: TestUser;
  let official: TestUser;
  let guest: TestUser;
  let expert: TestUser;

  const as = (u: TestUser, query: string, variables: Record<string, unknown> = {}) =>
    t.gql(query, variables, { token: u.token });
  const create = (u: TestUser, input: Record<string, unknown>) =>
    as(
      u,
      `mutation($input: PositionStatementInput!) { createPositionStatement(input: $input) { ${FIELDS} } }`,
      { input },
    );
  const search = (u: TestUser, args: Record<string, unknown>) =>
    as(
      u,
      `query($query: String, $filter: PositionSearchFilter, $first: Int, $after: String) {
        searchPositionStatements(query: $query, filter: $filter, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor }
          edges { cursor highlight { title snippet } node { id title type adoptedOn } }
          facets { types { value count selected } years { value count selected } } } }`,
      args,
    );
  const titles = (r: GqlResponse) =>
    data(r).searchPositionStatements.edges.map((e: { node: { title: string } }) => e.node.title);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civitas-positions-'));
    t = await TestApp.start([PositionsModule], { DOCUMENTS_DIR: dir });
    const lodz = await t.makeCity(LODZ);
    const guestTown = await t.makeCity(GUEST_TOWN, MembershipStatus.NON_MEMBER);
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
    official = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: lodz });
    guest = await t.makeUser({ role: Role.GUEST, organisationId: guestTown });
    expert = await t.makeUser({ role: Role.EXPERT });
    const entries: Record<string, unknown>[] = [
      {
        type: 'POSITION',
        title:
          'Stanowisko Zarządu ZMP w sprawie projektu ustawy o dochodach jednostek samorządu terytorialnego',
        adoptedOn: '2024-06-12',
        actTitle: 'Projekt ustawy o dochodach jednostek samorządu terytorialnego',
        actReference: 'druk sejmowy nr 609',
        summaryMarkdown: 'Zarząd popiera **udział w podatkach** jako podstawę dochodów gmin.',
      },
      {
        type: 'POSITION',
        title: 'Stanowisko w sprawie reformy planowania przestrzennego',
        adoptedOn: '2023-03-08',
        actTitle: 'Ustawa o planowaniu i zagospodarowaniu przestrzennym',
        actReference: 'UD369',
        summaryMarkdown: 'Plan ogólny gminy wymaga czasu i pieniędzy na przygotowanie.',
      },
      {
        type: 'RESOLUTION',
        title: 'Uchwała w sprawie subwencji oświatowej',
        adoptedOn: '2024-11-20',
        actTitle: 'Rozporządzenie w sprawie podziału części oświatowej subwencji',
        summaryMarkdown: 'Subwencja nie pokrywa wynagrodzeń nauczycieli w szkołach.',
      },
      {
        type: 'INVITATION',
        title: 'Zaproszenie na spotkanie informacyjne 25 stycznia 2023 r.',
        adoptedOn: '2023-01-10',
        summaryMarkdown: 'Spotkanie dla miast spoza Związku.',
      },
    ];
    for (const input of entries) data(await create(office, input));
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the office records a position; the summary is sanitised Markdown; everyone signed in reads it', async () => {
    const created = data(
      await create(office, {
        type: 'PROGRAMME',
        title: 'Program Forum Rozwoju Lokalnego',
        adoptedOn: '2025-05-05',
        actTitle: '  ',
        summaryMarkdown:
          'Program <script>alert(1)</script> [link](javascript:alert(1)) **dzień 1**',
      }),
    ).createPositionStatement;
    expect(created.summaryHtml).toContain('<strong>dzień 1</strong>');
    expect(created.summaryHtml).not.toContain('<script');
    expect(created.summaryHtml).not.toContain('href="javascript');
    expect(created.actTitle).toBeNull();
    for (const u of [official, guest, expert]) {
      const r = await as(u, `query($id: ID!) { positionStatement(id: $id) { ${FIELDS} } }`, {
        id: created.id,
      });
      expect(data(r).positionStatement.title).toBe('Program Forum Rozwoju Lokalnego');
    }
    const updated = data(
      await as(
        office,
        `mutation($id: ID!, $input: UpdatePositionStatementInput!) { updatePositionStatement(id: $id, input: $input) { ${FIELDS} } }`,
        { id: created.id, input: { actReference: 'FRL-32', summaryMarkdown: null } },
      ),
    ).updatePositionStatement;
    expect(updated).toMatchObject({
      actReference: 'FRL-32',
      summaryMarkdown: '',
      title: created.title,
    });
  });

  it('refuses writes by anyone but the office, bad dates and unknown ids, changing nothing', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM position_statement`))[0].n;
    const input = { type: 'POSITION', title: 'X', adoptedOn: '2025-01-01' };
    for (const u of [official, guest, expert])
      expect(errorCode(await create(u, input))).toBe('FORBIDDEN');
    expect(errorCode(await create(office, { ...input, adoptedOn: '2025-02-30' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await create(office, { ...input, adoptedOn: '1200-01-01' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await create(office, { ...input, title: '   ' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await create(office, { ...input, type: 'MEMO' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await create(office, { ...input, title: 'x'.repeat(301) }))).toBe(
      'BAD_USER_INPUT',
    );
    expect((await t.db.query(`SELECT count(*)::int AS n FROM position_statement`))[0].n).toBe(
      before,
    );
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const r = await as(official, `query($id: ID!) { positionStatement(id: $id) { id } }`, { id });
      expect(errorCode(r)).toBe('NOT_FOUND');
    }
  });

  it('finds Polish forms without diacritics, ranks title matches first and highlights', async () => {
    const r = await search(official, { query: 'dochodow samorzadu' });
    expect(titles(r)[0]).toMatch(/o dochodach jednostek samorządu/);
    const edge = data(r).searchPositionStatements.edges[0];
    expect(edge.highlight.title).toContain('<mark>');
    // The reference (weight B) and the summary (C) are searched too.
    expect(titles(await search(official, { query: 'UD369' }))).toEqual([
      'Stanowisko w sprawie reformy planowania przestrzennego',
    ]);
    expect(titles(await search(guest, { query: 'nauczycieli' }))).toEqual([
      'Uchwała w sprawie subwencji oświatowej',
    ]);
  });

  it('filters by type and year with facet counts in the same answer', async () => {
    const all = data(await search(official, {})).searchPositionStatements;
    expect(all.totalCount).toBe(5);
    // Newest first without words.
    expect(all.edges[0].node.adoptedOn).toBe('2025-05-05');
    const r = data(
      await search(official, { filter: { types: ['POSITION'], years: [2024] } }),
    ).searchPositionStatements;
    expect(r.totalCount).toBe(1);
    // Each facet is counted with the other's filter only.
    expect(r.facets.types).toEqual([
      { value: 'POSITION', count: 1, selected: true },
      { value: 'RESOLUTION', count: 1, selected: false },
    ]);
    expect(r.facets.years).toEqual([
      { value: '2024', count: 1, selected: true },
      { value: '2023', count: 1, selected: false },
    ]);
  });

  it('pages by cursor, refuses a cursor of another search and a page over the maximum', async () => {
    const first = data(await search(official, { first: 2 })).searchPositionStatements;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = data(
      await search(official, { first: 2, after: first.pageInfo.endCursor }),
    ).searchPositionStatements;
    const seen = [...first.edges, ...next.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(new Set(seen).size).toBe(4);
    expect(
      errorCode(await search(official, { query: 'stanowisko', after: first.pageInfo.endCursor })),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await search(official, { after: 'garbage' }))).toBe('BAD_USER_INPUT');
    const forged = Buffer.from(JSON.stringify(['x', '2024-01-01', 'y'])).toString('base64url');
    expect(errorCode(await search(official, { after: forged }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await search(official, { first: 51 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await search(official, { first: 0 }))).toBe('BAD_USER_INPUT');
  });

  it('answers bad queries with BAD_USER_INPUT or empty results, never a server error', async () => {
    expect(errorCode(await search(official, { query: 'a'.repeat(201) }))).toBe('BAD_USER_INPUT');
    for (const query of ['!!!', '&|!():*', '""', ' - ', 'or', '<->']) {
      const r = await search(official, { query });
      expect([undefined, 'BAD_USER_INPUT']).toContain(errorCode(r));
    }
    expect(errorCode(await search(official, { filter: { types: ['MEMO'] } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await search(official, { filter: { years: [1200] } }))).toBe('BAD_USER_INPUT');
    expect(data(await search(official, { query: '   ' })).searchPositionStatements.totalCount).toBe(
      5,
    );
    expect(
      data(await search(official, { query: 'zzzyxq' })).searchPositionStatements.totalCount,
    ).toBe(0);

    // A seeded PRNG (mulberry32): the same strings on every run.
    let seed = 0x9051;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    const alphabet = [
      ...'&|!():*<>-"\'\\/%_ \t\n\u0000\u0007\u200b\ud800ąćęłńóśźżabcxyz0123456789',
      ' or ',
      ' and ',
      ' not ',
      '<->',
      '<2>',
      ' - ',
      '""',
      'ustawa',
      'dochody',
      '🙂',
      'ß',
    ];
    const codes = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const length = Math.floor(random() * (i % 10 === 0 ? 230 : 30));
      let query = '';
      for (let j = 0; j < length; j++) query += alphabet[Math.floor(random() * alphabet.length)];
      const r = await search(official, { query, first: 5 });
      expect(r.status).toBe(200);
      const code = r.errors ? errorCode(r)! : 'OK';
      if (code !== 'OK' && code !== 'BAD_USER_INPUT') {
        throw new Error(`${JSON.stringify(query)} answered ${JSON.stringify(r.errors)}`);
      }
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    expect(codes.get('OK')).toBeGreaterThan(100);
  });

  it('costs the same statements for a page of 2 or of 20 positions', async () => {
    const page = async (first: number) => {
      t.queries.reset();
      const r = await search(official, { first });
      data(r);
      const withConsultation = await as(
        office,
        `query($first: Int) { searchPositionStatements(first: $first) { edges { node { id consultation { commentCount } } } } }`,
        { first },
      );
      data(withConsultation);
      return t.queries.statements.slice();
    };
    const small = await page(2);
    const large = await page(20);
    expect(large.length).toBe(small.length);
    expect(large.length).toBeLessThanOrEqual(4);
  });

  it('position documents: the office uploads, every reader downloads, others may not upload', async () => {
    const [{ id }] = await t.db.query(`SELECT id FROM position_statement LIMIT 1`);
    const upload = async (u: TestUser) => {
      const q = new URLSearchParams({
        ownerKind: 'POSITION_STATEMENT',
        ownerId: id,
        name: 'stanowisko.txt',
      });
      const res = await fetch(`${t.url}/api/documents?${q}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${u.token}`, 'content-type': 'application/octet-stream' },
        body: 'Stanowisko Zarządu',
      });
      return { status: res.status, json: (await res.json()) as { documentId?: string } };
    };
    expect((await upload(official)).status).toBe(403);
    const ok = await upload(office);
    expect(ok.status).toBe(201);
    for (const u of [official, guest, expert]) {
      const res = await fetch(`${t.url}/api/documents/${ok.json.documentId}/content`, {
        headers: { authorization: `Bearer ${u.token}` },
      });
      expect(await res.text()).toBe('Stanowisko Zarządu');
    }
  });

  it('the office deletes a position with its files, stored bytes included; others and unknown ids are refused, changing nothing', async () => {
    const created = data(
      await create(office, {
        type: 'INVITATION',
        title: 'Zaproszenie do usunięcia',
        adoptedOn: '2025-02-03',
      }),
    ).createPositionStatement;
    const upload = async (name: string) => {
      const q = new URLSearchParams({ ownerKind: 'POSITION_STATEMENT', ownerId: created.id, name });
      const res = await fetch(`${t.url}/api/documents?${q}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${office.token}`, 'content-type': 'text/plain' },
        body: `Treść ${name}`,
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { documentId: string }).documentId;
    };
    const kept = await upload('zaproszenie.txt');
    const trashed = await upload('stara-wersja.txt');
    // A file already in the trash goes too.
    data(
      await as(office, `mutation($id: ID!) { deleteDocument(id: $id) { id } }`, { id: trashed }),
    );
    const stored = async () =>
      (
        await t.db.query(
          `SELECT v.storage_key FROM document_version v JOIN document d ON d.id = v.document_id
           WHERE d.owner_kind = 'POSITION_STATEMENT' AND d.owner_id = $1`,
          [created.id],
        )
      ).map((r: { storage_key: string }) => r.storage_key) as string[];
    const keys = await stored();
    expect(keys).toHaveLength(2);
    expect(keys.every((k) => existsSync(join(dir, k)))).toBe(true);
    const snapshot = async () =>
      (
        await t.db.query(
          `SELECT (SELECT count(*)::int FROM position_statement) AS positions,
                  (SELECT count(*)::int FROM document) AS documents,
                  (SELECT count(*)::int FROM document_version) AS versions`,
        )
      )[0];
    const DELETE = `mutation($id: ID!) { deletePositionStatement(id: $id) }`;

    const before = await snapshot();
    // As updating: only the office (positions:manage).
    for (const u of [official, guest, expert])
      expect(errorCode(await as(u, DELETE, { id: created.id }))).toBe('FORBIDDEN');
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id'])
      expect(errorCode(await as(office, DELETE, { id }))).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before);
    expect(keys.every((k) => existsSync(join(dir, k)))).toBe(true);

    expect(data(await as(office, DELETE, { id: created.id })).deletePositionStatement).toBe(
      created.id,
    );
    const r = await as(official, `query($id: ID!) { positionStatement(id: $id) { id } }`, {
      id: created.id,
    });
    expect(errorCode(r)).toBe('NOT_FOUND');
    expect(await stored()).toEqual([]);
    expect(await snapshot()).toEqual({
      positions: before.positions - 1,
      documents: before.documents - 2,
      versions: before.versions - 2,
    });
    expect(keys.some((k) => existsSync(join(dir, k)))).toBe(false);
    const content = await fetch(`${t.url}/api/documents/${kept}/content`, {
      headers: { authorization: `Bearer ${official.token}` },
    });
    expect(content.status).toBe(404);
    // Twice: it is gone.
    expect(errorCode(await as(office, DELETE, { id: created.id }))).toBe('NOT_FOUND');
  });

  it('an upload finishing after its position was deleted is refused (NOT_FOUND): no orphan row, no bytes left', async () => {
    const created = data(
      await create(office, {
        type: 'INVITATION',
        title: 'Usuwane w trakcie',
        adoptedOn: '2025-02-04',
      }),
    ).createPositionStatement;
    const files = () => filesUnder(dir);
    const filesBefore = files();
    // The position goes between the access check and the upload's final step: when its bytes
    // are written.
    const restore = afterStorageWrite(t.app.get(StorageDriver), async () => {
      data(
        await as(office, `mutation($id: ID!) { deletePositionStatement(id: $id) }`, {
          id: created.id,
        }),
      );
    });
    try {
      const q = new URLSearchParams({
        ownerKind: 'POSITION_STATEMENT',
        ownerId: created.id,
        name: 'spozniony.txt',
      });
      const res = await fetch(`${t.url}/api/documents?${q}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${office.token}`, 'content-type': 'text/plain' },
        body: 'Treść spóźniona',
      });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { code: string }).code).toBe('NOT_FOUND');
    } finally {
      restore();
    }
    expect(
      await t.db.query(
        `SELECT id FROM document WHERE owner_kind = 'POSITION_STATEMENT' AND owner_id = $1`,
        [created.id],
      ),
    ).toEqual([]);
    expect(
      await t.db.query(`SELECT id FROM position_statement WHERE id = $1`, [created.id]),
    ).toEqual([]);
    expect(files()).toEqual(filesBefore);
  });
});
