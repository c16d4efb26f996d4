import { useQuery } from '@apollo/client/react';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { OpinionRequestAction, OpinionRequestState, PAGE_SIZE_MAX } from '@civitas/shared/domain';
import { OpinionRequestsDocument } from '@civitas/web/data-access';
import {
  DescriptionList,
  ErrorAlert,
  LoadingState,
  Page,
  StatusMessage,
  useFormatters,
} from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OPINIONS_NS } from './i18n';
import { useOpinionError } from './parts';
import { RequestActions } from './RequestActions';

const TRIAGE_ACTIONS = [
  OpinionRequestAction.ACCEPT,
  OpinionRequestAction.REQUEST_INFORMATION,
  OpinionRequestAction.REJECT,
];

/** `/opinions/triage`: submitted requests, each with the office's three decisions. */
export function TriagePage() {
  const { t } = useTranslation(OPINIONS_NS);
  const format = useFormatters();
  const errorOf = useOpinionError();
  const [done, setDone] = useState('');
  const { data, loading, error } = useQuery(OpinionRequestsDocument, {
    variables: { states: [OpinionRequestState.SUBMITTED], first: PAGE_SIZE_MAX },
    fetchPolicy: 'cache-and-network',
  });
  const requests = [...(data?.opinionRequests.edges ?? [])]
    .map((e) => e.node)
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  return (
    <Page title={t('triage.title')}>
      <Anchor component={Link} to="/opinions">
        {t('request.back')}
      </Anchor>
      <Text>{t('triage.intro')}</Text>
      <div role="status" aria-live="polite">
        {done && <StatusMessage>{done}</StatusMessage>}
      </div>
      {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
      {loading && !data && <LoadingState />}
      {data && !requests.length && <Text>{t('triage.empty')}</Text>}
      <Stack component="ul" className="opinion-cards" gap="md">
        {requests.map((r) => (
          <li key={r.id}>
            <Paper withBorder p="md" radius="md">
              <Stack gap="sm">
                <Title order={2} size="h3">
                  <Anchor component={Link} to={`/opinions/${r.id}`}>
                    {r.subject || t('hub.untitled')}
                  </Anchor>
                </Title>
                <DescriptionList
                  items={[
                    { label: t('request.city'), value: r.city.name },
                    {
                      label: t('request.submittedAt'),
                      value: r.submittedAt ? format.dateTime(r.submittedAt) : '—',
                    },
                    {
                      label: t('request.areaOfLaw'),
                      value: r.areaOfLaw ? t(`area.${r.areaOfLaw}`) : '—',
                    },
                    {
                      label: t('request.desiredDate'),
                      value: r.desiredDate ? format.date(r.desiredDate) : '—',
                    },
                  ]}
                />
                <RequestActions request={r} only={TRIAGE_ACTIONS} onDone={setDone} />
              </Stack>
            </Paper>
          </li>
        ))}
      </Stack>
    </Page>
  );
}
