import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { DocumentOwnerKind, Role } from '@civitas/shared/domain';
import { TestApp } from '@civitas/api/testing';
import {
  DocumentAccessRegistry,
  DocumentJobs,
  DocumentsModule,
  S3StorageDriver,
} from '@civitas/api/documents';

const MB = 1024 * 1024;

/** `size` bytes made on the fly, 1 MB at a time: never a whole file in memory. */
function generated(size: number, fill = 7): Readable {
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return this.push(null);
      const n = Math.min(MB, left);
      left -= n;
      this.push(Buffer.alloc(n, fill));
    },
  });
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The S3 driver against a real S3-compatible server (s3rver) on a loopback port. */
describe('S3 storage driver (s3rver)', () => {
  let dir: string;
  let server: S3rver;
  let endpoint: string;
  let driver: S3StorageDriver;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civitas-s3rver-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    driver = new S3StorageDriver({
      endpoint,
      region: 'us-east-1',
      bucket: 'civitas-test',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    });
    await driver.ensureBucket();
  });
  afterAll(async () => {
    await driver.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams a multipart upload, promotes it, reads it whole and by range, lists and deletes', async () => {
    const size = 20 * MB + 123; // three 8 MB parts
    await driver.write('tmp/a', generated(size));
    await driver.promote('tmp/a', 'objects/a');
    const keys = async (prefix: string) => {
      const found: string[] = [];
      for await (const o of driver.list(prefix)) found.push(o.key);
      return found;
    };
    expect(await keys('tmp/')).toEqual([]);
    expect(await keys('objects/')).toEqual(['objects/a']);
    const whole = await bytesOf(await driver.read('objects/a'));
    expect(whole.length).toBe(size);
    expect(whole.every((b) => b === 7)).toBe(true);
    expect((await bytesOf(await driver.read('objects/a', { start: 10, end: 19 }))).length).toBe(10);
    await driver.delete('objects/a');
    expect(await keys('objects/')).toEqual([]);
  });

  it('leaves nothing when the source fails mid-upload', async () => {
    let sent = 0;
    const failing = new Readable({
      read() {
        sent += MB;
        if (sent > 10 * MB) return this.destroy(new Error('client went away'));
        this.push(Buffer.alloc(MB, 1));
      },
    });
    await expect(driver.write('tmp/b', failing)).rejects.toThrow('client went away');
    for await (const o of driver.list('tmp/')) throw new Error(`left behind: ${o.key}`);
  });

  it('serves uploads and downloads of the API when DOCUMENTS_STORAGE=s3', async () => {
    const t = await TestApp.start([DocumentsModule], {
      DOCUMENTS_STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: 'civitas-api',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    try {
      // An owner kind for this test only, open to everyone: the access rules are not tested here.
      const all = async (_: unknown, ids: readonly string[]) => new Set(ids);
      t.app.get(DocumentAccessRegistry).register(DocumentOwnerKind.TRIBUNAL_CASE, {
        folders: false,
        canRead: all,
        canWrite: all,
        canManage: all,
        quotaScopes: async (ids) => new Map(ids.map((id) => [id, id])),
        lockOwner: async () => true,
      });
      const user = await t.makeUser({ role: Role.OFFICE_ADMIN });
      const ownerId = '0193a7a0-0000-7000-8000-000000000001';
      const body = Buffer.from('Wyrok Trybunału: treść uzasadnienia.\n'.repeat(1000));
      const res = await fetch(
        `${t.url}/api/documents?${new URLSearchParams({ ownerKind: 'TRIBUNAL_CASE', ownerId, name: 'wyrok.txt' })}`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${user.token}`,
            'content-type': 'application/octet-stream',
          },
          body,
        },
      );
      expect(res.status).toBe(201);
      const { documentId } = (await res.json()) as { documentId: string };
      const down = await fetch(`${t.url}/api/documents/${documentId}/content`, {
        headers: { authorization: `Bearer ${user.token}` },
      });
      expect(down.headers.get('content-type')).toBe('text/plain');
      expect(Buffer.from(await down.arrayBuffer()).equals(body)).toBe(true);
      await t.app.get(DocumentJobs).idle();
      const [v] = await t.db.query(`SELECT text_status, storage_key FROM document_version`);
      expect(v.text_status).toBe('DONE');
      expect(v.storage_key).toMatch(/^objects\/[0-9a-f-]{36}$/);
    } finally {
      await t.close();
    }
  });
});
