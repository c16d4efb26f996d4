// The first-invitation journey, in a real browser against the built web and API:
// the office invites a new official into Poznań, the invitee accepts, finds Łódź in
// the directory, switches language and back, and signs out. Every page visited is
// checked with axe-core; serious or critical violations fail the journey.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible as assertA11y, Stack } from './harness.mjs';

const OFFICE_ADMIN = 'biuro@civitas.local';
const PASSWORD = 'Civitas-demo-2026';
const stack = new Stack();
let page;
const pageErrors = [];

before(async () => {
  await stack.start();
  page = await stack.openPage(pageErrors);
});

after(() => stack.stop());

const assertAccessible = (name) => assertA11y(page, name);

async function expectTitle(title) {
  await page.waitForFunction((t) => document.title === t, title);
}

const invitee = {
  email: `e2e.${Date.now().toString(36)}@poznan.pl`,
  name: 'Zofia Testowa-Łęcka',
  position: 'Inspektorka',
  password: 'Nowe-haslo-2026!',
};

test('office admin invites a new official, who accepts and uses the directory', async (t) => {
  await t.test('the sign-in page is shown at / and is accessible', async () => {
    await page.goto(`${stack.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Zaloguj się' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    await expectTitle('Zaloguj się · Civitas');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'pl');
    await assertAccessible('sign-in');
  });

  await t.test('the office admin signs in and lands in the city directory', async () => {
    await page.getByLabel(/^Adres e-mail/).fill(OFFICE_ADMIN);
    await page.getByLabel(/^Hasło/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.getByRole('heading', { level: 1, name: 'Katalog miast' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/cities');
    await page.getByRole('table').waitFor();
    await assertAccessible('directory (office admin)');
  });

  await t.test('the office admin invites a new official into Poznań', async () => {
    await page
      .getByRole('navigation', { name: 'Menu główne' })
      .getByRole('link', { name: 'Zaproszenia' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Zaproszenia' }).waitFor();
    await expectTitle('Zaproszenia · Civitas');
    await page.getByLabel(/^Adres e-mail osoby zapraszanej/).fill(invitee.email);
    await page.getByRole('combobox', { name: /^Organizacja/ }).fill('poznan');
    await page.getByRole('option', { name: /^Poznań \(/ }).click();
    await page.getByLabel(/^Rola/).selectOption('CITY_OFFICIAL');
    await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
    const outcome = page
      .getByText(`Zaproszenie zostało wysłane na adres ${invitee.email}.`)
      .or(page.getByRole('alert').first());
    await outcome.waitFor();
    const alerts = await page.getByRole('alert').allTextContents();
    assert.deepEqual(alerts, [], `creating the invitation failed: ${alerts.join(' / ')}`);
    await page.getByRole('cell', { name: invitee.email, exact: true }).waitFor();
    await assertAccessible('invitations');
  });

  let link;
  await t.test('the invitation e-mail carries a link, printed by the API', async () => {
    const escaped = stack.baseUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const [found] = await stack.waitForOutput(
      new RegExp(`${escaped}/invitation\\?token=[A-Za-z0-9_\\-.~%]+`),
    );
    link = found;
    assert.ok(stack.output.includes(invitee.email), 'the mail went to the invitee');
  });

  await t.test('the office admin signs out from the user menu', async () => {
    await page.getByRole('button', { name: /^Konto: / }).click();
    await page.getByRole('menuitem', { name: 'Wyloguj się' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zaloguj się' }).waitFor();
  });

  await t.test('the invitee opens the link and accepts the invitation', async () => {
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Przyjmij zaproszenie' }).waitFor();
    await page.getByText(/Zaproszenie do Civitas: Poznań, rola: Urzędnik miasta/).waitFor();
    assert.equal(await page.getByLabel(/^Adres e-mail konta/).inputValue(), invitee.email);
    await assertAccessible('accept invitation');
    await page.getByLabel(/^Imię i nazwisko/).fill(invitee.name);
    await page.getByLabel(/^Stanowisko/).fill(invitee.position);
    await page.getByLabel(/^Hasło/).fill(invitee.password);
    await page.getByLabel(/^Powtórz hasło/).fill(invitee.password);
    await page.getByRole('button', { name: 'Utwórz konto i zaloguj się' }).click();
  });

  await t.test(
    'the invitee is signed in, in the directory, and stays signed in after a reload',
    async () => {
      await page.getByRole('heading', { level: 1, name: 'Katalog miast' }).waitFor();
      await page.getByRole('button', { name: `Konto: ${invitee.name}` }).waitFor();
      await page.reload();
      await page.getByRole('button', { name: `Konto: ${invitee.name}` }).waitFor();
      await page.getByRole('heading', { level: 1, name: 'Katalog miast' }).waitFor();
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
      assert.ok(!/eyJ/.test(stored), 'no token in localStorage');
    },
  );

  await t.test('typing "lodz" finds Łódź, whose city page opens', async () => {
    await page.getByLabel(/^Szukaj miasta/).fill('lodz');
    await page.waitForURL(/[?&]q=lodz/);
    await page.getByRole('link', { name: 'Łódź', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Łódź' }).waitFor();
    await expectTitle('Łódź · Civitas');
    await page.getByRole('heading', { level: 2, name: 'Informacje' }).waitFor();
    await page.getByText('1061011').waitFor();
    await assertAccessible('city page (Łódź)');
  });

  await t.test('the language switches to English and back to Polish', async () => {
    await page.getByRole('button', { name: /^English/ }).click();
    await page.getByRole('heading', { level: 2, name: 'About' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'City directory' })
      .waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await assertAccessible('city page in English');
    await page.getByRole('button', { name: /^Polski/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Informacje' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Menu główne' })
      .getByRole('link', { name: 'Katalog miast' })
      .waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'pl');
  });

  await t.test('the invitee signs out', async () => {
    await page.getByRole('button', { name: `Konto: ${invitee.name}` }).click();
    await page.getByRole('menuitem', { name: 'Wyloguj się' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zaloguj się' }).waitFor();
    await page.goto(`${stack.baseUrl}/cities`);
    await page.getByRole('heading', { level: 1, name: 'Zaloguj się' }).waitFor();
  });

  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
});
