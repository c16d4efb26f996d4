import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { Permission } from '@civitas/shared/domain';
import {
  type TribunalCaseListItemFragment,
  TribunalCasesDocument,
  useSession,
} from '@civitas/web/data-access';
import { ErrorAlert, LoadMoreButton, LoadingState, Page, useFormatters } from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTribunalError } from './errors';
import { TRIBUNAL_NS } from './i18n';

const PAGE = 50;

/** The next running deadline of a case: the latest deadline of an entry not withdrawn. */
export function nextDeadline(c: TribunalCaseListItemFragment): string | null {
  const running = c.timeline.filter((e) => e.deadline && !e.voidedAt).map((e) => e.deadline!);
  return running.length ? running.sort().at(-1)! : null;
}

/** Every case the viewer may see: stage, signature, cities and the next deadline. */
export function TribunalCasesPage() {
  const { t } = useTranslation(TRIBUNAL_NS);
  const f = useFormatters();
  const session = useSession();
  const errorOf = useTribunalError();
  const { data, error, loading, fetchMore } = useQuery(TribunalCasesDocument, {
    variables: { first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.tribunalCases;
  return (
    <Page
      title={t('list.title')}
      actions={
        <Group>
          <Button component={Link} to="/tribunal/deadlines" variant="default">
            {t('list.deadlines')}
          </Button>
          <Button component={Link} to="/tribunal/calendar" variant="default">
            {t('list.calendar')}
          </Button>
          {session.can(Permission.TRIBUNAL_MANAGE) && (
            <Button component={Link} to="/tribunal/new">
              {t('list.new')}
            </Button>
          )}
        </Group>
      }
    >
      {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
      {loading && !connection && <LoadingState />}
      {connection && connection.edges.length === 0 && <Text>{t('list.empty')}</Text>}
      {connection && connection.edges.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Caption>{t('list.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('list.col.title')}</Table.Th>
                <Table.Th scope="col">{t('list.col.stage')}</Table.Th>
                <Table.Th scope="col">{t('list.col.signature')}</Table.Th>
                <Table.Th scope="col">{t('list.col.cities')}</Table.Th>
                <Table.Th scope="col">{t('list.col.deadline')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {connection.edges.map(({ node }) => {
                const deadline = nextDeadline(node);
                return (
                  <Table.Tr key={node.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/tribunal/${node.id}`}>
                        {node.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{t(`stage.${node.stage}`)}</Badge>
                    </Table.Td>
                    <Table.Td>{node.signature ?? node.preliminarySignature ?? '—'}</Table.Td>
                    <Table.Td>
                      {node.cities
                        .filter((c) => c.status === 'ACCEPTED')
                        .map((c) => c.cityName)
                        .join(', ')}
                    </Table.Td>
                    <Table.Td>{deadline ? f.date(deadline) : t('list.noDeadline')}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton
        hasMore={Boolean(connection?.pageInfo.hasNextPage)}
        loading={loading}
        onClick={() =>
          void fetchMore({
            variables: { after: connection?.pageInfo.endCursor },
            updateQuery: (previous, { fetchMoreResult }) => ({
              tribunalCases: {
                ...fetchMoreResult.tribunalCases,
                edges: [
                  ...(previous.tribunalCases?.edges ?? []),
                  ...fetchMoreResult.tribunalCases.edges,
                ],
              },
            }),
          })
        }
      />
    </Page>
  );
}
