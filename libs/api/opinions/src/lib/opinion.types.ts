import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  OpinionAreaOfLaw,
  OpinionDiscussionAudience,
  OpinionRequestAction,
  OpinionRequestState,
} from '@civitas/shared/domain';
import type { OpinionParty } from '@civitas/api/access';

registerEnumType(OpinionRequestState, {
  name: 'OpinionRequestState',
  description:
    'DRAFT → SUBMITTED → (NEEDS_INFO ⇄ SUBMITTED) → ACCEPTED → IN_PROGRESS → DELIVERED → RELEASED; or REJECTED / WITHDRAWN.',
});
registerEnumType(OpinionAreaOfLaw, { name: 'OpinionAreaOfLaw' });
registerEnumType(OpinionDiscussionAudience, {
  name: 'OpinionDiscussionAudience',
  description:
    'INTERNAL: the office and the assigned expert. CITY: also the requesting city’s legal officers and admin.',
});
registerEnumType(OpinionRequestAction, { name: 'OpinionRequestAction' });

export enum OpinionPartyKind {
  OFFICE = 'OFFICE',
  EXPERT = 'EXPERT',
  CITY_LEGAL_OFFICER = 'CITY_LEGAL_OFFICER',
  CITY_ADMIN = 'CITY_ADMIN',
}
registerEnumType(OpinionPartyKind, {
  name: 'OpinionPartyKind',
  description: 'How the signed-in person stands to a request.',
});

@ObjectType({ description: 'One act of the legal basis and the articles concerned.' })
export class LegalBasisEntry {
  @Field({ description: 'The act, e.g. "Ustawa o samorządzie gminnym".' })
  act: string;

  @Field(() => String, { nullable: true, description: 'e.g. "art. 18 ust. 2 pkt 9".' })
  articles: string | null;
}

@ObjectType({ description: 'A person as opinion requests show them.' })
export class OpinionPerson {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  position: string | null;

  @Field()
  organisationName: string;
}

@ObjectType({ description: 'The requesting city.' })
export class OpinionCity {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType({ description: 'One move of a request: who, when, from which state to which, why.' })
export class OpinionRequestTransition {
  @Field(() => ID)
  id: string;

  @Field(() => OpinionRequestState, { nullable: true, description: 'Null for the creation.' })
  fromState: OpinionRequestState | null;

  @Field(() => OpinionRequestState)
  toState: OpinionRequestState;

  actorId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The comment, reason, question or answer. Null for the city on moves between the office and the expert (their review stays internal).',
  })
  comment: string | null;

  @Field()
  createdAt: Date;

  requestId: string;
}

/**
 * A request as one party sees it: fields another party keeps to itself are null (the fee
 * and the office's remarks to the expert for the city; the opinion for the city until the
 * office releases it).
 */
@ObjectType({ description: 'An expert opinion request. Confidential to its parties.' })
export class OpinionRequest {
  @Field(() => ID)
  id: string;

  @Field(() => OpinionRequestState)
  state: OpinionRequestState;

  @Field(() => OpinionPartyKind, { description: 'How the signed-in person stands to it.' })
  viewerParty: OpinionParty;

  @Field()
  subject: string;

  @Field({ description: 'The question(s), Markdown as written.' })
  questionSource: string;

  @Field({ description: 'The question(s), rendered and sanitised.' })
  questionHtml: string;

  @Field()
  factsSource: string;

  @Field()
  factsHtml: string;

  @Field(() => [LegalBasisEntry])
  legalBasis: LegalBasisEntry[];

  @Field(() => OpinionAreaOfLaw, { nullable: true })
  areaOfLaw: OpinionAreaOfLaw | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: when the city needs it.' })
  desiredDate: string | null;

  @Field(() => [ID], { description: "The request's attachments (documents of this request)." })
  attachmentDocumentIds: string[];

