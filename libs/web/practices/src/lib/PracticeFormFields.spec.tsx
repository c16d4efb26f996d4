import { Role } from '@civitas/shared/domain';
import {
  DeletePracticeAttachmentDocument,
  GoodPracticeDocument,
  PracticeAreasDocument,
  PracticeContactOptionsDocument,
  PracticeDocumentsDocument,
  PracticePartnerOptionsDocument,
  RestorePracticeAttachmentDocument,
  UpdatePracticeDraftDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { practiceDetail } from './fixtures';
import { PracticeFormPage } from './PracticeFormPage';
import { renderPage, signedInAs } from './testing';

const areas = {
  request: { query: PracticeAreasDocument },
  maxUsageCount: 5,
  result: { data: { practiceAreas: [] } },
};

function town(id: string, name: string, over: Record<string, unknown> = {}) {
  return {
    __typename: 'OrganisationEdge',
    node: {
      __typename: 'Organisation',
      id,
      name,
      kind: 'CITY_WITH_POWIAT_RIGHTS',
      membershipStatus: 'MEMBER',
      voivodeship: { __typename: 'Voivodeship', code: '30', name: 'wielkopolskie' },
      ...over,
    },
  };
}

function person(id: string, name: string) {
  return { __typename: 'PersonEdge', node: { __typename: 'Person', id, name } };
}

/** The edit page of draft p1 of Łódź with autosaves recorded in `updates`. */
function renderDraft(updates: unknown[], extra: object[] = [], over = {}) {
  return renderPage(<PracticeFormPage />, {
    path: '/practices/:practiceId/edit',
    route: '/practices/p1/edit',
    session: signedInAs(Role.CITY_OFFICIAL),
    mocks: [
      areas,
      {
        request: { query: GoodPracticeDocument, variables: { id: 'p1' } },
        result: {
          data: {
            goodPractice: practiceDetail({
              contactPerson: {
                __typename: 'PracticePerson',
                id: 'u1',
                name: 'Maria Wiśniewska',
                position: null,
                organisationId: 'lodz',
              },
              ...over,
            }),
          },
        },
      },
      {
        request: { query: UpdatePracticeDraftDocument, variables: () => true },
        maxUsageCount: 10,
        result: (vars: unknown) => {
          updates.push(vars);
          return {
            data: {
              updatePracticeDraft: {
                __typename: 'GoodPractice',
                id: 'p1',
                updatedAt: '2024-01-10T10:00:01Z',
              },
            },
          };
        },
      },
      ...(extra as never[]),
    ],
  });
}

describe('PracticeFormPage: partners, contact person, links, attachments', () => {
  it('finds partner towns by name (not the office, not the own city) and autosaves their ids', async () => {
    const updates: unknown[] = [];
    renderDraft(updates, [
      {
        request: {
          query: PracticePartnerOptionsDocument,
          variables: { search: 'pozn', first: 20 },
        },
        result: {
          data: {
            organisations: {
              __typename: 'OrganisationConnection',
              edges: [
                town('poznan', 'Poznań'),
                town('lodz', 'Łódź'),
                town('office', 'Biuro Związku', { kind: 'ASSOCIATION_OFFICE', voivodeship: null }),
                town('poznanska', 'Poznańska Wola', {
                  kind: 'RURAL_GMINA',
                  membershipStatus: 'NON_MEMBER',
                }),
              ],
            },
          },
        },
      },
    ]);
    const input = await screen.findByRole('combobox', { name: /^Miasta partnerskie/ });
    expect(screen.getByText(/Wpisz co najmniej 2 litery nazwy miejscowości/)).toBeTruthy();
    // Typed, not written from outside (Mantine ignores changes to an input without focus).
    input.focus();
    fireEvent.change(input, { target: { value: 'pozn' } });
    const option = await screen.findByRole('option', {
      name: 'Poznań (wielkopolskie) — członek Związku',
    });
    expect(screen.getByRole('option', { name: 'Poznańska Wola (wielkopolskie)' })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /Łódź/ })).toBeNull();
    expect(screen.queryByRole('option', { name: /Biuro/ })).toBeNull();
    fireEvent.click(option);
    await waitFor(() => expect(updates).toHaveLength(1), { timeout: 4000 });
    expect(updates[0]).toEqual({ id: 'p1', input: { partnerCityIds: ['poznan'] } });
  });

  it('shows the partners a saved draft has', async () => {
    const updates: unknown[] = [];
    renderDraft(updates, [], {
      partnerCities: [{ __typename: 'PracticeCity', id: 'gdansk', name: 'Gdańsk' }],
    });
    expect(await screen.findByText('Gdańsk')).toBeTruthy();
  });

  it('keeps showing an area the office retired after the draft was filed under it', async () => {
    renderDraft([], [], {
      area: {
        __typename: 'PracticeArea',
        code: 'SPORT',
        name: 'Sport',
        nameEn: 'Sport',
      },
    });
    const area = (await screen.findByRole('combobox', { name: /^Obszar/ })) as HTMLInputElement;
    await waitFor(() => expect(area.value).toBe('Sport (obszar wycofany)'));
  });

  it('lets the author choose another person of the city as the contact', async () => {
    const updates: unknown[] = [];
    renderDraft(updates, [
      {
        request: {
          query: PracticeContactOptionsDocument,
          variables: { organisationId: 'lodz', search: null, first: 50 },
        },
        maxUsageCount: 5,
        result: {
          data: {
            people: {
              __typename: 'PersonConnection',
              edges: [person('u1', 'Maria Wiśniewska'), person('u7', 'Jan Nowak')],
            },
          },
        },
      },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: '6. Kontakt i linki' }));
    const picker = screen.getByRole('combobox', { name: /^Osoba kontaktowa/ }) as HTMLInputElement;
    expect(picker.value).toBe('Maria Wiśniewska');
    fireEvent.click(picker);
    fireEvent.click(await screen.findByRole('option', { name: 'Jan Nowak' }));
    await waitFor(() => expect(updates).toHaveLength(1), { timeout: 4000 });
    expect(updates[0]).toEqual({ id: 'p1', input: { contactPersonId: 'u7' } });
  });

  it('says what is wrong with a link, saves only whole links, and saves removing one', async () => {
    const updates: unknown[] = [];
    renderDraft(updates, [], {
      links: [{ __typename: 'PracticeLink', label: 'Strona CUW', url: 'https://cuw.lodz.pl' }],
    });
    fireEvent.click(await screen.findByRole('button', { name: '6. Kontakt i linki' }));
    fireEvent.click(screen.getByRole('button', { name: 'Dodaj link' }));
    fireEvent.change(screen.getByLabelText(/^Opis 2/), { target: { value: 'Uchwała' } });
    fireEvent.change(screen.getByLabelText(/^Adres \(http\/https\) 2/), {
      target: { value: 'bip.lodz.pl/uchwala' },
    });
    expect(
      await screen.findByText('Podaj adres zaczynający się od http:// lub https://'),
    ).toBeTruthy();
    // Nothing is sent while a link is not whole.
    await new Promise((r) => setTimeout(r, 1800));
    expect(updates).toEqual([]);
    fireEvent.change(screen.getByLabelText(/^Adres \(http\/https\) 2/), {
      target: { value: 'https://bip.lodz.pl/uchwala' },
    });
    await waitFor(() => expect(updates).toHaveLength(1), { timeout: 4000 });
    expect(updates[0]).toEqual({
      id: 'p1',
      input: {
        links: [
          { label: 'Strona CUW', url: 'https://cuw.lodz.pl' },
          { label: 'Uchwała', url: 'https://bip.lodz.pl/uchwala' },
        ],
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Usuń link 1' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Dodaj link' }));
    await waitFor(() => expect(updates).toHaveLength(2), { timeout: 4000 });
    expect(updates[1]).toEqual({
      id: 'p1',
      input: { links: [{ label: 'Uchwała', url: 'https://bip.lodz.pl/uchwala' }] },
    });
  });

  it('removes an attachment at once and says so, and restores it with one click', async () => {
    const deletes: unknown[] = [];
    const restores: unknown[] = [];
    const files = (withFile: boolean) => ({
      data: {
        documents: {
          __typename: 'DocumentConnection',
          edges: withFile
            ? [
                {
                  __typename: 'DocumentEdge',
                  node: {
                    __typename: 'Document',
                    id: 'd1',
                    name: 'raport.pdf',
                    size: 1200,
                    downloadUrl: '/files/d1',
                  },
                },
              ]
            : [],
        },
      },
    });
    renderDraft(
      [],
      [
        {
          request: { query: PracticeDocumentsDocument, variables: { ownerId: 'p1' } },
          result: files(true),
        },
        {
          request: { query: DeletePracticeAttachmentDocument, variables: { id: 'd1' } },
          result: () => {
            deletes.push('d1');
            return { data: { deleteDocument: { __typename: 'Document', id: 'd1' } } };
          },
        },
        {
          request: { query: PracticeDocumentsDocument, variables: { ownerId: 'p1' } },
          result: files(false),
        },
        {
          request: { query: RestorePracticeAttachmentDocument, variables: { id: 'd1' } },
          result: () => {
            restores.push('d1');
            return { data: { restoreDocument: { __typename: 'Document', id: 'd1' } } };
          },
        },
        {
          request: { query: PracticeDocumentsDocument, variables: { ownerId: 'p1' } },
          result: files(true),
        },
      ],
    );
    fireEvent.click(await screen.findByRole('button', { name: '7. Załączniki' }));
    expect(await screen.findByRole('link', { name: 'raport.pdf' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Usuń plik raport.pdf' }));
    const status = await screen.findByText('Usunięto plik raport.pdf.');
    expect(status.closest('[aria-live="polite"]')).toBeTruthy();
    expect(deletes).toEqual(['d1']);
    expect(screen.queryByRole('link', { name: 'raport.pdf' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Przywróć plik raport.pdf' }));
    expect(await screen.findByText('Przywrócono plik raport.pdf.')).toBeTruthy();
    expect(restores).toEqual(['d1']);
    expect(await screen.findByRole('link', { name: 'raport.pdf' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Przywróć plik raport.pdf' })).toBeNull();
  });
});
