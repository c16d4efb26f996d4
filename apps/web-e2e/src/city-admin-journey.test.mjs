// A city administrator keeps their city's profile (contact details, logo) and invites
// a colleague; the office then records another town's accession. Axe-core checks
// every page and open dialog; serious or critical violations fail the journey.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import { assertAccessible as assertA11y, Stack } from './harness.mjs';

const PASSWORD = 'Civitas-demo-2026';
const stack = new Stack();
let page;
const pageErrors = [];

/** A small valid PNG (blue square), made here so the repository carries no binary fixture. */
function png(size = 64) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([24, 80, 160]))]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array(size).fill(row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

before(async () => {
  await stack.start();
});

after(() => stack.stop());

const assertAccessible = (name) => assertA11y(page, name);

async function signInAs(email) {
  await page?.context().close();
  page = await stack.openPage(pageErrors);
  await page.goto(`${stack.baseUrl}/sign-in`);
  await page.getByLabel(/^Adres e-mail/).fill(email);
  await page.getByLabel(/^Hasło/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await page.getByRole('heading', { level: 1, name: 'Katalog miast' }).waitFor();
}

async function openCity(search, name) {
  await page
    .getByRole('navigation', { name: 'Menu główne' })
    .getByRole('link', { name: 'Katalog miast' })
    .click();
  await page.getByLabel(/^Szukaj miasta/).fill(search);
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

test("a city administrator keeps Poznań's profile and invites a colleague", async (t) => {
  await t.test(
    'the city admin sees their city page with editing, but no membership editing',
    async () => {
      await signInAs('admin.poznan@civitas.local');
      await openCity('poznan', 'Poznań');
      await page.getByRole('button', { name: 'Edytuj dane kontaktowe' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Zmień status członkostwa' }).count(), 0);
    },
  );

  await t.test(
    'an invalid website is refused next to the field, then the contact details are saved',
    async () => {
      await page.getByRole('button', { name: 'Edytuj dane kontaktowe' }).click();
      await page
        .getByLabel(/^Adres/)
        .first()
        .fill('Plac Kolegiacki 17\n61-841 Poznań');
      await page.getByLabel(/^Strona internetowa/).fill('poznan.pl');
      await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
      await page.getByText('Popraw błędy w formularzu:').waitFor();
      const website = page.getByLabel(/^Strona internetowa/);
      assert.equal(await website.getAttribute('aria-invalid'), 'true');
      await assertAccessible('contact form with errors');
      await website.fill('https://www.poznan.pl');
      await page.getByLabel(/^Telefon/).fill('+48 61 878 50 00');
      await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
      await page.getByText('Dane kontaktowe zostały zapisane.').waitFor();
      await page.getByRole('link', { name: 'https://www.poznan.pl' }).waitFor();
    },
  );

  await t.test('a logo is uploaded through the REST route and shown', async () => {
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'herb.png', mimeType: 'image/png', buffer: png() });
    await page.getByRole('button', { name: 'Wyślij logo' }).click();
    await page.getByText('Logo zostało zapisane.').waitFor();
    const logo = page.getByRole('img', { name: 'Logo: Poznań' });
    await logo.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector('img[alt="Logo: Poznań"]');
      return img instanceof HTMLImageElement && img.complete && img.naturalWidth === 64;
    });
    await assertAccessible('city page with logo');
  });

  await t.test(
    'the city admin may invite only city officials into Poznań, and can revoke',
    async () => {
      await page
        .getByRole('navigation', { name: 'Menu główne' })
        .getByRole('link', { name: 'Zaproszenia' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Zaproszenia' }).waitFor();
      assert.equal(await page.getByLabel(/^Organizacja/).inputValue(), 'Poznań');
      assert.deepEqual(await page.getByLabel(/^Rola/).locator('option').allTextContents(), [
        'Urzędnik miasta',
      ]);
      const email = `kolega.${Date.now().toString(36)}@poznan.pl`;
      await page.getByLabel(/^Adres e-mail osoby zapraszanej/).fill(email);
      await page.getByLabel(/^Radca prawny miasta/).check();
      await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
      await page.getByText(`Zaproszenie zostało wysłane na adres ${email}.`).waitFor();
      const row = page.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
      await row.getByText('Oczekujące').waitFor();
      await row.getByText('Urzędnik miasta, radca prawny').waitFor();
      await assertAccessible('invitations (city admin)');
      await row.getByRole('button', { name: `Odwołaj zaproszenie dla ${email}` }).click();
      await page.getByRole('dialog', { name: 'Odwołać zaproszenie?' }).waitFor();
      await assertAccessible('revoke dialog');
      await page.getByRole('button', { name: 'Tak, odwołaj' }).click();
      await page.getByText(`Zaproszenie dla ${email} zostało odwołane.`).waitFor();
      await row.getByText('Odwołane').waitFor();
    },
  );
});

test('the office records a town joining the association', async (t) => {
  await t.test(
    'membership needs a date and a resolution; once given, the city page shows them',
    async () => {
      await signInAs('biuro@civitas.local');
      await openCity('kutno', 'Kutno');
      await page.getByRole('button', { name: 'Zmień status członkostwa' }).click();
      await page.getByLabel('Status członkostwa', { exact: true }).selectOption('MEMBER');
      await page.getByRole('button', { name: 'Zapisz członkostwo' }).click();
      await page.getByText('Popraw błędy w formularzu:').waitFor();
      await assertAccessible('membership form with errors');
      await page.getByLabel(/^Data przystąpienia/).fill('2024-03-15');
      await page.getByLabel(/^Numer uchwały rady/).fill('XII/123/2024');
      await page.getByRole('button', { name: 'Zapisz członkostwo' }).click();
      await page.getByText('Status członkostwa został zmieniony.').waitFor();
      const about = page.locator('dl').first();
      await about.getByText('15 marca 2024').waitFor();
      await about.getByText('XII/123/2024').waitFor();
      await about.getByText('Członek', { exact: true }).waitFor();
    },
  );

  await t.test('no uncaught errors in the pages', () => {
    assert.deepEqual(pageErrors, []);
  });
});
