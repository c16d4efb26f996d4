import { EmailFrequency, NotificationKind } from '@civitas/shared/domain';
import {
  MarkNotificationReadDocument,
  NotificationPreferencesDocument,
  UpdateNotificationPreferencesDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NotificationsPage } from './NotificationsPage';
import { notification, notificationsPage, renderPage, unreadCount } from './testing';

const preferences = (mention = EmailFrequency.IMMEDIATE) =>
  Object.values(NotificationKind).map((kind) => ({
    __typename: 'NotificationPreference' as const,
    kind,
    email: kind === NotificationKind.MENTION ? mention : EmailFrequency.NEVER,
  }));
const preferencesQuery = {
  request: { query: NotificationPreferencesDocument },
  result: { data: { notificationPreferences: preferences() } },
};

const first = [
  notification('n1'),
  notification('n2', {
    kind: NotificationKind.MODERATION,
    read: true,
    moderationAction: 'HIDE_POST',
    message: 'Dane osobowe',
    // What the API sends for a moderation: no thread title, no group name.
    threadTitle: null,
    groupName: null,
  }),
];
const second = [notification('n3', { kind: NotificationKind.REPLY, read: true, actorName: null })];

function open(mocks: Parameters<typeof renderPage>[1]['mocks']) {
  return renderPage(<NotificationsPage />, {
    path: '/notifications',
    mocks: [unreadCount(1), preferencesQuery, ...(mocks ?? [])],
  });
}

describe('NotificationsPage', () => {
  it('lists every notification in words and loads more', async () => {
    open([
      notificationsPage(
        first,
        { first: 25, unreadOnly: false },
        { endCursor: 'c-n2', hasNextPage: true },
        3,
      ),
      notificationsPage(second, { first: 25, unreadOnly: false, after: 'c-n2' }, undefined, 3),
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Powiadomienia' })).toBeTruthy();
    const list = screen.getByRole('region', { name: 'Lista powiadomień' });
    expect(
      await within(list).findByRole('link', {
        name: 'Moderacja Twojego wpisu: wpis ukryty przez koordynatora.',
      }),
    ).toBeTruthy();
    expect(within(list).getByText('Wiadomość: Dane osobowe')).toBeTruthy();
    expect(within(list).getByText('Pokazano 2 z 3')).toBeTruthy();
    expect(await screen.findByText('1 nieprzeczytane powiadomienie')).toBeTruthy();

    fireEvent.click(within(list).getByRole('button', { name: 'Pokaż więcej' }));
    expect(
      await within(list).findByRole('link', {
        name: 'Ktoś odpowiada w obserwowanym wątku „WPF 2027” (grupa „Finanse lokalne”).',
      }),
    ).toBeTruthy();
    expect(within(list).getByText('Pokazano 3 z 3')).toBeTruthy();
    expect(within(list).queryByRole('button', { name: 'Pokaż więcej' })).toBeNull();
  });

  it('filters to the unread ones', async () => {
    open([
      notificationsPage(first, { first: 25, unreadOnly: false }),
      notificationsPage([], { first: 25, unreadOnly: true }),
    ]);
    const list = screen.getByRole('region', { name: 'Lista powiadomień' });
    await within(list).findAllByRole('listitem');
    fireEvent.click(within(list).getByRole('switch', { name: 'Tylko nieprzeczytane' }));
    expect(await within(list).findByText('Nie masz nieprzeczytanych powiadomień.')).toBeTruthy();
  });

  it('saves an e-mail preference per kind and says so', async () => {
    open([
      notificationsPage(first, { first: 25, unreadOnly: false }),
      {
        request: {
          query: UpdateNotificationPreferencesDocument,
          variables: {
            input: {
              preferences: [{ kind: NotificationKind.MENTION, email: EmailFrequency.DAILY_DIGEST }],
            },
          },
        },
        result: {
          data: { updateNotificationPreferences: preferences(EmailFrequency.DAILY_DIGEST) },
        },
      },
    ]);
    const section = await screen.findByRole('region', { name: 'Powiadomienia e-mail' });
    const mention = await within(section).findByRole('radiogroup', { name: 'Wspomnienie' });
    expect(
      (within(mention).getByRole('radio', { name: 'Od razu' }) as HTMLInputElement).checked,
    ).toBe(true);
    fireEvent.click(within(mention).getByRole('radio', { name: 'Raz dziennie (podsumowanie)' }));
    expect(
      await within(section).findByText('Zapisano: Wspomnienie — Raz dziennie (podsumowanie).'),
    ).toBeTruthy();
    expect(
      (
        within(mention).getByRole('radio', {
          name: 'Raz dziennie (podsumowanie)',
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
  });

  it('marks one notification read from its row; the count follows', async () => {
    open([
      notificationsPage(first, { first: 25, unreadOnly: false }),
      {
        request: { query: MarkNotificationReadDocument, variables: { id: 'n1' } },
        result: {
          data: { markNotificationRead: { __typename: 'Notification', id: 'n1', read: true } },
        },
      },
    ]);
    const list = screen.getByRole('region', { name: 'Lista powiadomień' });
    const button = await within(list).findByRole('button', {
      name: /^Oznacz jako przeczytane: .* wspomina o Tobie/,
    });
    expect(await screen.findByText('1 nieprzeczytane powiadomienie')).toBeTruthy();
    fireEvent.click(button);
    expect(await screen.findByText('Oznaczono jako przeczytane.')).toBeTruthy();
    expect(screen.getByText('Brak nieprzeczytanych powiadomień')).toBeTruthy();
    expect(within(list).queryByRole('button', { name: /^Oznacz jako przeczytane/ })).toBeNull();
    expect(
      screen.getByRole('button', { name: 'Oznacz wszystkie jako przeczytane' }),
    ).toHaveProperty('disabled', true);
  });
});
