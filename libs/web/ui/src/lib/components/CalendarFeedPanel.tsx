import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  CalendarFeedDocument,
  RegenerateCalendarFeedDocument,
  RevokeCalendarFeedDocument,
} from '@civitas/web/data-access';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiProblem } from '@civitas/web/data-access';
import { useErrorText } from '../errors';
import { useFormatters } from '../i18n/format';
import { ErrorAlert, StatusMessage } from './feedback';

/**
 * The person's one secret iCal address (events, group meetings, followed Tribunal cases):
 * made anew (shown once, only its hash is kept) or revoked.
 */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const f = useFormatters();
  const errorText = useErrorText();
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
  const problem = toApiProblem(feed.error ?? regenerateState.error ?? revokeState.error);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calendar-feed-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="calendar-feed-title">
          {t('common:calendarFeed.title')}
        </Title>
        <Text>{t('common:calendarFeed.intro')}</Text>
        {feed.data && (
          <Text fw={600}>
            {active
              ? t('common:calendarFeed.active', { date: f.date(feed.data.calendarFeed.createdAt) })
              : t('common:calendarFeed.inactive')}
          </Text>
        )}
        {url && (
          <StatusMessage title={t('common:calendarFeed.once')}>
            <TextInput
              label={t('common:calendarFeed.url')}
              value={url}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
            />
          </StatusMessage>
        )}
        {revokedNow && !url && <StatusMessage>{t('common:calendarFeed.revoked')}</StatusMessage>}
        {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
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
            {active ? t('common:calendarFeed.regenerate') : t('common:calendarFeed.generate')}
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
              {t('common:calendarFeed.revoke')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
