import {
  ApolloClient,
  ApolloLink,
  gql,
  InMemoryCache,
  type TypedDocumentNode,
} from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Observable } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from './api-error';
import { createAuthLink } from './auth-link';
import { AuthSession, type SessionPayload } from './auth-session';

const ME: TypedDocumentNode<{ me: { id: string; name: string } }> = gql`
  query Me {
    me {
      id
      name
    }
  }
`;
const OTHER: TypedDocumentNode<{ voivodeships: { code: string; name: string }[] }> = gql`
  query Voivodeships {
    voivodeships {
      code
      name
    }
  }
`;
const SIGN_IN = gql`
  mutation SignIn($email: String!) {
    signIn(email: $email)
  }
`;

function payload(token: string): SessionPayload {
  return {
    __typename: 'AuthPayload',
    accessToken: token,
    accessTokenExpiresAt: '2030-01-01T00:00:00Z',
    user: {
      __typename: 'User',
      id: 'u1',
      email: 'a@b.pl',
      name: 'A',
      role: 'CITY_OFFICIAL' as never,
      isLegalOfficer: false,
      locale: 'pl',
      position: null,
      department: null,
      phone: null,
      organisationId: 'o1',
      organisation: { __typename: 'Organisation', id: 'o1', name: 'Poznań' },
    },
  };
}

const UNAUTHENTICATED = {
  errors: [{ message: 'Sign in to continue', extensions: { code: 'UNAUTHENTICATED' } }],
};

/**
 * A fake API: answers only requests bearing one of `validTokens`, records every
 * Authorization header it receives.
 */
function fakeApi(validTokens: () => string[]) {
  const seen: (string | undefined)[] = [];
  const link = new ApolloLink((operation) => {
    const auth = (operation.getContext() as { headers?: Record<string, string> }).headers?.[
      'authorization'
    ];
    seen.push(auth);
    return new Observable((observer) => {
      const timer = setTimeout(() => {
        const ok = auth && validTokens().some((t) => auth === `Bearer ${t}`);
        if (!ok) observer.next(UNAUTHENTICATED);
        else if (operation.operationName === 'Me')
          observer.next({ data: { me: { __typename: 'User', id: 'u1', name: 'Anna' } } });
        else
          observer.next({
            data: {
              voivodeships: [{ __typename: 'Voivodeship', code: '30', name: 'wielkopolskie' }],
            },
          });
        observer.complete();
      }, 5);
      return () => clearTimeout(timer);
    });
  });
  return { link, seen };
}

function setup(options: { refreshTo?: string; refreshFails?: boolean; valid: () => string[] }) {
  const requestRefresh = vi.fn(async () => {
    await new Promise((r) => setTimeout(r, 10));
    if (options.refreshFails)
      throw new ApiRequestError({ code: 'UNAUTHENTICATED', message: '', fields: [] });
    return payload(options.refreshTo ?? 'fresh');
  });
  const session = new AuthSession({ requestRefresh });
  session.establish(payload('stale'));
  const api = fakeApi(options.valid);
  const client = new ApolloClient({
    link: ApolloLink.from([createAuthLink(session), api.link]),
    cache: new InMemoryCache(),
  });
  return { session, client, requestRefresh, seen: api.seen };
}

describe('auth link', () => {
  it('sends the in-memory access token as a Bearer header', async () => {
    const { client, seen, requestRefresh } = setup({ valid: () => ['stale'] });
    const result = await client.query({ query: ME });
    expect(result.data).toEqual({ me: { __typename: 'User', id: 'u1', name: 'Anna' } });
    expect(seen).toEqual(['Bearer stale']);
    expect(requestRefresh).not.toHaveBeenCalled();
  });

  it('refreshes once for concurrent UNAUTHENTICATED failures and retries each with the new token', async () => {
    const { client, session, seen, requestRefresh } = setup({ valid: () => ['fresh'] });

    const [me, other] = await Promise.all([
      client.query({ query: ME, fetchPolicy: 'network-only' }),
      client.query({ query: OTHER, fetchPolicy: 'network-only' }),
    ]);

    expect(requestRefresh).toHaveBeenCalledTimes(1);
    expect(me.data?.me).toMatchObject({ name: 'Anna' });
    expect(other.data?.voivodeships).toHaveLength(1);
    expect(seen.filter((h) => h === 'Bearer stale')).toHaveLength(2);
    expect(seen.filter((h) => h === 'Bearer fresh')).toHaveLength(2);
    expect(session.accessToken).toBe('fresh');
  });

  it('retries only once: a second UNAUTHENTICATED goes to the caller', async () => {
    const { client, seen, requestRefresh } = setup({ valid: () => [] });
    await expect(client.query({ query: ME })).rejects.toSatisfy((e) => CombinedGraphQLErrors.is(e));
    expect(requestRefresh).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it('passes the error on and ends the session when the refresh is refused', async () => {
    const { client, session, seen } = setup({ refreshFails: true, valid: () => ['fresh'] });
    const error = await client.query({ query: ME }).catch((e: unknown) => e);
    expect(CombinedGraphQLErrors.is(error) && error.errors[0].extensions?.['code']).toBe(
      'UNAUTHENTICATED',
    );
    expect(seen).toEqual(['Bearer stale']);
    expect(session.snapshot).toMatchObject({ status: 'signedOut', endReason: 'expired' });
  });

  it('never refreshes for the sign-in mutation itself', async () => {
    const { client, requestRefresh } = setup({ valid: () => ['fresh'] });
    await expect(
      client.mutate({ mutation: SIGN_IN, variables: { email: 'x' } }),
    ).rejects.toBeTruthy();
    expect(requestRefresh).not.toHaveBeenCalled();
  });
});
