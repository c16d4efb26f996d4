import { Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { PAGE_SIZE_DEFAULT } from '@civitas/shared/domain';
import {
  NotificationsDocument,
  type NotificationsQuery,
  toApiProblem,
} from '@civitas/web/data-access';
import {
  ConnectionStates,
  ErrorAlert,
  LoadMoreButton,
  Page,
  StatusMessage,
  useErrorText,
  useLoadMore,
} from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATIONS_NS } from './i18n';
import { NotificationEntry } from './NotificationEntry';
import { NotificationPreferences } from './NotificationPreferences';
import { notificationText } from './notification-text';
import { useMarkAllNotificationsRead, useMarkNotificationRead } from './useMarkRead';
import { useUnreadNotifications } from './useUnreadNotifications';

type Connection = NotificationsQuery['notifications'];

/** Appends a fetched page to the list held for the first page's variables. */
function appendPage(
  previous: NotificationsQuery,
  { fetchMoreResult }: { fetchMoreResult: NotificationsQuery },
): NotificationsQuery {
  const known = new Set(previous.notifications.edges.map((e) => e.node.id));
  return {
    notifications: {
      ...fetchMoreResult.notifications,
      edges: [
        ...previous.notifications.edges,
        ...fetchMoreResult.notifications.edges.filter((e) => !known.has(e.node.id)),
      ],
    },
  };
}

/** `/notifications`: all my notifications (newest first, unread filter, load more) and e-mail settings. */
export function NotificationsPage() {
  const { t } = useTranslation(NOTIFICATIONS_NS);
  const errorText = useErrorText();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [done, setDone] = useState('');
  const [failed, setFailed] = useState('');
  const unread = useUnreadNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const { data, loading, error, fetchMore } = useQuery(NotificationsDocument, {
    variables: { first: PAGE_SIZE_DEFAULT, unreadOnly },
    fetchPolicy: 'cache-and-network',
  });
  const connection: Connection | undefined = data?.notifications;
  const more = useLoadMore(connection?.pageInfo, (after) =>
    fetchMore({ variables: { after }, updateQuery: appendPage }),
  );
  const problem = toApiProblem(error);
  const describe = (e: unknown) => {
    const p = toApiProblem(e);
    return p ? errorText.message(p) : '';
  };

  async function read(n: { id: string; read: boolean }) {
    setDone('');
    setFailed('');
    try {
      await markRead(n);
      setDone(t('actions.marked'));
    } catch (e) {
      setFailed(describe(e));
    }
  }

  return (
    <Page
      title={t('page.title')}
      actions={
        <Button
          variant="default"
          disabled={unread.count === 0}
          loading={markAll.loading}
          onClick={async () => {
            setDone('');
            setFailed('');
            try {
              const count = await markAll.markAll();
              setDone(t('actions.markedAll', { count }));
            } catch (e) {
              setFailed(describe(e));
            }
          }}
        >
          {t('actions.markAllRead')}
        </Button>
      }
    >
      <Text>{t('page.intro')}</Text>
      <div aria-live="polite">{done && <StatusMessage>{done}</StatusMessage>}</div>
      {failed && <ErrorAlert>{failed}</ErrorAlert>}
      <section aria-labelledby="notification-list-heading">
        <h2 id="notification-list-heading">{t('page.listHeading')}</h2>
        <Stack gap="md">
          <Group justify="space-between" wrap="wrap">
            <Switch
              label={t('page.unreadOnly')}
              checked={unreadOnly}
              onChange={(e) => setUnreadOnly(e.currentTarget.checked)}
            />
            <Text role="status" aria-live="polite" fw={600}>
              {unread.known ? t('unread.count', { count: unread.count }) : ''}
            </Text>
          </Group>
          <ConnectionStates
            connection={connection}
            loading={loading}
            error={problem && errorText.message(problem)}
            empty={unreadOnly ? t('page.noneUnread') : t('page.none')}
          >
            {({ edges, totalCount }) => (
              <Stack gap="sm">
                <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
                  {edges.map(({ node }) => (
                    <Paper component="li" key={node.id} withBorder p="sm" radius="md">
                      <NotificationEntry
                        notification={node}
                        onFollow={(n) => {
                          if (!n.read) markRead(n).catch(() => undefined);
                        }}
                        actions={
                          !node.read && (
                            <Button
                              size="compact-sm"
                              variant="default"
                              aria-label={t('actions.markReadLabel', {
                                text: notificationText(t, node),
                              })}
                              onClick={() => void read(node)}
                            >
                              {t('actions.markRead')}
                            </Button>
                          )
                        }
                      />
                    </Paper>
                  ))}
                </Stack>
                <Text size="sm" c="gray.8">
                  {t('page.shown', { shown: edges.length, total: totalCount })}
                </Text>
                <LoadMoreButton
                  onClick={more.onLoadMore}
                  loading={more.loadingMore}
                  hasMore={more.hasMore}
                />
              </Stack>
            )}
          </ConnectionStates>
        </Stack>
      </section>
      <NotificationPreferences />
    </Page>
  );
}
