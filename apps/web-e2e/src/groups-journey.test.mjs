// The working-group journey, in a real browser against the built web and API on the demo
// seed: an official asks to join "Finanse lokalne" (a REQUEST group) with a message, its
// coordinator signs in and approves with a message, and the official sees the decision
// and the group under "Moje grupy"; the official opens a thread mentioning the coordinator
// (typed as @ and a name, chosen from the suggestions). The coordinator, signed in in a
// browser context of their own, sees the bell's unread count, opens the bell, follows the
// mention to the thread, sees the group's new posts under "Moje grupy" before and not after
// reading, lists the notifications page, and locks the thread. Every page is checked with
// axe-core; serious or critical violations fail the journey.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible as assertA11y, Stack } from './harness.mjs';

const PASSWORD = 'Civitas-demo-2026';
const OFFICIAL = { email: 'urzednik.poznan@civitas.local', name: 'Maria Wiśniewska' };
// demo.seed.ts: the sixth of MORE_PEOPLE coordinates "Finanse lokalne".
const COORDINATOR = {
  email: 'krzysztof.kozlowski@miasto5.civitas.local',
  name: 'Krzysztof Kozłowski',
};
const GROUP = 'Finanse lokalne';
const REQUEST_MESSAGE = 'Dzień dobry, w Poznaniu przygotowujemy wieloletnią prognozę finansową.';
const DECISION = 'Witamy w grupie! Najbliższe spotkanie w grudniu.';
const THREAD = 'Wieloletnia prognoza finansowa 2027';

const stack = new Stack();
let page;
/** The coordinator's own browser context, for the steps after the thread is posted. */
let coordinatorPage;
const pageErrors = [];

before(async () => {
  await stack.start();
  page = await stack.openPage(pageErrors);
});

after(() => stack.stop());

const assertAccessible = (name, on = page) => assertA11y(on, name);

async function signIn(person, on = page) {
  await on.goto(`${stack.baseUrl}/sign-in`);
  await on.getByRole('heading', { level: 1, name: 'Zaloguj się' }).waitFor();
  await on.getByLabel(/^Adres e-mail/).fill(person.email);
  await on.getByLabel(/^Hasło/).fill(PASSWORD);
  await on.getByRole('button', { name: 'Zaloguj się' }).click();
  await on.getByRole('button', { name: `Konto: ${person.name}` }).waitFor();
}

async function signOut(person) {
  await page.getByRole('button', { name: `Konto: ${person.name}` }).click();
  await page.getByRole('menuitem', { name: 'Wyloguj się' }).click();
  await page.getByRole('heading', { level: 1, name: 'Zaloguj się' }).waitFor();
}

async function openGroups(on = page) {
  await on
    .getByRole('navigation', { name: 'Menu główne' })
    .getByRole('link', { name: 'Grupy' })
    .click();
  await on.getByRole('heading', { level: 1, name: 'Grupy robocze' }).waitFor();
  await on.waitForFunction(() => document.title === 'Grupy robocze · Civitas');
}

/** The "Nowe wpisy" cell of a "Moje grupy" row as a number ("brak" is 0). */
async function unreadThreads(row) {
  const cell = row.getByText(/^(\d+ wąt(ek|ki|ków)|brak)$/);
  await cell.waitFor();
  const text = await cell.textContent();
  return text === 'brak' ? 0 : Number.parseInt(text, 10);
}

