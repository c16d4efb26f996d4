import { setUpTestDatabases } from './test-database';

export default async function globalSetup(): Promise<void> {
  const { teardown } = await setUpTestDatabases();
  (globalThis as { __civitasTeardown?: () => Promise<void> }).__civitasTeardown = teardown;
}
