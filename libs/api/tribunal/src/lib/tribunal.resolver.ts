import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission, TribunalJoinStatus, TribunalStage } from '@civitas/shared/domain';
import { TribunalAccess } from '@civitas/api/access';
import { LoaderRegistry, Loaders, ParseIdPipe } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, RequirePermission } from '@civitas/api/auth';
import {
  CorrectTribunalStageInput,
  CreateTribunalCaseInput,
  TribunalCaseConnection,
  TribunalCaseInput,
  TribunalCasesArgs,
  TribunalResolutionInput,
  TribunalStageInput,
  TribunalSupportInput,
} from './dto/tribunal.inputs';
import { TribunalCasesService } from './tribunal-cases.service';
import { TribunalLoaders } from './tribunal.loaders';
import {
  TribunalCase,
  TribunalCaseCity,
  TribunalDeadline,
  TribunalLinkedCase,
  TribunalLinkedOpinion,
  TribunalStageEntry,
} from './tribunal.types';

const CaseId = () => new ParseIdPipe('Tribunal case');

/**
 * Tribunal cases. Reads and the city's acts need `tribunal:read` / `tribunal:join` and are
 * decided per case (NOT_FOUND for those who may not read it); the office's acts need
 * `tribunal:manage`.
 */
@Resolver(() => TribunalCase)
export class TribunalResolver {
  constructor(
    private readonly cases: TribunalCasesService,
    private readonly loaders: TribunalLoaders,
    private readonly access: TribunalAccess,
  ) {}

