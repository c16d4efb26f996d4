import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** Every file below `dir`, sorted: what a local storage driver holds there. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => join(f.parentPath, f.name))
    .sort();
}

/**
 * Runs `meanwhile` right after `storage` has written an upload's bytes, before the upload's
 * final step: how a test puts a change between an upload's access check and its commit.
 * The returned function puts the driver back.
 */
export function afterStorageWrite(
  storage: { write(key: string, body: Readable): Promise<void> },
  meanwhile: () => Promise<void>,
): () => void {
  const write = storage.write.bind(storage);
  storage.write = async (key, body) => {
    await write(key, body);
    await meanwhile();
  };
  return () => {
    storage.write = write;
  };
}
