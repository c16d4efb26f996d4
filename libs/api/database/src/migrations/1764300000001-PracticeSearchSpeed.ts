import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Good-practice search at 100,000 entries (tools/bench/practices.mjs):
 * - `title_search`, the title's own small tsvector (weight A), kept by the same trigger: a
 *   query matching tens of thousands of practices ranks by full cover density only a bounded
 *   set of candidates (the best title matches and the newest matches), and reading a small
 *   inline vector costs far less than detoasting every full one;
 * - a covering index of the published practices' facet columns, so browsing without words
 *   counts facets by an index-only scan instead of reading every wide row;
 * - `@@` (ts_match_vq) priced at its real cost: evaluating it on a row detoasts the row's
 *   whole vector, which the planner does not see, so for a word in most practices it chose a
 *   sequential scan (5x slower at 100,000 practices) over the GIN bitmap, which needs no
 *   detoasting. Changing a catalog function's cost needs a superuser; where the migration
 *   is not one (managed databases) it says so and goes on.
 */
export class PracticeSearchSpeed1764300000001 implements MigrationInterface {
  name = 'PracticeSearchSpeed1764300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE good_practice ADD COLUMN title_search tsvector NOT NULL DEFAULT ''::tsvector;
      CREATE OR REPLACE FUNCTION good_practice_derive() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        city record;
        partners text;
        area text;
      BEGIN
        SELECT o.name, o.voivodeship_code, o.kind INTO city FROM organisation o
          WHERE o.id = NEW.organisation_id;
        SELECT string_agg(o.name, ' ') INTO partners FROM good_practice_partner gp
          JOIN organisation o ON o.id = gp.organisation_id WHERE gp.practice_id = NEW.id;
        SELECT a.name INTO area FROM practice_area a WHERE a.code = NEW.area_code;
        NEW.voivodeship_code := city.voivodeship_code;
        NEW.size_class := CASE WHEN city.kind = 'ASSOCIATION_OFFICE' THEN NULL ELSE city.kind END;
        NEW.year := extract(year FROM NEW.period_start)::integer;
        NEW.title_search := setweight(to_tsvector('civitas_search', NEW.title), 'A');
        NEW.search :=
          NEW.title_search ||
          setweight(to_tsvector('civitas_search', concat_ws(' ', NEW.problem, NEW.results,
            city.name, area, array_to_string(NEW.tags, ' '))), 'B') ||
          setweight(to_tsvector('civitas_search', concat_ws(' ', NEW.goals, NEW.actions,
            NEW.innovation, partners)), 'C') ||
          setweight(to_tsvector('civitas_search', concat_ws(' ', NEW.transferability,
            NEW.lessons_learned)), 'D');
        RETURN NEW;
      END
      $$;
      UPDATE good_practice SET title_search = setweight(to_tsvector('civitas_search', title), 'A');
      DROP INDEX good_practice_published_idx;
      CREATE INDEX good_practice_published_idx ON good_practice (published_at DESC, id DESC)
        INCLUDE (area_code, voivodeship_code, size_class, year, verification_source)
        WHERE status = 'PUBLISHED';
    `);
    await q.query(`
      DO $$
      BEGIN
        ALTER FUNCTION ts_match_vq(tsvector, tsquery) COST 100;
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'Not a superuser: @@ keeps its default cost (broad searches may scan)';
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        ALTER FUNCTION ts_match_vq(tsvector, tsquery) COST 1;
      EXCEPTION WHEN insufficient_privilege THEN NULL;
      END
      $$`);
    await q.query(`
      DROP INDEX good_practice_published_idx;
      CREATE INDEX good_practice_published_idx ON good_practice (published_at DESC, id DESC)
        WHERE status = 'PUBLISHED';
      ALTER TABLE good_practice DROP COLUMN title_search;
    `);
  }
}
