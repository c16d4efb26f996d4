import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { APP_CONFIG, tooManyRequests } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';

/** Subscribe requests one IP address may make per hour (a form submitted by people, not bots). */
export const NEWSLETTER_SUBSCRIBES_PER_IP_HOUR = 10;
/** Confirmation mails one address may receive per hour, however often it is entered. */
export const NEWSLETTER_CONFIRMATIONS_PER_ADDRESS_HOUR = 3;

/**
 * The public form is a way to make the association send mail to any address: limited per IP
 * (refused with TOO_MANY_REQUESTS, as sign-in) and per address (dropped silently, as the
 * password-reset mail, so the answer reveals nothing). Shared through Redis when REDIS_URL is set.
 */
@Injectable()
export class NewsletterThrottle implements OnApplicationShutdown {
  private readonly redis?: Redis;
  private readonly perIp: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.redisUrl)
      this.redis = new Redis(config.redisUrl, { enableOfflineQueue: false, lazyConnect: false });
    const limiter = (keyPrefix: string, points: number) =>
      this.redis
        ? new RateLimiterRedis({ storeClient: this.redis, keyPrefix, points, duration: 3600 })
        : new RateLimiterMemory({ keyPrefix, points, duration: 3600 });
    this.perIp = limiter('newsletter-ip', NEWSLETTER_SUBSCRIBES_PER_IP_HOUR);
    this.perAddress = limiter('newsletter-address', NEWSLETTER_CONFIRMATIONS_PER_ADDRESS_HOUR);
  }

  /** Counts a request from `ip`; throws TOO_MANY_REQUESTS over the limit. */
  async consumeIp(ip: string): Promise<void> {
    try {
      await this.perIp.consume(ip);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw tooManyRequests(Math.ceil(e.msBeforeNext / 1000));
      throw e;
    }
  }

  /** Whether another confirmation mail may go to `email` now. */
  async allowConfirmationMail(email: string): Promise<boolean> {
    try {
      await this.perAddress.consume(email);
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
