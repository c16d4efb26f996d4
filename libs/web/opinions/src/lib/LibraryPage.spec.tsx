import { OpinionAreaOfLaw, Role } from '@civitas/shared/domain';
import { OpinionLibraryFacetsDocument, PublishedOpinionsDocument } from '@civitas/web/data-access';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { connection, publishedOpinion } from './fixtures';
import { LibraryPage } from './LibraryPage';
import { renderPage, signedInAs } from './testing';

const facets = {
  request: { query: OpinionLibraryFacetsDocument },
  result: {
    data: {
      opinionLibraryFacets: {
        __typename: 'OpinionLibraryFacets',
        areasOfLaw: [OpinionAreaOfLaw.HOUSING, OpinionAreaOfLaw.LOCAL_GOVERNMENT],
        years: [2026, 2025],
        acts: ['Ustawa o samorządzie gminnym'],
      },
    },
  },
};

const page = (variables: Record<string, unknown>, nodes: object[]) => ({
  request: {
    query: PublishedOpinionsDocument,
    variables: { search: null, areaOfLaw: null, year: null, act: null, first: 25, ...variables },
  },
  result: { data: { publishedOpinions: connection('PublishedOpinion', nodes as never[]) } },
});

describe('LibraryPage', () => {
  it('searches, marks the matches from the snippet without running its HTML, and filters', async () => {
    const hit = publishedOpinion({
      id: 'p2',
      subject: 'Najem okazjonalny lokali z zasobu gminy',
      areaOfLaw: OpinionAreaOfLaw.HOUSING,
      redacted: true,
      cityName: null,
      snippetHtml:
        'Gmina może zawrzeć umowę <mark>najmu</mark> okazjonalnego &lt;script&gt;alert(1)&lt;/script&gt;<img src=x onerror=alert(1)>',
    });
    const { container } = renderPage(<LibraryPage />, {
      path: '/opinions/library',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [
        facets,
        page({}, [publishedOpinion()]),
        page({ search: 'najem' }, [hit]),
        page({ search: 'najem', areaOfLaw: OpinionAreaOfLaw.HOUSING }, [hit]),
      ],
    });
    expect(await screen.findByText('Znaleziono 1 opinię')).toBeTruthy();
    expect(
      screen.getByRole('link', {
        name: 'Zmiana nazwy ulicy a koszty wymiany dokumentów mieszkańców',
      }),
    ).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^Szukaj w opiniach/), { target: { value: 'najem' } });
    fireEvent.click(screen.getByRole('button', { name: 'Szukaj' }));
    const result = (await screen.findByRole('link', { name: hit.subject })).closest(
      'article',
    ) as HTMLElement;
    expect(within(result).getByText('Kopia zanonimizowana')).toBeTruthy();
    const marks = result.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['najmu']);
    // The escaped script and the stray tag are text, never elements.
    expect(result.querySelector('script, img')).toBeNull();
    expect(result.textContent).toContain('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(container.querySelector('img[onerror]')).toBeNull();

    fireEvent.click(screen.getByRole('combobox', { name: /^Dziedzina prawa/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Mieszkalnictwo' }));
    expect(await screen.findByRole('link', { name: hit.subject })).toBeTruthy();
  });

  it('says when nothing was found', async () => {
    renderPage(<LibraryPage />, {
      path: '/opinions/library',
      route: '/opinions/library?q=xyz',
      session: signedInAs(Role.EXPERT),
      mocks: [facets, page({ search: 'xyz' }, [])],
    });
    expect(await screen.findByText('Nie znaleziono opinii.')).toBeTruthy();
    expect(screen.getByText('Znaleziono 0 opinii')).toBeTruthy();
  });
});
