import { ERASED_PERSON_NAME, Role } from '@civitas/shared/domain';
import { AuthSession, RealtimeClient, RealtimeProvider } from '@civitas/web/data-access';
import { ChatTestServer } from '@civitas/web/data-access/testing';
import { renderPage } from '@civitas/web/ui/testing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatPanel } from './ChatPanel';
import { chatTranslations, CHAT_NS } from './i18n';

const GROUP = '11111111-1111-4111-8111-111111111111';
const MARIA = { id: 'maria', name: 'Maria Wiśniewska', organisationName: 'Poznań' };
const MICHAL = { id: 'michal', name: 'Michał Kamiński', organisationName: 'Warszawa' };

function sessionOf(person: typeof MARIA) {
  const session = new AuthSession({ requestRefresh: () => Promise.reject(new Error('unused')) });
  session.establish({
    __typename: 'AuthPayload',
    accessToken: `t-${person.id}`,
    accessTokenExpiresAt: '2030-01-01T00:00:00Z',
    user: {
      __typename: 'User',
      id: person.id,
      email: `${person.id}@civitas.local`,
      name: person.name,
      role: Role.CITY_OFFICIAL,
      isLegalOfficer: false,
      locale: 'pl',
      position: null,
      department: null,
      phone: null,
      organisationId: 'org',
      organisation: { __typename: 'Organisation', id: 'org', name: person.organisationName },
    },
  });
  return session;
}

