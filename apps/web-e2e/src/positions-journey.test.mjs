// The positions journey, in a real browser against the built web and API on the demo seed: the
// office opens a consultation on a draft position (closing time typed in Polish time); Łódź's
// legal officer comments on it; the office sees the comment, and when the board adopts the
// position records it from the consultation; the position page says how the consultation went
// and the library's search finds it. axe-core checks the consultation page, the position page
// and the library.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible as assertA11y, Stack, assertNoAlerts } from './harness.mjs';

const OFFICE = { email: 'biuro@civitas.local', name: 'Anna Nowak' };
const LODZ = { email: 'prawnik.lodz@civitas.local', name: 'Tomasz Zieliński' };
const TITLE = 'Projekt stanowiska w sprawie ustawy o rewitalizacji obszarów śródmiejskich';

const stack = new Stack();
let page;
let consultationUrl;
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

test('the office opens a consultation', async () => {
  await signIn(OFFICE);
  await page.getByRole('link', { name: 'Stanowiska' }).click();
  await page.getByRole('link', { name: 'Konsultacje projektów stanowisk' }).click();
  await page.getByRole('link', { name: 'Otwórz konsultację' }).click();
  await page.getByLabel(/^Tytuł projektu stanowiska/).fill(TITLE);
  await page
    .getByLabel(/^Projekt aktu lub ustawa/)
    .fill('Projekt ustawy o zmianie ustawy o rewitalizacji');
  await page.getByLabel(/^Numer druku/).fill('UD777');
  await page.getByLabel(/^Treść projektu/).fill('Zarząd **popiera** kierunek zmian.');
  const next = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel(/^Uwagi do/).fill(`${next}T16:00`);
  await page.getByRole('button', { name: 'Otwórz konsultację' }).click();
  await page
    .getByRole('heading', { level: 1, name: TITLE })
    .or(page.getByRole('alert').first())
    .first()
    .waitFor();
  await noAlerts('opening the consultation');
  await page.getByText(`Uwagi do: ${next} 16:00 (czasu polskiego)`).waitFor();
  consultationUrl = page.url();
});

test("Łódź's legal officer comments", async () => {
  await signIn(LODZ);
  await page.goto(consultationUrl);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByLabel('Twoja uwaga (Markdown)').fill('Łódź popiera, prosi o okres przejściowy.');
  await page.getByRole('button', { name: 'Zgłoś uwagę' }).click();
  await page.getByText('Łódź popiera, prosi o okres przejściowy.').first().waitFor();
  await noAlerts('commenting');
  await assertAccessible('consultation page (commenter)');
});

test('the office adopts the position and the library finds it', async () => {
  await signIn(OFFICE);
  await page.goto(consultationUrl);
  await page.getByText('Łódź popiera, prosi o okres przejściowy.').waitFor();
  await page.getByRole('link', { name: /Zarząd przyjął stanowisko/ }).click();
  await page.getByLabel(/^Tytuł/).fill('Stanowisko Zarządu ZMP w sprawie ustawy o rewitalizacji');
  await page.getByLabel(/^Data przyjęcia/).fill('2026-11-25');
  await page.getByRole('button', { name: 'Zapisz' }).click();
  await page
    .getByRole('heading', {
      level: 1,
      name: 'Stanowisko Zarządu ZMP w sprawie ustawy o rewitalizacji',
    })
    .or(page.getByRole('alert').first())
    .first()
    .waitFor();
  await noAlerts('adopting');
  await page.getByText(/Konsultacja: 1 uwaga z 1 miasta, zamknięta/).waitFor();
  await assertAccessible('position page');
  await page.getByRole('link', { name: 'Wróć do listy dokumentów' }).click();
  await page.getByLabel('Szukaj w dokumentach Związku').fill('rewitalizacji');
  await page.getByRole('button', { name: 'Szukaj', exact: true }).click();
  await page.getByText('1 dokument', { exact: true }).waitFor();
  assert.match(page.url(), /\/positions\?q=rewitalizacji$/);
  const hit = page.getByRole('link', { name: /Stanowisko Zarządu ZMP w sprawie ustawy o/ });
  assert.equal(await hit.locator('mark').first().textContent(), 'rewitalizacji');
  await assertAccessible('library search');
  assert.deepEqual(pageErrors, []);
});
