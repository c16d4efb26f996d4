#!/usr/bin/env node
// Thread page benchmark (issue 3, "Speed, measured"): `npm run bench:thread`.
//
// 1. Creates a fresh database `civitas_bench_<random>` (admin URL: BENCH_DATABASE_URL, default
//    postgresql://postgres@127.0.0.1:5432/postgres), starts the BUILT api
//    (dist/api/apps/api/src/main.js; build it first) on a free port with NODE_ENV=production and
//    the demo seed, then builds a thread of exactly 50 posts in the demo group with the most
//    members, through GraphQL as real users: replies from several people, reactions from
//    several people, and a read state (read up to post 30) for the benchmark user.
// 2. Measures with autocannon, one after the other: (a) the GraphQL thread page query with the
//    benchmark user's access token; (b) a baseline: node:http + raw `pg` (pool of 10, like the
//    api's default) answering the identical JSON with the same work per request (the caller
//    from the token, the thread with access and read state, posts, authors and their cities,
//    reactions), not a cached string.
// 3. Prints both results, the ratio and the goal (ratio >= 0.6, GraphQL p99 < 100 ms) as
//    information — it is not a pass/fail test, the exit code says only whether it ran — and
//    whether both answers are the identical JSON; then stops both servers and drops the database.
//
// Env: BENCH_DURATION (s, default 20), BENCH_CONNECTIONS (default 50), BENCH_DATABASE_URL.
// A quick run: BENCH_DURATION=3 BENCH_CONNECTIONS=10 npm run bench:thread
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  createScratchDatabase,
  DEFAULT_ADMIN_URL,
  graphqlClient,
  loadAverage,
  signIn as signInAs,
  startBuiltApi,
} from '../lib/bench.mjs';

const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_ADMIN_URL;
const JWT_SECRET = randomBytes(32).toString('hex');
const POSTS = 50;
const REACTIONS = ['THUMBS_UP', 'HEART', 'LAUGH', 'TADA', 'THINKING', 'EYES'];

// Access tokens are short-lived (15 min): each measurement signs in afresh, so a run must stay
// under that.
if (DURATION > 600) throw new Error('BENCH_DURATION above 600 s would outlast the access token');

// The thread page: the thread with my read state, 50 posts with their authors, the authors'
// cities and the reactions, as the web asks for it (page size as a variable).
const AUTHOR = 'id name position organisation { id name }';
const THREAD_PAGE = `query ThreadPage($id: ID!, $first: Int!) {
  forumThread(id: $id) {
    id title pinned locked hidden createdAt lastActivityAt newReplyCount firstUnreadPostId
    viewerFollow author { ${AUTHOR} }
    posts(first: $first) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node {
        id position bodyHtml createdAt editedAt deletedAt hidden quotedPostId
        author { ${AUTHOR} } reactions { reaction count reactedByMe }
      } }
    }
  }
}`;

// --- The database and the api ---------------------------------------------------------------

const database = await createScratchDatabase(ADMIN_URL);
const dbUrl = database.url;

