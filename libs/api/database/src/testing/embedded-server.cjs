// An embedded PostgreSQL (PGlite) in a process of its own for the tests, so Jest's
// workers and the in-band runner reach it over TCP like any server. Prints its URL.
const { PGlite } = require('@electric-sql/pglite');
const { PGLiteSocketServer } = require('@electric-sql/pglite-socket');
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm');
const { unaccent } = require('@electric-sql/pglite/contrib/unaccent');

(async () => {
  const db = await PGlite.create({ extensions: { unaccent, pg_trgm } });
  // Several connections share the one session; the tests' set-up never overlaps them.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 20 });
  await server.start();
  process.stdout.write(`postgresql://postgres@${server.getServerConn()}/postgres\n`);
  const stop = async () => {
    await server.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
})();
