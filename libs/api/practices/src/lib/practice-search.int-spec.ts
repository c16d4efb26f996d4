import { Role } from '@civitas/shared/domain';
import { searchDictionary } from '@civitas/api/database';
import { errorCode, GqlResponse, TestApp, TestUser } from '@civitas/api/testing';
import { PracticesModule } from './practices.module';

const SEARCH = `query($query: String, $filter: PracticeSearchFilter, $sort: PracticeSort, $first: Int, $after: String) {
  searchPractices(query: $query, filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount didYouMean sort
    pageInfo { hasNextPage endCursor }
    edges { cursor rank highlight { title snippet } node { id title city { name voivodeship sizeClass } area { code name } } }
    facets {
      areas { value label count selected }
      voivodeships { value label count selected }
      sizeClasses { value label count selected }
      years { value label count selected }
      verificationSources { value label count selected }
    }
  } }`;

interface Seed {
  title: string;
  city: string; // TERYT
  area: string;
  year: number;
  source: string;
  problem?: string;
  results?: string;
  actions?: string;
  status?: string;
}

const LODZ = '1061011'; // łódzkie (10), city with powiat rights
const POZNAN = '3064011'; // wielkopolskie (30), city with powiat rights
const ZORY = '2479011'; // śląskie (24), city with powiat rights
const BOLESLAWIEC = '0201011'; // dolnośląskie (02), urban gmina

const SEEDS: Seed[] = [
  {
    title: 'Centrum Usług Wspólnych dla szkół w Łodzi',
    city: LODZ,
    area: 'EDUCATION',
    year: 2021,
    source: 'COMPETITION',
    problem: 'Każda szkoła prowadziła własną księgowość.',
    results: 'Koszt obsługi szkoły spadł o 23%.',
  },
  {
    title: 'Termomodernizacja budynków komunalnych w Poznaniu',
    city: POZNAN,
    area: 'ENERGY_EFFICIENCY',
    year: 2019,
    source: 'OFFICE',
    problem: 'Wysokie rachunki za ciepło w budynkach <b>komunalnych</b>.',
    results: 'Zużycie energii cieplnej spadło o 41%.',
  },
  {
    title: 'Program wymiany źródeł ciepła',
    city: ZORY,
    area: 'ENERGY_EFFICIENCY',
    year: 2021,
    source: 'WORKING_GROUP',
    problem: 'Niska emisja: stare źródła ciepła to piece węglowe.',
    results: 'Wymieniono 1200 kotłów.',
  },
  {
    title: 'Społeczna agencja najmu',
    city: ZORY,
    area: 'HOUSING',
    year: 2022,
    source: 'CITY_RECOMMENDATION',
    problem:
      'Brak mieszkań dla rodzin o średnich dochodach; gospodarka mieszkaniowa miasta nie nadążała.',
    results: '30 mieszkań od prywatnych właścicieli.',
  },
  {
    title: 'Budżet obywatelski dla młodzieży',
    city: BOLESLAWIEC,
    area: 'SOCIAL_DIALOGUE',
    year: 2021,
    source: 'COMPETITION',
    problem: 'Młodzież nie uczestniczyła w konsultacjach.',
    actions: 'Szkoły średnie zgłaszały projekty; termomodernizacja sali gimnastycznej wygrała.',
  },
  {
    title: 'Wspólne zakupy energii',
    city: LODZ,
    area: 'ENERGY_EFFICIENCY',
    year: 2022,
    source: 'OFFICE',
    problem: 'Rosnące ceny energii elektrycznej.',
  },
  {
    title: 'Szkic o szkołach, niewidoczny',
    city: LODZ,
    area: 'EDUCATION',
    year: 2021,
    source: 'OFFICE',
    status: 'DRAFT',
  },
];

