import { useQuery } from '@apollo/client/react';
import { Anchor, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import {
  OpinionDashboardDocument,
  type OpinionRequestListItemFragment,
} from '@civitas/web/data-access';
import { ConnectionTable, ErrorAlert, LoadingState, Page, usePersonName } from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OpinionStateBadge } from './badges';
import { OPINIONS_NS } from './i18n';
import { useRequestColumns } from './OpinionsPage';
import { useOpinionError } from './parts';

function RequestList({ items }: { items: readonly OpinionRequestListItemFragment[] }) {
  const { t } = useTranslation(OPINIONS_NS);
  const columns = useRequestColumns();
  if (!items.length) return <Text>{t('dashboard.none')}</Text>;
  return (
    <ConnectionTable
      columns={columns}
      edges={items.map((node) => ({ node }))}
      minWidth={760}
      onLoadMore={() => undefined}
      loadingMore={false}
      hasMore={false}
    />
  );
}

/** `/opinions/dashboard` (the office): counts by state, overdue and due-soon, time, experts. */
export function DashboardPage() {
  const { t, i18n } = useTranslation(OPINIONS_NS);
  const personName = usePersonName();
  const errorOf = useOpinionError();
  const locale = i18n.language === 'en' ? 'en-GB' : 'pl-PL';
  const { data, loading, error } = useQuery(OpinionDashboardDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const d = data?.opinionDashboard;
  return (
    <Page title={t('dashboard.title')}>
      <Anchor component={Link} to="/opinions">
        {t('request.back')}
      </Anchor>
      {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
      {loading && !d && <LoadingState />}
      {d && (
        <Stack gap="xl">
          <section aria-labelledby="counts-heading">
            <h2 id="counts-heading">{t('dashboard.counts')}</h2>
            <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" className="opinion-counts">
              {d.countsByState.map((c) => (
                <Paper key={c.state} withBorder p="sm">
                  <dt>
                    <OpinionStateBadge state={c.state} />
                  </dt>
                  <dd>
                    <Text fz="xl" fw={700}>
                      {c.count}
                    </Text>
                  </dd>
                </Paper>
              ))}
            </SimpleGrid>
            <Text mt="md">
              <strong>{t('dashboard.average')}:</strong>{' '}
              {d.averageDaysToRelease === null
                ? t('dashboard.noAverage')
                : t('dashboard.averageValue', {
                    days: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(
                      d.averageDaysToRelease,
                    ),
                  })}
            </Text>
          </section>
          <section aria-labelledby="overdue-heading">
            <h2 id="overdue-heading">{t('dashboard.overdue')}</h2>
            <RequestList items={d.overdue} />
          </section>
          <section aria-labelledby="due-soon-heading">
            <h2 id="due-soon-heading">{t('dashboard.dueSoon')}</h2>
            <RequestList items={d.dueSoon} />
          </section>
          <section aria-labelledby="experts-heading">
            <h2 id="experts-heading">{t('dashboard.byExpert')}</h2>
            {!d.byExpert.length ? (
              <Text>{t('dashboard.none')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('dashboard.expert')}</Table.Th>
                      <Table.Th scope="col">{t('dashboard.active')}</Table.Th>
                      <Table.Th scope="col">{t('dashboard.delivered')}</Table.Th>
                      <Table.Th scope="col">{t('dashboard.released')}</Table.Th>
                      <Table.Th scope="col">{t('dashboard.overdueCol')}</Table.Th>
                      <Table.Th scope="col">{t('dashboard.averageCol')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.byExpert.map((e) => (
                      <Table.Tr key={e.expert.id}>
                        <Table.Th scope="row">{personName(e.expert.name)}</Table.Th>
                        <Table.Td>{e.active}</Table.Td>
                        <Table.Td>{e.delivered}</Table.Td>
                        <Table.Td>{e.released}</Table.Td>
                        <Table.Td>{e.overdue}</Table.Td>
                        <Table.Td>
                          {e.averageDaysToRelease === null
                            ? '—'
                            : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(
                                e.averageDaysToRelease,
                              )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </section>
        </Stack>
      )}
    </Page>
  );
}
