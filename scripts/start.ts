import 'reflect-metadata';
import { createSandbox } from '../connectors/sandbox/sandbox';
import { sandboxConfigFromEnv } from '../connectors/sandbox/sandbox-env';
import { serveHubApi } from '../schema/serve-hub-api';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/infra/logger';
import { reconcileSchedules } from '../src/jobs/schedule-reconciler';
import { loadScheduleOverrides } from '../src/ops/schedule-overrides.service';
import { cstDate } from '../src/profile/derive/calendar';
import { startProfileWorker } from '../src/jobs/profile-worker';
import { startSyncWorkers } from '../src/jobs/sync-worker';
import { ensureDemoKeys } from '../src/runtime/demo-access';
import { openHubRuntime } from '../src/runtime/hub-runtime';
import { exitOnBootError, onShutdown } from '../src/runtime/shutdown';

/**
 * `npm start`: the whole hub with demo data in one process — the sandbox agencies, the connector
 * workers, one job scheduler per stream (each runs once at once, so data arrives immediately) and
 * the GraphQL API. Set SANDBOX_ENABLED=false to pull from the upstreams configured instead.
 */
async function main(): Promise<void> {
  const withSandbox = process.env.SANDBOX_ENABLED !== 'false';
  const sandboxConfig = withSandbox ? sandboxConfigFromEnv(process.env) : undefined;
  const sandbox = sandboxConfig ? createSandbox(sandboxConfig.options) : undefined;
  const sandboxUrl = sandbox && sandboxConfig ? await sandbox.listen(sandboxConfig.port, sandboxConfig.host).catch((error: Error) => {
    throw new Error(`the sandbox could not listen on ${sandboxConfig.host}:${sandboxConfig.port} (${error.message}); set SANDBOX_PORT to a free port`);
  }) : undefined;

  // Demo profiles are computed as of the sandbox's simulated date, not the wall clock's.
  const demoEnv = sandboxUrl && sandbox ? { SANDBOX_URL: sandboxUrl, PROFILE_AS_OF: process.env.PROFILE_AS_OF ?? cstDate(sandbox.clock.now()) } : {};
  const config = loadConfig({ ...process.env, ...demoEnv });
  const log = createLogger(config.logLevel, 'techfin-hub');
  if (sandboxUrl) log.info({ url: sandboxUrl, enterprises: sandbox!.options.enterprises }, 'sandbox agencies listening');
  const runtime = await openHubRuntime(config, log);
  const workers = startSyncWorkers(runtime);
  const profileWorker = await startProfileWorker(runtime);
  if (config.connectors.schedulersEnabled) {
    await reconcileSchedules(config, runtime.catalog.all(), runtime.queues, log, await loadScheduleOverrides(runtime.db));
    await runtime.profiles.scheduleNightlyRebuild();
  }
  const api = await serveHubApi(runtime);
  console.log(`GraphQL API ready at ${api.url}`);
  if (sandbox) {
    const keys = await ensureDemoKeys(runtime.db, config.dataDir);
    console.log(`Demo API keys (send "Authorization: Bearer <key>"; also in ${keys.file}):\n  ADMIN        ${keys.admin}\n  INSTITUTION  ${keys.bank}  (demo-bank)`);
  }
  onShutdown(log, async () => {
    await api.stop();
    await workers.close();
    await profileWorker.close();
    await runtime.close();
    await sandbox?.close();
  });
}

main().catch(exitOnBootError);
