import { ApiRequestError, problemFromResponse } from '@civitas/web/data-access';

/** The documents owner kinds of tribunal cases (owner id: the case id). */
export type TribunalFileKind = 'TRIBUNAL_RESOLUTION' | 'TRIBUNAL_STAGE' | 'TRIBUNAL_CASE';

export interface UploadedDocument {
  documentId: string;
  name: string;
  size: number;
}

/**
 * Sends one file to the documents HTTP API (`POST /api/documents`, the raw file as the body)
 * through the session's fetch (bearer token, refresh on 401): a minimal uploader (as in
 * web-opinions: the documents web library exports none). Refusals throw an ApiRequestError
 * with the API's code (FILE_TOO_LARGE, UNSUPPORTED_FILE_TYPE, …).
 */
export async function uploadTribunalDocument(
  sessionFetch: (input: string, init?: RequestInit) => Promise<Response>,
  target: { ownerKind: TribunalFileKind; ownerId: string },
  file: File,
): Promise<UploadedDocument> {
  const query = new URLSearchParams({
    ownerKind: target.ownerKind,
    ownerId: target.ownerId,
    name: file.name,
  });
  const response = await sessionFetch(`/api/documents?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
  });
  const text = await response.text();
  if (!response.ok) throw new ApiRequestError(problemFromResponse(response.status, text));
  const body = JSON.parse(text) as UploadedDocument;
  return { documentId: body.documentId, name: body.name, size: body.size };
}
