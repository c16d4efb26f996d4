import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../testing';
import { databaseOptions } from './database.options';
import { searchDictionary } from './prepare-database';

/** The shared `civitas_search` configuration (the Search migration). */
describe('civitas_search', () => {
  let database: TestDatabase;
  let db: DataSource;
  const matches = async (text: string, query: string): Promise<boolean> => {
    const [{ hit }] = await db.query(
      `SELECT to_tsvector('civitas_search', $1) @@ websearch_to_tsquery('civitas_search', $2) AS hit`,
      [text, query],
    );
    return hit;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await new DataSource(databaseOptions({ url: database.url, poolSize: 1 })).initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('finds words typed without diacritics, whatever the dictionary', async () => {
    expect(await matches('Urząd Miasta Łodzi', 'lodzi')).toBe(true);
    expect(await matches('źródła ciepła', 'zrodla ciepla')).toBe(true);
    expect(await matches('źródła ciepła', 'zrodla wody')).toBe(false);
  });

  it('finds other forms of a word with the Polish dictionary, typed with or without diacritics', async () => {
    const dictionary = await searchDictionary(db);
    if (dictionary !== 'Polish (hunspell)') {
      console.warn(`civitas_search is ${dictionary}: inflection is not checked here.`);
      return;
    }
    expect(await matches('Szkołach podstawowych w Łodzi', 'szkoly lodz')).toBe(true);
    expect(await matches('Szkołach podstawowych w Łodzi', 'szkoły łódź')).toBe(true);
    expect(await matches('gospodarka mieszkaniowa', 'mieszkaniowej')).toBe(true);
    expect(await matches('wymiana źródeł ciepła', 'zrodlo ciepla')).toBe(true);
    expect(await matches('gospodarka mieszkaniowa', 'gospodarka odpadami')).toBe(false);
  });

  it('highlights with search_headline the words ts_headline marks by lemmatising every word', async () => {
    const text =
      'Uchwała Rady Miasta Łodzi w sprawie szkół: w mieście brakuje szkoły, a „miast” ' +
      'na prawach powiatu jest 66. Gospodarka mieszkaniowa; źródła ciepła w Szkołach ' +
      'Podstawowych. Kod e-usług: energo-oszczędny, 2024-01-01.';
    const options = 'HighlightAll=true, StartSel=[[, StopSel=]]';
    for (const query of [
      'miasto szkoła łódź',
      'zrodla ciepla',
      '"gospodarka mieszkaniowa"',
      'szkoly -lodz',
      'energo-oszczędny e-usług',
      'niczego takiego',
    ]) {
      const [{ lemmatised, folded }] = await db.query(
        `WITH q AS (SELECT websearch_to_tsquery('civitas_search', $2) AS q)
         SELECT ts_headline('civitas_search', $1, q.q, $3) AS lemmatised,
           search_headline($1, q.q, $3) AS folded
         FROM q`,
        [text, query, options],
      );
      expect({ query, folded }).toEqual({ query, folded: lemmatised });
      if (query !== 'niczego takiego') expect(lemmatised).toContain('[[');
    }
    const [{ marked }] = await db.query(
      `SELECT search_headline($1, websearch_to_tsquery('civitas_search', 'lodzi'), $2) AS marked`,
      [text, options],
    );
    expect(marked).toContain('[[Łodzi]]');
  });
});
