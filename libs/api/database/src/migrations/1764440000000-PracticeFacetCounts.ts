import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Good-practice search within issue 6's goals at 100,000 practices (tools/bench/practices.mjs):
 * - `good_practice_search`, a narrow copy of each published practice with only what the search
 *   reads per match (id, publication time, the five facet keys, the vectors). Its heap is about
 *   a tenth of `good_practice`'s, so it stays in shared buffers while the wide rows do not: the
 *   facet pass over tens of thousands of matches read the wide heap from disk. The full vector
 *   lives out of line (`toast_tuple_target`), read only to rank the bounded candidate set; the
 *   small title vector stays in the row (`PLAIN`), since every match is tested against it. No
 *   parallel workers: each search is short, and on a small shared machine starting workers for
 *   it cost more than they saved while other searches wait for the same cores.
 * - `good_practice_facet_count`, the facet counts (and total) of all published practices:
 *   browsing without words or filters reads them instead of counting 100,000 rows.
 * Both are kept by triggers as practices are published, changed, archived or deleted;
 * `good_practice_search_refresh()` rebuilds them (after a bulk load with triggers off, as the
 * generator of tools/practices does).
 */
export class PracticeFacetCounts1764440000000 implements MigrationInterface {
  name = 'PracticeFacetCounts1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE good_practice_search (
        id uuid PRIMARY KEY REFERENCES good_practice(id) ON DELETE CASCADE,
        published_at timestamptz NOT NULL,
        area_code text,
        voivodeship_code char(2),
        size_class text,
        year integer,
        verification_source text,
        title_search tsvector NOT NULL,
        search tsvector NOT NULL
      ) WITH (toast_tuple_target = 128, parallel_workers = 0);
      -- Everything but the full vector stays in the row: at so low a toast target the short codes
      -- would go out of line too, and counting facets would fetch each one.
      ALTER TABLE good_practice_search ALTER COLUMN area_code SET STORAGE PLAIN,
        ALTER COLUMN voivodeship_code SET STORAGE PLAIN, ALTER COLUMN size_class SET STORAGE PLAIN,
        ALTER COLUMN verification_source SET STORAGE PLAIN, ALTER COLUMN title_search SET STORAGE PLAIN;
      CREATE INDEX good_practice_search_search_idx ON good_practice_search USING gin (search);
      CREATE INDEX good_practice_search_title_idx ON good_practice_search USING gin (title_search);
      CREATE INDEX good_practice_search_published_idx
        ON good_practice_search (published_at DESC, id DESC)
        INCLUDE (area_code, voivodeship_code, size_class, year, verification_source);
      -- The selective facet filters, combined by bitmaps when a search has only filters.
      CREATE INDEX good_practice_search_area_idx ON good_practice_search (area_code);
      CREATE INDEX good_practice_search_voivodeship_idx ON good_practice_search (voivodeship_code);
      CREATE INDEX good_practice_search_year_idx ON good_practice_search (year);

      -- facet: a area, v województwo, s size class, y year, r verification source, t total ('').
      CREATE TABLE good_practice_facet_count (
        facet char(1) NOT NULL,
        value text NOT NULL,
        count integer NOT NULL, -- no CHECK (count >= 0): the upsert proposes a negative delta
        PRIMARY KEY (facet, value)
      );

      CREATE FUNCTION good_practice_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'DELETE' AND NEW.status = 'PUBLISHED' THEN
          IF TG_OP = 'UPDATE' AND OLD.status = 'PUBLISHED'
             AND OLD.published_at IS NOT DISTINCT FROM NEW.published_at
             AND OLD.area_code IS NOT DISTINCT FROM NEW.area_code
             AND OLD.voivodeship_code IS NOT DISTINCT FROM NEW.voivodeship_code
             AND OLD.size_class IS NOT DISTINCT FROM NEW.size_class
             AND OLD.year IS NOT DISTINCT FROM NEW.year
             AND OLD.verification_source IS NOT DISTINCT FROM NEW.verification_source
             AND OLD.title_search = NEW.title_search AND OLD.search = NEW.search THEN
            RETURN NULL; -- e.g. an interest counted: nothing the search reads
          END IF;
          INSERT INTO good_practice_search AS s (id, published_at, area_code, voivodeship_code,
            size_class, year, verification_source, title_search, search)
          VALUES (NEW.id, coalesce(NEW.published_at, now()), NEW.area_code, NEW.voivodeship_code,
            NEW.size_class, NEW.year, NEW.verification_source, NEW.title_search, NEW.search)
          ON CONFLICT (id) DO UPDATE SET published_at = EXCLUDED.published_at,
            area_code = EXCLUDED.area_code, voivodeship_code = EXCLUDED.voivodeship_code,
            size_class = EXCLUDED.size_class, year = EXCLUDED.year,
            verification_source = EXCLUDED.verification_source,
            title_search = EXCLUDED.title_search, search = EXCLUDED.search;
        ELSIF TG_OP <> 'INSERT' AND OLD.status = 'PUBLISHED' THEN
          DELETE FROM good_practice_search WHERE id = OLD.id;
        END IF;
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER good_practice_search_sync AFTER INSERT OR UPDATE OR DELETE ON good_practice
        FOR EACH ROW EXECUTE FUNCTION good_practice_search_sync();

      -- Statement triggers with transition tables: a bulk insert adds its counts in one pass.
      CREATE FUNCTION good_practice_facet_count_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changes text := CASE TG_OP
          WHEN 'INSERT' THEN 'SELECT *, 1 AS delta FROM added'
          WHEN 'DELETE' THEN 'SELECT *, -1 AS delta FROM removed'
          ELSE 'SELECT *, 1 AS delta FROM added UNION ALL SELECT *, -1 FROM removed' END;
      BEGIN
        EXECUTE format($sql$
          INSERT INTO good_practice_facet_count AS c (facet, value, count)
          SELECT f.facet, f.value, sum(d.delta)
          FROM (%s) d
          CROSS JOIN LATERAL (VALUES ('a', d.area_code), ('v', d.voivodeship_code::text),
            ('s', d.size_class), ('y', d.year::text), ('r', d.verification_source), ('t', ''))
            f (facet, value)
          WHERE f.value IS NOT NULL
          GROUP BY f.facet, f.value
          ON CONFLICT (facet, value) DO UPDATE SET count = c.count + EXCLUDED.count
        $sql$, changes);
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER good_practice_facet_count_insert AFTER INSERT ON good_practice_search
        REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION good_practice_facet_count_sync();
      CREATE TRIGGER good_practice_facet_count_update AFTER UPDATE ON good_practice_search
        REFERENCING OLD TABLE AS removed NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION good_practice_facet_count_sync();
      CREATE TRIGGER good_practice_facet_count_delete AFTER DELETE ON good_practice_search
        REFERENCING OLD TABLE AS removed
        FOR EACH STATEMENT EXECUTE FUNCTION good_practice_facet_count_sync();

      -- Rebuilds both from good_practice (TRUNCATE fires no row or delete triggers).
      CREATE FUNCTION good_practice_search_refresh() RETURNS void LANGUAGE sql AS $$
        TRUNCATE good_practice_search, good_practice_facet_count;
        INSERT INTO good_practice_search (id, published_at, area_code, voivodeship_code,
          size_class, year, verification_source, title_search, search)
        SELECT id, coalesce(published_at, now()), area_code, voivodeship_code, size_class, year,
          verification_source, title_search, search
        FROM good_practice WHERE status = 'PUBLISHED';
      $$;
      SELECT good_practice_search_refresh();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER good_practice_search_sync ON good_practice;
      DROP TABLE good_practice_facet_count, good_practice_search;
      DROP FUNCTION good_practice_search_refresh(), good_practice_search_sync(),
        good_practice_facet_count_sync();
    `);
  }
}
