#!/usr/bin/env node
// Documents benchmark (issue 5, "Speed and memory, measured"): `npm run bench:documents`.
//
// 1. Creates a fresh database (BENCH_DATABASE_URL's server) and a temporary directory, writes a
//    file of BENCH_FILE_MB (default 1024) MB of text into it, and starts the BUILT api
//    (`npm run build` first) with its document storage (local driver) in the same directory,
//    so every copy below reads and writes the same disk.
// 2. Copies the file with a plain stream (fs read stream → fs write stream, 1 MB chunks), once
//    before the upload and once after the download; the mean is the baseline. `sync` runs
//    before each phase so that none pays for the previous one's writes; on a shared machine
//    the figures still vary a lot from run to run (the load average is printed).
// 3. Uploads it through the api (POST /api/documents, the demo office's bearer token, into the
//    library of a demo working group), sampling the api's resident memory (VmRSS in
//    /proc/<pid>/status) every 50 ms; then downloads it (GET /api/documents/:id/content) into a
//    file and checks the size.
// 4. Prints the RSS growth during the upload (goal < 64 MB) and the upload and download
//    throughput as ratios of the plain copy (goal ≥ 0.5). Information, not a pass/fail test.
//    Stops the api, drops the database and deletes the directory.
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  createScratchDatabase,
  DEFAULT_ADMIN_URL,
  graphqlClient,
  loadAverage,
  signIn,
  startBuiltApi,
} from '../lib/bench.mjs';

const FILE_MB = Number(process.env.BENCH_FILE_MB ?? 1024);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_ADMIN_URL;
const MB = 1024 * 1024;
const size = FILE_MB * MB;

const rssKb = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]);
};
/** Writes dirty pages out, so that no phase pays for the previous one's writes. */
const settleDisk = () => spawnSync('sync');
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const mbps = (bytes, s) => `${(bytes / MB / s).toFixed(0)} MB/s`;

const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'civitas-bench-documents-'));
const source = join(dir, 'source.txt');
const database = await createScratchDatabase(ADMIN_URL);
let api;
try {
  // A text file: lines of words, so the sniffing sees UTF-8 text (.txt is on the allow-list).
  const line = Buffer.from('Sprawozdanie z realizacji budżetu obywatelskiego, pozycja 0000\n');
  const block = Buffer.alloc(MB);
  for (let at = 0; at < MB; at += line.length) line.copy(block, at);
  const out = createWriteStream(source);
  for (let i = 0; i < FILE_MB; i++)
    if (!out.write(block)) await new Promise((r) => out.once('drain', r));
  await new Promise((r) => out.end(r));
  console.log(`File: ${FILE_MB} MB of text in ${dir}`);

  api = await startBuiltApi({
    databaseUrl: database.url,
    jwtSecret: randomBytes(32).toString('hex'),
    env: {
      DOCUMENTS_DIR: join(dir, 'storage'),
      DOCUMENTS_MAX_FILE_BYTES: String(size + MB),
      DOCUMENTS_GROUP_QUOTA_BYTES: String(4 * size),
      REDIS_URL: undefined,
    },
  });
  const gql = graphqlClient(api.graphqlUrl);
  const { accessToken } = await signIn(gql, 'biuro@civitas.local');
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  const { rows } = await pool.query(`SELECT id FROM working_group ORDER BY name LIMIT 1`);
  await pool.end();
  const groupId = rows[0].id;

  // --- 1. The plain copy (measured again after the download; the mean is the baseline) ---
  const plainCopy = async () => {
    settleDisk();
    const start = process.hrtime.bigint();
    await pipeline(
      createReadStream(source, { highWaterMark: MB }),
      createWriteStream(join(dir, 'copy.txt'), { highWaterMark: MB }),
    );
    const s = seconds(start);
    rmSync(join(dir, 'copy.txt'));
    console.log(`Plain stream copy: ${s.toFixed(2)} s (${mbps(size, s)})`);
    return s;
  };
  const copyBefore = await plainCopy();
  let start;

  // --- 2. Upload, sampling the api's memory ------------------------------------------------
  const pid = api.child.pid;
  const samples = [];
  for (let i = 0; i < 5; i++) {
    samples.push(rssKb(pid));
    await new Promise((r) => setTimeout(r, 50));
  }
  const baseline = Math.max(...samples);
  let peak = baseline;
  settleDisk();
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(pid))), 50);
  start = process.hrtime.bigint();
  const uploaded = await new Promise((resolve, reject) => {
    const url = new URL(
      `${api.origin}/api/documents?${new URLSearchParams({ ownerId: groupId, name: 'benchmark.txt' })}`,
    );
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${accessToken}`,
          'content-type': 'application/octet-stream',
          'content-length': String(size),
        },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () =>
          res.statusCode === 201
            ? resolve(JSON.parse(body))
            : reject(new Error(`upload: ${res.statusCode} ${body}`)),
        );
      },
    );
    req.on('error', reject);
    // 1 MB reads, as in the plain copy: the client is not what is measured.
    createReadStream(source, { highWaterMark: MB }).pipe(req);
  });
  const uploadS = seconds(start);
  clearInterval(sampler);
  const growthMb = (peak - baseline) / 1024;
  console.log(
    `Upload through the api: ${uploadS.toFixed(2)} s (${mbps(size, uploadS)}); api RSS ${(baseline / 1024).toFixed(0)} MB before, peak ${(peak / 1024).toFixed(0)} MB`,
  );

  // --- 3. Download into a file ---------------------------------------------------------------
  settleDisk();
  start = process.hrtime.bigint();
  // node:http rather than fetch: WHATWG streams would cost the client more than the api.
  const res = await new Promise((resolve, reject) =>
    request(`${api.origin}/api/documents/${uploaded.documentId}/content`, {
      headers: { authorization: `Bearer ${accessToken}` },
    })
      .on('response', resolve)
      .on('error', reject)
      .end(),
  );
  if (res.statusCode !== 200) throw new Error(`download: ${res.statusCode}`);
  await pipeline(res, createWriteStream(join(dir, 'downloaded.txt'), { highWaterMark: MB }));
  const downloadS = seconds(start);
  const downloaded = statSync(join(dir, 'downloaded.txt')).size;
  if (downloaded !== size) throw new Error(`downloaded ${downloaded} bytes, expected ${size}`);
  console.log(`Download through the api: ${downloadS.toFixed(2)} s (${mbps(size, downloadS)})`);
  rmSync(join(dir, 'downloaded.txt'));
  const copyS = (copyBefore + (await plainCopy())) / 2;

  console.log('');
  console.log(`API RSS growth during the upload: ${growthMb.toFixed(1)} MB (goal < 64 MB)`);
  console.log(`Upload throughput / plain copy: ${(copyS / uploadS).toFixed(2)} (goal ≥ 0.5)`);
  console.log(`Download throughput / plain copy: ${(copyS / downloadS).toFixed(2)} (goal ≥ 0.5)`);
  console.log(`Load average: ${loadAverage()}`);
} finally {
  await api?.stop();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
}
