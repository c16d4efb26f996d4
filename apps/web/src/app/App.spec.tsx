import { MockedProvider } from '@apollo/client/testing/react';
import { Role } from '@civitas/shared/domain';
import {
  ApiRequestError,
  AuthSession,
  createCache,
  SessionProvider,
  type SessionPayload,
} from '@civitas/web/data-access';
import { CivitasUiProvider } from '@civitas/web/ui';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MemoryRouter } from 'react-router';
import { createAppI18n } from './i18n';
import { AppRoutes } from './routes';

function payload(role: Role): SessionPayload {
  return {
    __typename: 'AuthPayload',
    accessToken: 't',
    accessTokenExpiresAt: '2030-01-01T00:00:00Z',
    user: {
      __typename: 'User',
      id: 'u1',
      email: 'x@civitas.local',
      name: 'Ewa Mazur',
      role,
      isLegalOfficer: false,
      locale: 'pl',
      position: null,
      department: null,
      phone: null,
      organisationId: 'o1',
      organisation: { __typename: 'Organisation', id: 'o1', name: 'Kutno' },
    },
  };
}

function renderApp(route: string, session: AuthSession) {
  return render(
    <CivitasUiProvider i18n={createAppI18n({ language: 'pl', persist: false })} env="test">
      <MockedProvider mocks={[]} cache={createCache()}>
        <SessionProvider session={session}>
          <MemoryRouter initialEntries={[route]}>
            <AppRoutes />
          </MemoryRouter>
        </SessionProvider>
      </MockedProvider>
    </CivitasUiProvider>,
  );
}

const noSession = () =>
  new AuthSession({
    requestRefresh: () =>
      Promise.reject(new ApiRequestError({ code: 'UNAUTHENTICATED', message: '', fields: [] })),
  });

describe('routes', () => {
  it('sends a visitor without a session from a signed-in page to the sign-in page', async () => {
    renderApp('/cities?q=lodz', noSession());
    expect(await screen.findByRole('heading', { level: 1, name: 'Zaloguj się' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Przejdź do treści' })).toBeTruthy();
  });

  it('shows a guest only what their role allows', async () => {
    const session = noSession();
    session.establish(payload(Role.GUEST));
    renderApp('/admin/invitations', session);
    expect(await screen.findByRole('heading', { level: 1, name: 'Brak dostępu' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Menu główne' });
    // Guests take part in working groups open to guests, are invited to information meetings,
    // read the association's positions and, like everyone, have a privacy centre.
    expect([...nav.querySelectorAll('a')].map((a) => a.textContent)).toEqual([
      'Grupy',
      'Wydarzenia',
      'Stanowiska',
      'Mój profil',
      'Prywatność',
    ]);
  });

  it('shows an office admin the whole menu', async () => {
    const session = noSession();
    session.establish(payload(Role.OFFICE_ADMIN));
    renderApp('/nowhere', session);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Nie znaleziono strony' }),
    ).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Menu główne' });
    expect([...nav.querySelectorAll('a')].map((a) => a.textContent)).toEqual([
      'Katalog miast',
      'Osoby',
      'Grupy',
      'Opinie prawne',
      'Dobre praktyki',
      'Trybunał Konstytucyjny',
      'Wydarzenia',
      'Stanowiska',
      'Zaproszenia',
      'Newsletter',
      'Ochrona danych',
      'Mój profil',
      'Prywatność',
    ]);
  });

  it('shows a city admin the invitations menu', async () => {
    const session = noSession();
    session.establish(payload(Role.CITY_ADMIN));
    renderApp('/nowhere', session);
    await screen.findByRole('heading', { level: 1, name: 'Nie znaleziono strony' });
    const nav = screen.getByRole('navigation', { name: 'Menu główne' });
    expect([...nav.querySelectorAll('a')].map((a) => a.textContent)).toContain('Zaproszenia');
  });
});
