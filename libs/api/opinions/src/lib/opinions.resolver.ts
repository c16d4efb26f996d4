import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  OPINION_COMMENT_MAX,
  OpinionDiscussionAudience,
  OpinionRequestAction,
  OpinionRequestState,
  Permission,
} from '@civitas/shared/domain';
import { badUserInput, Connection, LoaderRegistry, Loaders, ParseIdPipe } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, RequirePermission } from '@civitas/api/auth';
import {
  AcceptOpinionRequestInput,
  DeliverOpinionInput,
  OpinionAuditArgs,
  OpinionAuditConnection,
  OpinionDiscussionArgs,
  OpinionDiscussionConnection,
  OpinionRequestConnection,
  OpinionRequestInput,
  OpinionRequestsArgs,
  PublishedOpinionConnection,
  PublishedOpinionsArgs,
  PublishOpinionInput,
} from './dto/opinion.inputs';
import { OpinionDashboardService } from './opinion-dashboard.service';
import { OpinionLibraryService } from './opinion-library.service';
import { OpinionLoaders } from './opinion.loaders';
import { OpinionRequestsService } from './opinion-requests.service';
import {
  OpinionAuditEntry,
  OpinionCity,
  OpinionDashboard,
  OpinionDiscussionMessage,
  OpinionLibraryFacets,
  OpinionPerson,
  OpinionRequest,
  OpinionRequestTransition,
  PublishedOpinion,
} from './opinion.types';

const RequestId = () => new ParseIdPipe('Opinion request');

/** A comment argument: optional, at most OPINION_COMMENT_MAX characters. */
function text(value: string | null | undefined, field: string): string | null | undefined {
  if (value && value.length > OPINION_COMMENT_MAX) {
    throw badUserInput(`${field} is too long`, [
      { field, problems: [`at most ${OPINION_COMMENT_MAX} characters`] },
    ]);
  }
  return value;
}

@Resolver(() => OpinionRequest)
export class OpinionRequestsResolver {
  constructor(
    private readonly requests: OpinionRequestsService,
    private readonly library: OpinionLibraryService,
    private readonly dashboardService: OpinionDashboardService,
    private readonly loaders: OpinionLoaders,
  ) {}

  // ------------------------------------------------------------ queries