let api;
let baseline;
let pool;
try {
  api = await startBuiltApi({ databaseUrl: dbUrl, jwtSecret: JWT_SECRET });
  const apiUrl = api.graphqlUrl;
  const gql = graphqlClient(apiUrl);
  const signIn = (email) => signInAs(gql, email);

  // --- The thread: 50 posts, reactions from several people, a read state --------------------

  // Which group and members to use is looked up in the database; everything written goes
  // through the api as those members.
  pool = new pg.Pool({ connectionString: dbUrl, max: 10 });
  const { rows: members } = await pool.query(
    `WITH g AS (SELECT group_id FROM group_membership GROUP BY group_id
                ORDER BY count(*) DESC, group_id LIMIT 1)
     SELECT m.group_id, u.email FROM group_membership m JOIN g USING (group_id)
     JOIN app_user u ON u.id = m.user_id ORDER BY u.email`,
  );
  const groupId = members[0].group_id;
  const people = [];
  for (const { email } of members) {
    if (people.length === 4) break;
    const session = await signIn(email).catch(() => null); // e.g. a deactivated account
    if (session) people.push({ email, token: session.accessToken, id: session.user.id });
  }
  if (people.length < 3) throw new Error('The demo group has fewer than 3 members who can sign in');
  const [me] = people;

  const thread = (
    await gql(
      `mutation($input: CreateForumThreadInput!) { createForumThread(input: $input) { id } }`,
      {
        input: {
          groupId,
          title: 'Benchmark: budżet obywatelski 2027',
          body: 'Jak liczycie głosy w budżecie obywatelskim? **Prosimy** o przykłady.',
        },
      },
      me.token,
    )
  ).createForumThread;
  const postIds = [];
  const { forumThread: first } = await gql(
    `query($id: ID!) { forumThread(id: $id) { posts(first: 1) { edges { node { id } } } } }`,
    { id: thread.id },
    me.token,
  );
  postIds.push(first.posts.edges[0].node.id);
  for (let i = 2; i <= POSTS; i++) {
    const author = people[i % people.length];
    const quoted = i % 10 === 0 ? postIds[i - 5] : undefined;
    const { replyToThread } = await gql(
      `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { id } }`,
      {
        input: {
          threadId: thread.id,
          quotedPostId: quoted,
          body: `Odpowiedź ${i}: u nas _liczymy_ głosy elektronicznie, a papierowe karty osobno.`,
        },
      },
      author.token,
    );
    postIds.push(replyToThread.id);
  }
  for (const [i, postId] of postIds.entries()) {
    for (const [p, person] of people.entries()) {
      if ((i + p) % 3 !== 0) continue;
      for (const reaction of REACTIONS.slice(p % 3, (p % 3) + 1 + (i % 2))) {
        await gql(
          `mutation($input: ReactToPostInput!) { reactToPost(input: $input) { id } }`,
          { input: { postId, reaction } },
          person.token,
        );
      }
    }
  }
  await gql(
    `mutation($t: ID!, $p: ID!) { markThreadRead(threadId: $t, upToPostId: $p) { id } }`,
    { t: thread.id, p: postIds[29] },
    me.token,
  );

  // --- The baseline: node:http + raw pg, the same JSON as the GraphQL `data` ---------------

  const userFromToken = (header) => {
    const [h, p, sig] = (header ?? '').replace(/^Bearer /, '').split('.');
    const expected = createHmac('sha256', JWT_SECRET).update(`${h}.${p}`).digest('base64url');
    if (!sig || sig !== expected) return null;
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    return claims.exp * 1000 > Date.now() ? claims : null;
  };
  const cursor = (seq) => Buffer.from(JSON.stringify([seq])).toString('base64url');
  const iso = (d) => d?.toISOString() ?? null;

  async function threadPage(claims, threadId) {
    const { rows: users } = await pool.query(
      `SELECT id, role FROM app_user
       WHERE id = $1 AND session_version = $2 AND deactivated_at IS NULL`,
      [claims.sub, claims.sv],
    );
    if (!users[0]) return null;
    const moderates = `(m.role = 'COORDINATOR' OR $3)`;
    const office = users[0].role === 'OFFICE_ADMIN';
    const {
      rows: [t],
    } = await pool.query(
      `SELECT t.*, m.role, coalesce(r.follow, 'NONE') AS follow,
         (SELECT count(*)::int FROM forum_post p WHERE p.thread_id = t.id
            AND p.seq > coalesce(r.last_read_seq, 0) AND (p.hidden_at IS NULL OR ${moderates})) AS new_count,
         (SELECT p.id FROM forum_post p WHERE p.thread_id = t.id
            AND p.seq > coalesce(r.last_read_seq, 0) AND (p.hidden_at IS NULL OR ${moderates})
          ORDER BY p.seq LIMIT 1) AS first_unread_id
       FROM forum_thread t
       LEFT JOIN group_membership m ON m.group_id = t.group_id AND m.user_id = $2
       LEFT JOIN forum_thread_reader r ON r.thread_id = t.id AND r.user_id = $2
       WHERE t.id = $1`,
      [threadId, claims.sub, office],
    );
    if (!t || (!t.role && !office)) return null;
    const seeAll = office || t.role === 'COORDINATOR';
    const { rows: posts } = await pool.query(
      `SELECT p.*, count(*) OVER ()::int AS total FROM forum_post p
       WHERE p.thread_id = $1 AND (p.hidden_at IS NULL OR $2) ORDER BY p.seq LIMIT $3`,
      [threadId, seeAll, POSTS + 1],
    );
    const page = posts.slice(0, POSTS);
    const authorIds = [...new Set([t.author_id, ...page.map((p) => p.author_id)])].filter(Boolean);
    const [{ rows: authors }, { rows: reactions }] = await Promise.all([
      pool.query(
        `SELECT u.id, u.name, u.position, json_build_object('id', o.id, 'name', o.name) AS organisation
         FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = ANY($1)`,
        [authorIds],
      ),
      pool.query(
        `SELECT post_id, reaction, count(*)::int AS count, bool_or(user_id = $2) AS mine
         FROM forum_reaction WHERE post_id = ANY($1) GROUP BY post_id, reaction`,
        [page.map((p) => p.id), claims.sub],
      ),
    ]);
    const authorById = new Map(authors.map((a) => [a.id, a]));
    const reactionsOf = new Map();
    for (const r of reactions.sort(
      (a, b) => REACTIONS.indexOf(a.reaction) - REACTIONS.indexOf(b.reaction),
    )) {
      const list = reactionsOf.get(r.post_id) ?? [];
      list.push({ reaction: r.reaction, count: r.count, reactedByMe: r.mine });
      reactionsOf.set(r.post_id, list);
    }
    const author = (id) => authorById.get(id) ?? null;
    return {
      forumThread: {
        id: t.id,
        title: t.title,
        pinned: t.pinned,
        locked: t.locked,
        hidden: t.hidden_at !== null,
        createdAt: iso(t.created_at),
        lastActivityAt: iso(t.last_activity_at),
        newReplyCount: t.new_count,
        firstUnreadPostId: t.first_unread_id,
        viewerFollow: t.follow,
        author: author(t.author_id),
        posts: {
          totalCount: posts[0]?.total ?? 0,
          pageInfo: {
            hasNextPage: posts.length > POSTS,
            endCursor: page.length ? cursor(page.at(-1).seq) : null,
          },
          edges: page.map((p) => ({
            cursor: cursor(p.seq),
            node: {
              id: p.id,
              position: p.seq,
              bodyHtml: p.body_html,
              createdAt: iso(p.created_at),
              editedAt: iso(p.edited_at),
              deletedAt: iso(p.deleted_at),
              hidden: p.hidden_at !== null,
              quotedPostId: p.quoted_post_id,
              author: author(p.author_id),
              reactions: reactionsOf.get(p.id) ?? [],
            },
          })),
        },
      },
    };
  }

  baseline = createServer(async (req, res) => {
    try {
      const claims = userFromToken(req.headers.authorization);
      const data = claims && (await threadPage(claims, thread.id));
      res.writeHead(data ? 200 : 403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data }));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  }).listen(0, '127.0.0.1');
  await once(baseline, 'listening');
  const baselineUrl = `http://127.0.0.1:${baseline.address().port}/`;

  // --- Measure -------------------------------------------------------------------------------

  const body = JSON.stringify({ query: THREAD_PAGE, variables: { id: thread.id, first: POSTS } });
  const measure = async (name, url) => {
    const { accessToken } = await signIn(me.email); // a fresh token for each measurement
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` };
    const sample = await fetch(url, { method: 'POST', headers, body }).then((r) => r.json());
    if (sample.errors || !sample.data) throw new Error(`${name}: ${JSON.stringify(sample)}`);
    const result = await autocannon({
      url,
      method: 'POST',
      headers,
      body,
      connections: CONNECTIONS,
      duration: DURATION,
      workers: 1, // off the main thread, which serves the baseline
    });
    return { name, sample: sample.data, result };
  };
  console.log(
    `Thread page: ${POSTS} posts, ${people.length} authors; autocannon ${CONNECTIONS} connections, ${DURATION} s each`,
  );
  // Other work on the machine skews both figures: the load average says how busy it was.
  console.log(`Load average before: ${loadAverage()}`);
  const runs = [await measure('GraphQL', apiUrl), await measure('baseline', baselineUrl)];
  console.log(`Load average after:  ${loadAverage()}`);

  // --- Report --------------------------------------------------------------------------------

  console.table(
    Object.fromEntries(
      runs.map(({ name, result: r }) => [
        name,
        {
          'req/s (mean)': r.requests.average,
          'p50 ms': r.latency.p50,
          'p97.5 ms': r.latency.p97_5,
          'p99 ms': r.latency.p99,
          requests: r.requests.total,
          'non-2xx': r.non2xx,
          errors: r.errors,
          timeouts: r.timeouts,
        },
      ]),
    ),
  );
  const [graphql, raw] = runs.map((r) => r.result);
  const ratio = graphql.requests.average / raw.requests.average;
  const mark = (ok) => (ok ? 'PASS' : 'MISS');
  console.log(`Throughput ratio GraphQL / baseline: ${ratio.toFixed(3)}`);
  console.log(`Goal ratio >= 0.6:            ${mark(ratio >= 0.6)}`);
  console.log(
    `Goal GraphQL p99 < 100 ms:    ${mark(graphql.latency.p99 < 100)} (${graphql.latency.p99} ms)`,
  );
  const same = isDeepStrictEqual(runs[0].sample, runs[1].sample);
  console.log(`Identical JSON (GraphQL data vs baseline): ${same ? 'yes' : 'NO'}`);
  if (!same) {
    console.log('GraphQL: ', JSON.stringify(runs[0].sample).slice(0, 600));
    console.log('baseline:', JSON.stringify(runs[1].sample).slice(0, 600));
  }
} finally {
  baseline?.close();
  await pool?.end();
  await api?.stop();
  await database.drop();
}
