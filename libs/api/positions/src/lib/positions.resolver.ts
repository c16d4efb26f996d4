import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Permission } from '@civitas/shared/domain';
import { byKeys, LoaderRegistry, Loaders, ParseIdPipe } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, RequirePermission } from '@civitas/api/auth';
import {
  ConsultationCommentInput,
  ConsultationCommentsArgs,
  OpenPositionConsultationInput,
  PositionConsultationsArgs,
  PositionSearchArgs,
  PositionStatementInput,
  UpdatePositionStatementInput,
} from './dto/positions.inputs';
import { PositionAccess } from './position-access';
import { PositionConsultationsService } from './position-consultations.service';
import { PositionSearchService } from './position-search.service';
import { PositionStatementsService } from './position-statements.service';
import {
  ConsultationComment,
  ConsultationCommentConnection,
  PositionConsultation,
  PositionConsultationConnection,
  PositionConsultationSummary,
  PositionSearchResult,
  PositionStatement,
} from './positions.types';

const PositionId = () => new ParseIdPipe('Position');
const ConsultationId = () => new ParseIdPipe('Consultation');
const CommentId = () => new ParseIdPipe('Comment');

/** The library: read by every signed-in account, written by the office. */
@Resolver(() => PositionStatement)
export class PositionStatementsResolver {
  constructor(
    private readonly statements: PositionStatementsService,
    private readonly search: PositionSearchService,
    private readonly consultations: PositionConsultationsService,
    private readonly access: PositionAccess,
  ) {}

  @Query(() => PositionStatement, {
    description: 'A position, resolution, invitation or programme.',
  })
  @RequirePermission(Permission.POSITIONS_READ)
  positionStatement(@Args('id', { type: () => ID }, PositionId()) id: string) {
    return this.statements.get(id);
  }

  @Query(() => PositionSearchResult, {
    description:
      'The library, searched (Polish-aware) and filtered by type and year, with facet counts: newest first without words, best match first with them.',
  })
  @RequirePermission(Permission.POSITIONS_READ)
  searchPositionStatements(@Args() args: PositionSearchArgs) {
    return this.search.search(args);
  }

  @Mutation(() => PositionStatement)
  @RequirePermission(Permission.POSITIONS_MANAGE)
  createPositionStatement(
    @CurrentUser() user: AuthUser,
    @Args('input') input: PositionStatementInput,
  ) {
    return this.statements.create(user, input);
  }

  @Mutation(() => PositionStatement)
  @RequirePermission(Permission.POSITIONS_MANAGE)
  updatePositionStatement(
    @Args('id', { type: () => ID }, PositionId()) id: string,
    @Args('input') input: UpdatePositionStatementInput,
  ) {
    return this.statements.update(id, input);
  }

  @Mutation(() => ID, {
    description:
      'Deletes a position and its files; a consultation it was adopted from stays, with its comments (CLOSED again, it may be adopted anew).',
  })
  @RequirePermission(Permission.POSITIONS_MANAGE)
  deletePositionStatement(@Args('id', { type: () => ID }, PositionId()) id: string) {
    return this.statements.delete(id);
  }

  @ResolveField(() => PositionConsultationSummary, {
    nullable: true,
    description:
      'The consultation this position came from, for those who may read consultations (null otherwise).',
  })
  async consultation(
    @CurrentUser() user: AuthUser,
    @Parent() p: PositionStatement,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<PositionConsultationSummary | null> {
    if (!p.consultationId) return null;
    const mayRead = await loaders
      .get(
        'positions.mayReadConsultations',
        () =>
          new DataLoader<string, boolean>(async (ids) =>
            Promise.all(ids.map(() => this.access.mayReadConsultations(user))),
          ),
      )
      .load(user.id);
    if (!mayRead) return null;
    return loaders
      .get(
        'positions.consultationSummary',
        () =>
          new DataLoader<string, PositionConsultationSummary | null>(async (ids) =>
            byKeys(ids, await this.consultations.summaries(ids), (s) => s.id),
          ),
      )
      .load(p.consultationId);
  }
}

/**
 * Consultations: reads need positions:read and are decided per person (NOT_FOUND for
 * anyone but the office and officials of member cities); comments need position:comment,
 * the office's acts positions:manage.
 */
@Resolver(() => PositionConsultation)
export class PositionConsultationsResolver {
  constructor(private readonly consultations: PositionConsultationsService) {}

