import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One stored message of a working group's chat. Served over sockets only (the shared
 * contract's `ChatMessage`), so it is not a GraphQL type. `seq` is the message's place in
 * its group's chat; see the Chat migration for how it is assigned.
 */
@Entity('chat_message')
export class ChatMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'group_id' })
  groupId: string;

  /** bigint in PostgreSQL; far below 2^53 for any group's lifetime. */
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  seq: number;

  @Column('uuid', { name: 'author_id', nullable: true })
  authorId: string | null;

  @Column('uuid', { name: 'idempotency_key' })
  idempotencyKey: string;

  @Column('text', { name: 'body_source' })
  bodySource: string;

  @Column('text', { name: 'body_html' })
  bodyHtml: string;

  @Column('uuid', { name: 'reply_to_id', nullable: true })
  replyToId: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'edited_at', nullable: true })
  editedAt: Date | null;

  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt: Date | null;

  @Column('timestamptz', { name: 'hidden_at', nullable: true })
  hiddenAt: Date | null;

  @Column('uuid', { name: 'hidden_by_id', nullable: true })
  hiddenById: string | null;

  @Column('text', { name: 'hidden_reason', nullable: true })
  hiddenReason: string | null;
}
