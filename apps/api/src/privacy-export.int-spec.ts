import JSZip from 'jszip';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@civitas/shared/domain';
import { AccountsModule } from '@civitas/api/accounts';
import { DocumentJobs, DocumentsModule, StorageDriver } from '@civitas/api/documents';
import { GroupsModule } from '@civitas/api/groups';
import { PrivacyModule } from '@civitas/api/privacy';
import { TestApp, TestUser } from '@civitas/api/testing';

const POZNAN = '3064011';

describe('the data export of a person with many files', () => {
  let t: TestApp;
  let dir: string;
  let zofia: TestUser;
  let groupId: string;
  const files = new Map<string, Buffer>();
  /** Streams the storage driver has handed out and not yet closed, and the most at once. */
  const streams = { open: 0, most: 0, reads: 0 };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civitas-export-'));
    t = await TestApp.start([DocumentsModule, AccountsModule, GroupsModule, PrivacyModule], {
      DOCUMENTS_DIR: dir,
    });
    const poznan = await t.makeCity(POZNAN);
    zofia = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: poznan });
    [{ id: groupId }] = await t.db.query(
      `INSERT INTO working_group (name, name_folded, topic, visibility)
       VALUES ('Mieszkalnictwo', 'mieszkalnictwo', 'Czynsze', 'OPEN') RETURNING id`,
    );
    await t.db.query(
      `INSERT INTO group_membership (group_id, user_id, role) VALUES ($1, $2, 'MEMBER')`,
      [groupId, zofia.id],
    );
    for (let n = 1; n <= 6; n++) {
      // Larger than one read chunk, so each file streams in several pieces.
      const bytes = Buffer.from(`Protokół ${n}: ${'uchwała o czynszach; '.repeat(n * 20_000)}\n`);
      const name = `protokol-${n}.txt`;
      const q = new URLSearchParams({ ownerKind: 'GROUP_LIBRARY', ownerId: groupId, name });
      const uploaded = await fetch(`${t.url}/api/documents?${q}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${zofia.token}`, 'content-type': 'text/plain' },
        body: bytes,
      });
      expect(uploaded.status).toBe(201);
      files.set(`files/documents/${name}`, bytes);
    }

    // Text extraction reads each upload too: let it finish before counting the export's reads.
    await t.app.get(DocumentJobs).idle();
    // A read is open from the call (an S3 GET starts there) until its stream closes.
    const storage = t.app.get(StorageDriver);
    const read = storage.read.bind(storage);
    jest.spyOn(storage, 'read').mockImplementation(async (key, range) => {
      streams.reads++;
      streams.most = Math.max(streams.most, ++streams.open);
      const stream = await read(key, range);
      stream.once('close', () => streams.open--);
      return stream;
    });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds every file intact, read one at a time as the zip reaches it', async () => {
    const { data } = await t.gql<{ requestDataExport: { path: string } }>(
      `mutation { requestDataExport { path } }`,
      {},
      { token: zofia.token },
    );
    const res = await fetch(`${t.url}${data!.requestDataExport.path}`, {
      headers: { authorization: `Bearer ${zofia.token}` },
    });
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));

    const json = JSON.parse(await zip.file('data.json')!.async('string'));
    expect(json.files.map((f: { path: string }) => f.path).sort()).toEqual(
      [...files.keys()].sort(),
    );
    for (const [path, bytes] of files) {
      expect((await zip.file(path)!.async('nodebuffer')).equals(bytes)).toBe(true);
    }
    expect(streams.reads).toBe(files.size);
    expect(streams.most).toBe(1);
    expect(streams.open).toBe(0);
  });
});
