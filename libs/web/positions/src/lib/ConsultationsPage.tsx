import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, SegmentedControl, Table, Text } from '@mantine/core';
import { Permission, PositionConsultationStatus } from '@civitas/shared/domain';
import { PositionConsultationsDocument, useSession } from '@civitas/web/data-access';
import { ErrorAlert, LoadingState, LoadMoreButton, Page, useLoadMore } from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCommentCounts } from './counts';
import { usePositionsError } from './errors';
import { POSITIONS_NS } from './i18n';
import { warsawTime } from './time';

const PAGE = 50;
const STATUSES = Object.values(PositionConsultationStatus) as string[];

/** Filled badges with white text at AA contrast (the theme's shades were not dark enough). */
export const statusColor: Record<string, string> = {
  OPEN: '#1b6e3a',
  CLOSED: '#5f6670',
  ADOPTED: '#1c4f8a',
};

/** `/positions/consultations`: consultations on draft positions, newest first, by status. */
export function ConsultationsPage() {
  const { t } = useTranslation(POSITIONS_NS);
  const session = useSession();
  const errorOf = usePositionsError();
  const counts = useCommentCounts();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.includes(params.get('status') ?? '')
    ? (params.get('status') as PositionConsultationStatus)
    : null;
  const { data, error, loading, fetchMore } = useQuery(PositionConsultationsDocument, {
    variables: { first: PAGE, status },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.positionConsultations;
  const loadMore = useLoadMore(connection?.pageInfo, (after) =>
    fetchMore({
      variables: { after },
      updateQuery: (prev, { fetchMoreResult }) => ({
        positionConsultations: {
          ...fetchMoreResult.positionConsultations,
          edges: [
            ...prev.positionConsultations.edges,
            ...fetchMoreResult.positionConsultations.edges,
          ],
        },
      }),
    }),
  );
  return (
    <Page
      title={t('consultations.title')}
      actions={
        session.can(Permission.POSITIONS_MANAGE) ? (
          <Button component={Link} to="/positions/consultations/new">
            {t('consultations.open')}
          </Button>
        ) : undefined
      }
    >
      <Text>{t('consultations.intro')}</Text>
      <div>
        <Text id="consultation-filter" size="sm" fw={500}>
          {t('consultations.filter')}
        </Text>
        <SegmentedControl
          aria-labelledby="consultation-filter"
          value={status ?? 'ALL'}
          onChange={(v) => setParams(v === 'ALL' ? {} : { status: v })}
          data={[
            { value: 'ALL', label: t('consultations.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
      </div>
      {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
      {loading && !connection && <LoadingState />}
      {connection && connection.edges.length === 0 && <Text>{t('consultations.empty')}</Text>}
      {connection && connection.edges.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Caption>{t('consultations.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('consultations.colTitle')}</Table.Th>
                <Table.Th scope="col">{t('consultations.colStatus')}</Table.Th>
                <Table.Th scope="col">{t('consultations.colCloses')}</Table.Th>
                <Table.Th scope="col">{t('consultations.colComments')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {connection.edges.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/positions/consultations/${node.id}`}>
                      {node.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={statusColor[node.status]} variant="filled" tt="none">
                      {t(`status.${node.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{warsawTime(node.closesAt)}</Table.Td>
                  <Table.Td>
                    {t('consultations.comments', counts(node.commentCount, node.cityCount))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton
        onClick={loadMore.onLoadMore}
        loading={loadMore.loadingMore}
        hasMore={loadMore.hasMore}
      />
    </Page>
  );
}
