import { useQuery } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Permission, POSITION_QUERY_MAX, PositionStatementType } from '@civitas/shared/domain';
import {
  type PositionFacetItemFragment,
  SearchPositionStatementsDocument,
  useSession,
} from '@civitas/web/data-access';
import {
  ErrorAlert,
  LoadingState,
  LoadMoreButton,
  Page,
  useFormatters,
  useLoadMore,
} from '@civitas/web/ui';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePositionsError } from './errors';
import { Highlighted } from './highlight';
import { POSITIONS_NS } from './i18n';
import {
  type PositionSearchState,
  parsePositionSearch,
  positionSearchVariables,
  toggle,
  toPositionSearchParams,
} from './search-state';

const PAGE = 20;

function Facet({
  id,
  legend,
  values,
  label,
  onToggle,
}: {
  id: string;
  legend: string;
  values: readonly PositionFacetItemFragment[];
  label: (value: string) => string;
  onToggle: (value: string) => void;
}) {
  const { t } = useTranslation(POSITIONS_NS);
  if (!values.length) return null;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend>
        <Text fw={700} component="span">
          {legend}
        </Text>
      </legend>
      <Stack gap={6} mt={6}>
        {values.map((v) => (
          <Checkbox
            key={v.value}
            id={`${id}-${v.value}`}
            label={t('library.facetCount', { label: label(v.value), count: v.count })}
            checked={v.selected}
            onChange={() => onToggle(v.value)}
          />
        ))}
      </Stack>
    </fieldset>
  );
}

/**
 * `/positions`: the association's documents — one search box, type and year filters with
 * counts, highlights, "load more". The URL holds the whole search.
 */
export function LibraryPage() {
  const { t } = useTranslation(POSITIONS_NS);
  const f = useFormatters();
  const session = useSession();
  const errorOf = usePositionsError();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parsePositionSearch(params), [params]);
  const [text, setText] = useState(state.query);
  useEffect(() => setText(state.query), [state.query]);
  const { data, previousData, loading, error, fetchMore } = useQuery(
    SearchPositionStatementsDocument,
    { variables: { ...positionSearchVariables(state), first: PAGE } },
  );
  const result = (data ?? previousData)?.searchPositionStatements;
  const loadMore = useLoadMore(data?.searchPositionStatements.pageInfo, (after) =>
    fetchMore({
      variables: { after },
      updateQuery: (prev, { fetchMoreResult }) => ({
        searchPositionStatements: {
          ...fetchMoreResult.searchPositionStatements,
          edges: [
            ...prev.searchPositionStatements.edges,
            ...fetchMoreResult.searchPositionStatements.edges,
          ],
        },
      }),
    }),
  );
  const go = (next: PositionSearchState) => setParams(toPositionSearchParams(next));
  function submit(event: FormEvent) {
    event.preventDefault();
    go({ ...state, query: text.trim() });
  }
  const filtered = state.query || state.types.length || state.years.length;

  return (
    <Page
      title={t('library.title')}
      actions={
        <Group gap="sm">
          <Anchor component={Link} to="/positions/consultations">
            {t('library.consultations')}
          </Anchor>
          {session.can(Permission.POSITIONS_MANAGE) && (
            <Button component={Link} to="/positions/new">
              {t('library.new')}
            </Button>
          )}
        </Group>
      }
    >
      <Text>{t('library.intro')}</Text>
      <form onSubmit={submit} role="search">
        <Group align="flex-end">
          <TextInput
            id="position-search"
            style={{ flex: 1, minWidth: 240 }}
            label={t('library.searchLabel')}
            description={t('library.searchHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            type="search"
            maxLength={POSITION_QUERY_MAX}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Button type="submit">{t('library.search')}</Button>
          {filtered ? (
            <Button variant="default" onClick={() => go({ query: '', types: [], years: [] })}>
              {t('library.clear')}
            </Button>
          ) : null}
        </Group>
      </form>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack gap="md" component="section" aria-labelledby="position-filters">
            <Title order={2} size="h4" id="position-filters">
              {t('library.filters')}
            </Title>
            {result && (
              <>
                <Facet
                  id="position-type"
                  legend={t('library.facetType')}
                  values={result.facets.types}
                  label={(v) => t(`type.${v}`)}
                  onToggle={(v) =>
                    go({ ...state, types: toggle(state.types, v as PositionStatementType) })
                  }
                />
                <Facet
                  id="position-year"
                  legend={t('library.facetYear')}
                  values={result.facets.years}
                  label={(v) => v}
                  onToggle={(v) => go({ ...state, years: toggle(state.years, Number(v)) })}
                />
              </>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="md" component="section" aria-labelledby="position-results">
            <Title order={2} size="h4" id="position-results">
              {t('library.resultsHeading')}
            </Title>
            <div role="status" aria-live="polite" aria-atomic="true">
              {result && !error && (
                <Text fw={600}>{t('library.results', { count: result.totalCount })}</Text>
              )}
            </div>
            {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
            {loading && !result && <LoadingState />}
            {result && !error && result.edges.length === 0 && <Text>{t('library.empty')}</Text>}
            {result && !error && result.edges.length > 0 && (
              <Stack
                component="ol"
                gap="sm"
                aria-busy={loading}
                style={{ listStyle: 'none', padding: 0 }}
              >
                {result.edges.map(({ node, highlight }) => (
                  <li key={node.id}>
                    <Card withBorder padding="md">
                      <Group gap="xs" mb={4}>
                        <Badge variant="light">{t(`type.${node.type}`)}</Badge>
                        <Text size="sm" c="dimmed">
                          {f.date(node.adoptedOn)}
                        </Text>
                      </Group>
                      <Title order={3} size="h5">
                        <Anchor component={Link} to={`/positions/${node.id}`}>
                          {highlight ? <Highlighted html={highlight.title} /> : node.title}
                        </Anchor>
                      </Title>
                      {node.actTitle && (
                        <Text size="sm">
                          {t('library.concerns', {
                            act: [node.actTitle, node.actReference].filter(Boolean).join(', '),
                          })}
                        </Text>
                      )}
                      {highlight?.snippet && (
                        <Text size="sm" mt={4}>
                          <Highlighted html={highlight.snippet} />
                        </Text>
                      )}
                    </Card>
                  </li>
                ))}
              </Stack>
            )}
            {!error && (
              <LoadMoreButton
                onClick={loadMore.onLoadMore}
                loading={loadMore.loadingMore}
                hasMore={loadMore.hasMore}
              />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Page>
  );
}
