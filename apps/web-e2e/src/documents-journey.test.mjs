// The documents journey, in a real browser against the built web and API on the demo seed:
// an official of Poznań, a member of "Edukacja", drops two files generated here (a PDF and
// a PNG) on the group's library and watches them go up (the network is throttled so the
// progress bar is seen part-way), cancels a third, opens the PDF's preview, uploads a new
// version with a note and restores the first one, replies on the group's forum with a file
// attached, and moves the PNG to the trash; the group's coordinator restores it from the
// trash; an official of another group opening the PDF's link gets "not found". The library view and the version drawer are checked with
// axe-core; serious or critical violations fail the journey.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import { assertAccessible as assertA11y, Stack, makePdf } from './harness.mjs';

const PASSWORD = 'Civitas-demo-2026';
const MEMBER = { email: 'urzednik.poznan@civitas.local', name: 'Maria Wiśniewska' };
// demo.seed.ts: the third of MORE_PEOPLE coordinates "Edukacja", the second "Gospodarka mieszkaniowa".
const COORDINATOR = {
  email: 'agnieszka.dabrowska@miasto2.civitas.local',
  name: 'Agnieszka Dąbrowska',
};
const OUTSIDER = { email: 'michal.kaminski@miasto1.civitas.local', name: 'Michał Kamiński' };
const GROUP = 'Edukacja';
const PDF_NAME = 'Raport o sieci szkół 2026.pdf';
const PNG_NAME = 'Mapa dowozów.png';
const NOTE = 'Poprawione dane o dowozach';
// demo-forum.seed.ts: a thread of "Edukacja".
const THREAD = 'Arkusze organizacyjne na nowy rok szkolny';
const REPLY = 'Przesyłam nasz arkusz godzin do porównania.';
const ATTACHMENT = 'Arkusz godzin 2026.pdf';

/** A small valid PNG (a blue square). */
function png(size = 16) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([30, 90, 200]))]);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const stack = new Stack();
let page;
const pageErrors = [];
let libraryUrl;
let pdfUrl;

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

/** Drops files on the library's drop zone as a person dragging them from the desktop would. */
async function dropFiles(files) {
  const payload = files.map((f) => ({
    name: f.name,
    type: f.type,
    data: f.buffer.toString('base64'),
  }));
  await page.getByTestId('document-dropzone').evaluate((zone, list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: f.type }));
    }
    zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, dataTransfer: transfer }));
    zone.dispatchEvent(
      new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }),
    );
  }, payload);
}

async function noAlerts(what) {
  const alerts = await page.getByRole('alert').allTextContents();
  assert.deepEqual(alerts, [], `${what} failed: ${alerts.join(' / ')}`);
}

/** Waits for `locator`; on failure says what the page showed instead. */
async function shown(locator, what, timeout = 30_000) {
  try {
    await locator.waitFor({ timeout });
  } catch (error) {
    const text = await page
      .locator('main')
      .innerText()
      .catch(() => '');
    throw new Error(`${what} did not appear. The page showed:\n${text}`, { cause: error });
  }
}

const filesTable = () => page.getByRole('table', { name: /^Plików w folderze/ });
const row = (name) => filesTable().getByRole('row').filter({ hasText: name });

