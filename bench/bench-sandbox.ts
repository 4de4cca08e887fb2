import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import IORedis from 'ioredis';
import { loadConfig, type Env, type HubConfig } from '../src/config/config';
import { createLogger } from '../src/infra/logger';
import { dropDatabase } from '../src/infra/services/ensure-database';
import { ensureServices } from '../src/infra/services/ensure-services';
import { startSyncWorkers } from '../src/jobs/sync-worker';
import { openHubRuntime, type HubRuntime } from '../src/runtime/hub-runtime';

const ROOT = path.resolve(__dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The sandbox runs in its own process, as a real upstream would, so it does not share the hub's event loop. */
export async function startSandboxProcess(port: number, enterprises: string, seed: string): Promise<{ stop(): void }> {
  const child = spawn(process.execPath, ['--no-turbo-escape', '--import', 'tsx', path.join(ROOT, 'connectors', 'sandbox', 'sandbox.main.ts')], {
    env: { ...process.env, SANDBOX_PORT: String(port), SANDBOX_ENTERPRISES: enterprises, SANDBOX_SEED: seed, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sandbox exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/tax/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('sandbox did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  return { stop: () => child.kill('SIGTERM') };
}

const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;

export interface BenchHub {
  runtime: HubRuntime;
  config: HubConfig;
  /** Where the sandbox process listens (SANDBOX_URL points there). */
  sandboxPort: number;
}

/**
 * A hub of a bench's own: database `techfin_hub_bench_<name>_<enterprises>` (emptied first unless
 * `reuse`; BENCH_DATABASE_URL overrides it), a queue prefix of this process, schedulers off.
 */
export async function openBenchHub(name: string, options: { enterprises: string; reuse: boolean; env?: Env }): Promise<BenchHub> {
  const sandboxPort = await freePort();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? `mysql://root@127.0.0.1:3306/techfin_hub_bench_${name}_${options.enterprises}`,
    QUEUE_PREFIX: `techfin-bench-${process.pid}`,
    SANDBOX_URL: `http://127.0.0.1:${sandboxPort}`,
    SCHEDULERS_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    ...options.env,
  });
  await ensureServices({ databaseUrl: config.database.url, redisUrl: config.redis.url, dataDir: config.dataDir, allowInstall: true }, () => undefined);
  if (!options.reuse) await dropDatabase(config.database.url);
  const runtime = await openHubRuntime(config, createLogger('warn', 'bench'));
  return { runtime, config, sandboxPort };
}

/** Closes the bench hub, drops its database unless `keep`, and removes its queue keys. */
export async function closeBenchHub({ runtime, config }: BenchHub, keep: boolean): Promise<void> {
  await runtime.close();
  if (!keep) await dropDatabase(config.database.url);
  const redis = new IORedis(config.redis.url);
  const keys = await redis.keys(`${config.redis.prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}

/** Full sync of every stream from a sandbox process of `enterprises` (seed `seed`), through the hub's workers. */
export async function syncSandbox({ runtime, sandboxPort }: BenchHub, enterprises: string, seed: string): Promise<number> {
  const sandbox = await startSandboxProcess(sandboxPort, enterprises, seed);
  const workers = startSyncWorkers(runtime);
  try {
    const t = process.hrtime.bigint();
    const finished = await runtime.queues.waitFor(await runtime.queues.requestSync(runtime.catalog.targets(), 'manual'), 4 * 3600_000);
    const failed = finished.filter((f) => f.state !== 'completed');
    if (failed.length > 0) throw new Error(`syncs failed: ${JSON.stringify(failed)}`);
    return seconds(t);
  } finally {
    await workers.close();
    sandbox.stop();
  }
}
