// The newsletter journey, in a real browser against the built web and API (whose mail goes
// over real SMTP to the in-process capture, which prints each mail's links): a visitor who
// is not signed in subscribes, confirms from the captured mail (a second click says the link
// was used), the office writes an issue with its live preview, sends a test and then the
// issue, the subscriber's mail carries a one-click unsubscribe link, and one click on that
// page unsubscribes; the mail client's RFC 8058 POST works without a cookie. axe on each page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible as assertA11y, Stack } from './harness.mjs';

const OFFICE_ADMIN = 'biuro@civitas.local';
const PASSWORD = 'Civitas-demo-2026';
const SUBSCRIBER = `czytelnik.${Date.now().toString(36)}@example.pl`;
const SUBJECT = `Wydanie testowe ${Date.now().toString(36)}`;
const stack = new Stack();
let visitor;
let office;
const pageErrors = [];

before(async () => {
  await stack.start();
  visitor = await stack.openPage(pageErrors);
  office = await stack.openPage(pageErrors);
});

after(() => stack.stop());

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The first link of the mail to `to` whose subject matches, as the API printed it. */
async function linkInMail(to, subject, path) {
  const [, link] = await stack.waitForOutput(
    new RegExp(
      `mail to ${escape(to)} — "${subject}[^"]*"\\n\\s+(${escape(stack.baseUrl)}${escape(path)}\\?token=[A-Za-z0-9_-]+)`,
    ),
    30_000,
  );
  return link;
}

test('subscribe, confirm, receive an issue, unsubscribe with one click', async (t) => {
  let confirmation;
  await t.test('a visitor subscribes on the public page, with the consent text shown', async () => {
    await visitor.goto(`${stack.baseUrl}/newsletter`);
    await visitor
      .getByRole('heading', { level: 1, name: 'Newsletter Związku Miast Polskich' })
      .waitFor();
    await visitor.getByText(/mam prawo dostępu do danych/).waitFor();
    await visitor
      .getByRole('link', { name: 'Informacja o przetwarzaniu danych osobowych' })
      .waitFor();
    await assertA11y(visitor, 'newsletter subscribe');
    await visitor.getByLabel(/^Adres e-mail/).fill(SUBSCRIBER);
    await visitor.getByRole('button', { name: 'Zapisz się' }).click();
    await visitor.getByText('Zaznacz zgodę, aby się zapisać').waitFor();
    await visitor.getByLabel(/wyrażam zgodę/).check();
    await visitor.getByRole('button', { name: 'Zapisz się' }).click();
    await visitor.getByText(/Sprawdź skrzynkę/).waitFor();
    await assertA11y(visitor, 'newsletter subscribe (sent)');
    confirmation = await linkInMail(SUBSCRIBER, 'Potwierdź zapis', '/newsletter/confirm');
  });

  await t.test(
    'the link from the captured mail confirms; a second click says it was used',
    async () => {
      await visitor.goto(confirmation);
      await visitor.getByText(new RegExp(`${escape(SUBSCRIBER)} jest zapisany`)).waitFor();
      await assertA11y(visitor, 'newsletter confirmed');
      await visitor.goto(confirmation);
      await visitor.getByText(/został już użyty/).waitFor();
      await assertA11y(visitor, 'newsletter confirmation used');
    },
  );

  await t.test('the office writes an issue with a live preview, tests and sends it', async () => {
    await office.goto(`${stack.baseUrl}/sign-in`);
    await office.getByLabel(/^Adres e-mail/).fill(OFFICE_ADMIN);
    await office.getByLabel(/^Hasło/).fill(PASSWORD);
    await office.getByRole('button', { name: 'Zaloguj się' }).click();
    await office.getByRole('heading', { level: 1, name: 'Katalog miast' }).waitFor();
    await office
      .getByRole('navigation', { name: 'Menu główne' })
      .getByRole('link', { name: 'Newsletter' })
      .click();
    await office.getByRole('heading', { level: 1, name: 'Newsletter — wydania' }).waitFor();
    await assertA11y(office, 'newsletter issues');
    await office.getByRole('link', { name: 'Nowe wydanie' }).click();
    await office.getByRole('heading', { level: 1, name: 'Nowe wydanie newslettera' }).waitFor();
    await office.getByLabel(/^Temat/).fill(SUBJECT);
    await office
      .getByLabel(/^Treść \(Markdown\)/)
      .fill('# Z prac Związku\n\nZarząd przyjął **stanowisko** w sprawie ustawy.');
    await office.locator('.civitas-markdown strong', { hasText: 'stanowisko' }).waitFor();
    await assertA11y(office, 'newsletter editor with preview');
    await office.getByRole('button', { name: 'Zapisz szkic' }).click();
    await office.getByRole('heading', { level: 1, name: `Wydanie: ${SUBJECT}` }).waitFor();
    await office.getByRole('button', { name: 'Wyślij test do mnie' }).click();
    await office.getByText('Wysłaliśmy wydanie testowe na Twój adres.').waitFor();
    await stack.waitForOutput(
      new RegExp(`mail to ${escape(OFFICE_ADMIN)} — "\\[TEST\\] ${SUBJECT}`),
      30_000,
    );
    await office.getByRole('button', { name: 'Wyślij do subskrybentów' }).click();
    const dialog = office.getByRole('dialog', { name: 'Wysłać wydanie?' });
    await dialog.waitFor();
    await assertA11y(office, 'newsletter send dialog');
    await dialog.getByRole('button', { name: 'Wyślij do subskrybentów' }).click();
    await office.getByRole('heading', { level: 2, name: 'Statystyki wysyłki' }).waitFor();
    await assertA11y(office, 'newsletter issue sent');
  });

  let unsubscribe;
  await t.test('the subscriber receives the issue with an unsubscribe link', async () => {
    unsubscribe = await linkInMail(SUBSCRIBER, SUBJECT, '/newsletter/unsubscribe');
  });

  await t.test(
    'one click on the unsubscribe page unsubscribes, with a resubscribe hint',
    async () => {
      await visitor.goto(unsubscribe);
      await visitor.getByRole('heading', { level: 1, name: 'Wypisanie z newslettera' }).waitFor();
      await assertA11y(visitor, 'newsletter unsubscribe');
      await visitor.getByRole('button', { name: 'Wypisz mnie' }).click();
      await visitor.getByText(/^Wypisano\./).waitFor();
      await visitor.getByRole('link', { name: /Możesz zapisać się ponownie/ }).waitFor();
      await assertA11y(visitor, 'newsletter unsubscribed');
    },
  );

  await t.test(
    "the List-Unsubscribe URL answers a mail client's POST without a cookie",
    async () => {
      const token = new URL(unsubscribe).searchParams.get('token');
      const response = await fetch(`${stack.baseUrl}/api/newsletter/unsubscribe/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      assert.equal(response.status, 200);
    },
  );

  await t.test('the office sees the issue delivered to one subscriber', async () => {
    await office.reload();
    await office.getByRole('heading', { level: 2, name: 'Statystyki wysyłki' }).waitFor();
    await office.locator('dd').nth(1).filter({ hasText: /^1$/ }).waitFor();
  });

  assert.deepEqual(pageErrors, []);
});
