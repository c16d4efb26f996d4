import { ApolloLink } from '@apollo/client';
import { from, mergeMap, of } from 'rxjs';
import { isUnauthenticatedResult } from './api-error';
import type { AuthSession } from './auth-session';

/** Operations that must not trigger a refresh-and-retry (they are the refresh, or need no token). */
const NO_RETRY: ReadonlySet<string> = new Set([
  'SignIn',
  'RefreshSession',
  'SignOut',
  'AcceptInvitation',
  'InvitationPreview',
  'RequestPasswordReset',
  'ResetPassword',
]);

type AuthSessionLike = Pick<AuthSession, 'accessToken' | 'recover'>;

/**
 * Adds `Authorization: Bearer` from the in-memory token. When the API answers
 * UNAUTHENTICATED (the 15-minute token expired), refreshes once — shared with every
 * other request failing at the same moment — and retries the operation once with the
 * new token. If the refresh fails, the original error goes through and the session
 * has already been ended, which sends the person to the sign-in page.
 */
export function createAuthLink(session: AuthSessionLike): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const attempt = (token: string | null) => {
      operation.setContext((previous: { headers?: Record<string, string> }) => {
        const headers = { ...previous.headers };
        if (token) headers['authorization'] = `Bearer ${token}`;
        else delete headers['authorization'];
        return { headers };
      });
      return forward(operation);
    };

    const usedToken = session.accessToken;
    if (NO_RETRY.has(operation.operationName ?? '')) return attempt(usedToken);

    return attempt(usedToken).pipe(
      mergeMap((result) => {
        if (!isUnauthenticatedResult(result)) return of(result);
        return from(session.recover(usedToken)).pipe(
          mergeMap((fresh) => (fresh ? attempt(fresh) : of(result))),
        );
      }),
    );
  });
}
