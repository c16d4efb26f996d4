import { useQuery } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { OpinionAreaOfLaw, PAGE_SIZE_DEFAULT } from '@civitas/shared/domain';
import {
  OpinionLibraryFacetsDocument,
  type PublishedOpinionItemFragment,
  PublishedOpinionsDocument,
} from '@civitas/web/data-access';
import { ErrorAlert, LoadingState, LoadMoreButton, Page, useLoadMore } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { OPINIONS_NS } from './i18n';
import { snippetParts } from './opinion-rules';
import { useOpinionError } from './parts';

/** The API's snippet with its matches marked, rendered as text (never parsed as HTML). */
export function Snippet({ html }: { html: string }) {
  return (
    <Text size="sm">
      {snippetParts(html).map((p, i) =>
        p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </Text>
  );
}

function ResultItem({ opinion }: { opinion: PublishedOpinionItemFragment }) {
  const { t } = useTranslation(OPINIONS_NS);
  return (
    <Paper withBorder p="md" radius="md" component="article">
      <Stack gap={6}>
        <Title order={2} size="h4">
          <Anchor component={Link} to={`/opinions/library/${opinion.id}`}>
            {opinion.subject}
          </Anchor>
        </Title>
        <Group gap="xs">
          <Text size="sm">{t(`area.${opinion.areaOfLaw}`)}</Text>
          <Text size="sm">· {opinion.year}</Text>
          {opinion.cityName && (
            <Text size="sm">· {t('library.city', { city: opinion.cityName })}</Text>
          )}
          {opinion.redacted && (
            <Badge color="#5f6670" variant="filled" radius="sm" tt="none">
              {t('library.redacted')}
            </Badge>
          )}
        </Group>
        {opinion.snippetHtml && <Snippet html={opinion.snippetHtml} />}
      </Stack>
    </Paper>
  );
}

/** `/opinions/library`: search (Polish-aware, with snippets) and filters by area, year and act. */
export function LibraryPage() {
  const { t } = useTranslation(OPINIONS_NS);
  const errorOf = useOpinionError();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const area = params.get('area');
  const year = params.get('year');
  const act = params.get('act');
  const [text, setText] = useState(search);
  const facets = useQuery(OpinionLibraryFacetsDocument);
  const { data, loading, error, fetchMore } = useQuery(PublishedOpinionsDocument, {
    variables: {
      search: search || null,
      areaOfLaw: (area as OpinionAreaOfLaw | null) || null,
      year: year ? Number(year) : null,
      act: act || null,
      first: PAGE_SIZE_DEFAULT,
    },
  });
  const loadMore = useLoadMore(data?.publishedOpinions.pageInfo, (after) =>
    fetchMore({
      variables: { after },
      updateQuery: (prev, { fetchMoreResult }) => ({
        publishedOpinions: {
          ...fetchMoreResult.publishedOpinions,
          edges: [...prev.publishedOpinions.edges, ...fetchMoreResult.publishedOpinions.edges],
        },
      }),
    }),
  );
  function set(name: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    set('q', text.trim() || null);
  }
  const f = facets.data?.opinionLibraryFacets;
  const any = { value: '', label: t('library.any') };
  const connection = data?.publishedOpinions;
  return (
    <Page title={t('library.title')}>
      <Text>{t('library.intro')}</Text>
      <form onSubmit={submit} role="search">
        <Stack gap="sm">
          <Group align="flex-end">
            <TextInput
              id="library-search"
              style={{ flex: 1, minWidth: 240 }}
              label={t('library.search')}
              description={t('library.searchHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              type="search"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Button type="submit">{t('common:actions.search')}</Button>
          </Group>
          <Group align="flex-end">
            <Select
              id="library-area"
              label={t('library.area')}
              data={[
                any,
                ...(f?.areasOfLaw ?? []).map((a) => ({ value: a, label: t(`area.${a}`) })),
              ]}
              value={area ?? ''}
              onChange={(v) => set('area', v || null)}
              allowDeselect={false}
            />
            <Select
              id="library-year"
              label={t('library.year')}
              data={[any, ...(f?.years ?? []).map((y) => ({ value: String(y), label: String(y) }))]}
              value={year ?? ''}
              onChange={(v) => set('year', v || null)}
              allowDeselect={false}
            />
            <Select
              id="library-act"
              label={t('library.act')}
              searchable
              data={[any, ...(f?.acts ?? []).map((a) => ({ value: a, label: a }))]}
              value={act ?? ''}
              onChange={(v) => set('act', v || null)}
              allowDeselect={false}
            />
          </Group>
        </Stack>
      </form>
      <div role="status" aria-live="polite">
        {connection && (
          <Text fw={600}>{t('library.results', { count: connection.totalCount })}</Text>
        )}
      </div>
      {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
      {loading && !connection && <LoadingState />}
      {connection && connection.edges.length === 0 && <Text>{t('library.empty')}</Text>}
      {connection && connection.edges.length > 0 && (
        <Stack component="ul" className="opinion-cards" gap="md" aria-busy={loading}>
          {connection.edges.map(({ node }) => (
            <li key={node.id}>
              <ResultItem opinion={node} />
            </li>
          ))}
        </Stack>
      )}
      <LoadMoreButton
        onClick={loadMore.onLoadMore}
        loading={loadMore.loadingMore}
        hasMore={loadMore.hasMore}
      />
    </Page>
  );
}
