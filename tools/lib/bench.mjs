// Helpers shared by the bench and load scripts (tools/bench, tools/load): a scratch database
// on a PostgreSQL server, the BUILT api started on it, GraphQL calls, the machine's load.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEFAULT_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
export const DEMO_PASSWORD = 'Civitas-demo-2026';

/** A TCP port nobody listens on right now. */
export async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

/** `1.23 0.98 0.50 (2 CPUs)`: other work on the machine skews every figure. */
export const loadAverage = () =>
  `${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (${availableParallelism()} CPUs)`;

/**
 * Creates `<prefix>_<random>` on the server of `adminUrl`; `drop()` removes it (and closes the
 * admin connection) whatever is still connected to it.
 */
export async function createScratchDatabase(
  adminUrl = DEFAULT_ADMIN_URL,
  prefix = 'civitas_bench',
) {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  return {
    name,
    url,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Starts `dist/api/apps/api/src/main.js` (build it first) on a free port with
 * NODE_ENV=production, the demo seed and `LOG_LEVEL=warn`, and waits until GraphQL answers
 * (the api migrates and seeds the fresh database on start). `env` adds to or overrides the
 * environment; a value of `undefined` removes a variable; `nodeArgs` go to node before the
 * script. `exited` rejects when the api exits before `stop()`.
 */
export async function startBuiltApi({ databaseUrl, jwtSecret, env = {}, nodeArgs = [] }) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const merged = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    JWT_SECRET: jwtSecret,
    SMTP_URL: 'smtp://127.0.0.1:1', // nothing is mailed during a measurement
    APP_URL: origin,
    DEMO_SEED: 'true',
    LOG_LEVEL: 'warn',
    ...env,
  };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  const child = spawn(process.execPath, [...nodeArgs, 'dist/api/apps/api/src/main.js'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: merged,
  });
  child.stdout.resume(); // the demo logins it prints are not needed
  forwardStderr(child);
  let stopping = false;
  const exited = once(child, 'exit').then(([code]) => {
    if (!stopping) throw new Error(`The api exited (${code}) before the measurement ended`);
  });
  exited.catch(() => undefined);
  const graphqlUrl = `${origin}/graphql`;
  for (let started = Date.now(); ; ) {
    const up = await fetch(graphqlUrl, { method: 'POST' }).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() - started > 120_000) throw new Error('The api did not start within 2 min');
    await Promise.race([new Promise((r) => setTimeout(r, 500)), exited]);
  }
  return {
    port,
    origin,
    graphqlUrl,
    child,
    exited,
    stop: async () => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** A child's stderr on ours, without the banner of `--inspect` ("Debugger listening…"). */
export function forwardStderr(child) {
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (!/^(Debugger (listening|attached|ending)|For help, see: )/.test(line))
      process.stderr.write(`${line}\n`);
  });
}

/** `gql(query, variables, token)` → `data`; GraphQL errors are thrown. */
export const graphqlClient = (url) => async (query, variables, token) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  const json = await res.json();
  if (json.errors) throw new Error(`GraphQL: ${JSON.stringify(json.errors)}`);
  return json.data;
};

/** Signs in through GraphQL: `{ accessToken, user: { id } }`. */
export const signIn = async (gql, email, password = DEMO_PASSWORD) =>
  (
    await gql(
      `mutation($input: SignInInput!) { signIn(input: $input) { accessToken user { id } } }`,
      { input: { email, password } },
    )
  ).signIn;
