import IORedis from 'ioredis';
import mysql from 'mysql2/promise';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../connectors/sandbox/sandbox';
import { loadConfig, type Env, type HubConfig } from '../../src/config/config';
import { createLogger } from '../../src/infra/logger';
import { startProfileWorker, type ProfileWorker } from '../../src/jobs/profile-worker';
import { startSyncWorkers, type SyncWorkers } from '../../src/jobs/sync-worker';
import { openHubRuntime, type HubRuntime } from '../../src/runtime/hub-runtime';
import { deleteKeys } from './global-teardown';
import { newRunId, testDatabaseUrl, testQueuePrefix, testRedisUrl } from './test-env';

export interface TestHub {
  config: HubConfig;
  env: Env;
  runtime: HubRuntime;
  sandbox: Sandbox;
  startWorkers(): SyncWorkers;
  /** The profile worker: resolution and profile refresh after each run. */
  startProfileWorker(): Promise<ProfileWorker>;
  /**
   * Waits until every sync run with new records has been profiled: the profile queue can look quiet
   * for a moment between a run's end and the enqueueing of its refresh job.
   */
  waitUntilProfiled(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A hub of its own for one test file: a fresh database with migrations applied, a unique queue
 * prefix, and a sandbox on a random port. `close()` removes all of it.
 */
export async function createTestHub(options: { sandbox?: Partial<SandboxOptions>; env?: Env } = {}): Promise<TestHub> {
  const suffix = newRunId();
  const sandbox = createSandbox(options.sandbox);
  const sandboxUrl = await sandbox.listen(0);
  const env: Env = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: testDatabaseUrl(suffix),
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: testQueuePrefix(suffix),
    SANDBOX_URL: sandboxUrl,
    SERVICES_AUTOSTART: 'false',
    SCHEDULERS_ENABLED: 'false',
    JOB_BACKOFF_MS: '200',
    HTTP_TIMEOUT_MS: '5000',
    ...options.env,
  };
  const config = loadConfig(env);
  const log = createLogger(config.logLevel, 'test-hub');
  const runtime = await openHubRuntime(config, log);
  const workers: Array<SyncWorkers | ProfileWorker> = [];
  return {
    config,
    env,
    runtime,
    sandbox,
    startWorkers() {
      const w = startSyncWorkers(runtime);
      workers.push(w);
      return w;
    },
    async startProfileWorker() {
      const w = await startProfileWorker(runtime);
      workers.push(w);
      return w;
    },
    async waitUntilProfiled(timeoutMs = 300_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await runtime.profiles.waitUntilQuiet(timeoutMs);
        const [{ n }] = (await runtime.db.query(
          "SELECT COUNT(*) AS n FROM connector_run WHERE profiled_at IS NULL AND status IN ('succeeded', 'failed') AND records_inserted + records_updated > 0",
        )) as Array<{ n: string }>;
        if (Number(n) === 0) return;
        if (Date.now() > deadline) throw new Error(`${n} sync runs still not profiled after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await runtime.close();
      await sandbox.close();
      await dropDatabase(config.database.url);
      const redis = new IORedis(config.redis.url, { maxRetriesPerRequest: 1 });
      await deleteKeys(redis, `${config.redis.prefix}:*`);
      redis.disconnect();
    },
  };
}

async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = '/';
  const connection = await mysql.createConnection({ uri: target.toString() });
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.end();
}
