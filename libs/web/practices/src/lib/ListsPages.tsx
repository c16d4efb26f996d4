import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { PAGE_SIZE_DEFAULT } from '@civitas/shared/domain';
import {
  BookmarkedPracticesDocument,
  MyPracticesDocument,
  PracticeReviewQueueDocument,
  toApiProblem,
} from '@civitas/web/data-access';
import {
  ErrorAlert,
  LoadingState,
  LoadMoreButton,
  Page,
  useErrorText,
  useFormatters,
  useLoadMore,
  usePersonName,
} from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PRACTICES_NS } from './i18n';
import { PracticeCard, StatusBadge } from './parts';
import { ReviewActions } from './ReviewActions';

type Edges<T> = {
  edges: { node: T }[];
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
};

function mergePages<K extends string, T>(key: K) {
  return (
    prev: Record<K, Edges<T>>,
    { fetchMoreResult }: { fetchMoreResult: Record<K, Edges<T>> },
  ) =>
    ({
      [key]: {
        ...fetchMoreResult[key],
        edges: [...prev[key].edges, ...fetchMoreResult[key].edges],
      },
    }) as Record<K, Edges<T>>;
}

/** `/practices/mine`: the caller's practices in every state, with the office's comments. */
export function MyPracticesPage() {
  const { t } = useTranslation(PRACTICES_NS);
  const fmt = useFormatters();
  const errorText = useErrorText();
  const { data, loading, error, fetchMore } = useQuery(MyPracticesDocument, {
    variables: { first: PAGE_SIZE_DEFAULT },
    fetchPolicy: 'cache-and-network',
  });
  const loadMore = useLoadMore(data?.myPractices.pageInfo, (after) =>
    fetchMore({ variables: { after }, updateQuery: mergePages('myPractices') as never }),
  );
  const problem = error ? toApiProblem(error) : null;
  const items = data?.myPractices.edges.map((e) => e.node) ?? [];
  return (
    <Page
      title={t('mine.title')}
      actions={
        <Button component={Link} to="/practices/new">
          {t('search.newPractice')}
        </Button>
      }
    >
      {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
      {loading && !data && <LoadingState />}
      {data && items.length === 0 && <Text>{t('mine.empty')}</Text>}
      <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0 }}>
        {items.map((p) => (
          <li key={p.id}>
            <Paper withBorder p="md" radius="md">
              <Stack gap={6}>
                <Group justify="space-between">
                  <Title order={2} size="h4">
                    <Anchor component={Link} to={`/practices/${p.id}`}>
                      {p.title || t('status.DRAFT')}
                    </Anchor>
                  </Title>
                  <StatusBadge status={p.status} />
                </Group>
                <Text size="sm">{t('mine.updated', { date: fmt.dateTime(p.updatedAt) })}</Text>
                {p.status === 'DRAFT' && p.reviewComment && (
                  <Alert color="orange" variant="outline" p="xs">
                    <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                      {t('mine.reviewComment', { comment: p.reviewComment })}
                    </Text>
                  </Alert>
                )}
                {p.status === 'DRAFT' && (
                  <Anchor component={Link} to={`/practices/${p.id}/edit`}>
                    {p.reviewComment ? t('mine.resubmit') : t('mine.continue')}
                  </Anchor>
                )}
              </Stack>
            </Paper>
          </li>
        ))}
      </Stack>
      <LoadMoreButton
        onClick={loadMore.onLoadMore}
        loading={loadMore.loadingMore}
        hasMore={loadMore.hasMore}
      />
    </Page>
  );
}

/** `/practices/bookmarks`: what the caller bookmarked, newest first. */
export function BookmarksPage() {
  const { t } = useTranslation(PRACTICES_NS);
  const errorText = useErrorText();
  const { data, loading, error, fetchMore } = useQuery(BookmarkedPracticesDocument, {
    variables: { first: PAGE_SIZE_DEFAULT },
    fetchPolicy: 'cache-and-network',
  });
  const loadMore = useLoadMore(data?.bookmarkedPractices.pageInfo, (after) =>
    fetchMore({ variables: { after }, updateQuery: mergePages('bookmarkedPractices') as never }),
  );
  const problem = error ? toApiProblem(error) : null;
  const items = data?.bookmarkedPractices.edges.map((e) => e.node) ?? [];
  return (
    <Page title={t('bookmarks.title')}>
      {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
      {loading && !data && <LoadingState />}
      {data && items.length === 0 && <Text>{t('bookmarks.empty')}</Text>}
      <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0 }}>
        {items.map((p) => (
          <li key={p.id}>
            <PracticeCard practice={p} />
          </li>
        ))}
      </Stack>
      <LoadMoreButton
        onClick={loadMore.onLoadMore}
        loading={loadMore.loadingMore}
        hasMore={loadMore.hasMore}
      />
    </Page>
  );
}

/** `/practices/review`: the office's queue, oldest submission first, with the review acts. */
export function ReviewQueuePage() {
  const { t } = useTranslation(PRACTICES_NS);
  const fmt = useFormatters();
  const personName = usePersonName();
  const errorText = useErrorText();
  const { data, loading, error, fetchMore } = useQuery(PracticeReviewQueueDocument, {
    variables: { first: PAGE_SIZE_DEFAULT },
    fetchPolicy: 'cache-and-network',
  });
  const loadMore = useLoadMore(data?.practiceReviewQueue.pageInfo, (after) =>
    fetchMore({ variables: { after }, updateQuery: mergePages('practiceReviewQueue') as never }),
  );
  const problem = error ? toApiProblem(error) : null;
  const items = data?.practiceReviewQueue.edges.map((e) => e.node) ?? [];
  return (
    <Page title={t('review.title')}>
      {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
      {loading && !data && <LoadingState />}
      {data && items.length === 0 && <Text>{t('review.empty')}</Text>}
      <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0 }}>
        {items.map((p) => (
          <li key={p.id}>
            <Paper withBorder p="md" radius="md">
              <Stack gap={6}>
                <Group justify="space-between">
                  <Title order={2} size="h4">
                    <Anchor component={Link} to={`/practices/${p.id}`}>
                      {p.title}
                    </Anchor>
                  </Title>
                  <StatusBadge status={p.status} />
                </Group>
                <Text size="sm">
                  {[
                    p.city.name,
                    personName(p.author?.name),
                    t('review.submittedAt', { date: fmt.dateTime(p.submittedAt) }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                <ReviewActions
                  practice={{ ...p, verificationSource: null, verificationNote: null }}
                />
              </Stack>
            </Paper>
          </li>
        ))}
      </Stack>
      <LoadMoreButton
        onClick={loadMore.onLoadMore}
        loading={loadMore.loadingMore}
        hasMore={loadMore.hasMore}
      />
    </Page>
  );
}
