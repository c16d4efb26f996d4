import { ApiRequestError, problemFromResponse } from '@civitas/web/data-access';

export interface UploadedDocument {
  documentId: string;
  name: string;
  size: number;
}

/**
 * Sends one file to the documents HTTP API as an attachment of a practice
 * (`POST /api/documents?ownerKind=PRACTICE&ownerId=<practice>`, the raw file as the body)
 * through the session's fetch. A minimal uploader of this library: the documents web
 * library had none committed yet. Refusals throw an ApiRequestError with the API's code.
 */
export async function uploadPracticeDocument(
  sessionFetch: (input: string, init?: RequestInit) => Promise<Response>,
  practiceId: string,
  file: File,
): Promise<UploadedDocument> {
  const query = new URLSearchParams({
    ownerKind: 'PRACTICE',
    ownerId: practiceId,
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
