/**
 * One Jest run for the API and the libraries it is built from: unit specs (*.spec.ts)
 * and integration specs (*.int-spec.ts) against real PostgreSQL, each file in a
 * database of its own cloned from a migrated and seeded template.
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('../../tsconfig.base.json');

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
  testTimeout: 30000,
  maxWorkers: 2,
};
