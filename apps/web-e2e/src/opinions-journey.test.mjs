// The expert-opinions journey, in a real browser against the built web and API on the demo
// seed: Łódź's legal officer drafts a request (autosaved), sees a similar published opinion
// beside it and submits; the office asks for more information, the officer answers; the
// office accepts and assigns the expert with a due date and a fee; the expert starts, uploads
// the opinion (a small PDF made here) with a summary and delivers; the office releases it and
// the officer downloads it; the office publishes a redacted copy, and an official of Poznań
// finds it in the library. axe-core checks the main pages and dialogs; serious or critical
// violations fail the journey.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  assertAccessible as assertA11y,
  Stack,
  makePdf,
  expectDone as expectDoneOn,
} from './harness.mjs';

const OFFICER = { email: 'prawnik.lodz@civitas.local', name: 'Tomasz Zieliński' };
const OFFICE = { email: 'biuro@civitas.local', name: 'Anna Nowak' };
const EXPERT = { email: 'ekspert@civitas.local', name: 'Jan Wójcik' };
const OTHER_CITY = { email: 'urzednik.poznan@civitas.local', name: 'Maria Wiśniewska' };
const SUBJECT = 'Zmiana nazwy ulicy a koszty wymiany dokumentów w Łodzi';
const SIMILAR = 'Zmiana nazwy ulicy a koszty wymiany dokumentów mieszkańców';
const PUBLISHED_SUBJECT = 'Koszty zmiany nazwy ulicy ponoszone przez mieszkańców';

const stack = new Stack();
let page;
let requestUrl;
const pageErrors = [];

before(async () => {
  await stack.start();
});

after(() => stack.stop());

const assertAccessible = (name) => assertA11y(page, name);

