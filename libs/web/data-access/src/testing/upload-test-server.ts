import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One upload the server received in full. */
export interface ReceivedUpload {
  /** Path and query, as the browser sent them. */
  url: string;
  name: string;
  auth?: string;
  bytes: number;
}

/** How the server answers an upload: a status and JSON body, or `hold` (no answer until released). */
export type UploadAnswer = { status: number; body?: unknown; text?: string } | 'hold';

/**
 * A real HTTP server in the test process standing in for the documents upload route: it
 * reads the whole body, then answers as `answer` says (201 with the stored document by
 * default), so the web's tests send real bytes through the browser's XMLHttpRequest. While
 * started, relative URLs opened by XMLHttpRequest go to it (jsdom has no origin of its own).
 */
export class UploadTestServer {
  base = '';
  readonly received: ReceivedUpload[] = [];
  /** Requests the client abandoned before an answer (a cancelled upload). */
  aborted = 0;
  answer: (upload: ReceivedUpload) => UploadAnswer = () => ({ status: 201 });
  private readonly held: { res: ServerResponse; upload: ReceivedUpload }[] = [];
  private readonly http: Server;
  private native: typeof XMLHttpRequest | undefined;
  private storedCount = 0;

  constructor() {
    this.http = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
    this.native = globalThis.XMLHttpRequest;
    const base = this.base;
    const Native = this.native;
    globalThis.XMLHttpRequest = class extends Native {
      override open(
        method: string,
        url: string | URL,
        async = true,
        user?: string | null,
        password?: string | null,
      ): void {
        const href = String(url);
        super.open(method, href.startsWith('/') ? `${base}${href}` : href, async, user, password);
      }
    };
    return this;
  }

  /** Answers every held upload with 201. */
  release(): void {
    for (const { res, upload } of this.held.splice(0)) this.stored(res, upload);
  }

  /** How many uploads are held right now (the body read, no answer yet). */
  get holding(): number {
    return this.held.length;
  }

  async stop(): Promise<void> {
    if (this.native) globalThis.XMLHttpRequest = this.native;
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const url = req.url ?? '/';
    const received: ReceivedUpload = {
      url,
      name: new URL(url, this.base).searchParams.get('name') ?? '',
      auth: req.headers.authorization,
      bytes: 0,
    };
    res.on('close', () => {
      if (!res.writableEnded) this.aborted += 1;
    });
    try {
      for await (const chunk of req) received.bytes += (chunk as Buffer).length;
    } catch {
      return;
    }
    this.received.push(received);
    const answer = this.answer(received);
    if (answer === 'hold') {
      this.held.push({ res, upload: received });
      return;
    }
    if (answer.status === 201) {
      this.stored(res, received);
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.text ?? JSON.stringify(answer.body ?? {}));
  }

  private stored(res: ServerResponse, upload: ReceivedUpload): void {
    const n = (this.storedCount += 1);
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        documentId: `d${n}`,
        versionId: `v${n}`,
        number: 1,
        name: upload.name,
        size: upload.bytes,
        contentType: 'application/pdf',
      }),
    );
  }
}
