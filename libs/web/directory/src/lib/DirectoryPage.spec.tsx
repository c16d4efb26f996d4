import { MembershipStatus, OrganisationKind } from '@civitas/shared/domain';
import { OrganisationsDocument, VoivodeshipsDocument } from '@civitas/web/data-access';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLocation } from 'react-router';
import { DirectoryPage } from './DirectoryPage';
import { renderPage } from './testing';

const voivodeships = {
  request: { query: VoivodeshipsDocument },
  result: {
    data: {
      voivodeships: [
        { __typename: 'Voivodeship', code: '10', name: 'łódzkie' },
        { __typename: 'Voivodeship', code: '30', name: 'wielkopolskie' },
      ],
    },
  },
};

function organisation(id: string, name: string, status: MembershipStatus, powiat: string) {
  return {
    __typename: 'Edge' as const,
    cursor: `c-${id}`,
    node: {
      __typename: 'Organisation',
      id,
      name,
      kind: OrganisationKind.URBAN_GMINA,
      powiatName: powiat,
      membershipStatus: status,
      voivodeship: { __typename: 'Voivodeship', code: '10', name: 'łódzkie' },
    },
  };
}

function page(edges: ReturnType<typeof organisation>[], totalCount: number, hasNextPage: boolean) {
  return {
    organisations: {
      __typename: 'OrganisationConnection',
      totalCount,
      edges: edges.map((e) => ({ ...e, __typename: 'OrganisationEdge' })),
      pageInfo: { __typename: 'PageInfo', endCursor: edges.at(-1)?.cursor ?? null, hasNextPage },
    },
  };
}

const base = { voivodeshipCode: null, membershipStatus: null, kind: null, first: 25 };

function LocationProbe() {
  const location = useLocation();
  return <span data-testid="location">{location.search}</span>;
}

describe('DirectoryPage', () => {
  it('renders the results of the search in the URL, the total, and loads more by cursor', async () => {
    renderPage(
      <>
        <DirectoryPage />
        <LocationProbe />
      </>,
      {
        path: '/cities',
        route: '/cities?q=lodz',
        mocks: [
          voivodeships,
          {
            request: { query: OrganisationsDocument, variables: { ...base, search: 'lodz' } },
            result: {
              data: page(
                [
                  organisation('a1', 'Łódź', MembershipStatus.MEMBER, 'Łódź'),
                  organisation('a2', 'Łódź Kaliska', MembershipStatus.NON_MEMBER, 'Łódź'),
                ],
                3,
                true,
              ),
            },
          },
          {
            request: {
              query: OrganisationsDocument,
              variables: { ...base, search: 'lodz', after: 'c-a2' },
            },
            result: {
              data: page(
                [organisation('a3', 'Łódźki', MembershipStatus.CANDIDATE, 'zgierski')],
                3,
                false,
              ),
            },
          },
        ],
      },
    );

    expect(document.title).toBe('Katalog miast · Civitas');
    expect((screen.getByLabelText(/Szukaj miasta/) as HTMLInputElement).value).toBe('lodz');
    const link = await screen.findByRole('link', { name: 'Łódź' });
    expect(link.getAttribute('href')).toBe('/cities/a1');
    expect(screen.getByRole('status').textContent).toBe('Znaleziono 3 organizacje');
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('Członek')).toBeTruthy();
    expect(within(table).getByText('Nie jest członkiem')).toBeTruthy();
    expect(within(table).getAllByText('Gmina miejska')).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Pokaż więcej' }));
    expect(await screen.findByRole('link', { name: 'Łódźki' })).toBeTruthy();
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Pokaż więcej' })).toBeNull();
  });

  it('writes what is typed into the URL and searches for it', async () => {
    renderPage(
      <>
        <DirectoryPage />
        <LocationProbe />
      </>,
      {
        path: '/cities',
        mocks: [
          voivodeships,
          {
            request: { query: OrganisationsDocument, variables: { ...base, search: null } },
            result: {
              data: page(
                [organisation('b1', 'Aleksandrów Łódzki', MembershipStatus.MEMBER, 'zgierski')],
                1014,
                true,
              ),
            },
          },
          {
            request: { query: OrganisationsDocument, variables: { ...base, search: 'pozn' } },
            result: {
              data: page(
                [organisation('p1', 'Poznań', MembershipStatus.MEMBER, 'Poznań')],
                1,
                false,
              ),
            },
          },
        ],
      },
    );
    expect(await screen.findByText('Znaleziono 1014 organizacji')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/Szukaj miasta/), { target: { value: 'pozn' } });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('?q=pozn'));
    expect(await screen.findByRole('link', { name: 'Poznań' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Znaleziono 1 organizację');
  });
});
