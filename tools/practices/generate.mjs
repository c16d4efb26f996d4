#!/usr/bin/env node
// Fills a database with N realistic Polish good practices (issue 6): `npm run practices:generate`.
//
//   node tools/practices/generate.mjs [N=100000]        DATABASE_URL=postgres://… (migrated)
//
// Practices are spread over the member towns (all towns when none is a member), across the
// areas, years 2008–2025, verification sources and a few states (about 95% published), with
// text composed from area-specific phrases: "Modernizacja przedszkoli miejskich – Kalisz",
// problem, goals, actions, results, innovation, transferability and lessons.
//
// Fast: one INSERT … SELECT FROM generate_series per batch of 20,000, nothing per row in
// JavaScript. Stemming every row with the Polish hunspell dictionary (the table's trigger)
// would take ~5 ms a row, so the generator turns triggers off for its session
// (session_replication_role = replica, a superuser setting) and builds each row's `search`
// by concatenating the tsvectors of its phrases, computed once per phrase with the same
// configuration and weights as the trigger (tsvector || tsvector shifts positions, so the
// result equals the trigger's); it then checks that on a sample by letting the trigger
// recompute it, and rebuilds the "did you mean" vocabulary.
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const AREAS = {
  SOCIAL_SERVICES: [
    'usług opiekuńczych',
    'mieszkań wspomaganych',
    'pracy socjalnej',
    'pomocy sąsiedzkiej',
  ],
  TECHNICAL_SERVICES: [
    'sieci wodociągowej',
    'utrzymania dróg gminnych',
    'zarządzania cmentarzem komunalnym',
    'gospodarki ściekowej',
  ],
  INSTITUTIONAL_DEVELOPMENT: [
    'kontroli zarządczej',
    'obsługi klienta w urzędzie',
    'zarządzania kadrami',
    'planowania strategicznego',
  ],
  ENERGY_EFFICIENCY: [
    'budynków komunalnych',
    'oświetlenia ulicznego',
    'źródeł ciepła',
    'zakupów energii elektrycznej',
  ],
  NGO_COOPERATION: [
    'organizacji pozarządowych',
    'mikrograntów dla stowarzyszeń',
    'centrum wolontariatu',
    'inicjatyw lokalnych',
  ],
  INTER_MUNICIPAL_COOPERATION: [
    'komunikacji międzygminnej',
    'wspólnego schroniska dla zwierząt',
    'zakupów grupowych gmin',
    'obsługi prawnej gmin',
  ],
  SOCIAL_DIALOGUE: [
    'budżetu obywatelskiego',
    'konsultacji społecznych',
    'rady seniorów',
    'młodzieżowej rady miasta',
  ],
  EDUCATION: [
    'szkół podstawowych',
    'przedszkoli miejskich',
    'dowozu uczniów',
    'stołówek szkolnych',
  ],
  HOUSING: [
    'mieszkań komunalnych',
    'zaległości czynszowych',
    'społecznej agencji najmu',
    'pustostanów',
  ],
  TRANSPORT: [
    'komunikacji miejskiej',
    'strefy płatnego parkowania',
    'dróg rowerowych',
    'biletu aglomeracyjnego',
  ],
  ENVIRONMENT: [
    'gospodarki odpadami',
    'retencji wody deszczowej',
    'zieleni miejskiej',
    'jakości powietrza',
  ],
  CULTURE: ['domów kultury', 'bibliotek miejskich', 'wydarzeń plenerowych', 'ochrony zabytków'],
  DIGITAL: [
    'elektronicznego obiegu dokumentów',
    'e-usług dla mieszkańców',
    'cyberbezpieczeństwa urzędu',
    'otwartych danych',
  ],
  FINANCE: [
    'wieloletniej prognozy finansowej',
    'podatków lokalnych',
    'zadłużenia gminy',
    'funduszy unijnych',
  ],
  REVITALISATION: [
    'rewitalizacji śródmieścia',
    'planu ogólnego gminy',
    'przestrzeni publicznych',
    'terenów poprzemysłowych',
  ],
  HEALTH: [
    'profilaktyki zdrowotnej',
    'opieki nad osobami z demencją',
    'szczepień ochronnych',
    'rehabilitacji seniorów',
  ],
};

