import { Role } from '@civitas/shared/domain';
import {
  BookmarkPracticeDocument,
  ExpressPracticeInterestDocument,
  GoodPracticeDocument,
  PracticeDocumentsDocument,
  SimilarPracticesDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { practiceDetail, practiceItem } from './fixtures';
import { PracticePage } from './PracticePage';
import { renderPage, signedInAs } from './testing';

const published = practiceDetail({
  id: 'p1',
  status: 'PUBLISHED',
  organisationId: 'poznan',
  problem: 'Zimne szkoły.',
  costGrosze: 25_000_050,
  funding: [{ __typename: 'PracticeFunding', source: 'budżet miasta', amountGrosze: 10_000 }],
  interestCount: 2,
  viewerCanEdit: false,
  partnerCities: [
    { __typename: 'PracticeCity', id: 'gdansk', name: 'Gdańsk' },
    { __typename: 'PracticeCity', id: 'lodz', name: 'Łódź' },
  ],
  contactPerson: {
    __typename: 'PracticePerson',
    id: 'u3',
    name: 'Piotr Kowalski',
    position: 'Pełnomocnik prezydenta',
    organisationId: 'poznan',
  },
  city: {
    __typename: 'PracticeCity',
    id: 'poznan',
    name: 'Poznań',
    voivodeship: 'wielkopolskie',
    sizeClass: 'CITY_WITH_POWIAT_RIGHTS',
  },
});

function render(interest: unknown[]) {
  return renderPage(<PracticePage />, {
    path: '/practices/:practiceId',
    route: '/practices/p1',
    session: signedInAs(Role.CITY_OFFICIAL),
    mocks: [
      {
        request: { query: GoodPracticeDocument, variables: { id: 'p1' } },
        result: { data: { goodPractice: published } },
      },
      {
        request: { query: SimilarPracticesDocument, variables: { id: 'p1' } },
        result: {
          data: { similarPractices: [practiceItem({ id: 'p2', title: 'Ciepłe przedszkola' })] },
        },
      },
      {
        request: { query: PracticeDocumentsDocument, variables: { ownerId: 'p1' } },
        result: {
          data: {
            documents: {
              __typename: 'DocumentConnection',
              edges: [
                {
                  __typename: 'DocumentEdge',
                  node: {
                    __typename: 'Document',
                    id: 'd1',
                    name: 'raport.pdf',
                    size: 10,
                    downloadUrl: '/api/documents/d1/content?sig=x',
                  },
                },
              ],
            },
          },
        },
      },
      {
        request: { query: BookmarkPracticeDocument, variables: { id: 'p1' } },
        result: {
          data: {
            bookmarkPractice: { __typename: 'GoodPractice', id: 'p1', viewerBookmarked: true },
          },
        },
      },
      {
        request: { query: ExpressPracticeInterestDocument, variables: () => true },
        result: (vars: unknown) => {
          interest.push(vars);
          return {
            data: {
              expressPracticeInterest: {
                __typename: 'GoodPractice',
                id: 'p1',
                interestCount: 3,
                viewerCityInterested: true,
              },
            },
          };
        },
      },
    ],
  });
}

describe('PracticePage', () => {
  it('shows the fields in PLN, attachments and similar practices; bookmarks; says we want to adopt it', async () => {
    const interest: unknown[] = [];
    render(interest);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Termomodernizacja szkół' }),
    ).toBeTruthy();
    expect(screen.getByText(/250\s000,50\szł/)).toBeTruthy();
    expect(screen.getByText(/budżet miasta: 100,00\szł/)).toBeTruthy();
    // Partner cities lead to their city pages; the contact person is named with the position.
    expect(screen.getByRole('link', { name: 'Gdańsk' }).getAttribute('href')).toBe(
      '/cities/gdansk',
    );
    expect(screen.getByRole('link', { name: 'Łódź' }).getAttribute('href')).toBe('/cities/lodz');
    expect(screen.getByText('Piotr Kowalski, Pełnomocnik prezydenta')).toBeTruthy();
    expect(
      (await screen.findByRole('link', { name: 'Pobierz raport.pdf' })).getAttribute('href'),
    ).toBe('/api/documents/d1/content?sig=x');
    expect(await screen.findByRole('link', { name: 'Ciepłe przedszkola' })).toBeTruthy();
    expect(screen.getByText('2 miasta chcą ją wdrożyć')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Dodaj do zakładek' }));
    expect(await screen.findByText('Dodano do zakładek.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'W zakładkach' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Chcemy to wdrożyć' }));
    fireEvent.change(await screen.findByLabelText(/Wiadomość do osoby kontaktowej/), {
      target: { value: 'Porozmawiajmy.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Wyślij' }));
    await waitFor(() =>
      expect(interest).toEqual([{ id: 'p1', input: { message: 'Porozmawiajmy.' } }]),
    );
    expect(await screen.findByText('3 miasta chcą ją wdrożyć')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Chcemy to wdrożyć' })).toBeNull();
  });
});
