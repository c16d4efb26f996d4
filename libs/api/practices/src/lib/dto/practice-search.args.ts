import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  PRACTICE_FACET_VALUES_MAX,
  PRACTICE_QUERY_MAX,
  PRACTICE_SEARCH_PAGE_MAX,
  PracticeCitySize,
  PracticeSort,
  PracticeVerificationSource,
} from '@civitas/shared/domain';

/** Filters combine: AND across facets, OR within one facet's values. */
@InputType()
export class PracticeSearchFilter {
  @Field(() => [String], { nullable: true, description: 'PracticeArea codes.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PRACTICE_FACET_VALUES_MAX)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  areas?: string[];

  @Field(() => [String], { nullable: true, description: 'Województwo TERYT codes ("02", "30"…).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PRACTICE_FACET_VALUES_MAX)
  @IsString({ each: true })
  @MaxLength(2, { each: true })
  voivodeships?: string[];

  @Field(() => [PracticeCitySize], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(PracticeCitySize, { each: true })
  sizeClasses?: PracticeCitySize[];

  @Field(() => [Int], { nullable: true, description: 'Years the practice started.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PRACTICE_FACET_VALUES_MAX)
  @IsInt({ each: true })
  @Min(1900, { each: true })
  @Max(2100, { each: true })
  years?: number[];

  @Field(() => [PracticeVerificationSource], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(PracticeVerificationSource, { each: true })
  verificationSources?: PracticeVerificationSource[];
}

@ArgsType()
export class PracticeSearchArgs {
  @Field(() => String, {
    nullable: true,
    description: `Words as people type them (Polish forms, with or without diacritics; "quotes" for a phrase, -word to exclude, or). At most ${PRACTICE_QUERY_MAX} characters. Absent or blank: every published practice, newest first.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(PRACTICE_QUERY_MAX)
  query?: string | null;

  @Field(() => PracticeSearchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PracticeSearchFilter)
  filter?: PracticeSearchFilter | null;

  @Field(() => PracticeSort, { defaultValue: PracticeSort.RELEVANCE })
  @IsEnum(PracticeSort)
  sort: PracticeSort = PracticeSort.RELEVANCE;

  @Field(() => Int, { defaultValue: 20, description: `At most ${PRACTICE_SEARCH_PAGE_MAX}.` })
  @IsInt()
  @Min(1)
  @Max(PRACTICE_SEARCH_PAGE_MAX)
  first: number = 20;

  @Field(() => String, {
    nullable: true,
    description:
      'endCursor of the previous page of the same search; another search’s cursor answers BAD_USER_INPUT.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string | null;
}
