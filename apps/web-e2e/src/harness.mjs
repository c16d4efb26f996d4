// Starts the built API (serving the built web) against a fresh PostgreSQL database,
// and a headless Chromium; tears both down. Used by the journeys in this folder.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import pg from 'pg';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const API_MAIN = join(ROOT, 'dist/api/apps/api/src/main.js');
const WEB_DIST = join(ROOT, 'dist/web');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function databaseUrl(base, name) {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export class Stack {
  output = '';
  api;
  browser;
  baseUrl;
  #adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  #database = `civitas_e2e_${randomBytes(5).toString('hex')}`;
  #workDir;
  #exited = false;

  async start() {
    for (const [path, how] of [
      [API_MAIN, 'npx nx run api:build'],
      [join(WEB_DIST, 'index.html'), 'npx nx run web:build'],
    ]) {
      if (!existsSync(path)) throw new Error(`${path} is missing: run \`${how}\` first`);
    }
    const admin = new pg.Client({ connectionString: this.#adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${this.#database}`);
    await admin.end();

    const port = await freePort();
    this.baseUrl = `http://localhost:${port}`;
    // The API writes its generated schema to ./apps/api/schema.graphql when not in
    // production: run it from a scratch folder so the committed schema stays untouched.
    this.#workDir = mkdtempSync(join(tmpdir(), 'civitas-e2e-'));
    mkdirSync(join(this.#workDir, 'apps/api'), { recursive: true });
    const nodeArgs = (process.env.E2E_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
    this.api = spawn(process.execPath, [...nodeArgs, API_MAIN], {
      cwd: this.#workDir,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: databaseUrl(this.#adminUrl, this.#database),
        PORT: String(port),
        APP_URL: this.baseUrl,
        DEMO_SEED: 'true',
        WEB_DIST_DIR: WEB_DIST,
        LOG_LEVEL: 'info',
        REDIS_URL: '',
        SMTP_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.api.stdout.on('data', (chunk) => (this.output += chunk));
    this.api.stderr.on('data', (chunk) => (this.output += chunk));
    this.api.on('exit', () => (this.#exited = true));
    await this.waitForOutput(/Civitas is ready/, 90_000);

    this.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
  }

  /** Waits until the API has printed something matching `pattern`; returns the match. */
  async waitForOutput(pattern, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = this.output.match(pattern);
      if (match) return match;
      if (this.#exited)
        throw new Error(`The API exited early. Its output:\n${this.output.slice(-4000)}`);
      if (Date.now() > deadline)
        throw new Error(
          `Timed out waiting for ${pattern} in the API output:\n${this.output.slice(-4000)}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop() {
    await this.browser?.close().catch(() => {});
    if (this.api && !this.#exited) {
      const exited = new Promise((r) => this.api.once('exit', r));
      this.api.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (!this.#exited) this.api.kill('SIGKILL');
    }
    if (this.#workDir) rmSync(this.#workDir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: this.#adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${this.#database} WITH (FORCE)`);
    await admin.end();
  }
}

/** Runs axe-core on the page; returns the serious and critical violations, described. */
export async function seriousViolations(page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}