const TITLE_ACTIONS = [
  'Modernizacja',
  'Reorganizacja',
  'Cyfryzacja',
  'Program poprawy',
  'Wspólne zarządzanie',
  'Nowy model',
  'Standard jakości',
  'Centrum koordynacji',
  'Pilotaż',
  'Partnerski program',
  'Optymalizacja kosztów',
  'Rozwój',
  'Zintegrowany system',
  'Miejski program',
  'Wdrożenie monitoringu',
];

// {t}: the area's topic, in the genitive.
const PROBLEMS = [
  'Koszty {t} rosły szybciej niż dochody miasta, a mieszkańcy skarżyli się na jakość.',
  'Obsługa {t} była rozproszona między kilka jednostek, które nie wymieniały informacji.',
  'Brakowało danych o stanie {t}, więc decyzje podejmowano bez porównań.',
  'Mieszkańcy nie wiedzieli, gdzie zgłaszać sprawy dotyczące {t}, i czekali tygodniami na odpowiedź.',
  'Przepisy zmieniły zasady finansowania {t}, a miasto nie miało procedur.',
  'Stan techniczny infrastruktury {t} pogarszał się od lat z powodu niedofinansowania.',
  'W porównaniu z podobnymi miastami wskaźniki {t} wypadały wyraźnie gorzej.',
  'Liczba spraw dotyczących {t} wzrosła o połowę, a zatrudnienie się nie zmieniło.',
];
const GOALS = [
  'Obniżyć koszty {t} i poprawić jakość usług dla mieszkańców.',
  'Ujednolicić zasady {t} we wszystkich jednostkach miejskich.',
  'Zbudować system danych o {t} i porównywać się z innymi miastami.',
  'Skrócić czas załatwiania spraw dotyczących {t}.',
  'Włączyć mieszkańców i organizacje w planowanie {t}.',
];
const ACTIONS = [
  'Przeprowadzono diagnozę {t}, przygotowano program działań i powołano zespół zadaniowy z udziałem jednostek miejskich.',
  'Wdrożono wspólny system informatyczny dla {t} oraz przeszkolono pracowników wszystkich jednostek.',
  'Zawarto porozumienie z sąsiednimi gminami i organizacjami pozarządowymi w sprawie {t}.',
  'Ogłoszono przetarg na modernizację {t}, a prace prowadzono etapami bez przerywania usług.',
  'Uruchomiono punkt obsługi mieszkańców w sprawach {t} i formularz zgłoszeń online.',
  'Opracowano standardy i wskaźniki {t}, raportowane co kwartał kierownictwu urzędu.',
];
const RESULTS = [
  'Koszty {t} spadły o 18% w ciągu dwóch lat, a satysfakcja mieszkańców wzrosła.',
  'Czas obsługi spraw dotyczących {t} skrócił się o połowę.',
  'Z nowych rozwiązań w zakresie {t} skorzystało ponad dwa tysiące mieszkańców.',
  'Wskaźniki {t} poprawiły się i są teraz lepsze od średniej w grupie porównawczej.',
  'Zużycie energii i materiałów w obszarze {t} zmniejszyło się o jedną czwartą.',
  'Liczba skarg dotyczących {t} spadła o 60%.',
];
const INNOVATIONS = [
  'Pierwsze w regionie połączenie {t} z pracą organizacji pozarządowych.',
  'Decyzje o {t} oparte na danych porównawczych z innych miast.',
  'Mieszkańcy współdecydują o priorytetach {t}.',
  'Jeden punkt kontaktu dla wszystkich spraw {t}.',
];
const TRANSFERS = [
  'Rozwiązanie można przenieść do każdego miasta podobnej wielkości.',
  'Wymaga zmian organizacyjnych, ale nie dużych nakładów finansowych.',
  'Najlepiej sprawdzi się w miastach na prawach powiatu.',
  'Łatwe do wdrożenia także w małych gminach, we współpracy z sąsiadami.',
];
const LESSONS = [
  'Kluczowe było zaangażowanie kierownictwa i jasny podział odpowiedzialności.',
  'Warto od początku mierzyć efekty; bez danych trudno przekonać radnych.',
  'Konsultacje z mieszkańcami wydłużyły przygotowania, ale ograniczyły protesty.',
  'Szkolenia pracowników trzeba zaplanować przed uruchomieniem systemu.',
  'Umowy z wykonawcami powinny obejmować utrzymanie, nie tylko wykonanie.',
];
const FUNDING = [
  'budżet miasta',
  'Regionalny Program Operacyjny',
  'Narodowy Fundusz Ochrony Środowiska',
  'Rządowy Fundusz Inwestycji Lokalnych',
  'Fundusze Europejskie dla Polski Wschodniej',
  'Krajowy Plan Odbudowy',
  'Fundusze EOG',
];

