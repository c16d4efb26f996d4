import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import {
  GroupInvitationStatus,
  GroupModerationAction,
  GroupRole,
  GroupVisibility,
  JoinRequestStatus,
} from '@civitas/shared/domain';

registerEnumType(GroupVisibility, { name: 'GroupVisibility' });
registerEnumType(GroupRole, { name: 'GroupRole' });
registerEnumType(JoinRequestStatus, { name: 'JoinRequestStatus' });
registerEnumType(GroupInvitationStatus, { name: 'GroupInvitationStatus' });
registerEnumType(GroupModerationAction, { name: 'GroupModerationAction' });

/** A working group (grupa wymiany doświadczeń): officials of several cities on one topic. */
@Entity('working_group')
@ObjectType()
export class WorkingGroup {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column()
  @Field()
  name: string;

  @Column({ name: 'name_folded' })
  nameFolded: string;

  @Column()
  @Field()
  topic: string;

  @Column()
  @Field()
  description: string;

  @Column({ type: 'text' })
  @Field(() => GroupVisibility)
  visibility: GroupVisibility;

  @Column({ name: 'open_to_guests' })
  @Field({ description: 'Guests and experts may see and join it (never a SECRET group).' })
  openToGuests: boolean;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('group_membership')
export class GroupMembership {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  role: GroupRole;

  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;
}

@Entity('group_ban')
export class GroupBan {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'banned_by_id', type: 'uuid', nullable: true })
  bannedById: string | null;

  @Column()
  reason: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('group_join_request')
@ObjectType({ description: 'A request to join a REQUEST group, and its decision.' })
export class GroupJoinRequest {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'group_id', type: 'uuid' })
  @Field(() => ID)
  groupId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "The requester's message." })
  message: string | null;

  @Column({ type: 'text' })
  @Field(() => JoinRequestStatus)
  status: JoinRequestStatus;

  @Column({ name: 'decision_message', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The coordinator's message with the decision; the requester sees it.",
  })
  decisionMessage: string | null;

  @Column({ name: 'decided_by_id', type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field()
  createdAt: Date;
}

@Entity('group_invitation')
@ObjectType({ description: "A coordinator's invitation of a person into a group." })
export class GroupInvitation {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'group_id', type: 'uuid' })
  @Field(() => ID)
  groupId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'invited_by_id', type: 'uuid', nullable: true })
  invitedById: string | null;

  @Column({ type: 'text' })
  @Field(() => GroupInvitationStatus)
  status: GroupInvitationStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;
}

@Entity('group_moderation_log')
@ObjectType({ description: 'One coordinator act in a group: who, what, to whom, when and why.' })
export class GroupModerationLogEntry {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'group_id', type: 'uuid' })
  @Field(() => ID)
  groupId: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  @Field(() => GroupModerationAction)
  action: GroupModerationAction;

  @Column({ name: 'target_user_id', type: 'uuid', nullable: true })
  targetUserId: string | null;

  /** What else the act touched (a thread, a post — the forum's); null for people. */
  @Column({ name: 'target_type', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      '`forum_thread` or `forum_post` for forum acts; null when a person was acted upon.',
  })
  targetType: string | null;

  @Column({ name: 'target_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The thread or post acted upon.' })
  targetId: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field()
  createdAt: Date;
}

/** Someone as a group shows them: name, position and organisation, nothing private. */
@ObjectType()
export class GroupPerson {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  position: string | null;

  @Field(() => ID)
  organisationId: string;
}

/** The organisation a group member comes from (a city or the office), as groups show it. */
@ObjectType()
export class GroupMemberOrganisation {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType()
export class GroupMember {
  @Field(() => GroupPerson)
  person: GroupPerson;

  @Field(() => GroupRole)
  role: GroupRole;

  @Field()
  joinedAt: Date;

  /** Keyset for pagination; not exposed. */
  nameFolded: string;
}

@ObjectType('GroupBan')
export class GroupBanEntry {
  /** The banned person; exposed as `person`. */
  userId: string;

  @Field()
  reason: string;

  @Field()
  bannedAt: Date;
}
