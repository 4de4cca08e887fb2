import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/infra/logger';
import { dropDatabase } from '../src/infra/services/ensure-database';
import { ensureServices } from '../src/infra/services/ensure-services';
import { startSyncWorkers } from '../src/jobs/sync-worker';
import { enterprisesWithRecords, rebuildAllProfiles } from '../src/profile/pipeline/profile.service';
import { loadEnterpriseRecords } from '../src/profile/storage/records.loader';
import { resolveAll } from '../src/resolution/resolution.service';
import { openHubRuntime, type HubRuntime } from '../src/runtime/hub-runtime';
import { freePort, startSandboxProcess } from './bench-sandbox';

/**
 * Profile benchmark: rebuild every enterprise's profile (load its linked raw records, derive the 200
 * fields, store profile + provenance + change log) beside a plain scan of the same raw rows (the
 * same batched statements through the link index, payloads parsed, nothing derived or written),
 * measured in the same run on the same database. Prints both rates and their ratio.
 *
 *   npm run bench:profile -- --enterprises 100000 [--keep] [--reuse]
 *
 * The data comes from a full sync of an N-enterprise sandbox first (as `npm start` would pull it);
 * `--keep` leaves the database for a later `--reuse` run, which skips the sync and resolution.
 */
const { values: args } = parseArgs({
  options: {
    enterprises: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    'as-of': { type: 'string', default: '2026-10-01' },
    batch: { type: 'string', default: '500' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});

const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;

async function main(): Promise<void> {
  const port = await freePort();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? `mysql://root@127.0.0.1:3306/techfin_hub_bench_profile_${args.enterprises}`,
    QUEUE_PREFIX: `techfin-bench-${process.pid}`,
    SANDBOX_URL: `http://127.0.0.1:${port}`,
    SCHEDULERS_ENABLED: 'false',
    LOG_LEVEL: 'warn',
  });
  await ensureServices({ databaseUrl: config.database.url, redisUrl: config.redis.url, dataDir: config.dataDir, allowInstall: true }, () => undefined);
  if (!args.reuse) await dropDatabase(config.database.url);
  const runtime = await openHubRuntime(config, createLogger('warn', 'bench'));
  try {
    if (!args.reuse) await syncEverything(runtime, port);
    const batchSize = Number(args.batch);
    const [{ n: records }] = (await runtime.db.query('SELECT COUNT(*) AS n FROM `raw_record`')) as [{ n: string }];
    if (!args.reuse) {
      const t = process.hrtime.bigint();
      const { touched } = await resolveAll(runtime.db);
      console.log(`resolution of ${records} records   : ${seconds(t).toFixed(1)} s, ${touched.length} enterprises`);
    }

    // Baseline first, then the rebuild; the rebuild's own reads find the same pages cached.
    const scan = await plainScan(runtime, batchSize);
    const t = process.hrtime.bigint();
    const rebuilt = await rebuildAllProfiles(runtime.db, { asOf: args['as-of'], batchSize });
    const rebuildSeconds = seconds(t);
    const scanRate = scan.enterprises / scan.seconds;
    const rebuildRate = rebuilt.profiles / rebuildSeconds;
    console.log('');
    console.log(`enterprises with records      : ${scan.enterprises} (${scan.rows} linked raw rows)`);
    console.log(`plain scan of the raw rows    : ${scan.seconds.toFixed(1)} s, ${scanRate.toFixed(0)} enterprises/s, ${(scan.rows / scan.seconds).toFixed(0)} rows/s`);
    console.log(`profile rebuild (200 fields)  : ${rebuildSeconds.toFixed(1)} s, ${rebuildRate.toFixed(0)} enterprises/s (${rebuilt.created} new, ${rebuilt.changedFields} field changes)`);
    console.log(`ratio rebuild / scan          : ${(rebuildRate / scanRate).toFixed(2)}`);
    console.log(`peak RSS                      : ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  } finally {
    await runtime.close();
    if (!args.keep) await dropDatabase(config.database.url);
    const redis = new (await import('ioredis')).default(config.redis.url);
    const keys = await redis.keys(`${config.redis.prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
}

async function syncEverything(runtime: HubRuntime, port: number): Promise<void> {
  console.log(`sandbox: ${args.enterprises} enterprises (seed ${args.seed}), full sync…`);
  const sandbox = await startSandboxProcess(port, args.enterprises, args.seed);
  const workers = startSyncWorkers(runtime);
  try {
    const t = process.hrtime.bigint();
    const finished = await runtime.queues.waitFor(await runtime.queues.requestSync(runtime.catalog.targets(), 'manual'), 4 * 3600_000);
    const failed = finished.filter((f) => f.state !== 'completed');
    if (failed.length > 0) throw new Error(`syncs failed: ${JSON.stringify(failed)}`);
    console.log(`full sync                     : ${seconds(t).toFixed(1)} s`);
  } finally {
    await workers.close();
    sandbox.stop();
  }
}

/**
 * The same batched reads the rebuild makes (one statement per batch through the link index, payloads
 * parsed into per-enterprise bundles by the hub's loader), and nothing else: no derivation, no writes.
 */
async function plainScan(runtime: HubRuntime, batchSize: number): Promise<{ enterprises: number; rows: number; seconds: number }> {
  const t = process.hrtime.bigint();
  let enterprises = 0;
  let rows = 0;
  for await (const page of enterprisesWithRecords(runtime.db)) {
    for (let i = 0; i < page.length; i += batchSize) {
      for (const bundle of await loadEnterpriseRecords(runtime.db, page.slice(i, i + batchSize))) {
        enterprises += 1;
        for (const value of Object.values(bundle)) rows += Array.isArray(value) ? value.length : value && typeof value === 'object' ? 1 : 0;
      }
    }
  }
  return { enterprises, rows, seconds: seconds(t) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