const BATCH = 20_000;

/** The phrase tables the INSERT draws from, each with its tsvector computed once. */
async function preparePhrases(client) {
  const areaCodes = Object.keys(AREAS);
  await client.query(
    `CREATE TEMP TABLE gen_topic AS
    SELECT a AS area, i AS idx, t AS text, to_tsvector('civitas_search', t) AS vec,
      (SELECT name FROM practice_area WHERE code = a) AS area_name,
      to_tsvector('civitas_search', (SELECT name FROM practice_area WHERE code = a)) AS area_vec
    FROM unnest($1::text[], $2::int[], $3::text[]) AS x(a, i, t)`,
    [
      areaCodes.flatMap((a) => AREAS[a].map(() => a)),
      areaCodes.flatMap((a) => AREAS[a].map((_, i) => i)),
      areaCodes.flatMap((a) => AREAS[a]),
    ],
  );
  const kinds = {
    problem: PROBLEMS,
    goals: GOALS,
    actions: ACTIONS,
    results: RESULTS,
    innovation: INNOVATIONS,
  };
  const rows = [];
  for (const [kind, templates] of Object.entries(kinds)) {
    templates.forEach((tpl, i) => rows.push([kind, i, tpl]));
  }
  await client.query(
    `CREATE TEMP TABLE gen_phrase AS
    SELECT k AS kind, i AS idx, t.area, t.idx AS topic, replace(tpl, '{t}', t.text) AS text,
      to_tsvector('civitas_search', replace(tpl, '{t}', t.text)) AS vec
    FROM unnest($1::text[], $2::int[], $3::text[]) AS x(k, i, tpl), gen_topic t`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
  );
  await client.query(`CREATE INDEX ON gen_phrase (kind, area, topic, idx)`);
  await client.query(
    `CREATE TEMP TABLE gen_plain AS
    SELECT k AS kind, i AS idx, t AS text, to_tsvector('civitas_search', t) AS vec
    FROM unnest($1::text[], $2::int[], $3::text[]) AS x(k, i, t)`,
    [
      [
        ...TITLE_ACTIONS.map(() => 'title'),
        ...TRANSFERS.map(() => 'transfer'),
        ...LESSONS.map(() => 'lessons'),
      ],
      [
        ...TITLE_ACTIONS.map((_, i) => i),
        ...TRANSFERS.map((_, i) => i),
        ...LESSONS.map((_, i) => i),
      ],
      [...TITLE_ACTIONS, ...TRANSFERS, ...LESSONS],
    ],
  );
  await client.query(`CREATE TEMP TABLE gen_town AS
    SELECT row_number() OVER (ORDER BY teryt_code) AS n, id, name, voivodeship_code, kind,
      to_tsvector('civitas_search', name) AS vec
    FROM organisation
    WHERE teryt_code IS NOT NULL
      AND (membership_status = 'MEMBER'
           OR NOT EXISTS (SELECT 1 FROM organisation WHERE membership_status = 'MEMBER'))`);
  const {
    rows: [{ towns }],
  } = await client.query(`SELECT count(*)::int AS towns FROM gen_town`);
  return { towns, areas: areaCodes.length };
}

