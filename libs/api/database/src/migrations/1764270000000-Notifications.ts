import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications, e-mail preferences and unsubscribe links. Thread and post ids
 * are kept without foreign keys: notifications outlive what they point at (a removed
 * post still explains why one was told), and they belong to another domain.
 */
export class Notifications1764270000000 implements MigrationInterface {
  name = 'Notifications1764270000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Orders a person's notifications newest first even within one transaction's now().
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        recipient_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('MENTION', 'REPLY', 'JOIN_REQUEST', 'JOIN_DECISION',
                                           'GROUP_INVITATION', 'MODERATION')),
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        group_id uuid REFERENCES working_group(id) ON DELETE CASCADE,
        thread_id uuid,
        post_id uuid,
        -- The join request or group invitation the notification is about.
        target_id uuid,
        -- Short texts to show without asking other domains: names, titles, a message.
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        -- Waiting for the person's daily digest e-mail.
        digest_pending boolean NOT NULL DEFAULT false
      );
      CREATE INDEX notification_list_idx ON notification (recipient_id, seq DESC);
      CREATE INDEX notification_unread_idx ON notification (recipient_id, seq DESC)
        WHERE read_at IS NULL;
      CREATE INDEX notification_digest_idx ON notification (recipient_id, seq)
        WHERE digest_pending;
      -- One notification per person and post: mentioned and following is one MENTION.
      CREATE UNIQUE INDEX notification_post_once ON notification (recipient_id, post_id)
        WHERE kind IN ('MENTION', 'REPLY');

      CREATE TABLE notification_preference (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('MENTION', 'REPLY', 'JOIN_REQUEST', 'JOIN_DECISION',
                                           'GROUP_INVITATION', 'MODERATION')),
        email text NOT NULL CHECK (email IN ('IMMEDIATE', 'DAILY_DIGEST', 'NEVER')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      );

      -- Only the SHA-256 of each token is kept; each mail carries a token of its own.
      CREATE TABLE notification_unsubscribe_token (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX notification_unsubscribe_token_user_idx
        ON notification_unsubscribe_token (user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE notification_unsubscribe_token, notification_preference, notification`,
    );
  }
}
