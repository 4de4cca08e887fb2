import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createSandbox } from '../connectors/sandbox/sandbox';
import { rebuildAllProfiles } from '../src/profile/pipeline/profile.service';
import { loadProfiles, type StoredProfile } from '../src/profile/read/profile-read.service';
import { resolveAll } from '../src/resolution/resolution.service';
import type { HubRuntime } from '../src/runtime/hub-runtime';
import { CURRENT_SCORECARD } from '../src/scoring/models/scorecard-models';
import { auc, badRateByGrade, ks, mergeSparseGrades, type GradeBadRate } from '../src/scoring/metrics/discrimination';
import { scoreProfile } from '../src/scoring/scorecard/score-profile';
import { scorecardInForce, scorecardSections } from '../src/scoring/store/score-models';
import { closeBenchHub, openBenchHub, syncSandbox } from './bench-sandbox';

/**
 * Score benchmark: an N-enterprise sandbox fully synced, resolved and profiled (which stores every
 * profile's score in `enterprise_score`), then
 *  - discrimination of the stored scores against the sandbox's hidden default outcomes (defaulted
 *    within 12 months after the sandbox start), read through the sandbox object's ground-truth API
 *    (`createSandbox({ seed, enterprises }).truth.outcomes()` in this process: the outcome of
 *    enterprise i depends on the seed only, never on a connector stream): AUC, KS, bad rate by grade;
 *  - a full rescore (`scoreProfile` over every stored profile row, read in batches) beside reading
 *    the same rows with the same statements and nothing else, in the same run; rates and ratio.
 *
 *   npm run bench:score -- --enterprises 2000 [--seed 42] [--keep] [--reuse]
 */
