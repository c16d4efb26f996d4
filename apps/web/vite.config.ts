import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const appRoot = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(appRoot, '../..');
const API = process.env['CIVITAS_API_URL'] ?? 'http://localhost:3000';

/**
 * The `@civitas/*` path aliases of tsconfig.base.json, as exact-match Vite aliases.
 * Only web and shared libraries: the browser bundle must never reach into api code.
 */
function civitasAliases() {
  const tsconfig = JSON.parse(
    readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8'),
  ) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.entries(tsconfig.compilerOptions.paths)
    .filter(([name]) => name.startsWith('@civitas/web/') || name.startsWith('@civitas/shared/'))
    .map(([name, [target]]) => ({
      find: new RegExp(`^${name.replace(/[/\\^$*+?.()|[\]{}-]/g, '\\$&')}$`),
      replacement: resolve(workspaceRoot, target),
    }));
}

export default defineConfig({
  root: appRoot,
  plugins: [react()],
  resolve: { alias: civitasAliases() },
  server: {
    port: 4200,
    fs: { allow: [workspaceRoot] },
    proxy: {
      '/graphql': { target: API, changeOrigin: false },
      '/api': { target: API, changeOrigin: false },
      '/health': { target: API, changeOrigin: false },
      // The realtime socket (socket.io's default path), WebSocket upgrades included.
      '/socket.io': { target: API, changeOrigin: false, ws: true },
    },
  },
  preview: { port: 4300 },
  build: {
    outDir: resolve(workspaceRoot, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/,
            },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine|@floating-ui|clsx|react-number-format|react-remove-scroll|react-textarea-autosize|tabbable)/,
            },
            {
              name: 'apollo',
              test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|@graphql-typed-document-node)/,
            },
            {
              name: 'i18n',
              test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)/,
            },
          ],
        },
      },
    },
  },
  test: {
    root: workspaceRoot,
    environment: 'jsdom',
    include: ['apps/web/src/**/*.spec.{ts,tsx}', 'libs/web/**/*.spec.{ts,tsx}'],
    setupFiles: [resolve(appRoot, 'src/test-setup.ts')],
    css: false,
    restoreMocks: true,
    // The first render of a file pays for loading Mantine and Apollo into jsdom: seconds
    // on a busy two-core machine, more than Vitest's default 5 s budget.
    testTimeout: 20_000,
  },
});
