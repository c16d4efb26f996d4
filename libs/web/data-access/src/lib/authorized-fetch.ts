import type { AuthSession } from './auth-session';

function withBearer(init: RequestInit | undefined, token: string | null): RequestInit {
  const headers = new Headers(init?.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  return { credentials: 'same-origin', ...init, headers };
}

/**
 * fetch for the REST routes (logo upload): the same Bearer header and the same
 * refresh-once-and-retry as the GraphQL link. The body must be re-sendable
 * (FormData, string), not a stream.
 */
export async function authorizedFetch(
  session: Pick<AuthSession, 'accessToken' | 'recover'>,
  input: string,
  init?: RequestInit,
  doFetch: typeof fetch = fetch,
): Promise<Response> {
  const used = session.accessToken;
  const response = await doFetch(input, withBearer(init, used));
  if (response.status !== 401) return response;
  const fresh = await session.recover(used);
  return fresh ? doFetch(input, withBearer(init, fresh)) : response;
}
