import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { Role } from '@civitas/shared/domain';
import { createCache, CreateInvitationDocument, SessionProvider } from '@civitas/web/data-access';
import { signedInAs } from '@civitas/web/data-access/testing';
import { CivitasUiProvider, createI18n } from '@civitas/web/ui';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { adminTranslations, ADMIN_NS } from './i18n';
import { InvitationForm } from './InvitationForm';

function renderForm(role: Role, mocks: MockLink.MockedResponse[] = []) {
  const i18n = createI18n({ [ADMIN_NS]: adminTranslations }, { language: 'pl', persist: false });
  return render(
    <CivitasUiProvider i18n={i18n} env="test">
      <MockedProvider mocks={mocks} cache={createCache()}>
        <SessionProvider session={signedInAs(role, { id: 'u1', name: 'Piotr Kowalski' })}>
          <InvitationForm />
        </SessionProvider>
      </MockedProvider>
    </CivitasUiProvider>,
  );
}

describe('InvitationForm', () => {
  it('lets a city administrator invite only city officials into their own city', async () => {
    renderForm(Role.CITY_ADMIN, [
      {
        request: {
          query: CreateInvitationDocument,
          variables: {
            input: {
              email: 'nowa@poznan.pl',
              organisationId: 'poznan',
              role: Role.CITY_OFFICIAL,
              isLegalOfficer: false,
            },
          },
        },
        result: { errors: [new GraphQLError('exists', { extensions: { code: 'CONFLICT' } })] },
      },
    ]);
    const organisation = screen.getByLabelText('Organizacja') as HTMLInputElement;
    expect(organisation.value).toBe('Poznań');
    expect(organisation.readOnly).toBe(true);
    const role = screen.getByLabelText('Rola') as HTMLSelectElement;
    expect(
      within(role)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Urzędnik miasta']);

    fireEvent.change(screen.getByLabelText(/Adres e-mail osoby zapraszanej/), {
      target: { value: 'nowa@poznan.pl' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Wyślij zaproszenie' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Ten adres e-mail ma już konto w Civitas.',
    );
  });

  it('offers the office every role and a searchable organisation', () => {
    renderForm(Role.OFFICE_ADMIN);
    const role = screen.getByLabelText('Rola') as HTMLSelectElement;
    expect(within(role).getAllByRole('option')).toHaveLength(5);
    expect(
      (screen.getByRole('combobox', { name: /Organizacja/ }) as HTMLInputElement).readOnly,
    ).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Wyślij zaproszenie' }));
    expect(screen.getAllByText('To pole jest wymagane.').length).toBeGreaterThanOrEqual(2);
  });
});
