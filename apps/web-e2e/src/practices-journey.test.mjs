// The good-practices journey, in a real browser against the built web and API on the demo
// seed (40 practices): a Poznań official searches "szkoly lodz" (no diacritics, other word
// forms), narrows to an area, opens the Łódź schools practice and bookmarks it. She then
// submits a practice of her own through the multi-step form (autosaved; the missing start
// date is reported on its step); the office requests changes, she revises and resubmits,
// the office publishes it, and it appears in search. On the way the form picks a partner
// town (typed without diacritics) and another contact person, checks a link's address, adds
// and removes a link and a file, and its address becomes the draft's own (a reload keeps it);
// the practice page links the partner and the city page lists the practice. The office keeps
// the list of areas (adds, refuses a second of the same name, renames, moves, retires and
// deletes an unused one; an area in use offers no delete). The search page is checked in
// English too. axe-core checks the search, practice, form and area pages and the dialogs;
// serious or critical violations fail the journey.
// Inflection needs the Polish dictionary in PostgreSQL (installed locally and in CI).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible as assertA11y, makePdf, Stack } from './harness.mjs';

const OFFICIAL = { email: 'urzednik.poznan@civitas.local', name: 'Maria Wiśniewska' };
const OFFICE = { email: 'biuro@civitas.local', name: 'Anna Nowak' };
const CONTACT = 'Piotr Kowalski';
const LODZ_SCHOOLS = 'Centrum Usług Wspólnych dla szkół w Łodzi';
const TITLE = 'Rowerowy autobus do szkół podstawowych w Poznaniu';
const COMMENT = 'Proszę podać rezultaty w liczbach: ilu uczniów dojeżdża rowerem.';

const stack = new Stack();
let page;
let practiceUrl;
const pageErrors = [];

before(async () => {
  await stack.start();
});

after(() => stack.stop());

const assertAccessible = (name) => assertA11y(page, name);

async function signIn(person) {
  page = await stack.signedInPage(person, pageErrors, page);
}

async function openPractices() {
  await page
    .getByRole('navigation', { name: 'Menu główne' })
    .getByRole('link', { name: 'Dobre praktyki' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Dobre praktyki' }).waitFor();
}

async function waitSaved() {
  await page
    .locator('.practice-autosave')
    .getByText(/^Zapisano o/)
    .waitFor();
}

/** Past the autosave's pause and its save: what was changed last is stored. */
async function settled() {
  await page.waitForTimeout(1500);
  await waitSaved();
}

async function pdf(name) {
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'application/pdf', buffer: makePdf(name) });
  await page.getByText(`Dodano plik ${name}.`).waitFor();
}

