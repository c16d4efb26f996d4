import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Request, Response } from 'express';
import { Permission } from '@civitas/shared/domain';
import { APP_CONFIG, unauthenticated } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { AuthService } from './auth.service';
import type { AuthUser } from './auth-user';
import { CurrentUser, Http, Public, RequirePermission } from './decorators';
import {
  AuthPayload,
  ChangePasswordInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  SignInInput,
} from './dto/auth.inputs';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';
import { ClientInfo, IssuedSession, SessionService } from './session.service';
import { User } from './user.entity';

type HttpPair = { req: Request; res: Response };

export const clientOf = (req: Request): ClientInfo => ({
  ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
  userAgent: req.get('user-agent') ?? null,
});

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @RequirePermission(Permission.PROFILE_OWN)
  @Query(() => User, { description: 'The signed-in person.' })
  me(@CurrentUser() user: AuthUser): Promise<User> {
    return this.db.getRepository(User).findOneByOrFail({ id: user.id });
  }

  @Public()
  @Mutation(() => AuthPayload)
  async signIn(@Args('input') input: SignInInput, @Http() http: HttpPair): Promise<AuthPayload> {
    return this.deliver(
      await this.auth.signIn(input.email, input.password, clientOf(http.req)),
      http.res,
    );
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Rotates the refresh-token cookie and returns a new access token.',
  })
  async refreshSession(@Http() http: HttpPair): Promise<AuthPayload> {
    const presented = readRefreshCookie(http.req);
    if (!presented) throw unauthenticated('You are not signed in.');
    try {
      return this.deliver(await this.sessions.refresh(presented, clientOf(http.req)), http.res);
    } catch (e) {
      clearRefreshCookie(http.res, this.config);
      throw e;
    }
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Signs out this device, or every device with allDevices.',
  })
  async signOut(
    @Http() http: HttpPair,
    @Args('allDevices', { defaultValue: false }) allDevices: boolean,
  ): Promise<boolean> {
    const presented = readRefreshCookie(http.req);
    if (allDevices) {
      const user = await this.sessions.userOf(presented);
      if (!user) throw unauthenticated('You are not signed in.');
      await this.sessions.endAll(user, 'sign-out-everywhere');
    } else if (presented) {
      await this.sessions.endFamilyOf(presented);
    }
    clearRefreshCookie(http.res, this.config);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Sends a reset link if the address has an account; the answer never tells.',
  })
  async requestPasswordReset(@Args('input') input: RequestPasswordResetInput): Promise<boolean> {
    await this.auth.requestPasswordReset(input.email);
    return true;
  }

  @Public()
  @Mutation(() => Boolean)
  async resetPassword(@Args('input') input: ResetPasswordInput): Promise<boolean> {
    await this.auth.resetPassword(input.token, input.newPassword);
    return true;
  }

  @RequirePermission(Permission.PROFILE_OWN)
  @Mutation(() => AuthPayload, {
    description: 'Changes the password and signs out every other device.',
  })
  async changePassword(
    @Args('input') input: ChangePasswordInput,
    @CurrentUser() user: AuthUser,
    @Http() http: HttpPair,
  ): Promise<AuthPayload> {
    const session = await this.auth.changePassword(
      user.id,
      input.currentPassword,
      input.newPassword,
      clientOf(http.req),
    );
    return this.deliver(session, http.res);
  }

  private deliver(session: IssuedSession, res: Response): AuthPayload {
    setRefreshCookie(res, session, this.config);
    return {
      accessToken: session.accessToken,
      accessTokenExpiresAt: session.accessTokenExpiresAt,
      user: session.user,
    };
  }
}
