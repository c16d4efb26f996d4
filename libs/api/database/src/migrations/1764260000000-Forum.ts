import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The working groups' forum. A thread's opening post is its first post (seq 1), so edits,
 * revisions, reactions and hiding work the same for it as for replies. `seq` numbers a
 * thread's posts in order (allocated under the thread's row lock) and is what read
 * state counts against.
 */
export class Forum1764260000000 implements MigrationInterface {
  name = 'Forum1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE forum_thread (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES working_group(id) ON DELETE CASCADE,
        author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        pinned boolean NOT NULL DEFAULT false,
        locked boolean NOT NULL DEFAULT false,
        hidden_at timestamptz,
        hidden_reason text,
        post_count integer NOT NULL DEFAULT 0,
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX forum_thread_list_idx
        ON forum_thread (group_id, pinned DESC, last_activity_at DESC, id DESC);

      CREATE TABLE forum_post (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES forum_thread(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        body_source text,
        body_html text,
        quoted_post_id uuid REFERENCES forum_post(id) ON DELETE SET NULL,
        edited_at timestamptz,
        deleted_at timestamptz,
        hidden_at timestamptz,
        hidden_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (thread_id, seq),
        CHECK ((deleted_at IS NULL) = (body_source IS NOT NULL AND body_html IS NOT NULL))
      );

      CREATE TABLE forum_post_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES forum_post(id) ON DELETE CASCADE,
        body_source text NOT NULL,
        body_html text NOT NULL,
        written_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX forum_post_revision_post_idx ON forum_post_revision (post_id, written_at);

      CREATE TABLE forum_reaction (
        post_id uuid NOT NULL REFERENCES forum_post(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        reaction text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (post_id, user_id, reaction)
      );

      -- Per person per thread: the last post read (by seq) and follow / mute.
      CREATE TABLE forum_thread_reader (
        thread_id uuid NOT NULL REFERENCES forum_thread(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        last_read_seq integer NOT NULL DEFAULT 0,
        follow text NOT NULL DEFAULT 'NONE' CHECK (follow IN ('FOLLOWING', 'MUTED', 'NONE')),
        PRIMARY KEY (thread_id, user_id)
      );
      CREATE INDEX forum_thread_reader_user_idx ON forum_thread_reader (user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE forum_thread_reader, forum_reaction, forum_post_revision, forum_post, forum_thread;
    `);
  }
}