/** YYYY-MM-DD `days` from today. */
function inDays(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function signIn(person) {
  page = await stack.signedInPage(person, pageErrors, page);
}

async function openOpinions() {
  await page
    .getByRole('navigation', { name: 'Menu główne' })
    .getByRole('link', { name: 'Opinie prawne' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Opinie prawne' }).waitFor();
}

async function openRequest() {
  await page.goto(requestUrl);
  await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
}

const expectDone = (text, what) => expectDoneOn(page, text, what);

async function act(action, dialogTitle) {
  await page.getByRole('button', { name: `${action}: ${SUBJECT}` }).click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await dialog.waitFor();
  return dialog;
}

test('a legal opinion from request to the library', async (t) => {
  await t.test('the legal officer drafts, sees a similar opinion and submits', async () => {
    await signIn(OFFICER);
    await openOpinions();
    await assertAccessible('opinions (officer)');
    await page.getByRole('link', { name: 'Nowy wniosek o opinię' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nowy wniosek o opinię prawną' }).waitFor();
    await page.getByLabel(/^Temat/).fill(SUBJECT);
    await page
      .getByLabel(/^Pytanie/)
      .fill(
        'Czy gmina, zmieniając nazwę ulicy, musi pokryć koszty wymiany dokumentów mieszkańców i przedsiębiorców?',
      );
    await page.getByText(/^Szkic zapisany o/).waitFor({ timeout: 15_000 });
    const similar = page.getByRole('region', { name: 'Podobne opinie w bibliotece' });
    await similar.getByRole('link', { name: SIMILAR }).waitFor({ timeout: 15_000 });
    await page
      .getByLabel(/^Stan faktyczny/)
      .fill('Rada Miejska planuje zmianę nazwy ulicy, przy której mieszka 900 osób.');
    await page.getByLabel('Akt prawny 1').fill('Ustawa o samorządzie gminnym');
    await page.getByLabel('Przepisy 1').fill('art. 18 ust. 2 pkt 13');
    await page.getByRole('combobox', { name: /^Dziedzina prawa/ }).click();
    await page.getByRole('option', { name: 'Samorząd terytorialny' }).click();
    await assertAccessible('request form');
    await page.getByRole('button', { name: 'Złóż wniosek' }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await expectDone('Wniosek został złożony.', 'submitting');
    requestUrl = page.url();
    assert.match(requestUrl, /\/opinions\/[0-9a-f-]{36}$/);
    await page.getByText('Złożony', { exact: true }).first().waitFor();
    await assertAccessible('request page (officer)');
  });

  await t.test('the office asks for information from the triage queue', async () => {
    await signIn(OFFICE);
    await openOpinions();
    await page.getByRole('link', { name: 'Kolejka wniosków' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kolejka wniosków' }).waitFor();
    await page.getByRole('link', { name: SUBJECT }).waitFor();
    await assertAccessible('triage queue');
    const dialog = await act('Poproś o informacje', 'Prośba o uzupełnienie wniosku');
    await dialog.getByLabel(/^Pytanie do miasta/).fill('Ile firm ma siedzibę przy tej ulicy?');
    await assertAccessible('ask for information dialog');
    await dialog.getByRole('button', { name: 'Poproś o informacje' }).click();
    await expectDone('Wysłano prośbę o informacje do miasta.', 'asking for information');
  });

  await t.test('the officer answers, which resubmits the request', async () => {
    await signIn(OFFICER);
    await openRequest();
    await page.getByText('Ile firm ma siedzibę przy tej ulicy?').first().waitFor();
    const dialog = await act('Odpowiedz biuru', 'Odpowiedź na pytanie biura');
    await dialog.getByLabel(/^Odpowiedź/).fill('Przy ulicy działa 35 firm.');
    await dialog.getByRole('button', { name: 'Odpowiedz biuru' }).click();
    await expectDone('Odpowiedź wysłana; wniosek wrócił do biura.', 'answering');
  });

  await t.test('the office accepts and assigns the expert', async () => {
    await signIn(OFFICE);
    await page.goto(`${stack.baseUrl}/opinions/triage`);
    await page.getByRole('link', { name: SUBJECT }).waitFor();
    const dialog = await act('Przyjmij i przydziel eksperta', 'Przyjęcie wniosku');
    await dialog.getByRole('combobox', { name: /^Ekspert/ }).click();
    await page.getByRole('option', { name: new RegExp(EXPERT.name) }).click();
    await dialog.getByLabel(/^Termin/).fill(inDays(14));
    await dialog.getByLabel(/^Wynagrodzenie w zł/).fill('2 500,00');
    await assertAccessible('accept dialog');
    await dialog.getByRole('button', { name: 'Przyjmij i przydziel eksperta' }).click();
    await expectDone('Wniosek przyjęty i przydzielony ekspertowi.', 'accepting');
  });

  await t.test('the expert starts, uploads the opinion and delivers', async () => {
    await signIn(EXPERT);
    await openOpinions();
    await page.getByRole('heading', { level: 2, name: 'Zlecone mi opinie' }).waitFor();
    await page.getByRole('link', { name: SUBJECT }).waitFor();
    await assertAccessible('opinions assigned to the expert');
    await page.getByRole('link', { name: SUBJECT }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await page.getByRole('button', { name: `Rozpocznij pracę: ${SUBJECT}` }).click();
    await expectDone('Praca nad opinią rozpoczęta.', 'starting work');
    const dialog = await act('Przekaż opinię', 'Przekazanie opinii');
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'opinia.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf('Opinia prawna: zmiana nazwy ulicy'),
    });
    await dialog.getByText('Dodano plik opinia.pdf.').waitFor();
    await dialog
      .getByLabel(/^Streszczenie opinii/)
      .fill('Wymiana dowodu osobistego z powodu zmiany nazwy ulicy jest bezpłatna.');
    await assertAccessible('deliver dialog');
    await dialog.getByRole('button', { name: 'Przekaż opinię' }).click();
    await expectDone('Opinia przekazana biuru.', 'delivering');
  });

  await t.test('the office releases the opinion and the officer downloads it', async () => {
    await signIn(OFFICE);
    await openRequest();
    const dialog = await act('Przekaż miastu', 'Przekazać opinię miastu?');
    await dialog.getByRole('button', { name: 'Przekaż miastu' }).click();
    await expectDone('Opinia przekazana miastu.', 'releasing');

    await signIn(OFFICER);
    await openRequest();
    await page.getByText('Przekazany miastu', { exact: true }).first().waitFor();
    const link = page.getByRole('link', { name: 'Pobierz opinia.pdf' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(path);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    await assertAccessible('request page after release (officer)');
  });

  await t.test('the office publishes a redacted copy', async () => {
    await signIn(OFFICE);
    await openRequest();
    const dialog = await act('Opublikuj w bibliotece', 'Publikacja w bibliotece opinii');
    await dialog.getByRole('radio', { name: 'Jako kopię zanonimizowaną' }).check();
    await dialog.getByLabel(/^Temat publikacji/).fill(PUBLISHED_SUBJECT);
    await dialog
      .getByLabel(/^Streszczenie publikacji/)
      .fill(
        'Wymiana dowodu osobistego z powodu zmiany nazwy ulicy jest bezpłatna dla mieszkańców.',
      );
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'opinia-zanonimizowana.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf('Opinia prawna (kopia zanonimizowana)'),
    });
    await dialog.getByText('Dodano plik opinia-zanonimizowana.pdf.').waitFor();
    await assertAccessible('publish dialog');
    await dialog.getByRole('button', { name: 'Opublikuj w bibliotece' }).click();
    await expectDone('Opinia opublikowana w bibliotece.', 'publishing');
    await page.getByRole('button', { name: 'Pokaż dziennik dostępu' }).click();
    await page.getByRole('table', { name: 'Kto i kiedy czytał lub zmieniał wniosek' }).waitFor();
    await assertAccessible('request page with the audit log (office)');
    await page.goto(`${stack.baseUrl}/opinions/dashboard`);
    await page.getByRole('heading', { level: 1, name: 'Pulpit opinii prawnych' }).waitFor();
    await page.getByRole('region', { name: 'Eksperci' }).getByText(EXPERT.name).waitFor();
    await assertAccessible('office dashboard');
  });

  await t.test('an official of another city finds it in the library', async () => {
    await signIn(OTHER_CITY);
    await openOpinions();
    await page.getByRole('link', { name: 'Biblioteka opinii' }).click();
    await page.getByRole('heading', { level: 1, name: 'Biblioteka opinii prawnych' }).waitFor();
    await page.getByLabel(/^Szukaj w opiniach/).fill('zmiany nazwy ulicy mieszkańców');
    await page.getByRole('button', { name: 'Szukaj', exact: true }).click();
    const result = page.getByRole('article').filter({ hasText: PUBLISHED_SUBJECT });
    await result.waitFor();
    await result.getByText('Kopia zanonimizowana').waitFor();
    assert.ok((await result.locator('mark').count()) > 0, 'the snippet marks the matches');
    await assertAccessible('library search');
    await result.getByRole('link', { name: PUBLISHED_SUBJECT }).click();
    await page.getByRole('heading', { level: 1, name: PUBLISHED_SUBJECT }).waitFor();
    await page.getByRole('link', { name: 'Pobierz opinia-zanonimizowana.pdf' }).waitFor();
    await assertAccessible('published opinion');
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages');
  });
});
