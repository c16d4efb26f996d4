// The group chat journey, in a real browser against the built web and API (socket.io on the
// API's own port; the page's origin is APP_URL, which the realtime allow-list accepts) on
// the demo seed. Two members of "Gospodarka mieszkaniowa", each in a browser context of
// their own, open the group's chat: the official writes, the coordinator sees it live; the
// coordinator's network goes away (Chromium's network emulation): the banner says so, the
// two messages written meanwhile wait as "czeka na połączenie…", and the official writes one
// more; the network comes back: the queue is sent, what was missed is synced, and both end
// with the same messages in the same order, none twice. Then the official replies in a forum
// thread the coordinator wrote and has open: the reply appears there without a reload, and
// his bell counts it at once; a chat message written while the official is elsewhere shows
// in her "Moje grupy". axe-core checks the pages, connected and offline.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible, Stack } from './harness.mjs';

const PASSWORD = 'Civitas-demo-2026';
const OFFICIAL = { email: 'urzednik.poznan@civitas.local', name: 'Maria Wiśniewska' };
// demo.seed.ts: the second of MORE_PEOPLE coordinates "Gospodarka mieszkaniowa", where the
// official is a member.
const COORDINATOR = { email: 'michal.kaminski@miasto1.civitas.local', name: 'Michał Kamiński' };
const GROUP = 'Gospodarka mieszkaniowa';

const stack = new Stack();
const pageErrors = [];
let official;
let coordinator;

before(async () => {
  await stack.start();
  official = await stack.openPage(pageErrors);
  coordinator = await stack.openPage(pageErrors);
});

after(() => stack.stop());