describe('ChatPanel', () => {
  let server: ChatTestServer;
  const clients: RealtimeClient[] = [];

  function clientOf(person: typeof MARIA) {
    const client = new RealtimeClient({
      url: server.url,
      getToken: () => `t-${person.id}`,
      refreshToken: async () => null,
      ackTimeoutMs: 3_000,
      socketOptions: {
        transports: ['websocket'],
        reconnectionDelay: 50,
        reconnectionDelayMax: 100,
      },
    });
    clients.push(client);
    return client;
  }

  function renderPanel(
    client: RealtimeClient,
    options: { canModerate?: boolean; language?: 'pl' | 'en' } = {},
  ) {
    return renderPage(
      <RealtimeProvider client={client}>
        <ChatPanel groupId={GROUP} canModerate={options.canModerate} />
      </RealtimeProvider>,
      {
        path: '/',
        session: sessionOf(MARIA),
        language: options.language,
        translations: { [CHAT_NS]: chatTranslations },
      },
    );
  }

  beforeEach(async () => {
    server = await new ChatTestServer({ [GROUP]: ['maria', 'michal'] }).start();
    server.people.set('t-maria', MARIA);
    server.people.set('t-michal', MICHAL);
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.stop();
  });

  it('renders the history in a labelled log and who is online, and marks it read', async () => {
    server.store(GROUP, MICHAL, 'Dzień dobry wszystkim');
    server.store(GROUP, MICHAL, 'Spotkanie w piątek');
    const michal = clientOf(MICHAL);
    michal.watchGroup(GROUP);
    renderPanel(clientOf(MARIA));

    const log = await screen.findByRole('log', { name: 'Wiadomości czatu' });
    await within(log).findByText('Spotkanie w piątek');
    expect(within(log).getAllByTestId('chat-message')).toHaveLength(2);
    expect(log.getAttribute('aria-live')).toBe('polite');
    await waitFor(() =>
      expect(screen.getByTestId('chat-presence').textContent).toContain('Michał Kamiński'),
    );
    expect(screen.getByText('2 osoby online')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^Wiadomość/ })).toBeTruthy();
    // The two messages were shown in a visible tab: read.
    await waitFor(() => expect(server.messages.get(GROUP)).toHaveLength(2));
    await waitFor(() => expect(screen.queryByText(/nieprzeczytan/)).toBeNull());
  });

  it('shows who is typing', async () => {
    const michal = clientOf(MICHAL);
    michal.watchGroup(GROUP);
    renderPanel(clientOf(MARIA));
    await screen.findByText('2 osoby online');
    await waitFor(() => expect(michal.groupChat(GROUP).loaded).toBe(true));
    michal.typing(GROUP, true);
    await screen.findByText('Michał Kamiński pisze…');
  });

  it('sends with Enter: "sending…" until acknowledged, then in the log', async () => {
    server.sendDelayMs = 400;
    renderPanel(clientOf(MARIA));
    const box = await screen.findByRole('textbox', { name: /^Wiadomość/ });
    await screen.findByText('Nikt jeszcze nic nie napisał. Zacznij rozmowę.');
    fireEvent.change(box, { target: { value: 'Pierwsza **ważna** sprawa' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    const pending = await screen.findByTestId('chat-pending');
    expect(within(pending).getByText('wysyłanie…')).toBeTruthy();
    expect((box as HTMLTextAreaElement).value).toBe('');
    await waitFor(() => expect(screen.queryByTestId('chat-pending')).toBeNull(), {
      timeout: 5_000,
    });
    const log = screen.getByRole('log');
    expect(within(log).getByText(/Pierwsza/)).toBeTruthy();
    expect(server.messages.get(GROUP)).toHaveLength(1);
  });

  it('says when there are too many messages and how long to wait', async () => {
    server.floodNext = 1;
    renderPanel(clientOf(MARIA));
    const box = await screen.findByRole('textbox', { name: /^Wiadomość/ });
    await screen.findByText('Nikt jeszcze nic nie napisał. Zacznij rozmowę.');
    fireEvent.change(box, { target: { value: 'Szybko' } });
    fireEvent.click(screen.getByRole('button', { name: 'Wyślij' }));
    await screen.findByText('Za dużo wiadomości. Poczekaj 1 s — wyślemy ją sami.');
    await waitFor(() => expect(screen.queryByTestId('chat-pending')).toBeNull(), {
      timeout: 4_000,
    });
  });

  it('shows the banner while disconnected, queues, and sends after reconnecting', async () => {
    const maria = clientOf(MARIA);
    renderPanel(maria);
    await screen.findByText('Nikt jeszcze nic nie napisał. Zacznij rozmowę.');
    expect(screen.getByRole('status').textContent).toBe('');

    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    const banner = await screen.findByText(/Brak połączenia z siecią/);
    expect(banner.closest('[role="status"]')).toBeTruthy();
    const box = screen.getByRole('textbox', { name: /^Wiadomość/ });
    fireEvent.change(box, { target: { value: 'Napisane offline' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(await screen.findByText('czeka na połączenie…')).toBeTruthy();
    server.store(GROUP, MICHAL, 'W międzyczasie', false);

    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await screen.findByText('Połączenie przywrócone.');
    await waitFor(() => expect(screen.queryByTestId('chat-pending')).toBeNull());
    const log = screen.getByRole('log');
    await waitFor(() => expect(within(log).getAllByTestId('chat-message')).toHaveLength(2));
    expect(
      within(log)
        .getAllByTestId('chat-message')
        .map((li) => li.dataset['seq']),
    ).toEqual(['1', '2']);
  });

  it('replies to, edits and deletes my message; a coordinator hides with a reason', async () => {
    const theirs = server.store(GROUP, MICHAL, 'Pytanie o budżet');
    renderPanel(clientOf(MARIA), { canModerate: true });
    const log = await screen.findByRole('log');
    await within(log).findByText('Pytanie o budżet');

    fireEvent.click(
      screen.getByRole('button', { name: 'Odpowiedz na wiadomość: Michał Kamiński' }),
    );
    expect(screen.getByText('Odpowiadasz na wiadomość: Michał Kamiński')).toBeTruthy();
    const box = screen.getByRole('textbox', { name: /^Wiadomość/ });
    fireEvent.change(box, { target: { value: 'Odpowiedź' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await within(log).findByText('W odpowiedzi na: Michał Kamiński — Pytanie o budżet');
    expect(server.messages.get(GROUP)?.[1].replyToId).toBe(theirs.id);

    fireEvent.click(screen.getByRole('button', { name: 'Edytuj swoją wiadomość' }));
    const edit = screen.getByRole('textbox', { name: 'Nowa treść wiadomości' });
    fireEvent.change(edit, { target: { value: 'Odpowiedź poprawiona' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    await within(log).findByText(/edytowano/);
    await waitFor(() =>
      expect(screen.queryByRole('textbox', { name: 'Nowa treść wiadomości' })).toBeNull(),
    );
    expect(within(log).getByText('Odpowiedź poprawiona')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Usuń swoją wiadomość' }));
    fireEvent.click(screen.getByRole('button', { name: 'Usuń' }));
    await within(log).findByText('Wiadomość usunięta przez autora.');

    fireEvent.click(screen.getByRole('button', { name: 'Ukryj' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Powód ukrycia/ }), {
      target: { value: 'Nie na temat' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Ukryj wiadomość' }));
    await within(log).findByText('Wiadomość ukryta przez koordynatora.');
    // The acknowledgement follows the room's broadcast.
    expect(await screen.findByRole('button', { name: 'Pokaż ponownie' })).toBeTruthy();
  });

  it('says so when the first connection takes long', async () => {
    const nowhere = new RealtimeClient({
      url: 'http://127.0.0.1:9',
      getToken: () => 't-maria',
      refreshToken: async () => null,
      socketOptions: { transports: ['websocket'], reconnectionDelay: 200 },
    });
    clients.push(nowhere);
    renderPanel(nowhere);
    expect(
      await screen.findByText('Łączenie z czatem…', undefined, { timeout: 5_000 }),
    ).toBeTruthy();
  });

  it.each([
    ['en', 'Chat messages', 'Anonymous user', 'In reply to:'],
    ['pl', 'Wiadomości czatu', 'Anonimowy użytkownik', 'W odpowiedzi na:'],
  ] as const)(
    "shows an erased author's messages under the anonymous name in the page's language (%s)",
    async (language, logName, anonymous, inReplyTo) => {
      const erased = { id: 'erased', name: ERASED_PERSON_NAME, organisationName: 'Poznań' };
      const question = server.store(GROUP, erased, 'Kto zna stawki?');
      server.store(GROUP, MICHAL, 'My znamy', true, question.id);
      renderPanel(clientOf(MARIA), { language });

      const log = await screen.findByRole('log', { name: logName });
      await within(log).findByText('My znamy');
      const [theirs, answer] = within(log).getAllByTestId('chat-message');
      expect(theirs.textContent).toContain(`${anonymous} (Poznań)`);
      expect(answer.textContent).toContain(`${inReplyTo} ${anonymous}`);
      if (language === 'en') expect(log.textContent).not.toContain('Anonimowy');
    },
  );

  it('speaks English', async () => {
    renderPanel(clientOf(MARIA), { language: 'en' });
    await screen.findByRole('log', { name: 'Chat messages' });
    expect(screen.getByRole('heading', { name: 'Chat' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy();
  });
});
