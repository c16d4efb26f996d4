import type { DocumentOwnerKind } from '../gql/graphql';
import { ApiRequestError, NETWORK_ERROR, problemFromResponse } from './api-error';
import type { AuthSession } from './auth-session';

/*
 * The one uploader of the web: every file sent to the documents HTTP API (group library,
 * forum attachments, opinions, practices, tribunal, positions) goes through sendFile, for
 * progress, cancel and the refresh-once on 401.
 */

/** What the API answers for a stored upload (201). */
export interface UploadResult {
  documentId: string;
  versionId: string;
  number: number;
  name: string;
  size: number;
  contentType: string;
}

/** Codes an upload can end with: the API's (see its README) and the browser's own. */
export const UPLOAD_ERROR_CODES = [
  'FILE_TOO_LARGE',
  'QUOTA_EXCEEDED',
  'UNSUPPORTED_FILE_TYPE',
  'FILE_TYPE_MISMATCH',
  'INVALID_FILE_NAME',
  'EMPTY_FILE',
  'NOT_FOUND',
  'FORBIDDEN',
  'DOCUMENT_IN_TRASH',
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'TOO_MANY_REQUESTS',
  'NETWORK',
  'UNKNOWN',
] as const;
export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];

export class UploadError extends Error {
  constructor(
    readonly code: UploadErrorCode,
    message: string = code,
    readonly status = 0,
    /** The API's answer as sent, for callers that read it as an ApiProblem. */
    readonly body = '',
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** The upload was cancelled by the person (not an error to show). */
export class UploadAborted extends Error {
  constructor() {
    super('Upload cancelled');
    this.name = 'UploadAborted';
  }
}

const KNOWN = new Set<string>(UPLOAD_ERROR_CODES);

/** The error an HTTP answer stands for: its `{ code }` when the API sent one, else by status. */
export function uploadErrorFrom(status: number, bodyText: string): UploadError {
  let code: string | undefined;
  let message = '';
  try {
    const body = JSON.parse(bodyText) as {
      code?: unknown;
      message?: unknown;
      extensions?: unknown;
    };
    const ext = (body.extensions ?? {}) as { code?: unknown };
    const raw = typeof body.code === 'string' ? body.code : ext.code;
    if (typeof raw === 'string') code = raw;
    if (typeof body.message === 'string') message = body.message;
  } catch {
    // Not JSON (a proxy's page): decided by the status below.
  }
  if (code && KNOWN.has(code))
    return new UploadError(code as UploadErrorCode, message, status, bodyText);
  const byStatus: Record<number, UploadErrorCode> = {
    400: 'BAD_USER_INPUT',
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    409: 'DOCUMENT_IN_TRASH',
    413: 'FILE_TOO_LARGE',
    415: 'UNSUPPORTED_FILE_TYPE',
    429: 'TOO_MANY_REQUESTS',
  };
  return new UploadError(byStatus[status] ?? 'UNKNOWN', message, status, bodyText);
}

/** Where a file goes: a new document of a library, or a new version of a document. */
export type UploadTarget =
  | { kind: 'document'; ownerKind: string; ownerId: string; folderId?: string | null }
  | { kind: 'version'; documentId: string; note?: string };

/** The API address for an upload (the file's name travels in the query, the body is the file). */
export function uploadUrl(target: UploadTarget, fileName: string, base = ''): string {
  const q = new URLSearchParams();
  if (target.kind === 'document') {
    q.set('ownerKind', target.ownerKind);
    q.set('ownerId', target.ownerId);
    if (target.folderId) q.set('folderId', target.folderId);
    q.set('name', fileName);
    return `${base}/api/documents?${q}`;
  }
  if (target.note) q.set('note', target.note);
  const query = q.toString();
  return `${base}/api/documents/${encodeURIComponent(target.documentId)}/versions${query ? `?${query}` : ''}`;
}

export interface SendOptions {
  url: string;
  body: Blob;
  token: string | null;
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
  /** For tests; the browser's XMLHttpRequest otherwise. */
  createXhr?: () => XMLHttpRequest;
}

/**
 * One POST of a file with XMLHttpRequest, for its upload progress events (fetch has none
 * for request bodies) and abort. Resolves with the parsed 201 answer; rejects with an
 * UploadError (status 401 included, for the caller to refresh) or UploadAborted.
 */
export function sendFile(options: SendOptions): Promise<UploadResult> {
  const { url, body, token, onProgress, signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new UploadAborted());
      return;
    }
    const xhr = options.createXhr ? options.createXhr() : new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const done = () => signal?.removeEventListener('abort', onAbort);
    xhr.open('POST', url);
    xhr.withCredentials = false;
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded, e.total);
    };
    xhr.onload = () => {
      done();
      if (xhr.status === 201 || xhr.status === 200) {
        try {
          onProgress?.(body.size, body.size);
          resolve(JSON.parse(xhr.responseText) as UploadResult);
        } catch {
          reject(new UploadError('UNKNOWN', 'Unreadable answer', xhr.status));
        }
      } else {
        reject(uploadErrorFrom(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => {
      done();
      reject(new UploadError('NETWORK'));
    };
    xhr.onabort = () => {
      done();
      reject(new UploadAborted());
    };
    signal?.addEventListener('abort', onAbort);
    xhr.send(body);
  });
}

/**
 * Uploads a file with the session's bearer token; a 401 (token expired mid-way) refreshes
 * the session once and sends the file again, as authorizedFetch does for other routes.
 */
export type UploadSession = Pick<AuthSession, 'accessToken' | 'recover'>;

export async function uploadWithSession(
  session: UploadSession | null,
  options: Omit<SendOptions, 'token'>,
): Promise<UploadResult> {
  const used = session?.accessToken ?? null;
  try {
    return await sendFile({ ...options, token: used });
  } catch (error) {
    if (!(error instanceof UploadError) || error.status !== 401 || !session) throw error;
    const fresh = await session.recover(used);
    if (!fresh) throw error;
    return sendFile({ ...options, token: fresh });
  }
}

/** Refusals the browser can see before sending a byte (the API checks again). */
export function precheck(file: { size: number }, maxFileBytes?: number): UploadError | null {
  if (file.size === 0) return new UploadError('EMPTY_FILE');
  if (maxFileBytes && file.size > maxFileBytes) return new UploadError('FILE_TOO_LARGE');
  return null;
}

/**
 * Sends one file as a new document of `owner` (opinions, practices, tribunal, positions,
 * forum attachments). Refusals throw an ApiRequestError read from the API's answer
 * (FILE_TOO_LARGE, UNSUPPORTED_FILE_TYPE, …) as other requests' errors are; a cancel
 * through `signal` throws UploadAborted.
 */
export async function uploadDocument(
  session: UploadSession | null,
  owner: { ownerKind: DocumentOwnerKind; ownerId: string },
  file: File,
  options: Pick<SendOptions, 'onProgress' | 'signal'> = {},
): Promise<UploadResult> {
  try {
    return await uploadWithSession(session, {
      ...options,
      url: uploadUrl({ kind: 'document', ...owner }, file.name),
      body: file,
    });
  } catch (error) {
    if (!(error instanceof UploadError)) throw error;
    if (error.code === 'NETWORK')
      throw new ApiRequestError({ code: NETWORK_ERROR, message: error.message, fields: [] });
    throw new ApiRequestError(problemFromResponse(error.status, error.body));
  }
}
