import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { Permission } from '@civitas/shared/domain';
import { APP_CONFIG } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import {
  AuthPayload,
  clientOf,
  CurrentUser,
  Http,
  RequirePermission,
  setRefreshCookie,
} from '@civitas/api/auth';
import {
  ConfirmEmailChangeInput,
  PendingEmailChange,
  RequestEmailChangeInput,
} from './dto/email-change.inputs';
import { EmailChangeService } from './email-change.service';

@Resolver()
export class EmailChangeResolver {
  constructor(
    private readonly changes: EmailChangeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @RequirePermission(Permission.PROFILE_OWN)
  @Query(() => PendingEmailChange, {
    nullable: true,
    description: 'My change of address waiting for its link, if any.',
  })
  myPendingEmailChange(@CurrentUser() user: AuthUser) {
    return this.changes.pending(user);
  }

  @RequirePermission(Permission.PROFILE_OWN)
  @Mutation(() => PendingEmailChange, {
    description: `Asks to change my address, confirmed with my password: a link goes to the new address, a notice to the current one. Replaces a pending request. CONFLICT when another account uses the address.`,
  })
  requestEmailChange(@CurrentUser() user: AuthUser, @Args('input') input: RequestEmailChangeInput) {
    return this.changes.request(user, input);
  }

  @RequirePermission(Permission.PROFILE_OWN)
  @Mutation(() => AuthPayload, {
    description:
      'Opens the link sent to the new address: changes it and signs out every other device.',
  })
  async confirmEmailChange(
    @CurrentUser() user: AuthUser,
    @Args('input') input: ConfirmEmailChangeInput,
    @Http() http: { req: Request; res: Response },
  ): Promise<AuthPayload> {
    const session = await this.changes.confirm(user, input.token, clientOf(http.req));
    setRefreshCookie(http.res, session, this.config);
    return {
      accessToken: session.accessToken,
      accessTokenExpiresAt: session.accessTokenExpiresAt,
      user: session.user,
    };
  }
}
