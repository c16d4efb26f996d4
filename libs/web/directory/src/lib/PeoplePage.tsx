import { Anchor, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { PAGE_SIZE_DEFAULT } from '@civitas/shared/domain';
import { PeopleDocument, toApiProblem } from '@civitas/web/data-access';
import { ErrorAlert, LoadingState, LoadMoreButton, Page, useErrorText } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DIRECTORY_NS } from './i18n';
import { useSearchDraft } from './useSearchDraft';

export function PeoplePage() {
  const { t } = useTranslation(DIRECTORY_NS);
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const searchBox = useSearchDraft(search, (q) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (q.trim()) next.set('q', q.trim());
        else next.delete('q');
        return next;
      },
      { replace: true },
    ),
  );
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, previousData, loading, error, fetchMore } = useQuery(PeopleDocument, {
    variables: { search: search || null, first: PAGE_SIZE_DEFAULT },
  });
  const connection = (data ?? previousData)?.people;
  const problem = toApiProblem(error);

  async function loadMore() {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: connection.pageInfo.endCursor } });
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <Page title={t('people.title')}>
      <Text>{t('people.intro')}</Text>
      <Paper withBorder p="md" radius="md">
        <form
          role="search"
          aria-label={t('people.search')}
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            searchBox.flush();
          }}
        >
          <TextInput
            id="people-search"
            type="search"
            label={t('people.search')}
            description={t('people.searchHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={searchBox.draft}
            onChange={(e) => searchBox.setDraft(e.currentTarget.value)}
            autoComplete="off"
            maw={480}
          />
        </form>
      </Paper>
      <section aria-labelledby="people-results">
        <h2 id="people-results" className="civitas-visually-hidden">
          {t('directory.results')}
        </h2>
        <Text fw={600} role="status" aria-live="polite" mb="sm">
          {connection ? t('people.count', { count: connection.totalCount }) : ''}
        </Text>
        {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
        {loading && !connection && <LoadingState />}
        {connection && connection.edges.length === 0 && <Text>{t('people.none')}</Text>}
        {connection && connection.edges.length > 0 && (
          <Stack>
            <Table.ScrollContainer minWidth={640}>
              <Table striped verticalSpacing="sm" aria-busy={loading}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('people.name')}</Table.Th>
                    <Table.Th scope="col">{t('people.position')}</Table.Th>
                    <Table.Th scope="col">{t('people.department')}</Table.Th>
                    <Table.Th scope="col">{t('people.organisation')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {connection.edges.map(({ node }) => (
                    <Table.Tr key={node.id}>
                      <Table.Td fw={600}>{node.name}</Table.Td>
                      <Table.Td>{node.position ?? ''}</Table.Td>
                      <Table.Td>{node.department ?? ''}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/cities/${node.organisation.id}`}>
                          {node.organisation.name}
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMoreButton
              onClick={loadMore}
              loading={loadingMore}
              hasMore={connection.pageInfo.hasNextPage}
            />
          </Stack>
        )}
      </section>
    </Page>
  );
}
