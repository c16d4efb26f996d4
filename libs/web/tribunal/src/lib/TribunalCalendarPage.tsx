import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Text, TextInput } from '@mantine/core';
import {
  RegenerateTribunalCalendarFeedDocument,
  RevokeTribunalCalendarFeedDocument,
  TribunalCalendarFeedDocument,
} from '@civitas/web/data-access';
import { ErrorAlert, LoadingState, Page, StatusMessage, useFormatters } from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTribunalError } from './errors';
import { TRIBUNAL_NS } from './i18n';

/** The person's secret iCal address: made anew (shown once, only its hash is kept) or revoked. */
export function TribunalCalendarPage() {
  const { t } = useTranslation(TRIBUNAL_NS);
  const f = useFormatters();
  const errorOf = useTribunalError();
  const feed = useQuery(TribunalCalendarFeedDocument, { fetchPolicy: 'network-only' });
  const [url, setUrl] = useState('');
  const [revokedNow, setRevokedNow] = useState(false);
  const [regenerate, regenerateState] = useMutation(RegenerateTribunalCalendarFeedDocument, {
    refetchQueries: ['TribunalCalendarFeed'],
  });
  const [revoke, revokeState] = useMutation(RevokeTribunalCalendarFeedDocument, {
    refetchQueries: ['TribunalCalendarFeed'],
  });
  const active = feed.data?.tribunalCalendarFeed.active ?? false;
  const error = feed.error ?? regenerateState.error ?? revokeState.error;
  return (
    <Page title={t('calendar.title')} narrow>
      <Anchor component={Link} to="/tribunal">
        {t('case.back')}
      </Anchor>
      <Text>{t('calendar.intro')}</Text>
      {feed.loading && !feed.data && <LoadingState />}
      {feed.data && (
        <Text fw={600}>
          {active
            ? t('calendar.active', { date: f.date(feed.data.tribunalCalendarFeed.createdAt) })
            : t('calendar.inactive')}
        </Text>
      )}
      {url && (
        <StatusMessage title={t('calendar.once')}>
          <TextInput
            label={t('calendar.url')}
            value={url}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
          />
        </StatusMessage>
      )}
      {revokedNow && !url && <StatusMessage>{t('calendar.revoked')}</StatusMessage>}
      {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
      <Group>
        <Button
          loading={regenerateState.loading}
          onClick={() =>
            void regenerate()
              .then((r) => {
                setRevokedNow(false);
                setUrl(r.data?.regenerateTribunalCalendarFeed.url ?? '');
              })
              .catch(() => undefined)
          }
        >
          {active ? t('calendar.regenerate') : t('calendar.generate')}
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
            {t('calendar.revoke')}
          </Button>
        )}
      </Group>
    </Page>
  );
}