test('a member shares files in a group library; the coordinator restores from the trash', async (t) => {
  await t.test('the member opens the group library', async () => {
    await signIn(MEMBER);
    await page
      .getByRole('navigation', { name: 'Menu główne' })
      .getByRole('link', { name: 'Grupy' })
      .click();
    await page
      .getByRole('region', { name: 'Moje grupy' })
      .getByRole('link', { name: GROUP })
      .click();
    await page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    await page.getByRole('link', { name: 'Otwórz dokumenty grupy' }).click();
    await page.getByRole('heading', { level: 1, name: `Dokumenty grupy „${GROUP}”` }).waitFor();
    await page.getByText('W tym folderze nie ma jeszcze plików.').waitFor();
    await page.getByText(/z 5 GB$/).waitFor();
    libraryUrl = page.url();
    await assertAccessible('the library view (empty)');
  });

  await t.test('drops a PDF and a PNG, sees the progress, cancels a third upload', async () => {
    // Slow uploads down (about 64 KB/s) so the progress bar is seen part-way.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: 10_000_000,
      uploadThroughput: 64 * 1024,
    });
    await dropFiles([
      { name: PDF_NAME, type: 'application/pdf', buffer: makePdf('Raport o sieci szkol', 160_000) },
      { name: PNG_NAME, type: 'image/png', buffer: png() },
    ]);
    const pdfBar = page.getByRole('progressbar', { name: `Wysyłanie: ${PDF_NAME}` });
    await pdfBar.waitFor();
    await page.waitForFunction(
      (name) => {
        const bar = document.querySelector(`[role="progressbar"][aria-label="Wysyłanie: ${name}"]`);
        const now = Number(bar?.getAttribute('aria-valuenow'));
        return now > 0 && now < 100;
      },
      PDF_NAME,
      { timeout: 15_000 },
    );
    await assertAccessible('the library view while uploading');

    // A third file, cancelled while it goes up.
    const big = 'Prezentacja do anulowania.pdf';
    await dropFiles([{ name: big, type: 'application/pdf', buffer: makePdf('Anuluj', 400_000) }]);
    await page.getByRole('button', { name: `Anuluj wysyłanie: ${big}` }).click();

    await shown(row(PDF_NAME), 'the PDF in the list');
    await shown(row(PNG_NAME), 'the PNG in the list');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const queue = page.getByRole('list', { name: 'Wysyłane pliki' });
    await queue.getByRole('listitem').filter({ hasText: PDF_NAME }).getByText('Wysłano').waitFor();
    await queue.getByRole('listitem').filter({ hasText: big }).getByText('Anulowano').waitFor();
    assert.equal(
      await page
        .getByRole('progressbar', { name: `Wysyłanie: ${PDF_NAME}` })
        .getAttribute('aria-valuenow'),
      '100',
    );
    assert.equal(await row(big).count(), 0, 'the cancelled file is not in the library');
    await noAlerts('uploading');
    pdfUrl = new URL(
      await row(PDF_NAME).getByRole('link', { name: PDF_NAME, exact: true }).getAttribute('href'),
      stack.baseUrl,
    ).toString();
  });

  await t.test('opens the PDF preview', async () => {
    await page.getByRole('button', { name: `Podgląd: ${PDF_NAME}` }).click();
    const dialog = page.getByRole('dialog', { name: `Podgląd: ${PDF_NAME}` });
    const frame = dialog.locator(`iframe[title="Podgląd pliku ${PDF_NAME}"]`);
    await frame.waitFor();
    const src = await frame.getAttribute('src');
    const answer = await page.request.get(new URL(src, stack.baseUrl).toString());
    assert.equal(answer.status(), 200);
    assert.equal(answer.headers()['content-type'], 'application/pdf');
    assert.match(answer.headers()['content-disposition'], /^inline/);
    assert.match(answer.headers()['content-security-policy'], /sandbox/);
    // Chromium's PDF viewer (its built-in extension) opens inside the sandboxed frame: the PDF
    // is shown, not only sent.
    const viewerOpened = async () =>
      page.frames().some((f) => /^chrome-extension:\/\/[a-z]+\/index\.html/.test(f.url()));
    for (let i = 0; i < 50 && !(await viewerOpened()); i++) await page.waitForTimeout(200);
    assert.ok(await viewerOpened(), "Chromium's PDF viewer did not open in the preview");
    await dialog.getByRole('button', { name: 'Zamknij' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  await t.test('uploads a new version with a note and restores the first one', async () => {
    await page.getByRole('button', { name: `Historia wersji: ${PDF_NAME}` }).click();
    const drawer = page.getByRole('dialog', { name: `Historia wersji: ${PDF_NAME}` });
    await drawer.getByText('Wersja 1', { exact: true }).waitFor();
    await assertAccessible('the version drawer');
    await drawer.getByLabel(/^Notatka do wersji/).fill(NOTE);
    const chooser = page.waitForEvent('filechooser');
    await drawer.getByRole('button', { name: 'Wybierz plik nowej wersji' }).click();
    await (
      await chooser
    ).setFiles({
      name: PDF_NAME,
      mimeType: 'application/pdf',
      buffer: makePdf('Raport poprawiony'),
    });
    await drawer.getByText('Wersja 2', { exact: true }).waitFor();
    await drawer.getByText(`Notatka: ${NOTE}`).waitFor();
    await page.getByRole('status').getByText(`Dodano nową wersję pliku „${PDF_NAME}”.`).waitFor();

    await drawer.getByRole('button', { name: 'Przywróć wersję 1' }).click();
    await drawer.getByText('Wersja 3', { exact: true }).waitFor();
    await drawer.getByText('przywrócona z wersji 1').waitFor();
    await page
      .getByRole('status')
      .getByText('Przywrócono wersję 1 jako nową bieżącą wersję.')
      .waitFor();
    await assertAccessible('the version drawer after restoring');
    await drawer.getByRole('button', { name: 'Zamknij' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await row(PDF_NAME).getByText('Wersje (3)').waitFor();
  });

  await t.test('replies on the forum with a file attached, which the post lists', async () => {
    await page.goto(libraryUrl.replace(/\/documents$/, ''));
    await page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    await page.getByRole('region', { name: 'Forum' }).getByRole('link', { name: THREAD }).click();
    await page.getByRole('heading', { level: 1, name: THREAD }).waitFor();
    await page.getByRole('textbox', { name: /Treść \(Markdown\)/ }).fill(REPLY);
    await page.locator('input[type="file"]').setInputFiles({
      name: ATTACHMENT,
      mimeType: 'application/pdf',
      buffer: makePdf('Arkusz godzin'),
    });
    await page.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    await page.getByRole('status').getByText('Odpowiedź została dodana.').waitFor();
    const post = page.getByRole('article').filter({ hasText: REPLY });
    const link = post.getByRole('navigation', { name: 'Załączniki' }).getByRole('link', {
      name: new RegExp(`${ATTACHMENT.replace('.', '\\.')}`),
    });
    await link.waitFor();
    const answer = await page.request.get(
      new URL(await link.getAttribute('href'), stack.baseUrl).toString(),
    );
    assert.equal(answer.status(), 200);
    assert.match(answer.headers()['content-disposition'], /^attachment/);
    await noAlerts('replying with a file');
    await page.goto(libraryUrl);
    await page.getByRole('heading', { level: 1, name: `Dokumenty grupy „${GROUP}”` }).waitFor();
  });

  await t.test('moves the PNG to the trash', async () => {
    await page.getByRole('button', { name: `Usuń: ${PNG_NAME}` }).click();
    const dialog = page.getByRole('dialog', { name: `Przenieść „${PNG_NAME}” do kosza?` });
    await dialog.getByRole('button', { name: 'Usuń' }).click();
    await page.getByRole('status').getByText(`Przeniesiono „${PNG_NAME}” do kosza.`).waitFor();
    await row(PNG_NAME).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Pokaż kosz' }).click();
    const trash = page.getByRole('list', { name: 'Kosz' });
    await trash.getByText(`Plik: ${PNG_NAME}`, { exact: false }).waitFor();
    await trash.getByText(/pozostało dni: 30\)/).waitFor();
    assert.equal(
      await trash.getByRole('button', { name: `Przywróć: ${PNG_NAME}` }).count(),
      0,
      'a member does not restore from the trash',
    );
    await signOut(MEMBER);
  });

  await t.test('the coordinator restores the PNG from the trash', async () => {
    await signIn(COORDINATOR);
    await page.goto(libraryUrl);
    await page.getByRole('heading', { level: 1, name: `Dokumenty grupy „${GROUP}”` }).waitFor();
    await page.getByRole('button', { name: 'Pokaż kosz' }).click();
    await page.getByRole('button', { name: `Przywróć: ${PNG_NAME}` }).click();
    await page.getByRole('status').getByText(`Przywrócono „${PNG_NAME}”.`).waitFor();
    await row(PNG_NAME).waitFor();
    await noAlerts('restoring');
    await assertAccessible('the library view (coordinator, trash open)');
    await signOut(COORDINATOR);
  });

  await t.test("a member of another group gets 'not found' on the file's link", async () => {
    await signIn(OUTSIDER);
    await page.goto(pdfUrl);
    await page
      .getByText('Nie znaleziono dokumentu. Mógł zostać usunięty albo nie masz do niego dostępu.')
      .waitFor();
    assert.equal(await page.getByRole('button', { name: 'Pobierz' }).count(), 0);
  });

  assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
});
