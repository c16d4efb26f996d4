import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The text search every domain shares: the `civitas_search` configuration folds diacritics
 * (unaccent) and then finds each word's lemma in the Polish hunspell dictionary with its
 * diacritics folded too, so "szkoly lodz" finds "szkołach w Łodzi" and "mieszkaniowej" finds
 * "gospodarka mieszkaniowa". Where the dictionary is not installed (tools/polish-dictionary.sh:
 * the embedded start, managed databases) the configuration is `simple` + unaccent, which still
 * ignores diacritics but not inflection; `searchDictionary()` tells which at start.
 * Use `to_tsvector('civitas_search', …)` and `websearch_to_tsquery('civitas_search', …)`.
 */
export class Search1764285000000 implements MigrationInterface {
  name = 'Search1764285000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE TEXT SEARCH CONFIGURATION civitas_search (COPY = simple)`);
    await q.query(`
      DO $$
      BEGIN
        CREATE TEXT SEARCH DICTIONARY polish_unaccent
          (TEMPLATE = ispell, DictFile = polish_unaccent, AffFile = polish_unaccent);
        ALTER TEXT SEARCH CONFIGURATION civitas_search
          ALTER MAPPING FOR asciiword, word, hword, hword_part, hword_asciipart, asciihword
          WITH unaccent, polish_unaccent, simple;
      EXCEPTION WHEN undefined_file OR invalid_parameter_value OR config_file_error THEN
        RAISE NOTICE 'No Polish dictionary in tsearch_data: civitas_search is simple + unaccent';
        ALTER TEXT SEARCH CONFIGURATION civitas_search
          ALTER MAPPING FOR asciiword, word, hword, hword_part, hword_asciipart, asciihword
          WITH unaccent, simple;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TEXT SEARCH CONFIGURATION civitas_search`);
    await q.query(`DROP TEXT SEARCH DICTIONARY IF EXISTS polish_unaccent`);
  }
}
