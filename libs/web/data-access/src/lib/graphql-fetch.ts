import type { TypedDocumentNode } from '@apollo/client';
import { print } from 'graphql';
import { ApiRequestError, problemFromResponse } from './api-error';

export interface GraphQLFetchOptions {
  uri: string;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

/**
 * One GraphQL request outside Apollo. Used for the session refresh, which must not go
 * through the auth link it serves. Throws ApiRequestError carrying the API's code.
 */
export async function postGraphQL<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: GraphQLFetchOptions,
): Promise<TData> {
  const doFetch = options.fetch ?? fetch;
  const response = await doFetch(options.uri, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...options.headers,
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const text = await response.text();
  let body: { data?: TData | null; errors?: unknown[] } | undefined;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = undefined;
  }
  if (!response.ok || !body || body.errors?.length || !body.data) {
    throw new ApiRequestError(problemFromResponse(response.status, text));
  }
  return body.data;
}
