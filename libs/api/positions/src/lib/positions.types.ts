import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PositionConsultationStatus, PositionStatementType } from '@civitas/shared/domain';
import { ConnectionType, PageInfo } from '@civitas/api/core';

registerEnumType(PositionStatementType, {
  name: 'PositionStatementType',
  description: 'stanowisko, uchwała, zaproszenie, program',
});
registerEnumType(PositionConsultationStatus, { name: 'PositionConsultationStatus' });

@ObjectType({
  description:
    'How the consultation before a position went (for those who may read consultations).',
})
export class PositionConsultationSummary {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  commentCount: number;

  @Field(() => Int, { description: 'Distinct cities that commented.' })
  cityCount: number;

  @Field()
  closedAt: Date;
}

@ObjectType({
  description:
    'A document of the association: a board position on a draft law, a resolution, an invitation, a programme. Its files are documents of owner kind POSITION_STATEMENT.',
})
export class PositionStatement {
  @Field(() => ID)
  id: string;

  @Field(() => PositionStatementType)
  type: PositionStatementType;

  @Field()
  title: string;

  @Field({ description: 'YYYY-MM-DD: adopted (positions, resolutions) or issued.' })
  adoptedOn: string;

  @Field(() => String, { nullable: true, description: 'The draft law or act it concerns.' })
  actTitle: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'e.g. the Sejm print number or the RCL number of the draft.',
  })
  actReference: string | null;

  @Field({ description: 'As the office typed it.' })
  summaryMarkdown: string;

  @Field({ description: 'Sanitised HTML.' })
  summaryHtml: string;

  @Field(() => ID, { nullable: true })
  consultationId: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType({
  description: 'Search hits with <mark> around the matched words; text otherwise escaped.',
})
export class PositionHighlight {
  @Field()
  title: string;

  @Field()
  snippet: string;
}

@ObjectType()
export class PositionSearchEdge {
  @Field()
  cursor: string;

  @Field(() => PositionStatement)
  node: PositionStatement;

  @Field(() => PositionHighlight, { nullable: true })
  highlight: PositionHighlight | null;
}

@ObjectType()
export class PositionFacetValue {
  @Field()
  value: string;

  @Field(() => Int, { description: 'Matches when this value is chosen (other filters kept).' })
  count: number;

  @Field()
  selected: boolean;
}

@ObjectType()
export class PositionFacets {
  @Field(() => [PositionFacetValue])
  types: PositionFacetValue[];

  @Field(() => [PositionFacetValue], { description: 'Newest first.' })
  years: PositionFacetValue[];
}

@ObjectType()
export class PositionSearchResult {
  @Field(() => [PositionSearchEdge])
  edges: PositionSearchEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;

  @Field(() => PositionFacets)
  facets: PositionFacets;
}

@ObjectType({ description: 'The person and city behind a comment.' })
export class ConsultationCommentAuthor {
  @Field(() => ID, { nullable: true })
  id: string | null;

  @Field()
  name: string;

  @Field()
  cityName: string;
}

@ObjectType({ description: "A member city official's comment on a draft position." })
export class ConsultationComment {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  consultationId: string;

  @Field(() => ConsultationCommentAuthor)
  author: ConsultationCommentAuthor;

  @Field()
  bodyMarkdown: string;

  @Field({ description: 'Sanitised HTML.' })
  bodyHtml: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field({ description: 'The caller wrote it and the consultation is open.' })
  viewerMayEdit: boolean;

  authorId: string;
}

@ObjectType()
export class ConsultationCommentConnection extends ConnectionType(ConsultationComment) {}

@ObjectType({ description: 'The adopted position a consultation led to.' })
export class AdoptedPosition {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  adoptedOn: string;
}

@ObjectType({
  description:
    'A consultation of member cities on a draft position. Read by the office and officials of member cities (NOT_FOUND for anyone else); comments are shown to the office and to those who commented.',
})
export class PositionConsultation {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  draftMarkdown: string;

  @Field({ description: 'Sanitised HTML.' })
  draftHtml: string;

  @Field()
  actTitle: string;

  @Field(() => String, { nullable: true })
  actReference: string | null;

  @Field()
  openedAt: Date;

  @Field({ description: 'When commenting ends (an instant; shown in Europe/Warsaw).' })
  closesAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set when the office closed it early.' })
  closedEarlyAt: Date | null;

  @Field(() => PositionConsultationStatus)
  status: PositionConsultationStatus;

  @Field(() => Int)
  commentCount: number;

  @Field(() => Int)
  cityCount: number;

  @Field()
  viewerHasCommented: boolean;

  @Field({
    description: 'addConsultationComment would be accepted: open, and a member city official.',
  })
  viewerMayComment: boolean;

  @Field({ description: 'The caller sees the comments: the office, or someone who commented.' })
  viewerMaySeeComments: boolean;

  @Field(() => AdoptedPosition, { nullable: true })
  adoptedPosition: AdoptedPosition | null;
}

@ObjectType()
export class PositionConsultationConnection extends ConnectionType(PositionConsultation) {}
