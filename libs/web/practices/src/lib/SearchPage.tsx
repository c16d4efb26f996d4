import { useQuery } from '@apollo/client/react';
import {
  Anchor,
  Button,
  Checkbox,
  Grid,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Permission, PRACTICE_QUERY_MAX, PRACTICE_SEARCH_PAGE_MAX } from '@civitas/shared/domain';
import {
  type PracticeFacetItemFragment,
  PracticeAreasDocument,
  SearchPracticesDocument,
  toApiProblem,
  useSession,
} from '@civitas/web/data-access';
import {
  ErrorAlert,
  LoadingState,
  LoadMoreButton,
  Page,
  useErrorText,
  useLoadMore,
} from '@civitas/web/ui';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PRACTICES_NS } from './i18n';
import { PracticeCard } from './parts';
import {
  FACETS,
  type FacetName,
  type PracticeSearchState,
  emptySearch,
  effectiveSort,
  parseSearch,
  searchVariables,
  selectedCount,
  toSearchParams,
  toggleFacet,
} from './search-state';

const PAGE = 20;

/** One facet as a fieldset of checkboxes with counts. */
function FacetList({
  facet,
  values,
  selected,
  label,
  onToggle,
}: {
  facet: FacetName;
  values: readonly PracticeFacetItemFragment[];
  selected: readonly string[];
  label: (v: PracticeFacetItemFragment) => string;
  onToggle: (value: string) => void;
}) {
  const { t } = useTranslation(PRACTICES_NS);
  if (!values.length) return null;
  return (
    <fieldset className="practice-facet" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend>
        <Text fw={700} component="span">
          {t(`search.facet.${facet}`)}
        </Text>
      </legend>
      <Stack gap={6} mt={6}>
        {values.map((v) => (
          <Checkbox
            key={v.value}
            id={`facet-${facet}-${v.value}`}
            label={t('search.facetCount', { label: label(v), count: v.count })}
            checked={selected.includes(v.value)}
            onChange={() => onToggle(v.value)}
          />
        ))}
      </Stack>
    </fieldset>
  );
}

/**
 * `/practices`: one search box, facets with counts, highlights, did-you-mean, order and
 * "load more". The URL holds the whole search: shared links and the back button work.
 */
