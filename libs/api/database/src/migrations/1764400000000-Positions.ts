import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The association's library of positions, resolutions, invitations and programmes, and
 * the consultations of member cities before the board adopts a position (issue 9).
 * `search` is generated in `civitas_search` (title A, the concerned act B, the summary C);
 * `year` is generated for the year filter and its facet.
 */
export class Positions1764400000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE position_consultation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        draft_markdown text NOT NULL DEFAULT '',
        draft_html text NOT NULL DEFAULT '',
        act_title text NOT NULL,
        act_reference text,
        opened_at timestamptz NOT NULL DEFAULT now(),
        closes_at timestamptz NOT NULL,
        -- Set when the office closed it before closes_at (closes_at then becomes that time).
        closed_early_at timestamptz,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX position_consultation_list_idx ON position_consultation (opened_at DESC, id DESC)`,
    );
    await q.query(`
      CREATE TABLE position_consultation_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consultation_id uuid NOT NULL REFERENCES position_consultation(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES app_user(id),
        -- The author's city when they wrote it: "N comments from M cities" stays true if they move.
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        body_markdown text NOT NULL,
        body_html text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX position_comment_consultation_idx
         ON position_consultation_comment (consultation_id, created_at, id)`,
    );
    await q.query(
      `CREATE INDEX position_comment_author_idx ON position_consultation_comment (author_id)`,
    );
    await q.query(`
      CREATE TABLE position_statement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL CHECK (type IN ('POSITION', 'RESOLUTION', 'INVITATION', 'PROGRAMME')),
        title text NOT NULL,
        adopted_on date NOT NULL,
        year int GENERATED ALWAYS AS (extract(year FROM adopted_on)::int) STORED,
        act_title text,
        act_reference text,
        summary_markdown text NOT NULL DEFAULT '',
        summary_html text NOT NULL DEFAULT '',
        summary_text text NOT NULL DEFAULT '',
        consultation_id uuid UNIQUE REFERENCES position_consultation(id),
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('civitas_search', title), 'A') ||
          setweight(to_tsvector('civitas_search',
            coalesce(act_title, '') || ' ' || coalesce(act_reference, '')), 'B') ||
          setweight(to_tsvector('civitas_search', summary_text), 'C')
        ) STORED
      )`);
    await q.query(
      `CREATE INDEX position_statement_search_idx ON position_statement USING gin (search)`,
    );
    await q.query(
      `CREATE INDEX position_statement_browse_idx ON position_statement (adopted_on DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE position_statement`);
    await q.query(`DROP TABLE position_consultation_comment`);
    await q.query(`DROP TABLE position_consultation`);
    await q.query(
      `DELETE FROM document WHERE owner_kind IN ('POSITION_STATEMENT', 'POSITION_CONSULTATION')`,
    );
  }
}
