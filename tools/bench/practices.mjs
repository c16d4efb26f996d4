#!/usr/bin/env node
// Good-practice search benchmark (issue 6, "Speed, measured"): `npm run bench:practices`.
//
// 1. Creates `civitas_bench_<random>` (admin URL: BENCH_DATABASE_URL), starts the BUILT api
//    (dist/api/apps/api/src/main.js; build it first) on it with NODE_ENV=production and the
//    demo seed, and fills it with BENCH_PRACTICES generated practices (default 100,000;
//    tools/practices/generate.mjs).
// 2. Runs a fixed list of searches, selective and non-selective, each with all five facets,
//    highlights and "did you mean": through GraphQL as a signed-in city official, and in the
//    same run the very statement the api sends (imported from the built api) straight to
//    PostgreSQL through `pg` (pool of 10, the api's default). First one at a time
//    (BENCH_ITERATIONS each, for p50/p95 per query and per class), then BENCH_CONNECTIONS
//    concurrent clients for BENCH_DURATION seconds cycling through the list (throughput;
//    the ratio API / direct SQL).
// 3. Prints the figures against the goals (p95 < 50 ms selective, < 300 ms non-selective,
//    ratio >= 0.7) as information, and whether both ways found the same practices; then
//    stops the api and drops the database.
//
// 4. With BENCH_BASELINE (the built practice-search.service.js of another checkout, e.g. the
//    commit before a change), times that version's statement too, straight to PostgreSQL in the
//    same loop (turn about with the current one), and prints current / baseline per search and
//    per class: a ratio the machine's load moves far less than the figures themselves.
//
// A quick run: BENCH_PRACTICES=20000 BENCH_ITERATIONS=5 BENCH_DURATION=3 npm run bench:practices
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import {
  createScratchDatabase,
  DEFAULT_ADMIN_URL,
  graphqlClient,
  loadAverage,
  ROOT,
  signIn,
  startBuiltApi,
} from '../lib/bench.mjs';
import { generatePractices } from '../practices/generate.mjs';

