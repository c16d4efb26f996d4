import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { foldForSearch, MembershipStatus, Role } from '@civitas/shared/domain';
import { AppConfig, loadConfig } from '@civitas/api/core';
import { QueryCounter } from '@civitas/api/database';
import { createTestDatabase, TestDatabase } from '@civitas/api/database/testing';
import { MailCapture } from '@civitas/api/mail';
import { configureHttp, PlatformModule } from '@civitas/api/platform';

export const TEST_PASSWORD = 'Hasło testowe 2026';
let testPasswordHash: Promise<string> | undefined;

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data: T | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
  /** Set-Cookie values, name=value only. */
  cookies: Record<string, string>;
}

export interface GqlOptions {
  token?: string;
  cookie?: string;
  ip?: string;
}

export interface TestUser {
  id: string;
  email: string;
  organisationId: string;
  role: Role;
  token: string;
}

/**
 * A real API process for one test file: its own PostgreSQL database, the real modules,
 * real HTTP on a loopback port, and mail captured over real SMTP.
 */
export class TestApp {
  private counter = 0;

  private constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly db: DataSource,
    readonly mail: MailCapture,
    readonly queries: QueryCounter,
    readonly config: AppConfig,
    private readonly database: TestDatabase,
  ) {}

  static async start(
    imports: (Type | DynamicModule)[],
    env: Record<string, string> = {},
  ): Promise<TestApp> {
    const database = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', TRUST_PROXY: 'true', ...env });
    const queries = new QueryCounter();
    const moduleRef = await Test.createTestingModule({
      imports: [
        PlatformModule.forRoot({
          config,
          databaseUrl: database.url,
          poolSize: database.poolSize,
          queryLogger: queries,
        }),
        ...imports,
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    configureHttp(app, config);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    return new TestApp(
      app,
      `http://127.0.0.1:${port}`,
      app.get(getDataSourceToken()),
      app.get(MailCapture),
      queries,
      config,
      database,
    );
  }

  /** This file's database, for API processes a test starts beside this one. */
  get databaseUrl(): string {
    return this.database.url;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.drop();
  }

  /** POSTs a GraphQL operation like a browser would; `ip` sets X-Forwarded-For. */
  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: GqlOptions = {},
  ): Promise<GqlResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.cookie) headers['cookie'] = options.cookie;
    if (options.ip) headers['x-forwarded-for'] = options.ip;
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: GqlResponse['errors'] };
    const cookies = Object.fromEntries(
      response.headers.getSetCookie().map((c) => {
        const [pair] = c.split(';');
        const at = pair.indexOf('=');
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
    );
    return {
      status: response.status,
      headers: response.headers,
      data: body.data ?? null,
      errors: body.errors,
      cookies,
    };
  }

  async signIn(
    email: string,
    password = TEST_PASSWORD,
    ip?: string,
  ): Promise<GqlResponse<{ signIn: { accessToken: string } }>> {
    return this.gql(
      `mutation($input: SignInInput!) { signIn(input: $input) { accessToken accessTokenExpiresAt user { id email role } } }`,
      { input: { email, password } },
      { ip },
    );
  }

  async organisationId(terytCode: string): Promise<string> {
    const [row] = await this.db.query(`SELECT id FROM organisation WHERE teryt_code = $1`, [
      terytCode,
    ]);
    if (!row) throw new Error(`No town with TERYT ${terytCode}`);
    return row.id;
  }

  async officeId(): Promise<string> {
    const [row] = await this.db.query(
      `SELECT id FROM organisation WHERE kind = 'ASSOCIATION_OFFICE'`,
    );
    return row.id;
  }

  /** Sets a town's membership (MEMBER gets an accession date and resolution). */
  async makeCity(
    terytCode: string,
    status: MembershipStatus = MembershipStatus.MEMBER,
  ): Promise<string> {
    const member = status === MembershipStatus.MEMBER;
    await this.db.query(
      `UPDATE organisation SET membership_status = $2, accession_date = $3, membership_resolution = $4 WHERE teryt_code = $1`,
      [terytCode, status, member ? '1991-03-15' : null, member ? 'XV/120/91' : null],
    );
    return this.organisationId(terytCode);
  }

  /** Creates an account and signs it in. Without an organisation, office roles go to the office. */
  async makeUser(options: {
    role: Role;
    organisationId?: string;
    legalOfficer?: boolean;
    name?: string;
    email?: string;
  }): Promise<TestUser> {
    const n = ++this.counter;
    const email = options.email ?? `user${n}.${options.role.toLowerCase()}@test.civitas.local`;
    const name = options.name ?? `Osoba Testowa ${n}`;
    const organisationId = options.organisationId ?? (await this.officeId());
    testPasswordHash ??= argon2.hash(TEST_PASSWORD, {
      type: argon2.argon2id,
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
    });
    const [row] = await this.db.query(
      `INSERT INTO app_user (email, password_hash, name, name_folded, role, is_legal_officer, organisation_id, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'Specjalista') RETURNING id`,
      [
        email,
        await testPasswordHash,
        name,
        foldForSearch(name),
        options.role,
        options.legalOfficer ?? false,
        organisationId,
      ],
    );
    const signedIn = await this.signIn(
      email,
      TEST_PASSWORD,
      `10.0.${n % 250}.${Math.floor(n / 250) + 1}`,
    );
    if (!signedIn.data)
      throw new Error(`Test user could not sign in: ${JSON.stringify(signedIn.errors)}`);
    return {
      id: row.id,
      email,
      organisationId,
      role: options.role,
      token: signedIn.data.signIn.accessToken,
    };
  }

  /** The first link in the newest mail to `email`. */
  async linkInMailTo(
    email: string,
    match: (subject: string) => boolean = () => true,
  ): Promise<URL> {
    const mail = await this.mail.waitFor(email, (m) => match(m.subject));
    const link = mail.text.match(/https?:\/\/\S+/)?.[0];
    if (!link) throw new Error(`The mail to ${email} has no link`);
    return new URL(link);
  }
}

/** The error code of the first GraphQL error, or undefined. */
export const errorCode = (response: GqlResponse) =>
  response.errors?.[0]?.extensions?.['code'] as string | undefined;
