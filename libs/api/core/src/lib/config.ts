import { z } from 'zod';

const DEV_JWT_SECRET = 'civitas-development-secret-not-for-production-use';

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine(
      (v) => v === undefined || protocols.some((p) => v.startsWith(`${p}://`)),
      `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    );

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1'));

/** A date and time with a zone (Z or ±hh:mm) whose calendar date exists. */
function isInstant(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(v);
  if (!m || Number.isNaN(Date.parse(v))) return false;
  const day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return day.getUTCMonth() === +m[2] - 1 && day.getUTCDate() === +m[3];
}

const byteCount = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    APP_URL: optionalUrl(['http', 'https']),
    DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    EMBEDDED_DB_DIR: z.string().default('.data/pglite'),
    REDIS_URL: optionalUrl(['redis', 'rediss']),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SMTP_URL: optionalUrl(['smtp', 'smtps']),
    MAIL_FROM: z.string().default('Civitas <no-reply@civitas.local>'),
    WEB_DIST_DIR: z.string().default('dist/web'),
    REALTIME_ORIGINS: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .refine(
        (list) => list.every((o) => /^https?:\/\/[^/\s]+$/.test(o)),
        'must be a comma-separated list of origins such as https://civitas.example.pl (no path)',
      ),
    DOCUMENTS_STORAGE: z.enum(['local', 's3']).default('local'),
    DOCUMENTS_DIR: z.string().default('.data/documents'),
    DOCUMENTS_MAX_FILE_BYTES: byteCount(100 * 1024 * 1024),
    DOCUMENTS_GROUP_QUOTA_BYTES: byteCount(5 * 1024 * 1024 * 1024),
    S3_ENDPOINT: optionalUrl(['http', 'https']),
    S3_REGION: z.string().default('us-east-1'),
    S3_BUCKET: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: booleanFlag,
    TRUST_PROXY: booleanFlag,
    DEMO_SEED: booleanFlag,
    /** Newsletter mails sent per minute, evenly spaced (the provider's sending limit). */
    NEWSLETTER_MAILS_PER_MINUTE: z.coerce.number().int().min(1).max(6000).default(120),
    /** Failed newsletter deliveries after which an address counts as bouncing (a 5xx: at once). */
    NEWSLETTER_BOUNCE_LIMIT: z.coerce.number().int().min(1).max(100).default(3),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    CLOCK_FIXED_AT: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === '' ? undefined : v))
      .refine(
        (v) => v === undefined || isInstant(v),
        'must be an ISO 8601 instant with its offset, e.g. 2025-04-17T07:00:00+02:00',
      ),
  })
  .superRefine((env, ctx) => {
    if (env.DOCUMENTS_STORAGE === 's3' && !env.S3_BUCKET) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_BUCKET'],
        message: 'is required with DOCUMENTS_STORAGE=s3',
      });
    }
    if (env.NODE_ENV !== 'production') return;
    if (env.CLOCK_FIXED_AT) {
      ctx.addIssue({
        code: 'custom',
        path: ['CLOCK_FIXED_AT'],
        message: 'must not be set in production: it fixes the date deadlines are counted from',
      });
    }
    for (const key of ['JWT_SECRET', 'DATABASE_URL', 'SMTP_URL', 'APP_URL'] as const) {
      if (!env[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
    }
  });

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  appUrl: string;
  /** Undefined means: run on the embedded PostgreSQL (PGlite). */
  databaseUrl?: string;
  databasePoolSize: number;
  embeddedDbDir: string;
  redisUrl?: string;
  jwtSecret: string;
  /** Undefined means: capture mail in-process (development and tests only). */
  smtpUrl?: string;
  mailFrom: string;
  webDistDir: string;
  /**
   * Page origins allowed to open a realtime socket: APP_URL's origin, those in
   * REALTIME_ORIGINS, and in development the Vite dev server (http://localhost:4200).
   */
  realtimeOrigins: string[];
  documents: DocumentsConfig;
  newsletter: NewsletterConfig;
  trustProxy: boolean;
  demoSeed: boolean;
  logLevel: string;
  /** Secure cookies when the app is served over https. */
  secureCookies: boolean;
  /** CLOCK_FIXED_AT: "now" for date rules (see Clock); never in production. */
  clockFixedAt?: Date;
}

/** Where document bytes go and how much a file and a group may take. */
export interface DocumentsConfig {
  storage: 'local' | 's3';
  /** Local driver: the directory (created on start). */
  dir: string;
  maxFileBytes: number;
  groupQuotaBytes: number;
  s3?: {
    endpoint?: string;
    region: string;
    bucket: string;
    accessKeyId?: string;
    secretAccessKey?: string;
    forcePathStyle: boolean;
  };
}

/** How fast issues go out and when a failing address stops being mailed. */
export interface NewsletterConfig {
  mailsPerMinute: number;
  bounceLimit: number;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; names every missing or malformed variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    appUrl,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    embeddedDbDir: env.EMBEDDED_DB_DIR,
    redisUrl: env.REDIS_URL,
    jwtSecret: env.JWT_SECRET ?? DEV_JWT_SECRET,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    webDistDir: env.WEB_DIST_DIR,
    realtimeOrigins: [
      ...new Set([
        new URL(appUrl).origin,
        ...env.REALTIME_ORIGINS,
        ...(env.NODE_ENV === 'development' ? ['http://localhost:4200'] : []),
      ]),
    ],
    documents: {
      storage: env.DOCUMENTS_STORAGE,
      dir: env.DOCUMENTS_DIR,
      maxFileBytes: env.DOCUMENTS_MAX_FILE_BYTES,
      groupQuotaBytes: env.DOCUMENTS_GROUP_QUOTA_BYTES,
      s3: env.S3_BUCKET
        ? {
            endpoint: env.S3_ENDPOINT,
            region: env.S3_REGION,
            bucket: env.S3_BUCKET,
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
            // MinIO and most S3-compatible servers want path-style addressing.
            forcePathStyle: env.S3_FORCE_PATH_STYLE ?? Boolean(env.S3_ENDPOINT),
          }
        : undefined,
    },
    newsletter: {
      mailsPerMinute: env.NEWSLETTER_MAILS_PER_MINUTE,
      bounceLimit: env.NEWSLETTER_BOUNCE_LIMIT,
    },
    trustProxy: env.TRUST_PROXY ?? false,
    demoSeed: env.DEMO_SEED ?? env.NODE_ENV === 'development',
    logLevel: env.LOG_LEVEL,
    secureCookies: appUrl.startsWith('https://'),
    clockFixedAt: env.CLOCK_FIXED_AT ? new Date(env.CLOCK_FIXED_AT) : undefined,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
