import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { Permission } from '@civitas/shared/domain';
import { APP_CONFIG, Connection, ParseIdPipe } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import {
  AuthPayload,
  clientOf,
  CurrentUser,
  Http,
  Public,
  RequirePermission,
  setRefreshCookie,
} from '@civitas/api/auth';
import {
  AcceptInvitationInput,
  CreateInvitationInput,
  InvitationConnection,
  InvitationPreview,
  InvitationsArgs,
} from './dto/invitation.inputs';
import { Invitation, InvitationStatus, invitationStatus } from './invitation.entity';
import { InvitationsService } from './invitations.service';

@Resolver(() => Invitation)
export class InvitationsResolver {
  constructor(
    private readonly service: InvitationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @RequirePermission(Permission.INVITATION_CREATE_OWN_CITY)
  @Query(() => InvitationConnection, {
    description: "Invitations the caller manages: the office's all, a city admin's own city's.",
  })
  invitations(
    @Args() args: InvitationsArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<Invitation>> {
    return this.service.list(user, args);
  }

  @RequirePermission(Permission.INVITATION_CREATE_OWN_CITY)
  @Mutation(() => Invitation, {
    description: 'Invites a person and e-mails them a link valid 7 days.',
  })
  createInvitation(
    @Args('input') input: CreateInvitationInput,
    @CurrentUser() user: AuthUser,
  ): Promise<Invitation> {
    return this.service.create(user, input);
  }

  @RequirePermission(Permission.INVITATION_CREATE_OWN_CITY)
  @Mutation(() => Invitation)
  revokeInvitation(
    @Args('id', { type: () => ID }, new ParseIdPipe('Invitation')) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<Invitation> {
    return this.service.revoke(user, id);
  }

  @Public()
  @Query(() => InvitationPreview)
  invitationPreview(@Args('token') token: string): Promise<InvitationPreview> {
    return this.service.preview(token);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Creates the account, signs in, and uses up the invitation.',
  })
  async acceptInvitation(
    @Args('input') input: AcceptInvitationInput,
    @Http() http: { req: Request; res: Response },
  ): Promise<AuthPayload> {
    const session = await this.service.accept(input, clientOf(http.req));
    setRefreshCookie(http.res, session, this.config);
    return {
      accessToken: session.accessToken,
      accessTokenExpiresAt: session.accessTokenExpiresAt,
      user: session.user,
    };
  }

  @ResolveField(() => InvitationStatus)
  status(@Parent() invitation: Invitation): InvitationStatus {
    return invitationStatus(invitation);
  }
}