/** Retries `check` until it holds (a list refreshing from the network after the cache). */
async function poll(check, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** With E2E_SCREENSHOTS=<folder>, keeps a full-page screenshot for a person to look at. */
async function screenshot(name, on = page) {
  const folder = process.env.E2E_SCREENSHOTS;
  if (folder) await on.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

async function noAlerts(what, on = page) {
  const alerts = await on.getByRole('alert').allTextContents();
  assert.deepEqual(alerts, [], `${what} failed: ${alerts.join(' / ')}`);
}

test('an official asks to join a REQUEST group and its coordinator approves', async (t) => {
  await t.test('the official finds the group without diacritics and asks to join', async () => {
    await signIn(OFFICIAL);
    await openGroups();
    const discover = page.getByRole('region', { name: 'Odkrywaj' });
    await discover.getByLabel(/^Szukaj grupy/).fill('finanse lokalne');
    await discover.getByText('Znaleziono 1 grupę').waitFor();
    await assertAccessible('groups (official)');
    await discover.getByRole('button', { name: `Poproś o dołączenie: ${GROUP}` }).click();
    const dialog = page.getByRole('dialog', { name: `Prośba o dołączenie: ${GROUP}` });
    await dialog.getByLabel(/^Wiadomość do koordynatorów/).fill(REQUEST_MESSAGE);
    await assertAccessible('join request dialog');
    await dialog.getByRole('button', { name: 'Wyślij prośbę' }).click();
    await page
      .getByText(`Prośba o dołączenie do grupy „${GROUP}” została wysłana.`)
      .or(page.getByRole('alert').first())
      .waitFor();
    await noAlerts('asking to join');
    const requests = page.getByRole('region', { name: 'Moje prośby o dołączenie' });
    const row = requests.getByRole('row').filter({ hasText: GROUP });
    await row.getByText('Oczekuje').waitFor();
    await row.getByText(REQUEST_MESSAGE).waitFor();
    await assertAccessible('groups after the request');
    await signOut(OFFICIAL);
  });

  await t.test('the coordinator approves the request with a message', async () => {
    await signIn(COORDINATOR);
    await openGroups();
    const mine = page.getByRole('region', { name: 'Moje grupy' });
    await mine.getByRole('row').filter({ hasText: GROUP }).getByText('Koordynator').waitFor();
    await mine.getByRole('link', { name: GROUP }).click();
    await page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    const requests = page.getByRole('region', { name: 'Prośby o dołączenie' });
    await requests.getByText(REQUEST_MESSAGE).waitFor();
    await assertAccessible('group page (coordinator)');
    await requests.getByRole('button', { name: `Przyjmij: ${OFFICIAL.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Przyjąć prośbę: ${OFFICIAL.name}?` });
    await dialog.getByLabel(/^Wiadomość dla osoby proszącej/).fill(DECISION);
    await dialog.getByRole('button', { name: 'Przyjmij' }).click();
    await page
      .getByText(`Przyjęto do grupy: ${OFFICIAL.name}.`)
      .or(page.getByRole('alert').first())
      .waitFor();
    await noAlerts('approving');
    await requests.getByText('Brak oczekujących próśb.').waitFor();
    const members = page.getByRole('region', { name: 'Członkowie' });
    await members.getByRole('row').filter({ hasText: OFFICIAL.name }).getByText('Poznań').waitFor();
    const log = page.getByRole('region', { name: 'Dziennik moderacji' });
    const entry = log.getByRole('row').filter({ hasText: 'Przyjęcie prośby' });
    await entry.getByText(DECISION).waitFor();
    await entry.getByText(COORDINATOR.name).waitFor();
    await assertAccessible('group page after approving');
    await screenshot('group-page-coordinator');
    await signOut(COORDINATOR);
  });

  await t.test('the official sees the decision and the group in "Moje grupy"', async () => {
    await signIn(OFFICIAL);
    await openGroups();
    const requests = page.getByRole('region', { name: 'Moje prośby o dołączenie' });
    const row = requests.getByRole('row').filter({ hasText: GROUP });
    await row.getByText('Przyjęta').waitFor();
    await row.getByText(DECISION).waitFor();
    const mine = page.getByRole('region', { name: 'Moje grupy' });
    await mine.getByRole('row').filter({ hasText: GROUP }).getByText('Członek').waitFor();
    await assertAccessible('groups after the decision');
    await screenshot('groups-official');
    await mine.getByRole('link', { name: GROUP }).click();
    await page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Forum' }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Narzędzia koordynatora' }).count(), 0);
    await assertAccessible('group page (member)');
  });

  await t.test('the official opens a thread mentioning the coordinator', async () => {
    await page.getByRole('button', { name: 'Nowy wątek' }).click();
    await page.getByLabel(/^Tytuł/).fill(THREAD);
    const body = page.getByRole('textbox', { name: /^Treść \(Markdown\)/ });
    await body.fill('Jak planujecie WPF na 2027 r.? Pytanie do ');
    await body.pressSequentially('@Krzysz');
    const suggestions = page.getByRole('listbox', { name: 'Członkowie grupy do wspomnienia' });
    await suggestions.getByRole('option', { name: new RegExp(COORDINATOR.name) }).waitFor();
    await assertAccessible('new thread form with mention suggestions');
    await body.press('Enter');
    await suggestions.waitFor({ state: 'detached' });
    assert.match(
      await body.inputValue(),
      new RegExp(`Pytanie do @\\[${COORDINATOR.name}\\]\\(user:[0-9a-f-]+\\) $`),
    );
    await page.getByRole('button', { name: 'Utwórz wątek' }).click();
    await page
      .getByRole('heading', { level: 1, name: THREAD })
      .or(page.getByRole('alert').first())
      .waitFor();
    await noAlerts('opening a thread');
    const posts = page.getByRole('region', { name: 'Wpisy' });
    await posts.getByRole('heading', { level: 3, name: `${OFFICIAL.name} (Poznań)` }).waitFor();
    await posts.getByText(COORDINATOR.name).waitFor();
    await assertAccessible('thread page (author)');
    await screenshot('thread-author');
  });

  await t.test('the mentioned coordinator sees the notification and the unread count', async () => {
    coordinatorPage = await stack.openPage(pageErrors);
    const on = coordinatorPage;
    await signIn(COORDINATOR, on);
    const bell = on.getByRole('button', { name: /^Powiadomienia, [1-9]\d* nieprzeczytan/ });
    await bell.waitFor();
    await openGroups(on);
    const mine = on.getByRole('region', { name: 'Moje grupy' });
    const row = mine.getByRole('row').filter({ hasText: GROUP });
    // The seeded threads of the group are unread too; the new one adds to them.
    const unreadBefore = await unreadThreads(row);
    assert.ok(unreadBefore >= 1, `unread threads in ${GROUP}: ${unreadBefore}`);
    await assertAccessible('groups with unread threads (coordinator)', on);

    await bell.click();
    const dialog = on.getByRole('dialog', { name: 'Powiadomienia' });
    const mention = dialog.getByRole('link', {
      name: new RegExp(`^${OFFICIAL.name} wspomina o Tobie w wątku „${THREAD}”`),
    });
    await mention.waitFor();
    await assertAccessible('notification bell (open)', on);
    await screenshot('notification-bell', on);
    await mention.click();
    await on.getByRole('heading', { level: 1, name: THREAD }).waitFor();
    assert.equal(await dialog.count(), 0, 'the bell closes when a notification is followed');
    // The link names the post: it is focused, and reading it marks the thread read.
    await on.waitForFunction(() => document.activeElement?.id?.startsWith('post-'));
    await on.waitForLoadState('networkidle');
    await noAlerts('following the mention', on);

    await openGroups(on);
    await poll(async () => (await unreadThreads(row)) === unreadBefore - 1, 'the thread read');

    await bell.click();
    await dialog.getByRole('link', { name: /^Wszystkie powiadomienia/ }).click();
    await on.getByRole('heading', { level: 1, name: 'Powiadomienia' }).waitFor();
    const list = on.getByRole('region', { name: 'Lista powiadomień' });
    await list
      .getByRole('link', { name: new RegExp(`wspomina o Tobie w wątku „${THREAD}”`) })
      .waitFor();
    await on
      .getByRole('region', { name: 'Powiadomienia e-mail' })
      .getByRole('radiogroup', { name: 'Wspomnienie' })
      .waitFor();
    await assertAccessible('notifications page', on);
    await screenshot('notifications', on);
  });

  await t.test('the coordinator locks the thread', async () => {
    const on = coordinatorPage;
    await openGroups(on);
    const mine = on.getByRole('region', { name: 'Moje grupy' });
    await mine.getByRole('link', { name: GROUP }).click();
    await on.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    await on.getByRole('region', { name: 'Forum' }).getByRole('link', { name: THREAD }).click();
    await on.getByRole('heading', { level: 1, name: THREAD }).waitFor();
    const moderation = on.getByRole('region', { name: 'Moderacja wątku' });
    await moderation.getByRole('button', { name: 'Zamknij wątek' }).click();
    await on
      .getByText('Wątek jest zamknięty — nie można w nim odpowiadać.')
      .or(on.getByRole('alert').first())
      .waitFor();
    await noAlerts('locking', on);
    assert.equal(await on.getByRole('button', { name: 'Wyślij odpowiedź' }).count(), 0);
    await assertAccessible('thread page (coordinator, locked)', on);
  });

  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
});
