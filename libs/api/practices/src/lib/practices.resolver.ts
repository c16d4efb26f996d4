import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission, PRACTICE_SIMILAR_MAX, Role } from '@civitas/shared/domain';
import {
  badUserInput,
  Connection,
  LoaderRegistry,
  Loaders,
  PageArgs,
  ParseIdPipe,
} from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, RequirePermission } from '@civitas/api/auth';
import {
  CityPracticesArgs,
  MyPracticesArgs,
  PracticeArchiveInput,
  PracticeDraftInput,
  PracticeInterestInput,
  PracticeReviewInput,
  PublishPracticeInput,
  ReviewQueueArgs,
} from './dto/practice.inputs';
import { PracticeSearchArgs } from './dto/practice-search.args';
import {
  GoodPractice,
  GoodPracticeConnection,
  PracticeArea,
  PracticeCity,
  PracticePerson,
  PracticeSearchResult,
  PracticeStatusChange,
} from './practice.types';
import { PracticeLoaders } from './practice.loaders';
import { mayEdit } from './practice-rows';
import { PracticeSearchService } from './practice-search.service';
import { PracticesService } from './practices.service';

const PracticeId = () => new ParseIdPipe('Good practice');

@Resolver(() => GoodPractice)
export class PracticesResolver {
  constructor(
    private readonly practices: PracticesService,
    private readonly searchService: PracticeSearchService,
    private readonly loaders: PracticeLoaders,
  ) {}

