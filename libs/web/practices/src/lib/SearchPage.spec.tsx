import { Role } from '@civitas/shared/domain';
import { PracticeAreasDocument, SearchPracticesDocument } from '@civitas/web/data-access';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { facet, practiceItem } from './fixtures';
import { SearchPage } from './SearchPage';
import { LocationProbe, renderPage, signedInAs } from './testing';

interface Vars {
  query: string | null;
  filter: { areas?: string[] };
  sort: string;
}

function searchMock(calls: Vars[], snippet = 'Ocieplenie <mark>szkół</mark> w Łodzi') {
  return {
    request: { query: SearchPracticesDocument, variables: () => true },
    maxUsageCount: 20,
    result: (vars: Vars) => {
      calls.push(vars);
      const areaSelected = vars.filter.areas?.includes('ENERGY_EFFICIENCY') ?? false;
      return {
        data: {
          searchPractices: {
            __typename: 'PracticeSearchResult',
            totalCount: 1,
            didYouMean: vars.query === 'szkloy' ? 'szkoły' : null,
            sort: vars.sort,
            pageInfo: { __typename: 'PracticeSearchPageInfo', endCursor: 'c1', hasNextPage: false },
            edges: [
              {
                __typename: 'PracticeSearchEdge',
                cursor: 'c1',
                highlight: vars.query
                  ? {
                      __typename: 'PracticeHighlight',
                      title: 'Termomodernizacja <mark>szkół</mark>',
                      snippet,
                    }
                  : null,
                node: practiceItem(),
              },
            ],
            facets: {
              __typename: 'PracticeFacets',
              areas: [
                facet('ENERGY_EFFICIENCY', 'Efektywność energetyczna', 12, areaSelected),
                facet('SOCIAL_SERVICES', 'Usługi społeczne', 4),
              ],
              voivodeships: [facet('10', 'łódzkie', 5)],
              sizeClasses: [facet('CITY_WITH_POWIAT_RIGHTS', 'miasto na prawach powiatu', 9)],
              years: [facet('2022', '2022', 3)],
              verificationSources: [facet('COMPETITION', 'konkurs', 2)],
            },
          },
        },
      };
    },
  };
}

const areasMock = {
  request: { query: PracticeAreasDocument },
  maxUsageCount: 5,
  result: {
    data: {
      practiceAreas: [
        {
          __typename: 'PracticeArea',
          code: 'ENERGY_EFFICIENCY',
          name: 'Efektywność energetyczna',
          nameEn: 'Energy efficiency',
          active: true,
          position: 1,
        },
      ],
    },
  },
};

function render(route: string, calls: Vars[], snippet?: string, language?: 'pl' | 'en') {
  return renderPage(
    <>
      <SearchPage />
      <LocationProbe />
    </>,
    {
      path: '/practices',
      route,
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [searchMock(calls, snippet), areasMock],
      language,
    },
  );
}

describe('SearchPage', () => {
  it('searches what the URL holds and announces the count', async () => {
    const calls: Vars[] = [];
    render('/practices?q=szko%C5%82y&area=ENERGY_EFFICIENCY&sort=newest', calls);
    expect(await screen.findByText('Znaleziono 1 praktykę')).toBeTruthy();
    expect(calls[0]).toMatchObject({
      query: 'szkoły',
      filter: { areas: ['ENERGY_EFFICIENCY'] },
      sort: 'NEWEST',
      first: 20,
    });
    expect((screen.getByLabelText('Szukaj praktyk') as HTMLInputElement).value).toBe('szkoły');
    expect(screen.getByText('Znaleziono 1 praktykę').closest('[role="status"]')).toBeTruthy();
  });

  it('toggles a facet into the URL and out again, each facet a fieldset with counts', async () => {
    const calls: Vars[] = [];
    render('/practices?q=szkoly', calls);
    const box = await screen.findByRole('checkbox', { name: 'Efektywność energetyczna (12)' });
    const group = screen.getByRole('group', { name: 'Obszar' });
    expect(group.tagName).toBe('FIELDSET');
    fireEvent.click(box);
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(
        '/practices?q=szkoly&area=ENERGY_EFFICIENCY',
      ),
    );
    await waitFor(() =>
      expect(calls.at(-1)).toMatchObject({ filter: { areas: ['ENERGY_EFFICIENCY'] } }),
    );
    await waitFor(() =>
      expect(
        (
          screen.getByRole('checkbox', {
            name: 'Efektywność energetyczna (12)',
          }) as HTMLInputElement
        ).checked,
      ).toBe(true),
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Efektywność energetyczna (12)' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/practices?q=szkoly'),
    );
  });

  it('translates facet labels and area names in English', async () => {
    render('/practices', [], undefined, 'en');
    expect(await screen.findByRole('checkbox', { name: 'Energy efficiency (12)' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'City with powiat rights (9)' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Competition (2)' })).toBeTruthy();
  });

  it('marks matches but never turns a snippet into markup', async () => {
    const { container } = render(
      '/practices?q=szkoly',
      [],
      '&lt;img src=x onerror=alert(1)&gt; <script>alert(1)</script> <mark>szkół</mark>',
    );
    await screen.findByText('Znaleziono 1 praktykę');
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(/<script>alert\(1\)<\/script>/)).toBeTruthy();
    const marks = [...container.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['szkół', 'szkół']);
  });

  it('offers the did-you-mean search as a link and changes the order through the URL', async () => {
    render('/practices?q=szkloy', []);
    const link = await screen.findByRole('link', { name: 'szkoły' });
    expect(link.getAttribute('href')).toBe('/practices?q=szko%C5%82y');
    fireEvent.click(screen.getByText('Najnowsze'));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/practices?q=szkloy&sort=newest'),
    );
  });
});
