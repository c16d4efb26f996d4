import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { spawn } from 'node:child_process';
import { prepareDatabase } from '../lib/prepare-database';

/** Where integration tests get PostgreSQL: TEST_DATABASE_URL, a local server, or PGlite. */
export type TestDatabaseSource = 'TEST_DATABASE_URL' | 'local PostgreSQL' | 'embedded PGlite';

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(url: string, run: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** PGlite in a child process (see embedded-server.cjs); resolves with its URL. */
function startEmbeddedServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(__dirname, 'embedded-server.cjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The embedded PostgreSQL exited with ${code}`)));
    child.stdout!.once('data', (line: Buffer) =>
      resolve({
        url: line.toString().trim(),
        stop: () =>
          new Promise<void>((done) => (child.once('exit', () => done()), child.kill('SIGTERM'))),
      }),
    );
  });
}

/** The tables of the public schema that hold no rows. */
async function emptyTables(url: string): Promise<string[]> {
  return admin(url, async (c) => {
    const { rows } = await c.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const empty: string[] = [];
    for (const { tablename } of rows) {
      const found = await c.query(`SELECT 1 FROM "${tablename}" LIMIT 1`);
      if (found.rowCount === 0) empty.push(`"${tablename}"`);
    }
    return empty;
  });
}

/**
 * Jest global setup: finds a server, builds a migrated and seeded template database once,
 * and tells the workers where it is. On a real server each test file then clones the
 * template (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 */
export async function setUpTestDatabases(): Promise<{ teardown: () => Promise<void> }> {
  let source: TestDatabaseSource;
  let adminUrl: string;
  let stop: (() => Promise<void>) | undefined;
  if (process.env['CIVITAS_TEST_DB'] === 'embedded') {
    source = 'embedded PGlite';
    ({ url: adminUrl, stop } = await startEmbeddedServer());
  } else if (process.env['TEST_DATABASE_URL']) {
    source = 'TEST_DATABASE_URL';
    adminUrl = process.env['TEST_DATABASE_URL'];
  } else if (await answers('postgresql://postgres@127.0.0.1:5432/postgres')) {
    source = 'local PostgreSQL';
    adminUrl = 'postgresql://postgres@127.0.0.1:5432/postgres';
  } else {
    source = 'embedded PGlite';
    ({ url: adminUrl, stop } = await startEmbeddedServer());
  }
  console.log(`\nIntegration tests use ${source} (${new URL(adminUrl).host}).`);

  if (stop) {
    // PGlite is one database in one session: the files share it, one at a time (the Jest
    // config runs them in a single worker when no server answers).
    await prepareDatabase(adminUrl, { demo: false });
    process.env['CIVITAS_TEST_SHARED_URL'] = adminUrl;
    // What each file empties before it starts: every table the migrations and the reference
    // seed left empty, so a new domain's tables need no list kept by hand.
    process.env['CIVITAS_TEST_RESET_TABLES'] = (await emptyTables(adminUrl)).join(', ');
    return { teardown: stop };
  }

  // A template of this run's own: runs side by side (two terminals, two checkouts) never
  // drop each other's template.
  const template = `civitas_test_template_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${template}`));
  await prepareDatabase(withDatabase(adminUrl, template), { demo: false });
  process.env['CIVITAS_TEST_ADMIN_URL'] = adminUrl;
  process.env['CIVITAS_TEST_TEMPLATE'] = template;
  return {
    teardown: () =>
      admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

export interface TestDatabase {
  url: string;
  poolSize: number;
  drop(): Promise<void>;
}

/** A fresh, migrated and seeded database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const shared = process.env['CIVITAS_TEST_SHARED_URL'];
  if (shared) {
    await admin(shared, (c) =>
      c.query(`TRUNCATE ${process.env['CIVITAS_TEST_RESET_TABLES']};
               UPDATE organisation SET membership_status = 'NON_MEMBER', accession_date = NULL,
                 membership_resolution = NULL, address = NULL, website = NULL, phone = NULL, email = NULL`),
    );
    return { url: shared, poolSize: 1, drop: async () => undefined };
  }
  const adminUrl = process.env['CIVITAS_TEST_ADMIN_URL'];
  if (!adminUrl)
    throw new Error('Run integration tests through Jest: its global setup prepares the database');
  const name = `civitas_test_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, (c) =>
    c.query(`CREATE DATABASE ${name} TEMPLATE ${process.env['CIVITAS_TEST_TEMPLATE']}`),
  );
  return {
    url: withDatabase(adminUrl, name),
    poolSize: 5,
    drop: () =>
      admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
