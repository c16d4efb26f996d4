// The privacy journey, in a real browser against the built web and API on the demo seed.
// Anyone reads the privacy notice without signing in. The office publishes a new version;
// the official is shown it after signing in and acknowledges it. She writes in a forum
// thread, downloads all her data from the privacy centre and opens the archive: data.json
// holds her post. Then she asks for erasure (password, confirmation): the API runs with
// CLOCK_FIXED_AT fifteen days ahead (a non-production setting; timestamps stay real), so
// her erasure is due at once and the every-minute job erases her; the coordinator then reads
// the thread with her post under "Anonimowy użytkownik". axe-core checks every page.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { assertAccessible, Stack } from './harness.mjs';

const PASSWORD = 'Civitas-demo-2026';
const OFFICE = { email: 'biuro@civitas.local', name: 'Anna Nowak' };
const OFFICIAL = { email: 'urzednik.poznan@civitas.local', name: 'Maria Wiśniewska' };
// demo.seed.ts: coordinates "Gospodarka mieszkaniowa", where the official is a member.
const COORDINATOR = { email: 'michal.kaminski@miasto1.civitas.local', name: 'Michał Kamiński' };
const GROUP = 'Gospodarka mieszkaniowa';
const POST = 'Jak rozliczacie czynsze socjalne po zmianie uchwały? Pytam przed sesją rady.';
const DAY = 24 * 60 * 60 * 1000;

const stack = new Stack();
const pageErrors = [];
let page;
let thread;

async function gql(query, variables = {}, token) {
  const response = await fetch(`${stack.baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const tokenOf = async (person) =>
  (
    await gql(`mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
      input: { email: person.email, password: PASSWORD },
    })
  ).signIn.accessToken;

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
  await page.getByRole('menuitem', { name: 'Wyloguj się', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Zaloguj się' }).waitFor();
}

before(async () => {
  process.env.CLOCK_FIXED_AT = new Date(Date.now() + 15 * DAY).toISOString();
  await stack.start();
  page = await stack.openPage(pageErrors);
  // The official's thread in her group, written through the API (the forum has its own journey).
  const token = await tokenOf(OFFICIAL);
  const groups = await gql(
    `query { myGroups(first: 50) { edges { node { id name } } } }`,
    {},
    token,
  );
  const group = groups.myGroups.edges.map((e) => e.node).find((g) => g.name === GROUP);
  const created = await gql(
    `mutation($input: CreateForumThreadInput!) { createForumThread(input: $input) { id } }`,
    { input: { groupId: group.id, title: 'Czynsze socjalne', body: POST } },
    token,
  );
  thread = { groupId: group.id, id: created.createForumThread.id };
});

after(() => stack.stop());

test('the privacy journey', async (t) => {
  await t.test('anyone reads the privacy notice without signing in', async () => {
    await page.goto(`${stack.baseUrl}/privacy-notice`);
    await page
      .getByRole('heading', { level: 1, name: 'Informacja o przetwarzaniu danych osobowych' })
      .waitFor();
    await page.getByRole('link', { name: 'rodo@zmp.poznan.pl' }).waitFor();
    await page.getByText('Prezesa Urzędu Ochrony Danych Osobowych').waitFor();
    await assertAccessible(page, 'public privacy notice');
  });

  await t.test('the office publishes a new notice version and reads the consent log', async () => {
    await signIn(OFFICE);
    await page
      .getByRole('navigation', { name: 'Menu główne' })
      .getByRole('link', { name: 'Ochrona danych' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Ochrona danych — biuro' }).waitFor();
    await assertAccessible(page, 'office privacy requests');
    await page.getByRole('tab', { name: 'Rejestr zgód' }).click();
    await page.getByText(/^Wpisów: \d+/).waitFor();
    await assertAccessible(page, 'consent log');
    await page.getByRole('tab', { name: 'Informacja o danych' }).click();
    await page
      .getByLabel(/^Treść po polsku/)
      .fill('# Informacja\n\nNowy odbiorca danych: dostawca poczty elektronicznej.');
    await page
      .getByLabel(/^Treść po angielsku/)
      .fill('# Notice\n\nA new recipient of data: the e-mail provider.');
    await page.getByRole('button', { name: 'Opublikuj nową wersję' }).click();
    await page.getByText('Opublikowano wersję 2.').waitFor();
    await assertAccessible(page, 'publish privacy notice');
    await signOut(OFFICE);
  });

  await t.test('the official acknowledges the new notice at sign-in', async () => {
    await signIn(OFFICIAL);
    const dialog = page.getByRole('dialog', {
      name: 'Zmieniła się informacja o przetwarzaniu danych',
    });
    await dialog.getByText('Nowy odbiorca danych: dostawca poczty elektronicznej.').waitFor();
    await assertAccessible(page, 'privacy notice gate');
    await dialog.getByRole('button', { name: 'Zapoznałem(-am) się' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  await t.test('she downloads all her data and the archive holds her post', async () => {
    await page
      .getByRole('navigation', { name: 'Menu główne' })
      .getByRole('link', { name: 'Prywatność' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Centrum prywatności' }).waitFor();
    await assertAccessible(page, 'privacy centre');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Pobierz moje dane' }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^civitas-dane-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await JSZip.loadAsync(await readFile(await file.path()));
    const data = JSON.parse(await zip.file('data.json').async('string'));
    assert.equal(data.account.email, OFFICIAL.email);
    assert.ok(data.sections.forum.posts.some((p) => p.body === POST));
    assert.ok(data.sections.groups.memberships.some((m) => m.group === GROUP));
    await page.getByText('Archiwum zostało pobrane.').waitFor();
  });

  await t.test(
    'she asks for erasure; after the grace period her post reads as anonymous',
    async () => {
      await page.getByLabel(/^Hasło \(potwierdzenie\)/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Usuń moje konto' }).click();
      const dialog = page.getByRole('dialog', { name: 'Usunąć konto?' });
      await assertAccessible(page, 'erasure confirmation');
      await dialog.getByRole('button', { name: 'Tak, usuń konto' }).click();
      await page.getByTestId('privacy-erasure-pending').waitFor();
      await assertAccessible(page, 'privacy centre with a pending erasure');

      // The clock stands fifteen days ahead: the next run of the job (every minute) erases her.
      const coordinatorToken = await tokenOf(COORDINATOR);
      const deadline = Date.now() + 150_000;
      let authors = [];
      while (Date.now() < deadline) {
        const read = await gql(
          `query($id: ID!) { forumThread(id: $id) { posts(first: 10) { edges { node { author { name } } } } } }`,
          { id: thread.id },
          coordinatorToken,
        );
        authors = read.forumThread.posts.edges.map((e) => e.node.author.name);
        if (authors[0] === 'Anonimowy użytkownik') break;
        await new Promise((r) => setTimeout(r, 2000));
      }
      assert.deepEqual(authors, ['Anonimowy użytkownik']);

      await page.context().clearCookies();
      await signIn(COORDINATOR);
      await page.goto(`${stack.baseUrl}/groups/${thread.groupId}/threads/${thread.id}`);
      await page.getByText(POST).waitFor();
      await page.getByText('Anonimowy użytkownik').first().waitFor();
      assert.equal(await page.getByText(OFFICIAL.name).count(), 0);
      await assertAccessible(page, 'thread with an erased author');
    },
  );

  assert.deepEqual(pageErrors, []);
});
