import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Highlights without the Polish dictionary at search time. `ts_headline` lemmatises every word
 * it reads, and hunspell takes about 18 µs a word: a page of 20 practices' snippets cost about
 * half of a selective search. The same marks come from a lookup:
 * - `search_word_form`: for each word form seen in a searchable text, folded (lower case, no
 *   diacritics: `civitas_fold`), the lexemes `civitas_search` gives it ("lodzi" → lodz, lodzic).
 *   A word always gets the same lexemes, so a form matches a query word exactly when one of
 *   its lexemes does. Kept by a statement trigger on `good_practice_search`, each new form
 *   lemmatised once.
 * - `search_highlight_query(q)`: the query with each lexeme replaced by the forms that carry it
 *   (`'lodz'` → `('lodz' | 'lodzi' | …)`), its operators kept, for
 *   `ts_headline('civitas_fold', …)`, which only folds each word.
 * - `search_headline(doc, q, options)`: the same for any text (positions, opinions, documents):
 *   the forms of that text, looked up or lemmatised once each (see its comment).
 * Without the Polish dictionary `civitas_search` folds the same way, and so do the forms.
 */
export class SearchWordForms1764450000000 implements MigrationInterface {
  name = 'SearchWordForms1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TEXT SEARCH CONFIGURATION civitas_fold (COPY = civitas_search);
      ALTER TEXT SEARCH CONFIGURATION civitas_fold
        ALTER MAPPING FOR asciiword, word, hword, hword_part, hword_asciipart, asciihword
        WITH unaccent, simple;

      CREATE TABLE search_word_form (
        lexeme text NOT NULL,
        form text NOT NULL,
        PRIMARY KEY (lexeme, form)
      );
      CREATE INDEX search_word_form_form_idx ON search_word_form (form);

