// Builds the API and the web app through Nx (cached: a second run takes a second),
// keeping the build's output out of the way unless it fails.
import { spawnSync } from 'node:child_process';

export function buildOnce(projects = ['api', 'web']) {
  const result = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', `--projects=${projects.join(',')}`, '--outputStyle=static'],
    { encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
  );
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    console.error('The build failed; see above.');
    process.exit(result.status ?? 1);
  }
}
