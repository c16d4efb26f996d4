#!/usr/bin/env node
// The web's typed operations are generated from the committed apps/api/schema.graphql
// (itself checked against the code by apps/api's schema test). Regenerate them and fail
// if the committed output differs.
import { execSync } from 'node:child_process';

execSync('npm run --silent codegen', { stdio: 'inherit' });
try {
  execSync('git diff --exit-code --stat -- apps/api/schema.graphql libs/web/data-access/src/gql', {
    stdio: 'inherit',
  });
  console.log('Contracts are in sync.');
} catch {
  console.error('Generated code is out of date: run `npm run codegen` and commit the result.');
  process.exit(1);
}
