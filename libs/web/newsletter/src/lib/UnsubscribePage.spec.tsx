import { UnsubscribeFromNewsletterDocument } from '@civitas/web/data-access';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPage } from './testing';
import { UnsubscribePage } from './UnsubscribePage';

function open(
  result: boolean,
  called = vi.fn(() => ({ data: { unsubscribeFromNewsletter: result } })),
) {
  renderPage(<UnsubscribePage />, {
    path: '/newsletter/unsubscribe',
    route: '/newsletter/unsubscribe?token=tok',
    mocks: [
      {
        request: { query: UnsubscribeFromNewsletterDocument, variables: { token: 'tok' } },
        result: called,
      },
    ],
  });
  return called;
}

describe('UnsubscribePage', () => {
  it('does nothing on opening; one click unsubscribes and hints at resubscribing', async () => {
    const called = open(true);
    const button = await screen.findByRole('button', { name: 'Wypisz mnie' });
    expect(called).not.toHaveBeenCalled();
    fireEvent.click(button);
    expect(await screen.findByText(/Wypisano\./)).toBeTruthy();
    expect(called).toHaveBeenCalledTimes(1);
    expect(
      screen.getByRole('link', { name: /Możesz zapisać się ponownie/ }).getAttribute('href'),
    ).toBe('/newsletter');
  });

  it('says when the link is not valid', async () => {
    open(false);
    fireEvent.click(await screen.findByRole('button', { name: 'Wypisz mnie' }));
    expect(await screen.findByText(/link do wypisania jest nieprawidłowy/)).toBeTruthy();
  });

  it("explains the sample link of the office's test mail without asking the API, in Polish and English", async () => {
    for (const language of ['pl', 'en'] as const) {
      const called = vi.fn(() => ({ data: { unsubscribeFromNewsletter: false } }));
      const { unmount } = renderPage(<UnsubscribePage />, {
        path: '/newsletter/unsubscribe',
        route: '/newsletter/unsubscribe?token=test',
        language,
        mocks: [
          {
            request: { query: UnsubscribeFromNewsletterDocument, variables: { token: 'test' } },
            result: called,
          },
        ],
      });
      const [said, real] =
        language === 'pl'
          ? [/wiadomości testowej biura — nikogo nie wypisuje/, /jednym kliknięciem/]
          : [/office's test mail — it unsubscribes nobody/, /with one click/];
      expect(await screen.findByText(said)).toBeTruthy();
      expect(screen.getByText(real)).toBeTruthy();
      expect(screen.queryByRole('button')).toBeNull();
      expect(screen.queryByRole('alert')).toBeNull();
      expect(called).not.toHaveBeenCalled();
      unmount();
    }
  });
});
