#!/usr/bin/env node
// Group chat under load (issue 4, "Speed, measured"): `npm run load:chat`.
//
// 1. Creates a fresh database `civitas_load_<random>` (admin URL: LOAD_DATABASE_URL, default
//    postgresql://postgres@127.0.0.1:5432/postgres) and starts the BUILT api
//    (dist/api/apps/api/src/main.js; `npm run build` first) on it on a free port with
//    NODE_ENV=production, the demo seed and a random JWT_SECRET (tools/lib/bench.mjs). Without
//    LOAD_REDIS_URL the api runs alone with socket.io's in-memory adapter, like the baseline;
//    with it, through the Redis adapter (what several processes use).
// 2. Writes the data set straight into PostgreSQL: 20 working groups (OPEN) of 50 members,
//    1,000 new city officials of the demo's member cities (each client its own person), with
//    the password hash of a demo account copied; signs one of them in through GraphQL to show
//    the accounts are real, and signs the 1,000 access tokens itself with the JWT_SECRET it
//    gave the api (HS256, `sub` and `sv` as libs/api/auth issues them, 15 minutes).
// 3. Measures two servers, one after the other, each with fresh client processes:
//    a. the baseline: a bare socket.io 4.8 server on node:http (tools/load/bare-server.mjs,
//       a child process; no auth, no database) broadcasting a `chat:message` of the api's
//       shape and size to the room;
//    b. the api: handshake with the token and the allowed Origin, `group:subscribe`, and
//       `chat:send`, which the api stores in PostgreSQL before it broadcasts.
//    Each: 1,000 clients (socket.io-client 4.8, WebSocket transport, one connection each) in
//    LOAD_WORKERS (2) processes (tools/load/chat-clients.mjs), whole groups per process; every
//    client connects and subscribes to its group; then in each group one member sends one
//    message per second for LOAD_DURATION (60) s, the groups' sends spread over the second.
//    Latency is receive time − send time (the same process's clock) on each of the 50 members
//    of the room, the sender included (the api broadcasts to the whole room).
// 4. Prints for both: deliveries expected, delivered, lost, duplicated; latency p50/p99/max;
//    acknowledgement p50/p99; delivered per second (deliveries ÷ first send to last delivery;
//    at a fixed offered load both servers deliver it unless one falls behind or loses
//    messages); the server's memory per connection: its RSS (/proc/<pid>/status) after all
//    clients subscribed minus before they connected, ÷ clients — read as it is, and again
//    after a full garbage collection (both servers run with --inspect on a loopback port and
//    the script asks for the GC through the inspector, so the figure does not depend on when
//    V8 last collected), with the V8 heap in use; the server's and the client processes' CPU,
//    the client processes' event-loop delay and the load average; then the ratios api/baseline
//    and the goals of issue 4 (p99 < 100 ms, throughput ≥ 0.5 × baseline, memory per
//    connection ≤ 1.5 × baseline) as information. Not a pass/fail test: the exit code says
//    only whether it ran.
//
// The api's limits (libs/shared/domain limits.ts, read at start and checked against the load):
// one handshake per person (limit REALTIME_CONNECTIONS_PER_MINUTE per person per minute), each
// sender sends LOAD_RATE × 10 messages per 10 s (flood limit CHAT_FLOOD_MESSAGES per
// CHAT_FLOOD_WINDOW_SECONDS) and that many events (REALTIME_EVENTS_PER_10_SECONDS).
//
// Env: LOAD_DURATION (s, default 60, at most 600: the tokens last 15 min), LOAD_GROUPS (20),
// LOAD_GROUP_SIZE (50), LOAD_RATE (messages per group per second, 1), LOAD_WORKERS (2),
// LOAD_ONLY (`bare` or `api`: one half), LOAD_REDIS_URL, LOAD_DATABASE_URL, LOAD_HEAP_DIFF (set:
// heap snapshots of the server before and after connecting, and what grew, per connection;
// taking a snapshot grows the RSS, so the RSS figures of such a run mean nothing).
// A quick run: LOAD_DURATION=5 LOAD_GROUPS=4 LOAD_GROUP_SIZE=10 npm run load:chat
import { execFileSync, fork } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
// A dependency of socket.io and socket.io-client (engine.io); Node 20 has no WebSocket client.
import WebSocket from 'ws';
import {
  createScratchDatabase,
  DEFAULT_ADMIN_URL,
  forwardStderr,
  freePort,
  graphqlClient,
  loadAverage,
  ROOT,
  signIn,
  startBuiltApi,
} from '../lib/bench.mjs';

