// @vitest-environment jsdom
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadTestServer } from '../testing/upload-test-server';
import { ApiRequestError } from './api-error';
import {
  precheck,
  sendFile,
  UploadAborted,
  uploadDocument,
  UploadError,
  uploadErrorFrom,
  uploadUrl,
  uploadWithSession,
} from './upload';

/**
 * A real HTTP server standing in for the API's upload route: it reads the body in full
 * (slowly when asked, so an abort lands mid-way) and answers like the API does.
 */
let server: Server;
let base = '';
const seen: { url: string; auth?: string; bytes: number }[] = [];

function readAll(req: IncomingMessage): Promise<number> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => resolve(bytes));
    req.on('error', reject);
  });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const name = url.searchParams.get('name') ?? '';
    if (url.searchParams.get('slow')) req.pause();
    if (name.endsWith('.exe.pdf')) {
      await readAll(req);
      res.writeHead(415, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'FILE_TYPE_MISMATCH', message: 'The content is not a PDF' }));
      return;
    }
    if (req.headers.authorization === 'Bearer old') {
      await readAll(req);
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'UNAUTHENTICATED', message: 'Expired' }));
      return;
    }
    if (url.searchParams.get('slow')) {
      // Never answer: the client aborts.
      return;
    }
    const bytes = await readAll(req);
    seen.push({ url: req.url ?? '', auth: req.headers.authorization, bytes });
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        documentId: 'd1',
        versionId: 'v1',
        number: 1,
        name,
        size: bytes,
        contentType: 'application/pdf',
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(
  () =>
    new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    }),
);

const file = (bytes: number, name = 'raport.pdf') =>
  new File([new Uint8Array(bytes).fill(37)], name);

describe('uploadUrl', () => {
  it('puts the owner, the folder and the name in the query', () => {
    expect(
      uploadUrl(
        { kind: 'document', ownerKind: 'GROUP_LIBRARY', ownerId: 'g1', folderId: 'f1' },
        'Raport ąę & co.pdf',
      ),
    ).toBe(
      '/api/documents?ownerKind=GROUP_LIBRARY&ownerId=g1&folderId=f1&name=Raport+%C4%85%C4%99+%26+co.pdf',
    );
    expect(uploadUrl({ kind: 'version', documentId: 'd1', note: 'Nowe dane' }, 'x.pdf')).toBe(
      '/api/documents/d1/versions?note=Nowe+dane',
    );
    expect(uploadUrl({ kind: 'version', documentId: 'd1' }, 'x.pdf')).toBe(
      '/api/documents/d1/versions',
    );
  });
});