  @RequirePermission(Permission.PRACTICES_READ)
  @Query(() => GoodPractice, {
    description:
      'NOT_FOUND when it does not exist or is a draft/submission the caller may not see (only its author, their city admin and the office see those).',
  })
  goodPractice(
    @Args('id', { type: () => ID }, PracticeId()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<GoodPractice> {
    return this.practices.get(user, id);
  }

  @RequirePermission(Permission.PRACTICES_READ)
  @Query(() => PracticeSearchResult, {
    description:
      'Published practices: full text (Polish forms, diacritics optional), facets with counts, highlights, did-you-mean, in one round trip. BAD_USER_INPUT: query over the limit or without words, unknown facet values, a cursor of another search.',
  })
  searchPractices(
    @Args() args: PracticeSearchArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<PracticeSearchResult> {
    return this.searchService.search(user, args);
  }

  @RequirePermission(Permission.PRACTICES_READ)
  @Query(() => [GoodPractice], {
    description: 'Published practices most like this one (shared words, same area first).',
  })
  async similarPractices(
    @Args('id', { type: () => ID }, PracticeId()) id: string,
    @Args('first', {
      type: () => Int,
      defaultValue: 5,
      description: `1–${PRACTICE_SIMILAR_MAX}.`,
    })
    first: number,
    @CurrentUser() user: AuthUser,
  ): Promise<GoodPractice[]> {
    if (!(first >= 1 && first <= PRACTICE_SIMILAR_MAX)) {
      throw badUserInput(`Ask for 1–${PRACTICE_SIMILAR_MAX} similar practices`, [
        { field: 'first', problems: [`must be 1–${PRACTICE_SIMILAR_MAX}`] },
      ]);
    }
    await this.practices.get(user, id);
    return this.searchService.similar(id, first);
  }

  @RequirePermission(Permission.PRACTICES_READ)
  @Query(() => GoodPracticeConnection, {
    description: "A city's published practices for its page, newest first.",
  })
  cityPractices(@Args() args: CityPracticesArgs): Promise<Connection<GoodPractice>> {
    return this.practices.cityPractices(args);
  }

  @RequirePermission(Permission.PRACTICE_SUBMIT)
  @Query(() => GoodPracticeConnection, {
    description: 'Practices the caller wrote, any state, last edited first.',
  })
  myPractices(
    @Args() args: MyPracticesArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<GoodPractice>> {
    return this.practices.myPractices(user, args);
  }

  @RequirePermission(Permission.PRACTICES_READ)
  @Query(() => GoodPracticeConnection, { description: "The caller's bookmarks, newest first." })
  bookmarkedPractices(
    @Args() args: PageArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<GoodPractice>> {
    return this.practices.bookmarks(user, args);
  }

  @RequirePermission(Permission.PRACTICES_REVIEW)
  @Query(() => GoodPracticeConnection, {
    description: "The office's review queue: SUBMITTED and IN_REVIEW, oldest submission first.",
  })
  practiceReviewQueue(@Args() args: ReviewQueueArgs): Promise<Connection<GoodPractice>> {
    return this.practices.reviewQueue(args);
  }

  @RequirePermission(Permission.PRACTICE_SUBMIT)
  @Mutation(() => GoodPractice, {
    description:
      "Starts a DRAFT of the caller's city with whatever fields are given; the author is the contact person until changed. FORBIDDEN outside member cities.",
  })
  createPracticeDraft(
    @Args('input') input: PracticeDraftInput,
    @CurrentUser() user: AuthUser,
  ): Promise<GoodPractice> {
    return this.practices.createDraft(user, input);
  }

  @RequirePermission(Permission.PRACTICE_SUBMIT)
  @Mutation(() => GoodPractice, {
    description:
      'Autosave: changes only the fields sent (null clears). Author or their city admin; CONFLICT unless DRAFT.',
  })
  updatePracticeDraft(
    @Args('id', { type: () => ID }, PracticeId()) id: string,
    @Args('input') input: PracticeDraftInput,
    @CurrentUser() user: AuthUser,
  ): Promise<GoodPractice> {
    return this.practices.updateDraft(user, id, input);
  }

  @RequirePermission(Permission.PRACTICE_SUBMIT)
  @Mutation(() => GoodPractice, {
    description:
      'DRAFT → SUBMITTED (author or their city admin). BAD_USER_INPUT lists missing fields; CONFLICT from another state.',
  })
  submitPractice(
    @Args('id', { type: () => ID }, PracticeId()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<GoodPractice> {
    return this.practices.transition(user, id, 'submit');
  }

  @RequirePermission(Permission.PRACTICES_REVIEW)
  @Mutation(() => GoodPractice, { description: 'SUBMITTED → IN_REVIEW (the office).' })
  startPracticeReview(
    @Args('id', { type: () => ID }, PracticeId()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<GoodPractice> {
    return this.practices.transition(user, id, 'startReview');
  }

  @RequirePermission(Permission.PRACTICES_REVIEW)
  @Mutation(() => GoodPractice, {
    description:
      'SUBMITTED or IN_REVIEW → DRAFT with comments the author sees (reviewComment, history, a mail).',
  })
  requestPracticeChanges(
    @Args('id', { type: () => ID }, PracticeId()) id: string,
    @Args('input') input: PracticeReviewInput,
    @CurrentUser() user: AuthUser,
  ): Promise<GoodPractice> {
    return this.practices.transition(user, id, 'requestChanges', { comment: input.comment.trim() });
  }

  @RequirePermission(Permission.PRACTICES_REVIEW)
  @Mutation(() => GoodPractice, {
    description:
      'IN_REVIEW → PUBLISHED with how it was verified. CONFLICT from any other state (no skipping review).',
  })
  publishPractice(
    @Args('id', { type: () => ID }, PracticeId()) id: string,
    @Args('input', { type: () => PublishPracticeInput, nullable: true })
    input: PublishPracticeInput | null,
    @CurrentUser() user: AuthUser,
  ): Promise<GoodPractice> {
    return this.practices.transition(user, id, 'publish', { publish: input ?? {} });
  }

  @RequirePermission(Permission.PRACTICES_REVIEW)
  @Mutation(() => GoodPractice, {
    description: 'PUBLISHED → ARCHIVED (out of search, page stays).',
  })
  archivePractice(
    @Args('id', { type: () => ID }, PracticeId()) id: string,
    @Args('input', { type: () => PracticeArchiveInput, nullable: true })
    input: PracticeArchiveInput | null,
    @CurrentUser() user: AuthUser,
  ): Promise<GoodPractice> {
    return this.practices.transition(user, id, 'archive', {
      comment: input?.comment?.trim() || null,
    });
  }

  @RequirePermission(Permission.PRACTICES_READ)
  @Mutation(() => GoodPractice, { description: 'Idempotent. CONFLICT unless PUBLISHED.' })
  bookmarkPractice(
    @Args('id', { type: () => ID }, PracticeId()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<GoodPractice> {
    return this.practices.bookmark(user, id, true);
  }

  @RequirePermission(Permission.PRACTICES_READ)
  @Mutation(() => GoodPractice, { description: 'Idempotent.' })
  unbookmarkPractice(
    @Args('id', { type: () => ID }, PracticeId()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<GoodPractice> {
    return this.practices.bookmark(user, id, false);
  }

  @RequirePermission(Permission.PRACTICE_ADOPT)
  @Mutation(() => GoodPractice, {
    description:
      '"We want to adopt this": mails the contact person and counts the city once. CONFLICT: already counted for the caller\'s city, own city\'s practice, or not PUBLISHED.',
  })
  expressPracticeInterest(
    @Args('id', { type: () => ID }, PracticeId()) id: string,
    @Args('input', { type: () => PracticeInterestInput, nullable: true })
    input: PracticeInterestInput | null,
    @CurrentUser() user: AuthUser,
  ): Promise<GoodPractice> {
    return this.practices.expressInterest(user, id, input?.message?.trim() || null);
  }

  @ResolveField(() => PracticeCity, { description: 'The implementing city.' })
  async city(@Parent() p: GoodPractice, @Loaders() loaders: LoaderRegistry): Promise<PracticeCity> {
    return p.city ?? (await this.loaders.city(loaders).load(p.organisationId))!;
  }

  @ResolveField(() => [PracticeCity])
  partnerCities(
    @Parent() p: GoodPractice,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<PracticeCity[]> {
    return this.loaders.partners(loaders).load(p.id);
  }

  @ResolveField(() => PracticeArea, { nullable: true })
  async area(
    @Parent() p: GoodPractice,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<PracticeArea | null> {
    if (p.area !== undefined) return p.area;
    return p.areaCode ? this.loaders.area(loaders).load(p.areaCode) : null;
  }

  @ResolveField(() => PracticePerson, { nullable: true })
  contactPerson(
    @Parent() p: GoodPractice,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<PracticePerson | null> | null {
    return p.contactPersonId ? this.loaders.person(loaders).load(p.contactPersonId) : null;
  }

  @ResolveField(() => PracticePerson, { nullable: true })
  author(
    @Parent() p: GoodPractice,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<PracticePerson | null> | null {
    return p.authorId ? this.loaders.person(loaders).load(p.authorId) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      "The office's comment when it last requested changes: for the author, their city admin and the office; null for others.",
  })
  reviewComment(@Parent() p: GoodPractice, @CurrentUser() user: AuthUser): string | null {
    return user.role === Role.OFFICE_ADMIN || mayEdit(user, p) ? p.reviewComment : null;
  }

  @ResolveField(() => [PracticeStatusChange], {
    description:
      'Every move with who, when and the comment: for the author, their city admin and the office; empty for others.',
  })
  async history(
    @Parent() p: GoodPractice,
    @CurrentUser() user: AuthUser,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<PracticeStatusChange[]> {
    if (user.role !== Role.OFFICE_ADMIN && !mayEdit(user, p)) return [];
    return this.loaders.history(loaders).load(p.id);
  }

  @ResolveField(() => Boolean, {
    description: 'The caller may autosave it (a DRAFT they may edit).',
  })
  viewerCanEdit(@Parent() p: GoodPractice, @CurrentUser() user: AuthUser): boolean {
    return p.status === 'DRAFT' && mayEdit(user, p);
  }

  @ResolveField(() => Boolean)
  async viewerBookmarked(
    @Parent() p: GoodPractice,
    @CurrentUser() user: AuthUser,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    return (await this.loaders.viewer(loaders, user.id, user.organisationId).load(p.id)).bookmarked;
  }

  @ResolveField(() => Boolean, { description: "The caller's city has said it wants to adopt it." })
  async viewerCityInterested(
    @Parent() p: GoodPractice,
    @CurrentUser() user: AuthUser,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    return (await this.loaders.viewer(loaders, user.id, user.organisationId).load(p.id)).interested;
  }
}

@Resolver(() => PracticeStatusChange)
export class PracticeStatusChangeResolver {
  constructor(private readonly loaders: PracticeLoaders) {}

  @ResolveField(() => PracticePerson, { nullable: true })
  actor(
    @Parent() change: PracticeStatusChange & { actorId: string | null },
    @Loaders() loaders: LoaderRegistry,
  ): Promise<PracticePerson | null> | null {
    return change.actorId ? this.loaders.person(loaders).load(change.actorId) : null;
  }
}
