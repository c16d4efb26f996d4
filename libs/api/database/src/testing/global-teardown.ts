export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __civitasTeardown?: () => Promise<void> }).__civitasTeardown?.();
}
