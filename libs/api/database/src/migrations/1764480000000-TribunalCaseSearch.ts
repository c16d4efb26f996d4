import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tribunal cases are found by words of their title (A) and of the challenged act (B) in
 * `civitas_search`; signatures are matched by their form, not through this vector. Internal
 * notes and the argument stay out: every reader searches, and only parties read the notes.
 */
export class TribunalCaseSearch1764480000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tribunal_case ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('civitas_search', title), 'A') ||
        setweight(to_tsvector('civitas_search', challenged_act), 'B')
      ) STORED`);
    await q.query(`CREATE INDEX tribunal_case_search_idx ON tribunal_case USING gin (search)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tribunal_case_search_idx`);
    await q.query(`ALTER TABLE tribunal_case DROP COLUMN search`);
  }
}
