import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { GraphQLError } from 'graphql';
import Redis from 'ioredis';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  ErrorCode,
  hasPermission,
  PresenceMember,
  REALTIME_EVENT_PERMISSIONS,
  REALTIME_EVENTS_PER_10_SECONDS,
  RealtimeAck,
  RealtimeErrorCode,
  RealtimeRefusal,
  RealtimeRoom,
  Role,
  SocketData,
} from '@civitas/shared/domain';
import { APP_CONFIG } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import type { RealtimeEventName, RealtimeIo, RealtimeSocket } from './realtime.types';

/** Why a token was not accepted. */
export class RealtimeAuthError extends Error {
  constructor(
    readonly code: ErrorCode.UNAUTHENTICATED | ErrorCode.TOKEN_EXPIRED,
    message: string,
  ) {
    super(message);
  }
}

/** A verified access token: who, and until when. */
export type VerifiedPerson = Omit<SocketData, 'groups'>;

/** The caller of an event, as the authorisation decisions need it. */
export const authUserOf = (data: SocketData): AuthUser => ({
  id: data.personId,
  role: data.role,
  organisationId: data.organisationId,
  isLegalOfficer: data.isLegalOfficer,
});

const REFUSAL_CODES: readonly string[] = [
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.FORBIDDEN,
  ErrorCode.TOO_MANY_REQUESTS,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.CONFLICT,
];

export const refusal = (
  code: RealtimeErrorCode,
  message: string,
  extra: Pick<RealtimeRefusal, 'fields' | 'retryAfterSeconds'> = {},
): RealtimeRefusal => ({ ok: false, code, message, ...extra });

const tooMany = (res: RateLimiterRes): RealtimeRefusal => {
  const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return refusal(
    ErrorCode.TOO_MANY_REQUESTS,
    `Too many messages. Try again in ${retryAfterSeconds} seconds.`,
    { retryAfterSeconds },
  );
};

/** A limiter whose refusal is an acknowledgement, not an exception. */
export interface RealtimeLimiter {
  /** Null when allowed; the refusal when the key has used up its points. */
  consume(key: string): Promise<RealtimeRefusal | null>;
}

/**
 * The socket.io server as the rest of the API uses it: verifying tokens, running an event
 * through permission, throttle and validation, presence across processes, and emitting
 * to rooms (through the adapter, so to every process).
 */
