import type {
  ChatUnread,
  OpinionDiscussionAudience,
  ServerToClientEvents,
} from '@civitas/shared/domain';
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useAuthSession, useSession } from '../SessionProvider';
import {
  type ConnectionState,
  type GroupChatSnapshot,
  RealtimeClient,
  type RealtimeClientOptions,
} from './realtime-client';

const RealtimeContext = createContext<RealtimeClient | null>(null);

/** sessionStorage key of a person's unacknowledged chat messages. */
export const outboxKey = (personId: string) => `civitas-chat-outbox:${personId}`;

function sessionStorageOrNull(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/**
 * One realtime connection per tab, for the signed-in person: opened with the session's
 * access token, refreshed through the session's shared refresh, closed on sign-out. Pass
 * `client` to use one made elsewhere (tests).
 */
export function RealtimeProvider({
  children,
  client: given,
  options,
}: {
  children: ReactNode;
  client?: RealtimeClient;
  options?: Partial<RealtimeClientOptions>;
}) {
  const session = useAuthSession();
  const { status, user } = useSession();
  const personId = status === 'signedIn' ? (user?.id ?? null) : null;
  const [client, setClient] = useState<RealtimeClient | null>(given ?? null);
  const optionsRef = useRef(options);

  useEffect(() => {
    if (given) {
      setClient(given);
      return undefined;
    }
    if (!session || !personId) {
      setClient(null);
      return undefined;
    }
    const made = new RealtimeClient({
      getToken: () => session.accessToken,
      refreshToken: (failed) => session.recover(failed),
      storage: sessionStorageOrNull(),
      storageKey: outboxKey(personId),
      personId,
      ...optionsRef.current,
    });
    setClient(made);
    return () => {
      made.close();
      // Signing out on purpose forgets what was still waiting to be sent; an expired session
      // keeps it for when the same person signs in again in this tab.
      const ended = session.snapshot;
      if (ended.status === 'signedOut' && ended.endReason === 'signedOut')
        sessionStorageOrNull()?.removeItem(outboxKey(personId));
    };
  }, [given, session, personId]);

  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

/** The tab's realtime client; null outside a {@link RealtimeProvider} or while signed out. */
export function useRealtime(): RealtimeClient | null {
  return useContext(RealtimeContext);
}

const noop = () => () => undefined;

/** connected / reconnecting / offline, for the banner; null without a client. */
export function useConnectionState(): ConnectionState | null {
  const client = useRealtime();
  return useSyncExternalStore(
    client ? (l) => client.onConnectionChange(l) : noop,
    () => client?.connectionState ?? null,
    () => client?.connectionState ?? null,
  );
}

/** Calls `handler` on every `event` from the server while mounted. */
export function useRealtimeEvent<E extends keyof ServerToClientEvents>(
  event: E,
  handler: ServerToClientEvents[E],
): void {
  const client = useRealtime();
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!client) return undefined;
    const forward = ((...args: Parameters<ServerToClientEvents[E]>) =>
      (ref.current as (...a: unknown[]) => void)(...args)) as unknown as ServerToClientEvents[E];
    return client.on(event, forward);
  }, [client, event]);
}

/** Keeps the socket in a forum thread's room while mounted. */
export function useThreadRoom(threadId: string | null | undefined): void {
  const client = useRealtime();
  useEffect(() => {
    if (!client || !threadId) return undefined;
    return client.watchThread(threadId);
  }, [client, threadId]);
}

/**
 * Keeps the socket in an opinion discussion's room while mounted; `entered` runs after every
 * entry the server accepted (the first, and each after a reconnection).
 */
export function useOpinionDiscussionRoom(
  requestId: string,
  audience: OpinionDiscussionAudience,
  entered: () => void,
): void {
  const client = useRealtime();
  const ref = useRef(entered);
  useEffect(() => {
    ref.current = entered;
  });
  useEffect(() => {
    if (!client) return undefined;
    return client.watchOpinionDiscussion({ requestId, audience }, () => ref.current());
  }, [client, requestId, audience]);
}

/** A group's chat, live, with the room entered while mounted; null without a client. */
export function useGroupChat(groupId: string): GroupChatSnapshot | null {
  const client = useRealtime();
  useEffect(() => {
    if (!client) return undefined;
    return client.watchGroup(groupId);
  }, [client, groupId]);
  return useSyncExternalStore(
    client ? (l) => client.onGroupChange(groupId, l) : noop,
    () => client?.groupChat(groupId) ?? null,
    () => client?.groupChat(groupId) ?? null,
  );
}

/**
 * Unread chat messages of every group I am a member of, by group id: asked once per
 * connection (`chat:unread`), then kept current by my read state (`chat:unread` events from
 * any of my tabs) and by new messages in rooms this tab is in. Null until known.
 */
export function useChatUnreadCounts(): ReadonlyMap<string, ChatUnread> | null {
  const client = useRealtime();
  const connection = useConnectionState();
  const { user } = useSession();
  const [counts, setCounts] = useState<ReadonlyMap<string, ChatUnread> | null>(null);

  useEffect(() => {
    if (!client || connection !== 'connected') return undefined;
    let current = true;
    void client.request('chat:unread', {}).then((ack) => {
      if (!current || !ack.ok) return;
      setCounts(new Map(ack.groups.map((g) => [g.groupId, g])));
    });
    return () => {
      current = false;
    };
  }, [client, connection]);

  useRealtimeEvent('chat:unread', (unread) =>
    setCounts((all) => (all ? new Map(all).set(unread.groupId, unread) : all)),
  );
  useRealtimeEvent('chat:message', (message) =>
    setCounts((all) => {
      const known = all?.get(message.groupId);
      if (!all || !known || message.seq <= known.lastSeq) return all;
      const fromOthers = !!message.author && message.author.id !== user?.id;
      return new Map(all).set(message.groupId, {
        ...known,
        lastSeq: message.seq,
        unread: known.unread + (fromOthers ? 1 : 0),
      });
    }),
  );
  return counts;
}
