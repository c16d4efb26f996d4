import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Working groups' live chat (issue 4). Each group numbers its messages 1, 2, 3, … (`seq`):
 * a message takes the next number from its group's counter row in the transaction that
 * stores it, so concurrent senders in one group queue on that row and the numbers have no
 * gaps (a rolled-back send rolls its number back too). Clients catch up with "everything
 * after seq N". A client's retry carries the same idempotency key, unique per author, so a
 * lost acknowledgement never stores a message twice.
 */
export class Chat1764280000000 implements MigrationInterface {
  name = 'Chat1764280000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE chat_group_counter (
        group_id uuid PRIMARY KEY REFERENCES working_group(id) ON DELETE CASCADE,
        last_seq bigint NOT NULL CHECK (last_seq >= 0)
      );

      CREATE TABLE chat_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES working_group(id) ON DELETE CASCADE,
        seq bigint NOT NULL CHECK (seq > 0),
        author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        idempotency_key uuid NOT NULL,
        -- Emptied (with body_html) when the author deletes the message.
        body_source text NOT NULL CHECK (char_length(body_source) <= 4000),
        body_html text NOT NULL,
        reply_to_id uuid REFERENCES chat_message(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        -- Deleted by its author: the row stays ("message deleted"), its text does not.
        deleted_at timestamptz,
        -- Hidden by a coordinator, who and why.
        hidden_at timestamptz,
        hidden_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        hidden_reason text,
        CONSTRAINT chat_message_not_empty CHECK (deleted_at IS NOT NULL OR body_source <> ''),
        CONSTRAINT chat_message_group_seq UNIQUE (group_id, seq),
        CONSTRAINT chat_message_author_key UNIQUE (author_id, idempotency_key)
      );

      -- The last seq each person has read in each group; unread = later messages by others.
      CREATE TABLE chat_read_state (
        group_id uuid NOT NULL REFERENCES working_group(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        read_seq bigint NOT NULL DEFAULT 0 CHECK (read_seq >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, group_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE chat_read_state, chat_message, chat_group_counter;`);
  }
}
