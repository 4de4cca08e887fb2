import 'reflect-metadata';
import { parseArgs } from 'node:util';
import mysql, { type RowDataPacket } from 'mysql2/promise';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/infra/logger';
import { dropDatabase } from '../src/infra/services/ensure-database';
import { ensureServices } from '../src/infra/services/ensure-services';
import { startSyncWorkers } from '../src/jobs/sync-worker';
import { openHubRuntime } from '../src/runtime/hub-runtime';
import { freePort, startSandboxProcess } from './bench-sandbox';

/**
 * Ingest benchmark: end-to-end records/s of a full sync of every stream of an N-enterprise sandbox
 * (HTTP pages → validation → hashing → chunked upserts + cursor + run counters per transaction,
 * through BullMQ workers), beside raw mysql2 multi-row upserts of the very same rows into a table of
 * the same shape (on one connection and on as many as the sync used), measured in the same run.
 * Prints all three and the ratio against the faster baseline.
 *
 *   npm run bench:ingest -- --enterprises 100000
 */
const { values: args } = parseArgs({
  options: {
    enterprises: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    concurrency: { type: 'string', default: '2' },
  },
});

async function main(): Promise<void> {
  const databaseUrl = 'mysql://root@127.0.0.1:3306/techfin_hub_bench';
  const port = await freePort();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? databaseUrl,
    QUEUE_PREFIX: `techfin-bench-${process.pid}`,
    SANDBOX_URL: `http://127.0.0.1:${port}`,
    SCHEDULERS_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    WORKER_CONCURRENCY: args.concurrency,
  });
  const log = createLogger('warn', 'bench');
  await ensureServices({ databaseUrl: config.database.url, redisUrl: config.redis.url, dataDir: config.dataDir, allowInstall: true }, () => undefined);
  await dropDatabase(config.database.url);

  console.log(`sandbox: ${args.enterprises} enterprises (seed ${args.seed}) starting…`);
  const t0 = Date.now();
  const sandbox = await startSandboxProcess(port, args.enterprises, args.seed);
  console.log(`sandbox ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const runtime = await openHubRuntime(config, log);
  const workers = startSyncWorkers(runtime);
  try {
    // End to end: every stream of every connector, as the scheduler or `hub sync` would run them.
    const started = process.hrtime.bigint();
    const requested = await runtime.queues.requestSync(runtime.catalog.targets(), 'manual');
    const finished = await runtime.queues.waitFor(requested, 4 * 3600_000);
    const e2eSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const failed = finished.filter((f) => f.state !== 'completed');
    if (failed.length > 0) throw new Error(`syncs failed: ${JSON.stringify(failed)}`);
    const [totals] = (await runtime.db.query(
      'SELECT SUM(records_read) AS readCount, SUM(records_inserted) AS inserted, SUM(records_quarantined) AS quarantined FROM connector_run',
    )) as Array<{ readCount: string; inserted: string; quarantined: string }>;
    const records = Number(totals!.readCount);
    const e2eRate = records / e2eSeconds;
    await workers.close();

    // Baselines: the same rows, raw mysql2 multi-row upserts, on one connection and on as many
    // connections as the sync had streams in flight at most; the ratio is taken against the faster.
    const parallel = Number(args.concurrency) * runtime.catalog.all().length;
    const single = await rawUpsertBaseline(config.database.url, 1);
    const many = await rawUpsertBaseline(config.database.url, parallel);
    const best = many.rate > single.rate ? many : single;
    const ratio = e2eRate / best.rate;
    console.log('');
    console.log(`records read end to end      : ${records} (${totals!.inserted} stored, ${totals!.quarantined} quarantined)`);
    console.log(`end-to-end sync              : ${e2eSeconds.toFixed(1)} s, ${e2eRate.toFixed(0)} records/s (up to ${parallel} streams at once)`);
    console.log(`raw mysql2 upsert, 1 conn    : ${single.seconds.toFixed(1)} s for ${single.rows} rows, ${single.rate.toFixed(0)} rows/s`);
    console.log(`raw mysql2 upsert, ${String(parallel).padEnd(2)} conns : ${many.seconds.toFixed(1)} s for ${many.rows} rows, ${many.rate.toFixed(0)} rows/s`);
    console.log(`ratio end-to-end / best raw  : ${ratio.toFixed(2)} (target ≥ 0.5)`);
  } finally {
    await workers.close().catch(() => undefined);
    await runtime.close();
    sandbox.stop();
    await dropDatabase(config.database.url);
    const redis = new (await import('ioredis')).default(config.redis.url);
    const keys = await redis.keys(`${config.redis.prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
}

const BASELINE_UPSERT =
  'INSERT INTO raw_record_baseline (connector, stream, external_id, content_hash, payload, source_updated_at, first_run_id, last_changed_run_id, created_at, changed_at) VALUES ';
const BASELINE_TAIL = ' ON DUPLICATE KEY UPDATE payload = VALUES(payload), source_updated_at = VALUES(source_updated_at), content_hash = VALUES(content_hash)';

async function upsertChunk(connection: mysql.Connection, part: RowDataPacket[]): Promise<void> {
  const params: unknown[] = [];
  for (const r of part) params.push(r.connector, r.stream, r.external_id, r.content_hash, typeof r.payload === 'string' ? r.payload : JSON.stringify(r.payload), r.source_updated_at, 1, 1);
  await connection.query(BASELINE_UPSERT + part.map(() => '(?,?,?,?,?,?,?,?,NOW(3),NOW(3))').join(',') + BASELINE_TAIL, params);
}

/**
 * The same rows the sync stored, upserted with plain mysql2 multi-row statements (500 rows each)
 * into an empty twin table, over `writers` connections at once. Rows are read back in blocks first;
 * only the upserts are timed (wall clock of each block's parallel writes).
 */
async function rawUpsertBaseline(url: string, writers: number): Promise<{ rows: number; seconds: number; rate: number }> {
  const admin = await mysql.createConnection({ uri: url });
  await admin.query('DROP TABLE IF EXISTS raw_record_baseline');
  await admin.query('CREATE TABLE raw_record_baseline LIKE raw_record');
  await admin.end();
  const connections = await Promise.all(Array.from({ length: writers }, () => mysql.createConnection({ uri: url })));
  const reader = await mysql.createConnection({ uri: url });
  let lastId = 0;
  let rows = 0;
  let nanos = 0n;
  try {
    for (;;) {
      const [block] = await reader.query<RowDataPacket[]>(
        'SELECT id, connector, stream, external_id, content_hash, payload, source_updated_at FROM raw_record WHERE id > ? ORDER BY id LIMIT ?',
        [lastId, 5000 * writers],
      );
      if (block.length === 0) break;
      lastId = Number(block[block.length - 1]!.id);
      const start = process.hrtime.bigint();
      await Promise.all(
        connections.map(async (connection, w) => {
          const mine = block.slice(w * 5000, (w + 1) * 5000);
          for (let i = 0; i < mine.length; i += 500) await upsertChunk(connection, mine.slice(i, i + 500));
        }),
      );
      nanos += process.hrtime.bigint() - start;
      rows += block.length;
    }
  } finally {
    await reader.end();
    await Promise.all(connections.map((c) => c.end()));
  }
  const seconds = Number(nanos) / 1e9;
  return { rows, seconds, rate: rows / seconds };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