@Injectable()
export class RealtimeServer implements OnApplicationShutdown {
  private readonly logger = new Logger('Realtime');
  private readonly jwt = new JwtService({});
  private readonly redis?: Redis;
  private readonly perPersonEvents: RealtimeLimiter;
  private io?: RealtimeIo;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    if (config.redisUrl)
      this.redis = new Redis(config.redisUrl, { enableOfflineQueue: false, lazyConnect: false });
    this.perPersonEvents = this.limiter('rt-events', REALTIME_EVENTS_PER_10_SECONDS, 10);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }

  /** Set once by the gateway when socket.io starts. */
  attach(io: RealtimeIo): void {
    this.io = io;
  }

  get server(): RealtimeIo {
    if (!this.io) throw new Error('The realtime server has not started');
    return this.io;
  }

  /** Shared through Redis when REDIS_URL is set, so every process counts together. */
  limiter(keyPrefix: string, points: number, durationSeconds: number): RealtimeLimiter {
    const opts = { keyPrefix, points, duration: durationSeconds };
    const limiter: RateLimiterAbstract = this.redis
      ? new RateLimiterRedis({ storeClient: this.redis, ...opts })
      : new RateLimiterMemory(opts);
    return {
      consume: async (key) => {
        try {
          await limiter.consume(key);
          return null;
        } catch (e) {
          if (e instanceof RateLimiterRes) return tooMany(e);
          // Redis unreachable: let the event through rather than refuse everyone.
          this.logger.warn(`Rate limiter ${keyPrefix} failed: ${String(e)}`);
          return null;
        }
      },
    };
  }

  /**
   * The same checks as the GraphQL guard's JWT strategy: HS256 with the same secret, not
   * expired, the account active and its session version unchanged ("sign out everywhere").
   */
  async verifyToken(token: unknown): Promise<VerifiedPerson> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
      throw new RealtimeAuthError(ErrorCode.UNAUTHENTICATED, 'Sign in to continue');
    }
    let claims: { sub?: unknown; sv?: unknown; exp?: number };
    try {
      claims = await this.jwt.verifyAsync(token, {
        secret: this.config.jwtSecret,
        algorithms: ['HS256'],
      });
    } catch (e) {
      if ((e as Error).name === 'TokenExpiredError') {
        throw new RealtimeAuthError(
          ErrorCode.TOKEN_EXPIRED,
          'The access token has expired: refresh it and connect again',
        );
      }
      throw new RealtimeAuthError(ErrorCode.UNAUTHENTICATED, 'Sign in to continue');
    }
    if (typeof claims.sub !== 'string' || !/^[0-9a-f-]{36}$/i.test(claims.sub)) {
      throw new RealtimeAuthError(ErrorCode.UNAUTHENTICATED, 'Sign in to continue');
    }
    const [row]: {
      id: string;
      role: Role;
      organisation_id: string;
      is_legal_officer: boolean;
      name: string;
      organisation_name: string;
      session_version: number;
      deactivated_at: Date | null;
    }[] = await this.db.query(
      `SELECT u.id, u.role, u.organisation_id, u.is_legal_officer, u.name, u.session_version,
              u.deactivated_at, o.name AS organisation_name
       FROM app_user u JOIN organisation o ON o.id = u.organisation_id
       WHERE u.id = $1`,
      [claims.sub],
    );
    if (!row || row.deactivated_at || row.session_version !== claims.sv) {
      throw new RealtimeAuthError(ErrorCode.UNAUTHENTICATED, 'Your session has ended: sign in');
    }
    return {
      personId: row.id,
      role: row.role,
      organisationId: row.organisation_id,
      isLegalOfficer: row.is_legal_officer,
      name: row.name,
      organisationName: row.organisation_name,
      tokenExpiresAt: claims.exp ?? 0,
      sessionVersion: row.session_version,
    };
  }

  /**
   * Runs one client event: the permission the contract names for it, the per-person event
   * throttle, the payload's shape, then `run`. Every outcome is an acknowledgement; a
   * refusal leaves the connection up and nothing changed.
   */
  async handle<S extends z.ZodType, T extends object>(
    socket: RealtimeSocket,
    event: RealtimeEventName,
    payload: unknown,
    schema: S,
    run: (input: z.output<S>, user: AuthUser) => Promise<T>,
  ): Promise<RealtimeAck<T>> {
    const data = socket.data;
    if (!data?.personId) return refusal(ErrorCode.UNAUTHENTICATED, 'Sign in to continue');
    const permission = REALTIME_EVENT_PERMISSIONS[event];
    if (permission && !hasPermission(data.role, permission)) {
      return refusal(ErrorCode.FORBIDDEN, 'Your role does not allow this');
    }
    const throttled = await this.perPersonEvents.consume(data.personId);
    if (throttled) return throttled;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join('.') || 'payload';
        fields[key] ??= issue.message;
      }
      return refusal(ErrorCode.BAD_USER_INPUT, 'The request is not valid', { fields });
    }
    try {
      return { ok: true, ...(await run(parsed.data, authUserOf(data))) };
    } catch (e) {
      return this.toRefusal(e, event);
    }
  }

  toRefusal(e: unknown, event: string): RealtimeRefusal {
    if (e instanceof GraphQLError) {
      const code = String(e.extensions?.['code'] ?? '');
      if (REFUSAL_CODES.includes(code)) {
        const fields = e.extensions?.['fields'] as
          | { field: string; problems: string[] }[]
          | undefined;
        const retryAfter = e.extensions?.['retryAfter'];
        return refusal(code as RealtimeErrorCode, e.message, {
          ...(fields
            ? { fields: Object.fromEntries(fields.map((f) => [f.field, f.problems.join('; ')])) }
            : {}),
          ...(typeof retryAfter === 'number' ? { retryAfterSeconds: retryAfter } : {}),
        });
      }
    }
    this.logger.error(`Socket event ${event} failed: ${(e as Error)?.stack ?? String(e)}`);
    return refusal('INTERNAL_SERVER_ERROR', 'Something went wrong on the server; try again');
  }

  /**
   * Who of the group is online in its room now, from every process's sockets (the adapter
   * asks the other processes), one entry per person.
   */
  async presence(groupId: string): Promise<PresenceMember[]> {
    const sockets = await this.server.in(RealtimeRoom.group(groupId)).fetchSockets();
    const members = new Map<string, PresenceMember>();
    for (const s of sockets) {
      const since = s.data.groups?.[groupId] ?? new Date().toISOString();
      const known = members.get(s.data.personId);
      if (!known || since < known.since) {
        members.set(s.data.personId, {
          id: s.data.personId,
          name: s.data.name,
          organisationName: s.data.organisationName,
          since,
        });
      }
    }
    return [...members.values()].sort((a, b) => a.name.localeCompare(b.name, 'pl'));
  }

  /**
   * Of these sockets' people, those whose session has ended since they connected: signed
   * out everywhere (session version bumped) or deactivated.
   */
  async endedSessions(people: Map<string, number>): Promise<Set<string>> {
    if (people.size === 0) return new Set();
    const rows: { id: string; session_version: number; deactivated_at: Date | null }[] =
      await this.db.query(
        `SELECT id, session_version, deactivated_at FROM app_user WHERE id = ANY($1::uuid[])`,
        [[...people.keys()]],
      );
    const alive = new Map(
      rows.filter((r) => !r.deactivated_at).map((r) => [r.id, r.session_version]),
    );
    return new Set([...people].filter(([id, sv]) => alive.get(id) !== sv).map(([id]) => id));
  }

  /** How many sockets of the person are in the group's room, on every process. */
  async personSocketsInGroup(personId: string, groupId: string): Promise<number> {
    const sockets = await this.server.in(RealtimeRoom.person(personId)).fetchSockets();
    return sockets.filter((s) => s.rooms.has(RealtimeRoom.group(groupId))).length;
  }
}
