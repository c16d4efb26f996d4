import { ArgsType, Field, Float, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  TRIBUNAL_SEARCH_MAX,
  TribunalCaseKind,
  TribunalStage,
  TribunalSupportKind,
} from '@civitas/shared/domain';
import { ConnectionType, PageArgs } from '@civitas/api/core';
import { TribunalCase } from '../tribunal.types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date YYYY-MM-DD';
const TEXT_MAX = 20000;
const LINE_MAX = 500;

@InputType({ description: "A city council's resolution to take part in a case." })
export class TribunalResolutionInput {
  @Field()
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(100)
  number: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Matches(DATE, { message: DATE_MESSAGE })
  date: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A TRIBUNAL_RESOLUTION document uploaded to the case (required to ask to join).',
  })
  @IsOptional()
  @IsUUID()
  documentId?: string | null;
}

@InputType({ description: 'The fields of a case; omitted ones stay as they are.' })
export class TribunalCaseInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(LINE_MAX)
  title?: string;

  @Field(() => TribunalCaseKind, { nullable: true })
  @IsOptional()
  @IsEnum(TribunalCaseKind)
  kind?: TribunalCaseKind;

  @Field({ nullable: true, description: 'e.g. Ustawa z dnia 13 listopada 2003 r. o dochodach JST' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(LINE_MAX)
  challengedAct?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  challengedProvisions?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  constitutionalProvisions?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  argumentSummary?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  internalNotes?: string;

  @Field(() => String, { nullable: true, description: 'Tw n/yy; null clears.' })
  @IsOptional()
  @IsString()
  preliminarySignature?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'K n/yy or U n/yy (the case’s kind); null clears.',
  })
  @IsOptional()
  @IsString()
  signature?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Ids of published opinions.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  linkedOpinionIds?: string[];
}

@InputType()
export class CreateTribunalCaseInput extends TribunalCaseInput {
  @Field(() => ID, { description: 'The applicant city (a member).' })
  @IsUUID()
  applicantOrganisationId: string;

  @Field(() => TribunalResolutionInput)
  @ValidateNested()
  @Type(() => TribunalResolutionInput)
  applicantResolution: TribunalResolutionInput;
}

@InputType({ description: "The association's support decision." })
export class TribunalSupportInput {
  @Field()
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(100)
  boardResolutionNumber: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Matches(DATE, { message: DATE_MESSAGE })
  boardResolutionDate: string;

  @Field(() => [TribunalSupportKind])
  @ArrayUnique()
  @IsEnum(TribunalSupportKind, { each: true })
  kinds: TribunalSupportKind[];

  @Field(() => Float, { nullable: true, description: 'In grosze.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_00)
  amountGrosze?: number | null;
}

@InputType({ description: 'A stage entry; which fields a stage needs is checked per stage.' })
export class TribunalStageInput {
  @Field(() => TribunalStage)
  @IsEnum(TribunalStage)
  stage: TribunalStage;

  @Field({ description: 'YYYY-MM-DD: when the stage began; not in the future.' })
  @Matches(DATE, { message: DATE_MESSAGE })
  enteredOn: string;

  @Field(() => String, {
    nullable: true,
    description: 'DEFECTS_CALL and REFUSAL: YYYY-MM-DD the Tribunal’s letter was delivered.',
  })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  deliveredOn?: string | null;

  @Field(() => Date, { nullable: true, description: 'HEARING_SCHEDULED: when.' })
  @IsOptional()
  hearingAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'JUDGMENT / DISCONTINUED.' })
  @IsOptional()
  @IsString()
  @MaxLength(LINE_MAX)
  outcome?: string | null;

  @Field(() => String, { nullable: true, description: 'JUDGMENT / DISCONTINUED.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'PUBLISHED: e.g. Dz.U. 2025 poz. 123.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  journalReference?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  note?: string;

  @Field(() => [ID], { nullable: true, description: 'TRIBUNAL_STAGE documents of the case.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  documentIds?: string[];
}

@InputType({ description: 'A corrected stage entry, or its withdrawal (void) with the reason.' })
export class CorrectTribunalStageInput {
  @Field()
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(2000)
  reason: string;

  @Field({
    nullable: true,
    description:
      'Withdraw the latest entry as made by mistake: the case returns to the stage before.',
  })
  @IsOptional()
  void?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  enteredOn?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  deliveredOn?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  hearingAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LINE_MAX)
  outcome?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  summary?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  journalReference?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  note?: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      "The entry's TRIBUNAL_STAGE documents of the case, all of them: adds or removes files (the list before is kept in the correction).",
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  documentIds?: string[];
}

@ArgsType()
export class TribunalCasesArgs extends PageArgs {
  @Field(() => [TribunalStage], { nullable: true })
  @IsOptional()
  @IsEnum(TribunalStage, { each: true })
  stages?: TribunalStage[];

  @Field(() => String, {
    nullable: true,
    description: `Words of the title or the challenged act, Polish forms and diacritics optional ("janosikowego" finds "Janosikowe"; web-search syntax), or a signature or its start ("K 3/25", "Tw 12/24", "3/25"). At most ${TRIBUNAL_SEARCH_MAX} characters; without words (only punctuation) BAD_USER_INPUT; blank: every case. Newest first either way.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(TRIBUNAL_SEARCH_MAX)
  search?: string | null;
}

@ObjectType()
export class TribunalCaseConnection extends ConnectionType(TribunalCase) {}
