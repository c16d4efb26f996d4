import { Role } from '@civitas/shared/domain';
import {
  AcknowledgePrivacyNoticeDocument,
  MyPrivacyNoticeDocument,
  PrivacyNoticeDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PrivacyNoticeGate, PrivacyNoticePage } from './notice';
import { renderPage, signedInAs } from './testing';

const notice = {
  __typename: 'PrivacyNotice' as const,
  id: 'n2',
  version: 2,
  bodyPlHtml: '<h1>Informacja</h1><p>Administratorem jest Związek Miast Polskich.</p>',
  bodyEnHtml: '<h1>Notice</h1><p>The controller is the Association of Polish Cities.</p>',
  publishedAt: '2026-11-27T10:00:00Z',
};
const status = (needs: boolean) => ({
  request: { query: MyPrivacyNoticeDocument },
  result: {
    data: {
      myPrivacyNotice: {
        __typename: 'PrivacyNoticeStatus',
        needsAcknowledgement: needs,
        acknowledgedAt: needs ? null : '2026-11-27T11:00:00Z',
        current: notice,
      },
    },
  },
});

describe('the privacy notice', () => {
  it('is readable without signing in, in the chosen language', async () => {
    renderPage(<PrivacyNoticePage />, {
      path: '/',
      language: 'en',
      mocks: [
        { request: { query: PrivacyNoticeDocument }, result: { data: { privacyNotice: notice } } },
      ],
    });
    expect(
      await screen.findByText('The controller is the Association of Polish Cities.'),
    ).toBeTruthy();
    expect(screen.getByText(/Version 2/)).toBeTruthy();
  });

  it('a new version is shown after sign-in until acknowledged, and cannot be dismissed otherwise', async () => {
    renderPage(<PrivacyNoticeGate />, {
      path: '/',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [
        status(true),
        {
          request: { query: AcknowledgePrivacyNoticeDocument, variables: { version: 2 } },
          result: {
            data: {
              acknowledgePrivacyNotice: {
                __typename: 'PrivacyNoticeStatus',
                needsAcknowledgement: false,
                acknowledgedAt: '2026-11-27T11:00:00Z',
                current: { __typename: 'PrivacyNotice', id: 'n2', version: 2 },
              },
            },
          },
        },
        status(false),
      ],
    });
    const dialog = await screen.findByRole('dialog', {
      name: 'Zmieniła się informacja o przetwarzaniu danych',
    });
    expect(within(dialog).getByText('Administratorem jest Związek Miast Polskich.')).toBeTruthy();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Zapoznałem(-am) się' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
