import { Role } from '@civitas/shared/domain';
import {
  ConsentAction,
  ConsentPurpose,
  MyPendingEmailChangeDocument,
  PrivacyCentreDocument,
  PrivacyRequestKind,
  PrivacyRequestStatus,
  RequestErasureDocument,
  WithdrawConsentDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PrivacyCentrePage } from './PrivacyCentrePage';
import { renderPage, signedInAs } from './testing';

const centre = (over: Record<string, unknown> = {}) => ({
  __typename: 'PrivacyCentre' as const,
  processingRestricted: false,
  processingRestrictedAt: null,
  pendingErasure: null,
  consents: [
    {
      __typename: 'CurrentConsent' as const,
      purpose: ConsentPurpose.EmailNotifications,
      action: ConsentAction.Granted,
      textVersion: 'notifications-2026-11-27',
      textPl: 'Zgadzam się na otrzymywanie powiadomień e-mail.',
      textEn: 'I agree to receive e-mail notifications.',
      recordedAt: '2026-11-20T10:00:00Z',
    },
  ],
  requests: [
    {
      __typename: 'PrivacyRequest' as const,
      id: 'r1',
      kind: PrivacyRequestKind.Objection,
      details: 'Sprzeciw',
      status: PrivacyRequestStatus.Resolved,
      createdAt: '2026-11-01T10:00:00Z',
      dueOn: '2026-12-01',
      overdue: false,
      resolvedAt: '2026-11-10T10:00:00Z',
      resolutionNote: 'Uwzględniono sprzeciw.',
    },
  ],
  ...over,
});

const load = (over: Record<string, unknown> = {}) => ({
  request: { query: PrivacyCentreDocument },
  result: { data: { privacyCentre: centre(over) } },
});

const noPendingEmailChange = {
  request: { query: MyPendingEmailChangeDocument },
  result: { data: { myPendingEmailChange: null } },
};

describe('PrivacyCentrePage', () => {
  it('offers one action per right, lists consents with their wording and the outcome of requests', async () => {
    renderPage(<PrivacyCentrePage />, {
      path: '/',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [load(), noPendingEmailChange],
    });
    for (const name of [
      'Pobierz wszystkie swoje dane',
      'Popraw swoje dane',
      'Twoje zgody',
      'Ogranicz przetwarzanie',
      'Sprzeciw wobec przetwarzania',
      'Inne żądanie',
      'Twoje żądania',
      'Usuń konto i dane',
    ]) {
      expect(await screen.findByRole('heading', { name })).toBeTruthy();
    }
    const consent = screen.getByTestId('privacy-consent');
    expect(within(consent).getByText('Powiadomienia e-mail')).toBeTruthy();
    expect(within(consent).getByText(/notifications-2026-11-27/)).toBeTruthy();
    const request = screen.getByTestId('privacy-request');
    expect(within(request).getByText('Sprzeciw')).toBeTruthy();
    expect(within(request).getByText('Uwzględniono sprzeciw.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Przejdź do profilu' }).getAttribute('href')).toBe(
      '/profile',
    );
    // The address is changed here, not by a request to the office.
    expect(screen.getByRole('heading', { name: 'Zmień adres e-mail' })).toBeTruthy();
    expect(screen.getByLabelText(/Nowy adres e-mail/)).toBeTruthy();
    expect(screen.queryByText(/zmiana adresu e-mail/)).toBeNull();
  });

  it('withdraws a consent at once', async () => {
    renderPage(<PrivacyCentrePage />, {
      path: '/',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [
        load(),
        noPendingEmailChange,
        {
          request: {
            query: WithdrawConsentDocument,
            variables: { purpose: ConsentPurpose.EmailNotifications },
          },
          result: {
            data: {
              withdrawConsent: [
                {
                  __typename: 'CurrentConsent',
                  purpose: ConsentPurpose.EmailNotifications,
                  action: ConsentAction.Withdrawn,
                },
              ],
            },
          },
        },
        load({
          consents: [{ ...centre().consents[0], action: ConsentAction.Withdrawn }],
        }),
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: /Wycofaj zgodę/ }));
    expect(await screen.findByText('Zgoda została wycofana. Działa to od razu.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: /Wycofaj zgodę/ })).toBeNull());
  });

  it('asks for erasure only after the password and a confirmation, then shows the date and a way back', async () => {
    renderPage(<PrivacyCentrePage />, {
      path: '/',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [
        load(),
        noPendingEmailChange,
        {
          request: { query: RequestErasureDocument, variables: { input: { password: 'sekret' } } },
          result: {
            data: {
              requestErasure: {
                __typename: 'ErasureRequest',
                id: 'e1',
                requestedAt: '2026-11-27T10:00:00Z',
                dueAt: '2026-12-11T10:00:00Z',
              },
            },
          },
        },
        load({
          pendingErasure: {
            __typename: 'ErasureRequest',
            id: 'e1',
            requestedAt: '2026-11-27T10:00:00Z',
            dueAt: '2026-12-11T10:00:00Z',
          },
        }),
      ],
    });
    const erase = await screen.findByRole('button', { name: 'Usuń moje konto' });
    expect((erase as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/Hasło \(potwierdzenie\)/), {
      target: { value: 'sekret' },
    });
    fireEvent.click(erase);
    const dialog = await screen.findByRole('dialog', { name: 'Usunąć konto?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tak, usuń konto' }));
    expect(await screen.findByTestId('privacy-erasure-pending')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zrezygnuj z usunięcia' })).toBeTruthy();
  });

  it('says plainly when the erasure password is wrong, and how long to wait after too many tries', async () => {
    const refusedErasure = (extensions: Record<string, unknown>) => ({
      request: { query: RequestErasureDocument, variables: { input: { password: 'sekret' } } },
      result: { errors: [new GraphQLError('refused', { extensions })] },
    });
    renderPage(<PrivacyCentrePage />, {
      path: '/',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [
        load(),
        noPendingEmailChange,
        refusedErasure({ code: 'INVALID_CREDENTIALS' }),
        refusedErasure({ code: 'TOO_MANY_REQUESTS', retryAfter: 840 }),
      ],
    });
    const ask = async () => {
      fireEvent.change(screen.getByLabelText(/Hasło \(potwierdzenie\)/), {
        target: { value: 'sekret' },
      });
      fireEvent.click(await screen.findByRole('button', { name: 'Usuń moje konto' }));
      const dialog = await screen.findByRole('dialog', { name: 'Usunąć konto?' });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Tak, usuń konto' }));
    };
    await screen.findByRole('button', { name: 'Usuń moje konto' });
    await ask();
    expect(await screen.findByText('Hasło jest nieprawidłowe.')).toBeTruthy();
    expect(screen.queryByText(/adres e-mail lub hasło/)).toBeNull();
    await ask();
    expect(await screen.findByText('Zbyt wiele prób. Spróbuj ponownie za 14 minut.')).toBeTruthy();
    expect(screen.queryByTestId('privacy-erasure-pending')).toBeNull();
  });
});