const env = (name, fallback) => Number(process.env[name] ?? fallback);
const DURATION = env('LOAD_DURATION', 60);
const GROUPS = env('LOAD_GROUPS', 20);
const GROUP_SIZE = env('LOAD_GROUP_SIZE', 50);
const RATE = env('LOAD_RATE', 1);
const WORKERS = env('LOAD_WORKERS', 2);
const ONLY = process.env.LOAD_ONLY;
const HEAP_DIFF = Boolean(process.env.LOAD_HEAP_DIFF);
const ADMIN_URL = process.env.LOAD_DATABASE_URL ?? DEFAULT_ADMIN_URL;
const REDIS_URL = process.env.LOAD_REDIS_URL;
const JWT_SECRET = randomBytes(32).toString('hex');
const CLIENTS = GROUPS * GROUP_SIZE;
const DEMO_ACCOUNT = 'urzednik.poznan@civitas.local'; // whose password hash the load users get
const CONNECT_CONCURRENCY = 50; // handshakes in flight per client process
const SETTLE_MS = 3000; // after the last subscription, before reading the server's RSS

if (DURATION > 600) throw new Error('LOAD_DURATION above 600 s would outlast the access tokens');
if (!(GROUP_SIZE >= 2 && GROUPS >= 1 && RATE > 0 && WORKERS >= 1))
  throw new Error('LOAD_GROUPS ≥ 1, LOAD_GROUP_SIZE ≥ 2, LOAD_RATE > 0, LOAD_WORKERS ≥ 1');

// --- The api's limits, from the shared domain ----------------------------------------------

const limits = Object.fromEntries(
  [
    ...readFileSync(`${ROOT}/libs/shared/domain/src/lib/limits.ts`, 'utf8').matchAll(
      /export const (\w+) = ([\d_ *]+);/g,
    ),
  ].map(([, name, expr]) => [
    name,
    expr
      .replaceAll('_', '')
      .split('*')
      .reduce((a, b) => a * Number(b), 1),
  ]),
);
{
  const perWindow = RATE * limits.CHAT_FLOOD_WINDOW_SECONDS;
  const problems = [];
  if (perWindow + 1 > limits.CHAT_FLOOD_MESSAGES)
    problems.push(
      `flood limit ${limits.CHAT_FLOOD_MESSAGES}/${limits.CHAT_FLOOD_WINDOW_SECONDS} s`,
    );
  if (RATE * 10 + 1 > limits.REALTIME_EVENTS_PER_10_SECONDS)
    problems.push(`event limit ${limits.REALTIME_EVENTS_PER_10_SECONDS}/10 s`);
  console.log(
    `Api limits: ${limits.REALTIME_CONNECTIONS_PER_MINUTE} handshakes/person/min (the load: 1), ` +
      `chat flood ${limits.CHAT_FLOOD_MESSAGES} per ${limits.CHAT_FLOOD_WINDOW_SECONDS} s and ` +
      `${limits.REALTIME_EVENTS_PER_10_SECONDS} events per 10 s per person (a sender: ${perWindow})` +
      (problems.length ? ` — LOAD_RATE ${RATE} goes over the ${problems.join(' and ')}` : ''),
  );
}

// --- Small helpers -------------------------------------------------------------------------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
/** Resident memory of a process in bytes. */
const rss = (pid) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
/** CPU seconds a process has used (user + system). */
const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime
};
const percentile = (sorted, p) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
    : NaN;
const MiB = (bytes) => +(bytes / 2 ** 20).toFixed(1);
const round = (x, digits = 1) => (Number.isFinite(x) ? +x.toFixed(digits) : x);
const load1 = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * The server's memory: RSS as it is, then a full garbage collection through the inspector
 * (the server runs with --inspect on `inspectPort`) and RSS and the V8 heap in use after it.
 */