export function SearchPage() {
  const { t, i18n } = useTranslation(PRACTICES_NS);
  const errorText = useErrorText();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseSearch(params), [params]);
  const [text, setText] = useState(state.query);
  useEffect(() => setText(state.query), [state.query]);
  const areas = useQuery(PracticeAreasDocument);
  const variables = searchVariables(state);
  const { data, previousData, loading, error, fetchMore } = useQuery(SearchPracticesDocument, {
    variables: { ...variables, first: PAGE },
  });
  const result = (data ?? previousData)?.searchPractices;
  const loadMore = useLoadMore(data?.searchPractices.pageInfo, (after) =>
    fetchMore({
      variables: { after, first: Math.min(PAGE, PRACTICE_SEARCH_PAGE_MAX) },
      updateQuery: (prev, { fetchMoreResult }) => ({
        searchPractices: {
          ...fetchMoreResult.searchPractices,
          edges: [...prev.searchPractices.edges, ...fetchMoreResult.searchPractices.edges],
        },
      }),
    }),
  );

  /** Every change of the search is a new history entry, so "back" returns to the last one. */
  function go(next: PracticeSearchState) {
    setParams(toSearchParams(next));
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    go({ ...state, query: text.trim() });
  }
  const areaNames = new Map(
    (areas.data?.practiceAreas ?? []).map((a) => [
      a.code,
      i18n.language === 'en' ? a.nameEn : a.name,
    ]),
  );
  const label = (facet: FacetName) => (v: PracticeFacetItemFragment) => {
    if (facet === 'areas') return areaNames.get(v.value) ?? v.label;
    if (facet === 'sizeClasses') return t(`sizeClass.${v.value}`, { defaultValue: v.label });
    if (facet === 'verificationSources')
      return t(`verification.${v.value}`, { defaultValue: v.label });
    return v.label;
  };
  const problem = error ? toApiProblem(error) : null;
  const filtersOn = selectedCount(state);
  const sort = effectiveSort(state);

  return (
    <Page
      title={t('search.title')}
      actions={
        <Group gap="sm">
          {session.can(Permission.PRACTICE_SUBMIT) && (
            <>
              <Button component={Link} to="/practices/new">
                {t('search.newPractice')}
              </Button>
              <Anchor component={Link} to="/practices/mine">
                {t('search.myPractices')}
              </Anchor>
            </>
          )}
          <Anchor component={Link} to="/practices/bookmarks">
            {t('search.bookmarks')}
          </Anchor>
          {session.can(Permission.PRACTICES_REVIEW) && (
            <>
              <Anchor component={Link} to="/practices/review">
                {t('search.reviewQueue')}
              </Anchor>
              <Anchor component={Link} to="/practices/areas">
                {t('search.areas')}
              </Anchor>
            </>
          )}
        </Group>
      }
    >
      <Text>{t('search.intro')}</Text>
      <form onSubmit={submit} role="search">
        <Group align="flex-end">
          <TextInput
            id="practice-search"
            style={{ flex: 1, minWidth: 240 }}
            label={t('search.label')}
            description={t('search.hint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            type="search"
            maxLength={PRACTICE_QUERY_MAX}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Button type="submit">{t('search.submit')}</Button>
        </Group>
      </form>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack gap="md" component="section" aria-labelledby="practice-filters">
            <Title order={2} size="h4" id="practice-filters">
              {t('search.filters')}
            </Title>
            {filtersOn > 0 && (
              <Button
                variant="default"
                size="xs"
                onClick={() => go({ ...emptySearch(), query: state.query, sort: state.sort })}
              >
                {t('search.clearFilters', { count: filtersOn })}
              </Button>
            )}
            {result &&
              FACETS.map((facet) => (
                <FacetList
                  key={facet}
                  facet={facet}
                  values={result.facets[facet]}
                  selected={state.filters[facet]}
                  label={label(facet)}
                  onToggle={(value) => go(toggleFacet(state, facet, value))}
                />
              ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="md">
            <Group justify="space-between" align="flex-end">
              <div role="status" aria-live="polite" aria-atomic="true">
                {result && !error && (
                  <Text fw={600}>{t('search.results', { count: result.totalCount })}</Text>
                )}
              </div>
              {state.query && (
                <div>
                  <Text id="practice-sort-label" size="sm" fw={500}>
                    {t('search.sort')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="practice-sort-label"
                    value={sort}
                    onChange={(v) => go({ ...state, sort: v as PracticeSearchState['sort'] })}
                    data={[
                      { value: 'RELEVANCE', label: t('search.sortRelevance') },
                      { value: 'NEWEST', label: t('search.sortNewest') },
                    ]}
                  />
                </div>
              )}
            </Group>
            {result?.didYouMean && (
              <Text>
                {t('search.didYouMean')}{' '}
                <Anchor
                  component={Link}
                  to={`/practices?${toSearchParams({ ...state, query: result.didYouMean })}`}
                >
                  {result.didYouMean}
                </Anchor>
              </Text>
            )}
            {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
            {loading && !result && <LoadingState />}
            {result && !error && result.edges.length === 0 && (
              <Stack gap={4}>
                <Title order={2} size="h4">
                  {t('search.emptyTitle')}
                </Title>
                <Text>{t('search.emptyHelp')}</Text>
              </Stack>
            )}
            {result && !error && result.edges.length > 0 && (
              <Stack
                component="ol"
                gap="sm"
                aria-busy={loading}
                style={{ listStyle: 'none', padding: 0 }}
              >
                {result.edges.map((edge) => (
                  <li key={edge.node.id}>
                    <PracticeCard practice={edge.node} highlight={edge.highlight} />
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
