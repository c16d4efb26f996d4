// Resolves the @civitas/* imports of the TypeScript sources for an API process a test
// starts with ts-node (tsconfig.base.json has paths but no baseUrl).
const { join } = require('node:path');
const { compilerOptions } = require('../../../../../tsconfig.base.json');
require('tsconfig-paths').register({
  baseUrl: join(__dirname, '../../../../..'),
  paths: compilerOptions.paths,
});
