#!/usr/bin/env node
// `npm start`: build (cached), then run the API, which migrates, seeds the demo once
// and serves the web app on the same port. No DATABASE_URL: embedded PostgreSQL.
import { spawn } from 'node:child_process';
import { buildOnce } from './build-once.mjs';

console.log('Civitas: building the API and the web app (cached after the first start)…');
buildOnce();

const api = spawn(process.execPath, ['dist/api/apps/api/src/main.js'], {
  stdio: 'inherit',
  env: { NODE_ENV: 'development', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
