import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentOwnerKind, Role } from '@civitas/shared/domain';
import type { AuthUser } from '@civitas/api/auth';
import { DocumentAccessRegistry, StorageDriver } from '@civitas/api/documents';
import { afterStorageWrite, errorCode, filesUnder, TestApp, TestUser } from '@civitas/api/testing';
import { PracticesModule } from './practices.module';

const FIELDS = `id status title organisationId reviewComment viewerCanEdit viewerBookmarked
  viewerCityInterested interestCount tags costGrosze periodStart periodEnd
  funding { source amountGrosze } links { label url }
  city { id name voivodeship sizeClass } partnerCities { name } area { code name }
  contactPerson { id name } author { id }
  history { fromStatus toStatus comment actor { id } }`;
const CREATE = `mutation($input: PracticeDraftInput!) { createPracticeDraft(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: PracticeDraftInput!) { updatePracticeDraft(id: $id, input: $input) { ${FIELDS} } }`;
const GET = `query($id: ID!) { goodPractice(id: $id) { ${FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitPractice(id: $id) { id status } }`;
const START = `mutation($id: ID!) { startPracticeReview(id: $id) { id status } }`;
const CHANGES = `mutation($id: ID!, $comment: String!) { requestPracticeChanges(id: $id, input: { comment: $comment }) { id status reviewComment } }`;
const PUBLISH = `mutation($id: ID!) { publishPractice(id: $id, input: { verificationSource: COMPETITION, verificationNote: "Konkurs Samorządowy Lider 2025" }) { id status } }`;
const ARCHIVE = `mutation($id: ID!) { archivePractice(id: $id, input: { comment: "Nieaktualne" }) { id status } }`;
const QUEUE = `query { practiceReviewQueue(first: 50) { totalCount edges { node { id status } } } }`;
const MINE = `query { myPractices(first: 50) { totalCount edges { node { id status } } } }`;
const BOOKMARK = `mutation($id: ID!) { bookmarkPractice(id: $id) { id viewerBookmarked } }`;
const UNBOOKMARK = `mutation($id: ID!) { unbookmarkPractice(id: $id) { id viewerBookmarked } }`;
const BOOKMARKS = `query { bookmarkedPractices(first: 10) { totalCount edges { node { id title } } } }`;
const INTEREST = `mutation($id: ID!, $message: String) { expressPracticeInterest(id: $id, input: { message: $message }) { id interestCount viewerCityInterested } }`;
const CITY = `query($org: ID!) { cityPractices(organisationId: $org, first: 10) { totalCount edges { node { id } } } }`;
const SIMILAR = `query($id: ID!) { similarPractices(id: $id, first: 5) { id title } }`;
const AREAS = `query { practiceAreas { code name } }`;

const POZNAN = '3064011';
const LODZ = '1061011';

const complete = {
  title: 'Centrum Usług Wspólnych dla szkół w Łodzi',
  areaCode: 'EDUCATION',
  tags: ['oświata', 'księgowość', ' oświata '],
  problem: 'Każda szkoła prowadziła własną księgowość i kadry; koszty obsługi rosły.',
  goals: 'Obniżyć koszty obsługi administracyjnej szkół.',
  actions: 'Powołano centrum usług wspólnych obsługujące 180 placówek oświatowych.',
  results: 'Koszt obsługi jednej szkoły spadł o 23%, a terminy sprawozdań są dotrzymywane.',
  costGrosze: 250_000_000_00,
  funding: [{ source: 'budżet miasta', amountGrosze: 250_000_000_00 }],
  periodStart: '2021-09-01',
  links: [{ label: 'Strona CUW', url: 'https://cuw.lodz.pl' }],
};

