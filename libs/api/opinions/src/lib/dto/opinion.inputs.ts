import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
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
  OPINION_ARTICLES_MAX,
  OPINION_ATTACHMENTS_MAX,
  OPINION_COMMENT_MAX,
  OPINION_FEE_MAX_GROSZE,
  OPINION_LEGAL_ACT_MAX,
  OPINION_LEGAL_BASIS_MAX,
  OPINION_SUBJECT_MAX,
  OPINION_TEXT_MAX,
  OpinionAreaOfLaw,
  OpinionDiscussionAudience,
  OpinionRequestState,
} from '@civitas/shared/domain';
import { ConnectionType, PageArgs } from '@civitas/api/core';
import {
  OpinionAuditEntry,
  OpinionDiscussionMessage,
  OpinionRequest,
  PublishedOpinion,
} from '../opinion.types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class LegalBasisInput {
  @Field()
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(OPINION_LEGAL_ACT_MAX)
  act: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(OPINION_ARTICLES_MAX)
  articles?: string | null;
}

/**
 * A draft's fields; every one may be left empty while it is a draft (autosave). An omitted
 * field stays as it is. Submitting requires subject, question, facts, legal basis and area.
 */
@InputType()
export class OpinionRequestInput {
  @Field({ nullable: true, description: `At most ${OPINION_SUBJECT_MAX} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(OPINION_SUBJECT_MAX)
  subject?: string;

  @Field({ nullable: true, description: 'The question(s), Markdown.' })
  @IsOptional()
  @IsString()
  @MaxLength(OPINION_TEXT_MAX)
  question?: string;

  @Field({ nullable: true, description: 'The facts, Markdown.' })
  @IsOptional()
  @IsString()
  @MaxLength(OPINION_TEXT_MAX)
  facts?: string;

  @Field(() => [LegalBasisInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(OPINION_LEGAL_BASIS_MAX)
  @ValidateNested({ each: true })
  @Type(() => LegalBasisInput)
  legalBasis?: LegalBasisInput[];

  @Field(() => OpinionAreaOfLaw, { nullable: true })
  @IsOptional()
  @IsEnum(OpinionAreaOfLaw)
  areaOfLaw?: OpinionAreaOfLaw | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, today or later.' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  desiredDate?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      "The attachments: documents uploaded with ownerKind OPINION_REQUEST and ownerId the request's id (save the draft first).",
  })
  @IsOptional()
  @ArrayMaxSize(OPINION_ATTACHMENTS_MAX)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'must be document ids' })
  attachmentDocumentIds?: string[];
}

@InputType()
export class AcceptOpinionRequestInput {
  @Field(() => ID, { description: 'A person with the EXPERT role.' })
  @IsUUID('all', { message: 'must be a person id' })
  expertId: string;

  @Field({ description: 'YYYY-MM-DD, today or later (Polish time).' })
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  dueDate: string;

  @Field(() => Int, { description: 'The agreed fee in grosze (12 345,67 zł = 1234567).' })
  @IsInt()
  @Min(0)
  @Max(OPINION_FEE_MAX_GROSZE)
  feeGrosze: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(OPINION_COMMENT_MAX)
  comment?: string | null;
}

@InputType()
export class DeliverOpinionInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "Required: the opinion document, uploaded to /api/documents with ownerKind OPINION and ownerId the request's id.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a document id' })
  documentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Required: the summary, Markdown.' })
  @IsOptional()
  @IsString()
  @MaxLength(OPINION_TEXT_MAX)
  summary?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(OPINION_COMMENT_MAX)
  comment?: string | null;
}

@InputType()
export class PublishOpinionInput {
  @Field({
    description:
      'false: the original summary and document. true: a redacted copy (summary and redactedDocumentId required).',
  })
  @IsBoolean()
  redacted: boolean;

  @Field(() => String, { nullable: true, description: 'The published subject; default: as is.' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'cannot be empty' })
  @MaxLength(OPINION_SUBJECT_MAX)
  subject?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The published question(s), Markdown; default: as is.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(OPINION_TEXT_MAX)
  question?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The published summary, Markdown; default: the expert's.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(OPINION_TEXT_MAX)
  summary?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The redacted document (redacted: true), uploaded with ownerKind OPINION_PUBLISHED and ownerId the request's id.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a document id' })
  redactedDocumentId?: string | null;
}

@ArgsType()
export class OpinionRequestsArgs extends PageArgs {
  @Field(() => [OpinionRequestState], { nullable: true })
  @IsOptional()
  @IsEnum(OpinionRequestState, { each: true })
  states?: OpinionRequestState[];

  @Field(() => Boolean, { nullable: true, description: 'Only overdue requests.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only requests due within 3 days.' })
  @IsOptional()
  @IsBoolean()
  dueSoon?: boolean;
}

@ArgsType()
export class OpinionDiscussionArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an opinion request id' })
  requestId: string;

  @Field(() => OpinionDiscussionAudience)
  @IsEnum(OpinionDiscussionAudience)
  audience: OpinionDiscussionAudience;
}

@ArgsType()
export class OpinionAuditArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an opinion request id' })
  requestId: string;
}

@ArgsType()
export class PublishedOpinionsArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Words, Polish-aware ("szkoly lodz" finds "szkołach w Łodzi"); web-search syntax.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => OpinionAreaOfLaw, { nullable: true })
  @IsOptional()
  @IsEnum(OpinionAreaOfLaw)
  areaOfLaw?: OpinionAreaOfLaw;

  @Field(() => Int, { nullable: true, description: 'Year of release.' })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  year?: number;

  @Field(() => String, { nullable: true, description: 'Part of an act’s name, any case.' })
  @IsOptional()
  @IsString()
  @MaxLength(OPINION_LEGAL_ACT_MAX)
  act?: string;
}

@ObjectType()
export class OpinionRequestConnection extends ConnectionType(OpinionRequest) {}

@ObjectType()
export class OpinionDiscussionConnection extends ConnectionType(OpinionDiscussionMessage) {}

@ObjectType()
export class OpinionAuditConnection extends ConnectionType(OpinionAuditEntry) {}

@ObjectType()
export class PublishedOpinionConnection extends ConnectionType(PublishedOpinion) {}
