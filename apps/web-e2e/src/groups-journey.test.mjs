// The working-group journey, in a real browser against the built web and API on the demo
// seed: an official asks to join "Finanse lokalne" (a REQUEST group) with a message, its
// coordinator signs in and approves with a message, and the official sees the decision
// and the group under "Moje grupy"; the official opens a thread mentioning the coordinator,
// who locks it. Every page is checked with axe-core; serious or
// critical violations fail the journey.
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
const pageErrors = [];

before(async () => {
  await stack.start();
  page = await stack.openPage(pageErrors);
});

after(() => stack.stop());

const assertAccessible = (name) => assertA11y(page, name);

async function signIn(person) {
  await page.goto(`${stack.baseUrl}/sign-in`);
  await page.getByRole('heading', { level: 1, name: 'Zaloguj się' }).waitFor();
  await page.getByLabel(/^Adres e-mail/).fill(person.email);
  await page.getByLabel(/^Hasło/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await page.getByRole('button', { name: `Konto: ${person.name}` }).waitFor();
}

async function signOut(person) {
  await page.getByRole('button', { name: `Konto: ${person.name}` }).click();
  await page.getByRole('menuitem', { name: 'Wyloguj się' }).click();
  await page.getByRole('heading', { level: 1, name: 'Zaloguj się' }).waitFor();
}

async function openGroups() {
  await page
    .getByRole('navigation', { name: 'Menu główne' })
    .getByRole('link', { name: 'Grupy' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Grupy robocze' }).waitFor();
  await page.waitForFunction(() => document.title === 'Grupy robocze · Civitas');
}

/** With E2E_SCREENSHOTS=<folder>, keeps a full-page screenshot for a person to look at. */
async function screenshot(name) {
  const folder = process.env.E2E_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

async function noAlerts(what) {
  const alerts = await page.getByRole('alert').allTextContents();
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
    await page.getByLabel(/^Treść \(Markdown\)/).fill('Jak planujecie WPF na 2027 r.? ');
    // The Select's hidden value input shares the label; type into the visible one.
    await page
      .getByLabel('Wspomnij członka grupy', { exact: true })
      .and(page.locator('input:not([type=hidden])'))
      .fill(COORDINATOR.name);
    await page.getByRole('option', { name: new RegExp(COORDINATOR.name) }).click();
    await page.getByRole('button', { name: 'Wstaw wspomnienie' }).click();
    await assertAccessible('new thread form');
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
    await signOut(OFFICIAL);
  });

  await t.test('the coordinator locks the thread', async () => {
    await signIn(COORDINATOR);
    await openGroups();
    const mine = page.getByRole('region', { name: 'Moje grupy' });
    await mine.getByRole('link', { name: GROUP }).click();
    await page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    await page.getByRole('region', { name: 'Forum' }).getByRole('link', { name: THREAD }).click();
    await page.getByRole('heading', { level: 1, name: THREAD }).waitFor();
    const moderation = page.getByRole('region', { name: 'Moderacja wątku' });
    await moderation.getByRole('button', { name: 'Zamknij wątek' }).click();
    await page
      .getByText('Wątek jest zamknięty — nie można w nim odpowiadać.')
      .or(page.getByRole('alert').first())
      .waitFor();
    await noAlerts('locking');
    assert.equal(await page.getByRole('button', { name: 'Wyślij odpowiedź' }).count(), 0);
    await assertAccessible('thread page (coordinator, locked)');
  });

  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
});
