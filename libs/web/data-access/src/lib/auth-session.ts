import { ErrorCode } from '@civitas/shared/domain';
import type { SessionPayloadFragment, SessionUserFragment } from '../gql/graphql';
import { ApiRequestError } from './api-error';

export type SessionUser = SessionUserFragment;
export type SessionPayload = SessionPayloadFragment;

export type SessionStatus = 'restoring' | 'signedIn' | 'signedOut';
/** Why a session ended without the person asking: shown on the sign-in page. */
export type SessionEndReason = 'signedOut' | 'expired';

export interface SessionSnapshot {
  status: SessionStatus;
  user: SessionUser | null;
  endReason?: SessionEndReason;
}

export interface AuthSessionOptions {
  /** Calls `refreshSession` once; resolves with the new payload or throws. */
  requestRefresh: () => Promise<SessionPayload>;
  /**
   * Runs the refresh exclusively across browser tabs (Web Locks), so two tabs never
   * present the same refresh cookie: the server would take that as token theft and
   * revoke the whole session family.
   */
  exclusive?: <T>(task: () => Promise<T>) => Promise<T>;
}

/** Refresh failures that mean "this session is over", as opposed to "the network hiccuped". */
const SESSION_OVER: ReadonlySet<string> = new Set([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.REFRESH_TOKEN_REUSED,
  ErrorCode.TOKEN_INVALID,
  ErrorCode.TOKEN_EXPIRED,
  ErrorCode.TOKEN_USED,
  ErrorCode.FORBIDDEN,
]);

export function webLocksExclusive(name = 'civitas-session-refresh') {
  return <T>(task: () => Promise<T>): Promise<T> => {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? locks.request(name, task) : task();
  };
}

/**
 * The signed-in state of this tab. The access token lives here, in memory only; the
 * refresh token is an httpOnly cookie the browser sends to /graphql.
 */
export class AuthSession {
  private token: string | null = null;
  private current: SessionSnapshot = { status: 'restoring', user: null };
  private readonly listeners = new Set<() => void>();
  private inFlight: Promise<string | null> | null = null;
  private restoreStarted = false;

  constructor(private readonly options: AuthSessionOptions) {}

  get accessToken(): string | null {
    return this.token;
  }

  /** Immutable; a new object on every change (for useSyncExternalStore). */
  get snapshot(): SessionSnapshot {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.current;

  establish(payload: SessionPayload): void {
    this.token = payload.accessToken;
    this.restoreStarted = true;
    this.set({ status: 'signedIn', user: payload.user });
  }

  updateUser(user: SessionUser): void {
    if (this.current.status === 'signedIn') this.set({ status: 'signedIn', user });
  }

  /** Forgets the session in this tab (the server side is the caller's business). */
  end(reason: SessionEndReason = 'signedOut'): void {
    this.token = null;
    this.restoreStarted = true;
    if (this.current.status !== 'signedOut' || this.current.endReason !== reason) {
      this.set({ status: 'signedOut', user: null, endReason: reason });
    }
  }

  /** On app start: one refresh to find out whether the cookie still holds a session. */
  restore(): Promise<string | null> {
    if (this.restoreStarted) return this.inFlight ?? Promise.resolve(this.token);
    this.restoreStarted = true;
    return this.refresh();
  }

  /**
   * Single-flight refresh: every caller during one refresh shares its promise, so the
   * cookie is presented once. Resolves with the new access token, or null.
   */
  refresh(): Promise<string | null> {
    if (this.inFlight) return this.inFlight;
    const wasRestoring = this.current.status === 'restoring';
    const run = async (): Promise<string | null> => {
      try {
        const payload = await (this.options.exclusive ?? ((t) => t()))(this.options.requestRefresh);
        this.establish(payload);
        return payload.accessToken;
      } catch (error) {
        const over = error instanceof ApiRequestError && SESSION_OVER.has(error.problem.code);
        if (over || wasRestoring) {
          // A failed restore is simply "not signed in"; a failed refresh mid-session means it expired.
          this.end(wasRestoring ? 'signedOut' : 'expired');
        }
        return null;
      } finally {
        this.inFlight = null;
      }
    };
    this.inFlight = run();
    return this.inFlight;
  }

  /**
   * Called when a request made with `failedToken` came back UNAUTHENTICATED. If another
   * request already refreshed meanwhile, the fresh token is returned without asking the
   * server again; otherwise one (shared) refresh runs.
   */
  recover(failedToken: string | null): Promise<string | null> {
    if (this.inFlight) return this.inFlight;
    if (this.token && this.token !== failedToken) return Promise.resolve(this.token);
    return this.refresh();
  }

  private set(next: SessionSnapshot): void {
    this.current = next;
    for (const listener of [...this.listeners]) listener();
  }
}
