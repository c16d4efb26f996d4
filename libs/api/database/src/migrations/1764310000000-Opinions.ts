import { MigrationInterface, QueryRunner } from 'typeorm';
import { addNotificationKinds, removeNotificationKinds } from './notification-kinds';

const STATES = `'DRAFT', 'SUBMITTED', 'NEEDS_INFO', 'ACCEPTED', 'IN_PROGRESS', 'DELIVERED',
  'RELEASED', 'REJECTED', 'WITHDRAWN'`;
const AREAS = `'LOCAL_GOVERNMENT', 'ADMINISTRATIVE_PROCEDURE', 'PUBLIC_FINANCE', 'LOCAL_TAXES',
  'PUBLIC_PROCUREMENT', 'SPATIAL_PLANNING', 'MUNICIPAL_PROPERTY', 'HOUSING', 'EDUCATION',
  'SOCIAL_WELFARE', 'ENVIRONMENT', 'LABOUR', 'CIVIL', 'DATA_PROTECTION', 'OTHER'`;
const OPINION_KINDS = [
  'OPINION_STATE_CHANGED',
  'OPINION_ASSIGNED',
  'OPINION_DISCUSSION',
  'OPINION_DEADLINE',
];

/**
 * Expert opinions (issue 7): requests of city legal officers, their transitions, the two
 * discussions, the published library and the daily reminder's run log. Documents (the
 * attachments, the delivered opinion, the redacted copy) are referenced by id without a
 * foreign key: they live in the documents capability, which reads the owner's rules.
 */
export class Opinions1764310000000 implements MigrationInterface {
  name = 'Opinions1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE opinion_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- The requesting city: the requester's organisation when the draft was made.
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        requester_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        state text NOT NULL DEFAULT 'DRAFT' CHECK (state IN (${STATES})),
        subject text NOT NULL DEFAULT '',
        question_source text NOT NULL DEFAULT '',
        question_html text NOT NULL DEFAULT '',
        question_text text NOT NULL DEFAULT '',
        facts_source text NOT NULL DEFAULT '',
        facts_html text NOT NULL DEFAULT '',
        facts_text text NOT NULL DEFAULT '',
        -- [{ "act": "Ustawa …", "articles": "art. 18 ust. 2" }]
        legal_basis jsonb NOT NULL DEFAULT '[]',
        area_of_law text CHECK (area_of_law IN (${AREAS})),
        desired_date date,
        attachment_document_ids uuid[] NOT NULL DEFAULT '{}',
        expert_id uuid REFERENCES app_user(id),
        due_date date,
        fee_grosze bigint CHECK (fee_grosze >= 0),
        -- The office's open question while NEEDS_INFO.
        info_request text,
        rejection_reason text,
        opinion_document_id uuid,
        summary_source text,
        summary_html text,
        summary_text text,
        -- The office's remarks when it returned the opinion to the expert.
        return_remarks text,
        submitted_at timestamptz,
        released_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT opinion_assigned CHECK (
          state NOT IN ('ACCEPTED', 'IN_PROGRESS', 'DELIVERED', 'RELEASED')
          OR (expert_id IS NOT NULL AND due_date IS NOT NULL AND fee_grosze IS NOT NULL)),
        CONSTRAINT opinion_delivered CHECK (
          state NOT IN ('DELIVERED', 'RELEASED')
          OR (opinion_document_id IS NOT NULL AND summary_source IS NOT NULL))
      );
      CREATE INDEX opinion_request_city_idx ON opinion_request (organisation_id, created_at DESC, id);
      CREATE INDEX opinion_request_expert_idx ON opinion_request (expert_id, created_at DESC, id);
      CREATE INDEX opinion_request_state_idx ON opinion_request (state, created_at DESC, id);
      CREATE INDEX opinion_request_due_idx ON opinion_request (due_date)
        WHERE state IN ('ACCEPTED', 'IN_PROGRESS');

      CREATE TABLE opinion_request_transition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES opinion_request(id) ON DELETE CASCADE,
        from_state text CHECK (from_state IN (${STATES})),
        to_state text NOT NULL CHECK (to_state IN (${STATES})),
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        comment text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX opinion_request_transition_idx
        ON opinion_request_transition (request_id, created_at);

      CREATE TABLE opinion_discussion_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES opinion_request(id) ON DELETE CASCADE,
        audience text NOT NULL CHECK (audience IN ('INTERNAL', 'CITY')),
        author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        body_source text NOT NULL,
        body_html text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX opinion_discussion_idx
        ON opinion_discussion_message (request_id, audience, created_at, id);

      -- What members of all cities see: the original or a redacted copy, never the request.
      CREATE TABLE published_opinion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL UNIQUE REFERENCES opinion_request(id),
        redacted boolean NOT NULL,
        subject text NOT NULL,
        question_html text NOT NULL,
        question_text text NOT NULL,
        summary_source text NOT NULL,
        summary_html text NOT NULL,
        summary_text text NOT NULL,
        legal_basis jsonb NOT NULL,
        -- The acts, folded (no diacritics, lower case), one per line: the act filter.
        legal_acts_folded text NOT NULL,
        area_of_law text NOT NULL CHECK (area_of_law IN (${AREAS})),
        -- The original opinion, or the redacted copy the office uploaded.
        document_id uuid NOT NULL,
        -- Shown unless redacted.
        city_name text,
        released_at timestamptz NOT NULL,
        published_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('civitas_search', subject), 'A') ||
          setweight(to_tsvector('civitas_search', summary_text), 'B') ||
          setweight(to_tsvector('civitas_search', legal_acts_folded), 'B') ||
          setweight(to_tsvector('civitas_search', question_text), 'C')
        ) STORED
      );
      CREATE INDEX published_opinion_search_idx ON published_opinion USING gin (search);
      CREATE INDEX published_opinion_list_idx ON published_opinion (published_at DESC, id);
      CREATE INDEX published_opinion_area_idx ON published_opinion (area_of_law);

      -- The daily deadline reminder claims its day here, so it runs once per day across
      -- every API process.
      CREATE TABLE opinion_reminder_run (
        run_date date PRIMARY KEY,
        ran_at timestamptz NOT NULL DEFAULT now(),
        reminders integer NOT NULL DEFAULT 0
      );
    `);
    await addNotificationKinds(q, OPINION_KINDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await removeNotificationKinds(q, OPINION_KINDS);
    await q.query(`
      DROP TABLE opinion_reminder_run, published_opinion, opinion_discussion_message,
        opinion_request_transition, opinion_request;
    `);
  }
}
