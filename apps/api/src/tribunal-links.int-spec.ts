import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, prepareDatabase } from '@civitas/api/database';
import { errorCode, GqlResponse, TestApp } from '@civitas/api/testing';
import { TribunalModule } from '@civitas/api/tribunal';

function data<T = Record<string, any>>(r: GqlResponse): T {
  if (r.errors) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

const LINKS = `linkedOpinionIds linkedOpinions { id subject year cityName }
  linkedCaseIds linkedCases { id title stage signature note }`;

/**
 * A case's links on the demo seed: published opinions of the library (the office links and
 * unlinks them; readers see subject, year and city) and the cases the Tribunal joined, each
 * with its title.
 */
describe('tribunal cases: linked opinions and joined cases on the demo seed', () => {
  let t: TestApp;
  let dir: string;
  const tokens: Record<string, string> = {};
  let cases: { id: string; title: string }[];
  let opinions: { id: string; subject: string }[];

  const as = (who: string, query: string, variables: Record<string, unknown> = {}) =>
    t.gql(query, variables, { token: tokens[who] });
  const get = async (who: string, id: string) =>
    data(await as(who, `query($id: ID!) { tribunalCase(id: $id) { ${LINKS} } }`, { id }))
      .tribunalCase;
  const setOpinions = (who: string, id: string, linkedOpinionIds: string[]) =>
    as(
      who,
      `mutation($id: ID!, $input: TribunalCaseInput!) { updateTribunalCase(id: $id, input: $input) { ${LINKS} } }`,
      { id, input: { linkedOpinionIds } },
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civitas-tribunal-links-'));
    t = await TestApp.start([TribunalModule], { DOCUMENTS_DIR: dir });
    await prepareDatabase(t.databaseUrl, { demo: true });
    for (const [who, email] of [
      ['office', 'biuro@civitas.local'],
      ['official', 'urzednik.poznan@civitas.local'],
      ['officer', 'prawnik.lodz@civitas.local'],
    ]) {
      tokens[who] = data(await t.signIn(email, DEMO_PASSWORD)).signIn.accessToken;
    }
    cases = await t.db.query(`SELECT id, title FROM tribunal_case ORDER BY created_at, id`);
    opinions = await t.db.query(
      `SELECT id, subject FROM published_opinion ORDER BY published_at, id LIMIT 2`,
    );
    expect(cases.length).toBeGreaterThanOrEqual(3);
    expect(opinions).toHaveLength(2);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the office links published opinions and unlinks one; every reader sees their subjects', async () => {
    const [c] = cases;
    const [a, b] = opinions;
    data(await setOpinions('office', c.id, [b.id, a.id]));
    const seen = await get('official', c.id);
    expect(seen.linkedOpinionIds).toEqual([b.id, a.id]);
    expect(seen.linkedOpinions.map((o: { subject: string }) => o.subject)).toEqual([
      b.subject,
      a.subject,
    ]);
    expect(seen.linkedOpinions[0].year).toBeGreaterThan(2000);

    data(await setOpinions('office', c.id, [a.id]));
    expect((await get('officer', c.id)).linkedOpinions).toEqual([
      expect.objectContaining({ id: a.id, subject: a.subject }),
    ]);

    // Not an opinion of the library (a case's id); a city: refused, nothing changed.
    const wrong = await setOpinions('office', c.id, [a.id, cases[1].id]);
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(await setOpinions('officer', c.id, []).then(errorCode)).toBe('FORBIDDEN');
    expect((await get('office', c.id)).linkedOpinionIds).toEqual([a.id]);
  });

  it('lists joined cases with their titles and the note on both sides', async () => {
    // Two cases the seed did not join (it joined two of its cases already).
    const [pair] = await t.db.query(
      `SELECT x.id AS x, y.id AS y FROM tribunal_case x JOIN tribunal_case y ON x.id < y.id
       WHERE NOT EXISTS (SELECT 1 FROM tribunal_case_link l WHERE l.a = x.id AND l.b = y.id)
       ORDER BY x.id, y.id LIMIT 1`,
    );
    const x = cases.find((c) => c.id === pair.x)!;
    const y = cases.find((c) => c.id === pair.y)!;
    data(
      await as(
        'office',
        `mutation($a: ID!, $b: ID!) { linkTribunalCases(id: $a, otherCaseId: $b, note: "Połączone postanowieniem TK") { id } }`,
        { a: x.id, b: y.id },
      ),
    );
    expect((await get('official', x.id)).linkedCases).toContainEqual(
      expect.objectContaining({ id: y.id, title: y.title, note: 'Połączone postanowieniem TK' }),
    );
    expect((await get('officer', y.id)).linkedCases).toContainEqual(
      expect.objectContaining({ id: x.id, title: x.title }),
    );
    data(
      await as(
        'office',
        `mutation($a: ID!, $b: ID!) { unlinkTribunalCases(id: $a, otherCaseId: $b) { id } }`,
        { a: y.id, b: x.id },
      ),
    );
    expect((await get('official', x.id)).linkedCases).not.toContainEqual(
      expect.objectContaining({ id: y.id }),
    );
  });
});