async function memory(pid, inspectPort) {
  const raw = rss(pid);
  const [{ webSocketDebuggerUrl }] = await (
    await fetch(`http://127.0.0.1:${inspectPort}/json/list`)
  ).json();
  const ws = new WebSocket(webSocketDebuggerUrl);
  await once(ws, 'open');
  let lastId = 0;
  const call = (method) =>
    new Promise((resolve, reject) => {
      const id = ++lastId;
      const onMessage = (data) => {
        const answer = JSON.parse(data);
        if (answer.id !== id) return;
        ws.off('message', onMessage);
        if (answer.error) reject(new Error(`${method}: ${answer.error.message}`));
        else resolve(answer.result);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id, method }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    await sleep(500);
    const { usedSize } = await call('Runtime.getHeapUsage');
    const result = { raw, gc: rss(pid), heap: usedSize };
    if (HEAP_DIFF) {
      const chunks = [];
      const onChunk = (data) => {
        const m = JSON.parse(data);
        if (m.method === 'HeapProfiler.addHeapSnapshotChunk') chunks.push(m.params.chunk);
      };
      ws.on('message', onChunk);
      await call('HeapProfiler.takeHeapSnapshot');
      ws.off('message', onChunk);
      result.kinds = heapByKind(JSON.parse(chunks.join('')));
    }
    return result;
  } finally {
    ws.close();
  }
}

/** A heap snapshot summed by kind: objects by constructor, closures by function name. */
function heapByKind({ snapshot: { meta }, nodes, strings }) {
  const stride = meta.node_fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) =>
    meta.node_fields.indexOf(f),
  );
  const types = meta.node_types[typeAt];
  const kinds = new Map();
  for (let i = 0; i < nodes.length; i += stride) {
    const type = types[nodes[i + typeAt]];
    const key = ['object', 'closure', 'native'].includes(type)
      ? `${type} ${strings[nodes[i + nameAt]].slice(0, 60)}`
      : `(${type})`;
    const kind = kinds.get(key) ?? { count: 0, bytes: 0 };
    kind.count++;
    kind.bytes += nodes[i + sizeAt];
    kinds.set(key, kind);
  }
  return kinds;
}

/** What grew on the heap between two snapshots, per connection, the largest first. */
function printHeapGrowth(before, after, connections) {
  const rows = [...after.kinds]
    .map(([kind, { count, bytes }]) => {
      const was = before.kinds.get(kind) ?? { count: 0, bytes: 0 };
      return { kind, bytes: bytes - was.bytes, count: count - was.count };
    })
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 25);
  console.table(
    rows.map((r) => ({
      'grew on the heap': r.kind,
      'bytes/connection': Math.round(r.bytes / connections),
      'count/connection': round(r.count / connections, 2),
    })),
  );
}