  @Query(() => PositionConsultation)
  @RequirePermission(Permission.POSITIONS_READ)
  positionConsultation(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, ConsultationId()) id: string,
  ) {
    return this.consultations.get(user, id);
  }

  @Query(() => PositionConsultationConnection, {
    description: 'Newest first; empty for those who may not read consultations.',
  })
  @RequirePermission(Permission.POSITIONS_READ)
  positionConsultations(@CurrentUser() user: AuthUser, @Args() args: PositionConsultationsArgs) {
    return this.consultations.list(user, args);
  }

  @ResolveField(() => ConsultationCommentConnection, {
    nullable: true,
    description:
      "Oldest first; null unless viewerMaySeeComments. A cursor belongs to its consultation: another one's, or a forged one, answers BAD_USER_INPUT.",
  })
  comments(
    @CurrentUser() user: AuthUser,
    @Parent() c: PositionConsultation,
    @Args() args: ConsultationCommentsArgs,
    @Loaders() loaders: LoaderRegistry,
  ) {
    return loaders
      .get(
        `positions.comments:${args.first}:${args.after ?? ''}`,
        () =>
          new DataLoader<PositionConsultation, unknown, string>(
            (consultations) => this.consultations.comments(user, consultations, args),
            { cacheKeyFn: (x) => x.id },
          ),
      )
      .load(c);
  }

  @Mutation(() => PositionConsultation, {
    description: 'The closing time must be in the future (BAD_USER_INPUT).',
  })
  @RequirePermission(Permission.POSITIONS_MANAGE)
  openPositionConsultation(
    @CurrentUser() user: AuthUser,
    @Args('input') input: OpenPositionConsultationInput,
  ) {
    return this.consultations.open(user, input);
  }

  @Mutation(() => PositionConsultation, {
    description: 'A new, future closing time; reopens a closed consultation (not an adopted one).',
  })
  @RequirePermission(Permission.POSITIONS_MANAGE)
  extendPositionConsultation(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, ConsultationId()) id: string,
    @Args('closesAt') closesAt: Date,
  ) {
    return this.consultations.extend(user, id, closesAt);
  }

  @Mutation(() => PositionConsultation, { description: 'Closes now; CONFLICT when not open.' })
  @RequirePermission(Permission.POSITIONS_MANAGE)
  closePositionConsultation(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, ConsultationId()) id: string,
  ) {
    return this.consultations.close(user, id);
  }

  @Mutation(() => PositionStatement, {
    description:
      'The board adopted the position: records it in the library linked to the consultation (closing it if open). CONFLICT the second time.',
  })
  @RequirePermission(Permission.POSITIONS_MANAGE)
  adoptPositionConsultation(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, ConsultationId()) id: string,
    @Args('input') input: PositionStatementInput,
  ) {
    return this.consultations.adopt(user, id, input);
  }

  @Mutation(() => ConsultationComment, {
    description:
      'Officials of member cities, while open (CONFLICT "consultation closed" after; FORBIDDEN for the office).',
  })
  @RequirePermission(Permission.POSITION_COMMENT)
  addConsultationComment(
    @CurrentUser() user: AuthUser,
    @Args('consultationId', { type: () => ID }, ConsultationId()) consultationId: string,
    @Args('input') input: ConsultationCommentInput,
  ) {
    return this.consultations.addComment(user, consultationId, input.bodyMarkdown);
  }

  @Mutation(() => ConsultationComment, { description: 'Its author, while open.' })
  @RequirePermission(Permission.POSITION_COMMENT)
  updateConsultationComment(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, CommentId()) id: string,
    @Args('input') input: ConsultationCommentInput,
  ) {
    return this.consultations.updateComment(user, id, input.bodyMarkdown);
  }

  @Mutation(() => PositionConsultation, { description: 'Its author, while open.' })
  @RequirePermission(Permission.POSITION_COMMENT)
  deleteConsultationComment(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, CommentId()) id: string,
  ) {
    return this.consultations.deleteComment(user, id);
  }
}
