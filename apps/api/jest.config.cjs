/**
 * One Jest run for the API and the libraries it is built from: unit specs (*.spec.ts)
 * and integration specs (*.int-spec.ts) against real PostgreSQL, each file in a
 * database of its own cloned from a migrated and seeded template.
 */
const { spawnSync } = require('node:child_process');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('../../tsconfig.base.json');

/**
 * Without a PostgreSQL server the files share one embedded database and take turns:
 * run them in one worker, with time for PGlite's slower start.
 */
function serverAnswers() {
  if (process.env.CIVITAS_TEST_DB === 'embedded') return false;
  const url = new URL(process.env.TEST_DATABASE_URL || 'postgresql://127.0.0.1:5432');
  const probe = `require('node:net').connect(${Number(url.port) || 5432}, ${JSON.stringify(url.hostname)})
    .on('connect', () => process.exit(0)).on('error', () => process.exit(1)).setTimeout(1500, () => process.exit(1));`;
  return spawnSync(process.execPath, ['-e', probe]).status === 0;
}
const server = serverAnswers();

module.exports = {
  rootDir: '../..',
  roots: ['<rootDir>/apps/api', '<rootDir>/libs/api', '<rootDir>/libs/shared'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/apps/api/tsconfig.spec.json' }],
  },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  globalSetup: '<rootDir>/libs/api/database/src/testing/global-setup.cjs',
  globalTeardown: '<rootDir>/libs/api/database/src/testing/global-teardown.ts',
  testTimeout: server ? 30000 : 120000,
  maxWorkers: server ? 2 : 1,
};
