import { searchDictionary } from '@civitas/api/database';
import { TestApp } from '@civitas/api/testing';
import {
  Cast,
  code,
  COMPLETE,
  data,
  makeCast,
  OpinionClient,
  randomId,
  requestIn,
  startOpinionApp,
  upload,
} from './opinions.test-kit';

const SCHOOLS = {
  subject: 'Dowóz uczniów do szkół w Łodzi poza obwodem',
  question: 'Czy gmina musi zapewnić dowóz uczniów niepełnosprawnych do szkoły poza obwodem?',
  facts: 'Rodzice wnioskują o dowóz do szkoły specjalnej w sąsiedniej gminie.',
  legalBasis: [{ act: 'Ustawa – Prawo oświatowe', articles: 'art. 39 ust. 4' }],
  areaOfLaw: 'EDUCATION',
};

describe('expert opinions: the published library', () => {
  let t: TestApp;
  let close: () => Promise<void>;
  let cast: Cast;
  let office: OpinionClient;
  let member: OpinionClient;
  let housingId: string;
  let schoolsId: string;

  beforeAll(async () => {
    ({ t, close } = await startOpinionApp());
    cast = await makeCast(t);
    office = new OpinionClient(t, cast.office);
    member = new OpinionClient(t, cast.otherOfficer);
    housingId = await requestIn(t, cast, 'RELEASED', COMPLETE);
    schoolsId = await requestIn(t, cast, 'RELEASED', SCHOOLS);
  });
  afterAll(() => close());

  const publish = (id: string, input: Record<string, unknown>) =>
    office.act('publishOpinion', id, { input: ['PublishOpinionInput!', input] });

  it('publishes as is, once', async () => {
    const published = data(await publish(housingId, { redacted: false })).publishOpinion;
    expect(published.publishedOpinionId).toBeTruthy();
    expect(code(await publish(housingId, { redacted: false }))).toBe('CONFLICT');
    expect(code(await publish(await requestIn(t, cast, 'DELIVERED'), { redacted: false }))).toBe(
      'CONFLICT',
    );
    const entry = data(
      await member.gql(
        `query($id: ID!) { publishedOpinion(id: $id) { subject cityName redacted summaryHtml year legalBasis { act } } }`,
        { id: published.publishedOpinionId },
      ),
    ).publishedOpinion;
    expect(entry).toMatchObject({ subject: COMPLETE.subject, cityName: 'Łódź', redacted: false });
    expect(entry.summaryHtml).toContain('<strong>art. 59</strong>');
  });

  it('publishes a redacted copy: its own summary and document, the original stays confidential', async () => {
    const missing = await publish(schoolsId, { redacted: true });
    expect(code(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors![0].extensions!['fields'].map((f: { field: string }) => f.field)).toEqual(
      ['summary', 'redactedDocumentId'],
    );
    // The redacted copy is the office's upload for this request; anything else is refused.
    const foreign = await publish(schoolsId, {
      redacted: true,
      summary: 'S',
      redactedDocumentId: randomId(),
    });
    expect(foreign.errors![0].extensions!['fields'][0].field).toBe('redactedDocumentId');
    expect((await upload(t, cast.officer, 'OPINION_PUBLISHED', schoolsId)).status).toBe(404);
    const { documentId: redactedDocument } = await upload(
      t,
      cast.office,
      'OPINION_PUBLISHED',
      schoolsId,
      'opinia-zanonimizowana.pdf',
    );
    const request = data(
      await publish(schoolsId, {
        redacted: true,
        subject: 'Dowóz uczniów niepełnosprawnych do szkoły poza obwodem',
        summary: 'Gmina **musi** zapewnić dowóz uczniów niepełnosprawnych do najbliższej szkoły.',
        redactedDocumentId: redactedDocument,
      }),
    ).publishOpinion;
    const entry = data(
      await member.gql(
        `query($id: ID!) { publishedOpinion(id: $id) { subject cityName redacted documentId summaryHtml } }`,
        { id: request.publishedOpinionId },
      ),
    ).publishedOpinion;
    expect(entry).toEqual({
      subject: 'Dowóz uczniów niepełnosprawnych do szkoły poza obwodem',
      cityName: null,
      redacted: true,
      documentId: redactedDocument,
      summaryHtml:
        '<p>Gmina <strong>musi</strong> zapewnić dowóz uczniów niepełnosprawnych do najbliższej szkoły.</p>\n',
    });
    // The original is still the request's, and the request is still closed to others.
    expect(code(await member.get(schoolsId))).toBe('NOT_FOUND');
  });

  it('searches Polish-aware with snippets, and filters by area, year and act', async () => {
    const search = async (args: string) =>
      data(
        await member.gql(
          `{ publishedOpinions(${args}) { totalCount edges { node { subject snippetHtml areaOfLaw year } } } }`,
        ),
      ).publishedOpinions;
    const polish = (await searchDictionary(t.db)) === 'Polish (hunspell)';
    // Without diacritics, another inflection: "szkola" finds "szkoły".
    const found = await search(`search: "${polish ? 'szkola dowoz' : 'szkoly dowoz'}"`);
    expect(found.totalCount).toBe(1);
    expect(found.edges[0].node.snippetHtml).toMatch(/<mark>[^<]+<\/mark>/);
    expect(found.edges[0].node.snippetHtml).not.toContain('<strong>');
    const year = new Date().getFullYear();
    expect((await search(`areaOfLaw: HOUSING`)).totalCount).toBe(1);
    expect((await search(`year: ${year}`)).totalCount).toBe(2);
    expect((await search(`year: ${year - 1}`)).totalCount).toBe(0);
    expect((await search(`act: "prawo oswiatowe"`)).totalCount).toBe(1);
    expect((await search(`act: "finansach"`)).edges[0].node.areaOfLaw).toBe('HOUSING');
    const facets = data(
      await member.gql(`{ opinionLibraryFacets { years acts areasOfLaw } }`),
    ).opinionLibraryFacets;
    // Acts in the database's collation order; compared here as a set.
    expect({ ...facets, acts: [...facets.acts].sort() }).toEqual({
      years: [year],
      acts: [
        'Ustawa o finansach publicznych',
        'Ustawa o ochronie praw lokatorów',
        'Ustawa – Prawo oświatowe',
      ].sort(),
      areasOfLaw: ['EDUCATION', 'HOUSING'],
    });
  });

  it('shows the requesting officer similar published opinions for a draft', async () => {
    const officer = new OpinionClient(t, cast.officer);
    const draft = data(
      await officer.create({
        subject: 'Umorzenie zaległości czynszowych lokatorów',
        question: 'Czy zaległości czynszowe w lokalach komunalnych można umorzyć uchwałą?',
      }),
    ).createOpinionRequest.id;
    const similar = async (c: OpinionClient, id: string) =>
      c.gql(
        `query($id: ID!) { opinionRequest(id: $id) { similarPublishedOpinions { subject } } }`,
        {
          id,
        },
      );
    const found = data(await similar(officer, draft)).opinionRequest.similarPublishedOpinions;
    expect(found.map((o: { subject: string }) => o.subject)).toEqual([COMPLETE.subject]);
    const unrelated = data(
      await officer.create({
        subject: 'Ochrona zabytków',
        question: 'Wpis do rejestru zabytków parku.',
      }),
    ).createOpinionRequest.id;
    expect(data(await similar(officer, unrelated)).opinionRequest.similarPublishedOpinions).toEqual(
      [],
    );
  });

  it('keeps the library from guests', async () => {
    const guest = new OpinionClient(t, cast.guest);
    expect(code(await guest.gql(`{ publishedOpinions { totalCount } }`))).toBe('FORBIDDEN');
  });
});