  organisationId: string;
  requesterId: string | null;
  expertId: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD: the expert's due date." })
  dueDate: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The agreed fee in grosze: the office and the expert only.',
  })
  feeGrosze: number | null;

  @Field({ description: 'Accepted or in progress, due within 3 days (Polish time).' })
  dueSoon: boolean;

  @Field({ description: 'Accepted or in progress, past its due date.' })
  overdue: boolean;

  @Field(() => String, { nullable: true, description: "The office's open question (NEEDS_INFO)." })
  infoRequest: string | null;

  @Field(() => String, { nullable: true })
  rejectionReason: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The delivered opinion document: the city sees it once RELEASED.',
  })
  opinionDocumentId: string | null;

  @Field(() => String, { nullable: true, description: "The expert's summary (Markdown)." })
  summarySource: string | null;

  @Field(() => String, { nullable: true })
  summaryHtml: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The office's remarks when it returned the opinion: office and expert only.",
  })
  returnRemarks: string | null;

  @Field(() => Date, { nullable: true, description: 'First submission.' })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  releasedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Its entry in the library, once published.' })
  publishedOpinionId: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  /** For similar-opinion search. */
  questionText: string;
}

@ObjectType({ description: 'A message in one of a request’s discussions.' })
export class OpinionDiscussionMessage {
  @Field(() => ID)
  id: string;

  @Field(() => OpinionDiscussionAudience)
  audience: OpinionDiscussionAudience;

  authorId: string | null;

  @Field({ description: 'Rendered and sanitised Markdown.' })
  bodyHtml: string;

  @Field()
  createdAt: Date;
}

@ObjectType({ description: 'Who read or changed a confidential request, and when.' })
export class OpinionAuditEntry {
  @Field(() => ID)
  id: string;

  actorId: string | null;

  @Field({
    description:
      'opinion_request.read, .list, .discussion.read, .documents.read, .create, .update, .transition, .discussion.post, .publish',
  })
  action: string;

  @Field(() => String, { description: 'Details as JSON text.' })
  details: string;

  @Field()
  createdAt: Date;
}

@ObjectType({
  description:
    'An opinion in the library, as members see it: the original or the redacted copy, never the request.',
})
export class PublishedOpinion {
  @Field(() => ID)
  id: string;

  @Field()
  subject: string;

  @Field()
  questionHtml: string;

  @Field()
  summaryHtml: string;

  @Field(() => [LegalBasisEntry])
  legalBasis: LegalBasisEntry[];

  @Field(() => OpinionAreaOfLaw)
  areaOfLaw: OpinionAreaOfLaw;

  @Field(() => Int, { description: 'The year the opinion was released.' })
  year: number;

  @Field()
  releasedAt: Date;

  @Field()
  publishedAt: Date;

  @Field({ description: 'Published as a redacted copy (the original stays confidential).' })
  redacted: boolean;

  @Field(() => ID, { description: 'The published document: the original or the redacted copy.' })
  documentId: string;

  @Field(() => String, { nullable: true, description: 'The requesting city; null when redacted.' })
  cityName: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'When searching: the best passages of the summary, HTML-escaped, matches in <mark>.',
  })
  snippetHtml: string | null;

  /** Keyset of a search page. */
  rank?: number;
}

@ObjectType()
export class OpinionLibraryFacets {
  @Field(() => [Int], { description: 'Years with published opinions, newest first.' })
  years: number[];

  @Field(() => [String], { description: 'Acts cited by published opinions, alphabetically.' })
  acts: string[];

  @Field(() => [OpinionAreaOfLaw])
  areasOfLaw: OpinionAreaOfLaw[];
}

@ObjectType()
export class OpinionStateCount {
  @Field(() => OpinionRequestState)
  state: OpinionRequestState;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class OpinionExpertStats {
  @Field(() => OpinionPerson)
  expert: OpinionPerson;

  @Field(() => Int, { description: 'Accepted or in progress.' })
  active: number;

  @Field(() => Int, { description: 'Delivered, waiting for the office.' })
  delivered: number;

  @Field(() => Int)
  released: number;

  @Field(() => Int)
  overdue: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Average days from first submission to release, of their released opinions.',
  })
  averageDaysToRelease: number | null;
}

@ObjectType({ description: "The office's overview of all submitted requests." })
export class OpinionDashboard {
  @Field(() => [OpinionStateCount], { description: 'Every state but DRAFT, zeros included.' })
  countsByState: OpinionStateCount[];

  @Field(() => [OpinionRequest], { description: 'Overdue requests, most overdue first (≤ 100).' })
  overdue: OpinionRequest[];

  @Field(() => [OpinionRequest], { description: 'Requests due within 3 days (≤ 100).' })
  dueSoon: OpinionRequest[];

  @Field(() => Float, {
    nullable: true,
    description: 'Average days from first submission to release.',
  })
  averageDaysToRelease: number | null;

  @Field(() => [OpinionExpertStats])
  byExpert: OpinionExpertStats[];
}