const { values: args } = parseArgs({
  options: {
    enterprises: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '42' },
    'as-of': { type: 'string', default: '2026-10-01' },
    batch: { type: 'string', default: '500' },
    'min-per-grade': { type: 'string', default: '30' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});

const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;
const pct = (x: number | null): string => (x === null ? '-' : `${(100 * x).toFixed(1)}%`);

async function main(): Promise<void> {
  const hub = await openBenchHub('score', { enterprises: args.enterprises!, reuse: args.reuse! });
  const { runtime } = hub;
  try {
    const batchSize = Number(args.batch);
    if (!args.reuse) {
      console.log(`sandbox: ${args.enterprises} enterprises (seed ${args.seed}), full sync…`);
      console.log(`full sync                     : ${(await syncSandbox(hub, args.enterprises!, args.seed!)).toFixed(1)} s`);
      let t = process.hrtime.bigint();
      const { touched } = await resolveAll(runtime.db);
      console.log(`resolution                    : ${seconds(t).toFixed(1)} s, ${touched.length} enterprises`);
      t = process.hrtime.bigint();
      const rebuilt = await rebuildAllProfiles(runtime.db, { asOf: args['as-of'], batchSize });
      console.log(`profiles + scores built       : ${seconds(t).toFixed(1)} s, ${rebuilt.profiles} profiles`);
    }
    await discrimination(runtime);
    await rescore(runtime, batchSize);
    console.log(`peak RSS                      : ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  } finally {
    await closeBenchHub(hub, args.keep!);
  }
}

/** Stored scores joined with the hidden outcomes of the same seed and size. */
async function discrimination(runtime: HubRuntime): Promise<void> {
  const truth = createSandbox({ seed: Number(args.seed), enterprises: Number(args.enterprises) }).truth.outcomes();
  const outcomes = new Map(truth.map((o) => [o.uscc, o.defaulted]));
  const rows = (await runtime.db.query('SELECT uscc, status, score, grade FROM enterprise_score')) as Array<{ uscc: string; status: string; score: number | null; grade: string | null }>;
  const unknown = rows.filter((r) => !outcomes.has(r.uscc)).length;
  if (unknown > 0) throw new Error(`${unknown} stored scores belong to no sandbox enterprise (seed or size differs from the synced data?)`);
  const scored = rows.filter((r) => r.status === 'SCORED');
  const insufficient = rows.filter((r) => r.status !== 'SCORED');
  const bad = (rs: typeof rows): number => rs.filter((r) => outcomes.get(r.uscc)).length;
  const scores = scored.map((r) => Number(r.score));
  const defaulted = scored.map((r) => outcomes.get(r.uscc)!);
  console.log('');
  console.log(`hidden outcomes               : ${truth.length} enterprises, ${truth.filter((o) => o.defaulted).length} defaulted (${pct(truth.filter((o) => o.defaulted).length / truth.length)})`);
  console.log(`stored scores                 : ${rows.length} (${scored.length} SCORED, bad rate ${pct(bad(scored) / scored.length)}; ${insufficient.length} INSUFFICIENT_DATA, bad rate ${pct(insufficient.length ? bad(insufficient) / insufficient.length : null)})`);
  console.log(`AUC (SCORED)                  : ${auc(scores, defaulted).toFixed(4)}`);
  console.log(`KS  (SCORED)                  : ${ks(scores, defaulted).toFixed(4)}`);
  const worstFirst = [...CURRENT_SCORECARD.grades.map((g) => g.grade)].reverse();
  const byGrade = badRateByGrade(scored.map((r) => r.grade!), defaulted, worstFirst);
  const show = (rs: GradeBadRate[]): void => {
    for (const r of rs) console.log(`  ${r.grade.padEnd(12)} ${String(r.count).padStart(6)} enterprises ${String(r.bads).padStart(5)} bad  ${pct(r.badRate).padStart(6)}`);
  };
  console.log('bad rate by grade (worst first):');
  show(byGrade);
  const minPerGrade = Number(args['min-per-grade']);
  console.log(`grades with < ${minPerGrade} merged into their better neighbours:`);
  show(mergeSparseGrades(byGrade, minPerGrade));
}

/** Reading every stored profile row (model sections), then reading + scoring them, same batches. */
async function rescore(runtime: HubRuntime, batchSize: number): Promise<void> {
  const usccs = ((await runtime.db.query('SELECT uscc FROM enterprise_profile ORDER BY uscc')) as Array<{ uscc: string }>).map((r) => r.uscc);
  const sections = scorecardSections(CURRENT_SCORECARD);
  const batches: string[][] = [];
  for (let i = 0; i < usccs.length; i += batchSize) batches.push(usccs.slice(i, i + batchSize));

  let t = process.hrtime.bigint();
  let read = 0;
  for (const b of batches) read += (await loadProfiles(runtime.db, b, sections)).size;
  const readSeconds = seconds(t);

  t = process.hrtime.bigint();
  let rescored = 0;
  let scoreOnlyNs = 0n;
  const hashes = new Map<string, string>();
  for (const b of batches) {
    const profiles: Map<string, StoredProfile> = await loadProfiles(runtime.db, b, sections);
    const s = process.hrtime.bigint();
    for (const p of profiles.values()) {
      const model = scorecardInForce(p.asOf);
      if (model === undefined) continue;
      hashes.set(p.uscc, scoreProfile(model, p.values).inputHash);
      rescored += 1;
    }
    scoreOnlyNs += process.hrtime.bigint() - s;
  }
  const rescoreSeconds = seconds(t);
  const stored = (await runtime.db.query('SELECT uscc, input_hash FROM enterprise_score')) as Array<{ uscc: string; input_hash: string }>;
  const same = stored.filter((r) => hashes.get(r.uscc) === r.input_hash).length;

  const readRate = read / readSeconds;
  const rescoreRate = rescored / rescoreSeconds;
  console.log('');
  console.log(`read profile rows (${sections.length} sections) : ${readSeconds.toFixed(2)} s, ${readRate.toFixed(0)} rows/s`);
  console.log(`full rescore (read + score)   : ${rescoreSeconds.toFixed(2)} s, ${rescoreRate.toFixed(0)} scores/s (${same}/${stored.length} equal to the stored input hash)`);
  console.log(`  of which scoreProfile alone : ${(Number(scoreOnlyNs) / 1e9).toFixed(2)} s, ${(rescored / (Number(scoreOnlyNs) / 1e9)).toFixed(0)} scores/s`);
  console.log(`ratio rescore / read          : ${(rescoreRate / readRate).toFixed(2)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
