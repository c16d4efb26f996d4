import assert from 'node:assert/strict';
// Starts the built API (serving the built web) against a fresh PostgreSQL database,
// and a headless Chromium; tears both down. Used by the journeys in this folder.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import pg from 'pg';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Every demo account's password (libs/api/database seeds). */
export const DEMO_PASSWORD = 'Civitas-demo-2026';
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
  #exited = false;
  #contexts = [];

  #port;

  /** The API on the stack's database and port; `env` adds variables (CLOCK_FIXED_AT, say). */
  async #startApi(env = {}) {
    const nodeArgs = (process.env.E2E_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
    this.#exited = false;
    this.api = spawn(process.execPath, [...nodeArgs, API_MAIN], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: databaseUrl(this.#adminUrl, this.#database),
        PORT: String(this.#port),
        APP_URL: this.baseUrl,
        DEMO_SEED: 'true',
        WEB_DIST_DIR: WEB_DIST,
        LOG_LEVEL: 'info',
        REDIS_URL: '',
        SMTP_URL: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const api = this.api;
    api.stdout.on('data', (chunk) => (this.output += chunk));
    api.stderr.on('data', (chunk) => (this.output += chunk));
    // A process stopped by restartApi must not mark its successor as exited.
    api.on('exit', () => {
      if (this.api === api) this.#exited = true;
    });
    await this.waitForOutput(/Civitas is ready/, 90_000);
  }

  async #stopApi() {
    if (!this.api || this.#exited) return;
    const exited = new Promise((r) => this.api.once('exit', r));
    this.api.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (!this.#exited) this.api.kill('SIGKILL');
  }

  /**
   * Stops the API and starts it again on the same database, port and browser, with `env`
   * added (e.g. CLOCK_FIXED_AT, to stand on another day). The output starts afresh.
   */
  async restartApi(env = {}) {
    await this.#stopApi();
    this.output = '';
    await this.#startApi(env);
  }

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

    this.#port = await freePort();
    this.baseUrl = `http://localhost:${this.#port}`;
    await this.#startApi();

    this.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
  }

  /** A page in a fresh browser context (Polish, desktop size); uncaught page errors go to `errors`. */
  async openPage(errors) {
    const context = await this.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'pl-PL',
    });
    this.#contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    return page;
  }

  /**
   * Signs `person` ({ email, name }) in through the sign-in form in a fresh browser context,
   * closing `previous`'s first, and returns the page once the account menu names them.
   */
  async signedInPage(person, errors, previous) {
    await previous?.context().close();
    const page = await this.openPage(errors);
    await page.goto(`${this.baseUrl}/sign-in`);
    await page.getByLabel(/^Adres e-mail/).fill(person.email);
    await page.getByLabel(/^Hasło/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.getByRole('button', { name: `Konto: ${person.name}` }).waitFor();
    return page;
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
    await Promise.all(this.#contexts.map((c) => c.close().catch(() => {})));
    await this.browser?.close().catch(() => {});
    await this.#stopApi();
    const admin = new pg.Client({ connectionString: this.#adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${this.#database} WITH (FORCE)`);
    await admin.end();
  }
}

/** Runs axe-core on the page; returns the serious and critical violations, described. */
async function seriousViolations(page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/**
 * Fails with the list of serious and critical axe violations on the page, if any. Waits for
 * running CSS transitions first: a dialog or popover fading in has not reached its final
 * colours, and axe would measure their contrast half-way (on a busy machine, often).
 */
/** Fails with the alerts' words when the page shows any (`what` names the step). */
export async function assertNoAlerts(page, what) {
  const alerts = await page.getByRole('alert').allTextContents();
  assert.deepEqual(alerts, [], `${what} failed: ${alerts.join(' / ')}`);
}

/** Waits for `text` or any alert; fails with the alert's words. */
export async function expectDone(page, text, what) {
  await page.getByText(text).or(page.getByRole('alert').first()).first().waitFor();
  await assertNoAlerts(page, what);
}

export async function assertAccessible(page, name) {
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running'),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => {
      // An endless animation (a loader) must not block the check.
    });
  assert.deepEqual(
    await seriousViolations(page),
    [],
    `axe found serious/critical violations on ${name}`,
  );
}

/**
 * A small valid PDF with one line of text, padded with a comment to `bytes`: made by the
 * journeys so the repository carries no binary.
 */
export function makePdf(text, bytes = 0) {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  if (bytes > body.length) body += `%${'x'.repeat(bytes - body.length)}\n`;
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
