import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  POSITION_ACT_REFERENCE_MAX,
  POSITION_ACT_TITLE_MAX,
  POSITION_COMMENT_MAX,
  POSITION_QUERY_MAX,
  POSITION_SEARCH_PAGE_MAX,
  POSITION_SUMMARY_MAX,
  POSITION_TITLE_MAX,
  POSITION_YEAR_MAX,
  POSITION_YEAR_MIN,
  PositionConsultationStatus,
  PositionStatementType,
} from '@civitas/shared/domain';
import { PageArgs } from '@civitas/api/core';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REQUIRED = /\S/;

@InputType({ description: 'Filters combine: AND across type and year, OR within one.' })
export class PositionSearchFilter {
  @Field(() => [PositionStatementType], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(PositionStatementType, { each: true })
  types?: PositionStatementType[];

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(POSITION_YEAR_MIN, { each: true })
  @Max(POSITION_YEAR_MAX, { each: true })
  years?: number[];
}

@ArgsType()
export class PositionSearchArgs {
  @Field(() => String, {
    nullable: true,
    description: `Words as people type them (Polish forms, with or without diacritics; "quotes" for a phrase, -word to exclude, or). At most ${POSITION_QUERY_MAX} characters. Absent or blank: everything, newest first; with words: best match first.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(POSITION_QUERY_MAX)
  query?: string | null;

  @Field(() => PositionSearchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PositionSearchFilter)
  filter?: PositionSearchFilter | null;

  @Field(() => Int, { defaultValue: 20, description: `At most ${POSITION_SEARCH_PAGE_MAX}.` })
  @IsInt()
  @Min(1)
  @Max(POSITION_SEARCH_PAGE_MAX)
  first: number = 20;

  @Field(() => String, {
    nullable: true,
    description: 'endCursor of the same search; another search’s cursor answers BAD_USER_INPUT.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string | null;
}

@InputType({ description: 'A position, resolution, invitation or programme of the library.' })
export class PositionStatementInput {
  @Field(() => PositionStatementType)
  @IsEnum(PositionStatementType)
  type: PositionStatementType;

  @Field()
  @IsString()
  @Matches(REQUIRED, { message: 'is required' })
  @MaxLength(POSITION_TITLE_MAX)
  title: string;

  @Field({ description: 'YYYY-MM-DD: adopted or issued.' })
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  adoptedOn: string;

  @Field(() => String, { nullable: true, description: 'The draft law or act it concerns.' })
  @IsOptional()
  @IsString()
  @MaxLength(POSITION_ACT_TITLE_MAX)
  actTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "druk sejmowy nr 1234", "UD123".' })
  @IsOptional()
  @IsString()
  @MaxLength(POSITION_ACT_REFERENCE_MAX)
  actReference?: string | null;

  @Field(() => String, { nullable: true, description: 'Markdown.' })
  @IsOptional()
  @IsString()
  @MaxLength(POSITION_SUMMARY_MAX)
  summaryMarkdown?: string | null;
}

@InputType({ description: 'The fields to change; omitted ones stay as they are.' })
export class UpdatePositionStatementInput {
  @Field(() => PositionStatementType, { nullable: true })
  @IsOptional()
  @IsEnum(PositionStatementType)
  type?: PositionStatementType;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Matches(REQUIRED, { message: 'is required' })
  @MaxLength(POSITION_TITLE_MAX)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  adoptedOn?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(POSITION_ACT_TITLE_MAX)
  actTitle?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(POSITION_ACT_REFERENCE_MAX)
  actReference?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(POSITION_SUMMARY_MAX)
  summaryMarkdown?: string | null;
}

@InputType({ description: 'A consultation of member cities on a draft position.' })
export class OpenPositionConsultationInput {
  @Field()
  @IsString()
  @Matches(REQUIRED, { message: 'is required' })
  @MaxLength(POSITION_TITLE_MAX)
  title: string;

  @Field(() => String, {
    nullable: true,
    description: 'The draft as Markdown; a draft file may be uploaded as POSITION_CONSULTATION.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(POSITION_SUMMARY_MAX)
  draftMarkdown?: string | null;

  @Field()
  @IsString()
  @Matches(REQUIRED, { message: 'is required' })
  @MaxLength(POSITION_ACT_TITLE_MAX)
  actTitle: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(POSITION_ACT_REFERENCE_MAX)
  actReference?: string | null;

  @Field({ description: 'When commenting ends; must be in the future.' })
  @Type(() => Date)
  @IsDate()
  closesAt: Date;
}

@ArgsType()
export class PositionConsultationsArgs extends PageArgs {
  @Field(() => PositionConsultationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PositionConsultationStatus)
  status?: PositionConsultationStatus | null;
}

@ArgsType()
export class ConsultationCommentsArgs extends PageArgs {}

@InputType()
export class ConsultationCommentInput {
  @Field({ description: `Markdown, at most ${POSITION_COMMENT_MAX} characters.` })
  @IsString()
  @Matches(REQUIRED, { message: 'is required' })
  @MaxLength(POSITION_COMMENT_MAX)
  bodyMarkdown: string;
}
