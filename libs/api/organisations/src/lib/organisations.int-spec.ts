import { MembershipStatus, Role } from '@civitas/shared/domain';
import { errorCode, TestApp, TestUser } from '@civitas/api/testing';
import { OrganisationsModule } from './organisations.module';

const LIST = `query($search: String, $voivodeshipCode: String, $membershipStatus: [MembershipStatus!], $first: Int!, $after: String) {
  organisations(search: $search, voivodeshipCode: $voivodeshipCode, membershipStatus: $membershipStatus, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name terytCode kind powiatName membershipStatus voivodeship { code name } } }
  }
}`;
const ONE = `query($id: ID!) { organisation(id: $id) { id name membershipStatus accessionDate membershipResolution website viewerCanEditProfile
  members { totalCount edges { node { name } } } } }`;
const MEMBERSHIP = `mutation($id: ID!, $input: ChangeMembershipInput!) {
  changeMembership(id: $id, input: $input) { membershipStatus accessionDate membershipResolution } }`;
const PROFILE = `mutation($id: ID!, $input: UpdateOrganisationProfileInput!) {
  updateOrganisationProfile(id: $id, input: $input) { address website phone email } }`;
const PEOPLE = `query($search: String, $first: Int!) { people(search: $search, first: $first) {
  totalCount edges { node { name position department organisation { name } } } } }`;

const POZNAN = '3064011';
const LODZ = '1061011';
const names = (res: { data: any }) =>
  res.data!.organisations.edges.map((e: { node: { name: string } }) => e.node.name);

