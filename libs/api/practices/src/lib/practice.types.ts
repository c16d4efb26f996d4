import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  PracticeCitySize,
  PracticeSort,
  PracticeStatus,
  PracticeVerificationSource,
} from '@civitas/shared/domain';
import { ConnectionType } from '@civitas/api/core';

registerEnumType(PracticeStatus, {
  name: 'PracticeStatus',
  description:
    'DRAFT → SUBMITTED → IN_REVIEW → PUBLISHED → ARCHIVED; review may return it to DRAFT.',
});
registerEnumType(PracticeVerificationSource, { name: 'PracticeVerificationSource' });
registerEnumType(PracticeCitySize, {
  name: 'PracticeCitySize',
  description: "City size class by the town's legal kind (the register has no population).",
});
registerEnumType(PracticeSort, { name: 'PracticeSort' });

/** One of the managed list of areas (obszary); the office keeps the list. */
@ObjectType()
export class PracticeArea {
  @Field({ description: 'Stable code, e.g. ENERGY_EFFICIENCY.' })
  code: string;

  @Field({ description: 'Polish name.' })
  name: string;

  @Field()
  nameEn: string;

  @Field(() => Int)
  position: number;

  @Field({ description: 'Inactive areas stay on old practices but are not offered for new ones.' })
  active: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      "How many practices (any state) are filed under it: in the office's practiceAreas only, null elsewhere.",
  })
  practiceCount?: number | null;
}

@ObjectType()
export class PracticeCity {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  terytCode: string | null;

  @Field(() => String, { nullable: true, description: 'Województwo name.' })
  voivodeship: string | null;

  @Field(() => PracticeCitySize, { nullable: true, description: 'Null for the office.' })
  sizeClass: PracticeCitySize | null;
}

@ObjectType()
export class PracticePerson {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  position: string | null;

  @Field(() => ID)
  organisationId: string;
}

@ObjectType()
export class PracticeFunding {
  @Field({ description: 'Where the money came from, e.g. "budżet miasta", "RPO WSL 2014–2020".' })
  source: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Whole grosze (1 PLN = 100); a Float because GraphQL Int stops at 21 million PLN.',
  })
  amountGrosze: number | null;
}

@ObjectType()
export class PracticeLink {
  @Field()
  label: string;

  @Field()
  url: string;
}

/** One move along the workflow: who, when, from what to what, and the office's comment. */
@ObjectType()
export class PracticeStatusChange {
  @Field(() => ID)
  id: string;

  @Field(() => PracticeStatus, { nullable: true, description: 'Null for the creation.' })
  fromStatus: PracticeStatus | null;

  @Field(() => PracticeStatus)
  toStatus: PracticeStatus;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field(() => PracticePerson, { nullable: true })
  actor: PracticePerson | null;

  @Field()
  createdAt: Date;
}

/**
 * A good practice (dobra praktyka). Field resolvers add the city, partners, area, people,
 * history and the viewer's bookmark and interest.
 */
@ObjectType()
export class GoodPractice {
  @Field(() => ID)
  id: string;

  @Field(() => PracticeStatus)
  status: PracticeStatus;

  @Field({ description: 'Empty while a draft has none.' })
  title: string;

  @Field(() => ID, { description: 'The implementing city (organisation).' })
  organisationId: string;

  authorId: string | null;
  areaCode: string | null;
  contactPersonId: string | null;

  @Field(() => [String])
  tags: string[];

  @Field()
  problem: string;

  @Field()
  goals: string;

  @Field()
  actions: string;

  @Field({ description: 'Measurable results.' })
  results: string;

  @Field()
  innovation: string;

  @Field()
  transferability: string;

  @Field()
  lessonsLearned: string;

  @Field(() => Float, { nullable: true, description: 'Total cost in whole grosze.' })
  costGrosze: number | null;

  @Field(() => [PracticeFunding])
  funding: PracticeFunding[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  periodStart: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null: ongoing.' })
  periodEnd: string | null;

  @Field(() => [PracticeLink])
  links: PracticeLink[];

  @Field(() => PracticeVerificationSource, { nullable: true })
  verificationSource: PracticeVerificationSource | null;

  @Field(() => String, { nullable: true, description: 'E.g. the competition and edition.' })
  verificationNote: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  verifiedOn: string | null;

  /** Resolved for those who may edit it and the office only. */
  reviewComment: string | null;

  @Field(() => Int, { description: 'Cities that said "we want to adopt this".' })
  interestCount: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  /** Prefilled by the search (same statement), else loaded. */
  city?: PracticeCity;
  area?: PracticeArea | null;
}

@ObjectType()
export class GoodPracticeConnection extends ConnectionType(GoodPractice) {}

@ObjectType()
export class PracticeHighlight {
  @Field({ description: 'The title with matches in <mark>…</mark>; the rest HTML-escaped.' })
  title: string;

  @Field({
    description:
      'Up to three fragments of the problem, results and actions (their first 1,200 characters: highlighting lemmatises every word it reads) with matches in <mark>…</mark>, joined by " … ".',
  })
  snippet: string;
}

@ObjectType()
export class PracticeSearchEdge {
  @Field()
  cursor: string;

  @Field(() => GoodPractice)
  node: GoodPractice;

  @Field(() => PracticeHighlight, { nullable: true, description: 'Null without a text query.' })
  highlight: PracticeHighlight | null;

  @Field(() => Float, {
    description:
      'ts_rank_cd, for the order; 0 when sorted by NEWEST and for matches of a very broad query beyond the 1,500 ranked (the 500 best title matches and the 1,000 newest).',
  })
  rank: number;
}

@ObjectType()
export class PracticeFacetValue {
  @Field({ description: 'The value to pass back in the filter.' })
  value: string;

  @Field({ description: 'What to show (Polish).' })
  label: string;

  @Field(() => Int, {
    description: "Matches with this value and every other facet's filter (disjunctive counts).",
  })
  count: number;

  @Field()
  selected: boolean;
}

@ObjectType()
export class PracticeFacets {
  @Field(() => [PracticeFacetValue])
  areas: PracticeFacetValue[];

  @Field(() => [PracticeFacetValue])
  voivodeships: PracticeFacetValue[];

  @Field(() => [PracticeFacetValue], { description: 'Values are PracticeCitySize names.' })
  sizeClasses: PracticeFacetValue[];

  @Field(() => [PracticeFacetValue], { description: 'Year the practice started.' })
  years: PracticeFacetValue[];

  @Field(() => [PracticeFacetValue], {
    description: 'Values are PracticeVerificationSource names.',
  })
  verificationSources: PracticeFacetValue[];
}

@ObjectType()
export class PracticeSearchPageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType()
export class PracticeSearchResult {
  @Field(() => Int, { description: 'Matches with every filter.' })
  totalCount: number;

  @Field(() => [PracticeSearchEdge])
  edges: PracticeSearchEdge[];

  @Field(() => PracticeSearchPageInfo)
  pageInfo: PracticeSearchPageInfo;

  @Field(() => PracticeFacets)
  facets: PracticeFacets;

  @Field(() => String, {
    nullable: true,
    description:
      'The query with unknown words replaced by the closest known ones ("did you mean").',
  })
  didYouMean: string | null;

  @Field(() => PracticeSort, { description: 'The order used (RELEVANCE needs a text query).' })
  sort: PracticeSort;
}