  @Query(() => TribunalCase, {
    description:
      "A case; NOT_FOUND for those who may not read it. A party's read (who sees the restricted parts) is audited.",
  })
  @RequirePermission(Permission.TRIBUNAL_READ)
  tribunalCase(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, CaseId()) id: string,
  ) {
    return this.cases.read(user, id);
  }

  @Query(() => TribunalCaseConnection, {
    description:
      "Cases, newest first, narrowed by stages and a search. A party's listed cases (who sees the restricted parts) are audited.",
  })
  @RequirePermission(Permission.TRIBUNAL_READ)
  tribunalCases(@CurrentUser() user: AuthUser, @Args() args: TribunalCasesArgs) {
    return this.cases.list(user, args);
  }

  @Query(() => [TribunalDeadline], {
    description: 'Running deadlines of every case the caller may read, earliest (overdue) first.',
  })
  @RequirePermission(Permission.TRIBUNAL_READ)
  tribunalDeadlines(@CurrentUser() user: AuthUser) {
    return this.cases.deadlines(user);
  }

  @ResolveField(() => [TribunalCaseCity])
  cities(
    @CurrentUser() user: AuthUser,
    @Parent() c: TribunalCase,
    @Loaders() loaders: LoaderRegistry,
  ) {
    return this.loaders.cities(loaders, user).load({ id: c.id, party: c.viewerIsParty });
  }

  @ResolveField(() => Boolean, {
    description:
      'requestTribunalJoin would be accepted for the caller: the case is in PREPARATION, the caller is a city admin or legal officer, and their city is not in it nor waiting.',
  })
  async viewerMayJoin(
    @CurrentUser() user: AuthUser,
    @Parent() c: TribunalCase,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    if (c.stage !== TribunalStage.PREPARATION || !this.access.actsForCity(user)) return false;
    const cities = await this.loaders
      .cities(loaders, user)
      .load({ id: c.id, party: c.viewerIsParty });
    return !cities.some(
      (x) => x.organisationId === user.organisationId && x.status !== TribunalJoinStatus.DECLINED,
    );
  }

  @ResolveField(() => [TribunalLinkedCase], {
    description: 'Cases the Tribunal joined with this one, with their titles (linkedCaseIds).',
  })
  linkedCases(@Parent() c: TribunalCase, @Loaders() loaders: LoaderRegistry) {
    return this.loaders.linkedCases(loaders).load(c.id);
  }

  @ResolveField(() => [TribunalLinkedOpinion], {
    description:
      'The linked published opinions the caller may read in the opinion library (linkedOpinionIds).',
  })
  linkedOpinions(
    @CurrentUser() user: AuthUser,
    @Parent() c: TribunalCase,
    @Loaders() loaders: LoaderRegistry,
  ) {
    return this.loaders
      .linkedOpinions(loaders, user)
      .load({ id: c.id, opinionIds: c.linkedOpinionIds });
  }

  @ResolveField(() => [TribunalStageEntry], { description: 'The stage timeline, oldest first.' })
  timeline(@Parent() c: TribunalCase, @Loaders() loaders: LoaderRegistry) {
    return this.loaders.timeline(loaders).load(c.id);
  }

  // ------------------------------------------------------------ the office

  @Mutation(() => TribunalCase)
  @RequirePermission(Permission.TRIBUNAL_MANAGE)
  createTribunalCase(@CurrentUser() user: AuthUser, @Args('input') input: CreateTribunalCaseInput) {
    return this.cases.create(user, input);
  }

  @Mutation(() => TribunalCase, {
    description: 'Omitted fields stay; signatures are checked against Tw n/yy and K|U n/yy.',
  })
  @RequirePermission(Permission.TRIBUNAL_MANAGE)
  updateTribunalCase(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, CaseId()) id: string,
    @Args('input') input: TribunalCaseInput,
  ) {
    return this.cases.update(user, id, input);
  }

  @Mutation(() => TribunalCase)
  @RequirePermission(Permission.TRIBUNAL_MANAGE)
  setTribunalSupport(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, CaseId()) id: string,
    @Args('input') input: TribunalSupportInput,
  ) {
    return this.cases.setSupport(user, id, input);
  }

  @Mutation(() => TribunalCase, { description: 'The office adds a member city as co-applicant.' })
  @RequirePermission(Permission.TRIBUNAL_MANAGE)
  addTribunalCoApplicant(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, CaseId()) id: string,
    @Args('organisationId', { type: () => ID }, new ParseIdPipe('City')) organisationId: string,
    @Args('resolution') resolution: TribunalResolutionInput,
  ) {
    return this.cases.addCoApplicant(user, id, organisationId, resolution);
  }

  @Mutation(() => TribunalCaseCity, { description: 'Accept or decline a join request.' })
  @RequirePermission(Permission.TRIBUNAL_MANAGE)
  decideTribunalJoin(
    @CurrentUser() user: AuthUser,
    @Args('joinId', { type: () => ID }, new ParseIdPipe('Join request')) joinId: string,
    @Args('accept') accept: boolean,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ) {
    return this.cases.decideJoin(user, joinId, accept, reason);
  }

  @Mutation(() => TribunalCase, {
    description: 'Record the next stage (TRIBUNAL_TRANSITIONS; others answer CONFLICT).',
  })
  @RequirePermission(Permission.TRIBUNAL_MANAGE)
  moveTribunalCase(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, CaseId()) id: string,
    @Args('input') input: TribunalStageInput,
  ) {
    return this.cases.move(user, id, input);
  }

  @Mutation(() => TribunalCase, {
    description: 'Correct a stage entry, or withdraw the latest one (void); the original is kept.',
  })
  @RequirePermission(Permission.TRIBUNAL_MANAGE)
  correctTribunalStage(
    @CurrentUser() user: AuthUser,
    @Args('entryId', { type: () => ID }, new ParseIdPipe('Stage entry')) entryId: string,
    @Args('input') input: CorrectTribunalStageInput,
  ) {
    return this.cases.correct(user, entryId, input);
  }

  @Mutation(() => TribunalCase, { description: 'The Tribunal joined the two motions.' })
  @RequirePermission(Permission.TRIBUNAL_MANAGE)
  linkTribunalCases(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, CaseId()) id: string,
    @Args('otherCaseId', { type: () => ID }, CaseId()) otherCaseId: string,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ) {
    return this.cases.link(user, id, otherCaseId, note);
  }

  @Mutation(() => TribunalCase)
  @RequirePermission(Permission.TRIBUNAL_MANAGE)
  unlinkTribunalCases(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, CaseId()) id: string,
    @Args('otherCaseId', { type: () => ID }, CaseId()) otherCaseId: string,
  ) {
    return this.cases.unlink(user, id, otherCaseId);
  }

  // ------------------------------------------------------------ cities and everyone

  @Mutation(() => TribunalCaseCity, {
    description:
      "A member city's admin or legal officer asks to join a case in PREPARATION, with the council's resolution uploaded as TRIBUNAL_RESOLUTION.",
  })
  @RequirePermission(Permission.TRIBUNAL_JOIN)
  requestTribunalJoin(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, CaseId()) id: string,
    @Args('resolution') resolution: TribunalResolutionInput,
  ) {
    return this.cases.requestJoin(user, id, resolution);
  }

  @Mutation(() => TribunalCase, { description: 'Follow (calendar feed) or unfollow a case.' })
  @RequirePermission(Permission.TRIBUNAL_READ)
  followTribunalCase(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, CaseId()) id: string,
    @Args('following') following: boolean,
  ) {
    return this.cases.follow(user, id, following);
  }
}
