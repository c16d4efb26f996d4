import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  CalendarFeedDocument,
  RegenerateCalendarFeedDocument,
  RevokeCalendarFeedDocument,
} from '@civitas/web/data-access';
import { ErrorAlert, StatusMessage, useFormatters } from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEventsError } from './errors';
import { EVENTS_NS } from './i18n';

/** The person's one secret iCal address (every domain's entries): made anew or revoked. */
export function CalendarFeedPanel() {
  const { t } = useTranslation(EVENTS_NS);
  const f = useFormatters();
  const errorOf = useEventsError();
  const feed = useQuery(CalendarFeedDocument, { fetchPolicy: 'network-only' });
  const [url, setUrl] = useState('');
  const [revokedNow, setRevokedNow] = useState(false);
  const [regenerate, regenerateState] = useMutation(RegenerateCalendarFeedDocument, {
    refetchQueries: ['CalendarFeed'],
  });
  const [revoke, revokeState] = useMutation(RevokeCalendarFeedDocument, {
    refetchQueries: ['CalendarFeed'],
  });
  const active = feed.data?.calendarFeed.active ?? false;
  const error = feed.error ?? regenerateState.error ?? revokeState.error;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="events-feed-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="events-feed-title">
          {t('feed.title')}
        </Title>
        <Text>{t('feed.intro')}</Text>
        {feed.data && (
          <Text fw={600}>
            {active
              ? t('feed.active', { date: f.date(feed.data.calendarFeed.createdAt) })
              : t('feed.inactive')}
          </Text>
        )}
        {url && (
          <StatusMessage title={t('feed.once')}>
            <TextInput
              label={t('feed.url')}
              value={url}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
            />
          </StatusMessage>
        )}
        {revokedNow && !url && <StatusMessage>{t('feed.revoked')}</StatusMessage>}
        {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
        <Group>
          <Button
            variant="default"
            loading={regenerateState.loading}
            onClick={() =>
              void regenerate()
                .then((r) => {
                  setRevokedNow(false);
                  setUrl(r.data?.regenerateCalendarFeed.url ?? '');
                })
                .catch(() => undefined)
            }
          >
            {active ? t('feed.regenerate') : t('feed.generate')}
          </Button>
          {active && (
            <Button
              variant="default"
              loading={revokeState.loading}
              onClick={() =>
                void revoke()
                  .then(() => {
                    setUrl('');
                    setRevokedNow(true);
                  })
                  .catch(() => undefined)
              }
            >
              {t('feed.revoke')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
