import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  ErrorCode,
  REFRESH_TOKEN_TTL_DAYS,
} from '@civitas/shared/domain';
import { APP_CONFIG, domainError, unauthenticated } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { AccessTokenClaims } from './auth-user';
import { RefreshToken } from './refresh-token.entity';
import { hashSecretToken, newSecretToken } from './secret-token';
import { User } from './user.entity';

export interface IssuedSession {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: User;
}

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts a new token family (a new device sign-in). */
  start(
    user: User,
    client: ClientInfo,
    manager: EntityManager = this.db.manager,
  ): Promise<IssuedSession> {
    return this.issue(user, randomUUID(), client, manager);
  }

  /**
   * Rotates a refresh token. A token already rotated or revoked is a replay: the whole
   * family is revoked and the caller must sign in again.
   */
  async refresh(presented: string, client: ClientInfo): Promise<IssuedSession> {
    const outcome = await this.db.transaction(async (tx) => {
      const current = await tx.getRepository(RefreshToken).findOne({
        where: { tokenHash: hashSecretToken(presented) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) return { error: unauthenticated('Your session has ended. Sign in again.') };
      if (current.revokedAt)
        return { error: unauthenticated('Your session has ended. Sign in again.') };
      if (current.rotatedAt) {
        await this.revokeFamily(current.familyId, 'reuse-detected', tx);
        return {
          error: domainError(
            ErrorCode.REFRESH_TOKEN_REUSED,
            'This session was used elsewhere and has been closed. Sign in again.',
          ),
        };
      }
      if (current.expiresAt <= new Date())
        return { error: unauthenticated('Your session has expired. Sign in again.') };
      const user = await tx
        .getRepository(User)
        .findOneBy({ id: current.userId, deactivatedAt: IsNull() });
      if (!user) return { error: unauthenticated('Your session has ended. Sign in again.') };
      await tx.getRepository(RefreshToken).update(current.id, { rotatedAt: new Date() });
      return { session: await this.issue(user, current.familyId, client, tx) };
    });
    // Thrown after the transaction so the family revocation above is committed.
    if ('error' in outcome) throw outcome.error;
    return outcome.session;
  }

  /** Signs out this device: the family of the presented token. */
  async endFamilyOf(presented: string): Promise<void> {
    const token = await this.db
      .getRepository(RefreshToken)
      .findOneBy({ tokenHash: hashSecretToken(presented) });
    if (token) await this.revokeFamily(token.familyId, 'sign-out');
  }

  /** The account a live (unrotated, unrevoked, unexpired) refresh token belongs to. */
  async userOf(presented: string | undefined): Promise<string | null> {
    if (!presented) return null;
    const token = await this.db.getRepository(RefreshToken).findOneBy({
      tokenHash: hashSecretToken(presented),
      rotatedAt: IsNull(),
      revokedAt: IsNull(),
    });
    return token && token.expiresAt > new Date() ? token.userId : null;
  }

  /** Signs out everywhere: revokes every family and invalidates access tokens already issued. */
  async endAll(
    userId: string,
    reason: string,
    manager: EntityManager = this.db.manager,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
    await manager.increment(User, { id: userId }, 'sessionVersion', 1);
  }

  private async revokeFamily(
    familyId: string,
    reason: string,
    manager: EntityManager = this.db.manager,
  ) {
    await manager
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }

  private async issue(
    user: User,
    familyId: string,
    client: ClientInfo,
    manager: EntityManager,
  ): Promise<IssuedSession> {
    const claims: AccessTokenClaims = { sub: user.id, sv: user.sessionVersion };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.config.jwtSecret,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      algorithm: 'HS256',
    });
    const { token, hash } = newSecretToken();
    const refreshTokenExpiresAt = new Date(Date.now() + REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await manager.insert(RefreshToken, {
      userId: user.id,
      familyId,
      tokenHash: hash,
      expiresAt: refreshTokenExpiresAt,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    return {
      accessToken,
      accessTokenExpiresAt: new Date(Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000),
      refreshToken: token,
      refreshTokenExpiresAt,
      user,
    };
  }
}
