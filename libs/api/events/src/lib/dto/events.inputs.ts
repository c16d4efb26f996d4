import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  EVENT_CAPACITY_MAX,
  EVENT_INVITED_CITIES_MAX,
  EVENT_MESSAGE_SUBJECT_MAX,
  EVENT_PLACE_MAX,
  EVENT_TITLE_MAX,
  EVENT_URL_MAX,
  EventAudience,
  EventType,
} from '@civitas/shared/domain';
import { PageArgs } from '@civitas/api/core';

@InputType({ description: 'An event as the organiser enters it; times are instants with offset.' })
export class EventInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(EVENT_TITLE_MAX)
  title: string;

  @Field(() => EventType)
  @IsEnum(EventType)
  type: EventType;

  @Field({ defaultValue: '', description: 'Markdown.' })
  @IsString()
  @MaxLength(20000)
  description: string;

  @Field()
  @IsDate()
  startsAt: Date;

  @Field()
  @IsDate()
  endsAt: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(EVENT_PLACE_MAX)
  place?: string | null;

  @Field(() => String, { nullable: true, description: 'http(s) address of the online meeting.' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(EVENT_URL_MAX)
  onlineUrl?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(EVENT_CAPACITY_MAX)
  capacity?: number | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  registrationDeadline?: Date | null;

  @Field(() => EventAudience)
  @IsEnum(EventAudience)
  audience: EventAudience;

  @Field(() => ID, { nullable: true, description: 'Required for the WORKING_GROUP audience.' })
  @IsOptional()
  @IsUUID()
  groupId?: string | null;

  @Field(() => [ID], {
    defaultValue: [],
    description: 'MEMBERS_AND_INVITED_CITIES: the non-member cities invited.',
  })
  @ArrayMaxSize(EVENT_INVITED_CITIES_MAX)
  @IsUUID('all', { each: true })
  invitedCityIds: string[];
}

@InputType()
export class RegisterForEventInput {
  @Field({ description: 'Share name, city and position with the other participants.' })
  @IsBoolean()
  shareData: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The consent wording shown (currentConsentText); required when shareData.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  consentTextVersion?: string | null;
}

@InputType()
export class EventMessageInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(EVENT_MESSAGE_SUBJECT_MAX)
  subject: string;

  @Field({ description: 'Markdown.' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  body: string;

  @Field({ defaultValue: false })
  @IsBoolean()
  includeWaitlist: boolean;
}

@InputType()
export class CancelEventInput {
  @Field({ description: 'Why, told to everyone registered; 3–500 characters once trimmed.' })
  // Trimmed, then measured by the service (EVENT_CANCELLATION_REASON_MIN–MAX characters).
  @IsString()
  reason: string;
}

@ArgsType()
export class EventsArgs extends PageArgs {
  @Field(() => Date, { nullable: true, description: 'Events ending at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Events starting before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field(() => [EventType], { nullable: true })
  @IsOptional()
  @IsEnum(EventType, { each: true })
  types?: EventType[];
}

@ArgsType()
export class EventParticipantsArgs extends PageArgs {}
