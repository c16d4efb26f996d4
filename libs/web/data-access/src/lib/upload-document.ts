import type { DocumentOwnerKind } from '../gql/graphql';
import { ApiRequestError, problemFromResponse } from './api-error';

export interface UploadedDocument {
  documentId: string;
  name: string;
  size: number;
}

/**
 * Sends one file to the documents HTTP API (`POST /api/documents`, the raw file as the body)
 * as a document of `owner`, through the session's fetch (bearer token, refresh on 401).
 * Refusals throw an ApiRequestError with the API's code (FILE_TOO_LARGE, UNSUPPORTED_FILE_TYPE,
 * …). The group library's uploader, with progress and cancel, is libs/web/documents'.
 */
export async function uploadDocument(
  sessionFetch: (input: string, init?: RequestInit) => Promise<Response>,
  owner: { ownerKind: DocumentOwnerKind; ownerId: string },
  file: File,
): Promise<UploadedDocument> {
  const query = new URLSearchParams({
    ownerKind: owner.ownerKind,
    ownerId: owner.ownerId,
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
