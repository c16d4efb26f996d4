import { MigrationInterface, QueryRunner } from 'typeorm';
import { addNotificationKinds, removeNotificationKinds } from './notification-kinds';

const STAGES = `'PREPARATION', 'FILED', 'PRELIMINARY_EXAMINATION', 'DEFECTS_CALL', 'REFUSAL',
  'COMPLAINT_DECIDED', 'ADMITTED', 'HEARING_SCHEDULED', 'JUDGMENT', 'DISCONTINUED', 'PUBLISHED'`;
const TRIBUNAL_KINDS = ['TRIBUNAL_DEADLINE', 'TRIBUNAL_JOIN'];

/**
 * Constitutional Tribunal support cases (issue 8): the case, its applicant and co-applicant
 * cities (with join requests), its stage entries and their corrections, links between
 * cases joined by the Tribunal, follows, per-user calendar tokens and the daily reminder's
 * run log. Documents are referenced by id (they live in the documents capability).
 */
export class Tribunal1764320000000 implements MigrationInterface {
  name = 'Tribunal1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tribunal_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('K', 'U')),
        challenged_act text NOT NULL,
        challenged_provisions text NOT NULL DEFAULT '',
        constitutional_provisions text NOT NULL DEFAULT '',
        argument_summary text NOT NULL DEFAULT '',
        -- Restricted: the office and the applicant cities' legal officers and admins.
        internal_notes text NOT NULL DEFAULT '',
        stage text NOT NULL DEFAULT 'PREPARATION' CHECK (stage IN (${STAGES})),
        preliminary_signature text,
        signature text,
        support_resolution_number text,
        support_resolution_date date,
        support_kinds text[] NOT NULL DEFAULT '{}',
        support_amount_grosze bigint CHECK (support_amount_grosze >= 0),
        linked_opinion_ids uuid[] NOT NULL DEFAULT '{}',
        filed_on date,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- The applicant (is_applicant) and the co-applicant cities, each with its council's
      -- resolution; a join request is a row REQUESTED until the office decides it.
      CREATE TABLE tribunal_case_city (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES tribunal_case(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        is_applicant boolean NOT NULL DEFAULT false,
        status text NOT NULL CHECK (status IN ('REQUESTED', 'ACCEPTED', 'DECLINED')),
        resolution_number text NOT NULL,
        resolution_date date NOT NULL,
        resolution_document_id uuid,
        requested_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        decided_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        decided_at timestamptz,
        decline_reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- A city is in a case once (a declined request may be asked again).
      CREATE UNIQUE INDEX tribunal_case_city_once ON tribunal_case_city (case_id, organisation_id)
        WHERE status <> 'DECLINED';
      CREATE UNIQUE INDEX tribunal_case_one_applicant ON tribunal_case_city (case_id)
        WHERE is_applicant;
      CREATE INDEX tribunal_case_city_org ON tribunal_case_city (organisation_id);

      CREATE TABLE tribunal_stage_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES tribunal_case(id) ON DELETE CASCADE,
        stage text NOT NULL CHECK (stage IN (${STAGES})),
        entered_on date NOT NULL,
        delivered_on date,
        -- Computed from delivered_on (tribunalDeadline), never typed.
        deadline date,
        hearing_at timestamptz,
        outcome text,
        summary text,
        journal_reference text,
        note text NOT NULL DEFAULT '',
        document_ids uuid[] NOT NULL DEFAULT '{}',
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- An entry made by mistake and withdrawn: kept, no longer the case's stage.
        voided_at timestamptz
      );
      CREATE INDEX tribunal_stage_entry_case ON tribunal_stage_entry (case_id, created_at);
      CREATE INDEX tribunal_stage_entry_deadline ON tribunal_stage_entry (deadline)
        WHERE deadline IS NOT NULL AND voided_at IS NULL;

      -- Every correction of a stage entry: who, when, why, and the entry as it was.
      CREATE TABLE tribunal_stage_correction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        entry_id uuid NOT NULL REFERENCES tribunal_stage_entry(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        reason text NOT NULL,
        voided boolean NOT NULL DEFAULT false,
        previous jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX tribunal_stage_correction_entry ON tribunal_stage_correction (entry_id);

      -- Motions the Tribunal joined into one case; stored once, a < b.
      CREATE TABLE tribunal_case_link (
        a uuid NOT NULL REFERENCES tribunal_case(id) ON DELETE CASCADE,
        b uuid NOT NULL REFERENCES tribunal_case(id) ON DELETE CASCADE,
        note text NOT NULL DEFAULT '',
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (a, b),
        CHECK (a < b)
      );

      -- Follows: following = false is an explicit unfollow of a case one follows by default.
      CREATE TABLE tribunal_follow (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES tribunal_case(id) ON DELETE CASCADE,
        following boolean NOT NULL,
        PRIMARY KEY (user_id, case_id)
      );

      -- The secret of a person's calendar feed, hashed (SHA-256); a new one replaces the old.
      CREATE TABLE tribunal_calendar_token (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE tribunal_reminder_run (
        run_date date PRIMARY KEY,
        ran_at timestamptz NOT NULL DEFAULT now(),
        reminders integer NOT NULL DEFAULT 0
      );
    `);
    await addNotificationKinds(q, TRIBUNAL_KINDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await removeNotificationKinds(q, TRIBUNAL_KINDS);
    await q.query(`
      DROP TABLE tribunal_reminder_run, tribunal_calendar_token, tribunal_follow,
        tribunal_case_link, tribunal_stage_correction, tribunal_stage_entry,
        tribunal_case_city, tribunal_case;
    `);
  }
}
