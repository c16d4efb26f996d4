import { NotificationKind, Role } from '@civitas/shared/domain';
import { AuthSession, UnsubscribeDocument } from '@civitas/web/data-access';
import { screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { renderPage } from './testing';
import { UnsubscribePage } from './UnsubscribePage';

function open(route: string, mocks: Parameters<typeof renderPage>[1]['mocks'] = []) {
  return renderPage(<UnsubscribePage />, { path: '/unsubscribe', route, mocks });
}

describe('UnsubscribePage', () => {
  it('unsubscribes from one kind without signing in, and points to the settings', async () => {
    const called = vi.fn(() => ({ data: { unsubscribe: true } }));
    open('/unsubscribe?token=abc&kind=MENTION', [
      {
        request: {
          query: UnsubscribeDocument,
          variables: { token: 'abc', kind: NotificationKind.MENTION },
        },
        result: called,
      },
    ]);
    expect(
      await screen.findByText(/Nie będziesz już dostawać e-maili tego rodzaju: Wspomnienie\./),
    ).toBeTruthy();
    expect(called).toHaveBeenCalledTimes(1);
    expect(
      screen
        .getByRole('link', { name: 'Zaloguj się, aby zarządzać ustawieniami powiadomień' })
        .getAttribute('href'),
    ).toBe('/sign-in');
  });

  it('unsubscribes from every kind when the link names none', async () => {
    open('/unsubscribe?token=abc', [
      {
        request: { query: UnsubscribeDocument, variables: { token: 'abc', kind: null } },
        result: { data: { unsubscribe: true } },
      },
    ]);
    expect(
      await screen.findByText(/Nie będziesz już dostawać e-maili z powiadomieniami\./),
    ).toBeTruthy();
  });

  it('says clearly when the link is refused', async () => {
    open('/unsubscribe?token=stale&kind=MENTION', [
      {
        request: {
          query: UnsubscribeDocument,
          variables: { token: 'stale', kind: NotificationKind.MENTION },
        },
        result: {
          errors: [
            new GraphQLError('This unsubscribe link is not valid', {
              extensions: { code: 'TOKEN_INVALID' },
            }),
          ],
        },
      },
    ]);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Ten link do wypisania jest nieprawidłowy albo nieaktualny.',
    );
    expect(
      screen.getByRole('link', { name: 'Zaloguj się, aby zarządzać ustawieniami powiadomień' }),
    ).toBeTruthy();
  });

  it('refuses a link without its code, without asking the API', async () => {
    open('/unsubscribe');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'W linku brakuje kodu wypisania.',
    );
  });

  it('refuses an unknown kind without asking the API', async () => {
    open('/unsubscribe?token=abc&kind=EVERYTHING');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Ten link do wypisania jest nieprawidłowy',
    );
  });

  it('points a signed-in person to the settings page instead of signing in', async () => {
    const session = new AuthSession({ requestRefresh: () => Promise.reject(new Error('unused')) });
    session.establish({
      __typename: 'AuthPayload',
      accessToken: 't',
      accessTokenExpiresAt: '2030-01-01T00:00:00Z',
      user: {
        __typename: 'User',
        id: 'u1',
        email: 'someone@civitas.local',
        name: 'Maria Wiśniewska',
        role: Role.CITY_OFFICIAL,
        isLegalOfficer: false,
        locale: 'pl',
        position: null,
        department: null,
        phone: null,
        organisationId: 'poznan',
        organisation: { __typename: 'Organisation', id: 'poznan', name: 'Poznań' },
      },
    });
    renderPage(<UnsubscribePage />, {
      path: '/unsubscribe',
      route: '/unsubscribe?token=abc',
      session,
      mocks: [
        {
          request: { query: UnsubscribeDocument, variables: { token: 'abc', kind: null } },
          result: { data: { unsubscribe: true } },
        },
      ],
    });
    expect(
      (await screen.findByRole('link', { name: 'Przejdź do ustawień powiadomień' })).getAttribute(
        'href',
      ),
    ).toBe('/notifications');
  });
});
