import type { ApolloCache } from '@apollo/client';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { UnreadNotificationCountDocument } from '@civitas/web/data-access';
import { useEffect } from 'react';

/** How often the count is asked for until realtime updates arrive (a later issue). */
export const UNREAD_POLL_MS = 30_000;

/** Writes the unread count into the cache: every view of it (bell, page) follows. */
export function setUnreadCount(cache: ApolloCache, count: number): void {
  cache.writeQuery({
    query: UnreadNotificationCountDocument,
    data: { unreadNotificationCount: Math.max(0, count) },
  });
}

/** Moves the cached unread count by `delta` (e.g. -1 when one is read, +1 when one arrives). */
export function adjustUnreadCount(cache: ApolloCache, delta: number): void {
  const current = cache.readQuery({ query: UnreadNotificationCountDocument });
  if (current) setUnreadCount(cache, current.unreadNotificationCount + delta);
}

/**
 * The signed-in person's unread notification count: the one place it is fetched. With
 * `poll`, it is asked for every {@link UNREAD_POLL_MS} and whenever the window regains
 * focus; a realtime socket can later call {@link setUnreadCount} / {@link adjustUnreadCount}
 * (or `refresh`) instead, and every reader of the hook follows through the cache.
 */
export function useUnreadNotifications({ poll = false }: { poll?: boolean } = {}) {
  const client = useApolloClient();
  const { data, refetch } = useQuery(UnreadNotificationCountDocument, {
    pollInterval: poll ? UNREAD_POLL_MS : 0,
    fetchPolicy: poll ? 'cache-and-network' : 'cache-first',
    notifyOnNetworkStatusChange: false,
  });

  useEffect(() => {
    if (!poll) return undefined;
    const onFocus = () => {
      refetch().catch(() => {
        // A missed refresh is retried by the next poll.
      });
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [poll, refetch]);

  return {
    count: data?.unreadNotificationCount ?? 0,
    /** Known once the first answer arrived. */
    known: data !== undefined,
    refresh: () => refetch(),
    set: (count: number) => setUnreadCount(client.cache, count),
    adjust: (delta: number) => adjustUnreadCount(client.cache, delta),
  };
}
