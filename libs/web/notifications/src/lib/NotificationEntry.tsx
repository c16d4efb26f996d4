import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { NotificationItemFragment } from '@civitas/web/data-access';
import { useFormatters } from '@civitas/web/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NOTIFICATIONS_NS } from './i18n';
import { notificationLink, notificationText } from './notification-text';

/**
 * One notification: its sentence as a link to what it is about (following it marks it
 * read), a "new" badge while unread, when it happened and the coordinator's message.
 */
export function NotificationEntry({
  notification: n,
  onFollow,
  actions,
}: {
  notification: NotificationItemFragment;
  onFollow: (notification: NotificationItemFragment) => void;
  actions?: ReactNode;
}) {
  const { t } = useTranslation(NOTIFICATIONS_NS);
  const format = useFormatters();
  const text = notificationText(t, n);
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {!n.read && (
          <Badge
            color="blue.9"
            variant="filled"
            size="sm"
            radius="sm"
            tt="none"
            style={{ minWidth: 'max-content', flexShrink: 0 }}
          >
            {t('unread.badge')}
          </Badge>
        )}
        <Anchor
          component={Link}
          to={notificationLink(n)}
          fw={n.read ? 400 : 700}
          size="sm"
          onClick={() => onFollow(n)}
        >
          {text}
        </Anchor>
      </Group>
      {n.message && (
        <Text size="sm" c="gray.8">
          {t('text.message', { message: n.message })}
        </Text>
      )}
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="gray.8">
          {t(`kind.${n.kind}`)} · <time dateTime={n.createdAt}>{format.dateTime(n.createdAt)}</time>
        </Text>
        {actions}
      </Group>
    </Stack>
  );
}
