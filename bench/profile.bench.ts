import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { enterprisesWithRecords, rebuildAllProfiles } from '../src/profile/pipeline/profile.service';
import { loadEnterpriseRecords } from '../src/profile/storage/records.loader';
import { resolveAll } from '../src/resolution/resolution.service';
import type { HubRuntime } from '../src/runtime/hub-runtime';
import { closeBenchHub, openBenchHub, syncSandbox } from './bench-sandbox';

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
  const hub = await openBenchHub('profile', { enterprises: args.enterprises!, reuse: args.reuse! });
  const { runtime } = hub;
  try {
    if (!args.reuse) {
      console.log(`sandbox: ${args.enterprises} enterprises (seed ${args.seed}), full sync…`);
      console.log(`full sync                     : ${(await syncSandbox(hub, args.enterprises!, args.seed!)).toFixed(1)} s`);
    }
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
    await closeBenchHub(hub, args.keep!);
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
