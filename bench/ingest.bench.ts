import 'reflect-metadata';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import mysql, { type RowDataPacket } from 'mysql2/promise';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/infra/logger';
import { dropDatabase } from '../src/infra/services/ensure-database';
import { ensureServices } from '../src/infra/services/ensure-services';
import { startSyncWorkers } from '../src/jobs/sync-worker';
import { openHubRuntime } from '../src/runtime/hub-runtime';

/**
 * Ingest benchmark: end-to-end records/s of a full sync of every stream of an N-enterprise sandbox
 * (HTTP pages → validation → hashing → chunked upserts + cursor + run counters per transaction,
 * through BullMQ workers), beside a raw mysql2 multi-row upsert of the very same rows into a table of
 * the same shape, measured in the same run. Prints both and the ratio.
 *
 *   npm run bench:ingest -- --enterprises 100000
 */
const ROOT = path.resolve(__dirname, '..');
const { values: args } = parseArgs({
  options: {
    enterprises: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    concurrency: { type: 'string', default: '2' },
  },
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The sandbox runs in its own process, as a real upstream would, so it does not share our event loop. */
async function startSandbox(port: number): Promise<{ stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'connectors', 'sandbox', 'sandbox.main.ts')], {
    env: { ...process.env, SANDBOX_PORT: String(port), SANDBOX_ENTERPRISES: args.enterprises, SANDBOX_SEED: args.seed, LOG_LEVEL: 'warn' },
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
  const sandbox = await startSandbox(port);
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

    // Baseline: the same rows, raw mysql2 multi-row upserts (500 rows a statement) into an empty twin table.
    const baseline = await rawUpsertBaseline(config.database.url);
    const ratio = e2eRate / baseline.rate;
    console.log('');
    console.log(`records read end to end : ${records} (${totals!.inserted} stored, ${totals!.quarantined} quarantined)`);
    console.log(`end-to-end sync         : ${e2eSeconds.toFixed(1)} s, ${e2eRate.toFixed(0)} records/s`);
    console.log(`raw mysql2 upsert       : ${baseline.seconds.toFixed(1)} s for ${baseline.rows} rows, ${baseline.rate.toFixed(0)} rows/s`);
    console.log(`ratio end-to-end / raw  : ${ratio.toFixed(2)} (target ≥ 0.5)`);
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

async function rawUpsertBaseline(url: string): Promise<{ rows: number; seconds: number; rate: number }> {
  const connection = await mysql.createConnection({ uri: url, flags: ['-FOUND_ROWS'] });
  await connection.query('CREATE TABLE raw_record_baseline LIKE raw_record');
  const reader = await mysql.createConnection({ uri: url });
  let lastId = 0;
  let rows = 0;
  let nanos = 0n;
  try {
    for (;;) {
      // Reading the rows back is not timed: only the upserts are.
      const [batch] = await reader.query<RowDataPacket[]>(
        'SELECT id, connector, stream, external_id, content_hash, payload, source_updated_at FROM raw_record WHERE id > ? ORDER BY id LIMIT 5000',
        [lastId],
      );
      if (batch.length === 0) break;
      lastId = Number(batch[batch.length - 1]!.id);
      for (let i = 0; i < batch.length; i += 500) {
        const part = batch.slice(i, i + 500);
        const params: unknown[] = [];
        for (const r of part) params.push(r.connector, r.stream, r.external_id, r.content_hash, typeof r.payload === 'string' ? r.payload : JSON.stringify(r.payload), r.source_updated_at, 1, 1);
        const sql =
          'INSERT INTO raw_record_baseline (connector, stream, external_id, content_hash, payload, source_updated_at, first_run_id, last_changed_run_id, created_at, changed_at) VALUES ' +
          part.map(() => '(?,?,?,?,?,?,?,?,NOW(3),NOW(3))').join(',') +
          ' ON DUPLICATE KEY UPDATE payload = VALUES(payload), source_updated_at = VALUES(source_updated_at), content_hash = VALUES(content_hash)';
        const start = process.hrtime.bigint();
        await connection.query(sql, params);
        nanos += process.hrtime.bigint() - start;
      }
      rows += batch.length;
    }
  } finally {
    await reader.end();
    await connection.end();
  }
  const seconds = Number(nanos) / 1e9;
  return { rows, seconds, rate: rows / seconds };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
