import { Role } from '@civitas/shared/domain';
import { ConfirmEmailChangeDocument } from '@civitas/web/data-access';
import { signedInAs } from '@civitas/web/data-access/testing';
import { screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ConfirmEmailChangePage } from './ConfirmEmailChangePage';
import { renderPage } from './testing';

const confirmed = {
  request: { query: ConfirmEmailChangeDocument, variables: { input: { token: 'tok' } } },
  result: {
    data: {
      confirmEmailChange: {
        __typename: 'AuthPayload',
        accessToken: 'fresh',
        accessTokenExpiresAt: '2030-01-01T00:00:00Z',
        user: {
          ...signedInAs(Role.CITY_OFFICIAL).getSnapshot().user!,
          email: 'nowy@gmina.example.pl',
        },
      },
    },
  },
};
const refused = (code: string) => ({
  request: { query: ConfirmEmailChangeDocument, variables: { input: { token: 'tok' } } },
  result: { errors: [new GraphQLError('refused', { extensions: { code } })] },
});

function open(mocks: Parameters<typeof renderPage>[1]['mocks'], route = '/c?token=tok') {
  return renderPage(<ConfirmEmailChangePage />, {
    path: '/c',
    route,
    session: signedInAs(Role.CITY_OFFICIAL),
    mocks,
  });
}

describe('ConfirmEmailChangePage', () => {
  it('changes the address from the link and carries on with the fresh session', async () => {
    const { session } = open([confirmed]);
    expect(await screen.findByText(/to teraz nowy@gmina\.example\.pl/)).toBeTruthy();
    expect(session.getSnapshot().user?.email).toBe('nowy@gmina.example.pl');
    expect(screen.getByRole('link', { name: 'Wróć do centrum prywatności' })).toBeTruthy();
  });

  it.each([
    ['TOKEN_EXPIRED', /Ten link wygasł/],
    ['TOKEN_USED', /został już użyty/],
    ['TOKEN_INVALID', /unieważniła go nowsza prośba o zmianę adresu lub nowe hasło/],
    ['CONFLICT', /już używany przez inne konto/],
  ])('explains a refused link (%s) and changes nothing', async (code, text) => {
    const { session } = open([refused(code)]);
    expect(await screen.findByText(text)).toBeTruthy();
    expect(session.getSnapshot().user?.email).toBe('someone@civitas.local');
  });

  it('says the code is missing when the link was cut', async () => {
    open([], '/c');
    expect(await screen.findByText(/brakuje kodu potwierdzenia/)).toBeTruthy();
  });
});
