import { useApolloClient } from '@apollo/client/react';
import { hasPermission, Permission, Role } from '@civitas/shared/domain';
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
} from 'react';
import { SignInDocument, SignOutDocument } from '../gql/graphql';
import type {
  AuthSession,
  SessionEndReason,
  SessionPayload,
  SessionStatus,
  SessionUser,
} from './auth-session';
import { authorizedFetch } from './authorized-fetch';

export interface SessionApi {
  status: SessionStatus;
  user: SessionUser | null;
  role: Role | null;
  endReason?: SessionEndReason;
  /** Whether the signed-in person's role grants `permission` (false when signed out). */
  can(permission: Permission): boolean;
  signIn(email: string, password: string): Promise<SessionUser>;
  /** Adopts a payload another mutation returned (accepting an invitation, changing the password). */
  establish(payload: SessionPayload): void;
  updateUser(user: SessionUser): void;
  signOut(options?: { allDevices?: boolean }): Promise<void>;
  /** fetch with the Bearer token and refresh-on-401, for the REST routes. */
  fetch(input: string, init?: RequestInit): Promise<Response>;
}

const SessionContext = createContext<SessionApi | null>(null);
/** The session object itself, for clients that hold the token (the realtime socket). */
const AuthSessionContext = createContext<AuthSession | null>(null);

const CHANNEL = 'civitas-session';

export function SessionProvider({
  session,
  children,
}: {
  session: AuthSession;
  children: ReactNode;
}) {
  const client = useApolloClient();
  const snapshot = useSyncExternalStore(
    session.subscribe,
    session.getSnapshot,
    session.getSnapshot,
  );

  useEffect(() => {
    void session.restore();
  }, [session]);

  // Nothing of one person's data stays in the cache once their session is over.
  const previousStatus = useRef(snapshot.status);
  useEffect(() => {
    if (previousStatus.current === 'signedIn' && snapshot.status === 'signedOut')
      void client.clearStore();
    previousStatus.current = snapshot.status;
  }, [snapshot.status, client]);

  // Signing out in one tab signs out the others.
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent) => {
      if (event.data === 'signed-out') session.end('signedOut');
    };
    return () => channel.close();
  }, [session]);

  const api = useMemo<SessionApi>(() => {
    const user = snapshot.user;
    return {
      status: snapshot.status,
      user,
      role: user?.role ?? null,
      endReason: snapshot.endReason,
      can: (permission) => !!user && hasPermission(user.role, permission),
      async signIn(email, password) {
        const { data } = await client.mutate({
          mutation: SignInDocument,
          variables: { input: { email, password } },
        });
        if (!data) throw new Error('signIn returned no data');
        session.establish(data.signIn);
        return data.signIn.user;
      },
      establish: (payload) => session.establish(payload),
      updateUser: (next) => session.updateUser(next),
      async signOut({ allDevices = false } = {}) {
        try {
          await client.mutate({ mutation: SignOutDocument, variables: { allDevices } });
        } catch (error) {
          // Signing out everywhere must not pretend to have worked; this device signs out regardless.
          if (allDevices) throw error;
        }
        session.end('signedOut');
        if (typeof BroadcastChannel !== 'undefined') {
          const channel = new BroadcastChannel(CHANNEL);
          channel.postMessage('signed-out');
          channel.close();
        }
      },
      fetch: (input, init) => authorizedFetch(session, input, init),
    };
  }, [snapshot, session, client]);

  return (
    <AuthSessionContext.Provider value={session}>
      <SessionContext.Provider value={api}>{children}</SessionContext.Provider>
    </AuthSessionContext.Provider>
  );
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession() needs a <SessionProvider> above it');
  return api;
}

/** The tab's {@link AuthSession} (its in-memory token and shared refresh), or null outside. */
export function useAuthSession(): AuthSession | null {
  return useContext(AuthSessionContext);
}
