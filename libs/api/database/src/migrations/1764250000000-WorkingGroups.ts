import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkingGroups1764250000000 implements MigrationInterface {
  name = 'WorkingGroups1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE working_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
        name_folded text NOT NULL UNIQUE,
        topic text NOT NULL CHECK (length(btrim(topic)) BETWEEN 1 AND 120),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
        visibility text NOT NULL CHECK (visibility IN ('OPEN', 'REQUEST', 'INVITE', 'SECRET')),
        open_to_guests boolean NOT NULL DEFAULT false,
        created_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT secret_not_for_guests CHECK (visibility <> 'SECRET' OR NOT open_to_guests)
      );
      CREATE INDEX working_group_name_idx ON working_group (name_folded, id);

      CREATE TABLE group_membership (
        group_id uuid NOT NULL REFERENCES working_group(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('MEMBER', 'COORDINATOR')),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, user_id)
      );
      CREATE INDEX group_membership_user_idx ON group_membership (user_id, group_id);

      CREATE TABLE group_ban (
        group_id uuid NOT NULL REFERENCES working_group(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        banned_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, user_id)
      );

      CREATE TABLE group_join_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES working_group(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        message text CHECK (length(message) <= 1000),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
        decision_message text CHECK (length(decision_message) <= 1000),
        decided_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT decided_has_time CHECK ((status = 'PENDING') = (decided_at IS NULL))
      );
      -- One pending request per person and group: a second one is a conflict, even when racing.
      CREATE UNIQUE INDEX group_join_request_pending ON group_join_request (group_id, user_id)
        WHERE status = 'PENDING';
      CREATE INDEX group_join_request_group_idx ON group_join_request (group_id, status, created_at);
      CREATE INDEX group_join_request_user_idx ON group_join_request (user_id, created_at);

      CREATE TABLE group_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES working_group(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        invited_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'PENDING'
          CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz
      );
      CREATE UNIQUE INDEX group_invitation_pending ON group_invitation (group_id, user_id)
        WHERE status = 'PENDING';
      CREATE INDEX group_invitation_user_idx ON group_invitation (user_id, created_at);

      -- Who did what in a group, when and why. The forum's moderation acts come here too.
      CREATE TABLE group_moderation_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES working_group(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        action text NOT NULL,
        target_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        target_type text,
        target_id uuid,
        reason text,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX group_moderation_log_group_idx ON group_moderation_log (group_id, created_at, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE group_moderation_log, group_invitation, group_join_request, group_ban,
        group_membership, working_group;
    `);
  }
}
