import { GroupRole } from '@civitas/shared/domain';
import {
  DeleteDocumentDocument,
  DocumentSort,
  GroupDocumentQuotaDocument,
  GroupLibraryDocument,
  RenameDocumentDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GroupLibraryPage } from './GroupLibraryPage';
import { connection, folder, libraryDocument, person, renderPage, signedIn } from './testing';

const folders = [
  folder('f1', 'Raporty', null),
  folder('f2', '2026', 'f1'),
  folder('f3', 'Analizy', null),
];

function library(
  folderId: string | null,
  documents: ReturnType<typeof libraryDocument>[],
  viewerRole = GroupRole.MEMBER,
) {
  return {
    request: {
      query: GroupLibraryDocument,
      variables: {
        groupId: 'g1',
        folderId,
        sort: DocumentSort.Name,
        descending: false,
        first: 100,
      },
    },
    result: {
      data: {
        group: { __typename: 'WorkingGroup', id: 'g1', name: 'Edukacja', viewerRole },
        documentFolders: folders,
        documents: connection('Document', documents),
      },
    },
    maxUsageCount: 10,
  };
}

const quota = {
  request: { query: GroupDocumentQuotaDocument, variables: { groupId: 'g1' } },
  result: {
    data: {
      documentQuota: {
        __typename: 'DocumentQuota',
        groupId: 'g1',
        usedBytes: 1.5 * 1024 ** 3,
        limitBytes: 5 * 1024 ** 3,
        maxFileBytes: 100 * 1024 ** 2,
      },
    },
  },
  maxUsageCount: 10,
};

const plan = libraryDocument('d1', 'Plan sieci szkół.pdf', { folderId: 'f2', versionCount: 2 });
const notes = libraryDocument('d2', 'Notatki.docx', {
  folderId: 'f2',
  viewerCanEdit: false,
  createdBy: person('u2', 'Agnieszka Dąbrowska'),
  size: 3 * 1024 ** 2,
});

function render(mocks: object[], route = '/groups/g1/documents?folder=f2') {
  return renderPage(<GroupLibraryPage />, {
    path: '/groups/:groupId/documents',
    route,
    mocks: mocks as never,
    session: signedIn(),
  });
}

describe('GroupLibraryPage', () => {
  it('shows the breadcrumbs, the folder tree, the files and the quota', async () => {
    render([library('f2', [plan, notes]), quota]);
    await screen.findByRole('heading', { level: 1, name: 'Dokumenty grupy „Edukacja”' });
    const crumbs = screen.getByRole('navigation', { name: 'Ścieżka folderu' });
    expect(
      within(crumbs)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Wszystkie dokumenty', 'Raporty', '2026']);
    expect(within(crumbs).getByRole('link', { name: '2026' }).getAttribute('aria-current')).toBe(
      'page',
    );
    const tree = screen.getByRole('navigation', { name: 'Foldery' });
    expect(
      within(tree)
        .getByRole('link', { name: /Analizy/ })
        .getAttribute('href'),
    ).toBe('/groups/g1/documents?folder=f3');
    const table = screen.getByRole('table', { name: 'Plików w folderze: 2' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual([
      'Plan sieci szkół.pdf',
      'Notatki.docx',
    ]);
    expect(within(rows[1]).getByText('3 MB')).toBeTruthy();
    expect(within(rows[1]).getByText('Agnieszka Dąbrowska')).toBeTruthy();
    // Only what I may edit has rename/move/delete; everything downloads.
    expect(
      within(rows[0]).getByRole('button', { name: 'Zmień nazwę: Plan sieci szkół.pdf' }),
    ).toBeTruthy();
    expect(within(rows[1]).queryByRole('button', { name: /Zmień nazwę/ })).toBeNull();
    expect(
      within(rows[1]).getByRole('link', { name: 'Pobierz: Notatki.docx' }).getAttribute('href'),
    ).toBe('/api/documents/files/dl-d2');
    expect(
      within(rows[0]).getByRole('button', { name: 'Podgląd: Plan sieci szkół.pdf' }),
    ).toBeTruthy();
    expect(within(rows[1]).queryByRole('button', { name: /Podgląd/ })).toBeNull();
    expect(await screen.findByText('1,5 GB z 5 GB')).toBeTruthy();
    expect(
      screen
        .getByRole('progressbar', { name: 'Wykorzystane miejsce' })
        .getAttribute('aria-valuenow'),
    ).toBe('30');
  });

  it('sorts by author on the page shown', async () => {
    render([library('f2', [plan, notes]), quota]);
    const table = await screen.findByRole('table', { name: 'Plików w folderze: 2' });
    fireEvent.click(within(table).getByRole('button', { name: 'Sortuj według: Autor' }));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]).getByText('Agnieszka Dąbrowska')).toBeTruthy();
    expect(within(table).getAllByRole('columnheader')[3].getAttribute('aria-sort')).toBe(
      'ascending',
    );
  });

  it('renames a file (the extension stays)', async () => {
    const renamed = { ...plan, name: 'Plan sieci 2027.pdf' };
    render([
      library('f2', [plan]),
      quota,
      {
        request: {
          query: RenameDocumentDocument,
          variables: { id: 'd1', name: 'Plan sieci 2027' },
        },
        result: { data: { renameDocument: renamed } },
      },
    ]);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Zmień nazwę: Plan sieci szkół.pdf' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Zmień nazwę: Plan sieci szkół.pdf' });
    const input = within(dialog).getByLabelText(/^Nowa nazwa/);
    expect((input as HTMLInputElement).value).toBe('Plan sieci szkół');
    expect(
      within(dialog).getByText('Rozszerzenie („.pdf”) zostaje, bo mówi, czym jest plik.'),
    ).toBeTruthy();
    fireEvent.change(input, { target: { value: 'Plan sieci 2027' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Zapisz' }));
    expect(await screen.findByText('Zmieniono nazwę na „Plan sieci 2027”.')).toBeTruthy();
  });

  it('moves a file to the trash after confirmation', async () => {
    render([
      library('f2', [plan]),
      quota,
      {
        request: { query: DeleteDocumentDocument, variables: { id: 'd1' } },
        result: {
          data: {
            deleteDocument: { __typename: 'Document', id: 'd1', deletedAt: '2026-05-02T10:00:00Z' },
          },
        },
      },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Usuń: Plan sieci szkół.pdf' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Przenieść „Plan sieci szkół.pdf” do kosza?',
    });
    expect(within(dialog).getByText(/Kosz przechowuje pliki przez 30 dni/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Usuń' }));
    expect(await screen.findByText('Przeniesiono „Plan sieci szkół.pdf” do kosza.')).toBeTruthy();
  });

  it('says "not found" for a library I may not read', async () => {
    renderPage(<GroupLibraryPage />, {
      path: '/groups/:groupId/documents',
      route: '/groups/g9/documents',
      session: signedIn(),
      mocks: [
        {
          request: {
            query: GroupLibraryDocument,
            variables: {
              groupId: 'g9',
              folderId: null,
              sort: DocumentSort.Name,
              descending: false,
              first: 100,
            },
          },
          result: {
            errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] as never,
          },
        },
        { ...quota, request: { ...quota.request, variables: { groupId: 'g9' } } },
      ],
    });
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain(
        'Nie znaleziono biblioteki tej grupy albo nie masz do niej dostępu.',
      ),
    );
  });
});
