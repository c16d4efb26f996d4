import { Role } from '@civitas/shared/domain';
import {
  DeletePositionStatementDocument,
  PositionStatementDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, within } from '@testing-library/react';
import { Link } from 'react-router';
import { describe, expect, it } from 'vitest';
import { filesOf, loaded, positionPage } from './fixtures';
import { PositionPage } from './PositionPage';
import { renderPage, signedInAs } from './testing';

describe('PositionPage: deleting', () => {
  it('the office deletes after confirming (told the consultation stays), then sees the list', async () => {
    renderPage(<PositionPage />, {
      path: '/positions/:id',
      route: '/positions/p1',
      session: signedInAs(Role.OFFICE_ADMIN),
      otherRoutes: { '/positions': <p>Biblioteka dokumentów</p> },
      mocks: [
        loaded(positionPage({ consultationId: 'c1' })),
        filesOf('stanowisko.pdf'),
        {
          request: { query: DeletePositionStatementDocument, variables: { id: 'p1' } },
          result: { data: { deletePositionStatement: 'p1' } },
        },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Usuń' }));
    const dialog = await screen.findByRole('dialog', { name: 'Usunąć dokument?' });
    expect(
      within(dialog).getByText(
        /„Stanowisko w sprawie dochodów JST” zostanie usunięty na stałe, razem z jego plikami\. Konsultacja, z której go przyjęto, zostaje/,
      ),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Usuń dokument' }));
    expect(await screen.findByText('Biblioteka dokumentów')).toBeTruthy();
  });

  it('forgets the deleted position: going back to it asks the API again, which no longer has it', async () => {
    renderPage(<PositionPage />, {
      path: '/positions/:id',
      route: '/positions/p1',
      session: signedInAs(Role.OFFICE_ADMIN),
      otherRoutes: {
        '/positions': (
          <p>
            Biblioteka dokumentów <Link to="/positions/p1">wróć</Link>
          </p>
        ),
      },
      mocks: [
        loaded(positionPage()),
        filesOf(),
        {
          request: { query: DeletePositionStatementDocument, variables: { id: 'p1' } },
          result: { data: { deletePositionStatement: 'p1' } },
        },
        {
          request: { query: PositionStatementDocument, variables: { id: 'p1' } },
          result: {
            errors: [{ message: 'Position not found', extensions: { code: 'NOT_FOUND' } } as never],
          },
        },
        filesOf(),
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Usuń' }));
    const dialog = await screen.findByRole('dialog', { name: 'Usunąć dokument?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Usuń dokument' }));
    fireEvent.click(await screen.findByRole('link', { name: 'wróć' }));
    expect(await screen.findByText(/Nie znaleziono szukanego zasobu/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Stanowisko w sprawie dochodów JST' })).toBeNull();
  });

  it('cancelling deletes nothing; a refusal is said in the dialog and the page stays', async () => {
    renderPage(<PositionPage />, {
      path: '/positions/:id',
      route: '/positions/p1',
      session: signedInAs(Role.OFFICE_ADMIN),
      otherRoutes: { '/positions': <p>Biblioteka dokumentów</p> },
      mocks: [
        loaded(positionPage()),
        filesOf(),
        {
          request: { query: DeletePositionStatementDocument, variables: { id: 'p1' } },
          result: {
            errors: [{ message: 'Position not found', extensions: { code: 'NOT_FOUND' } } as never],
          },
        },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Usuń' }));
    let dialog = await screen.findByRole('dialog', { name: 'Usunąć dokument?' });
    expect(within(dialog).queryByText(/Konsultacja/)).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Anuluj' }));
    expect(
      screen.getByRole('heading', { level: 1, name: 'Stanowisko w sprawie dochodów JST' }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Usuń' }));
    dialog = await screen.findByRole('dialog', { name: 'Usunąć dokument?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Usuń dokument' }));
    expect(
      await within(dialog).findByText(/zostanie usunięty na stałe, razem z jego plikami\. .+/),
    ).toBeTruthy();
    expect(screen.queryByText('Biblioteka dokumentów')).toBeNull();
  });

  it('nobody but the office is offered to edit or delete', async () => {
    renderPage(<PositionPage />, {
      path: '/positions/:id',
      route: '/positions/p1',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [loaded(positionPage()), filesOf()],
    });
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Usuń' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edytuj' })).toBeNull();
  });
});
