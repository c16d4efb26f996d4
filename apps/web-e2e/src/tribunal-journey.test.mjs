// The Constitutional Tribunal journey, in a real browser against the built web and API on the
// demo seed: the office opens a case for Kraków; Poznań's city admin and Łódź's legal officer
// each ask to join with their council's resolution (a small PDF made here); the office accepts
// both; the case is filed and examined; a call to remedy formal defects delivered on
// 2025-04-14 shows the deadline 2025-04-22 (the 7th day, 21 April 2025, is Easter Monday), on
// the case page and in the deadlines view. The reminder: the API starts again standing on
// 17 April 2025 (CLOCK_FIXED_AT, which a production configuration refuses) and, without
// Redis, runs that day's reminders at start — five days before the deadline Łódź's legal
// officer finds it in the bell and on the notifications page, and the e-mail is captured;
// then the API is back on today's date and the case goes on to a judgment, with the Tribunal's
// later letter added to an entry, a library opinion linked and the case joined with another
// found by its signature in the picker. axe-core checks the case page, the deadlines view, the
// bell and the notifications page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  assertAccessible as assertA11y,
  Stack,
  makePdf,
  assertNoAlerts,
  expectDone as expectDoneOn,
} from './harness.mjs';

const OFFICE = { email: 'biuro@civitas.local', name: 'Anna Nowak' };
const POZNAN = { email: 'admin.poznan@civitas.local', name: 'Piotr Kowalski' };
const LODZ = { email: 'prawnik.lodz@civitas.local', name: 'Tomasz Zieliński' };
const TITLE = 'Opłata za gospodarowanie odpadami — zasady ustalania stawek przez rady gmin';

const stack = new Stack();
let page;
let caseUrl;
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

async function openCase() {
  await page.goto(caseUrl);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
}

const entries = () => page.locator('[data-testid^="stage-entry-"]');

/** The office records the next stage; waits for its entry on the timeline. */
async function recordStage(stage, fields) {
  const before = await entries().count();
  await page.getByLabel(/^Kolejny etap/).selectOption(stage);
  for (const [label, value] of fields) await page.getByLabel(label).fill(value);
  await page.getByRole('button', { name: 'Zapisz etap' }).click();
  await entries().nth(before).or(page.getByRole('alert').first()).first().waitFor();
  await noAlerts(`recording ${stage}`);
}

async function askToJoin(person, number, date) {
  await signIn(person);
  await openCase();
  await page.getByRole('heading', { name: 'Przystąp do sprawy' }).waitFor();
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'uchwala.pdf', mimeType: 'application/pdf', buffer: makePdf(number) });
  await page.getByLabel(/^Numer uchwały/).fill(number);
  await page.getByLabel(/^Data uchwały/).fill(date);
  await page.getByRole('button', { name: 'Wyślij wniosek o przystąpienie' }).click();
  await expectDone(/Wniosek wysłany/, `${person.email} asking to join`);
}

