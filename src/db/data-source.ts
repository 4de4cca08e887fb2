import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';
import { StatementCountingLogger } from './statement-counter';

export interface DataSourceSettings {
  url: string;
  poolSize: number;
  /** Log every SQL statement (development aid). */
  logging?: boolean;
}

/**
 * The one DataSource shape the app, the tests and the TypeORM CLI share. Schema changes go through
 * reviewed migrations only.
 */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'mysql',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    logging: settings.logging ?? false,
    logger: new StatementCountingLogger(settings.logging ?? false),
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    poolSize: settings.poolSize,
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
}
