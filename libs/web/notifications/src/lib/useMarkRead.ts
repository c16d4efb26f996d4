import type { ApolloCache } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationReadDocument,
} from '@civitas/web/data-access';
import { adjustUnreadCount, setUnreadCount } from './useUnreadNotifications';

/** Every notification the cache holds reads as read, wherever it is listed. */
function markAllReadInCache(cache: ApolloCache): void {
  const entries = cache.extract() as Record<string, { __typename?: string; read?: boolean }>;
  for (const [id, entry] of Object.entries(entries)) {
    if (entry?.__typename === 'Notification' && entry.read === false) {
      cache.modify({ id, fields: { read: () => true } });
    }
  }
  setUnreadCount(cache, 0);
}

/** Marks one notification read; the unread count drops with it. */
export function useMarkNotificationRead() {
  const [mutate] = useMutation(MarkNotificationReadDocument);
  return (notification: { id: string; read: boolean }) =>
    mutate({
      variables: { id: notification.id },
      update: (cache) => {
        if (!notification.read) adjustUnreadCount(cache, -1);
      },
    });
}

/** Marks all read; resolves to how many were unread. */
export function useMarkAllNotificationsRead() {
  const [mutate, { loading }] = useMutation(MarkAllNotificationsReadDocument, {
    update: markAllReadInCache,
  });
  return {
    loading,
    markAll: async () => (await mutate()).data?.markAllNotificationsRead ?? 0,
  };
}
