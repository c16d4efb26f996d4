import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { Logger } from 'nestjs-pino';
import { AppConfig, ConfigError, loadConfig } from '@civitas/api/core';
import {
  DEMO_LOGINS,
  DEMO_PASSWORD,
  prepareDatabase,
  startEmbeddedPostgres,
} from '@civitas/api/database';
import { configureHttp } from '@civitas/api/platform';
import { AppModule } from './app.module';

const API_PREFIXES = ['/graphql', '/health', '/api/'];

function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

/** Serves the built web app, with index.html for client-side routes. */
function serveWeb(app: NestExpressApplication, config: AppConfig): boolean {
  const dir = resolve(config.webDistDir);
  if (!existsSync(join(dir, 'index.html'))) return false;
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== 'GET' || API_PREFIXES.some((p) => req.path.startsWith(p))) return next();
    res.sendFile(join(dir, 'index.html'));
  });
  return true;
}

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }

  let databaseUrl = config.databaseUrl;
  let poolSize = config.databasePoolSize;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (databaseUrl) {
    console.log(`Database: PostgreSQL at ${describeUrl(databaseUrl)} (DATABASE_URL)`);
  } else {
    const embedded = await startEmbeddedPostgres(resolve(config.embeddedDbDir));
    databaseUrl = embedded.url;
    poolSize = 1; // PGlite is a single backend session
    stopEmbedded = embedded.stop;
    console.log(
      `Database: embedded PostgreSQL (PGlite), data in ${config.embeddedDbDir} — set DATABASE_URL to use a server`,
    );
  }
  console.log(
    config.redisUrl
      ? `Redis: ${describeUrl(config.redisUrl)} (REDIS_URL)`
      : 'Redis: none — rate limits kept in this process',
  );
  console.log(
    config.smtpUrl ? 'Mail: SMTP_URL' : 'Mail: captured in-process; links are printed below',
  );

  const prepared = await prepareDatabase(databaseUrl, { demo: config.demoSeed });
  if (prepared.migrationsApplied.length)
    console.log(`Migrations applied: ${prepared.migrationsApplied.join(', ')}`);
  console.log(`Search: ${prepared.searchDictionary}`);
  if (config.demoSeed) {
    console.log(
      `Demo logins (password "${DEMO_PASSWORD}")${prepared.demoCreated ? ' — just created' : ''}:`,
    );
    for (const login of DEMO_LOGINS)
      console.log(
        `  ${login.email.padEnd(32)} ${login.role}${login.legalOfficer ? ' + legal officer' : ''}`,
      );
  }

  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({
      config,
      databaseUrl,
      poolSize,
    }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  configureHttp(app, config);
  const web = serveWeb(app, config);
  if (stopEmbedded) {
    const stop = stopEmbedded;
    process.once('beforeExit', () => void stop());
  }
  await app.listen(config.port);
  console.log(
    `Civitas is ready: ${config.appUrl}${web ? '' : ' (API only: build the web app with `npm run build`)'} — GraphQL at ${config.appUrl}/graphql`,
  );
}

void bootstrap();