describe('member-city directory', () => {
  let t: TestApp;
  let office: TestUser;
  let official: TestUser;
  let poznanAdmin: TestUser;
  let poznan: string;
  let lodz: string;

  beforeAll(async () => {
    t = await TestApp.start([OrganisationsModule]);
    poznan = await t.makeCity(POZNAN);
    lodz = await t.makeCity(LODZ);
    office = await t.makeUser({ role: Role.OFFICE_ADMIN, name: 'Anna Biurowa' });
    official = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      name: 'Łucja Żak',
    });
    poznanAdmin = await t.makeUser({
      role: Role.CITY_ADMIN,
      organisationId: poznan,
      name: 'Piotr Poznański',
    });
  });
  afterAll(() => t.close());

  it('holds exactly the 1,013 towns of the TERYT register plus the office', async () => {
    const [{ towns, offices, powiatCities }] = await t.db.query(`
      SELECT count(*) FILTER (WHERE teryt_code IS NOT NULL)::int AS towns,
             count(*) FILTER (WHERE kind = 'ASSOCIATION_OFFICE')::int AS offices,
             count(*) FILTER (WHERE kind = 'CITY_WITH_POWIAT_RIGHTS')::int AS "powiatCities"
      FROM organisation`);
    expect({ towns, offices, powiatCities }).toEqual({ towns: 1013, offices: 1, powiatCities: 66 });
    const all = await t.gql(LIST, { first: 1 }, { token: official.token });
    expect(all.data!.organisations.totalCount).toBe(1014);
    const voivodeships = await t.gql(
      `query { voivodeships { code name } }`,
      {},
      { token: official.token },
    );
    expect(voivodeships.data!.voivodeships).toHaveLength(16);
  });

  it('finds towns typed without diacritics', async () => {
    const lodzResult = await t.gql(LIST, { search: 'lodz', first: 10 }, { token: official.token });
    expect(names(lodzResult)).toContain('Łódź');
    const node = lodzResult.data!.organisations.edges.find((e: any) => e.node.name === 'Łódź').node;
    expect(node).toMatchObject({
      terytCode: LODZ,
      kind: 'CITY_WITH_POWIAT_RIGHTS',
      voivodeship: { code: '10', name: 'Łódzkie' },
    });
    expect(
      names(await t.gql(LIST, { search: 'zory', first: 10 }, { token: official.token })),
    ).toEqual(['Żory']);
    expect(
      names(await t.gql(LIST, { search: 'ŻORY', first: 10 }, { token: official.token })),
    ).toEqual(['Żory']);
    expect(
      names(await t.gql(LIST, { search: LODZ, first: 10 }, { token: official.token })),
    ).toEqual(['Łódź']);
    expect(names(await t.gql(LIST, { search: '%', first: 10 }, { token: official.token }))).toEqual(
      [],
    );
    expect(
      names(await t.gql(LIST, { search: 'biala', first: 10 }, { token: official.token })),
    ).toEqual(expect.arrayContaining(['Biała Podlaska', 'Bielsko-Biała']));
  });

  it('filters by voivodeship and status together and pages by cursor without overlap', async () => {
    const members = await t.gql(
      LIST,
      { voivodeshipCode: '30', membershipStatus: ['MEMBER'], first: 10 },
      { token: official.token },
    );
    expect(names(members)).toEqual(['Poznań']);

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = await t.gql(
        LIST,
        { voivodeshipCode: '30', first: 40, after },
        { token: official.token },
      );
      expect(page.errors).toBeUndefined();
      seen.push(...page.data.organisations.edges.map((e: any) => e.node.id));
      after = page.data.organisations.pageInfo.hasNextPage
        ? page.data.organisations.pageInfo.endCursor
        : null;
      pages++;
    } while (after);
    const [{ wielkopolska }] = await t.db.query(
      `SELECT count(*)::int AS wielkopolska FROM organisation WHERE voivodeship_code = '30'`,
    );
    expect(seen).toHaveLength(wielkopolska);
    expect(new Set(seen).size).toBe(wielkopolska);
    expect(pages).toBe(Math.ceil(wielkopolska / 40));
  });

  it('refuses a forged cursor, an oversized page and a malformed filter', async () => {
    expect(
      errorCode(await t.gql(LIST, { first: 10, after: 'not-a-cursor' }, { token: official.token })),
    ).toBe('BAD_USER_INPUT');
    const big = await t.gql(LIST, { first: 101 }, { token: official.token });
    expect(errorCode(big)).toBe('BAD_USER_INPUT');
    expect(big.errors![0].message).toMatch(/first: first must not be greater than 100/);
    expect(
      errorCode(
        await t.gql(LIST, { first: 10, voivodeshipCode: 'Mazowsze' }, { token: official.token }),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('costs the same few SQL statements whatever the page size (no query per row)', async () => {
    const cost = async (first: number) => {
      t.queries.reset();
      const res = await t.gql(LIST, { first }, { token: official.token });
      expect(res.data!.organisations.edges).toHaveLength(first);
      return t.queries.queries;
    };
    const small = await cost(5);
    const large = await cost(100);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(4); // the caller's account, the page, the count, the voivodeships
  });

  it('answers NOT_FOUND for unknown and malformed ids', async () => {
    expect(
      errorCode(
        await t.gql(ONE, { id: '00000000-0000-4000-8000-000000000000' }, { token: official.token }),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(ONE, { id: 'lodz' }, { token: official.token }))).toBe(
      'NOT_FOUND',
    );
  });

  it('keeps the directory from guests', async () => {
    const guest = await t.makeUser({
      role: Role.GUEST,
      organisationId: await t.organisationId('0201011'),
    });
    expect(errorCode(await t.gql(LIST, { first: 5 }, { token: guest.token }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(PEOPLE, { first: 5 }, { token: guest.token }))).toBe('FORBIDDEN');
  });

  describe('membership', () => {
    it('lets the office change it, with an accession date and resolution for members, and audits it', async () => {
      const zory = await t.organisationId('2479011');
      const res = await t.gql(
        MEMBERSHIP,
        {
          id: zory,
          input: { status: 'MEMBER', accessionDate: '2024-03-01', resolutionNumber: 'LX/812/24' },
        },
        { token: office.token },
      );
      expect(res.data!.changeMembership).toEqual({
        membershipStatus: 'MEMBER',
        accessionDate: '2024-03-01',
        membershipResolution: 'LX/812/24',
      });
      const former = await t.gql(
        MEMBERSHIP,
        { id: zory, input: { status: 'FORMER' } },
        { token: office.token },
      );
      expect(former.data!.changeMembership).toEqual({
        membershipStatus: 'FORMER',
        accessionDate: '2024-03-01',
        membershipResolution: 'LX/812/24',
      });
      const audit = await t.db.query(
        `SELECT actor_id, details FROM audit_entry WHERE entity_id = $1 AND action = 'organisation.membership.change' ORDER BY created_at`,
        [zory],
      );
      expect(audit).toHaveLength(2);
      expect(audit[0].actor_id).toBe(office.id);
      expect(audit[1].details.from.status).toBe('MEMBER');
    });

    it('refuses officials and city admins, incomplete members, future dates and the office itself — changing nothing', async () => {
      const byOfficial = await t.gql(
        MEMBERSHIP,
        { id: lodz, input: { status: 'FORMER' } },
        { token: official.token },
      );
      expect(errorCode(byOfficial)).toBe('FORBIDDEN');
      expect(
        errorCode(
          await t.gql(
            MEMBERSHIP,
            { id: poznan, input: { status: 'NON_MEMBER' } },
            { token: poznanAdmin.token },
          ),
        ),
      ).toBe('FORBIDDEN');

      const incomplete = await t.gql(
        MEMBERSHIP,
        { id: lodz, input: { status: 'MEMBER', accessionDate: null } },
        { token: office.token },
      );
      expect(errorCode(incomplete)).toBe('BAD_USER_INPUT');
      expect(incomplete.errors![0].extensions!['fields'].map((f: any) => f.field)).toEqual([
        'accessionDate',
        'resolutionNumber',
      ]);
      const future = await t.gql(
        MEMBERSHIP,
        {
          id: lodz,
          input: { status: 'MEMBER', accessionDate: '2999-01-01', resolutionNumber: 'I/1/99' },
        },
        { token: office.token },
      );
      expect(errorCode(future)).toBe('BAD_USER_INPUT');
      const badDate = await t.gql(
        MEMBERSHIP,
        {
          id: lodz,
          input: { status: 'MEMBER', accessionDate: '2024-02-30', resolutionNumber: 'I/1/24' },
        },
        { token: office.token },
      );
      expect(errorCode(badDate)).toBe('BAD_USER_INPUT');
      expect(
        errorCode(
          await t.gql(
            MEMBERSHIP,
            {
              id: await t.officeId(),
              input: { status: 'MEMBER', accessionDate: '2020-01-01', resolutionNumber: 'I/1/20' },
            },
            { token: office.token },
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        errorCode(
          await t.gql(
            MEMBERSHIP,
            { id: '00000000-0000-4000-8000-000000000000', input: { status: 'FORMER' } },
            { token: office.token },
          ),
        ),
      ).toBe('NOT_FOUND');

      const after = await t.gql(ONE, { id: lodz }, { token: official.token });
      expect(after.data!.organisation).toMatchObject({
        membershipStatus: MembershipStatus.MEMBER,
        accessionDate: '1991-03-15',
        membershipResolution: 'XV/120/91',
      });
    });
  });

  describe('city profile', () => {
    it("lets a city admin edit their own city's profile, and nobody else's", async () => {
      const own = await t.gql(
        PROFILE,
        {
          id: poznan,
          input: {
            address: 'pl. Kolegiacki 17, 61-841 Poznań',
            website: 'https://www.poznan.pl',
            phone: '+48 61 878 54 28',
            email: 'sekretariat@um.poznan.pl',
          },
        },
        { token: poznanAdmin.token },
      );
      expect(own.data!.updateOrganisationProfile).toEqual({
        address: 'pl. Kolegiacki 17, 61-841 Poznań',
        website: 'https://www.poznan.pl',
        phone: '+48 61 878 54 28',
        email: 'sekretariat@um.poznan.pl',
      });
      const view = await t.gql(ONE, { id: poznan }, { token: poznanAdmin.token });
      expect(view.data!.organisation.viewerCanEditProfile).toBe(true);
      expect(
        (await t.gql(ONE, { id: poznan }, { token: official.token })).data!.organisation
          .viewerCanEditProfile,
      ).toBe(false);

      expect(
        errorCode(
          await t.gql(
            PROFILE,
            { id: lodz, input: { website: 'https://evil.example' } },
            { token: poznanAdmin.token },
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(
          await t.gql(
            PROFILE,
            { id: lodz, input: { website: 'https://evil.example' } },
            { token: official.token },
          ),
        ),
      ).toBe('FORBIDDEN');
      const bad = await t.gql(
        PROFILE,
        { id: poznan, input: { website: 'javascript:alert(1)', email: 'nope' } },
        { token: poznanAdmin.token },
      );
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(
        (await t.gql(ONE, { id: lodz }, { token: official.token })).data!.organisation.website,
      ).toBeNull();
      expect(
        (await t.gql(ONE, { id: poznan }, { token: official.token })).data!.organisation.website,
      ).toBe('https://www.poznan.pl');
    });

    it('accepts a real image as the logo, sniffing the bytes, and refuses the rest', async () => {
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      );
      const upload = (body: Buffer, name: string, token: string, id = poznan) => {
        const form = new FormData();
        form.append('logo', new Blob([new Uint8Array(body)], { type: 'image/png' }), name);
        return fetch(`${t.url}/api/organisations/${id}/logo`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: form,
        });
      };
      expect((await upload(png, 'herb.png', poznanAdmin.token)).status).toBe(204);
      const served = await fetch(`${t.url}/api/organisations/${poznan}/logo`);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);

      const fake = await upload(
        Buffer.from('<svg onload="alert(1)"></svg>'),
        'herb.png',
        poznanAdmin.token,
      );
      expect(fake.status).toBe(400);
      expect(await fake.json()).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'The logo must be a PNG, JPEG or WebP image',
      });
      expect((await upload(png, 'herb.png', poznanAdmin.token, lodz)).status).toBe(403);
      expect((await upload(png, 'herb.png', official.token, lodz)).status).toBe(403);
      expect(
        (await upload(Buffer.concat([png, Buffer.alloc(600 * 1024)]), 'big.png', poznanAdmin.token))
          .status,
      ).toBe(413);
      expect((await fetch(`${t.url}/api/organisations/${lodz}/logo`)).status).toBe(404);
    });
  });

  describe('people directory', () => {
    it('lists people of member cities and the office, found without diacritics, with no query per row', async () => {
      await t.makeUser({ role: Role.EXPERT, name: 'Ekspert Ukryty' });
      const res = await t.gql(PEOPLE, { search: 'lucja', first: 10 }, { token: official.token });
      expect(res.data!.people.edges.map((e: any) => e.node)).toEqual([
        {
          name: 'Łucja Żak',
          position: 'Specjalista',
          department: null,
          organisation: { name: 'Łódź' },
        },
      ]);
      const everyone = await t.gql(PEOPLE, { first: 100 }, { token: official.token });
      const listed = everyone.data!.people.edges.map((e: any) => e.node.name);
      expect(listed).toEqual(
        expect.arrayContaining(['Anna Biurowa', 'Łucja Żak', 'Piotr Poznański']),
      );
      expect(listed).not.toContain('Ekspert Ukryty');

      t.queries.reset();
      await t.gql(PEOPLE, { first: 100 }, { token: official.token });
      // account, page, count, one batched organisation load
      expect(t.queries.statements.map((q) => q.slice(0, 60))).toHaveLength(4);
    });

    it("shows a city's people on its page", async () => {
      const page = await t.gql(ONE, { id: lodz }, { token: poznanAdmin.token });
      expect(page.data!.organisation.members.edges.map((e: any) => e.node.name)).toEqual([
        'Łucja Żak',
      ]);
    });
  });
});
