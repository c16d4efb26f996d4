import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  PRACTICE_AMOUNT_MAX_GROSZE,
  PRACTICE_COMMENT_MAX,
  PRACTICE_FUNDING_MAX,
  PRACTICE_LINKS_MAX,
  PRACTICE_PARTNERS_MAX,
  PRACTICE_TAG_MAX,
  PRACTICE_TAGS_MAX,
  PRACTICE_TEXT_MAX,
  PRACTICE_TITLE_MAX,
  PracticeStatus,
  PracticeVerificationSource,
} from '@civitas/shared/domain';
import { PageArgs } from '@civitas/api/core';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

@InputType()
export class PracticeFundingInput {
  @Field()
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(200)
  source: string;

  @Field(() => Float, { nullable: true, description: 'Whole grosze.' })
  @IsOptional()
  @IsInt({ message: 'must be whole grosze' })
  @Min(0)
  @Max(PRACTICE_AMOUNT_MAX_GROSZE)
  amountGrosze?: number | null;
}

@InputType()
export class PracticeLinkInput {
  @Field()
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(200)
  label: string;

  @Field({ description: 'http(s) address.' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'must be an http(s) address' },
  )
  @MaxLength(2000)
  url: string;
}

/**
 * The fields of a practice. Every field is optional: a draft is saved as it is typed
 * (autosave sends only what changed); `submitPractice` checks completeness.
 * `null` clears a field.
 */
@InputType()
export class PracticeDraftInput {
  @Field(() => String, { nullable: true, description: `At most ${PRACTICE_TITLE_MAX} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(PRACTICE_TITLE_MAX)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'A PracticeArea code.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  areaCode?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PRACTICE_TAGS_MAX)
  @IsString({ each: true })
  @MaxLength(PRACTICE_TAG_MAX, { each: true })
  tags?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Partner cities (organisation ids).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PRACTICE_PARTNERS_MAX)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'must be organisation ids' })
  partnerCityIds?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PRACTICE_TEXT_MAX)
  problem?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PRACTICE_TEXT_MAX)
  goals?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PRACTICE_TEXT_MAX)
  actions?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PRACTICE_TEXT_MAX)
  results?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PRACTICE_TEXT_MAX)
  innovation?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PRACTICE_TEXT_MAX)
  transferability?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PRACTICE_TEXT_MAX)
  lessonsLearned?: string | null;

  @Field(() => Float, { nullable: true, description: 'Total cost in whole grosze.' })
  @IsOptional()
  @IsInt({ message: 'must be whole grosze' })
  @Min(0)
  @Max(PRACTICE_AMOUNT_MAX_GROSZE)
  costGrosze?: number | null;

  @Field(() => [PracticeFundingInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PRACTICE_FUNDING_MAX)
  @ValidateNested({ each: true })
  @Type(() => PracticeFundingInput)
  funding?: PracticeFundingInput[] | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  periodStart?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; not before periodStart.' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  periodEnd?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A person of the implementing city; the author by default.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a person id' })
  contactPersonId?: string | null;

  @Field(() => [PracticeLinkInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PRACTICE_LINKS_MAX)
  @ValidateNested({ each: true })
  @Type(() => PracticeLinkInput)
  links?: PracticeLinkInput[] | null;

  @Field(() => PracticeVerificationSource, { nullable: true })
  @IsOptional()
  @IsEnum(PracticeVerificationSource)
  verificationSource?: PracticeVerificationSource | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  verificationNote?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  verifiedOn?: string | null;
}

@InputType()
export class PracticeReviewInput {
  @Field({ description: `What the author should change; 1–${PRACTICE_COMMENT_MAX} characters.` })
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(PRACTICE_COMMENT_MAX)
  comment: string;
}

@InputType()
export class PublishPracticeInput {
  @Field(() => PracticeVerificationSource, {
    nullable: true,
    description: 'How it was verified; required unless the entry already says.',
  })
  @IsOptional()
  @IsEnum(PracticeVerificationSource)
  verificationSource?: PracticeVerificationSource;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  verificationNote?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; today by default.' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  verifiedOn?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PRACTICE_COMMENT_MAX)
  comment?: string;
}

@InputType()
export class PracticeAreaInput {
  @Field({ description: 'Upper-case code, e.g. WATER_MANAGEMENT; fixed once created.' })
  @Matches(/^[A-Z][A-Z_]{1,39}$/, { message: 'must be 2–40 upper-case letters or _' })
  code: string;

  @Field()
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(100)
  name: string;

  @Field()
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(100)
  nameEn: string;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(100000)
  position: number = 0;

  @Field({ defaultValue: true })
  @IsBoolean()
  active: boolean = true;
}

/** The display order of the areas: every code once, first shown first. */
@InputType()
export class ReorderPracticeAreasInput {
  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  codes: string[];
}

@ArgsType()
export class MyPracticesArgs extends PageArgs {
  @Field(() => [PracticeStatus], { nullable: true, description: 'All states by default.' })
  @IsOptional()
  @IsArray()
  @IsEnum(PracticeStatus, { each: true })
  status?: PracticeStatus[];
}

@ArgsType()
export class ReviewQueueArgs extends PageArgs {
  @Field(() => [PracticeStatus], {
    nullable: true,
    description: 'SUBMITTED and IN_REVIEW by default, oldest submission first.',
  })
  @IsOptional()
  @IsArray()
  @IsEnum(PracticeStatus, { each: true })
  status?: PracticeStatus[];
}

@ArgsType()
export class CityPracticesArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an organisation id' })
  organisationId: string;

  @Field({
    defaultValue: false,
    description: 'Also practices where the city is a partner. Published ones only, newest first.',
  })
  @IsBoolean()
  includePartnered: boolean = false;
}

@InputType()
export class PracticeArchiveInput {
  @Field(() => String, { nullable: true, description: 'Why it is archived.' })
  @IsOptional()
  @IsString()
  @MaxLength(PRACTICE_COMMENT_MAX)
  comment?: string | null;
}

@InputType()
export class PracticeInterestInput {
  @Field(() => String, { nullable: true, description: 'A message for the contact person.' })
  @IsOptional()
  @IsString()
  @MaxLength(PRACTICE_COMMENT_MAX)
  message?: string | null;
}
