import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ByteRange, StorageDriver, StoredObject } from './storage-driver';

/** Large chunks: a file streams in 1 MB reads and writes, not the default 16–64 KB. */
const CHUNK = 1024 * 1024;

/** Files in a directory on this machine (the default, and the embedded start's). */
export class LocalStorageDriver extends StorageDriver {
  readonly name = 'local';
  private readonly root: string;

  constructor(dir: string) {
    super();
    this.root = resolve(dir);
  }

  private path(key: string): string {
    const path = resolve(this.root, key);
    // Keys are generated, but a key must never leave the root whatever it holds.
    if (!path.startsWith(this.root + sep)) throw new Error(`Storage key outside the root: ${key}`);
    return path;
  }

  async write(key: string, body: Readable): Promise<void> {
    const path = this.path(key);
    // Synchronously: the body must be piped before it can emit anything.
    mkdirSync(dirname(path), { recursive: true });
    await pipeline(body, createWriteStream(path, { flags: 'wx', highWaterMark: CHUNK }));
  }

  async promote(fromKey: string, toKey: string): Promise<void> {
    const to = this.path(toKey);
    await mkdir(dirname(to), { recursive: true });
    await rename(this.path(fromKey), to);
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.path(key);
    await stat(path); // a missing file rejects here, before any header is sent
    return createReadStream(path, {
      highWaterMark: CHUNK,
      ...(range ? { start: range.start, end: range.end } : {}),
    });
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    const dir = this.path(prefix.replace(/\/$/, '') || '.');
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const info = await stat(join(dir, name)).catch(() => null);
      if (info?.isFile()) yield { key: `${prefix}${name}`, lastModified: info.mtime };
    }
  }
}