  @RequirePermission(Permission.OPINIONS_READ)
  @Query(() => OpinionRequestConnection, {
    description:
      "Requests the caller is party to, newest first: the office all submitted ones, an expert those assigned to them, a city's legal officers and admin their city's. Each listed request is an audited read.",
  })
  opinionRequests(
    @Args() args: OpinionRequestsArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<OpinionRequest>> {
    return this.requests.list(user, args);
  }

  @RequirePermission(Permission.OPINIONS_READ)
  @Query(() => OpinionRequest, {
    description: 'NOT_FOUND unless the caller is party to it. Every read is audited.',
  })
  opinionRequest(
    @Args('id', { type: () => ID }, RequestId()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<OpinionRequest> {
    return this.requests.get(user, id);
  }

  @RequirePermission(Permission.OPINIONS_READ)
  @Query(() => OpinionDiscussionConnection, {
    description:
      'One discussion of a request, oldest first. The city reads only CITY; INTERNAL is NOT_FOUND for it.',
  })
  opinionDiscussion(
    @Args() args: OpinionDiscussionArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<OpinionDiscussionMessage>> {
    return this.requests.discussion(user, args);
  }

  @RequirePermission(Permission.OPINIONS_READ)
  @Query(() => OpinionAuditConnection, {
    description: 'Who read or changed the request, oldest first: the office only.',
  })
  opinionRequestAuditLog(
    @Args() args: OpinionAuditArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<OpinionAuditEntry>> {
    return this.requests.auditLog(user, args);
  }

  @RequirePermission(Permission.OPINIONS_TRIAGE)
  @Query(() => OpinionDashboard)
  opinionDashboard(@CurrentUser() user: AuthUser): Promise<OpinionDashboard> {
    return this.dashboardService.dashboard(user);
  }

  @RequirePermission(Permission.OPINIONS_TRIAGE)
  @Query(() => [OpinionPerson], { description: 'Active experts the office may assign.' })
  opinionExperts(): Promise<OpinionPerson[]> {
    return this.dashboardService.experts();
  }

  @RequirePermission(Permission.OPINION_LIBRARY_READ)
  @Query(() => PublishedOpinionConnection, {
    description:
      'The library: newest first, or by relevance with `search` (snippetHtml set). Filters: area of law, year, act.',
  })
  publishedOpinions(
    @Args() args: PublishedOpinionsArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<PublishedOpinion>> {
    return this.library.search(user, args);
  }

  @RequirePermission(Permission.OPINION_LIBRARY_READ)
  @Query(() => PublishedOpinion)
  publishedOpinion(
    @Args('id', { type: () => ID }, new ParseIdPipe('Published opinion')) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<PublishedOpinion> {
    return this.library.get(user, id);
  }

  @RequirePermission(Permission.OPINION_LIBRARY_READ)
  @Query(() => OpinionLibraryFacets, { description: 'The values the library filters offer.' })
  opinionLibraryFacets(@CurrentUser() user: AuthUser): Promise<OpinionLibraryFacets> {
    return this.library.facets(user);
  }

  // ------------------------------------------------------------ the city

  @RequirePermission(Permission.OPINIONS_REQUEST)
  @Mutation(() => OpinionRequest, {
    description:
      'A legal officer of a member city starts a draft for their city (autosave: every field optional).',
  })
  createOpinionRequest(
    @Args('input') input: OpinionRequestInput,
    @CurrentUser() user: AuthUser,
  ): Promise<OpinionRequest> {
    return this.requests.create(user, input);
  }

  @RequirePermission(Permission.OPINIONS_READ)
  @Mutation(() => OpinionRequest, {
    description:
      "The city's legal officers edit a DRAFT or NEEDS_INFO request (omitted fields stay).",
  })
  updateOpinionRequest(
    @Args('id', { type: () => ID }, RequestId()) id: string,
    @Args('input') input: OpinionRequestInput,
    @CurrentUser() user: AuthUser,
  ): Promise<OpinionRequest> {
    return this.requests.update(user, id, input);
  }

  @RequirePermission(Permission.OPINIONS_READ)
  @Mutation(() => OpinionRequest, {
    description:
      'DRAFT → SUBMITTED. BAD_USER_INPUT naming each missing field (subject, question, facts, legalBasis, areaOfLaw).',
  })
  submitOpinionRequest(
    @Args('id', { type: () => ID }, RequestId()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<OpinionRequest> {
    return this.requests.submit(user, id);
  }

  @RequirePermission(Permission.OPINIONS_READ)
  @Mutation(() => OpinionRequest, { description: 'NEEDS_INFO → SUBMITTED with the answer.' })
  answerOpinionInformationRequest(
    @Args('id', { type: () => ID }, RequestId()) id: string,
    @Args('answer') answer: string,
    @CurrentUser() user: AuthUser,
  ): Promise<OpinionRequest> {
    return this.requests.answerInformationRequest(user, id, text(answer, 'answer')!);
  }

  @RequirePermission(Permission.OPINIONS_READ)
  @Mutation(() => OpinionRequest, {
    description: 'DRAFT, SUBMITTED or NEEDS_INFO → WITHDRAWN (the city, before acceptance).',
  })
  withdrawOpinionRequest(
    @Args('id', { type: () => ID }, RequestId()) id: string,
    @Args('comment', { type: () => String, nullable: true }) comment: string | null,
    @CurrentUser() user: AuthUser,
  ): Promise<OpinionRequest> {
    return this.requests.withdraw(user, id, text(comment, 'comment'));
  }

  // ------------------------------------------------------------ the office

  @RequirePermission(Permission.OPINIONS_READ)
  @Mutation(() => OpinionRequest, { description: 'SUBMITTED → NEEDS_INFO (the office).' })
  requestOpinionInformation(
    @Args('id', { type: () => ID }, RequestId()) id: string,
    @Args('question') question: string,
    @CurrentUser() user: AuthUser,
  ): Promise<OpinionRequest> {
    return this.requests.requestInformation(user, id, text(question, 'question')!);
  }

  @RequirePermission(Permission.OPINIONS_READ)
  @Mutation(() => OpinionRequest, {
    description: 'SUBMITTED → REJECTED with a reason (the office).',
  })
  rejectOpinionRequest(
    @Args('id', { type: () => ID }, RequestId()) id: string,
    @Args('reason') reason: string,
    @CurrentUser() user: AuthUser,
  ): Promise<OpinionRequest> {
    return this.requests.reject(user, id, text(reason, 'reason')!);
  }

  @RequirePermission(Permission.OPINIONS_READ)
  @Mutation(() => OpinionRequest, {
    description:
      'SUBMITTED → ACCEPTED, assigning an expert (role EXPERT), a due date (not past) and a fee (the office). Concurrent triage: one wins, the other CONFLICT.',
  })
  acceptOpinionRequest(
    @Args('id', { type: () => ID }, RequestId()) id: string,
    @Args('input') input: AcceptOpinionRequestInput,
    @CurrentUser() user: AuthUser,
  ): Promise<OpinionRequest> {
    return this.requests.accept(user, id, input);
  }

  @RequirePermission(Permission.OPINIONS_READ)
  @Mutation(() => OpinionRequest, {
    description: 'DELIVERED → IN_PROGRESS with remarks for the expert (the office).',
  })
  returnOpinionToExpert(
    @Args('id', { type: () => ID }, RequestId()) id: string,
    @Args('remarks') remarks: string,
    @CurrentUser() user: AuthUser,
  ): Promise<OpinionRequest> {
    return this.requests.returnToExpert(user, id, text(remarks, 'remarks')!);
  }

  @RequirePermission(Permission.OPINIONS_READ)
  @Mutation(() => OpinionRequest, {
    description: 'DELIVERED → RELEASED to the city (the office). Twice: CONFLICT.',
  })
  releaseOpinion(
    @Args('id', { type: () => ID }, RequestId()) id: string,
    @Args('comment', { type: () => String, nullable: true }) comment: string | null,
    @CurrentUser() user: AuthUser,
  ): Promise<OpinionRequest> {
    return this.requests.release(user, id, text(comment, 'comment'));
  }

  @RequirePermission(Permission.OPINIONS_READ)
  @Mutation(() => OpinionRequest, {
    description:
      'Puts a RELEASED opinion in the library, as is or redacted (the office). Twice: CONFLICT.',
  })
  publishOpinion(
    @Args('id', { type: () => ID }, RequestId()) id: string,
    @Args('input') input: PublishOpinionInput,
    @CurrentUser() user: AuthUser,
  ): Promise<OpinionRequest> {
    return this.library.publish(user, id, input);
  }

  // ------------------------------------------------------------ the expert

  @RequirePermission(Permission.OPINIONS_READ)
  @Mutation(() => OpinionRequest, { description: 'ACCEPTED → IN_PROGRESS (the assigned expert).' })
  startOpinionWork(
    @Args('id', { type: () => ID }, RequestId()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<OpinionRequest> {
    return this.requests.startWork(user, id);
  }

  @RequirePermission(Permission.OPINIONS_READ)
  @Mutation(() => OpinionRequest, {
    description:
      'IN_PROGRESS → DELIVERED with the document and a summary (the assigned expert); BAD_USER_INPUT naming what is missing.',
  })
  deliverOpinion(
    @Args('id', { type: () => ID }, RequestId()) id: string,
    @Args('input') input: DeliverOpinionInput,
    @CurrentUser() user: AuthUser,
  ): Promise<OpinionRequest> {
    return this.requests.deliver(user, id, input);
  }

  // ------------------------------------------------------------ discussion

  @RequirePermission(Permission.OPINIONS_READ)
  @Mutation(() => OpinionDiscussionMessage, {
    description:
      'A Markdown message in one discussion; the city may write only in CITY. CONFLICT on DRAFT, REJECTED and WITHDRAWN requests.',
  })
  postOpinionDiscussionMessage(
    @Args('requestId', { type: () => ID }, RequestId()) requestId: string,
    @Args('audience', { type: () => OpinionDiscussionAudience })
    audience: OpinionDiscussionAudience,
    @Args('body') body: string,
    @CurrentUser() user: AuthUser,
  ): Promise<OpinionDiscussionMessage> {
    return this.requests.postMessage(user, requestId, audience, body);
  }

  // ------------------------------------------------------------ fields

  @ResolveField(() => OpinionCity, { description: 'The requesting city.' })
  async city(
    @Parent() r: OpinionRequest,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<OpinionCity> {
    return (await this.loaders.city(loaders).load(r.organisationId))!;
  }

  @ResolveField(() => OpinionPerson, { nullable: true })
  requester(
    @Parent() r: OpinionRequest,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<OpinionPerson | null> | null {
    return r.requesterId ? this.loaders.person(loaders).load(r.requesterId) : null;
  }

  @ResolveField(() => OpinionPerson, { nullable: true, description: 'The assigned expert.' })
  expert(
    @Parent() r: OpinionRequest,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<OpinionPerson | null> | null {
    return r.expertId ? this.loaders.person(loaders).load(r.expertId) : null;
  }

  @ResolveField(() => [OpinionRequestTransition], { description: 'The timeline, oldest first.' })
  async transitions(
    @Parent() r: OpinionRequest,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<OpinionRequestTransition[]> {
    const all = await this.loaders.transitions(loaders).load(r.id);
    return all.map((t) => this.requests.transitionFor(r.viewerParty, t));
  }

  @ResolveField(() => [OpinionRequestAction], {
    description: 'What the signed-in person may do to it now.',
  })
  availableActions(
    @Parent() r: OpinionRequest,
    @CurrentUser() user: AuthUser,
  ): OpinionRequestAction[] {
    return this.requests.actions(user, r);
  }

  @ResolveField(() => [PublishedOpinion], {
    description:
      'Published opinions similar to its subject and question (full-text), for the requesting city while DRAFT, SUBMITTED or NEEDS_INFO; empty otherwise. One search per request: ask it on one request, not in lists.',
  })
  similarPublishedOpinions(@Parent() r: OpinionRequest): Promise<PublishedOpinion[]> | [] {
    // One search per request: meant for the request page, not for lists; only while the
    // city can still reuse an answer instead of waiting for a new one.
    const reusable = [
      OpinionRequestState.DRAFT,
      OpinionRequestState.SUBMITTED,
      OpinionRequestState.NEEDS_INFO,
    ].includes(r.state);
    if (!reusable || (r.viewerParty !== 'CITY_LEGAL_OFFICER' && r.viewerParty !== 'CITY_ADMIN')) {
      return [];
    }
    return this.library.similar(`${r.subject}\n${r.questionText}`);
  }
}

@Resolver(() => OpinionRequestTransition)
export class OpinionTransitionResolver {
  constructor(private readonly loaders: OpinionLoaders) {}

  @ResolveField(() => OpinionPerson, { nullable: true })
  actor(
    @Parent() t: OpinionRequestTransition,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<OpinionPerson | null> | null {
    return t.actorId ? this.loaders.person(loaders).load(t.actorId) : null;
  }
}

@Resolver(() => OpinionDiscussionMessage)
export class OpinionDiscussionResolver {
  constructor(private readonly loaders: OpinionLoaders) {}

  @ResolveField(() => OpinionPerson, { nullable: true })
  author(
    @Parent() m: OpinionDiscussionMessage,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<OpinionPerson | null> | null {
    return m.authorId ? this.loaders.person(loaders).load(m.authorId) : null;
  }
}

@Resolver(() => OpinionAuditEntry)
export class OpinionAuditResolver {
  constructor(private readonly loaders: OpinionLoaders) {}

  @ResolveField(() => OpinionPerson, { nullable: true })
  actor(
    @Parent() e: OpinionAuditEntry,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<OpinionPerson | null> | null {
    return e.actorId ? this.loaders.person(loaders).load(e.actorId) : null;
  }
}
