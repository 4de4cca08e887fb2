import type { DataSource } from 'typeorm';
import type { HubConfig } from '../config/config';
import { createDataSource } from '../db/data-source';
import { ConnectorCatalog } from '../ingest/connector-catalog';
import { ensureDatabase } from '../infra/services/ensure-database';
import { ensureServices } from '../infra/services/ensure-services';
import type { Logger } from '../infra/logger';
import { ProfileQueue } from '../jobs/profile-queue';
import { SyncQueues } from '../jobs/sync-queues';
import { migrateWithLock } from './migrate';

/** What every hub process (API, worker, CLI, all-in-one) stands on, opened once and closed once. */
export interface HubRuntime {
  config: HubConfig;
  log: Logger;
  db: DataSource;
  catalog: ConnectorCatalog;
  queues: SyncQueues;
  profiles: ProfileQueue;
  close(): Promise<void>;
}

/**
 * Brings the hub's dependencies up in order: MariaDB and Redis (started privately when they do not
 * answer and SERVICES_AUTOSTART allows it), the database, its migrations, the connectors and queues.
 */
export async function openHubRuntime(config: HubConfig, log: Logger): Promise<HubRuntime> {
  if (config.servicesAutostart) {
    await ensureServices(
      { databaseUrl: config.database.url, redisUrl: config.redis.url, dataDir: config.dataDir, allowInstall: true },
      (message) => log.info(message),
    );
  }
  await ensureDatabase(config.database.url);
  const db = createDataSource(config.database);
  await db.initialize();
  const applied = await migrateWithLock(db);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  const catalog = ConnectorCatalog.fromConfig(config);
  const queues = new SyncQueues(config, catalog.all().map((c) => c.id));
  const profiles = new ProfileQueue(config);
  return {
    config,
    log,
    db,
    catalog,
    queues,
    profiles,
    async close() {
      await profiles.close();
      await queues.close();
      await catalog.close();
      await db.destroy();
    },
  };
}