describe('sendFile against a real HTTP server', () => {
  it('sends the bytes with the bearer token, reports progress and resolves with the answer', async () => {
    const progress: number[] = [];
    const body = file(300_000);
    const result = await sendFile({
      url: uploadUrl(
        { kind: 'document', ownerKind: 'GROUP_LIBRARY', ownerId: 'g1' },
        'raport.pdf',
        base,
      ),
      body,
      token: 'tok',
      onProgress: (loaded) => progress.push(loaded),
    });
    expect(result).toMatchObject({ documentId: 'd1', name: 'raport.pdf', size: 300_000 });
    expect(seen.at(-1)).toMatchObject({ auth: 'Bearer tok', bytes: 300_000 });
    expect(progress.at(-1)).toBe(300_000);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it("turns the API's refusal into its code", async () => {
    const error = await sendFile({
      url: uploadUrl(
        { kind: 'document', ownerKind: 'GROUP_LIBRARY', ownerId: 'g1' },
        'setup.exe.pdf',
        base,
      ),
      body: file(10),
      token: 'tok',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({ code: 'FILE_TYPE_MISMATCH', status: 415 });
  });

  it('is cancelled by its AbortSignal while the body goes up', async () => {
    const controller = new AbortController();
    const sending = sendFile({
      url: `${base}/api/documents?ownerKind=GROUP_LIBRARY&ownerId=g1&name=big.pdf&slow=1`,
      body: file(2_000_000),
      token: 'tok',
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    await expect(sending).rejects.toBeInstanceOf(UploadAborted);
  });

  it('a network failure is NETWORK', async () => {
    const error = await sendFile({
      url: 'http://127.0.0.1:1/api/documents',
      body: file(5),
      token: null,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NETWORK' });
  });
});

describe('uploadWithSession', () => {
  it('refreshes an expired token once and sends the file again', async () => {
    let recovered = 0;
    const session = {
      accessToken: 'old',
      recover: async () => {
        recovered += 1;
        return 'new';
      },
    };
    const result = await uploadWithSession(session, {
      url: uploadUrl(
        { kind: 'document', ownerKind: 'GROUP_LIBRARY', ownerId: 'g1' },
        'again.pdf',
        base,
      ),
      body: file(1000, 'again.pdf'),
    });
    expect(recovered).toBe(1);
    expect(result.name).toBe('again.pdf');
    expect(seen.at(-1)).toMatchObject({ auth: 'Bearer new', bytes: 1000 });
  });
});

describe('uploadErrorFrom', () => {
  it.each([
    [413, '{"code":"FILE_TOO_LARGE","message":"x"}', 'FILE_TOO_LARGE'],
    [413, '{"code":"QUOTA_EXCEEDED","message":"x"}', 'QUOTA_EXCEEDED'],
    [415, '{"code":"UNSUPPORTED_FILE_TYPE"}', 'UNSUPPORTED_FILE_TYPE'],
    [400, '{"code":"INVALID_FILE_NAME"}', 'INVALID_FILE_NAME'],
    [400, '{"code":"EMPTY_FILE"}', 'EMPTY_FILE'],
    [409, '{"code":"DOCUMENT_IN_TRASH"}', 'DOCUMENT_IN_TRASH'],
    [413, '<html>nginx</html>', 'FILE_TOO_LARGE'],
    [404, '', 'NOT_FOUND'],
    [502, '', 'UNKNOWN'],
    [400, '{"errors":[],"extensions":{"code":"BAD_USER_INPUT"}}', 'BAD_USER_INPUT'],
  ])('%i %s → %s', (status, body, code) => {
    expect(uploadErrorFrom(status, body).code).toBe(code);
  });

  it('refuses an empty or oversized file before sending it', () => {
    expect(precheck({ size: 0 })?.code).toBe('EMPTY_FILE');
    expect(precheck({ size: 11 }, 10)?.code).toBe('FILE_TOO_LARGE');
    expect(precheck({ size: 10 }, 10)).toBeNull();
  });
});

describe('uploadDocument through the UploadTestServer (relative URLs, as the pages send)', () => {
  let api: UploadTestServer;
  beforeAll(async () => {
    api = await new UploadTestServer().start();
  });
  afterAll(() => api.stop());

  const owner = { ownerKind: 'OPINION', ownerId: 'r1' } as const;
  const session = (token = 'tok', fresh: string | null = 'fresh') => {
    const calls: (string | null)[] = [];
    return {
      calls,
      accessToken: token,
      recover: async (used: string | null) => {
        calls.push(used);
        return fresh;
      },
    };
  };
  const problem = (error: unknown) => (error as ApiRequestError).problem;

  it('sends the file with the token, reports progress up to its size and resolves with the document', async () => {
    api.answer = () => ({ status: 201 });
    const progress: [number, number][] = [];
    const result = await uploadDocument(session(), owner, file(500_000, 'opinia.pdf'), {
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(result).toMatchObject({ name: 'opinia.pdf', size: 500_000 });
    expect(api.received.at(-1)).toMatchObject({
      url: '/api/documents?ownerKind=OPINION&ownerId=r1&name=opinia.pdf',
      auth: 'Bearer tok',
      bytes: 500_000,
    });
    expect(progress.at(-1)).toEqual([500_000, 500_000]);
    const loaded = progress.map(([l]) => l);
    expect([...loaded].sort((a, b) => a - b)).toEqual(loaded);
  });

  it.each([
    [413, { code: 'FILE_TOO_LARGE', message: 'Too large' }, undefined, 'FILE_TOO_LARGE'],
    [413, { code: 'QUOTA_EXCEEDED', message: 'Full' }, undefined, 'QUOTA_EXCEEDED'],
    [415, { code: 'UNSUPPORTED_FILE_TYPE', message: 'No' }, undefined, 'UNSUPPORTED_FILE_TYPE'],
    [415, { code: 'FILE_TYPE_MISMATCH', message: 'No' }, undefined, 'FILE_TYPE_MISMATCH'],
    // A proxy's page without a code: read by status, as every other REST answer is.
    [413, undefined, '<html>nginx</html>', 'BAD_USER_INPUT'],
    [403, undefined, '', 'FORBIDDEN'],
    [502, undefined, '', 'UNKNOWN'],
  ])('a %i answer %j %s is an ApiRequestError %s', async (status, body, text, code) => {
    api.answer = () => ({ status, body, text });
    const error = await uploadDocument(session(), owner, file(10)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(problem(error).code).toBe(code);
  });

  it('on 401 refreshes the token once and sends the file again with the new one', async () => {
    api.answer = (u) =>
      u.auth === 'Bearer old'
        ? { status: 401, body: { code: 'UNAUTHENTICATED' } }
        : { status: 201 };
    const before = api.received.length;
    const s = session('old', 'fresh');
    const result = await uploadDocument(s, owner, file(1000, 'znowu.pdf'));
    expect(result.name).toBe('znowu.pdf');
    expect(s.calls).toEqual(['old']);
    expect(api.received.slice(before).map((u) => [u.auth, u.bytes])).toEqual([
      ['Bearer old', 1000],
      ['Bearer fresh', 1000],
    ]);
  });

  it('a second 401 is not retried again, and a failed refresh stops at once: UNAUTHENTICATED', async () => {
    api.answer = () => ({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    let before = api.received.length;
    const twice = session('old', 'fresh');
    const error = await uploadDocument(twice, owner, file(10)).catch((e: unknown) => e);
    expect(problem(error).code).toBe('UNAUTHENTICATED');
    expect(twice.calls).toEqual(['old']);
    expect(api.received.length - before).toBe(2);

    before = api.received.length;
    const lost = session('old', null);
    const again = await uploadDocument(lost, owner, file(10)).catch((e: unknown) => e);
    expect(problem(again).code).toBe('UNAUTHENTICATED');
    expect(api.received.length - before).toBe(1);
  });

  it('cancelling aborts the request on the wire and rejects with UploadAborted', async () => {
    api.answer = () => 'hold';
    const controller = new AbortController();
    const sending = uploadDocument(session(), owner, file(200_000), {
      signal: controller.signal,
    }).catch((e: unknown) => e);
    await waitUntil(() => api.holding === 1);
    const abortedBefore = api.aborted;
    controller.abort();
    expect(await sending).toBeInstanceOf(UploadAborted);
    await waitUntil(() => api.aborted === abortedBefore + 1);
    api.release();
  });
});

async function waitUntil(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
