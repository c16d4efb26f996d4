import { Anchor, Paper, Text, TextInput } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { PAGE_SIZE_DEFAULT } from '@civitas/shared/domain';
import { PeopleDocument, type PeopleQuery, toApiProblem } from '@civitas/web/data-access';
import {
  type ConnectionColumn,
  ConnectionStates,
  ConnectionTable,
  Page,
  useErrorText,
  useLoadMore,
} from '@civitas/web/ui';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DIRECTORY_NS } from './i18n';
import { useSearchDraft } from './useSearchDraft';

type PersonRow = PeopleQuery['people']['edges'][number]['node'];

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
  const { data, previousData, loading, error, fetchMore } = useQuery(PeopleDocument, {
    variables: { search: search || null, first: PAGE_SIZE_DEFAULT },
  });
  const connection = (data ?? previousData)?.people;
  const problem = toApiProblem(error);

  const more = useLoadMore(connection?.pageInfo, (after) => fetchMore({ variables: { after } }));
  const columns: ConnectionColumn<PersonRow>[] = [
    { key: 'name', header: t('people.name'), render: (node) => node.name, cellProps: { fw: 600 } },
    { key: 'position', header: t('people.position'), render: (node) => node.position ?? '' },
    { key: 'department', header: t('people.department'), render: (node) => node.department ?? '' },
    {
      key: 'organisation',
      header: t('people.organisation'),
      render: (node) => (
        <Anchor component={Link} to={`/cities/${node.organisation.id}`}>
          {node.organisation.name}
        </Anchor>
      ),
    },
  ];

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
        <ConnectionStates
          connection={connection}
          loading={loading}
          error={problem && errorText.message(problem)}
          empty={t('people.none')}
        >
          {({ edges }) => (
            <ConnectionTable
              columns={columns}
              edges={edges}
              minWidth={640}
              loading={loading}
              {...more}
            />
          )}
        </ConnectionStates>
      </section>
    </Page>
  );
}
