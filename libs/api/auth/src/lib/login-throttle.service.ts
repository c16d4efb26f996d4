import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import {
  LOGIN_FAILURE_WINDOW_SECONDS,
  LOGIN_FAILURES_PER_ACCOUNT,
  LOGIN_FAILURES_PER_IP,
} from '@civitas/shared/domain';
import { APP_CONFIG, tooManyRequests } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';

/**
 * Counts failed sign-ins per account and per IP, and failed re-authentications (the current
 * password asked again of a signed-in person) per account. Over the limit, attempts are
 * refused with 429 before the password is even checked. Shared through Redis when REDIS_URL
 * is set, so several API processes count together.
 */
@Injectable()
export class LoginThrottleService implements OnApplicationShutdown {
  private readonly redis?: Redis;
  private readonly perAccount: RateLimiterAbstract;
  private readonly perIp: RateLimiterAbstract;
  private readonly resetRequests: RateLimiterAbstract;
  private readonly reauth: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const limiter = (keyPrefix: string, points: number, duration: number) => {
      const opts = { keyPrefix, points, duration };
      return this.redis
        ? new RateLimiterRedis({ storeClient: this.redis, ...opts })
        : new RateLimiterMemory(opts);
    };
    if (config.redisUrl)
      this.redis = new Redis(config.redisUrl, { enableOfflineQueue: false, lazyConnect: false });
    this.perAccount = limiter(
      'login-account',
      LOGIN_FAILURES_PER_ACCOUNT,
      LOGIN_FAILURE_WINDOW_SECONDS,
    );
    this.perIp = limiter('login-ip', LOGIN_FAILURES_PER_IP, LOGIN_FAILURE_WINDOW_SECONDS);
    this.resetRequests = limiter('password-reset', 3, 60 * 60);
    // Keyed by account id, apart from sign-in: a stolen session guessing cannot lock the
    // owner out of signing in, nor borrow the sign-in count. Same limit and window.
    this.reauth = limiter(
      'reauth-account',
      LOGIN_FAILURES_PER_ACCOUNT,
      LOGIN_FAILURE_WINDOW_SECONDS,
    );
  }

  /** Throws TOO_MANY_REQUESTS when the account or the IP has used up its failures. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([this.perAccount.get(email), this.perIp.get(ip)]);
    const blocked = [
      [account, LOGIN_FAILURES_PER_ACCOUNT],
      [address, LOGIN_FAILURES_PER_IP],
    ].filter(([res, limit]) => res && (res as RateLimiterRes).consumedPoints >= (limit as number));
    if (blocked.length > 0) {
      const waitMs = Math.max(...blocked.map(([res]) => (res as RateLimiterRes).msBeforeNext));
      throw tooManyRequests(Math.ceil(waitMs / 1000));
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(email, 1), this.perIp.penalty(ip, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }

  /** Throws TOO_MANY_REQUESTS when the account has used up its re-authentication failures. */
  async assertReauthAllowed(userId: string): Promise<void> {
    const res = await this.reauth.get(userId);
    if (res && res.consumedPoints >= LOGIN_FAILURES_PER_ACCOUNT) {
      throw tooManyRequests(Math.ceil(res.msBeforeNext / 1000));
    }
  }

  async recordReauthFailure(userId: string): Promise<void> {
    await this.reauth.penalty(userId, 1);
  }

  async recordReauthSuccess(userId: string): Promise<void> {
    await this.reauth.delete(userId);
  }

  /** Password-reset mail is limited per address; over the limit the request is silently dropped. */
  async allowResetMail(email: string): Promise<boolean> {
    try {
      await this.resetRequests.consume(email);
      return true;
    } catch (e) {
      if (e instanceof RateLimiterRes) return false;
      throw e;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