test('search "szkoly lodz", filter by area, open and bookmark a practice', async () => {
  await signIn(OFFICIAL);
  await openPractices();
  await page.getByText(/^Znaleziono \d+ prakty/).waitFor();
  await assertAccessible('practice search (browsing)');

  await page.getByLabel(/^Szukaj praktyk/).fill('szkoly lodz');
  await page.getByRole('button', { name: 'Szukaj', exact: true }).click();
  const hit = page.getByRole('link', { name: LODZ_SCHOOLS });
  await hit.waitFor();
  assert.match(page.url(), /\?q=szkoly\+lodz$/);
  // The title's matches are marked.
  assert.ok((await hit.locator('mark').count()) > 0, 'the title has highlighted matches');

  const education = page.getByRole('checkbox', { name: /^Edukacja \(\d+\)$/ });
  await education.click();
  await page.waitForURL(/area=EDUCATION/);
  await page.getByRole('checkbox', { name: /^Edukacja \(\d+\)$/, checked: true }).waitFor();
  await hit.waitFor();
  await assertAccessible('practice search (words and a facet)');

  // The back button returns to the search without the facet, forward brings it back.
  await page.goBack();
  await page.waitForURL(/\?q=szkoly\+lodz$/);
  await page.getByRole('checkbox', { name: /^Edukacja \(\d+\)$/, checked: false }).waitFor();
  await page.goForward();
  await page.waitForURL(/area=EDUCATION/);

  await page.getByRole('link', { name: LODZ_SCHOOLS }).click();
  await page.getByRole('heading', { level: 1, name: LODZ_SCHOOLS }).waitFor();
  await page.getByRole('heading', { name: 'Podobne praktyki' }).waitFor();
  await page.getByText('Koszt całkowity').waitFor();
  await assertAccessible('practice page');

  await page.getByRole('button', { name: 'Dodaj do zakładek' }).click();
  await page.getByRole('button', { name: 'W zakładkach', pressed: true }).waitFor();
  await page.getByText('Dodano do zakładek.').waitFor();

  await page.getByRole('button', { name: 'Chcemy to wdrożyć' }).click();
  const dialog = page.getByRole('dialog', { name: 'Chcemy wdrożyć tę praktykę' });
  await dialog
    .getByLabel(/^Wiadomość do osoby kontaktowej/)
    .fill('Dzień dobry, Poznań rozważa wspólną obsługę szkół. Czy możemy porozmawiać?');
  await assertAccessible('adopt dialog');
  await dialog.getByRole('button', { name: 'Wyślij' }).click();
  await page.getByText('Twoje miasto zgłosiło chęć wdrożenia tej praktyki.').first().waitFor();

  // The bookmark is stored: it shows after a reload and in the bookmarks.
  await page.reload();
  await page.getByRole('button', { name: 'W zakładkach', pressed: true }).waitFor();
  await page.goto(`${stack.baseUrl}/practices/bookmarks`);
  await page.getByRole('link', { name: LODZ_SCHOOLS }).waitFor();
});