/** One batch: `count` practices, drawn with the session's seeded random(). */
const INSERT_BATCH = `
  WITH pick AS (
    SELECT g,
      1 + floor(random() * $2)::int AS town,
      floor(random() * 4)::int AS topic,
      (SELECT array_agg(code ORDER BY position) FROM practice_area WHERE code = ANY($4::text[]))
        [1 + floor(random() * $3)::int] AS area,
      floor(random() * ${TITLE_ACTIONS.length})::int AS title,
      floor(random() * ${PROBLEMS.length})::int AS problem,
      floor(random() * ${GOALS.length})::int AS goals,
      floor(random() * ${ACTIONS.length})::int AS actions,
      floor(random() * ${RESULTS.length})::int AS results,
      floor(random() * ${INNOVATIONS.length})::int AS innovation,
      floor(random() * ${TRANSFERS.length})::int AS transfer,
      floor(random() * ${LESSONS.length})::int AS lessons,
      2008 + floor(random() * 18)::int AS year,
      random() AS r_status, random() AS r_source, random() AS r_cost, random() AS r_age,
      floor(random() * ${FUNDING.length})::int AS fund
    FROM generate_series(1, $1) g
  )
  INSERT INTO good_practice (status, organisation_id, title, area_code, tags, problem, goals,
    actions, results, innovation, transferability, lessons_learned, cost_grosze, funding,
    period_start, period_end, verification_source, verified_on, created_at, updated_at,
    submitted_at, published_at, voivodeship_code, size_class, year, title_search, search)
  SELECT
    s.status, town.id, ta.text || ' ' || tp.text || ' – ' || town.name, p.area,
    ARRAY[tp.text], pr.text, go.text, ac.text, re.text, inn.text, tr.text, le.text,
    (10000 + floor(p.r_cost * p.r_cost * 5e9))::bigint,
    jsonb_build_array(jsonb_build_object('source', ($5::text[])[1 + p.fund],
      'amountGrosze', (10000 + floor(p.r_cost * p.r_cost * 5e9))::bigint)),
    make_date(p.year, 1 + (p.g % 12)::int, 1),
    CASE WHEN p.r_age < 0.5 THEN make_date(p.year, 1 + (p.g % 12)::int, 1) + 365 * (1 + p.g % 3)::int END,
    CASE WHEN s.published THEN (ARRAY['COMPETITION', 'WORKING_GROUP', 'OFFICE',
      'CITY_RECOMMENDATION'])[1 + floor(p.r_source * 4)::int] END,
    CASE WHEN s.published THEN make_date(least(p.year + 1, 2025), 6, 1) END,
    s.at - interval '30 days', s.at, s.at - interval '10 days',
    CASE WHEN s.published THEN s.at END,
    town.voivodeship_code, town.kind, p.year,
    setweight(ta.vec || tp.vec || town.vec, 'A'),
    setweight(ta.vec || tp.vec || town.vec, 'A')
      || setweight(pr.vec || re.vec || town.vec || tp.area_vec || tp.vec, 'B')
      || setweight(go.vec || ac.vec || inn.vec, 'C')
      || setweight(tr.vec || le.vec, 'D')
  FROM pick p
  CROSS JOIN LATERAL (SELECT
      CASE WHEN p.r_status < 0.95 THEN 'PUBLISHED' WHEN p.r_status < 0.97 THEN 'DRAFT'
           WHEN p.r_status < 0.98 THEN 'SUBMITTED' WHEN p.r_status < 0.99 THEN 'IN_REVIEW'
           ELSE 'ARCHIVED' END AS status,
      p.r_status < 0.95 OR p.r_status >= 0.99 AS published,
      now() - make_interval(secs => floor(p.r_age * 5 * 365 * 86400)::int) AS at) s
  JOIN gen_town town ON town.n = p.town
  JOIN gen_topic tp ON tp.area = p.area AND tp.idx = p.topic
  JOIN gen_plain ta ON ta.kind = 'title' AND ta.idx = p.title
  JOIN gen_plain tr ON tr.kind = 'transfer' AND tr.idx = p.transfer
  JOIN gen_plain le ON le.kind = 'lessons' AND le.idx = p.lessons
  JOIN gen_phrase pr ON pr.kind = 'problem' AND pr.area = p.area AND pr.topic = p.topic AND pr.idx = p.problem
  JOIN gen_phrase go ON go.kind = 'goals' AND go.area = p.area AND go.topic = p.topic AND go.idx = p.goals
  JOIN gen_phrase ac ON ac.kind = 'actions' AND ac.area = p.area AND ac.topic = p.topic AND ac.idx = p.actions
  JOIN gen_phrase re ON re.kind = 'results' AND re.area = p.area AND re.topic = p.topic AND re.idx = p.results
  JOIN gen_phrase inn ON inn.kind = 'innovation' AND inn.area = p.area AND inn.topic = p.topic AND inn.idx = p.innovation`;

