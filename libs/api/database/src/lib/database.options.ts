import { DataSourceOptions, Logger } from 'typeorm';
import { migrations } from '../migrations';

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  logger?: Logger;
}

/** One place for connection options: the app, the CLI scripts and the tests share it. */
export function databaseOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'schema_migration',
    logger: settings.logger,
    logging: settings.logger ? ['query', 'error'] : ['error'],
    extra: { max: settings.poolSize, application_name: 'civitas' },
  };
}
