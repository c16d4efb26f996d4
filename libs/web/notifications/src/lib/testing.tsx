import { NotificationKind } from '@civitas/shared/domain';
import { NotificationsDocument, UnreadNotificationCountDocument } from '@civitas/web/data-access';
import type { ReactElement } from 'react';
import { renderPage as renderWith } from '@civitas/web/ui/testing';
import { notificationsTranslations, NOTIFICATIONS_NS } from './i18n';

/** Renders a page of this library with its translations (see @civitas/web/ui/testing). */
export function renderPage(
  page: ReactElement,
  options: Omit<Parameters<typeof renderWith>[1], 'translations'>,
) {
  return renderWith(page, {
    ...options,
    translations: { [NOTIFICATIONS_NS]: notificationsTranslations },
  });
}

/** A notification as the API lists it: by default an unread mention in thread t1 of g1. */
export function notification(id: string, over: Record<string, unknown> = {}) {
  return {
    __typename: 'Notification' as const,
    id,
    kind: NotificationKind.MENTION,
    read: false,
    createdAt: '2026-11-26T10:00:00Z',
    actorName: 'Anna Nowak',
    groupId: 'g1',
    groupName: 'Finanse lokalne',
    threadId: 't1',
    threadTitle: 'WPF 2027',
    postId: 'p2',
    approved: null,
    message: null,
    moderationAction: null,
    targetId: null,
    subject: null,
    dueDate: null,
    ...over,
  };
}

/** One page of `notifications` for `variables`. */
export function notificationsPage(
  nodes: ReturnType<typeof notification>[],
  variables: Record<string, unknown>,
  pageInfo = { endCursor: null as string | null, hasNextPage: false },
  totalCount = nodes.length,
) {
  return {
    request: { query: NotificationsDocument, variables },
    result: {
      data: {
        notifications: {
          __typename: 'NotificationConnection',
          totalCount,
          edges: nodes.map((node) => ({
            __typename: 'NotificationEdge',
            cursor: `c-${node.id}`,
            node,
          })),
          pageInfo: { __typename: 'PageInfo', ...pageInfo },
        },
      },
    },
  };
}

/** The unread count query answering `count`. */
export const unreadCount = (count: number) => ({
  request: { query: UnreadNotificationCountDocument },
  result: { data: { unreadNotificationCount: count } },
});
