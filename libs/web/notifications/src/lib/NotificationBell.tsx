import { Anchor, Badge, Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { NotificationsDocument, toApiProblem } from '@civitas/web/data-access';
import { ErrorAlert, LoadingState, useErrorText } from '@civitas/web/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NOTIFICATIONS_NS } from './i18n';
import { NotificationEntry } from './NotificationEntry';
import { useMarkAllNotificationsRead, useMarkNotificationRead } from './useMarkRead';
import { useUnreadNotifications } from './useUnreadNotifications';

/** How many of the latest notifications the bell lists. */
export const BELL_PAGE_SIZE = 8;

function BellIcon() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/**
 * The header's bell: the unread count (polled, see useUnreadNotifications) in its name
 * and a badge, and a popover with the latest notifications, "mark all read" and a link
 * to the notifications page.
 */
export function NotificationBell() {
  const { t } = useTranslation(NOTIFICATIONS_NS);
  const errorText = useErrorText();
  const headingId = useId();
  const [opened, setOpened] = useState(false);
  const unread = useUnreadNotifications({ poll: true });
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const [failed, setFailed] = useState('');
  const { data, loading, error } = useQuery(NotificationsDocument, {
    variables: { first: BELL_PAGE_SIZE, unreadOnly: false },
    skip: !opened,
    fetchPolicy: 'cache-and-network',
  });
  const notifications = data?.notifications.edges.map((e) => e.node) ?? [];
  const problem = toApiProblem(error);
  const count = unread.count;
  const describe = (e: unknown) => {
    const p = toApiProblem(e);
    return p ? errorText.message(p) : '';
  };

  return (
    <>
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        width={380}
        shadow="md"
        trapFocus
        returnFocus
        withinPortal
      >
        <Popover.Target>
          <Button
            variant="outline"
            color="white"
            size="compact-md"
            aria-label={t('bell.label', { count })}
            onClick={() => setOpened((o) => !o)}
            leftSection={<BellIcon />}
          >
            {count > 0 && (
              <Badge color="red.9" variant="filled" size="sm" radius="xl" aria-hidden="true">
                {count > 99 ? '99+' : count}
              </Badge>
            )}
          </Button>
        </Popover.Target>
        <Popover.Dropdown aria-labelledby={headingId} p="sm">
          <Stack gap="sm">
            <Group justify="space-between" gap="xs">
              <Text component="h2" id={headingId} fw={700} size="md" m={0}>
                {t('bell.heading')}
              </Text>
              <Button
                size="compact-sm"
                variant="default"
                disabled={count === 0}
                loading={markAll.loading}
                onClick={async () => {
                  setFailed('');
                  try {
                    await markAll.markAll();
                  } catch (e) {
                    setFailed(describe(e));
                  }
                }}
              >
                {t('actions.markAllRead')}
              </Button>
            </Group>
            {failed && <ErrorAlert>{failed}</ErrorAlert>}
            {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
            {loading && !data && <LoadingState label={t('bell.loading')} />}
            {data && notifications.length === 0 && <Text size="sm">{t('bell.none')}</Text>}
            {notifications.length > 0 && (
              <Stack
                component="ul"
                gap="sm"
                m={0}
                p={0}
                aria-label={t('bell.latest')}
                style={{ listStyle: 'none', maxHeight: 420, overflowY: 'auto' }}
              >
                {notifications.map((n) => (
                  <li key={n.id}>
                    <NotificationEntry
                      notification={n}
                      onFollow={(followed) => {
                        setOpened(false);
                        if (!followed.read) {
                          markRead(followed).catch(() => {
                            // Still unread: the page and the bell show it again.
                          });
                        }
                      }}
                    />
                  </li>
                ))}
              </Stack>
            )}
            <Anchor component={Link} to="/notifications" size="sm" onClick={() => setOpened(false)}>
              {t('bell.all')}
            </Anchor>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <span className="civitas-visually-hidden" role="status" aria-live="polite">
        {unread.known ? t('unread.count', { count }) : ''}
      </span>
    </>
  );
}