async function signIn(person, page) {
  await page.goto(`${stack.baseUrl}/sign-in`);
  await page.getByRole('heading', { level: 1, name: 'Zaloguj się' }).waitFor();
  await page.getByLabel(/^Adres e-mail/).fill(person.email);
  await page.getByLabel(/^Hasło/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await page.getByRole('button', { name: `Konto: ${person.name}` }).waitFor();
}

/** From the menu to the group's page, where the chat is. */
async function openGroupChat(page) {
  await page
    .getByRole('navigation', { name: 'Menu główne' })
    .getByRole('link', { name: 'Grupy' })
    .click();
  await page.getByRole('region', { name: 'Moje grupy' }).getByRole('link', { name: GROUP }).click();
  await page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
  const chat = page.getByRole('region', { name: 'Czat' });
  const log = chat.getByRole('log', { name: 'Wiadomości czatu' });
  // The newest page has arrived: messages, or the words for none.
  await log
    .getByTestId('chat-message')
    .first()
    .or(log.getByText('Nikt jeszcze nic nie napisał. Zacznij rozmowę.'))
    .waitFor();
  return chat;
}

/** Writes a message and sends it with Enter, as a keyboard user would. */
async function write(chat, text) {
  const box = chat.getByRole('textbox', { name: /^Wiadomość/ });
  await box.fill(text);
  await box.press('Enter');
}

/** The messages of the log as "seq:text", in the order shown. */
async function shown(chat) {
  return chat
    .getByRole('log')
    .locator('[data-testid="chat-message"]')
    .evaluateAll((items) =>
      items.map(
        (li) =>
          `${li.dataset.seq}:${(li.querySelector('.civitas-post-body')?.textContent ?? '').trim()}`,
      ),
    );
}

async function poll(check, what, timeoutMs = 15_000, describe = async () => '') {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what} ${await describe()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const texts = (list) => list.map((entry) => entry.slice(entry.indexOf(':') + 1));

test('two members chat; one goes offline, writes, comes back; both see the same', async (t) => {
  let officialChat;
  let coordinatorChat;
  /** Messages the group's chat already had (the demo seed may bring some). */
  let before = 0;

  await t.test('both open the group chat and see each other online', async () => {
    await signIn(OFFICIAL, official);
    await signIn(COORDINATOR, coordinator);
    officialChat = await openGroupChat(official);
    coordinatorChat = await openGroupChat(coordinator);
    await officialChat.getByTestId('chat-presence').getByText(COORDINATOR.name).waitFor();
    await coordinatorChat.getByTestId('chat-presence').getByText(OFFICIAL.name).waitFor();
    await assertAccessible(official, 'group page with the chat');
    before = (await shown(officialChat)).length;
    assert.equal((await shown(coordinatorChat)).length, before);
  });

  await t.test('the official writes; the coordinator sees it live', async () => {
    await write(officialChat, 'Dzień dobry, kto będzie na spotkaniu w Poznaniu?');
    await coordinatorChat
      .getByRole('log')
      .getByText('Dzień dobry, kto będzie na spotkaniu w Poznaniu?')
      .waitFor();
  });

  await t.test('offline: banner, queued messages, the official writes meanwhile', async () => {
    await coordinator.context().setOffline(true);
    await coordinatorChat
      .getByRole('status')
      .getByText(/Brak połączenia z siecią/)
      .waitFor();
    await write(coordinatorChat, 'Ja będę, z zastępczynią.');
    await write(coordinatorChat, 'Proszę o salę z rzutnikiem.');
    const pending = coordinatorChat.getByTestId('chat-pending');
    await poll(async () => (await pending.count()) === 2, 'two queued messages');
    assert.deepEqual(await pending.getByText('czeka na połączenie…').count(), 2);
    await assertAccessible(coordinator, 'group chat offline with queued messages');

    await write(officialChat, 'Sala 12 ma rzutnik.');
    await officialChat.getByRole('log').getByText('Sala 12 ma rzutnik.').waitFor();
  });

  await t.test('back online: both end with the same messages in the same order', async () => {
    await coordinator.context().setOffline(false);
    await poll(
      async () => (await coordinatorChat.getByTestId('chat-pending').count()) === 0,
      'the queue sent',
    );
    await poll(
      async () =>
        (await shown(coordinatorChat)).length === before + 4 &&
        (await shown(officialChat)).length === before + 4,
      'four new messages on both sides',
      15_000,
      async () =>
        JSON.stringify({
          coordinator: await shown(coordinatorChat),
          pending: await coordinatorChat.getByTestId('chat-pending').allTextContents(),
          official: await shown(officialChat),
          status: await coordinatorChat.getByRole('status').allTextContents(),
        }),
    );
    const mine = await shown(coordinatorChat);
    const theirs = await shown(officialChat);
    assert.deepEqual(mine, theirs);
    assert.equal(new Set(mine).size, mine.length, 'no message twice');
    // Every seq once, in order, without gaps.
    assert.deepEqual(
      mine.map((entry) => Number.parseInt(entry, 10)),
      Array.from({ length: before + 4 }, (_, i) => i + 1),
    );
    const order = texts(mine).slice(before);
    assert.equal(order[0], 'Dzień dobry, kto będzie na spotkaniu w Poznaniu?');
    // The coordinator's two stay in the order written, wherever the official's falls.
    assert.ok(
      order.indexOf('Ja będę, z zastępczynią.') < order.indexOf('Proszę o salę z rzutnikiem.'),
    );
    assert.ok(order.includes('Sala 12 ma rzutnik.'));
    assert.doesNotMatch(
      (await coordinatorChat.getByRole('status').textContent()) ?? '',
      /Brak połączenia|Połączenie zostało przerwane/,
    );
    await assertAccessible(coordinator, 'group chat after reconnecting');
  });

  await t.test('a forum reply appears live in the open thread and on the bell', async () => {
    const thread = 'Jak ograniczacie zadłużenie czynszowe w zasobie komunalnym?';
    const reply = 'W Poznaniu od stycznia rozkładamy zaległości na raty bez odsetek.';
    // The coordinator wrote the thread, so follows it: a reply notifies him.
    await coordinator.getByRole('link', { name: thread }).click();
    await coordinator.getByRole('heading', { level: 1, name: thread }).waitFor();
    const bell = coordinator.getByRole('button', { name: /^Powiadomienia,/ });
    const unread = async () =>
      Number.parseInt(
        ((await bell.getAttribute('aria-label')) ?? '').replace(/\D+/g, '') || '0',
        10,
      );
    await bell.waitFor();
    const before = await unread();

    await official.getByRole('link', { name: thread }).click();
    await official.getByRole('heading', { level: 1, name: thread }).waitFor();
    await official.getByRole('textbox', { name: /Treść \(Markdown\)/ }).fill(reply);
    await official.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    await official.locator('.civitas-post-body').getByText(reply).waitFor();

    // No reload, and well before the bell's 30-second poll.
    await coordinator.locator('.civitas-post-body').getByText(reply).waitFor({ timeout: 10_000 });
    await poll(async () => (await unread()) === before + 1, 'the bell counting the reply', 10_000);
    await assertAccessible(coordinator, 'thread page after a live reply');
  });

  await t.test('Moje grupy counts the chat messages not yet read', async () => {
    // The coordinator goes back to the group's chat and writes; the official is elsewhere.
    await coordinator.goBack();
    const chat = coordinator.getByRole('region', { name: 'Czat' });
    await chat.getByRole('log').waitFor();
    await write(chat, 'Do zobaczenia w piątek.');
    await chat.getByRole('log').getByText('Do zobaczenia w piątek.').waitFor();

    await official
      .getByRole('navigation', { name: 'Menu główne' })
      .getByRole('link', { name: 'Grupy' })
      .click();
    const row = official
      .getByRole('region', { name: 'Moje grupy' })
      .getByRole('row')
      .filter({ hasText: GROUP });
    await row.getByText('1 nowa wiadomość').waitFor();
    await assertAccessible(official, 'groups with unread chat messages');
  });

  await t.test('no page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
