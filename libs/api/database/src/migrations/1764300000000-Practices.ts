import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Good practices (Baza Dobrych Praktyk): entries with their review history, the managed list
 * of areas, partner cities, bookmarks and cities' interest; and what the search needs.
 *
 * Search: `search` is a weighted tsvector in the shared `civitas_search` configuration, kept
 * by a trigger because it takes in the city's name, the partners' names and the area's name
 * (title A; problem, results, city, area and tags B; goals, actions, innovation C; the rest D).
 * The facet columns (województwo, size class, year) are copied from the organisation by the
 * same trigger so that one scan of `good_practice` answers results and facet counts.
 * `practice_word` is the vocabulary of published practices (lexemes), searched by trigram
 * similarity for "did you mean".
 */
export class Practices1764300000000 implements MigrationInterface {
  name = 'Practices1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE practice_area (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z_]{1,39}$'),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        name_en text NOT NULL CHECK (char_length(name_en) BETWEEN 1 AND 100),
        position integer NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true
      );
      INSERT INTO practice_area (code, name, name_en, position) VALUES
        ('SOCIAL_SERVICES', 'Usługi społeczne', 'Social services', 10),
        ('TECHNICAL_SERVICES', 'Usługi techniczne i komunalne', 'Technical and municipal services', 20),
        ('INSTITUTIONAL_DEVELOPMENT', 'Rozwój instytucjonalny', 'Institutional development', 30),
        ('ENERGY_EFFICIENCY', 'Efektywność energetyczna', 'Energy efficiency', 40),
        ('NGO_COOPERATION', 'Współpraca z organizacjami pozarządowymi', 'City–NGO cooperation', 50),
        ('INTER_MUNICIPAL_COOPERATION', 'Współpraca międzygminna', 'Inter-municipal cooperation', 60),
        ('SOCIAL_DIALOGUE', 'Dialog społeczny i partycypacja', 'Social dialogue and participation', 70),
        ('EDUCATION', 'Edukacja', 'Education', 80),
        ('HOUSING', 'Gospodarka mieszkaniowa', 'Housing', 90),
        ('TRANSPORT', 'Transport i mobilność', 'Transport and mobility', 100),
        ('ENVIRONMENT', 'Środowisko i gospodarka odpadami', 'Environment and waste', 110),
        ('CULTURE', 'Kultura', 'Culture', 120),
        ('DIGITAL', 'Cyfryzacja i e-usługi', 'Digital services', 130),
        ('FINANCE', 'Finanse lokalne', 'Local finance', 140),
        ('REVITALISATION', 'Rewitalizacja i planowanie przestrzenne', 'Regeneration and spatial planning', 150),
        ('HEALTH', 'Zdrowie i profilaktyka', 'Health and prevention', 160);

      CREATE TABLE good_practice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL DEFAULT 'DRAFT'
          CHECK (status IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED')),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        title text NOT NULL DEFAULT '' CHECK (char_length(title) <= 200),
        area_code text REFERENCES practice_area(code),
        tags text[] NOT NULL DEFAULT '{}',
        problem text NOT NULL DEFAULT '',
        goals text NOT NULL DEFAULT '',
        actions text NOT NULL DEFAULT '',
        results text NOT NULL DEFAULT '',
        innovation text NOT NULL DEFAULT '',
        transferability text NOT NULL DEFAULT '',
        lessons_learned text NOT NULL DEFAULT '',
        cost_grosze bigint CHECK (cost_grosze >= 0),
        -- [{"source": "RPO WSL 2014–2020", "amountGrosze": 120000000}]
        funding jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(funding) = 'array'),
        period_start date,
        period_end date CHECK (period_end >= period_start),
        contact_person_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        -- [{"label": "…", "url": "https://…"}]
        links jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(links) = 'array'),
        verification_source text
          CHECK (verification_source IN ('COMPETITION', 'WORKING_GROUP', 'OFFICE', 'CITY_RECOMMENDATION')),
        verification_note text,
        verified_on date,
        review_comment text,
        interest_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        published_at timestamptz,
        -- Kept by the trigger below: facets and the search vector.
        voivodeship_code char(2),
        size_class text,
        year integer,
        search tsvector NOT NULL DEFAULT ''::tsvector
      );
      CREATE INDEX good_practice_search_idx ON good_practice USING gin (search)
        WHERE status = 'PUBLISHED';
      CREATE INDEX good_practice_published_idx ON good_practice (published_at DESC, id DESC)
        WHERE status = 'PUBLISHED';
      CREATE INDEX good_practice_organisation_idx ON good_practice (organisation_id, status);
      CREATE INDEX good_practice_author_idx ON good_practice (author_id, updated_at DESC);
      CREATE INDEX good_practice_queue_idx ON good_practice (status, submitted_at)
        WHERE status IN ('SUBMITTED', 'IN_REVIEW');
      CREATE INDEX good_practice_title_trgm_idx ON good_practice USING gin (title gin_trgm_ops)
        WHERE status = 'PUBLISHED';

      CREATE TABLE good_practice_partner (
        practice_id uuid NOT NULL REFERENCES good_practice(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        PRIMARY KEY (practice_id, organisation_id)
      );
      CREATE INDEX good_practice_partner_organisation_idx ON good_practice_partner (organisation_id);

      CREATE TABLE good_practice_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES good_practice(id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        comment text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX good_practice_event_practice_idx ON good_practice_event (practice_id, created_at);

      CREATE TABLE practice_bookmark (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        practice_id uuid NOT NULL REFERENCES good_practice(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, practice_id)
      );

      CREATE TABLE practice_interest (
        practice_id uuid NOT NULL REFERENCES good_practice(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        message text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, organisation_id)
      );

      CREATE TABLE practice_word (
        word text PRIMARY KEY
      );
      CREATE INDEX practice_word_trgm_idx ON practice_word USING gin (word gin_trgm_ops);

      CREATE FUNCTION good_practice_derive() RETURNS trigger LANGUAGE plpgsql AS $$
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
        NEW.search :=
          setweight(to_tsvector('civitas_search', NEW.title), 'A') ||
          setweight(to_tsvector('civitas_search', concat_ws(' ', NEW.problem, NEW.results,
            city.name, area, array_to_string(NEW.tags, ' '))), 'B') ||
          setweight(to_tsvector('civitas_search', concat_ws(' ', NEW.goals, NEW.actions,
            NEW.innovation, partners)), 'C') ||
          setweight(to_tsvector('civitas_search', concat_ws(' ', NEW.transferability,
            NEW.lessons_learned)), 'D');
        RETURN NEW;
      END
      $$;
      CREATE TRIGGER good_practice_derive BEFORE INSERT OR UPDATE ON good_practice
        FOR EACH ROW EXECUTE FUNCTION good_practice_derive();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE practice_word, practice_interest, practice_bookmark, good_practice_event,
        good_practice_partner, good_practice, practice_area;
      DROP FUNCTION good_practice_derive();
    `);
  }
}
