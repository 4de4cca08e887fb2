import { CURRENT_SCORECARD } from '../../src/scoring/models/scorecard-models';
import { auc, badRateByGrade, fallsMonotonically, ks, mergeSparseGrades } from '../../src/scoring/metrics/discrimination';
import { syncThroughQueue } from '../support/ingest-expectations';
import { createTestHub, type TestHub } from '../support/test-hub';

/**
 * Stored scores against the sandbox's hidden default outcomes (defaulted within 12 months after the
 * sandbox start; read only through `sandbox.truth.outcomes()`, never served by a connector): a
 * 1,500-enterprise sandbox synced through BullMQ, profiles and scores built by the profile worker,
 * then `enterprise_score` joined with the outcomes by USCC.
 *
 * Sparse grades: walking the grades worst (C) to best (AAA), a grade with fewer than 30 scored
 * enterprises is merged with the next better grades until the group has 30; a short remainder at the
 * best end joins the group before it (`mergeSparseGrades(rows, 30)`).
 */
const AS_OF = '2026-10-01';
const MIN_PER_GRADE = 30;
const WORST_FIRST = [...CURRENT_SCORECARD.grades.map((g) => g.grade)].reverse();

describe('stored scores against the hidden default outcomes of a 1,500-enterprise sandbox', () => {
  let hub: TestHub;
  let joined: Array<{ uscc: string; status: string; score: number | null; grade: string | null; defaulted: boolean }>;

  beforeAll(async () => {
    hub = await createTestHub({ sandbox: { seed: 7, enterprises: 1500, invalidRate: 0.01 }, env: { PROFILE_AS_OF: AS_OF } });
    hub.startWorkers();
    await hub.startProfileWorker();
    await syncThroughQueue(hub.runtime.db, hub.runtime.queues, hub.runtime.catalog.targets());
    await hub.waitUntilProfiled(600_000);
    const outcomes = new Map(hub.sandbox.truth.outcomes().map((o) => [o.uscc, o.defaulted]));
    const rows = (await hub.runtime.db.query('SELECT uscc, status, score, grade FROM enterprise_score ORDER BY uscc')) as Array<{ uscc: string; status: string; score: number | null; grade: string | null }>;
    joined = rows.map((r) => {
      const defaulted = outcomes.get(r.uscc);
      if (defaulted === undefined) throw new Error(`scored enterprise ${r.uscc} is not one of the sandbox's enterprises`);
      return { ...r, score: r.score === null ? null : Number(r.score), defaulted };
    });
  }, 900_000);

  afterAll(async () => {
    await hub?.close();
  });

  it('every stored score belongs to a sandbox enterprise, most are SCORED, and the base default rate is realistic', () => {
    expect(joined.length).toBeGreaterThan(1200);
    const scored = joined.filter((r) => r.status === 'SCORED');
    expect(scored.length / joined.length).toBeGreaterThan(0.5);
    const rate = joined.filter((r) => r.defaulted).length / joined.length;
    expect(rate).toBeGreaterThan(0.03);
    expect(rate).toBeLessThan(0.1);
  });

  it('ranks defaulters below non-defaulters: AUC > 0.6 and KS > 0.1 over SCORED enterprises', () => {
    const scored = joined.filter((r) => r.status === 'SCORED');
    const scores = scored.map((r) => r.score!);
    const outcomes = scored.map((r) => r.defaulted);
    const a = auc(scores, outcomes);
    const k = ks(scores, outcomes);
    console.log(`score vs hidden outcome: ${scored.length} SCORED, ${outcomes.filter(Boolean).length} defaulted, AUC ${a.toFixed(4)}, KS ${k.toFixed(4)}`);
    expect(a).toBeGreaterThan(0.6);
    expect(k).toBeGreaterThan(0.1);
  });

  it(`bad rate falls from the worst grade to the best (grades with < ${MIN_PER_GRADE} enterprises merged with their better neighbours)`, () => {
    const scored = joined.filter((r) => r.status === 'SCORED');
    const rows = badRateByGrade(scored.map((r) => r.grade!), scored.map((r) => r.defaulted), WORST_FIRST);
    const merged = mergeSparseGrades(rows, MIN_PER_GRADE);
    const show = (rs: typeof rows): string => rs.map((r) => `${r.grade} ${r.bads}/${r.count}=${r.badRate === null ? '-' : (100 * r.badRate).toFixed(1) + '%'}`).join(' | ');
    console.log(`bad rate by grade: ${show(rows)}\nmerged (< ${MIN_PER_GRADE}): ${show(merged)}`);
    expect(merged.length).toBeGreaterThanOrEqual(3);
    expect(merged.every((r) => r.count >= MIN_PER_GRADE)).toBe(true);
    expect(merged.map((r) => r.grade)).toEqual(merged.map((r) => r.grades.join('+')));
    expect(fallsMonotonically(merged)).toBe(true);
    // The worst group's bad rate is well above the best group's.
    expect(merged[0]!.badRate!).toBeGreaterThan(2 * merged[merged.length - 1]!.badRate!);
  });
});
