import { Role } from '@civitas/shared/domain';
import { MyPendingEmailChangeDocument, RequestEmailChangeDocument } from '@civitas/web/data-access';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EmailChangeForm } from './EmailChangeForm';
import { renderPage, signedInAs } from './testing';

const pending = (newEmail: string) => ({
  __typename: 'PendingEmailChange' as const,
  newEmail,
  requestedAt: '2026-11-27T10:00:00Z',
  expiresAt: '2026-11-28T10:00:00Z',
});
const loadPending = (value: ReturnType<typeof pending> | null = null) => ({
  request: { query: MyPendingEmailChangeDocument },
  result: { data: { myPendingEmailChange: value } },
});
const asked = (newEmail: string, password = 'Moje hasło 2026') => ({
  query: RequestEmailChangeDocument,
  variables: { input: { newEmail, password } },
});
const refused = (code: string, fields?: unknown, extensions: Record<string, unknown> = {}) => ({
  request: asked('nowy@gmina.example.pl'),
  result: {
    errors: [
      new GraphQLError('refused', {
        extensions: { code, ...(fields ? { fields } : {}), ...extensions },
      }),
    ],
  },
});

function open(mocks: Parameters<typeof renderPage>[1]['mocks']) {
  return renderPage(<EmailChangeForm />, {
    path: '/',
    session: signedInAs(Role.CITY_OFFICIAL),
    mocks,
  });
}

function fill(newEmail: string, password = 'Moje hasło 2026') {
  fireEvent.change(screen.getByLabelText(/Nowy adres e-mail/), { target: { value: newEmail } });
  fireEvent.change(screen.getByLabelText(/Obecne hasło/), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Wyślij link potwierdzający' }));
}

describe('EmailChangeForm', () => {
  it('sends the new address with the password and says where the link went', async () => {
    open([
      loadPending(),
      {
        request: asked('nowy@gmina.example.pl'),
        result: { data: { requestEmailChange: pending('nowy@gmina.example.pl') } },
      },
    ]);
    expect(await screen.findByText('Twój adres: someone@civitas.local')).toBeTruthy();
    fill('  Nowy@Gmina.example.pl ');
    const status = await screen.findByRole('status');
    expect(status.textContent).toMatch(/Wysłaliśmy link na adres nowy@gmina\.example\.pl/);
    expect((screen.getByLabelText(/Nowy adres e-mail/) as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText(/Obecne hasło/) as HTMLInputElement).value).toBe('');
  });

  it('shows a change already waiting for its link', async () => {
    open([loadPending(pending('czeka@gmina.example.pl'))]);
    expect(
      await screen.findByText(/Wysłaliśmy link na adres czeka@gmina\.example\.pl/),
    ).toBeTruthy();
  });

  it('catches an empty, malformed or unchanged address before asking the API', async () => {
    open([loadPending()]);
    fireEvent.click(await screen.findByRole('button', { name: 'Wyślij link potwierdzający' }));
    expect(await screen.findByText(/Nowy adres e-mail: To pole jest wymagane/)).toBeTruthy();
    fill('nie-adres');
    expect(await screen.findAllByText(/Wpisz adres e-mail w postaci/)).not.toHaveLength(0);
    fill('SOMEONE@civitas.local');
    expect(await screen.findAllByText(/To jest Twój obecny adres/)).not.toHaveLength(0);
  });

  it('names the field the API refused: a wrong password, an address in use, the same address', async () => {
    for (const [mock, text] of [
      [refused('INVALID_CREDENTIALS'), /Hasło jest nieprawidłowe/],
      [refused('CONFLICT'), /już używany przez inne konto/],
      [
        refused('BAD_USER_INPUT', [
          { field: 'newEmail', problems: ['is already your e-mail address'] },
        ]),
        /To jest Twój obecny adres/,
      ],
    ] as const) {
      const view = open([loadPending(), mock]);
      await screen.findByText('Twój adres: someone@civitas.local');
      fill('nowy@gmina.example.pl');
      await waitFor(() => expect(screen.getAllByText(text).length).toBeGreaterThan(0));
      expect(screen.queryByRole('status')).toBeNull();
      view.unmount();
    }
  });

  it('after too many wrong passwords says how long to wait, without blaming the password', async () => {
    open([loadPending(), refused('TOO_MANY_REQUESTS', undefined, { retryAfter: 600 })]);
    await screen.findByText('Twój adres: someone@civitas.local');
    fill('nowy@gmina.example.pl');
    expect(await screen.findByText('Zbyt wiele prób. Spróbuj ponownie za 10 minut.')).toBeTruthy();
    expect(screen.queryByText(/Hasło jest nieprawidłowe/)).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