/** An access token as libs/api/auth's SessionService signs it. */
function accessToken(userId, sessionVersion) {
  const iat = Math.floor(Date.now() / 1000);
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ sub: userId, sv: sessionVersion, iat, exp: iat + 15 * 60 })}`;
  return `${unsigned}.${createHmac('sha256', JWT_SECRET).update(unsigned).digest('base64url')}`;
}

/** A client process; `ask(message, answerType)` sends one message and waits for its answer. */
function startWorker() {
  const child = fork(new URL('./chat-clients.mjs', import.meta.url), { stdio: 'inherit' });
  const ask = async (message, answer) => {
    const reply = new Promise((resolve, reject) => {
      const onMessage = (m) => {
        if (m.type !== answer && m.type !== 'error') return;
        child.off('message', onMessage);
        if (m.type === 'error') reject(new Error(`client process: ${m.message}`));
        else resolve(m);
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`client process exited (${code})`)));
    });
    child.send(message);
    return reply;
  };
  return { child, ask };
}

/** Adds up the same-named counters of several `{ code: n }` objects. */
const sumCounts = (list) => {
  const total = {};
  for (const counts of list)
    for (const [k, n] of Object.entries(counts ?? {})) total[k] = (total[k] ?? 0) + n;
  return total;
};
const describe = (counts) =>
  Object.entries(counts)
    .map(([k, n]) => `${k} ×${n}`)
    .join(', ') || 'none';

/**
 * One server under the load: connect and subscribe every client, read the server's RSS, send
 * for DURATION s, collect. `clients` are `{ token, author, groupId, group, sender }`.
 */
async function measure(name, { url, origin, pid, inspectPort, clients }) {
  console.log(`\n— ${name}: ${clients.length} clients connecting to ${url}`);
  const workers = Array.from({ length: Math.min(WORKERS, GROUPS) }, startWorker);
  try {
    const before = await memory(pid, inspectPort);
    const connected = await Promise.all(
      workers.map((w, i) =>
        w.ask(
          {
            type: 'connect',
            url,
            origin,
            concurrency: CONNECT_CONCURRENCY,
            clients: clients.filter((c) => c.group % workers.length === i),
          },
          'connected',
        ),
      ),
    );
    const conn = {
      connected: connected.reduce((a, c) => a + c.connected, 0),
      subscribed: connected.reduce((a, c) => a + c.subscribed, 0),
      errors: sumCounts(connected.map((c) => c.connectErrors)),
      refusals: sumCounts(connected.map((c) => c.subscribeRefusals)),
      seconds: Math.max(...connected.map((c) => c.ms)) / 1000,
    };
    console.log(
      `  connected ${conn.connected}, subscribed ${conn.subscribed} in ${conn.seconds.toFixed(1)} s; ` +
        `handshake errors: ${describe(conn.errors)}; subscribe refusals: ${describe(conn.refusals)}`,
    );
    await sleep(SETTLE_MS);
    const after = await memory(pid, inspectPort);
    if (HEAP_DIFF) printHeapGrowth(before, after, Math.max(1, conn.subscribed));

    const loadBefore = load1();
    const cpuBefore = cpuSeconds(pid);
    const startAt = Date.now() + 1000;
    const results = await Promise.all(
      workers.map((w) =>
        w.ask({ type: 'run', startAt, duration: DURATION, rate: RATE, groups: GROUPS }, 'result'),
      ),
    );
    const serverCpu = ((cpuSeconds(pid) - cpuBefore) / ((Date.now() - startAt) / 1000)) * 100;
    const loadAfter = load1();
    const end = await memory(pid, inspectPort);
    await Promise.all(workers.map((w) => w.ask({ type: 'close' }, 'closed')));

    const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const acks = results.flatMap((r) => r.acks).sort((a, b) => a - b);
    const delivered = results.reduce((a, r) => a + r.delivered, 0);
    const firstSend = Math.min(...results.map((r) => r.firstSend));
    const lastReceive = Math.max(...results.map((r) => r.lastReceive));
    const samples = results.reduce((a, r) => a + r.payloadSamples, 0);
    const figures = {
      name,
      clients: conn.subscribed,
      sent: results.reduce((a, r) => a + r.sent, 0),
      expected: results.reduce((a, r) => a + r.expected, 0),
      delivered,
      lost: results.reduce((a, r) => a + r.lost, 0),
      duplicated: results.reduce((a, r) => a + r.duplicates, 0),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1),
      ackP50: percentile(acks, 50),
      ackP99: percentile(acks, 99),
      perSecond: delivered / ((lastReceive - firstSend) / 1000),
      before,
      after,
      end,
      perConnection: (after.raw - before.raw) / Math.max(1, conn.subscribed),
      perConnectionGc: (after.gc - before.gc) / Math.max(1, conn.subscribed),
      heapPerConnection: (after.heap - before.heap) / Math.max(1, conn.subscribed),
      serverCpu,
      clientCpu: results.map((r) => round(r.cpuPercent, 0)).join(' + '),
      clientLoopP99: Math.max(...results.map((r) => r.loopDelayP99)),
      payload: samples ? results.reduce((a, r) => a + r.payloadBytes, 0) / samples : NaN,
      ackTimeouts: results.reduce((a, r) => a + r.ackTimeouts, 0),
      sendRefusals: sumCounts(results.map((r) => r.sendRefusals)),
      disconnects: sumCounts(results.map((r) => r.disconnects)),
      stray: results.reduce((a, r) => a + r.stray, 0),
      loadBefore,
      loadAfter,
      connectSeconds: conn.seconds,
    };
    console.log(
      `  sent ${figures.sent}; send refusals: ${describe(figures.sendRefusals)}; ack timeouts: ${figures.ackTimeouts}; ` +
        `disconnects during the run: ${describe(figures.disconnects)}; ` +
        `chat:message JSON ≈ ${round(figures.payload, 0)} B` +
        (figures.stray ? `; ${figures.stray} messages not sent by this run` : ''),
    );
    return figures;
  } finally {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill();
  }
}

// --- The database, the api and the data set -----------------------------------------------

const database = await createScratchDatabase(ADMIN_URL, 'civitas_load');
let api;
let bare;
let pool;
try {
  console.log(`Load average at start: ${loadAverage()}`);
  const apiInspectPort = await freePort();
  api = await startBuiltApi({
    databaseUrl: database.url,
    jwtSecret: JWT_SECRET,
    env: { REDIS_URL: REDIS_URL },
    nodeArgs: [`--inspect=127.0.0.1:${apiInspectPort}`], // for a full GC before reading RSS
  });
  pool = new pg.Pool({ connectionString: database.url, max: 2 });

  const {
    rows: [demo],
  } = await pool.query(`SELECT password_hash FROM app_user WHERE email = $1`, [DEMO_ACCOUNT]);
  const { rows: cities } = await pool.query(
    `SELECT id, name FROM organisation
     WHERE membership_status = 'MEMBER' AND kind <> 'ASSOCIATION_OFFICE' ORDER BY name`,
  );
  if (!demo || cities.length === 0)
    throw new Error('The demo seed has no official or no member city');
  const pad = (n) => String(n).padStart(2, '0');
  const groups = Array.from({ length: GROUPS }, (_, g) => ({
    id: randomUUID(),
    name: `Test obciazenia czatu ${pad(g + 1)}`,
    members: Array.from({ length: GROUP_SIZE }, (_, m) => {
      const city = cities[(g * GROUP_SIZE + m) % cities.length];
      return {
        id: randomUUID(),
        email: `load.${pad(g + 1)}.${pad(m + 1)}@civitas.local`,
        name: `Uczestnik ${pad(g + 1)}-${pad(m + 1)}`,
        organisationId: city.id,
        organisationName: city.name,
      };
    }),
  }));
  const people = groups.flatMap((g) => g.members);
  await pool.query('BEGIN');
  await pool.query(
    `INSERT INTO working_group (id, name, name_folded, topic, visibility)
     SELECT id, name, lower(name), 'Test obciążenia', 'OPEN' FROM unnest($1::uuid[], $2::text[]) AS t(id, name)`,
    [groups.map((g) => g.id), groups.map((g) => g.name)],
  );
  await pool.query(
    `INSERT INTO app_user (id, email, password_hash, name, name_folded, role, organisation_id)
     SELECT id, email, $5, name, lower(name), 'CITY_OFFICIAL', org
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[]) AS t(id, email, name, org)`,
    [
      people.map((p) => p.id),
      people.map((p) => p.email),
      people.map((p) => p.name),
      people.map((p) => p.organisationId),
      demo.password_hash,
    ],
  );
  await pool.query(
    `INSERT INTO group_membership (group_id, user_id, role)
     SELECT g, u, CASE WHEN first THEN 'COORDINATOR' ELSE 'MEMBER' END
     FROM unnest($1::uuid[], $2::uuid[], $3::bool[]) AS t(g, u, first)`,
    [
      groups.flatMap((g) => g.members.map(() => g.id)),
      people.map((p) => p.id),
      groups.flatMap((g) => g.members.map((_, m) => m === 0)),
    ],
  );
  await pool.query('COMMIT');
  const check = await signIn(graphqlClient(api.graphqlUrl), people[1].email);
  if (check.user.id !== people[1].id) throw new Error('Signing in a load user gave someone else');
  console.log(
    `Data set: ${GROUPS} groups × ${GROUP_SIZE} members written to ${database.name}; ` +
      `${people[1].email} signs in through GraphQL`,
  );
  // The second member of each group sends (the first is its coordinator).
  const clientsFor = (token) =>
    groups.flatMap((g, group) =>
      g.members.map((p, m) => ({
        token: token(p),
        author: { id: p.id, name: p.name, organisationName: p.organisationName },
        groupId: g.id,
        group,
        sender: m === 1,
      })),
    );
  console.log(
    `Load: ${CLIENTS} clients, ${GROUPS} groups of ${GROUP_SIZE}, ${RATE} message/s per group ` +
      `for ${DURATION} s, ${Math.min(WORKERS, GROUPS)} client processes, WebSocket transport; ` +
      `api adapter: ${REDIS_URL ? `Redis (${REDIS_URL})` : 'in memory'}`,
  );

  // --- Measure -----------------------------------------------------------------------------

  const runs = [];
  if (ONLY !== 'api') {
    const inspectPort = await freePort();
    bare = fork(new URL('./bare-server.mjs', import.meta.url), {
      execArgv: [`--inspect=127.0.0.1:${inspectPort}`], // for a full GC before reading RSS
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    forwardStderr(bare);
    const [{ port }] = await once(bare, 'message');
    const url = `http://127.0.0.1:${port}`;
    runs.push(
      await measure('bare socket.io', {
        url,
        origin: url,
        pid: bare.pid,
        inspectPort,
        clients: clientsFor(() => ''),
      }),
    );
    bare.kill();
  }
  if (ONLY !== 'bare') {
    runs.push(
      await measure('api', {
        url: api.origin,
        origin: api.origin, // APP_URL's origin: the one the api allows
        pid: api.child.pid,
        inspectPort: apiInspectPort,
        clients: clientsFor((p) => accessToken(p.id, 0)),
      }),
    );
  }

  // --- Report ------------------------------------------------------------------------------

  console.log();
  console.table(
    Object.fromEntries(
      runs.map((f) => [
        f.name,
        {
          clients: f.clients,
          sent: f.sent,
          'deliveries expected': f.expected,
          delivered: f.delivered,
          lost: f.lost,
          duplicated: f.duplicated,
          'p50 ms': round(f.p50),
          'p99 ms': round(f.p99),
          'max ms': round(f.max),
          'ack p50 ms': round(f.ackP50),
          'ack p99 ms': round(f.ackP99),
          'delivered/s': round(f.perSecond),
        },
      ]),
    ),
  );
  console.table(
    Object.fromEntries(
      runs.map((f) => [
        f.name,
        {
          'RSS before MiB': MiB(f.before.raw),
          'connected MiB': MiB(f.after.raw),
          'at end MiB': MiB(f.end.raw),
          'KiB/conn': round(f.perConnection / 1024),
          'after GC: before MiB': MiB(f.before.gc),
          'connected MiB ': MiB(f.after.gc),
          'KiB/conn ': round(f.perConnectionGc / 1024),
          'V8 heap KiB/conn': round(f.heapPerConnection / 1024),
        },
      ]),
    ),
  );
  console.table(
    Object.fromEntries(
      runs.map((f) => [
        f.name,
        {
          'server CPU %': round(f.serverCpu, 0),
          'client CPU % (per process)': f.clientCpu,
          'client event loop delay p99 ms': round(f.clientLoopP99),
          'handshakes s': round(f.connectSeconds),
          'load average (1, 5, 15 min) before sending': f.loadBefore,
          after: f.loadAfter,
        },
      ]),
    ),
  );
  console.log(`Load average at the end: ${loadAverage()}`);
  const byName = Object.fromEntries(runs.map((f) => [f.name, f]));
  const [a, b] = [byName.api, byName['bare socket.io']];
  if (a && b) {
    const ratio = {
      p99: a.p99 / b.p99,
      throughput: a.perSecond / b.perSecond,
      memory: a.perConnection / b.perConnection,
      memoryGc: a.perConnectionGc / b.perConnectionGc,
      heap: a.heapPerConnection / b.heapPerConnection,
    };
    const mark = (ok, value) => (Number.isNaN(value) ? 'n/a' : ok ? 'met' : 'NOT met');
    // A negative or zero baseline (RSS can shrink while clients connect) gives no ratio.
    for (const [k, v] of Object.entries(ratio)) if (!(v > 0)) ratio[k] = NaN;
    console.log('Ratios api / bare socket.io:');
    console.log(
      `  p99 latency:             ${round(ratio.p99, 2)} (${round(a.p99)} / ${round(b.p99)} ms)`,
    );
    console.log(
      `  delivered/s:             ${round(ratio.throughput, 3)} (${round(a.perSecond)} / ${round(b.perSecond)})`,
    );
    console.log(
      `  memory per connection:   ${round(ratio.memory, 2)} (RSS ${round(a.perConnection / 1024)} / ${round(b.perConnection / 1024)} KiB); ` +
        `after a full GC ${round(ratio.memoryGc, 2)} (${round(a.perConnectionGc / 1024)} / ${round(b.perConnectionGc / 1024)} KiB), ` +
        `V8 heap ${round(ratio.heap, 2)} (${round(a.heapPerConnection / 1024)} / ${round(b.heapPerConnection / 1024)} KiB)`,
    );
    console.log('Goals of issue 4 (information, not a test):');
    console.log(`  api p99 < 100 ms:                      ${mark(a.p99 < 100)}`);
    console.log(`  throughput ≥ 0.5 × bare:               ${mark(ratio.throughput >= 0.5)}`);
    console.log(
      `  memory per connection ≤ 1.5 × bare:    ${mark(ratio.memory <= 1.5, ratio.memory)} (RSS as it is); ${mark(ratio.memoryGc <= 1.5, ratio.memoryGc)} (RSS after a full GC)`,
    );
  }
} finally {
  if (bare && bare.exitCode === null) bare.kill();
  await pool?.end();
  await api?.stop();
  await database.drop();
}
