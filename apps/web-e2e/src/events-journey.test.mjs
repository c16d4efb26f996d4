// The events journey, in a real browser against the built web and API on the demo seed: the
// office creates a workshop with two seats through the form (times typed in Polish time);
// Poznań's official registers, sharing her data with participants; Łódź's legal officer takes
// the last seat; Poznań's city admin is put on the waiting list (place 1); the official
// cancels and the admin is promoted in the same transaction — he finds it on the event page,
// in the bell and on the notifications page, and the e-mail is captured. The calendar's list
// and month views, the personal iCal feed, the form, the event page and the bell are checked
// with axe-core; the organiser downloads the participant list (CSV) and the .ics through their
// links; each person signs in in a fresh browser context.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import {
  assertAccessible as assertA11y,
  Stack,
  assertNoAlerts,
  expectDone as expectDoneOn,
} from './harness.mjs';

const OFFICE = { email: 'biuro@civitas.local', name: 'Anna Nowak' };
const OFFICIAL = { email: 'urzednik.poznan@civitas.local', name: 'Maria Wiśniewska' };
const LEGAL = { email: 'prawnik.lodz@civitas.local', name: 'Tomasz Zieliński' };
const ADMIN = { email: 'admin.poznan@civitas.local', name: 'Piotr Kowalski' };
const TITLE = 'Warsztaty: budżet obywatelski w praktyce';

const stack = new Stack();
let page;
let eventUrl;
const pageErrors = [];

before(async () => {
  await stack.start();
});

after(() => stack.stop());

const assertAccessible = (name) => assertA11y(page, name);

async function signIn(person) {
  page = await stack.signedInPage(person, pageErrors, page);
}

const noAlerts = (what) => assertNoAlerts(page, what);

const expectDone = (text, what) => expectDoneOn(page, text, what);

async function openEvent() {
  await page.goto(eventUrl);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
}

/** YYYY-MM-DD `days` from today. */
const day = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function register(person, share, expected) {
  await signIn(person);
  await openEvent();
  if (share) await page.getByRole('checkbox', { name: /Zgadzam się na udostępnienie/ }).check();
  await page.getByRole('button', { name: /^Zapisz się/ }).click();
  await expectDone(expected, `${person.name} registering`);
}

test('the office creates an event with two seats through the form', async () => {
  await signIn(OFFICE);
  await page.getByRole('link', { name: 'Wydarzenia' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Kalendarz wydarzeń' }).waitFor();
  await page.getByRole('heading', { name: 'Mój kalendarz (iCal)' }).waitFor();
  await assertAccessible('the calendar (list)');
  await page.getByText('Miesiąc', { exact: true }).click();
  await page.getByRole('table').waitFor();
  await assertAccessible('the calendar (month)');

  await page.getByRole('link', { name: 'Nowe wydarzenie' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nowe wydarzenie' }).waitFor();
  await page.getByLabel(/^Nazwa/).fill(TITLE);
  await page.getByLabel(/^Opis/).fill('Jak zaprojektować **regulamin** i głosowanie.');
  await page.getByLabel(/^Początek/).fill(`${day(40)}T10:00`);
  await page.getByLabel(/^Koniec/).fill(`${day(40)}T14:00`);
  await page.getByLabel(/^Miejsce/).fill('Poznań, Urząd Miasta, pl. Kolegiacki 17');
  await page.getByLabel(/^Liczba miejsc/).fill('2');
  await assertAccessible('the event form');
  await page.getByRole('button', { name: 'Utwórz wydarzenie' }).click();
  await page
    .getByRole('heading', { level: 1, name: TITLE })
    .or(page.getByRole('alert').first())
    .first()
    .waitFor();
  await noAlerts('creating the event');
  eventUrl = page.url();
  assert.match(eventUrl, /\/events\/[0-9a-f-]{36}$/);
  await page.getByText('10:00').first().waitFor();
  await assertAccessible('the event page (organiser)');
});

test('two people take the seats, the third is put on the waiting list', async () => {
  await register(OFFICIAL, true, 'Zapisano Cię na wydarzenie.');
  await assertAccessible('the event page (registered)');
  await register(LEGAL, false, 'Zapisano Cię na wydarzenie.');
  // The official shared her data; the legal officer did not: he sees her, and himself.
  const participants = page.getByTestId('participants');
  await participants.getByText(OFFICIAL.name).waitFor();
  await participants.getByText(LEGAL.name).waitFor();
  await register(
    ADMIN,
    false,
    'Wszystkie miejsca są zajęte: jesteś na liście rezerwowej (1. miejsce).',
  );
  await page
    .getByTestId('registration-status')
    .getByText(/liście rezerwowej – 1\. miejsce/)
    .waitFor();
  await assertAccessible('the event page (waiting list)');
});

test('a cancellation promotes the first on the waiting list, who is told in the bell and by e-mail', async () => {
  await signIn(OFFICIAL);
  await openEvent();
  await page.getByRole('button', { name: 'Wypisz się' }).click();
  await expectDone('Wypisano Cię z wydarzenia.', 'cancelling');

  await stack.waitForOutput(
    /mail to admin\.poznan@civitas\.local — "Civitas: Miejsce na wydarzeniu/,
    30_000,
  );
  await signIn(ADMIN);
  await openEvent();
  await page
    .getByTestId('registration-status')
    .getByText('Jesteś na liście uczestników.')
    .waitFor();
  const bell = page.getByRole('button', { name: /^Powiadomienia, [1-9]\d* nieprzeczytan/ });
  await bell.waitFor();
  await bell.click();
  const dialog = page.getByRole('dialog', { name: 'Powiadomienia' });
  await dialog
    .getByText(/Zwolniło się miejsce/)
    .first()
    .waitFor();
  await assertAccessible('the bell with the promotion');
  await dialog.getByRole('link', { name: /^Wszystkie powiadomienia/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Powiadomienia' }).waitFor();
  await page
    .getByText(new RegExp(`Zwolniło się miejsce.*${TITLE}`))
    .first()
    .waitFor();
  await assertAccessible('the notifications page');

  // The organiser sees both participants and an empty waiting list.
  await signIn(OFFICE);
  await openEvent();
  const list = page.getByTestId('participants');
  await list.getByText(LEGAL.name).waitFor();
  await list.getByText(ADMIN.name).waitFor();
  assert.equal(await page.getByTestId('waitlist').count(), 0);
  // The participant list and the .ics are plain links the browser downloads.
  const download = async (name) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name }).click(),
    ]);
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  };
  const csv = await download('Pobierz listę uczestników (CSV)');
  assert.equal(csv.name, 'Warsztaty budżet obywatelski w praktyce – uczestnicy.csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(csv.bytes.toString('utf8'), new RegExp(`${LEGAL.name},`));
  const ics = await download('Dodaj do kalendarza (.ics)');
  assert.equal(ics.name, 'Warsztaty budżet obywatelski w praktyce.ics');
  assert.match(ics.bytes.toString('utf8'), /SUMMARY:Warsztaty: budżet obywatelski w praktyce/);
  assert.deepEqual(pageErrors, []);
});