test('submit a practice; the office requests changes; resubmitted, published, found', async () => {
  await openPractices();
  await page.getByRole('link', { name: 'Zgłoś praktykę' }).click();
  await page.getByRole('heading', { level: 1, name: 'Zgłoś dobrą praktykę' }).waitFor();
  await page.getByLabel(/^Tytuł/).fill(TITLE);
  await page.getByRole('combobox', { name: /^Obszar/ }).click();
  await page.getByRole('option', { name: 'Edukacja' }).click();
  await page.getByLabel(/^Słowa kluczowe/).fill('rowery, szkoły, bezpieczeństwo');
  await waitSaved();
  // The first autosave created the draft: the address is now its own (replacing /new).
  await page.waitForURL(/\/practices\/[0-9a-f-]{36}\/edit$/);
  const draftUrl = page.url();
  await page.getByRole('heading', { level: 1, name: 'Edycja praktyki' }).waitFor();
  assert.equal(await page.getByLabel(/^Tytuł/).inputValue(), TITLE);

  // A partner town, typed the way people type (no diacritics).
  const partners = page.getByRole('combobox', { name: /^Miasta partnerskie/ });
  await partners.fill('lodz');
  await page.getByRole('option', { name: /^Łódź \(/ }).click();
  await assertAccessible('submission form (basics)');

  await page.getByRole('button', { name: /^2\. Problem i cele/ }).click();
  await page.getByLabel(/^Problem/).fill('Rodzice dowożą dzieci autami; przed szkołami są korki.');
  await page.getByLabel(/^Cele/).fill('Połowa uczniów klas 4–8 dojeżdża rowerem lub pieszo.');
  await page.getByRole('button', { name: /^3\. Działania i rezultaty/ }).click();
  await page
    .getByLabel(/^Działania/)
    .fill('Wyznaczone trasy rowerowe z opiekunami, parkingi rowerowe przy szkołach.');
  await page.getByLabel(/^Mierzalne rezultaty/).fill('Więcej dzieci dojeżdża rowerem.');
  await page.getByRole('button', { name: /^4\. Koszty i finansowanie/ }).click();
  await page.getByLabel(/^Koszt całkowity/).fill('150 000');
  await waitSaved();
  await assertAccessible('submission form (costs)');

  // The contact person: the author by default, another person of the city chosen.
  await page.getByRole('button', { name: /^6\. Kontakt i linki/ }).click();
  const contact = page.getByRole('combobox', { name: /^Osoba kontaktowa/ });
  assert.equal(await contact.inputValue(), OFFICIAL.name);
  await contact.click();
  await page.getByRole('option', { name: CONTACT }).click();
  // A link without an http(s) address is named as wrong and not saved until it is right.
  await page.getByRole('button', { name: 'Dodaj link' }).click();
  await page.getByLabel(/^Opis 1/).fill('Trasy rowerowego autobusu');
  await page.getByLabel(/^Adres \(http\/https\) 1/).fill('poznan.pl/rowerowy-autobus');
  await page.getByText('Podaj adres zaczynający się od http:// lub https://').waitFor();
  await assertAccessible('submission form (contact, a wrong link)');
  await page.getByLabel(/^Adres \(http\/https\) 1/).fill('https://www.poznan.pl/rowerowy-autobus');
  await page.getByRole('button', { name: 'Dodaj link' }).click();
  await page.getByLabel(/^Opis 2/).fill('Zbędny link');
  await page.getByLabel(/^Adres \(http\/https\) 2/).fill('https://example.com/');
  await settled();
  await page.getByRole('button', { name: 'Usuń link 2' }).click();
  await settled();

  // Files: one kept, one added by mistake and removed (restored once, then removed again).
  await page.getByRole('button', { name: /^7\. Załączniki/ }).click();
  await pdf('trasy.pdf');
  await pdf('zbedny.pdf');
  await page.getByRole('button', { name: 'Usuń plik zbedny.pdf' }).click();
  await page.getByText('Usunięto plik zbedny.pdf.').waitFor();
  await page.getByRole('button', { name: 'Przywróć plik zbedny.pdf' }).click();
  await page.getByText('Przywrócono plik zbedny.pdf.').waitFor();
  await page.getByRole('link', { name: 'zbedny.pdf' }).waitFor();
  await page.getByRole('button', { name: 'Usuń plik zbedny.pdf' }).click();
  await page.getByText('Usunięto plik zbedny.pdf.').waitFor();
  await assertAccessible('submission form (attachments)');

  // A reload opens the same draft with all of it.
  await page.reload();
  assert.equal(page.url(), draftUrl);
  await page.getByRole('heading', { level: 1, name: 'Edycja praktyki' }).waitFor();
  assert.equal(await page.getByLabel(/^Tytuł/).inputValue(), TITLE);
  await page.getByText('Łódź', { exact: true }).waitFor();
  await page.getByRole('button', { name: /^6\. Kontakt i linki/ }).click();
  assert.equal(
    await page.getByRole('combobox', { name: /^Osoba kontaktowa/ }).inputValue(),
    CONTACT,
  );
  assert.equal(await page.getByLabel(/^Opis 1/).inputValue(), 'Trasy rowerowego autobusu');
  assert.equal(await page.getByLabel(/^Opis 2/).count(), 0);
  await page.getByRole('button', { name: /^7\. Załączniki/ }).click();
  await page.getByRole('link', { name: 'trasy.pdf' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'zbedny.pdf' }).count(), 0);

  // Without a start date the submission is refused, and the form says on which step.
  await page.getByRole('button', { name: 'Wyślij do oceny' }).click();
  const missing = page.getByRole('button', { name: 'Okres i przenoszalność: Początek realizacji' });
  await missing.waitFor();
  await assertAccessible('submission form (missing fields)');
  await missing.click();
  await page.getByLabel(/^Początek realizacji/).fill('2023-09-01');
  await page.getByLabel(/^Możliwość przeniesienia/).fill('Każde miasto z siecią dróg rowerowych.');
  await waitSaved();
  await page.getByRole('button', { name: 'Wyślij do oceny' }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByText('Zgłoszona', { exact: true }).first().waitFor();
  await page.getByText(`${CONTACT}, Pełnomocnik prezydenta`).waitFor();
  await page.getByRole('link', { name: 'Łódź', exact: true }).waitFor();
  await page.getByRole('link', { name: 'Pobierz trasy.pdf' }).waitFor();
  practiceUrl = page.url();
  assert.match(practiceUrl, /\/practices\/[0-9a-f-]{36}$/);

  // The office returns it with a comment.
  await signIn(OFFICE);
  await page.goto(`${stack.baseUrl}/practices/review`);
  await page.getByRole('heading', { level: 1, name: 'Praktyki do oceny' }).waitFor();
  await page.getByRole('link', { name: TITLE }).waitFor();
  await assertAccessible('review queue');
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByRole('button', { name: 'Rozpocznij ocenę' }).click();
  await page.getByText('Rozpoczęto ocenę.').waitFor();
  await page.getByRole('button', { name: 'Poproś o zmiany' }).click();
  const changes = page.getByRole('dialog', { name: 'Poproś o zmiany' });
  await changes.getByLabel(/^Co autor ma poprawić/).fill(COMMENT);
  await assertAccessible('request changes dialog');
  await changes.getByRole('button', { name: 'Wyślij uwagi' }).click();
  await page.getByText('Odesłano do autora z uwagami.').waitFor();

  // The author sees the comment, revises and resubmits.
  await signIn(OFFICIAL);
  await page.goto(`${stack.baseUrl}/practices/mine`);
  const item = page.getByRole('listitem').filter({ hasText: TITLE });
  await item.getByText(COMMENT).waitFor();
  await item.getByRole('link', { name: 'Popraw i wyślij ponownie' }).click();
  await page.getByRole('heading', { level: 1, name: 'Edycja praktyki' }).waitFor();
  await page.getByText(COMMENT).waitFor();
  await page.getByRole('button', { name: /^3\. Działania i rezultaty/ }).click();
  await page
    .getByLabel(/^Mierzalne rezultaty/)
    .fill(
      'Rowerem lub pieszo dojeżdża 48% uczniów (wcześniej 17%); ruch aut przed szkołami spadł o 35%.',
    );
  await waitSaved();
  await assertAccessible('submission form (revising)');
  await page.getByRole('button', { name: 'Wyślij do oceny' }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByText('Zgłoszona', { exact: true }).first().waitFor();

  // The office publishes it.
  await signIn(OFFICE);
  await page.goto(practiceUrl);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByRole('button', { name: 'Rozpocznij ocenę' }).click();
  await page.getByText('Rozpoczęto ocenę.').waitFor();
  await page.getByRole('button', { name: 'Opublikuj' }).click();
  const publish = page.getByRole('dialog', { name: 'Publikacja praktyki' });
  await publish.getByRole('combobox', { name: /^Źródło weryfikacji/ }).click();
  await page.getByRole('option', { name: 'Biuro Związku' }).click();
  await publish.getByLabel(/^Opis weryfikacji/).fill('Ocena Biura Związku');
  await assertAccessible('publish dialog');
  await publish.getByRole('button', { name: 'Opublikuj' }).click();
  await page.getByText('Praktyka opublikowana.').waitFor();

  // Members find it (another word form, no diacritics).
  await openPractices();
  await page.getByLabel(/^Szukaj praktyk/).fill('rowerowe szkoly poznan');
  await page.getByRole('button', { name: 'Szukaj', exact: true }).click();
  await page.getByRole('link', { name: TITLE }).waitFor();
  await assertAccessible('practice search (the new practice)');

  // The city page lists it.
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByRole('link', { name: 'Poznań', exact: true }).click();
  const cityPractices = page.getByRole('region', { name: 'Dobre praktyki' });
  await cityPractices.getByRole('link', { name: TITLE }).waitFor();
  assert.deepEqual(pageErrors, []);
});

test('the office keeps the list of areas', async () => {
  const NAME = 'Sport i rekreacja';
  const RENAMED = 'Sport, rekreacja i turystyka';
  await openPractices();
  await page.getByRole('link', { name: 'Obszary', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Obszary praktyk' }).waitFor();
  // An area practices use offers no delete, only retiring.
  const education = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { name: 'Edukacja', exact: true }),
  });
  await education.getByText('Używany — można go tylko wycofać.').waitFor();
  assert.equal(await education.getByRole('button', { name: /^Usuń/ }).count(), 0);
  await assertAccessible('practice areas');

  await page.getByLabel(/^Nazwa \(polska\)/).fill(NAME);
  await page.getByLabel(/^Nazwa \(angielska\)/).fill('Sport and recreation');
  assert.equal(await page.getByLabel(/^Kod/).inputValue(), 'SPORT_I_REKREACJA');
  await page.getByRole('button', { name: 'Dodaj obszar' }).click();
  await page.getByText(`Dodano obszar ${NAME}.`).waitFor();
  await page.getByRole('heading', { name: NAME, exact: true }).waitFor();
  // The same name again (another code): refused, said under the name.
  await page.getByLabel(/^Nazwa \(polska\)/).fill(NAME.toUpperCase());
  await page.getByLabel(/^Nazwa \(angielska\)/).fill('Sports');
  await page.getByLabel(/^Kod/).fill('SPORT_AGAIN');
  await page.getByRole('button', { name: 'Dodaj obszar' }).click();
  await page.getByText('Taki obszar już istnieje (ta sama nazwa lub kod).').waitFor();
  await assertAccessible('practice areas (a refused name)');

  await page.getByRole('button', { name: `Zmień nazwę: ${NAME}` }).click();
  await page
    .getByRole('textbox', { name: /^Nazwa \(polska\)/ })
    .first()
    .fill(RENAMED);
  await page.getByRole('button', { name: 'Zapisz' }).click();
  await page.getByText(`Zapisano nazwę: ${RENAMED}.`).waitFor();
  await page.getByRole('button', { name: `Przesuń w górę: ${RENAMED}` }).click();
  await page.getByText(new RegExp(`^${RENAMED}: teraz \\d+\\. z \\d+\\.$`)).waitFor();
  await page.getByRole('button', { name: `Wycofaj: ${RENAMED}` }).click();
  await page.getByText(`Wycofano obszar ${RENAMED}.`).waitFor();
  await page.getByRole('button', { name: `Przywróć: ${RENAMED}` }).waitFor();

  await page.getByRole('button', { name: `Usuń: ${RENAMED}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Usunąć obszar?' });
  await assertAccessible('delete area dialog');
  await dialog.getByRole('button', { name: 'Usuń' }).click();
  await page.getByText(`Usunięto obszar ${RENAMED}.`).waitFor();
  assert.equal(await page.getByRole('heading', { name: RENAMED }).count(), 0);
  assert.deepEqual(pageErrors, []);
});

test('the search page in English', async () => {
  await signIn(OFFICIAL);
  await page.goto(`${stack.baseUrl}/practices?q=szkoly+lodz&sort=newest`);
  await page.getByRole('button', { name: /^English/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Good practices' }).waitFor();
  await page.getByText(/^\d+ practices? found$/).waitFor();
  // The order the URL holds is the one chosen (the radio itself is visually hidden).
  const newest = page.getByRole('radio', { name: 'Newest' });
  await newest.waitFor({ state: 'attached' });
  assert.ok(await newest.isChecked());
  await page.getByRole('checkbox', { name: /^Education \(\d+\)$/ }).waitFor();
  await assertAccessible('practice search in English');
  await page.getByRole('button', { name: /^Polski/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Dobre praktyki' }).waitFor();
  assert.deepEqual(pageErrors, []);
});
