import { describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from './api-error';
import { AuthSession, type SessionPayload } from './auth-session';

function payload(token: string): SessionPayload {
  return {
    __typename: 'AuthPayload',
    accessToken: token,
    accessTokenExpiresAt: '2030-01-01T00:00:00Z',
    user: {
      __typename: 'User',
      id: 'u1',
      email: 'anna@civitas.local',
      name: 'Anna Nowak',
      role: 'OFFICE_ADMIN' as never,
      isLegalOfficer: false,
      locale: 'pl',
      position: null,
      department: null,
      phone: null,
      organisationId: 'o1',
      organisation: { __typename: 'Organisation', id: 'o1', name: 'Biuro Związku' },
    },
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('AuthSession', () => {
  it('restores a session from the refresh cookie once, keeping the token in memory', async () => {
    const requestRefresh = vi.fn().mockResolvedValue(payload('t1'));
    const session = new AuthSession({ requestRefresh });
    expect(session.snapshot.status).toBe('restoring');

    await Promise.all([session.restore(), session.restore()]);
    await session.restore();

    expect(requestRefresh).toHaveBeenCalledTimes(1);
    expect(session.accessToken).toBe('t1');
    expect(session.snapshot).toMatchObject({ status: 'signedIn', user: { name: 'Anna Nowak' } });
    expect(localStorage.length).toBe(0);
  });

  it('treats a failed restore as simply signed out', async () => {
    const session = new AuthSession({
      requestRefresh: () =>
        Promise.reject(new ApiRequestError({ code: 'UNAUTHENTICATED', message: '', fields: [] })),
    });
    await expect(session.restore()).resolves.toBeNull();
    expect(session.snapshot).toEqual({ status: 'signedOut', user: null, endReason: 'signedOut' });
  });

  it('shares one refresh between concurrent callers (single flight)', async () => {
    const pending = deferred<SessionPayload>();
    const requestRefresh = vi.fn(() => pending.promise);
    const session = new AuthSession({ requestRefresh });
    session.establish(payload('old'));

    const a = session.refresh();
    const b = session.recover('old');
    const c = session.refresh();
    pending.resolve(payload('new'));

    await expect(Promise.all([a, b, c])).resolves.toEqual(['new', 'new', 'new']);
    expect(requestRefresh).toHaveBeenCalledTimes(1);
  });

  it('does not refresh again for a request that failed with a token already replaced', async () => {
    const requestRefresh = vi.fn().mockResolvedValue(payload('t2'));
    const session = new AuthSession({ requestRefresh });
    session.establish(payload('t1'));
    await session.recover('t1');
    expect(requestRefresh).toHaveBeenCalledTimes(1);

    // A slow request sent with t1 fails after the refresh finished: reuse t2.
    await expect(session.recover('t1')).resolves.toBe('t2');
    expect(requestRefresh).toHaveBeenCalledTimes(1);
  });

  it('runs the refresh inside the cross-tab lock', async () => {
    const order: string[] = [];
    const session = new AuthSession({
      requestRefresh: async () => {
        order.push('refresh');
        return payload('t');
      },
      exclusive: async (task) => {
        order.push('lock');
        const result = await task();
        order.push('unlock');
        return result;
      },
    });
    await session.refresh();
    expect(order).toEqual(['lock', 'refresh', 'unlock']);
  });

  it('ends the session as expired when the server refuses the refresh (e.g. reuse detected)', async () => {
    const session = new AuthSession({
      requestRefresh: () =>
        Promise.reject(
          new ApiRequestError({ code: 'REFRESH_TOKEN_REUSED', message: '', fields: [] }),
        ),
    });
    session.establish(payload('t1'));
    const listener = vi.fn();
    session.subscribe(listener);

    await expect(session.recover('t1')).resolves.toBeNull();
    expect(session.accessToken).toBeNull();
    expect(session.snapshot).toMatchObject({ status: 'signedOut', endReason: 'expired' });
    expect(listener).toHaveBeenCalled();
  });

  it('keeps the session through a network failure mid-session', async () => {
    const session = new AuthSession({
      requestRefresh: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    session.establish(payload('t1'));
    await expect(session.refresh()).resolves.toBeNull();
    expect(session.snapshot.status).toBe('signedIn');
  });
});