      -- Each word of the texts not seen before, lemmatised once. A word is lemmatised alone:
      -- its own lexemes are those at position 1 (a hyphenated word's parts come after it).
      CREATE FUNCTION search_word_forms_add(docs text[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO search_word_form (lexeme, form)
        SELECT DISTINCT l.lexeme, f.lexeme
        FROM (SELECT DISTINCT lower(t.token) AS word
              FROM unnest(docs) d, ts_parse('default', d) t
              WHERE t.tokid IN (SELECT tokid FROM ts_token_type('default')
                                WHERE alias IN ('asciiword', 'word', 'hword', 'hword_part',
                                                'hword_asciipart', 'asciihword'))) w
        CROSS JOIN LATERAL unnest(to_tsvector('civitas_fold', w.word)) f
        CROSS JOIN LATERAL unnest(to_tsvector('civitas_search', w.word)) l
        WHERE 1 = ANY(f.positions) AND 1 = ANY(l.positions)
          AND NOT EXISTS (SELECT 1 FROM search_word_form s WHERE s.form = f.lexeme)
        ON CONFLICT DO NOTHING
      $$;

      -- The query with each lexeme replaced by the given forms that carry it, operators kept.
      -- Operands of a tsquery's text: 'lexeme' (quotes and backslashes doubled) with an
      -- optional :*/weights; a lexeme no form carries becomes one no word can fold to (a space
      -- in it), so it marks nothing, as with the dictionary.
      CREATE FUNCTION search_forms_query(q tsquery, lexemes text[], forms text[]) RETURNS tsquery
      LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(string_agg(
          CASE WHEN r.m[3] IS NOT NULL THEN r.m[3]
          ELSE coalesce(
            (SELECT '(' || string_agg(DISTINCT
                 '''' || replace(replace(c.form, '\\', '\\\\'), '''', '''''') || ''''
                   || coalesce(r.m[2], ''), ' | ') || ')'
             FROM unnest(lexemes, forms) AS c(lexeme, form)
             WHERE c.lexeme = replace(replace(r.m[1], '''''', ''''), '\\\\', '\\')),
            '''' || r.m[1] || ' ''' || coalesce(r.m[2], ''))
          END, '' ORDER BY r.n)::tsquery, q)
        FROM regexp_matches(q::text, '''((?:[^''\\\\]|''''|\\\\.)*)''(:[*A-D]+)?|([^'']+)', 'g')
          WITH ORDINALITY AS r(m, n)
      $$;

      -- The lexemes of a query, unquoted.
      CREATE FUNCTION search_query_lexemes(q tsquery) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
        SELECT array_agg(DISTINCT replace(replace(m[1], '''''', ''''), '\\\\', '\\'))
        FROM regexp_matches(q::text, '''((?:[^''\\\\]|''''|\\\\.)*)''', 'g') m
      $$;

      -- The query over the forms of all published practices (search_word_form). PL/pgSQL, not
      -- SQL: its statement's plan is kept for the session, not made per search.
      CREATE FUNCTION search_highlight_query(q tsquery) RETURNS tsquery
      LANGUAGE plpgsql STABLE AS $$
      DECLARE
        lexemes text[];
        forms text[];
      BEGIN
        SELECT array_agg(s.lexeme), array_agg(s.form) INTO lexemes, forms
        FROM search_word_form s WHERE s.lexeme = ANY(search_query_lexemes(q));
        RETURN search_forms_query(q, lexemes, forms);
      END
      $$;

      -- ts_headline for any text without lemmatising all of it: each distinct word form of the
      -- text takes its lexemes from search_word_form, else (a form no practice has) from the
      -- dictionary, but only when it begins with the same two letters as a lexeme of the query
      -- (a form and its lemma do, but for rare suppletive forms: "lepszy" → "dobry"); the query
      -- is then rewritten into the forms of this text. A long document's headline costs a parse
      -- and a few lookups instead of hunspell on thousands of words.
      CREATE FUNCTION search_headline(doc text, q tsquery, options text) RETURNS text
      LANGUAGE plpgsql STABLE AS $$
      DECLARE
        wanted text[];
        lexemes text[];
        forms text[];
      BEGIN
        wanted := search_query_lexemes(q);
        IF doc IS NULL OR wanted IS NULL THEN
          RETURN ts_headline('civitas_fold', doc, q, options);
        END IF;
        WITH words AS (
          SELECT DISTINCT lower(unaccent(t.token)) AS form
          FROM ts_parse('default', doc) t
          WHERE t.tokid IN (SELECT tokid FROM ts_token_type('default')
                            WHERE alias IN ('asciiword', 'word', 'hword', 'hword_part',
                                            'hword_asciipart', 'asciihword'))
        ), carried AS (
          SELECT s.lexeme, s.form FROM words w JOIN search_word_form s ON s.form = w.form
          WHERE s.lexeme = ANY(wanted)
          UNION ALL
          SELECT l.lexeme, w.form FROM words w
          CROSS JOIN LATERAL unnest(to_tsvector('civitas_search', w.form)) l
          WHERE left(w.form, 2) IN (SELECT left(x, 2) FROM unnest(wanted) x)
            AND NOT EXISTS (SELECT 1 FROM search_word_form s WHERE s.form = w.form)
            AND 1 = ANY(l.positions) AND l.lexeme = ANY(wanted)
        )
        SELECT array_agg(lexeme), array_agg(form) INTO lexemes, forms FROM carried;
        RETURN ts_headline('civitas_fold', doc, search_forms_query(q, lexemes, forms), options);
      END
      $$;

      CREATE FUNCTION good_practice_search_forms() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM search_word_forms_add(array_agg(
          concat_ws(' ', p.title, p.problem, p.results, p.actions)))
        FROM added a JOIN good_practice p ON p.id = a.id;
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER good_practice_search_forms_insert AFTER INSERT ON good_practice_search
        REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION good_practice_search_forms();
      CREATE TRIGGER good_practice_search_forms_update AFTER UPDATE ON good_practice_search
        REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION good_practice_search_forms();

      SELECT search_word_forms_add(array_agg(
        concat_ws(' ', p.title, p.problem, p.results, p.actions)))
      FROM good_practice_search s JOIN good_practice p ON p.id = s.id;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER good_practice_search_forms_insert ON good_practice_search;
      DROP TRIGGER good_practice_search_forms_update ON good_practice_search;
      DROP FUNCTION good_practice_search_forms(), search_headline(text, tsquery, text),
        search_highlight_query(tsquery), search_forms_query(tsquery, text[], text[]),
        search_query_lexemes(tsquery), search_word_forms_add(text[]);
      DROP TABLE search_word_form;
      DROP TEXT SEARCH CONFIGURATION civitas_fold;
    `);
  }
}
