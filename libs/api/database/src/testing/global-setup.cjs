// Jest's global setup runs outside the module mapper: resolve the @civitas/* aliases here.
const { join } = require('node:path');
const { register } = require('tsconfig-paths');
const { compilerOptions } = require('../../../../../tsconfig.base.json');

register({ baseUrl: join(__dirname, '../../../../..'), paths: compilerOptions.paths });
module.exports = require('./global-setup.ts').default;
