import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EmailFrequency, NotificationKind } from '@civitas/shared/domain';

registerEnumType(NotificationKind, { name: 'NotificationKind' });
registerEnumType(EmailFrequency, { name: 'EmailFrequency' });

/** Short texts captured when the notification is made, so a list needs no other domain. */
export interface NotificationPayload {
  actorName?: string;
  groupName?: string;
  threadTitle?: string;
  approved?: boolean;
  /** A coordinator's decision message or moderation reason. */
  message?: string | null;
  /** The moderation act (HIDE, LOCK, …). */
  action?: string;
  /** Opinion notifications: the request's subject (targetId is the request). */
  requestSubject?: string;
  /** The state the request moved to. */
  state?: string;
  /** YYYY-MM-DD: the expert's due date (assignment, deadline reminders). */
  dueDate?: string;
  overdue?: boolean;
  /** The discussion a message was posted in (INTERNAL or CITY). */
  audience?: string;
}

@ObjectType({ description: 'Something that happened that concerns the signed-in person.' })
@Entity('notification')
export class Notification {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  /** Keyset order: newest first. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column('uuid', { name: 'recipient_id' })
  recipientId: string;

  @Field(() => NotificationKind)
  @Column('text')
  kind: NotificationKind;

  @Field(() => ID, { nullable: true, description: 'Who did it; null when their account is gone.' })
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'group_id', nullable: true })
  groupId: string | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'thread_id', nullable: true })
  threadId: string | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'post_id', nullable: true })
  postId: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The join request or group invitation; the opinion request for OPINION_* kinds.',
  })
  @Column('uuid', { name: 'target_id', nullable: true })
  targetId: string | null;

  @Column('jsonb')
  payload: NotificationPayload;

  @Field()
  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt: Date | null;

  @Column('boolean', { name: 'digest_pending' })
  digestPending: boolean;
}

@ObjectType()
export class NotificationPreference {
  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => EmailFrequency, { description: 'When to e-mail about this kind.' })
  email: EmailFrequency;
}
