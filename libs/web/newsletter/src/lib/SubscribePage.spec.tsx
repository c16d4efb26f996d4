import { ConsentPurpose, currentConsentText } from '@civitas/shared/domain';
import { SubscribeToNewsletterDocument } from '@civitas/web/data-access';
import { fireEvent, screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { SubscribePage } from './SubscribePage';
import { renderPage } from './testing';

const VERSION = currentConsentText(ConsentPurpose.NEWSLETTER).version;

function open(mocks: Parameters<typeof renderPage>[1]['mocks'] = []) {
  return renderPage(<SubscribePage />, { path: '/newsletter', route: '/newsletter', mocks });
}

describe('SubscribePage', () => {
  it('shows the whole consent wording and a link to the privacy notice', async () => {
    open();
    expect(await screen.findByText(currentConsentText(ConsentPurpose.NEWSLETTER).pl)).toBeTruthy();
    expect(
      screen
        .getByRole('link', { name: 'Informacja o przetwarzaniu danych osobowych' })
        .getAttribute('href'),
    ).toBe('/privacy-notice');
  });

  it('asks for an address and the consent before sending anything', async () => {
    open();
    fireEvent.click(await screen.findByRole('button', { name: 'Zapisz się' }));
    expect(await screen.findByText('Wpisz poprawny adres e-mail')).toBeTruthy();
    expect(screen.getByText('Zaznacz zgodę, aby się zapisać')).toBeTruthy();
  });

  it('sends the address with the wording version shown and answers neutrally', async () => {
    const called = vi.fn(() => ({ data: { subscribeToNewsletter: true } }));
    open([
      {
        request: {
          query: SubscribeToNewsletterDocument,
          variables: { input: { email: 'anna@example.pl', consentTextVersion: VERSION } },
        },
        result: called,
      },
    ]);
    fireEvent.change(await screen.findByLabelText(/Adres e-mail/), {
      target: { value: ' anna@example.pl ' },
    });
    fireEvent.click(screen.getByLabelText(/wyrażam zgodę/));
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz się' }));
    expect(await screen.findByText(/Sprawdź skrzynkę/)).toBeTruthy();
    expect(called).toHaveBeenCalledTimes(1);
  });

  it('says when the IP address made too many attempts', async () => {
    open([
      {
        request: {
          query: SubscribeToNewsletterDocument,
          variables: { input: { email: 'anna@example.pl', consentTextVersion: VERSION } },
        },
        result: {
          errors: [new GraphQLError('Too many', { extensions: { code: 'TOO_MANY_REQUESTS' } })],
        },
      },
    ]);
    fireEvent.change(await screen.findByLabelText(/Adres e-mail/), {
      target: { value: 'anna@example.pl' },
    });
    fireEvent.click(screen.getByLabelText(/wyrażam zgodę/));
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz się' }));
    expect(await screen.findByText(/Za dużo prób/)).toBeTruthy();
  });
});
