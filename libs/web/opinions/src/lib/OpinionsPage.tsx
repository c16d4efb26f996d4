import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Checkbox, Group, Select, Text } from '@mantine/core';
import { OpinionRequestState, PAGE_SIZE_DEFAULT, Permission, Role } from '@civitas/shared/domain';
import {
  type OpinionRequestListItemFragment,
  OpinionRequestsDocument,
  useSession,
} from '@civitas/web/data-access';
import {
  type ConnectionColumn,
  ConnectionStates,
  ConnectionTable,
  Page,
  useFormatters,
  useLoadMore,
  usePersonName,
} from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DueBadges, OpinionStateBadge } from './badges';
import { OPINIONS_NS } from './i18n';
import { useOpinionError } from './parts';

/** The columns of a list of requests (subject linked, city, state, due date, expert). */
export function useRequestColumns(): ConnectionColumn<OpinionRequestListItemFragment>[] {
  const { t } = useTranslation(OPINIONS_NS);
  const format = useFormatters();
  const personName = usePersonName();
  return [
    {
      key: 'subject',
      header: t('hub.subject'),
      render: (r) => (
        <Anchor component={Link} to={`/opinions/${r.id}`}>
          {r.subject || t('hub.untitled')}
        </Anchor>
      ),
    },
    { key: 'city', header: t('hub.city'), render: (r) => r.city.name },
    {
      key: 'state',
      header: t('hub.stateCol'),
      render: (r) => <OpinionStateBadge state={r.state} />,
    },
    {
      key: 'due',
      header: t('hub.dueDate'),
      render: (r) => (
        <Group gap={6} wrap="nowrap">
          <span>
            {r.dueDate ? format.date(r.dueDate) : r.desiredDate ? format.date(r.desiredDate) : '—'}
          </span>
          <DueBadges dueSoon={r.dueSoon} overdue={r.overdue} />
        </Group>
      ),
    },
    { key: 'expert', header: t('hub.expert'), render: (r) => personName(r.expert?.name) ?? '—' },
  ];
}

/**
 * `/opinions`: the requests the person is party to (the API decides: the city's, the
 * expert's assigned ones, every submitted one for the office), filtered by state and deadline,
 * with the way to a new request, the office's queue and dashboard, and the library.
 */
export function OpinionsPage() {
  const { t } = useTranslation(OPINIONS_NS);
  const session = useSession();
  const errorOf = useOpinionError();
  const [state, setState] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [dueSoon, setDueSoon] = useState(false);
  const user = session.user;
  const office = session.can(Permission.OPINIONS_TRIAGE);
  const expert = user?.role === Role.EXPERT;
  const mayRequest = session.can(Permission.OPINIONS_REQUEST) && !!user?.isLegalOfficer && !office;
  const variables = {
    first: PAGE_SIZE_DEFAULT,
    states: state ? [state as OpinionRequestState] : null,
    overdue: overdue || null,
    dueSoon: dueSoon || null,
  };
  const { data, loading, error, fetchMore } = useQuery(OpinionRequestsDocument, {
    variables,
    fetchPolicy: 'cache-and-network',
  });
  const loadMore = useLoadMore(data?.opinionRequests.pageInfo, (after) =>
    fetchMore({
      variables: { after },
      updateQuery: (prev, { fetchMoreResult }) => ({
        opinionRequests: {
          ...fetchMoreResult.opinionRequests,
          edges: [...prev.opinionRequests.edges, ...fetchMoreResult.opinionRequests.edges],
        },
      }),
    }),
  );
  const columns = useRequestColumns();
  const heading = office
    ? t('hub.officeTitle')
    : expert
      ? t('hub.expertTitle')
      : t('hub.cityTitle');
  return (
    <Page
      title={t('hub.title')}
      actions={
        <Group gap="sm">
          {mayRequest && (
            <Button component={Link} to="/opinions/new">
              {t('hub.newRequest')}
            </Button>
          )}
          {office && (
            <>
              <Button component={Link} to="/opinions/triage" variant="default">
                {t('hub.triage')}
              </Button>
              <Button component={Link} to="/opinions/dashboard" variant="default">
                {t('hub.dashboard')}
              </Button>
            </>
          )}
          {session.can(Permission.OPINION_LIBRARY_READ) && (
            <Button component={Link} to="/opinions/library" variant="default">
              {t('hub.library')}
            </Button>
          )}
        </Group>
      }
    >
      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading">{heading}</h2>
        <Group align="flex-end" mb="md">
          <Select
            id="opinions-state"
            label={t('hub.stateFilter')}
            data={[
              { value: '', label: t('hub.allStates') },
              ...Object.values(OpinionRequestState).map((s) => ({
                value: s,
                label: t(`state.${s}`),
              })),
            ]}
            value={state ?? ''}
            onChange={(v) => setState(v || null)}
            allowDeselect={false}
          />
          <Checkbox
            label={t('hub.onlyOverdue')}
            checked={overdue}
            onChange={(e) => setOverdue(e.currentTarget.checked)}
          />
          <Checkbox
            label={t('hub.onlyDueSoon')}
            checked={dueSoon}
            onChange={(e) => setDueSoon(e.currentTarget.checked)}
          />
        </Group>
        <ConnectionStates
          connection={data?.opinionRequests}
          loading={loading}
          error={error ? errorOf(error) : undefined}
          empty={t('hub.empty')}
        >
          {(connection) => (
            <ConnectionTable
              columns={columns}
              edges={connection.edges}
              minWidth={760}
              caption={t('hub.caption')}
              footer={<Text size="sm">{t('hub.count', { count: connection.totalCount })}</Text>}
              {...loadMore}
            />
          )}
        </ConnectionStates>
      </section>
    </Page>
  );
}