describe('good practices: entries, workflow, bookmarks, interest', () => {
  let t: TestApp;
  let author: TestUser;
  let colleague: TestUser;
  let cityAdmin: TestUser;
  let other: TestUser;
  let otherAdmin: TestUser;
  let office: TestUser;
  let office2: TestUser;
  let guest: TestUser;
  let expert: TestUser;
  let lodz: string;
  let poznan: string;
  let dir: string;

  const gql = (query: string, user: TestUser, variables: Record<string, unknown> = {}) =>
    t.gql(query, variables, { token: user.token });

  const publishedPractice = async (input: Record<string, unknown> = {}) => {
    const created = await gql(CREATE, author, { input: { ...complete, ...input } });
    const id = created.data!.createPracticeDraft.id;
    expect((await gql(SUBMIT, author, { id })).data?.submitPractice.status).toBe('SUBMITTED');
    expect((await gql(START, office, { id })).data?.startPracticeReview.status).toBe('IN_REVIEW');
    expect((await gql(PUBLISH, office, { id })).data?.publishPractice.status).toBe('PUBLISHED');
    return id as string;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civitas-practices-'));
    t = await TestApp.start([PracticesModule], { DOCUMENTS_DIR: dir });
    lodz = await t.makeCity(LODZ);
    poznan = await t.makeCity(POZNAN);
    author = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      name: 'Alicja Autorka',
      email: 'autorka@lodz.test',
    });
    colleague = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: lodz });
    cityAdmin = await t.makeUser({ role: Role.CITY_ADMIN, organisationId: lodz });
    other = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: poznan,
      name: 'Olga Poznańska',
    });
    otherAdmin = await t.makeUser({ role: Role.CITY_ADMIN, organisationId: poznan });
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
    office2 = await t.makeUser({ role: Role.OFFICE_ADMIN });
    expert = await t.makeUser({ role: Role.EXPERT });
    guest = await t.makeUser({
      role: Role.GUEST,
      organisationId: await t.organisationId('0201011'),
    });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the seeded areas; guests may not read practices at all', async () => {
    const areas = (await gql(AREAS, other)).data!.practiceAreas;
    expect(areas.map((a: { code: string }) => a.code)).toContain('ENERGY_EFFICIENCY');
    expect(errorCode(await gql(AREAS, guest))).toBe('FORBIDDEN');
    expect(errorCode(await gql(CREATE, expert, { input: {} }))).toBe('FORBIDDEN');
  });

  it('autosaves a draft field by field and shows it only to its author, their city admin and the office', async () => {
    const created = await gql(CREATE, author, { input: { title: 'Szkic' } });
    expect(created.errors).toBeUndefined();
    const draft = created.data!.createPracticeDraft;
    expect(draft).toMatchObject({
      status: 'DRAFT',
      title: 'Szkic',
      viewerCanEdit: true,
      organisationId: lodz,
    });
    expect(draft.contactPerson.id).toBe(author.id);
    expect(draft.history).toEqual([
      { fromStatus: null, toStatus: 'DRAFT', comment: null, actor: { id: author.id } },
    ]);

    const saved = await gql(UPDATE, author, {
      id: draft.id,
      input: { problem: 'Problem', tags: ['a', 'a', ' b '] },
    });
    expect(saved.data!.updatePracticeDraft).toMatchObject({ title: 'Szkic', tags: ['a', 'b'] });
    const partners = await gql(UPDATE, cityAdmin, {
      id: draft.id,
      input: { title: null, partnerCityIds: [poznan], costGrosze: 12_345_678_901 },
    });
    expect(partners.data!.updatePracticeDraft).toMatchObject({
      title: '',
      costGrosze: 12_345_678_901,
      partnerCities: [{ name: 'Poznań' }],
    });

    for (const viewer of [author, cityAdmin, office]) {
      expect((await gql(GET, viewer, { id: draft.id })).data?.goodPractice.id).toBe(draft.id);
    }
    for (const viewer of [colleague, other, otherAdmin, expert]) {
      expect(errorCode(await gql(GET, viewer, { id: draft.id }))).toBe('NOT_FOUND');
      expect(errorCode(await gql(UPDATE, viewer, { id: draft.id, input: { title: 'x' } }))).toBe(
        viewer === expert ? 'FORBIDDEN' : 'NOT_FOUND',
      );
    }
  });

  it('refuses bad draft input with the fields named', async () => {
    const bad = await gql(CREATE, author, {
      input: { areaCode: 'NOPE', periodStart: '2024-13-01', costGrosze: 1.5 },
    });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const fields = (bad.errors![0].extensions!['fields'] as { field: string }[]).map(
      (f) => f.field,
    );
    expect(fields).toEqual(expect.arrayContaining(['periodStart', 'costGrosze']));
    const draft = (await gql(CREATE, author, { input: {} })).data!.createPracticeDraft;
    const area = await gql(UPDATE, author, {
      id: draft.id,
      input: { areaCode: 'NOPE', contactPersonId: other.id },
    });
    expect(errorCode(area)).toBe('BAD_USER_INPUT');
    const period = await gql(UPDATE, author, {
      id: draft.id,
      input: { periodStart: '2024-05-01', periodEnd: '2023-01-01' },
    });
    expect(errorCode(period)).toBe('BAD_USER_INPUT');
    const incomplete = await gql(SUBMIT, author, { id: draft.id });
    expect(errorCode(incomplete)).toBe('BAD_USER_INPUT');
    expect(
      (incomplete.errors![0].extensions!['fields'] as { field: string }[]).map((f) => f.field),
    ).toEqual(expect.arrayContaining(['title', 'areaCode', 'problem', 'results']));
  });

  it('goes DRAFT → SUBMITTED → IN_REVIEW → back with comments → resubmitted → PUBLISHED → ARCHIVED, refusing every other edge', async () => {
    const id = (await gql(CREATE, author, { input: complete })).data!.createPracticeDraft.id;
    // Skipping review and acting on someone else's draft.
    expect(errorCode(await gql(PUBLISH, office, { id }))).toBe('CONFLICT');
    expect(errorCode(await gql(START, office, { id }))).toBe('CONFLICT');
    expect(errorCode(await gql(SUBMIT, colleague, { id }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(PUBLISH, author, { id }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(PUBLISH, cityAdmin, { id }))).toBe('FORBIDDEN');

    expect((await gql(SUBMIT, author, { id })).data!.submitPractice.status).toBe('SUBMITTED');
    expect(errorCode(await gql(SUBMIT, author, { id }))).toBe('CONFLICT');
    expect(errorCode(await gql(UPDATE, author, { id, input: { title: 'Zmiana' } }))).toBe(
      'CONFLICT',
    );
    expect(errorCode(await gql(PUBLISH, office, { id }))).toBe('CONFLICT');
    const queue = (await gql(QUEUE, office)).data!.practiceReviewQueue;
    expect(queue.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
    expect(errorCode(await gql(QUEUE, cityAdmin))).toBe('FORBIDDEN');

    expect((await gql(START, office, { id })).data!.startPracticeReview.status).toBe('IN_REVIEW');
    const back = await gql(CHANGES, office, {
      id,
      comment: 'Proszę podać wskaźniki sprzed wdrożenia.',
    });
    expect(back.data!.requestPracticeChanges).toMatchObject({
      status: 'DRAFT',
      reviewComment: 'Proszę podać wskaźniki sprzed wdrożenia.',
    });
    const mail = await t.mail.waitFor(author.email, (m) => m.subject.includes('zmiany'));
    expect(mail.text).toContain('wskaźniki sprzed wdrożenia');

    const seen = (await gql(GET, author, { id })).data!.goodPractice;
    expect(seen.reviewComment).toBe('Proszę podać wskaźniki sprzed wdrożenia.');
    expect(seen.viewerCanEdit).toBe(true);
    await gql(UPDATE, author, {
      id,
      input: { results: complete.results + ' Przed wdrożeniem: 410 zł na ucznia.' },
    });
    expect((await gql(SUBMIT, author, { id })).data!.submitPractice.status).toBe('SUBMITTED');
    await gql(START, office, { id });
    expect((await gql(PUBLISH, office, { id })).data!.publishPractice.status).toBe('PUBLISHED');

    // Published: every member reads it, without the review comment or history.
    const read = await gql(GET, other, { id });
    expect(read.data!.goodPractice).toMatchObject({
      status: 'PUBLISHED',
      reviewComment: null,
      history: [],
      viewerCanEdit: false,
    });
    expect((await gql(GET, expert, { id })).data!.goodPractice.status).toBe('PUBLISHED');
    const history = (await gql(GET, author, { id })).data!.goodPractice.history;
    expect(history.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'DRAFT',
      'SUBMITTED',
      'IN_REVIEW',
      'DRAFT',
      'SUBMITTED',
      'IN_REVIEW',
      'PUBLISHED',
    ]);
    expect(history[3]).toMatchObject({
      fromStatus: 'IN_REVIEW',
      comment: 'Proszę podać wskaźniki sprzed wdrożenia.',
      actor: { id: office.id },
    });
    expect(errorCode(await gql(SUBMIT, author, { id }))).toBe('CONFLICT');
    expect(errorCode(await gql(CHANGES, office, { id, comment: 'x' }))).toBe('CONFLICT');

    const city = (await gql(CITY, other, { org: lodz })).data!.cityPractices;
    expect(city.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
    expect((await gql(MINE, author)).data!.myPractices.totalCount).toBeGreaterThan(0);

    expect((await gql(ARCHIVE, office, { id })).data!.archivePractice.status).toBe('ARCHIVED');
    expect(errorCode(await gql(ARCHIVE, office, { id }))).toBe('CONFLICT');
    expect(errorCode(await gql(PUBLISH, office, { id }))).toBe('CONFLICT');
  });

  it('lets one of two office admins publishing at once win; the other gets CONFLICT', async () => {
    const id = (await gql(CREATE, author, { input: complete })).data!.createPracticeDraft.id;
    await gql(SUBMIT, author, { id });
    await gql(START, office, { id });
    const results = await Promise.all([
      gql(PUBLISH, office, { id }),
      gql(PUBLISH, office2, { id }),
    ]);
    const codes = results.map((r) => (r.errors ? errorCode(r) : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM good_practice_event WHERE practice_id = $1 AND to_status = 'PUBLISHED'`,
      [id],
    );
    expect(n).toBe(1);
  });

  it('bookmarks published practices only, idempotently', async () => {
    const id = await publishedPractice({ title: 'Termomodernizacja budynków komunalnych w Łodzi' });
    expect((await gql(BOOKMARK, other, { id })).data!.bookmarkPractice.viewerBookmarked).toBe(true);
    expect((await gql(BOOKMARK, other, { id })).data!.bookmarkPractice.viewerBookmarked).toBe(true);
    const list = (await gql(BOOKMARKS, other)).data!.bookmarkedPractices;
    expect(list.totalCount).toBe(1);
    expect(list.edges[0].node.id).toBe(id);
    expect((await gql(UNBOOKMARK, other, { id })).data!.unbookmarkPractice.viewerBookmarked).toBe(
      false,
    );
    const draft = (await gql(CREATE, author, { input: {} })).data!.createPracticeDraft.id;
    expect(errorCode(await gql(BOOKMARK, other, { id: draft }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(BOOKMARK, author, { id: draft }))).toBe('CONFLICT');
  });

  it("counts a city's wish to adopt once and mails the contact person", async () => {
    const id = await publishedPractice({ title: 'Odpracowanie zaległości czynszowych' });
    const first = await gql(INTEREST, other, { id, message: 'Chcemy wdrożyć to w 2027 r.' });
    expect(first.data!.expressPracticeInterest).toMatchObject({
      interestCount: 1,
      viewerCityInterested: true,
    });
    const mail = await t.mail.waitFor(author.email, (m) => m.subject.includes('wdrożyć'));
    expect(mail.text).toContain('Olga Poznańska');
    expect(mail.text).toContain('Chcemy wdrożyć to w 2027 r.');
    expect(errorCode(await gql(INTEREST, otherAdmin, { id }))).toBe('CONFLICT');
    expect(errorCode(await gql(INTEREST, colleague, { id }))).toBe('CONFLICT');
    expect(errorCode(await gql(INTEREST, expert, { id }))).toBe('FORBIDDEN');
    expect((await gql(GET, otherAdmin, { id })).data!.goodPractice).toMatchObject({
      interestCount: 1,
      viewerCityInterested: true,
    });
  });

  it('suggests similar published practices', async () => {
    const a = await publishedPractice({
      title: 'Wymiana źródeł ciepła w budynkach komunalnych',
      areaCode: 'ENERGY_EFFICIENCY',
    });
    const b = await publishedPractice({
      title: 'Program wymiany źródeł ciepła dla mieszkańców',
      areaCode: 'ENERGY_EFFICIENCY',
    });
    const res = await gql(SIMILAR, other, { id: a });
    expect(res.errors).toBeUndefined();
    const similar = res.data!.similarPractices;
    expect(similar.map((p: { id: string }) => p.id)).toContain(b);
    expect(similar.map((p: { id: string }) => p.id)).not.toContain(a);
  });

  it('lets the office manage the list of areas', async () => {
    const input = {
      code: 'WATER',
      name: 'Gospodarka wodna',
      nameEn: 'Water management',
      position: 200,
    };
    const created = await gql(
      `mutation($input: PracticeAreaInput!) { createPracticeArea(input: $input) { code name active } }`,
      office,
      { input },
    );
    expect(created.data!.createPracticeArea).toEqual({
      code: 'WATER',
      name: 'Gospodarka wodna',
      active: true,
    });
    expect(
      errorCode(
        await gql(
          `mutation($input: PracticeAreaInput!) { createPracticeArea(input: $input) { code } }`,
          office,
          { input },
        ),
      ),
    ).toBe('CONFLICT');
    expect(
      errorCode(
        await gql(
          `mutation($input: PracticeAreaInput!) { createPracticeArea(input: $input) { code } }`,
          cityAdmin,
          { input: { ...input, code: 'X_Y' } },
        ),
      ),
    ).toBe('FORBIDDEN');
    const off = await gql(
      `mutation($input: PracticeAreaInput!) { updatePracticeArea(input: $input) { active } }`,
      office,
      { input: { ...input, active: false } },
    );
    expect(off.errors).toBeUndefined();
    expect(off.data!.updatePracticeArea.active).toBe(false);
  });

  it('keeps the list of areas for the office only: names unique, in-use areas retired not deleted, audited', async () => {
    const AREA = `code name nameEn position active practiceCount`;
    const create = (u: TestUser, input: Record<string, unknown>) =>
      gql(
        `mutation($input: PracticeAreaInput!) { createPracticeArea(input: $input) { ${AREA} } }`,
        u,
        {
          input,
        },
      );
    const update = (u: TestUser, input: Record<string, unknown>) =>
      gql(
        `mutation($input: PracticeAreaInput!) { updatePracticeArea(input: $input) { ${AREA} } }`,
        u,
        {
          input,
        },
      );
    const remove = (u: TestUser, code: string) =>
      gql(`mutation($code: String!) { deletePracticeArea(code: $code) { code } }`, u, { code });
    const reorder = (u: TestUser, codes: string[]) =>
      gql(
        `mutation($codes: [String!]!) { reorderPracticeAreas(input: { codes: $codes }) { code position } }`,
        u,
        {
          codes,
        },
      );
    const list = async (u: TestUser) =>
      (await gql(`query { practiceAreas(includeInactive: true) { ${AREA} } }`, u)).data!
        .practiceAreas as {
        code: string;
        name: string;
        position: number;
        practiceCount: number | null;
        active: boolean;
      }[];
    const audited = async (action: string) =>
      (await t.db.query(
        `SELECT actor_id, details FROM audit_entry WHERE action = $1 ORDER BY created_at`,
        [action],
      )) as { actor_id: string; details: Record<string, unknown> }[];

    const sport = {
      code: 'SPORT',
      name: 'Sport i rekreacja',
      nameEn: 'Sport and recreation',
      position: 300,
    };
    expect((await create(office, sport)).data!.createPracticeArea).toMatchObject({
      code: 'SPORT',
      active: true,
    });
    expect(
      (await audited('practice_area.create')).some(
        (e) => e.details.code === 'SPORT' && e.actor_id === office.id,
      ),
    ).toBe(true);

    // Names are unique in each language, case ignored; a refusal changes nothing.
    const before = await list(office);
    expect(
      errorCode(await create(office, { ...sport, code: 'SPORT_TWO', name: 'sport I rekreacja' })),
    ).toBe('CONFLICT');
    expect(
      errorCode(
        await create(office, {
          ...sport,
          code: 'SPORT_TWO',
          name: 'Inny',
          nameEn: 'SPORT AND RECREATION',
        }),
      ),
    ).toBe('CONFLICT');
    expect(errorCode(await update(office, { ...sport, name: 'Edukacja' }))).toBe('CONFLICT');
    expect(await list(office)).toEqual(before);
    expect(errorCode(await update(office, { ...sport, code: 'NO_SUCH' }))).toBe('NOT_FOUND');

    // Renaming keeps the code; the new name is what search finds.
    const renamed = await update(office, { ...sport, name: 'Sport, rekreacja i turystyka' });
    expect(renamed.data!.updatePracticeArea).toMatchObject({
      code: 'SPORT',
      name: 'Sport, rekreacja i turystyka',
    });
    const audit = await audited('practice_area.update');
    expect(audit.at(-1)!.details).toMatchObject({
      code: 'SPORT',
      before: { name: 'Sport i rekreacja' },
    });

    // Only the office: city people and experts are refused, nothing changes.
    for (const u of [cityAdmin, author, expert]) {
      expect(
        errorCode(await create(u, { ...sport, code: 'NOT_MINE', name: 'Nie', nameEn: 'No' })),
      ).toBe('FORBIDDEN');
      expect(errorCode(await update(u, { ...sport, active: false }))).toBe('FORBIDDEN');
      expect(errorCode(await remove(u, 'SPORT'))).toBe('FORBIDDEN');
      expect(
        errorCode(
          await reorder(
            u,
            before.map((a) => a.code),
          ),
        ),
      ).toBe('FORBIDDEN');
    }
    // Counts are the office's: others get null.
    expect((await list(author)).every((a) => a.practiceCount === null)).toBe(true);

    // An area a practice (even a draft) is filed under is not deleted: CONFLICT, retire instead.
    const draft = (
      await gql(CREATE, author, { input: { title: 'Sportowa szkoła', areaCode: 'SPORT' } })
    ).data!.createPracticeDraft.id as string;
    expect((await list(office)).find((a) => a.code === 'SPORT')!.practiceCount).toBe(1);
    expect(errorCode(await remove(office, 'SPORT'))).toBe('CONFLICT');
    expect((await list(office)).some((a) => a.code === 'SPORT')).toBe(true);
    const retired = await update(office, {
      ...sport,
      name: 'Sport, rekreacja i turystyka',
      active: false,
    });
    expect(retired.data!.updatePracticeArea.active).toBe(false);
    expect(
      (await gql(AREAS, author)).data!.practiceAreas.some(
        (a: { code: string }) => a.code === 'SPORT',
      ),
    ).toBe(false);
    expect((await gql(GET, author, { id: draft })).data!.goodPractice.area.code).toBe('SPORT');

    // Unused: deleted, audited; unknown: NOT_FOUND.
    await create(office, { code: 'TEMPORARY', name: 'Tymczasowy', nameEn: 'Temporary' });
    expect((await remove(office, 'TEMPORARY')).data!.deletePracticeArea.code).toBe('TEMPORARY');
    expect((await list(office)).some((a) => a.code === 'TEMPORARY')).toBe(false);
    expect((await audited('practice_area.delete')).map((e) => e.details.code)).toContain(
      'TEMPORARY',
    );
    expect(errorCode(await remove(office, 'TEMPORARY'))).toBe('NOT_FOUND');

    // Reorder: every area once, else BAD_USER_INPUT and nothing moves.
    const codes = (await list(office)).map((a) => a.code);
    const positions = (await list(office)).map((a) => a.position);
    expect(errorCode(await reorder(office, codes.slice(1)))).toBe('BAD_USER_INPUT');
    expect(errorCode(await reorder(office, [...codes, codes[0]]))).toBe('BAD_USER_INPUT');
    expect(errorCode(await reorder(office, [...codes.slice(1), 'NO_SUCH']))).toBe('BAD_USER_INPUT');
    expect((await list(office)).map((a) => a.position)).toEqual(positions);
    const reversed = [...codes].reverse();
    const moved = await reorder(office, reversed);
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.reorderPracticeAreas.map((a: { code: string }) => a.code)).toEqual(reversed);
    expect((await list(office)).map((a) => a.code)).toEqual(reversed);
    expect((await audited('practice_area.reorder')).at(-1)!.details.codes).toEqual(reversed);
    await reorder(office, codes);
  });

  it('lets documents attach files to practices: readers of the practice read, its editors add while a draft', async () => {
    const registry = t.app.get(DocumentAccessRegistry);
    const as = (u: TestUser): AuthUser => ({
      id: u.id,
      role: u.role,
      organisationId: u.organisationId,
      isLegalOfficer: false,
    });
    const draft = (await gql(CREATE, author, { input: {} })).data!.createPracticeDraft.id;
    const published = await publishedPractice({ title: 'Załączniki praktyki' });
    const may = (level: 'read' | 'write' | 'manage', u: TestUser, id: string) =>
      registry.may(level, as(u), DocumentOwnerKind.PRACTICE, id);
    expect(await may('write', author, draft)).toBe(true);
    expect(await may('write', cityAdmin, draft)).toBe(true);
    expect(await may('read', colleague, draft)).toBe(false);
    expect(await may('write', colleague, draft)).toBe(false);
    expect(await may('read', office, draft)).toBe(true);
    expect(await may('read', other, published)).toBe(true);
    expect(await may('read', expert, published)).toBe(true);
    expect(await may('read', guest, published)).toBe(false);
    expect(await may('write', other, published)).toBe(false);
    expect(await may('write', author, published)).toBe(false);
    expect(await may('manage', author, published)).toBe(true);
    expect(await may('write', office, published)).toBe(true);
  });

  it('refuses (NOT_FOUND) an upload to a draft submitted while its bytes were written: no row, no bytes', async () => {
    const id = (await gql(CREATE, author, { input: complete })).data!.createPracticeDraft.id;
    const files = () => filesUnder(dir);
    const filesBefore = files();
    const restore = afterStorageWrite(t.app.get(StorageDriver), async () => {
      expect((await gql(SUBMIT, author, { id })).data?.submitPractice.status).toBe('SUBMITTED');
    });
    try {
      const q = new URLSearchParams({ ownerKind: 'PRACTICE', ownerId: id, name: 'spozniony.txt' });
      const res = await fetch(`${t.url}/api/documents?${q}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${author.token}`, 'content-type': 'text/plain' },
        body: 'Załącznik spóźniony',
      });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { code: string }).code).toBe('NOT_FOUND');
    } finally {
      restore();
    }
    expect(
      await t.db.query(`SELECT id FROM document WHERE owner_kind = 'PRACTICE' AND owner_id = $1`, [
        id,
      ]),
    ).toEqual([]);
    expect(files()).toEqual(filesBefore);
  });
});
