import { Role } from '@civitas/shared/domain';
import { DeletePositionAttachmentDocument } from '@civitas/web/data-access';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { filesOf, loaded, positionPage } from './fixtures';
import { PositionFormPage } from './PositionFormPage';
import { renderPage, signedInAs } from './testing';

describe('PositionFormPage: attached files', () => {
  it('editing lists the files; removing one does it at once, says so and moves focus to the file field', async () => {
    renderPage(<PositionFormPage mode="edit" />, {
      path: '/positions/:id/edit',
      route: '/positions/p1/edit',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [
        loaded(positionPage()),
        filesOf('stanowisko.pdf', 'załącznik.docx'),
        {
          request: { query: DeletePositionAttachmentDocument, variables: { id: 'd2' } },
          result: { data: { deleteDocument: { __typename: 'Document' as const, id: 'd2' } } },
        },
        filesOf('stanowisko.pdf'),
      ],
    });
    expect(await screen.findByRole('link', { name: 'załącznik.docx' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Usuń plik załącznik.docx' }));
    expect(await screen.findByText('Usunięto plik załącznik.docx.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'załącznik.docx' })).toBeNull();
    expect(screen.getByRole('link', { name: 'stanowisko.pdf' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.id).toBe('position-file'));
  });

  it('a refused removal is said and the file stays listed', async () => {
    renderPage(<PositionFormPage mode="edit" />, {
      path: '/positions/:id/edit',
      route: '/positions/p1/edit',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [
        loaded(positionPage()),
        filesOf('stanowisko.pdf'),
        {
          request: { query: DeletePositionAttachmentDocument, variables: { id: 'd1' } },
          result: {
            errors: [{ message: 'Document not found', extensions: { code: 'NOT_FOUND' } } as never],
          },
        },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Usuń plik stanowisko.pdf' }));
    expect(await screen.findByText(/Nie udało się usunąć pliku stanowisko\.pdf: .+/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'stanowisko.pdf' })).toBeTruthy();
  });

  it('a new entry has no files to list yet', async () => {
    renderPage(<PositionFormPage mode="new" />, {
      path: '/positions/new',
      session: signedInAs(Role.OFFICE_ADMIN),
    });
    expect(await screen.findByLabelText('Plik dokumentu (PDF, DOCX, ODT…)')).toBeTruthy();
    expect(screen.queryByText('Załączone pliki')).toBeNull();
  });
});