const PRACTICES = Number(process.env.BENCH_PRACTICES ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_ADMIN_URL;
const GOALS = { selective: 50, 'non-selective': 300 };
const BASELINE = process.env.BENCH_BASELINE;

// The searches: [class, name, arguments of searchPractices].
const SEARCHES = [
  ['selective', 'szkoly lodz', { query: 'szkoly lodz' }],
  [
    'selective',
    'two words + województwo',
    { query: 'termomodernizacja przedszkoli', filter: { voivodeships: ['30'] } },
  ],
  [
    'selective',
    'phrase-ish + area + years',
    { query: 'budżet obywatelski', filter: { areas: ['SOCIAL_DIALOGUE'], years: [2019, 2020] } },
  ],
  [
    'selective',
    'no diacritics + size',
    { query: 'zrodla ciepla', filter: { sizeClasses: ['URBAN_GMINA'] } },
  ],
  ['selective', 'typo (did you mean)', { query: 'termomodrenizacja' }],
  [
    'selective',
    'filters only, 3 facets',
    { filter: { areas: ['EDUCATION'], years: [2021], voivodeships: ['24'] } },
  ],
  ['non-selective', 'browse everything', {}],
  ['non-selective', 'common word, relevance', { query: 'miasta' }],
  ['non-selective', 'common word, newest', { query: 'koszty', sort: 'NEWEST' }],
  [
    'non-selective',
    'frequent word + area',
    { query: 'energii', filter: { areas: ['ENERGY_EFFICIENCY'] } },
  ],
];

const FACET = 'value label count selected';
const SEARCH = `query Search($query: String, $filter: PracticeSearchFilter, $sort: PracticeSort, $first: Int) {
  searchPractices(query: $query, filter: $filter, sort: $sort, first: $first) {
    totalCount didYouMean sort pageInfo { hasNextPage endCursor }
    edges { cursor rank highlight { title snippet }
      node { id title publishedAt tags city { id name voivodeship sizeClass } area { code name } } }
    facets { areas { ${FACET} } voivodeships { ${FACET} } sizeClasses { ${FACET} }
      years { ${FACET} } verificationSources { ${FACET} } }
  } }`;

const require = createRequire(import.meta.url);
const searchSql = require(
  join(ROOT, 'dist/api/libs/api/practices/src/lib/practice-search.service.js'),
);
const baselineSql = BASELINE ? require(BASELINE) : null;

/** The same practices in the same order, the same total and facet counts. */
const sameAnswer = (a, b) => {
  const facets = (row) =>
    JSON.stringify(
      (row.facets ?? [])
        .map((f) => `${f.facet}:${f.value}:${f.count}`)
        .filter((f) => !f.endsWith(':0'))
        .sort(),
    );
  const ids = (row) =>
    row.rows
      .slice(0, 20)
      .map((r) => `${r.id}:${r.rank}`)
      .join();
  return ids(a) === ids(b) && facets(a) === facets(b);
};

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (v) => `${v.toFixed(1)} ms`.padStart(9);

const database = await createScratchDatabase(ADMIN_URL);
let api;
let pool;
try {
  console.log(`Load average before: ${loadAverage()}`);
  api = await startBuiltApi({
    databaseUrl: database.url,
    jwtSecret: randomBytes(32).toString('hex'),
  });
  await generatePractices(database.url, PRACTICES, { log: (line) => console.log(line) });
  const gql = graphqlClient(api.graphqlUrl);
  const { accessToken } = await signIn(gql, 'urzednik.poznan@civitas.local');
  pool = new pg.Pool({ connectionString: database.url, max: 10 });
  const {
    rows: [{ polish }],
  } = await pool.query(
    `SELECT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'polish_unaccent') AS polish`,
  );
  const dictionary = polish ? 'Polish (hunspell)' : 'simple + unaccent';
  console.log(`civitas_search: ${dictionary}`);

  const viaApi = async (args) => {
    const res = await fetch(api.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query: SEARCH, variables: { first: 20, ...args } }),
    });
    const body = await res.json();
    if (body.errors) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
    return body.data.searchPractices;
  };
  const sqlOf = (module) => async (args) => {
    const search = module.normaliseSearch({ sort: 'RELEVANCE', first: 20, ...args });
    const { rows } = await pool.query(
      module.searchStatement(search),
      module.searchParams(search, null, 20),
    );
    return rows[0];
  };
  const viaSql = sqlOf(searchSql);
  const viaBaseline = baselineSql ? sqlOf(baselineSql) : null;
  if (BASELINE) console.log(`Baseline statement: ${BASELINE}`);

  // Warm every pooled connection on both sides (each loads the hunspell dictionary once).
  for (let round = 0; round < 3; round++) {
    await Promise.all(
      SEARCHES.flatMap(([, , args]) => [viaApi(args), viaSql(args), viaBaseline?.(args)]),
    );
  }

  console.log(
    `\n${PRACTICES.toLocaleString('en')} practices; one request at a time, ${ITERATIONS} each:`,
  );
  console.log(
    `${'class'.padEnd(14)}${'search'.padEnd(30)}${'matches'.padStart(8)}   API p50   API p95   SQL p50   SQL p95  same${viaBaseline ? '  base p50  base p95  SQL/base p50  same as base' : ''}`,
  );
  const byClass = {};
  for (const [klass, name, args] of SEARCHES) {
    const apiTimes = [];
    const sqlTimes = [];
    const baseTimes = [];
    let apiAnswer;
    let sqlAnswer;
    let baseAnswer;
    for (let i = 0; i < ITERATIONS; i++) {
      let t = performance.now();
      apiAnswer = await viaApi(args);
      apiTimes.push(performance.now() - t);
      // The two statements take turns going first, so neither always finds the cache warm.
      const timed = [
        async () => {
          t = performance.now();
          sqlAnswer = await viaSql(args);
          sqlTimes.push(performance.now() - t);
        },
        async () => {
          if (!viaBaseline) return;
          t = performance.now();
          baseAnswer = await viaBaseline(args);
          baseTimes.push(performance.now() - t);
        },
      ];
      for (const step of i % 2 ? timed.reverse() : timed) await step();
    }
    const sqlTotal = sqlAnswer.facets?.find((f) => f.facet === 't')?.count ?? 0;
    const same =
      apiAnswer.totalCount === sqlTotal &&
      apiAnswer.edges.map((e) => e.node.id).join() ===
        sqlAnswer.rows
          .slice(0, 20)
          .map((r) => r.id)
          .join();
    (byClass[klass] ??= { api: [], sql: [], base: [] }).api.push(...apiTimes);
    byClass[klass].sql.push(...sqlTimes);
    byClass[klass].base.push(...baseTimes);
    // The baseline must find the same: same practices in the same order, same facets.
    const sameAsBase = baseAnswer && sameAnswer(sqlAnswer, baseAnswer);
    console.log(
      `${klass.padEnd(14)}${name.padEnd(30)}${String(apiAnswer.totalCount).padStart(8)} ${ms(percentile(apiTimes, 50))} ${ms(percentile(apiTimes, 95))} ${ms(percentile(sqlTimes, 50))} ${ms(percentile(sqlTimes, 95))}  ${same ? 'yes' : 'NO '}${baseAnswer ? ` ${ms(percentile(baseTimes, 50))} ${ms(percentile(baseTimes, 95))}  ${(percentile(sqlTimes, 50) / percentile(baseTimes, 50)).toFixed(2).padStart(12)}  ${sameAsBase ? 'yes' : 'NO'}` : ''}`,
    );
  }
  console.log('\np95 per class (goal):');
  for (const [klass, times] of Object.entries(byClass)) {
    const p95 = percentile(times.api, 95);
    console.log(
      `  ${klass.padEnd(14)} API ${ms(p95)}  SQL ${ms(percentile(times.sql, 95))}  goal < ${GOALS[klass]} ms: ${p95 < GOALS[klass] ? 'met' : 'NOT met'}${times.base.length ? `  baseline SQL ${ms(percentile(times.base, 95))}, SQL / baseline ${(percentile(times.sql, 95) / percentile(times.base, 95)).toFixed(2)}` : ''}`,
    );
  }

  // Throughput: CONNECTIONS clients cycling through the searches for DURATION seconds.
  const throughput = async (run) => {
    const until = performance.now() + DURATION * 1000;
    let done = 0;
    let errors = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, worker) => {
        for (let i = worker; performance.now() < until; i++) {
          try {
            await run(SEARCHES[i % SEARCHES.length][2]);
            done++;
          } catch {
            errors++;
          }
        }
      }),
    );
    return { perSecond: done / DURATION, errors };
  };
  const apiRate = await throughput(viaApi);
  const sqlRate = await throughput(viaSql);
  const ratio = apiRate.perSecond / sqlRate.perSecond;
  console.log(
    `\nThroughput, ${CONNECTIONS} concurrent clients, ${DURATION} s each, the mix above:`,
  );
  console.log(
    `  GraphQL API  ${apiRate.perSecond.toFixed(1)} searches/s (${apiRate.errors} errors)`,
  );
  console.log(
    `  direct SQL   ${sqlRate.perSecond.toFixed(1)} searches/s (${sqlRate.errors} errors)`,
  );
  console.log(
    `  ratio API / direct: ${ratio.toFixed(2)} (goal >= 0.7: ${ratio >= 0.7 ? 'met' : 'NOT met'})`,
  );
  console.log(`Load average after: ${loadAverage()}`);
} finally {
  await pool?.end();
  await api?.stop();
  await database.drop();
}
