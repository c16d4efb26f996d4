// The client side of tools/load/chat.mjs, forked by it (IPC): a share of the socket.io clients,
// whole groups each (sender and receivers in one process, so a latency is one clock's
// difference). Messages from the parent, answered in turn:
//   { type: 'connect', url, origin, concurrency, clients: [{ token, author, groupId, group, sender }] }
//     → { type: 'connected', connected, subscribed, connectErrors, subscribeRefusals, ms }
//   { type: 'run', startAt, duration, rate, groups }
//     → { type: 'result', sent, latencies, acks, delivered, duplicates, lost, … }
//   { type: 'close' } → { type: 'closed' }, then it exits.
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';

const ACK_TIMEOUT_MS = 10_000;
const DRAIN_MS = 10_000;
const TAG = /^\[load (\d+) (\d+)\]/;

/** @type {{ socket: import('socket.io-client').Socket, group: number, groupId: string, sender: boolean, subscribed: boolean, seen: Set<string> }[]} */
const clients = [];
let closing = false;

const count = (map, key) => (map[key] = (map[key] ?? 0) + 1);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// What happens while messages flow; reset by `run`.
const sendAt = new Map(); // `${group} ${n}` → performance.now() when it was emitted
const refusedKeys = new Set();
let stats;

function onMessage(client, message) {
  const now = performance.now();
  const match = TAG.exec(message?.bodySource ?? '');
  const key = match && `${match[1]} ${match[2]}`;
  const sentAt = key && sendAt.get(key);
  if (!stats || sentAt === undefined) {
    if (stats) stats.stray++;
    return;
  }
  if (client.seen.has(key)) {
    stats.duplicates++;
    return;
  }
  client.seen.add(key);
  stats.latencies.push(now - sentAt);
  stats.delivered++;
  stats.lastReceive = performance.timeOrigin + now;
  if (stats.payloadSamples < 100) {
    stats.payloadBytes += Buffer.byteLength(JSON.stringify(message));
    stats.payloadSamples++;
  }
}

async function connectOne(url, origin, spec, report) {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true, // one connection per client, not one shared Manager per URL
    reconnection: false,
    timeout: 20_000,
    auth: { token: spec.token, author: spec.author },
    extraHeaders: { origin },
  });
  const client = { ...spec, socket, subscribed: false, seen: new Set() };
  delete client.token;
  try {
    await new Promise((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
  } catch (e) {
    count(report.connectErrors, e?.data?.code ?? e?.message ?? String(e));
    socket.close();
    return;
  }
  report.connected++;
  clients.push(client);
  socket.on('chat:message', (m) => onMessage(client, m));
  socket.on('disconnect', (reason) => {
    if (!closing) count(report.disconnects, reason);
  });
  try {
    const ack = await socket.timeout(20_000).emitWithAck('group:subscribe', {
      groupId: spec.groupId,
    });
    if (ack?.ok) {
      client.subscribed = true;
      report.subscribed++;
    } else count(report.subscribeRefusals, ack?.code ?? 'no answer');
  } catch (e) {
    count(report.subscribeRefusals, e?.message ?? String(e));
  }
}

// Kept so disconnects during the run are reported with the run.
const connectReport = { connectErrors: {}, subscribeRefusals: {}, disconnects: {} };

async function connect({ url, origin, concurrency, clients: specs }) {
  const started = performance.now();
  const report = Object.assign(connectReport, { connected: 0, subscribed: 0 });
  const queue = [...specs];
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let spec = queue.shift(); spec; spec = queue.shift())
        await connectOne(url, origin, spec, report);
    }),
  );
  return { ...report, disconnects: undefined, ms: performance.now() - started };
}

function send(client, n) {
  const key = `${client.group} ${n}`;
  const body = `[load ${client.group} ${n}] **Posiedzenie grupy** w czwartek o 10:00 — proszę o uwagi do projektu stanowiska w sprawie budżetu obywatelskiego do środy.`;
  const sentAt = performance.now();
  sendAt.set(key, sentAt);
  stats.sent++;
  client.socket
    .timeout(ACK_TIMEOUT_MS)
    .emit(
      'chat:send',
      { groupId: client.groupId, idempotencyKey: randomUUID(), body },
      (err, ack) => {
        if (err) stats.ackTimeouts++;
        else if (ack?.ok) stats.acks.push(performance.now() - sentAt);
        else {
          refusedKeys.add(key);
          count(stats.sendRefusals, ack?.code ?? 'malformed ack');
        }
      },
    );
}

async function run({ startAt, duration, rate, groups }) {
  stats = {
    sent: 0,
    latencies: [],
    acks: [],
    delivered: 0,
    duplicates: 0,
    stray: 0,
    ackTimeouts: 0,
    sendRefusals: {},
    payloadBytes: 0,
    payloadSamples: 0,
    lastReceive: 0,
  };
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const period = 1000 / rate;
  const perSender = Math.round(duration * rate);
  const senders = clients.filter((c) => c.sender && c.subscribed);
  await sleep(startAt - Date.now());
  loop.enable();
  const cpu = process.cpuUsage();
  const wallStart = performance.now();
  // Each group's sends are spread over the period (group g at g/groups of it), each on its
  // own schedule of absolute times, so a late timer does not shift the ones after it.
  await Promise.all(
    senders.map(async (client) => {
      const offset = (client.group / groups) * period;
      for (let n = 0; n < perSender; n++) {
        const due = startAt + offset + n * period;
        if (due > Date.now()) await sleep(due - Date.now());
        send(client, n);
      }
    }),
  );
  // Members subscribed per group in this process: the deliveries each message should make.
  const members = new Map();
  for (const c of clients) if (c.subscribed) members.set(c.group, (members.get(c.group) ?? 0) + 1);
  const expected = () => {
    let total = 0;
    for (const key of sendAt.keys())
      if (!refusedKeys.has(key)) total += members.get(Number(key.split(' ')[0])) ?? 0;
    return total;
  };
  for (const until = performance.now() + DRAIN_MS; performance.now() < until; ) {
    if (stats.delivered >= expected()) break;
    await sleep(100);
  }
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - wallStart;
  loop.disable();
  return {
    ...stats,
    firstSend: performance.timeOrigin + Math.min(...sendAt.values()),
    expected: expected(),
    lost: Math.max(0, expected() - stats.delivered),
    cpuPercent: ((used.user + used.system) / 1000 / wall) * 100,
    loopDelayP99: loop.percentile(99) / 1e6,
    loopDelayMax: loop.max / 1e6,
    disconnects: connectReport.disconnects,
  };
}

async function close() {
  closing = true;
  for (const c of clients) c.socket.close();
  await sleep(200);
}

process.on('message', async (message) => {
  try {
    if (message.type === 'connect')
      process.send({ type: 'connected', ...(await connect(message)) });
    else if (message.type === 'run') process.send({ type: 'result', ...(await run(message)) });
    else if (message.type === 'close') {
      await close();
      process.send({ type: 'closed' }, () => process.exit(0));
    }
  } catch (e) {
    process.send({ type: 'error', message: e?.stack ?? String(e) });
  }
});
process.on('disconnect', () => process.exit(0));