describe('good practice search', () => {
  let t: TestApp;
  let reader: TestUser;
  let polish: boolean;
  const ids = new Map<string, string>();

  const search = (variables: Record<string, unknown>) =>
    t.gql<{ searchPractices: any }>(SEARCH, variables, { token: reader.token });
  const titles = (r: GqlResponse<{ searchPractices: any }>) =>
    r.data!.searchPractices.edges.map((e: { node: { title: string } }) => e.node.title);

  beforeAll(async () => {
    t = await TestApp.start([PracticesModule]);
    for (const teryt of [LODZ, POZNAN, ZORY, BOLESLAWIEC]) await t.makeCity(teryt);
    reader = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: await t.organisationId(POZNAN),
    });
    polish = (await searchDictionary(t.db)) === 'Polish (hunspell)';
    if (!polish)
      console.warn('civitas_search has no Polish dictionary here: inflection is not checked.');
    let day = 1;
    for (const s of SEEDS) {
      const [{ id }] = await t.db.query(
        `INSERT INTO good_practice (status, organisation_id, title, area_code, problem, results, actions,
           period_start, verification_source, published_at)
         SELECT $1, id, $2, $3, $4, $5, $6, make_date($7, 3, 1), $8, now() - make_interval(days => $9)
         FROM organisation WHERE teryt_code = $10 RETURNING id`,
        [
          s.status ?? 'PUBLISHED',
          s.title,
          s.area,
          s.problem ?? '',
          s.results ?? '',
          s.actions ?? '',
          s.year,
          s.source,
          100 - day++,
          s.city,
        ],
      );
      ids.set(s.title, id);
    }
    await t.db.query(
      `INSERT INTO practice_word SELECT DISTINCT w FROM good_practice, unnest(tsvector_to_array(search)) w
       WHERE status = 'PUBLISHED' AND w ~ '^[[:alpha:]]{3,30}$' ON CONFLICT DO NOTHING`,
    );
  });
  afterAll(() => t.close());

  it('browses every published practice newest first without a query, never drafts', async () => {
    const r = await search({});
    expect(r.errors).toBeUndefined();
    expect(r.data!.searchPractices).toMatchObject({
      totalCount: 6,
      sort: 'NEWEST',
      didYouMean: null,
    });
    expect(titles(r)[0]).toBe('Wspólne zakupy energii');
    expect(titles(r)).not.toContain('Szkic o szkołach, niewidoczny');
    expect(r.data!.searchPractices.edges[0].highlight).toBeNull();
  });

  it('ignores diacritics: "zrodla ciepla" finds "źródła ciepła", "lodz" finds Łódź', async () => {
    expect(titles(await search({ query: 'zrodla ciepla' }))).toEqual([
      'Program wymiany źródeł ciepła',
    ]);
    const lodz = titles(await search({ query: 'lodz' }));
    expect(lodz).toEqual(
      expect.arrayContaining([
        'Centrum Usług Wspólnych dla szkół w Łodzi',
        'Wspólne zakupy energii',
      ]),
    );
  });

  it('knows Polish inflection where the dictionary is installed: "szkoly lodz", "mieszkaniowej"', async () => {
    if (!polish) return;
    expect(titles(await search({ query: 'szkoly lodz' }))).toEqual([
      'Centrum Usług Wspólnych dla szkół w Łodzi',
    ]);
    expect(titles(await search({ query: 'mieszkaniowej' }))).toEqual(['Społeczna agencja najmu']);
    expect(titles(await search({ query: 'budynek komunalny' }))).toEqual([
      'Termomodernizacja budynków komunalnych w Poznaniu',
    ]);
  });

  it('ranks a title match above a body match and highlights the words, HTML escaped', async () => {
    const r = await search({ query: 'termomodernizacja' });
    expect(titles(r)).toEqual([
      'Termomodernizacja budynków komunalnych w Poznaniu',
      'Budżet obywatelski dla młodzieży',
    ]);
    const [first, second] = r.data!.searchPractices.edges;
    expect(first.rank).toBeGreaterThan(second.rank);
    expect(first.highlight.title).toBe(
      '<mark>Termomodernizacja</mark> budynków komunalnych w Poznaniu',
    );
    expect(second.highlight.snippet).toContain('<mark>termomodernizacja</mark>');
    const escaped = await search({ query: 'rachunki' });
    expect(escaped.data!.searchPractices.edges[0].highlight.snippet).toContain('&lt;b&gt;');
    expect(escaped.data!.searchPractices.edges[0].highlight.snippet).not.toContain('<b>');
  });

  it('marks the words the dictionary would, from the word forms kept as practices are published', async () => {
    // Every published text, highlighted everywhere: by lemmatising each word (civitas_search)
    // and by folding it and looking the forms up (what the search does).
    const marks = (query: string) =>
      t.db.query(
        `WITH q AS (SELECT websearch_to_tsquery('civitas_search', $1) AS q)
         SELECT ts_headline('civitas_search', d, q.q, $2) AS lemmatised,
           ts_headline('civitas_fold', d, search_highlight_query(q.q), $2) AS folded
         FROM q, good_practice p,
           concat_ws(' ', p.title, p.problem, p.results, p.actions) d
         WHERE p.status = 'PUBLISHED'`,
        [query, 'HighlightAll=true, StartSel=[[, StopSel=]]'],
      );
    for (const query of [
      'szkoly lodz',
      'zrodla ciepla',
      '"budżet obywatelski"',
      'termomodernizacja -ciepło',
      'energii OR mieszkań',
      'budynek komunalny',
    ]) {
      const rows: { lemmatised: string; folded: string }[] = await marks(query);
      expect(rows.length).toBe(6);
      expect(rows.some((r) => r.lemmatised.includes('[['))).toBe(true);
      for (const r of rows) expect(r.folded).toBe(r.lemmatised);
    }
    if (polish) {
      const lodz = (await marks('szkoly lodz')).map((r: { folded: string }) => r.folded);
      expect(lodz.join(' ')).toContain('dla [[szkół]] w [[Łodzi]]');
    }

    // A practice published with a word no other text has: its forms are added with it.
    const [{ id }] = await t.db.query(
      `INSERT INTO good_practice (status, organisation_id, title, area_code, period_start,
         verification_source)
       SELECT 'DRAFT', id, 'Zielone podwórka', 'CULTURE', make_date(2020, 1, 1), 'OFFICE'
       FROM organisation WHERE teryt_code = $1 RETURNING id`,
      [POZNAN],
    );
    try {
      await t.db.query(
        `UPDATE good_practice SET status = 'PUBLISHED', published_at = now() WHERE id = $1`,
        [id],
      );
      const r = await search({ query: polish ? 'podwórko' : 'podworka' });
      expect(r.data!.searchPractices.edges[0].highlight.title).toBe(
        'Zielone <mark>podwórka</mark>',
      );
    } finally {
      await t.db.query(`DELETE FROM good_practice WHERE id = $1`, [id]);
    }

    // Operators, prefixes and quoted characters survive the rewriting; a lexeme no published
    // text has becomes one no word folds to (with a space), so it marks nothing.
    const [{ rewritten }] = await t.db.query(
      `SELECT search_highlight_query($1::tsquery)::text AS rewritten`,
      [`'it''s' & !( 'a\\\\b':* <-> 'szkola' )`],
    );
    expect(rewritten).toBe(
      polish
        ? `'it''s ' & !( 'a\\\\b ':* <-> ( 'szkol' | 'szkola' | 'szkoly' ) )`
        : `'it''s ' & !( 'a\\\\b ':* <-> 'szkola' )`,
    );
  });

  it('suggests the closest known word for a typo', async () => {
    const r = await search({ query: 'termomodrenizacja' });
    expect(r.data!.searchPractices.totalCount).toBe(0);
    expect(r.data!.searchPractices.didYouMean).toBe('termomodernizacja');
    expect(
      (await search({ query: 'termomodernizacja' })).data!.searchPractices.didYouMean,
    ).toBeNull();
  });

  it('counts facets for the same search, each facet without its own filter, and combines filters', async () => {
    const all = (await search({})).data!.searchPractices.facets;
    const count = (list: { value: string; count: number }[], value: string) =>
      list.find((v) => v.value === value)?.count;
    expect(count(all.areas, 'ENERGY_EFFICIENCY')).toBe(3);
    expect(all.areas.find((a: { value: string }) => a.value === 'ENERGY_EFFICIENCY').label).toBe(
      'Efektywność energetyczna',
    );
    expect(count(all.voivodeships, '10')).toBe(2);
    expect(count(all.voivodeships, '24')).toBe(2);
    expect(count(all.sizeClasses, 'CITY_WITH_POWIAT_RIGHTS')).toBe(5);
    expect(count(all.sizeClasses, 'URBAN_GMINA')).toBe(1);
    expect(all.years.map((y: { value: string }) => y.value)).toEqual(['2022', '2021', '2019']);
    expect(count(all.years, '2021')).toBe(3);
    expect(count(all.verificationSources, 'COMPETITION')).toBe(2);

    const energy2021 = await search({
      filter: { areas: ['ENERGY_EFFICIENCY'], years: [2021, 2022] },
    });
    const r = energy2021.data!.searchPractices;
    expect(r.totalCount).toBe(2);
    expect(titles(energy2021).sort()).toEqual([
      'Program wymiany źródeł ciepła',
      'Wspólne zakupy energii',
    ]);
    // Areas counted with the year filter only; years with the area filter only.
    expect(count(r.facets.areas, 'ENERGY_EFFICIENCY')).toBe(2);
    expect(count(r.facets.areas, 'HOUSING')).toBe(1);
    expect(count(r.facets.years, '2019')).toBe(1);
    expect(
      r.facets.areas.find((a: { value: string }) => a.value === 'ENERGY_EFFICIENCY').selected,
    ).toBe(true);

    const combined = await search({
      query: 'energii',
      filter: {
        voivodeships: ['10'],
        sizeClasses: ['CITY_WITH_POWIAT_RIGHTS'],
        verificationSources: ['OFFICE'],
      },
    });
    expect(titles(combined)).toEqual(['Wspólne zakupy energii']);
    const none = await search({ filter: { areas: ['CULTURE'] } });
    expect(none.data!.searchPractices.totalCount).toBe(0);
    expect(none.data!.searchPractices.facets.areas).toContainEqual({
      value: 'CULTURE',
      label: 'Kultura',
      count: 0,
      selected: true,
    });
  });

  it('answers results and facets in one SQL statement', async () => {
    await search({ query: 'energii' });
    t.queries.reset();
    const r = await search({ query: 'energii', filter: { years: [2022] } });
    expect(r.errors).toBeUndefined();
    const practiceStatements = t.queries.statements.filter((s) =>
      /good_practice|practice_word/.test(s),
    );
    expect(practiceStatements).toHaveLength(1);
  });

  it('pages by cursor and refuses a cursor of another search', async () => {
    const first = await search({ first: 2 });
    const page = first.data!.searchPractices;
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await search({ first: 2, after: page.pageInfo.endCursor });
    expect(second.errors).toBeUndefined();
    const seen = [...titles(first), ...titles(second)];
    expect(new Set(seen).size).toBe(4);
    let after = page.pageInfo.endCursor;
    const all = [...titles(first)];
    while (after) {
      const next = await search({ first: 2, after });
      all.push(...titles(next));
      after = next.data!.searchPractices.pageInfo.hasNextPage
        ? next.data!.searchPractices.pageInfo.endCursor
        : null;
    }
    expect(all).toEqual(titles(await search({ first: 50 })));

    const relevance = await search({ query: 'energii', first: 1 });
    const next = await search({
      query: 'energii',
      first: 1,
      after: relevance.data!.searchPractices.pageInfo.endCursor,
    });
    expect(next.errors).toBeUndefined();
    expect(titles(next)).not.toEqual(titles(relevance));

    for (const foreign of [
      await search({ first: 2, after: page.pageInfo.endCursor, query: 'szkoła' }),
      await search({ first: 2, after: page.pageInfo.endCursor, filter: { years: [2021] } }),
      await search({ first: 2, after: 'not-a-cursor' }),
      await search({ first: 2, after: Buffer.from('["x",1,"y"]').toString('base64url') }),
      // This search's own hash with values PostgreSQL refuses.
      await search({
        first: 2,
        after: Buffer.from(
          JSON.stringify([
            JSON.parse(Buffer.from(page.pageInfo.endCursor, 'base64url').toString())[0],
            '2026-02-31 25:61:00+00',
            '00000000-0000-4000-8000-000000000000',
          ]),
        ).toString('base64url'),
      }),
      await search({
        query: 'energii',
        after: Buffer.from(
          JSON.stringify([
            JSON.parse(
              Buffer.from(
                relevance.data!.searchPractices.pageInfo.endCursor,
                'base64url',
              ).toString(),
            )[0],
            '0x10',
            '00000000-0000-4000-8000-000000000000',
          ]),
        ).toString('base64url'),
      }),
    ]) {
      expect(errorCode(foreign)).toBe('BAD_USER_INPUT');
      expect(foreign.errors![0].extensions!['fields'][0].field).toBe('after');
    }
  });

  it('answers bad input with a specific error: long query, no words, unknown facet values, bad page size', async () => {
    expect(errorCode(await search({ query: 'a'.repeat(201) }))).toBe('BAD_USER_INPUT');
    for (const query of ['&|!():*', '!!!', '()', '"', '   ', ':*']) {
      const r = await search({ query });
      if (query.trim()) expect(errorCode(r)).toBe('BAD_USER_INPUT');
      else expect(r.data!.searchPractices.totalCount).toBe(6);
    }
    const area = await search({ filter: { areas: ['NO_SUCH_AREA'] } });
    expect(errorCode(area)).toBe('BAD_USER_INPUT');
    expect(area.errors![0].extensions!['fields'][0].field).toBe('filter.areas');
    expect(errorCode(await search({ filter: { voivodeships: ['99'] } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await search({ filter: { sizeClasses: ['HUGE'] } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await search({ filter: { years: [1200] } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await search({ first: 51 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await search({ sort: 'OLDEST' }))).toBe('BAD_USER_INPUT');
  });

  it('never answers a server error to a few hundred random strings', async () => {
    // A seeded PRNG (mulberry32): the same strings on every run.
    let seed = 0x5eed;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    const alphabet = [
      ...'&|!():*<>-"\'\\/%_ \t\n\u0000\u0007\u200b\ud800ąćęłńóśźżĄĆĘŁŃÓŚŹŻabcxyz0123456789',
      ' or ',
      ' and ',
      ' not ',
      '<->',
      '<2>',
      ' - ',
      '""',
      'szkoła',
      'łódź',
      '🙂',
      'ﬁ',
      'ß',
    ];
    const codes = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const length = Math.floor(random() * (i % 10 === 0 ? 260 : 30));
      let query = '';
      for (let j = 0; j < length; j++) query += alphabet[Math.floor(random() * alphabet.length)];
      const r = await search({ query, first: 5, sort: random() < 0.5 ? 'RELEVANCE' : 'NEWEST' });
      expect(r.status).toBe(200);
      const code = r.errors ? errorCode(r)! : 'OK';
      if (code !== 'OK' && code !== 'BAD_USER_INPUT')
        throw new Error(`${JSON.stringify(query)} answered ${JSON.stringify(r.errors)}`);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    expect(codes.get('OK')).toBeGreaterThan(100);
  });

  // Last: it adds 1,600 practices the tests above do not expect.
  it('leaves out a practice whose title matches when its body has a negated word', async () => {
    // The title matches "termomodernizacja"; the problem says "ciepło".
    const r = await search({ query: 'termomodernizacja -ciepło' });
    expect(r.errors).toBeUndefined();
    expect(titles(r)).toEqual(['Budżet obywatelski dla młodzieży']);
  });

  it('keeps the search copy and the browsing counts in step as practices are published, changed, archived and deleted', async () => {
    const counted = () =>
      t.db.query(`SELECT f.facet, f.value, count(*)::int AS count
        FROM good_practice p CROSS JOIN LATERAL (VALUES ('a', p.area_code),
          ('v', p.voivodeship_code::text), ('s', p.size_class), ('y', p.year::text),
          ('r', p.verification_source), ('t', '')) f (facet, value)
        WHERE p.status = 'PUBLISHED' AND f.value IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1, 2`);
    const kept = () =>
      t.db.query(`SELECT facet::text, value, count FROM good_practice_facet_count
        WHERE count > 0 ORDER BY 1, 2`);
    const energy = ids.get('Wspólne zakupy energii')!;
    const areaCount = async (area: string) =>
      (await search({})).data!.searchPractices.facets.areas.find(
        (a: { value: string }) => a.value === area,
      )?.count ?? 0;

    await t.db.query(`UPDATE good_practice SET status = 'ARCHIVED' WHERE id = $1`, [energy]);
    expect((await search({})).data!.searchPractices.totalCount).toBe(5);
    expect(await areaCount('ENERGY_EFFICIENCY')).toBe(2);
    expect(titles(await search({ query: 'zakupy' }))).toEqual([]);
    expect(await kept()).toEqual(await counted());

    await t.db.query(`UPDATE good_practice SET status = 'PUBLISHED' WHERE id = $1`, [energy]);
    await t.db.query(`UPDATE good_practice SET area_code = 'CULTURE' WHERE id = $1`, [energy]);
    expect(await areaCount('CULTURE')).toBe(1);
    expect(titles(await search({ query: 'zakupy', filter: { areas: ['CULTURE'] } }))).toEqual([
      'Wspólne zakupy energii',
    ]);
    expect(await kept()).toEqual(await counted());

    const [{ id: extra }] = await t.db.query(
      `INSERT INTO good_practice (status, organisation_id, title, area_code, period_start,
         verification_source, published_at)
       SELECT 'PUBLISHED', id, 'Rowery miejskie', 'TRANSPORT', make_date(2020, 1, 1), 'OFFICE', now()
       FROM organisation WHERE teryt_code = $1 RETURNING id`,
      [POZNAN],
    );
    expect((await search({})).data!.searchPractices.totalCount).toBe(7);
    expect(titles(await search({ query: 'rowery' }))).toEqual(['Rowery miejskie']);
    await t.db.query(`DELETE FROM good_practice WHERE id = $1`, [extra]);
    await t.db.query(`UPDATE good_practice SET area_code = 'ENERGY_EFFICIENCY' WHERE id = $1`, [
      energy,
    ]);
    expect((await search({})).data!.searchPractices.totalCount).toBe(6);
    expect(await kept()).toEqual(await counted());
    expect(await t.db.query(`SELECT count(*)::int AS n FROM good_practice_search`)).toEqual([
      { n: 6 },
    ]);
  });

  it('ranks a broad query by bounded candidates: the best title match first, every match once across pages', async () => {
    await t.db.query(
      `INSERT INTO good_practice (status, organisation_id, title, area_code, problem, period_start,
         verification_source, published_at)
       SELECT 'PUBLISHED', o.id, 'Praktyka numer ' || g, 'TECHNICAL_SERVICES',
         'Modernizacja sieci: wodociągi miejskie i kanalizacja.', make_date(2015, 1, 1), 'OFFICE',
         now() - make_interval(mins => g)
       FROM generate_series(1, 1600) g, organisation o WHERE o.teryt_code = $1`,
      [POZNAN],
    );
    // The best match is the oldest: outside the 1,000 newest, found by its title.
    await t.db.query(
      `INSERT INTO good_practice (status, organisation_id, title, area_code, problem, period_start,
         verification_source, published_at)
       SELECT 'PUBLISHED', id, 'Wodociągi miejskie bez strat wody', 'TECHNICAL_SERVICES',
         'Wodociągi miejskie traciły wodę.', make_date(2012, 1, 1), 'OFFICE', now() - interval '10 years'
       FROM organisation WHERE teryt_code = $1`,
      [POZNAN],
    );
    const first = await search({ query: 'wodociagi miejskie', first: 50 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.searchPractices.totalCount).toBe(1601);
    expect(titles(first)[0]).toBe('Wodociągi miejskie bez strat wody');
    const seen = new Set<string>(
      first.data!.searchPractices.edges.map((e: { node: { id: string } }) => e.node.id),
    );
    let after = first.data!.searchPractices.pageInfo.endCursor;
    let pages = 1;
    while (after) {
      const next = await search({ query: 'wodociagi miejskie', first: 50, after });
      expect(next.errors).toBeUndefined();
      for (const e of next.data!.searchPractices.edges) {
        expect(seen.has(e.node.id)).toBe(false);
        seen.add(e.node.id);
      }
      pages++;
      const info = next.data!.searchPractices.pageInfo;
      after = info.hasNextPage ? info.endCursor : null;
    }
    expect(seen.size).toBe(1601);
    expect(pages).toBe(33);
  });
});
