import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import {
  IsDate,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { ConsentAction, ConsentPurpose, PrivacyRequestStatus } from '@civitas/shared/domain';
import { PageArgs } from '@civitas/api/core';
import { MARKDOWN_MAX_LENGTH } from '@civitas/api/markdown';

const REASON_MAX = 4000;

@ArgsType()
export class ConsentRecordsArgs extends PageArgs {
  @Field(() => ConsentPurpose, { nullable: true })
  @IsOptional()
  @IsEnum(ConsentPurpose)
  purpose?: ConsentPurpose;

  @Field(() => ConsentAction, { nullable: true })
  @IsOptional()
  @IsEnum(ConsentAction)
  action?: ConsentAction;

  @Field(() => Date, { nullable: true, description: 'Records from this moment on.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Records before this moment.' })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field(() => String, {
    nullable: true,
    description: "An e-mail address (the record's or the account's), exact, any case.",
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @Field(() => ID, { nullable: true, description: "An account's records." })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

@ArgsType()
export class PrivacyRequestsArgs extends PageArgs {
  @Field(() => PrivacyRequestStatus, { defaultValue: PrivacyRequestStatus.OPEN })
  @IsEnum(PrivacyRequestStatus)
  status: PrivacyRequestStatus = PrivacyRequestStatus.OPEN;
}

@InputType()
export class PrivacyReasonInput {
  @Field({ description: 'Why, in the person’s words.' })
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(REASON_MAX)
  reason: string;
}

@InputType()
export class ResolvePrivacyRequestInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ description: 'The outcome, shown to the person.' })
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(REASON_MAX)
  note: string;
}

@InputType()
export class PublishPrivacyNoticeInput {
  @Field({ description: 'Markdown, Polish.' })
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(MARKDOWN_MAX_LENGTH)
  bodyPl: string;

  @Field({ description: 'Markdown, English.' })
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(MARKDOWN_MAX_LENGTH)
  bodyEn: string;
}

@InputType()
export class RequestErasureInput {
  @Field({ description: 'The account’s password, to confirm it is really the person.' })
  @IsString()
  @MaxLength(1000)
  password: string;
}
