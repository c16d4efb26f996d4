#!/usr/bin/env node
// `npm run db:migrate | db:seed | db:reset` against DATABASE_URL, or the embedded
// database in EMBEDDED_DB_DIR (default .data/pglite) when it is not set.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { buildOnce } from './build-once.mjs';

const command = process.argv[2];
if (!['migrate', 'seed', 'reset'].includes(command)) {
  console.error('Usage: node tools/db.mjs migrate|seed|reset');
  process.exit(2);
}
buildOnce(['api']);
const require = createRequire(import.meta.url);
const db = require(resolve('dist/api/libs/api/database/src/index.js'));

let url = process.env.DATABASE_URL;
let embedded;
if (!url) {
  embedded = await db.startEmbeddedPostgres(resolve(process.env.EMBEDDED_DB_DIR ?? '.data/pglite'));
  url = embedded.url;
  console.log('Using the embedded PostgreSQL (set DATABASE_URL for a server).');
}
try {
  if (command === 'reset') {
    await db.resetDatabase(url);
    console.log('Dropped every table.');
  }
  // migrate: schema and reference data; seed and reset: the demo data as well.
  const result = await db.prepareDatabase(url, { demo: command !== 'migrate' });
  console.log(
    `Migrations applied: ${result.migrationsApplied.join(', ') || 'none pending'}; ` +
      `${result.towns} towns in the register; demo data ${result.demoCreated ? 'created' : 'unchanged'}.`,
  );
} finally {
  await embedded?.stop();
}
