import { SignInDocument } from '@civitas/web/data-access';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SignInPage } from './SignInPage';
import { renderPage } from './testing';

const variables = { input: { email: 'anna@civitas.local', password: 'Zle-haslo-123' } };

function fill(email: string, password: string) {
  fireEvent.change(screen.getByLabelText(/Adres e-mail|E-mail address/), {
    target: { value: email },
  });
  fireEvent.change(screen.getByLabelText(/^(Hasło|Password)/), { target: { value: password } });
}

describe('SignInPage', () => {
  it('shows the INVALID_CREDENTIALS error in Polish', async () => {
    renderPage(<SignInPage />, {
      path: '/sign-in',
      mocks: [
        {
          request: { query: SignInDocument, variables },
          result: {
            errors: [
              new GraphQLError('The e-mail address or the password is wrong.', {
                extensions: { code: 'INVALID_CREDENTIALS' },
              }),
            ],
          },
        },
      ],
    });
    expect(document.title).toBe('Zaloguj się · Civitas');
    expect(screen.getByRole('heading', { level: 1, name: 'Zaloguj się' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Nie pamiętasz hasła?' }).getAttribute('href')).toBe(
      '/forgot-password',
    );

    fill('anna@civitas.local', 'Zle-haslo-123');
    fireEvent.click(screen.getByRole('button', { name: 'Zaloguj się' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nieprawidłowy adres e-mail lub hasło.');
    expect(alert.textContent).not.toContain('The e-mail address or the password is wrong');
  });

  it('shows the same error in English when English is chosen', async () => {
    renderPage(<SignInPage />, {
      path: '/sign-in',
      language: 'en',
      mocks: [
        {
          request: { query: SignInDocument, variables },
          result: {
            errors: [new GraphQLError('wrong', { extensions: { code: 'INVALID_CREDENTIALS' } })],
          },
        },
      ],
    });
    fill('anna@civitas.local', 'Zle-haslo-123');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Incorrect e-mail address or password.',
    );
  });

  it('marks empty fields as invalid, with the message tied to the field, without calling the API', async () => {
    renderPage(<SignInPage />, { path: '/sign-in' });
    fireEvent.click(screen.getByRole('button', { name: 'Zaloguj się' }));
    const email = screen.getByLabelText(/Adres e-mail/);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = email.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy.split(' ')[0])?.textContent).toBe(
      'To pole jest wymagane.',
    );
    expect(screen.getAllByText('To pole jest wymagane.')).toHaveLength(2);
    expect(document.activeElement).toBe(email);
  });

  it('signs in, keeps the token in memory and goes to the directory', async () => {
    const { session } = renderPage(<SignInPage afterSignIn="/cities" />, {
      path: '/sign-in',
      otherRoutes: { '/cities': <p>katalog</p> },
      mocks: [
        {
          request: { query: SignInDocument, variables },
          result: {
            data: {
              signIn: {
                __typename: 'AuthPayload',
                accessToken: 'access-1',
                accessTokenExpiresAt: '2030-01-01T00:00:00Z',
                user: {
                  __typename: 'User',
                  id: 'u1',
                  email: 'anna@civitas.local',
                  name: 'Anna Nowak',
                  role: 'OFFICE_ADMIN',
                  isLegalOfficer: false,
                  locale: 'pl',
                  position: 'Kierowniczka biura',
                  department: null,
                  phone: null,
                  organisationId: 'o1',
                  organisation: { __typename: 'Organisation', id: 'o1', name: 'Biuro Związku' },
                },
              },
            },
          },
        },
      ],
    });
    fill('anna@civitas.local', 'Zle-haslo-123');
    fireEvent.click(screen.getByRole('button', { name: 'Zaloguj się' }));
    expect(await screen.findByText('katalog')).toBeTruthy();
    await waitFor(() => expect(session.snapshot.status).toBe('signedIn'));
    expect(session.accessToken).toBe('access-1');
    expect(localStorage.getItem('access-1')).toBeNull();
    expect(JSON.stringify({ ...localStorage })).not.toContain('access-1');
  });
});
