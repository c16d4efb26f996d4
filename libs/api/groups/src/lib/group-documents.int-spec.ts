import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Role } from '@civitas/shared/domain';
import { DocumentJobs, DocumentsModule, StorageDriver } from '@civitas/api/documents';
import { afterStorageWrite, errorCode, filesUnder, TestApp, TestUser } from '@civitas/api/testing';
import { GroupsModule } from './groups.module';

const POZNAN = '3064011';
const LODZ = '1061011';
const MAX_FILE = 64 * 1024;
const QUOTA = 300 * 1024;

// ---------------------------------------------------------------- fixtures

/** A one-page PDF with a line of text in Helvetica, offsets computed. */
function pdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 40 700 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

async function docx(text: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function odt(text: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  zip.file(
    'content.xml',
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>${text}</text:p></office:text></office:body></office:document-content>`,
  );
  zip.file(
    'META-INF/manifest.xml',
    `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function xlsx(text: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Budżet').addRow(['Pozycja', text, 1200]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)]);
const PE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

// ---------------------------------------------------------------- HTTP helpers

interface Answer {
  status: number;
  headers: Headers;
  json: any;
}

describe('group documents (library, versions, trash, search, attachments)', () => {
  let t: TestApp;
  let dir: string;
  let office: TestUser;
  let coordinator: TestUser;
  let member: TestUser;
  let other: TestUser;
  let groupId: string;
  let otherGroupId: string;

  const upload = async (
    token: string,
    query: Record<string, string>,
    body: Buffer,
    path = '/api/documents',
  ): Promise<Answer> => {
    const res = await fetch(`${t.url}${path}?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
  };
  const toLibrary = (token: string, name: string, body: Buffer, folderId?: string) =>
    upload(token, { ownerId: groupId, name, ...(folderId ? { folderId } : {}) }, body);

  /**
   * A raw HTTP/1.1 request on a socket: Content-Length as given (or chunked), the body
   * written piece by piece, the answer read until the server closes the connection.
   */
  const rawUpload = (
    token: string,
    query: Record<string, string>,
    options: { contentLength?: number; chunks: Buffer[]; abortAfter?: number },
  ): Promise<{ status: number; json: any } | 'aborted'> =>
    new Promise((resolve) => {
      const url = new URL(t.url);
      const socket = connect(Number(url.port), url.hostname);
      const chunked = options.contentLength === undefined;
      socket.write(
        `POST /api/documents?${new URLSearchParams(query)} HTTP/1.1\r\nHost: ${url.host}\r\n` +
          `Authorization: Bearer ${token}\r\nContent-Type: application/octet-stream\r\n` +
          (chunked
            ? 'Transfer-Encoding: chunked\r\n'
            : `Content-Length: ${options.contentLength}\r\n`) +
          'Connection: close\r\n\r\n',
      );
      let answer = '';
      socket.on('data', (d) => (answer += d));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        if (options.abortAfter !== undefined) return resolve('aborted');
        const status = Number(answer.split(' ')[1]);
        const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
        resolve({ status, json: body ? JSON.parse(body) : null });
      });
      let sent = 0;
      const next = () => {
        // Like an HTTP client should, stop sending the body once the server has answered:
        // writing on would reset the closed connection and could drop the unread answer.
        if (socket.destroyed || answer) return;
        if (options.abortAfter !== undefined && sent >= options.abortAfter) {
          setTimeout(() => socket.destroy(), 50);
          return;
        }
        const chunk = options.chunks[sent++];
        if (!chunk) {
          if (chunked) socket.write('0\r\n\r\n');
          return;
        }
        const framed = chunked
          ? Buffer.concat([
              Buffer.from(`${chunk.length.toString(16)}\r\n`),
              chunk,
              Buffer.from('\r\n'),
            ])
          : chunk;
        socket.write(framed, () => setTimeout(next, 5));
      };
      next();
    });

  const rows = async () => Number((await t.db.query(`SELECT count(*) AS n FROM document`))[0].n);
  const stored = (sub: string) => {
    try {
      return readdirSync(join(dir, sub));
    } catch {
      return [];
    }
  };
  const jobs = () => t.app.get(DocumentJobs);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civitas-documents-'));
    t = await TestApp.start([DocumentsModule, GroupsModule], {
      DOCUMENTS_DIR: dir,
      DOCUMENTS_MAX_FILE_BYTES: String(MAX_FILE),
      DOCUMENTS_GROUP_QUOTA_BYTES: String(QUOTA),
    });
    const poznan = await t.makeCity(POZNAN);
    const lodz = await t.makeCity(LODZ);
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
    coordinator = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: poznan });
    member = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: poznan });
    other = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: lodz });
    const create = async (name: string, visibility: string, coordinatorId: string) => {
      const res = await t.gql(
        `mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`,
        {
          input: {
            name,
            topic: 'Dokumenty',
            description: '',
            visibility,
            coordinatorIds: [coordinatorId],
          },
        },
        { token: office.token },
      );
      return res.data!.createWorkingGroup.id as string;
    };
    groupId = await create('Gospodarka wodna', 'SECRET', coordinator.id);
    otherGroupId = await create('Transport publiczny', 'OPEN', other.id);
    await t.db.query(
      `INSERT INTO group_membership (group_id, user_id, role) VALUES ($1, $2, 'MEMBER')`,
      [groupId, member.id],
    );
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores an upload under a generated key, lists it and serves it with safe headers, ranges and a signed preview', async () => {
    const bytes = pdf('Sprawozdanie o kanalizacji deszczowej');
    const res = await toLibrary(member.token, 'Sprawozdanie "roczne" 2026 — Poznań.pdf', bytes);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      number: 1,
      size: bytes.length,
      contentType: 'application/pdf',
    });
    expect(stored('objects')).toHaveLength(1);
    expect(stored('objects')[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(stored('tmp')).toHaveLength(0);

    const list = await t.gql(
      `query($ownerId: ID!) { documents(ownerId: $ownerId, first: 10) { totalCount edges { node {
         id name extension size contentType downloadUrl previewUrl viewerCanEdit viewerCanManage
         createdBy { id } currentVersion { number isCurrent } } } } }`,
      { ownerId: groupId },
      { token: member.token },
    );
    const doc = list.data!.documents.edges[0].node;
    expect(list.data!.documents.totalCount).toBe(1);
    expect(doc).toMatchObject({
      name: 'Sprawozdanie _roczne_ 2026 — Poznań.pdf',
      extension: 'pdf',
      size: bytes.length,
      viewerCanEdit: true,
      viewerCanManage: false,
      createdBy: { id: member.id },
      currentVersion: { number: 1, isCurrent: true },
    });

    const download = await fetch(`${t.url}/api/documents/${doc.id}/content`, {
      headers: { authorization: `Bearer ${member.token}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="Sprawozdanie _roczne_ 2026 ? Pozna?.pdf"; filename*=UTF-8''Sprawozdanie%20_roczne_%202026%20%E2%80%94%20Pozna%C5%84.pdf`,
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

    const ranged = await fetch(`${t.url}/api/documents/${doc.id}/content`, {
      headers: { authorization: `Bearer ${member.token}`, range: 'bytes=0-7' },
    });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 0-7/${bytes.length}`);
    expect(await ranged.text()).toBe('%PDF-1.4');

    // The signed links need no token: a browser follows them.
    const preview = await fetch(`${t.url}${doc.previewUrl}`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(preview.headers.get('content-security-policy')).toMatch(/^sandbox/);
    expect(preview.headers.get('x-content-type-options')).toBe('nosniff');
    const link = await fetch(`${t.url}${doc.downloadUrl}`);
    expect(link.headers.get('content-disposition')).toMatch(/^attachment; /);
    const forged = await fetch(`${t.url}${doc.downloadUrl.slice(0, -3)}abc`);
    expect(forged.status).toBe(404);
  });

  it('answers NOT_FOUND to someone outside the group, in GraphQL and over HTTP', async () => {
    const [{ id }] = await t.db.query(`SELECT id FROM document LIMIT 1`);
    const gql = await t.gql(
      `query($id: ID!) { document(id: $id) { id } }`,
      { id },
      { token: other.token },
    );
    expect(errorCode(gql)).toBe('NOT_FOUND');
    const http = await fetch(`${t.url}/api/documents/${id}/content`, {
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(http.status).toBe(404);
    expect(await http.json()).toMatchObject({ code: 'NOT_FOUND' });
    const list = await t.gql(
      `query($ownerId: ID!) { documents(ownerId: $ownerId) { totalCount } }`,
      { ownerId: groupId },
      { token: other.token },
    );
    expect(errorCode(list)).toBe('NOT_FOUND');
    const up = await toLibrary(other.token, 'a.txt', Buffer.from('hello'));
    expect(up.status).toBe(404);
    const anonymous = await fetch(`${t.url}/api/documents/${id}/content`);
    expect(anonymous.status).toBe(401);
  });

  it('refuses bad input with specific errors and stores nothing', async () => {
    const before = await rows();
    const cases: [string, Buffer, number, string][] = [
      ['raport.pdf', ELF, 415, 'UNSUPPORTED_FILE_TYPE'],
      ['raport.pdf', PE, 415, 'UNSUPPORTED_FILE_TYPE'],
      ['raport.pdf', await docx('tekst'), 415, 'FILE_TYPE_MISMATCH'],
      ['notatka.txt', ELF, 415, 'UNSUPPORTED_FILE_TYPE'],
      ['program.exe', PE, 415, 'UNSUPPORTED_FILE_TYPE'],
      ['../../etc/passwd', Buffer.from('root:x:0:0'), 400, 'INVALID_FILE_NAME'],
      ['..\\..\\win.ini', Buffer.from('[x]'), 400, 'INVALID_FILE_NAME'],
      ['pusty.txt', Buffer.alloc(0), 400, 'EMPTY_FILE'],
    ];
    for (const [name, body, status, code] of cases) {
      const res = await toLibrary(member.token, name, body);
      expect([name, res.status, res.json.code]).toEqual([name, status, code]);
    }
    expect(await rows()).toBe(before);
    expect(stored('tmp')).toHaveLength(0);
  });

  it('refuses an oversized file by Content-Length before reading it, and mid-stream without one', async () => {
    const before = await rows();
    // Headers only: the answer comes although no byte of the body was sent.
    const early = await rawUpload(
      member.token,
      { ownerId: groupId, name: 'duzy.txt' },
      {
        contentLength: 10 * 1024 * 1024,
        chunks: [],
      },
    );
    expect(early).toMatchObject({ status: 413, json: { code: 'FILE_TOO_LARGE' } });

    const chunk = Buffer.alloc(16 * 1024, 'a');
    const late = await rawUpload(
      member.token,
      { ownerId: groupId, name: 'duzy.txt' },
      {
        chunks: Array.from({ length: 8 }, () => chunk),
      },
    );
    expect(late).toMatchObject({ status: 413, json: { code: 'FILE_TOO_LARGE' } });
    const empty = await rawUpload(
      member.token,
      { ownerId: groupId, name: 'pusty.txt' },
      {
        chunks: [],
      },
    );
    expect(empty).toMatchObject({ status: 400, json: { code: 'EMPTY_FILE' } });
    expect(await rows()).toBe(before);
    await jobs().sweepTemporary(new Date(), 0);
    expect(stored('tmp')).toHaveLength(0);
  });

  it('leaves no row and, after the cleanup job, no bytes when an upload is interrupted', async () => {
    const before = await rows();
    const objects = stored('objects').length;
    const result = await rawUpload(
      member.token,
      { ownerId: groupId, name: 'przerwany.txt' },
      {
        contentLength: 60 * 1024,
        chunks: Array.from({ length: 6 }, () => Buffer.alloc(8 * 1024, 'b')),
        abortAfter: 3,
      },
    );
    expect(result).toBe('aborted');
    // The server notices the broken connection on its own time (slower on a loaded machine).
    for (let i = 0; i < 50 && stored('tmp').length + (await rows()) - before > 0; i++) {
      await jobs().sweepTemporary(new Date(), 0);
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(await rows()).toBe(before);
    await jobs().sweepTemporary(new Date(), 0);
    expect(stored('tmp')).toHaveLength(0);
    expect(stored('objects')).toHaveLength(objects);
  });

  it('keeps versions: upload with a note, list, download and restore an old one; refuses a version of a deleted document', async () => {
    const v1 = await toLibrary(member.token, 'plan.txt', Buffer.from('wersja pierwsza'));
    const id = v1.json.documentId;
    const v2 = await upload(
      member.token,
      { note: 'poprawki' },
      Buffer.from('wersja druga'),
      `/api/documents/${id}/versions`,
    );
    expect(v2.status).toBe(201);
    expect(v2.json.number).toBe(2);
    const wrongType = await upload(
      member.token,
      { name: 'plan.pdf' },
      pdf('x'),
      `/api/documents/${id}/versions`,
    );
    expect(wrongType.json.code).toBe('FILE_TYPE_MISMATCH');

    const restored = await t.gql(
      `mutation($d: ID!, $v: ID!) { restoreDocumentVersion(documentId: $d, versionId: $v) { versionCount currentVersion { number restoredFromNumber } } }`,
      { d: id, v: v1.json.versionId },
      { token: member.token },
    );
    expect(restored.data!.restoreDocumentVersion).toEqual({
      versionCount: 3,
      currentVersion: { number: 3, restoredFromNumber: 1 },
    });
    const versions = await t.gql(
      `query($id: ID!) { documentVersions(documentId: $id, first: 10) { totalCount edges { node { id number size note isCurrent uploadedBy { id } } } } }`,
      { id },
      { token: member.token },
    );
    expect(
      versions.data!.documentVersions.edges.map((e: any) => [
        e.node.number,
        e.node.note,
        e.node.isCurrent,
      ]),
    ).toEqual([
      [3, null, true],
      [2, 'poprawki', false],
      [1, null, false],
    ]);
    const old = await fetch(`${t.url}/api/documents/${id}/content?version=${v1.json.versionId}`, {
      headers: { authorization: `Bearer ${member.token}` },
    });
    expect(await old.text()).toBe('wersja pierwsza');
    const current = await fetch(`${t.url}/api/documents/${id}/content`, {
      headers: { authorization: `Bearer ${member.token}` },
    });
    expect(await current.text()).toBe('wersja pierwsza');

    await t.gql(
      `mutation($id: ID!) { deleteDocument(id: $id) { id } }`,
      { id },
      { token: member.token },
    );
    const toDeleted = await upload(
      coordinator.token,
      {},
      Buffer.from('trzecia'),
      `/api/documents/${id}/versions`,
    );
    expect([toDeleted.status, toDeleted.json.code]).toEqual([409, 'DOCUMENT_IN_TRASH']);
    // The author no longer sees it once deleted; only those who manage see the trash.
    const byMember = await upload(
      member.token,
      {},
      Buffer.from('trzecia'),
      `/api/documents/${id}/versions`,
    );
    expect(byMember.status).toBe(404);
  });

  it('counts the quota and refuses what would pass it before storing a byte', async () => {
    const quota = await t.gql(
      `query($g: ID!) { documentQuota(groupId: $g) { usedBytes limitBytes maxFileBytes } }`,
      { g: groupId },
      { token: member.token },
    );
    const used = quota.data!.documentQuota.usedBytes;
    expect(quota.data!.documentQuota).toMatchObject({ limitBytes: QUOTA, maxFileBytes: MAX_FILE });
    const fill = QUOTA - used - 10 * 1024;
    // Fill the quota up to 10 KB below its limit, in files under the per-file limit.
    let left = fill;
    while (left > 0) {
      const size = Math.min(left, MAX_FILE - 1);
      expect(
        (await toLibrary(member.token, `dane-${left}.csv`, Buffer.alloc(size, 'x'))).status,
      ).toBe(201);
      left -= size;
    }
    const before = await rows();
    const byLength = await toLibrary(member.token, 'za-duzo.csv', Buffer.alloc(20 * 1024, 'y'));
    expect([byLength.status, byLength.json.code]).toEqual([413, 'QUOTA_EXCEEDED']);
    const streamed = await rawUpload(
      member.token,
      { ownerId: groupId, name: 'za-duzo.csv' },
      {
        chunks: [Buffer.alloc(8 * 1024, 'z'), Buffer.alloc(8 * 1024, 'z')],
      },
    );
    expect(streamed).toMatchObject({ status: 413, json: { code: 'QUOTA_EXCEEDED' } });
    expect(await rows()).toBe(before);
    // Free the space again for the tests after this one.
    await t.db.query(`DELETE FROM document WHERE name LIKE 'dane-%'`);
  });

  it('moves folders and documents, deletes to the trash, lets coordinators restore, purges after 30 days', async () => {
    const folder = async (name: string, parentId?: string) =>
      (
        await t.gql(
          `mutation($input: CreateDocumentFolderInput!) { createDocumentFolder(input: $input) { id name parentId } }`,
          { input: { groupId, name, parentId } },
          { token: member.token },
        )
      ).data!.createDocumentFolder.id as string;
    const reports = await folder('Raporty');
    const y2026 = await folder('2026', reports);
    const cycle = await t.gql(
      `mutation($id: ID!, $p: ID) { moveDocumentFolder(id: $id, parentId: $p) { id } }`,
      { id: reports, p: y2026 },
      { token: member.token },
    );
    expect(errorCode(cycle)).toBe('BAD_USER_INPUT');
    const up = await toLibrary(member.token, 'bilans.txt', Buffer.from('bilans roczny'), y2026);
    const id = up.json.documentId;
    const tree = await t.gql(
      `query($g: ID!) { documentFolders(groupId: $g) { id parentId name } }`,
      { g: groupId },
      { token: member.token },
    );
    expect(tree.data!.documentFolders).toHaveLength(2);

    const renamed = await t.gql(
      `mutation($id: ID!) { renameDocument(id: $id, name: "bilans 2026.txt") { name } }`,
      { id },
      { token: member.token },
    );
    expect(renamed.data!.renameDocument.name).toBe('bilans 2026.txt');
    const renamedByOther = await t.gql(
      `mutation($id: ID!) { renameDocument(id: $id, name: "x.txt") { name } }`,
      { id },
      { token: other.token },
    );
    expect(errorCode(renamedByOther)).toBe('NOT_FOUND');

    // The whole folder goes to the trash and comes back together.
    await t.gql(
      `mutation($id: ID!) { deleteDocumentFolder(id: $id) { deletedAt } }`,
      { id: reports },
      { token: member.token },
    );
    const inside = await t.gql(
      `query($id: ID!) { document(id: $id) { id } }`,
      { id },
      { token: member.token },
    );
    expect(errorCode(inside)).toBe('NOT_FOUND');
    const trashedFolders = await t.gql(
      `query($g: ID!) { trashedDocumentFolders(groupId: $g) { id } }`,
      { g: groupId },
      { token: member.token },
    );
    expect(trashedFolders.data!.trashedDocumentFolders.map((f: any) => f.id)).toEqual([reports]);
    const restoreByMember = await t.gql(
      `mutation($id: ID!) { restoreDocumentFolder(id: $id) { id } }`,
      { id: reports },
      { token: member.token },
    );
    expect(errorCode(restoreByMember)).toBe('FORBIDDEN');
    const restored = await t.gql(
      `mutation($id: ID!) { restoreDocumentFolder(id: $id) { deletedAt } }`,
      { id: reports },
      { token: coordinator.token },
    );
    expect(restored.data!.restoreDocumentFolder.deletedAt).toBeNull();
    expect(
      (
        await t.gql(
          `query($id: ID!) { document(id: $id) { folderId } }`,
          { id },
          { token: member.token },
        )
      ).data!.document.folderId,
    ).toBe(y2026);

    // One document: trash, restore by the coordinator, trash again, purge.
    await t.gql(
      `mutation($id: ID!) { deleteDocument(id: $id) { id } }`,
      { id },
      { token: member.token },
    );
    const trash = await t.gql(
      `query($g: ID!) { documentTrash(groupId: $g, first: 10) { edges { node { id purgeAt deletedBy { id } viewerCanManage } } } }`,
      { g: groupId },
      { token: coordinator.token },
    );
    const item = trash.data!.documentTrash.edges.find((e: any) => e.node.id === id).node;
    expect(item).toMatchObject({ deletedBy: { id: member.id }, viewerCanManage: true });
    const back = await t.gql(
      `mutation($id: ID!) { restoreDocument(id: $id) { deletedAt } }`,
      { id },
      { token: coordinator.token },
    );
    expect(back.data!.restoreDocument.deletedAt).toBeNull();
    await t.gql(
      `mutation($id: ID!) { deleteDocument(id: $id) { id } }`,
      { id },
      { token: coordinator.token },
    );

    const objects = stored('objects').length;
    expect(await jobs().purgeTrash(new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    const purged = await jobs().purgeTrash(new Date(Date.now() + 31 * 86_400_000));
    expect(purged).toBeGreaterThanOrEqual(1);
    expect((await t.db.query(`SELECT id FROM document WHERE id = $1`, [id])).length).toBe(0);
    expect(stored('objects').length).toBeLessThan(objects);
  });

  it('costs the same statements for a page of 3 documents as for a page of 30', async () => {
    const folderId = (
      await t.gql(
        `mutation($input: CreateDocumentFolderInput!) { createDocumentFolder(input: $input) { id } }`,
        { input: { groupId, name: 'Licznik' } },
        { token: member.token },
      )
    ).data!.createDocumentFolder.id;
    const page = async () => {
      // Text extraction of the uploads runs in the background and would be counted too.
      await jobs().idle();
      t.queries.reset();
      const res = await t.gql(
        `query($o: ID!, $f: ID) { documents(ownerId: $o, folderId: $f, first: 50) { totalCount edges { node {
           id name size viewerCanEdit viewerCanManage createdBy { name } currentVersion { number uploadedBy { name } } } } } }`,
        { o: groupId, f: folderId },
        { token: member.token },
      );
      return { count: res.data!.documents.totalCount, statements: t.queries.queries };
    };
    for (let i = 0; i < 3; i++)
      await toLibrary(member.token, `plik-${i}.txt`, Buffer.from(`treść ${i}`), folderId);
    const small = await page();
    for (let i = 3; i < 30; i++)
      await toLibrary(member.token, `plik-${i}.txt`, Buffer.from(`treść ${i}`), folderId);
    const large = await page();
    expect([small.count, large.count]).toEqual([3, 30]);
    expect(large.statements).toBe(small.statements);
    // The caller's account, the read check, the folder, the page, its count, and one manage and
    // one write check for the whole page (plus the token's session check).
    expect(small.statements).toBeLessThanOrEqual(8);
    await t.gql(
      `mutation($id: ID!) { deleteDocumentFolder(id: $id) { id } }`,
      { id: folderId },
      { token: member.token },
    );
    await t.db.query(`DELETE FROM document WHERE folder_id = $1`, [folderId]);
  });

  it('extracts text from PDF, DOCX, ODT and XLSX and searches only what the searcher may read', async () => {
    const files: [string, Buffer][] = [
      ['kanalizacja.pdf', pdf('Modernizacja kanalizacji deszczowej w dzielnicy')],
      ['retencja.docx', await docx('Zielona retencja na osiedlach mieszkaniowych')],
      ['opinia.odt', await odt('Opinia prawna o taryfach wodociągowych')],
      ['budzet.xlsx', await xlsx('Wodomierze inteligentne')],
    ];
    for (const [name, body] of files) {
      const res = await toLibrary(member.token, name, body);
      expect([name, res.status]).toEqual([name, 201]);
    }
    // A document of another group the member may not read.
    const foreign = await upload(
      other.token,
      { ownerId: otherGroupId, name: 'obce.txt' },
      Buffer.from('kanalizacji taryfach wodomierze'),
    );
    expect(foreign.status).toBe(201);
    await jobs().idle();
    const statuses = await t.db.query(
      `SELECT d.name, v.text_status FROM document d JOIN document_version v ON v.id = d.current_version_id WHERE d.name = ANY($1)`,
      [files.map((f) => f[0])],
    );
    expect(statuses.every((s: any) => s.text_status === 'DONE')).toBe(true);

    const search = async (query: string, token = member.token) =>
      (
        await t.gql(
          `query($q: String!) { documentSearch(query: $q) { headline document { name } } }`,
          { q: query },
          { token },
        )
      ).data!.documentSearch as { headline: string; document: { name: string } }[];
    const names = async (query: string, token?: string) =>
      (await search(query, token)).map((h) => h.document.name).sort();
    // The PDF of the first test says the same.
    const pdfs = ['Sprawozdanie _roczne_ 2026 — Poznań.pdf', 'kanalizacja.pdf'];
    expect(await names('kanalizacji deszczowej')).toEqual(pdfs);
    expect(await names('retencja')).toEqual(['retencja.docx']);
    expect(await names('taryfach')).toEqual(['opinia.odt']);
    expect(await names('wodomierze')).toEqual(['budzet.xlsx']);
    // Inflection, where the server has the Polish dictionary (tools/polish-dictionary.sh):
    // "taryfa" finds "taryfach", "kanalizacja" finds "kanalizacji".
    const [{ polish }] = await t.db.query(
      `SELECT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'polish_unaccent') AS polish`,
    );
    if (polish) {
      expect(await names('taryfa')).toEqual(['opinia.odt']);
      expect(await names('kanalizacja')).toEqual(pdfs);
    }
    // Diacritics never matter: "wodociagowych" finds "wodociągowych".
    expect(await names('wodociagowych')).toEqual(['opinia.odt']);
    const [hit] = await search('taryfach');
    expect(hit.headline).toContain('<mark>');
    // The other group's member finds their own file only; nothing of this group.
    expect(await names('kanalizacji', other.token)).toEqual(['obce.txt']);
    expect(await names('kanalizacji')).toEqual(pdfs);
  });

  it('attaches files to a forum post; members of another group get NOT_FOUND', async () => {
    const thread = await t.gql(
      `mutation($input: CreateForumThreadInput!) { createForumThread(input: $input) { id posts(first: 1) { edges { node { id } } } } }`,
      { input: { groupId, title: 'Wymiana dokumentów', body: 'W załączniku sprawozdanie.' } },
      { token: member.token },
    );
    const postId = thread.data!.createForumThread.posts.edges[0].node.id;
    const byOther = await upload(
      coordinator.token,
      { ownerKind: 'FORUM_POST', ownerId: postId, name: 'x.txt' },
      Buffer.from('nie mój post'),
    );
    expect(byOther.status).toBe(403);
    const attached = await upload(
      member.token,
      { ownerKind: 'FORUM_POST', ownerId: postId, name: 'zalacznik.txt' },
      Buffer.from('załącznik do posta'),
    );
    expect(attached.status).toBe(201);
    const page = await t.gql(
      `query($id: ID!) { forumThread(id: $id) { posts(first: 5) { edges { node { id attachments { id name ownerKind downloadUrl } } } } } }`,
      { id: thread.data!.createForumThread.id },
      { token: coordinator.token },
    );
    expect(page.data!.forumThread.posts.edges[0].node.attachments).toEqual([
      expect.objectContaining({
        id: attached.json.documentId,
        name: 'zalacznik.txt',
        ownerKind: 'FORUM_POST',
      }),
    ]);
    const outsider = await fetch(`${t.url}/api/documents/${attached.json.documentId}/content`, {
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(outsider.status).toBe(404);
  });

  describe('an upload whose access goes while its bytes are written', () => {
    const files = () => filesUnder(dir);
    /** Runs `meanwhile` right after the upload's bytes are written, before its final step. */
    const uploadWhile = async (
      token: string,
      query: Record<string, string>,
      meanwhile: () => Promise<void>,
    ) => {
      const restore = afterStorageWrite(t.app.get(StorageDriver), meanwhile);
      try {
        return await upload(token, query, Buffer.from('Treść spóźniona'));
      } finally {
        restore();
      }
    };

    /** Someone of the member's city who has just joined the group. */
    const newMember = async () => {
      const person = await t.makeUser({
        role: Role.CITY_OFFICIAL,
        organisationId: member.organisationId,
      });
      await t.db.query(
        `INSERT INTO group_membership (group_id, user_id, role) VALUES ($1, $2, 'MEMBER')`,
        [groupId, person.id],
      );
      return person;
    };
    /** The refusal a late upload gets, with no document row named `name` and no bytes kept. */
    const expectRefusedLeavingNothing = async (
      res: Awaited<ReturnType<typeof uploadWhile>>,
      name: string,
      filesBefore: string[],
    ) => {
      expect(res.status).toBe(404);
      expect(res.json.code).toBe('NOT_FOUND');
      expect(await t.db.query(`SELECT id FROM document WHERE name = $1`, [name])).toEqual([]);
      expect(files()).toEqual(filesBefore);
    };

    it('is refused (NOT_FOUND) when its uploader is removed from the group: no row, no bytes', async () => {
      const leaver = await newMember();
      const filesBefore = files();
      const res = await uploadWhile(
        leaver.token,
        { ownerId: groupId, name: 'usuniety-w-trakcie.txt' },
        async () => {
          const removed = await t.gql(
            `mutation($input: GroupPersonActInput!) { removeGroupMember(input: $input) }`,
            { input: { groupId, userId: leaver.id } },
            { token: coordinator.token },
          );
          expect(removed.errors).toBeUndefined();
        },
      );
      await expectRefusedLeavingNothing(res, 'usuniety-w-trakcie.txt', filesBefore);
    });

    it('waits for a removal still in progress (FOR SHARE against its DELETE), then is refused', async () => {
      const leaver = await newMember();
      const filesBefore = files();
      let removal: Promise<void> = Promise.resolve();
      const res = await uploadWhile(
        leaver.token,
        { ownerId: groupId, name: 'w-trakcie-usuwania.txt' },
        async () => {
          const runner = t.db.createQueryRunner();
          await runner.connect();
          await runner.startTransaction();
          await runner.query(`DELETE FROM group_membership WHERE group_id = $1 AND user_id = $2`, [
            groupId,
            leaver.id,
          ]);
          // Commits once the final step had time to reach the membership: a plain read there
          // would still see it (and store the file), the lock waits for the commit.
          removal = new Promise((resolve) => setTimeout(resolve, 500))
            .then(() => runner.commitTransaction())
            .finally(() => runner.release());
        },
      );
      await removal;
      await expectRefusedLeavingNothing(res, 'w-trakcie-usuwania.txt', filesBefore);
    });

    it('is refused (NOT_FOUND) when its forum post is removed: no row, no bytes', async () => {
      const thread = await t.gql(
        `mutation($input: CreateForumThreadInput!) { createForumThread(input: $input) { posts(first: 1) { edges { node { id } } } } }`,
        { input: { groupId, title: 'Post usuwany', body: 'Zaraz zniknie.' } },
        { token: member.token },
      );
      const postId = thread.data!.createForumThread.posts.edges[0].node.id as string;
      const filesBefore = files();
      const res = await uploadWhile(
        member.token,
        { ownerKind: 'FORUM_POST', ownerId: postId, name: 'spozniony.txt' },
        async () => {
          const removed = await t.gql(
            `mutation($id: ID!) { deleteForumPost(postId: $id) { id } }`,
            { id: postId },
            { token: member.token },
          );
          expect(removed.errors).toBeUndefined();
        },
      );
      expect(res.status).toBe(404);
      expect(res.json.code).toBe('NOT_FOUND');
      expect(
        await t.db.query(
          `SELECT id FROM document WHERE owner_kind = 'FORUM_POST' AND owner_id = $1`,
          [postId],
        ),
      ).toEqual([]);
      expect(files()).toEqual(filesBefore);
    });
  });
});
