import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';

export interface DataSourceSettings {
  url: string;
  poolSize: number;
  /** Log every SQL statement (development aid). */
  logging?: boolean;
}

/**
 * The one DataSource shape the app, the tests and the TypeORM CLI share. Schema changes go through
 * reviewed migrations only. FOUND_ROWS is switched off so that an upsert reports 0 affected rows for
 * an unchanged record, which the ingest path turns into run statistics.
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
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    poolSize: settings.poolSize,
    supportBigNumbers: true,
    bigNumberStrings: true,
    flags: ['-FOUND_ROWS'],
  });
}
