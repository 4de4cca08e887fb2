import 'reflect-metadata';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/infra/logger';
import { reconcileSchedules } from '../src/jobs/schedule-reconciler';
import { loadScheduleOverrides } from '../src/ops/schedule-overrides.service';
import { startProfileWorker } from '../src/jobs/profile-worker';
import { startSyncWorkers } from '../src/jobs/sync-worker';
import { openHubRuntime } from '../src/runtime/hub-runtime';
import { exitOnBootError, onShutdown } from '../src/runtime/shutdown';

/** `npm run worker`: connector workers (any number of these may share one Redis and one database). */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'techfin-worker');
  const runtime = await openHubRuntime(config, log);
  const workers = startSyncWorkers(runtime);
  const profileWorker = await startProfileWorker(runtime);
  if (config.connectors.schedulersEnabled) {
    await reconcileSchedules(config, runtime.catalog.all(), runtime.queues, log, await loadScheduleOverrides(runtime.db));
    await runtime.profiles.scheduleNightlyRebuild();
  }
  log.info({ connectors: runtime.catalog.all().map((c) => c.id), concurrency: config.sync.concurrency }, 'workers ready');
  onShutdown(log, async () => {
    await workers.close();
    await profileWorker.close();
    await runtime.close();
  });
}

main().catch(exitOnBootError);
