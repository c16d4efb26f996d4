import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { Permission, TRIBUNAL_SEARCH_MAX } from '@civitas/shared/domain';
import {
  fieldProblems,
  type TribunalCaseListItemFragment,
  TribunalCasesDocument,
  toApiProblem,
  useSession,
} from '@civitas/web/data-access';
import {
  ErrorAlert,
  LoadMoreButton,
  LoadingState,
  Page,
  useErrorText,
  useFormatters,
} from '@civitas/web/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
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
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const [text, setText] = useState(search);
  // Back and forward change the URL's search: the field follows it.
  useEffect(() => setText(search), [search]);
  const { data, error, loading, fetchMore } = useQuery(TribunalCasesDocument, {
    variables: { first: PAGE, search: search || null },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.tribunalCases;
  // The API refuses a search without words (or too long) on the field itself.
  const searchProblem = fieldProblems(toApiProblem(error), 'search')[0];
  const searchError = searchProblem
    ? /no words/i.test(searchProblem)
      ? t('list.searchNoWords')
      : errorText.field(searchProblem)
    : undefined;
  function searchFor(value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set('q', value);
    else next.delete('q');
    // A new history entry per search, so Back returns to the previous one.
    setParams(next);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    searchFor(text.trim());
  }
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
      <form onSubmit={submit} role="search" aria-label={t('list.searchRegion')}>
        <Group align="flex-start">
          <TextInput
            id="tribunal-search"
            style={{ flex: 1, minWidth: 240 }}
            label={t('list.search')}
            description={t('list.searchHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            type="search"
            maxLength={TRIBUNAL_SEARCH_MAX}
            value={text}
            error={searchError}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          {/* Aligned with the input below the label. */}
          <Group mt={26} gap="xs">
            <Button type="submit">{t('common:actions.search')}</Button>
            {(search || text) && (
              <Button
                variant="default"
                onClick={() => {
                  setText('');
                  searchFor('');
                }}
              >
                {t('list.clearSearch')}
              </Button>
            )}
          </Group>
        </Group>
      </form>
      <div role="status" aria-live="polite">
        {search && connection && (
          <Text fw={600}>{t('list.found', { count: connection.totalCount })}</Text>
        )}
      </div>
      {error && !searchError && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
      {loading && !connection && <LoadingState />}
      {connection && connection.edges.length === 0 && (
        <Text>{search ? t('list.noMatch', { search }) : t('list.empty')}</Text>
      )}
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
