import { Stack, Table, Text, type TableTdProps } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { ErrorAlert, LoadingState, LoadMoreButton } from './feedback';

/** One column of a {@link ConnectionTable}: its header and how a node fills its cell. */
export interface ConnectionColumn<TNode> {
  key: string;
  header: ReactNode;
  render: (node: TNode) => ReactNode;
  /** Extra props for every cell of the column (weight, wrapping). */
  cellProps?: TableTdProps;
}

/** The "load more" part of a paged list: see {@link useLoadMore}. */
export interface LoadMoreProps {
  onLoadMore: () => void;
  loadingMore: boolean;
  hasMore: boolean;
}

export interface ConnectionTableProps<TNode extends { id: string }> extends LoadMoreProps {
  columns: ConnectionColumn<TNode>[];
  edges: readonly { node: TNode }[];
  /** Below this width the table scrolls sideways instead of squeezing. */
  minWidth: number;
  /** Sets `aria-busy` on the table while the list refreshes; left out, the table has none. */
  loading?: boolean;
  /** A caption read by screen readers only. */
  caption?: string;
  highlightOnHover?: boolean;
  /** Shown between the table and the "load more" button, e.g. how many of how many are shown. */
  footer?: ReactNode;
}

/**
 * A page of a GraphQL connection as a striped table with column headers (`scope="col"`),
 * one row a node, and a "load more" button while there are more pages.
 */
export function ConnectionTable<TNode extends { id: string }>({
  columns,
  edges,
  minWidth,
  loading,
  caption,
  highlightOnHover,
  footer,
  onLoadMore,
  loadingMore,
  hasMore,
}: ConnectionTableProps<TNode>) {
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover={highlightOnHover} verticalSpacing="sm" aria-busy={loading}>
          {caption && <Table.Caption className="civitas-visually-hidden">{caption}</Table.Caption>}
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} scope="col">
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {edges.map(({ node }) => (
              <Table.Tr key={node.id}>
                {columns.map((column) => (
                  <Table.Td key={column.key} {...column.cellProps}>
                    {column.render(node)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {footer}
      <LoadMoreButton onClick={onLoadMore} loading={loadingMore} hasMore={hasMore} />
    </Stack>
  );
}

/**
 * Fetches the page after `pageInfo.endCursor` and tracks that it is loading;
 * the result spreads into {@link ConnectionTable}.
 */
export function useLoadMore(
  pageInfo: { endCursor?: string | null; hasNextPage: boolean } | undefined,
  fetchAfter: (cursor: string) => Promise<unknown>,
): LoadMoreProps {
  const [loadingMore, setLoadingMore] = useState(false);
  async function loadMore() {
    if (!pageInfo?.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchAfter(pageInfo.endCursor);
    } finally {
      setLoadingMore(false);
    }
  }
  return {
    onLoadMore: () => void loadMore(),
    loadingMore,
    hasMore: pageInfo?.hasNextPage ?? false,
  };
}

/** A load-more whose outcome is said: {@link useAnnouncedLoadMore}, shown by {@link LoadMoreFooter}. */
export interface AnnouncedLoadMore extends LoadMoreProps {
  /** What the last page brought, for screen readers ("10 more, 30 of 42 shown"). */
  announced: string;
  /** Why the last page could not be loaded, in words. */
  failed: string | null;
}

/**
 * {@link useLoadMore} that says what each page brought: `fetchAfter` answers the words to
 * announce (or nothing), and a failure is put into words by `errorOf` instead of thrown.
 */
export function useAnnouncedLoadMore(
  pageInfo: { endCursor?: string | null; hasNextPage: boolean } | undefined,
  fetchAfter: (cursor: string) => Promise<string | null | undefined>,
  errorOf: (error: unknown) => string,
): AnnouncedLoadMore {
  const [announced, setAnnounced] = useState('');
  const [failed, setFailed] = useState<string | null>(null);
  const more = useLoadMore(pageInfo, async (after) => {
    setAnnounced('');
    setFailed(null);
    try {
      setAnnounced((await fetchAfter(after)) ?? '');
    } catch (e) {
      setFailed(errorOf(e));
    }
  });
  return { ...more, announced, failed };
}

/** Below a paged list: the polite announcement of the last page, its failure, and the button. */
export function LoadMoreFooter({ more }: { more: AnnouncedLoadMore }) {
  return (
    <>
      <Text className="civitas-visually-hidden" role="status" aria-live="polite">
        {more.announced}
      </Text>
      {more.failed && <ErrorAlert>{more.failed}</ErrorAlert>}
      <LoadMoreButton onClick={more.onLoadMore} loading={more.loadingMore} hasMore={more.hasMore} />
    </>
  );
}

/**
 * What stands in for a paged list until it has rows: the error, the first load,
 * or the "none found" text. `children` renders the list once it has any.
 */
export function ConnectionStates<TConnection extends { edges: readonly unknown[] }>({
  connection,
  loading,
  error,
  empty,
  children,
}: {
  connection: TConnection | null | undefined;
  /** Whether the query is loading; shows the loading state until the first page arrives. */
  loading?: boolean;
  /** The translated message of the query's error, if any. */
  error?: ReactNode;
  empty: ReactNode;
  children: (connection: TConnection) => ReactNode;
}) {
  return (
    <>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {loading && !connection && <LoadingState />}
      {connection && connection.edges.length === 0 && <Text>{empty}</Text>}
      {connection && connection.edges.length > 0 && children(connection)}
    </>
  );
}
