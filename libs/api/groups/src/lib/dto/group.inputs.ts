import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  GROUP_DESCRIPTION_MAX,
  GROUP_INITIAL_COORDINATORS_MAX,
  GROUP_MESSAGE_MAX,
  GROUP_NAME_MAX,
  GROUP_TOPIC_MAX,
  GroupRole,
  GroupVisibility,
} from '@civitas/shared/domain';

@InputType()
export class CreateWorkingGroupInput {
  @Field({ description: `1–${GROUP_NAME_MAX} characters, unique.` })
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(GROUP_NAME_MAX)
  name: string;

  @Field({ description: `1–${GROUP_TOPIC_MAX} characters.` })
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(GROUP_TOPIC_MAX)
  topic: string;

  @Field({ defaultValue: '', description: `At most ${GROUP_DESCRIPTION_MAX} characters.` })
  @IsString()
  @MaxLength(GROUP_DESCRIPTION_MAX)
  description: string = '';

  @Field(() => GroupVisibility)
  @IsEnum(GroupVisibility)
  visibility: GroupVisibility;

  @Field({ defaultValue: false })
  @IsBoolean()
  openToGuests: boolean = false;

  @Field(() => [ID], {
    description: `The first coordinators: 1–${GROUP_INITIAL_COORDINATORS_MAX} people of member cities or the office.`,
  })
  @ArrayMinSize(1, { message: 'a group needs at least one coordinator' })
  @ArrayMaxSize(GROUP_INITIAL_COORDINATORS_MAX)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'must be person ids' })
  coordinatorIds: string[];
}

/** An omitted field stays as it is. */
@InputType()
export class UpdateWorkingGroupInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'cannot be empty' })
  @MaxLength(GROUP_NAME_MAX)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'cannot be empty' })
  @MaxLength(GROUP_TOPIC_MAX)
  topic?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(GROUP_DESCRIPTION_MAX)
  description?: string;

  @Field(() => GroupVisibility, { nullable: true })
  @IsOptional()
  @IsEnum(GroupVisibility)
  visibility?: GroupVisibility;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  openToGuests?: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why, for the moderation log (visibility changes).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(GROUP_MESSAGE_MAX)
  reason?: string;
}

@InputType()
export class RequestToJoinGroupInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a working group id' })
  groupId: string;

  @Field(() => String, {
    nullable: true,
    description: `Why I would like to join; at most ${GROUP_MESSAGE_MAX} characters.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(GROUP_MESSAGE_MAX)
  message?: string | null;
}

@InputType()
export class DecideJoinRequestInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a join request id' })
  requestId: string;

  @Field(() => String, {
    nullable: true,
    description: `For the requester; at most ${GROUP_MESSAGE_MAX} characters.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(GROUP_MESSAGE_MAX)
  message?: string | null;
}

/** A coordinator's act on one person of a group. */
@InputType()
export class GroupPersonActInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a working group id' })
  groupId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a person id' })
  userId: string;

  @Field(() => String, {
    nullable: true,
    description: `Why, for the moderation log; at most ${GROUP_MESSAGE_MAX} characters.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(GROUP_MESSAGE_MAX)
  reason?: string | null;
}

@InputType()
export class BanGroupMemberInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a working group id' })
  groupId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a person id' })
  userId: string;

  @Field({ description: `Required; at most ${GROUP_MESSAGE_MAX} characters.` })
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(GROUP_MESSAGE_MAX)
  reason: string;
}

@InputType()
export class SetGroupMemberRoleInput extends GroupPersonActInput {
  @Field(() => GroupRole)
  @IsEnum(GroupRole)
  role: GroupRole;
}
