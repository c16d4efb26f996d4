import { NotificationKind } from '@civitas/shared/domain';
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationReadDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { NotificationBell } from './NotificationBell';
import { notification, notificationsPage, renderPage, unreadCount } from './testing';

const mention = notification('n1');
const decision = notification('n2', {
  kind: NotificationKind.JOIN_DECISION,
  approved: true,
  threadId: null,
  threadTitle: null,
  postId: null,
  message: 'Witamy w grupie!',
});
const invitation = notification('n3', { kind: NotificationKind.GROUP_INVITATION, read: true });

function openBell(mocks: Parameters<typeof renderPage>[1]['mocks'], language?: 'en') {
  return renderPage(<NotificationBell />, {
    path: '*',
    route: '/groups',
    mocks,
    language,
  });
}

const bellPage = () =>
  notificationsPage([mention, decision, invitation], { first: 8, unreadOnly: false });

describe('NotificationBell', () => {
  it('names the unread count and lists the latest notifications in words, with their targets', async () => {
    openBell([unreadCount(2), bellPage()]);
    const bell = await screen.findByRole('button', { name: 'Powiadomienia, 2 nieprzeczytane' });
    expect(screen.getByRole('status').textContent).toBe('2 nieprzeczytane powiadomienia');
    fireEvent.click(bell);
    const dialog = await screen.findByRole('dialog', { name: 'Powiadomienia' });
    const list = await within(dialog).findByRole('list', { name: 'Najnowsze powiadomienia' });
    const items = await within(list).findAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(
      within(list)
        .getByRole('link', {
          name: 'Anna Nowak wspomina o Tobie w wątku „WPF 2027” (grupa „Finanse lokalne”).',
        })
        .getAttribute('href'),
    ).toBe('/groups/g1/threads/t1#post-p2');
    expect(
      within(list)
        .getByRole('link', {
          name: 'Twoja prośba o przyjęcie do grupy „Finanse lokalne” została przyjęta.',
        })
        .getAttribute('href'),
    ).toBe('/groups/g1');
    expect(within(list).getByText('Wiadomość: Witamy w grupie!')).toBeTruthy();
    expect(
      within(list)
        .getByRole('link', { name: 'Anna Nowak zaprasza Cię do grupy „Finanse lokalne”.' })
        .getAttribute('href'),
    ).toBe('/groups');
    expect(within(list).getAllByText('Nowe')).toHaveLength(2);
    expect(within(dialog).getByRole('link', { name: /Wszystkie powiadomienia/ })).toBeTruthy();
  });

  it('marks a notification read when it is followed, and the count drops', async () => {
    const marked = vi.fn(() => ({
      data: { markNotificationRead: { __typename: 'Notification', id: 'n1', read: true } },
    }));
    openBell([
      unreadCount(2),
      bellPage(),
      { request: { query: MarkNotificationReadDocument, variables: { id: 'n1' } }, result: marked },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Powiadomienia, 2 nieprzeczytane' }));
    const link = await screen.findByRole('link', { name: /wspomina o Tobie/ });
    fireEvent.click(link);
    expect(
      await screen.findByRole('button', { name: 'Powiadomienia, 1 nieprzeczytane' }),
    ).toBeTruthy();
    expect(marked).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('marks all read', async () => {
    openBell([
      unreadCount(2),
      bellPage(),
      {
        request: { query: MarkAllNotificationsReadDocument },
        result: { data: { markAllNotificationsRead: 2 } },
      },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Powiadomienia, 2 nieprzeczytane' }));
    const dialog = await screen.findByRole('dialog', { name: 'Powiadomienia' });
    await within(dialog).findAllByText('Nowe');
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Oznacz wszystkie jako przeczytane' }),
    );
    expect(
      await screen.findByRole('button', { name: 'Powiadomienia, brak nieprzeczytanych' }),
    ).toBeTruthy();
    expect(within(dialog).queryAllByText('Nowe')).toHaveLength(0);
    expect(screen.getByRole('status').textContent).toBe('Brak nieprzeczytanych powiadomień');
  });

  it('speaks English too', async () => {
    openBell([unreadCount(5), bellPage()], 'en');
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications, 5 unread' }));
    expect(
      await screen.findByRole('link', {
        name: 'Anna Nowak mentioned you in the thread “WPF 2027” (group “Finanse lokalne”).',
      }),
    ).toBeTruthy();
  });
});