test('a Tribunal case from preparation to judgment', async (t) => {
  await t.test('the office opens a case for Kraków', async () => {
    await signIn(OFFICE);
    await page
      .getByRole('navigation', { name: 'Menu główne' })
      .getByRole('link', { name: 'Trybunał Konstytucyjny' })
      .click();
    await page
      .getByRole('heading', { level: 1, name: 'Sprawy przed Trybunałem Konstytucyjnym' })
      .waitFor();
    await page.getByRole('link', { name: 'Nowa sprawa' }).click();
    await page.getByLabel(/^Tytuł sprawy/).fill(TITLE);
    await page
      .getByLabel(/^Zaskarżony akt/)
      .fill('Ustawa z dnia 13 września 1996 r. o utrzymaniu czystości i porządku w gminach');
    await page.getByLabel(/^Zaskarżone przepisy/).fill('art. 6k ust. 2a');
    await page.getByLabel(/^Wzorce kontroli/).fill('art. 16 ust. 2, art. 167 ust. 1 Konstytucji');
    await page.getByLabel(/^Szukaj miasta/).fill('Kraków');
    const applicant = page.getByLabel(/^Miasto wnioskodawca/);
    await applicant.locator('option', { hasText: /^Kraków$/ }).waitFor({ state: 'attached' });
    await applicant.selectOption({ label: 'Kraków' });
    await page.getByLabel(/^Numer uchwały rady/).fill('XV/210/25');
    await page.getByLabel(/^Data uchwały rady/).fill('2025-02-10');
    await page.getByRole('button', { name: 'Utwórz sprawę' }).click();
    await page
      .getByRole('heading', { level: 1, name: TITLE })
      .or(page.getByRole('alert').first())
      .first()
      .waitFor();
    await noAlerts('creating the case');
    caseUrl = page.url();
    assert.match(caseUrl, /\/tribunal\/[0-9a-f-]{36}$/);
  });

  await t.test('Poznań and Łódź ask to join with their resolutions', async () => {
    await askToJoin(POZNAN, 'XX/301/25', '2025-02-18');
    await askToJoin(LODZ, 'XII/145/25', '2025-02-20');
  });

  await t.test('the office accepts both and files the motion', async () => {
    await signIn(OFFICE);
    await openCase();
    for (const city of ['Poznań', 'Łódź']) {
      await page.getByRole('button', { name: `Przyjmij: ${city}` }).click();
      await expectDone('Przystąpienie przyjęte.', `accepting ${city}`);
    }
    const cities = page.getByRole('region', { name: 'Miasta' });
    for (const city of ['Kraków', 'Poznań', 'Łódź']) {
      await cities.getByText(city, { exact: true }).waitFor();
    }
    assert.equal(await cities.getByText('współwnioskodawca').count(), 2);
    await recordStage('FILED', [[/^Data etapu/, '2025-03-03']]);
    await recordStage('PRELIMINARY_EXAMINATION', [[/^Data etapu/, '2025-03-10']]);
    await page.getByLabel(/^Sygnatura wstępnego rozpoznania/).fill('Tw 12/2025');
    await page.getByRole('button', { name: 'Zapisz sygnatury' }).click();
    const wrong = page.getByRole('alert').first();
    await wrong.waitFor();
    assert.match(await wrong.textContent(), /Tw/, 'the signature error names the expected form');
    await page.getByLabel(/^Sygnatura wstępnego rozpoznania/).fill('Tw 12/25');
    await page.getByRole('button', { name: 'Zapisz sygnatury' }).click();
    await expectDone('Sygnatury zapisane.', 'saving the signature');
  });

  await t.test(
    'a call to remedy defects delivered on 14 April 2025 is due on 22 April',
    async () => {
      // The Tribunal's letter goes up as a document of the entry.
      await page.locator('input[type="file"]').setInputFiles({
        name: 'wezwanie.pdf',
        mimeType: 'application/pdf',
        buffer: makePdf('Wezwanie do usuniecia brakow formalnych'),
      });
      await recordStage('DEFECTS_CALL', [
        [/^Data etapu/, '2025-04-11'],
        [/^Data doręczenia/, '2025-04-14'],
      ]);
      const call = entries().last();
      assert.match(await call.textContent(), /Wezwanie do usunięcia braków formalnych/);
      const letter = call.getByRole('link', { name: 'wezwanie.pdf' });
      await letter.waitFor();
      assert.ok(await letter.getAttribute('href'), 'the document links to its download');
      assert.match(await call.getByTestId('stage-deadline').textContent(), /22 kwietnia 2025/);
      await assertAccessible('the case page');

      await page.goto(`${stack.baseUrl}/tribunal/deadlines`);
      await page.getByRole('heading', { level: 1, name: 'Terminy procesowe' }).waitFor();
      const row = page.getByTestId('tribunal-deadline').filter({ hasText: TITLE });
      await row.waitFor();
      assert.match(await row.textContent(), /22 kwietnia 2025/);
      assert.match(await row.textContent(), /przekroczony/);
      await assertAccessible('the deadlines view');
    },
  );

  await t.test(
    'a reminder appears five days before the deadline: in the bell, on the notifications page, by e-mail',
    async () => {
      await stack.restartApi({ CLOCK_FIXED_AT: '2025-04-17T07:00:00+02:00' });
      await stack.waitForOutput(/tribunal deadline reminders: [1-9]/, 30_000);
      await stack.waitForOutput(
        /mail to prawnik\.lodz@civitas\.local — "Civitas: Termin w sprawie przed TK/,
        30_000,
      );

      await signIn(LODZ);
      const reminderText = new RegExp(
        `Zbliża się termin procesowy w sprawie przed Trybunałem Konstytucyjnym „${TITLE}” \\(termin: 2025-04-22\\)`,
      );
      const bell = page.getByRole('button', { name: /^Powiadomienia, [1-9]\d* nieprzeczytan/ });
      await bell.waitFor();
      await bell.click();
      const dialog = page.getByRole('dialog', { name: 'Powiadomienia' });
      await dialog.getByText(reminderText).waitFor();
      await assertAccessible('the bell with the reminder');
      await dialog.getByRole('link', { name: /^Wszystkie powiadomienia/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Powiadomienia' }).waitFor();
      await page.getByText(reminderText).first().waitFor();
      await assertAccessible('the notifications page');

      // On that day the deadline is five days ahead, not overdue.
      await page.goto(`${stack.baseUrl}/tribunal/deadlines`);
      const row = page.getByTestId('tribunal-deadline').filter({ hasText: TITLE });
      await row.waitFor();
      assert.match(await row.textContent(), /5 dni/);
      assert.doesNotMatch(await row.textContent(), /przekroczony/);

      await stack.restartApi();
    },
  );

  await t.test('the timeline goes on to a judgment', async () => {
    await signIn(OFFICE);
    await openCase();
    await recordStage('PRELIMINARY_EXAMINATION', [[/^Data etapu/, '2025-04-18']]);
    await recordStage('ADMITTED', [[/^Data etapu/, '2025-05-20']]);

    // The Tribunal's confirmation of filing arrives later: added to the entry by a correction.
    const filed = entries().nth(1);
    // (The stage's name is visually hidden, a block of its own to the accessible name.)
    await filed.getByRole('button', { name: /^Popraw wpis\s*: Wniosek złożony$/ }).click();
    const correction = page.getByRole('region', { name: 'Korekta wpisu: Wniosek złożony' });
    await correction.locator('input[type="file"]').setInputFiles({
      name: 'potwierdzenie-wplywu.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf('Potwierdzenie wplywu wniosku'),
    });
    await correction.getByLabel(/^Powód korekty/).fill('Potwierdzenie wpływu doszło później');
    await correction.getByRole('button', { name: 'Zapisz korektę' }).click();
    await filed.getByRole('link', { name: 'potwierdzenie-wplywu.pdf' }).waitFor();
    await noAlerts('adding a document to the filing entry');
    assert.match(await filed.textContent(), /Potwierdzenie wpływu doszło później/);

    // An expert opinion of the library is linked to the case.
    const opinions = page.getByRole('region', { name: 'Powiązane opinie prawne' });
    const choice = opinions.getByLabel(/^Opinia do dołączenia/);
    await choice.waitFor();
    const opinion = (await choice.locator('option').first().textContent()).trim();
    await opinions.getByRole('button', { name: 'Dołącz opinię' }).click();
    await opinions.getByText('Opinia dołączona do sprawy.').waitFor();
    const linked = opinions.getByRole('link', { name: opinion });
    assert.match(await linked.getAttribute('href'), /^\/opinions\/library\/[0-9a-f-]{36}$/);

    // The Tribunal joins it with the demo Janosikowe case, found by its signature, picked by keyboard.
    const joined = page.getByRole('region', { name: 'Sprawy połączone' });
    const picker = joined.getByRole('combobox', { name: /^Połącz ze sprawą/ });
    await picker.fill('K 5/25');
    const janosikowe = 'Janosikowe — wpłaty miast do budżetu państwa (K 5/25)';
    await joined.getByRole('option', { name: janosikowe }).waitFor();
    await picker.press('ArrowDown');
    await picker.press('Enter');
    assert.equal(await picker.inputValue(), janosikowe);
    await joined.getByRole('button', { name: 'Połącz sprawy' }).click();
    await joined.getByText('Sprawy połączone.', { exact: true }).waitFor();
    await joined
      .getByRole('link', { name: 'Janosikowe — wpłaty miast do budżetu państwa' })
      .waitFor();
    await noAlerts('joining the case with another');
    await assertAccessible(
      'the case page with a linked opinion, a joined case and a corrected entry',
    );
    await page.getByLabel(/^Sygnatura sprawy/).fill('K 3/25');
    await page.getByRole('button', { name: 'Zapisz sygnatury' }).click();
    await expectDone('Sygnatury zapisane.', 'saving the case signature');
    await recordStage('HEARING_SCHEDULED', [
      [/^Data etapu/, '2025-09-01'],
      [/^Data i godzina rozprawy/, '2025-10-15T10:00'],
    ]);
    await recordStage('JUDGMENT', [
      [/^Data etapu/, '2025-10-15'],
      [/^Rozstrzygnięcie/, 'Niezgodny z art. 167 ust. 1 Konstytucji'],
      [/^Streszczenie/, 'Trybunał uznał, że ustawa odbiera radom gmin swobodę ustalania stawek.'],
    ]);
    assert.equal(await entries().count(), 8);
    await page.getByText('Wyrok', { exact: true }).first().waitFor();
    assert.deepEqual(pageErrors, []);
  });
});
