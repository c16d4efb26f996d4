import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { Logger as TypeOrmLogger } from 'typeorm';
import {
  AppConfig,
  ConfigModule,
  createGraphQLOptions,
  createValidationPipe,
  GraphQLErrorHttpFilter,
} from '@civitas/api/core';
import { databaseOptions } from '@civitas/api/database';
import { AccessModule } from '@civitas/api/access';
import { AuditModule } from '@civitas/api/audit';
import { AuthModule } from '@civitas/api/auth';
import { MailModule } from '@civitas/api/mail';
import { PersonalDataModule } from '@civitas/api/personal-data';
import { HealthController } from './health.controller';

export interface PlatformOptions {
  config: AppConfig;
  /** The resolved database: from DATABASE_URL, or the embedded server started for this process. */
  databaseUrl: string;
  poolSize: number;
  queryLogger?: TypeOrmLogger;
}

/** What every API process is built on: config, logs, database, GraphQL, auth, mail, audit, access. */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { config } = options;
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: [
              'req.headers.authorization',
              'req.headers.cookie',
              'res.headers["set-cookie"]',
            ],
            autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
            // Readable lines for people at a terminal; JSON everywhere else.
            ...(config.env === 'development'
              ? { transport: { target: 'pino-pretty', options: { singleLine: true } } }
              : {}),
          },
        }),
        TypeOrmModule.forRoot({
          ...databaseOptions({
            url: options.databaseUrl,
            poolSize: options.poolSize,
            logger: options.queryLogger,
          }),
          autoLoadEntities: true,
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          ...createGraphQLOptions(config),
        }),
        // Domain events (libs/api/core domain-events.ts) between domain libraries.
        EventEmitterModule.forRoot(),
        AuthModule,
        MailModule,
        AuditModule,
        PersonalDataModule,
        AccessModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLErrorHttpFilter },
      ],
    };
  }
}
