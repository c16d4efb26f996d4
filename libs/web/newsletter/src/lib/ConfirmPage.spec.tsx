import { ConfirmNewsletterSubscriptionDocument } from '@civitas/web/data-access';
import { screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ConfirmPage } from './ConfirmPage';
import { renderPage } from './testing';

const refused = (code: string) => ({
  request: { query: ConfirmNewsletterSubscriptionDocument, variables: { token: 'tok' } },
  result: { errors: [new GraphQLError('refused', { extensions: { code } })] },
});

function open(mocks: Parameters<typeof renderPage>[1]['mocks']) {
  return renderPage(<ConfirmPage />, {
    path: '/newsletter/confirm',
    route: '/newsletter/confirm?token=tok',
    mocks,
  });
}

describe('ConfirmPage', () => {
  it('confirms from the link and names the address', async () => {
    open([
      {
        request: { query: ConfirmNewsletterSubscriptionDocument, variables: { token: 'tok' } },
        result: {
          data: {
            confirmNewsletterSubscription: {
              __typename: 'NewsletterConfirmation',
              email: 'anna@example.pl',
            },
          },
        },
      },
    ]);
    expect(await screen.findByText(/anna@example\.pl jest zapisany/)).toBeTruthy();
  });

  it('explains an expired link and offers to subscribe again', async () => {
    open([refused('TOKEN_EXPIRED')]);
    expect(await screen.findByText(/Ten link wygasł/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Zapisz się ponownie' }).getAttribute('href')).toBe(
      '/newsletter',
    );
  });

  it('explains a used link without offering to subscribe again', async () => {
    open([refused('TOKEN_USED')]);
    expect(await screen.findByText(/został już użyty/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Zapisz się ponownie' })).toBeNull();
  });
});