/**
 * Adds `count` generated practices to the database at `url`; returns what it did. `log`
 * receives progress lines.
 */
export async function generatePractices(
  url,
  count = 100_000,
  { log = console.log, seed = 0.42 } = {},
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  try {
    await client.query(`SELECT setseed($1)`, [seed]);
    const { towns, areas } = await preparePhrases(client);
    log(
      `Phrases ready; ${count.toLocaleString('en')} practices over ${towns} towns and ${areas} areas…`,
    );
    // Triggers off for this session: `search` and the facet columns are written directly.
    await client.query(`SET session_replication_role = replica`);
    for (let done = 0; done < count; ) {
      const n = Math.min(BATCH, count - done);
      await client.query(INSERT_BATCH, [n, towns, areas, Object.keys(AREAS), FUNDING]);
      done += n;
      log(`  ${done.toLocaleString('en')} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    await client.query(`SET session_replication_role = DEFAULT`);
    // The trigger would have written the same vectors and facet columns: check a sample.
    await client.query('BEGIN');
    await client.query(`CREATE TEMP TABLE gen_check ON COMMIT DROP AS
      SELECT id, search, title_search, voivodeship_code, size_class, year FROM good_practice
      ORDER BY created_at DESC LIMIT 200`);
    await client.query(
      `UPDATE good_practice p SET updated_at = p.updated_at FROM gen_check c WHERE c.id = p.id`,
    );
    const {
      rows: [{ differ }],
    } = await client.query(`SELECT count(*)::int AS differ FROM gen_check c
      JOIN good_practice p ON p.id = c.id
      WHERE p.search <> c.search OR p.title_search <> c.title_search OR p.voivodeship_code IS DISTINCT FROM c.voivodeship_code
         OR p.size_class IS DISTINCT FROM c.size_class OR p.year IS DISTINCT FROM c.year`);
    await client.query('ROLLBACK');
    log(`  trigger check: ${differ} of 200 sampled rows differ from what the trigger computes`);
    await client.query(`INSERT INTO practice_word (word)
      SELECT word FROM ts_stat('SELECT search FROM good_practice WHERE status = ''PUBLISHED''')
      WHERE word ~ '^[[:alpha:]]{3,30}$' ON CONFLICT DO NOTHING`);
    // The search's narrow copy and the kept facet counts: their triggers were off too.
    await client.query(`SELECT good_practice_search_refresh()`);
    // VACUUM too: the visibility map lets facets be counted by index-only scans.
    await client.query(`VACUUM ANALYZE good_practice`);
    await client.query(`VACUUM ANALYZE good_practice_search`);
    await client.query(`ANALYZE practice_word`);
    const {
      rows: [stats],
    } = await client.query(`SELECT count(*)::int AS total,
      count(*) FILTER (WHERE status = 'PUBLISHED')::int AS published FROM good_practice`);
    const seconds = (Date.now() - started) / 1000;
    log(
      `Done in ${seconds.toFixed(1)} s: ${stats.total.toLocaleString('en')} practices, ${stats.published.toLocaleString('en')} published.`,
    );
    return { ...stats, seconds, triggerMismatches: differ };
  } finally {
    await client.end();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 100_000);
  const url = process.env.DATABASE_URL;
  if (!url || !Number.isInteger(count) || count < 1) {
    console.error('Usage: DATABASE_URL=postgres://… node tools/practices/generate.mjs [N=100000]');
    process.exit(2);
  }
  await generatePractices(url, count);
}
