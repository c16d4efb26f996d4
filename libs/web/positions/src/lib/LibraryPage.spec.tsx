import { Role } from '@civitas/shared/domain';
import { SearchPositionStatementsDocument } from '@civitas/web/data-access';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { statement } from './fixtures';
import { LibraryPage } from './LibraryPage';
import { renderPage, signedInAs } from './testing';

const facet = (value: string, count: number, selected = false) => ({
  __typename: 'PositionFacetValue' as const,
  value,
  count,
  selected,
});

const result = (
  edges: unknown[],
  facets: { types: unknown[]; years: unknown[] },
  total = edges.length,
) => ({
  data: {
    searchPositionStatements: {
      __typename: 'PositionSearchResult' as const,
      totalCount: total,
      pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
      edges,
      facets: { __typename: 'PositionFacets' as const, ...facets },
    },
  },
});

const edge = (
  node: ReturnType<typeof statement>,
  highlight: { title: string; snippet: string } | null = null,
) => ({
  __typename: 'PositionSearchEdge' as const,
  cursor: `c-${node.id}`,
  highlight: highlight && { __typename: 'PositionHighlight' as const, ...highlight },
  node,
});

describe('LibraryPage', () => {
  it('shows the URL’s search with highlights (as text) and facet counts; a facet narrows the search', async () => {
    renderPage(<LibraryPage />, {
      path: '/positions',
      route: '/positions?q=dochody',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [
        {
          request: {
            query: SearchPositionStatementsDocument,
            variables: { query: 'dochody', filter: null, first: 20 },
          },
          result: result(
            [
              edge(statement(), {
                title: 'Stanowisko w sprawie <mark>dochodów</mark> JST &lt;script&gt;',
                snippet: 'Projekt ustawy o <mark>dochodach</mark> JST',
              }),
              edge(
                statement({
                  id: 'p2',
                  type: 'RESOLUTION',
                  title: 'Uchwała o dochodach',
                  actTitle: null,
                }),
              ),
            ],
            {
              types: [facet('POSITION', 1), facet('RESOLUTION', 1)],
              years: [facet('2024', 2)],
            },
          ),
        },
        {
          request: {
            query: SearchPositionStatementsDocument,
            variables: {
              query: 'dochody',
              filter: { types: ['RESOLUTION'], years: null },
              first: 20,
            },
          },
          result: result(
            [
              edge(
                statement({
                  id: 'p2',
                  type: 'RESOLUTION',
                  title: 'Uchwała o dochodach',
                  actTitle: null,
                }),
              ),
            ],
            {
              types: [facet('POSITION', 1), facet('RESOLUTION', 1, true)],
              years: [facet('2024', 1)],
            },
          ),
        },
      ],
    });
    expect(await screen.findByText('2 dokumenty')).toBeTruthy();
    expect((screen.getByLabelText('Szukaj w dokumentach Związku') as HTMLInputElement).value).toBe(
      'dochody',
    );
    const first = screen.getAllByRole('listitem')[0];
    expect(within(first).getByText('dochodów').tagName).toBe('MARK');
    // Escaped markup in a highlight stays text.
    expect(within(first).getByRole('link').textContent).toContain('<script>');
    expect(within(first).getByText('Stanowisko')).toBeTruthy();
    expect(within(first).getByText('12 czerwca 2024')).toBeTruthy();
    const type = screen.getByRole('group', { name: 'Rodzaj' });
    fireEvent.click(within(type).getByLabelText('Uchwała (1)'));
    expect(await screen.findByText('1 dokument')).toBeTruthy();
    expect((screen.getByLabelText('Uchwała (1)') as HTMLInputElement).checked).toBe(true);
  });

  it('offers the office to add a document, not a city official', async () => {
    const mocks = [
      {
        request: {
          query: SearchPositionStatementsDocument,
          variables: { query: null, filter: null, first: 20 },
        },
        result: result([], { types: [], years: [] }),
      },
    ];
    const office = renderPage(<LibraryPage />, {
      path: '/positions',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks,
    });
    expect(
      await screen.findByText('Nic nie znaleziono. Spróbuj innych słów albo usuń filtry.'),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Dodaj dokument' })).toBeTruthy();
    office.unmount();
    renderPage(<LibraryPage />, {
      path: '/positions',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks,
    });
    expect(
      await screen.findByText('Nic nie znaleziono. Spróbuj innych słów albo usuń filtry.'),
    ).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Dodaj dokument' })).toBeNull();
  });
});
