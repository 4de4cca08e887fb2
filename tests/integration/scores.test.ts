import { withStatementTally } from '../../src/db/statement-counter';
import { SECTIONS } from '../../src/profile/catalog/field.types';
import { rebuildEverything } from '../../src/profile/pipeline/refresh.service';
import { loadProfiles } from '../../src/profile/read/profile-read.service';
import { CURRENT_SCORECARD } from '../../src/scoring/models/scorecard-models';
import { scoreProfile } from '../../src/scoring/scorecard/score-profile';
import { scoreAsOf, scoresAsOf, loadScores, scoreHistoryPages } from '../../src/scoring/store/score-read.service';
import { storeScores } from '../../src/scoring/store/score-store';
import { createApiTestHub, type ApiTestHub } from '../support/api-hub';

/** Scores stored by the profile pipeline: one per profile, history on change only, and `asOf` reproduction. */
const AS_OF = '2026-10-01';
const LATER = '2026-12-15';

describe('stored enterprise scores', () => {
  let t: ApiTestHub;
  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await t.hub.runtime.db.query(sql, params)) as T[];
  const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await query<{ n: string | number }>(sql, params))[0]!.n);

  beforeAll(async () => {
    t = await createApiTestHub({ sandbox: { enterprises: 60 }, asOf: AS_OF });
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  it('scores every profile after a sync, and the newest history row of each is its current score', async () => {
    const profiles = await count('SELECT COUNT(*) AS n FROM enterprise_profile');
    expect(profiles).toBeGreaterThan(40);
    expect(await count('SELECT COUNT(*) AS n FROM enterprise_score')).toBe(profiles);
    expect(await count('SELECT COUNT(*) AS n FROM enterprise_profile p LEFT JOIN enterprise_score s ON s.uscc = p.uscc WHERE s.uscc IS NULL')).toBe(0);
    // Each sync run recomputes the profiles it touched; a score changes as more sources arrive, so an
    // enterprise has one history row or more, the newest equal to its current score, no two in a row alike.
    expect(await count('SELECT COUNT(DISTINCT uscc) AS n FROM enterprise_score_history')).toBe(profiles);
    const history = await query<{ uscc: string; model_version: string; input_hash: string }>('SELECT uscc, model_version, input_hash FROM enterprise_score_history ORDER BY uscc, id');
    for (let i = 1; i < history.length; i++) {
      if (history[i]!.uscc === history[i - 1]!.uscc) expect(history[i]!.input_hash).not.toBe(history[i - 1]!.input_hash);
    }
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM enterprise_score s JOIN enterprise_score_history h ON h.id = (SELECT MAX(id) FROM enterprise_score_history x WHERE x.uscc = s.uscc) WHERE h.input_hash = s.input_hash AND h.model_version = s.model_version AND h.score <=> s.score',
      ),
    ).toBe(profiles);
    expect(await count("SELECT COUNT(*) AS n FROM enterprise_score WHERE as_of = ? AND model_version = ?", [AS_OF, CURRENT_SCORECARD.modelVersion])).toBe(profiles);
    expect(await count("SELECT COUNT(*) AS n FROM enterprise_score WHERE status = 'SCORED' AND score BETWEEN 300 AND 850 AND grade IS NOT NULL")).toBeGreaterThan(0);
  });

  it('stores what scoreProfile gives for the stored profile row', async () => {
    const usccs = (await query<{ uscc: string }>('SELECT uscc FROM enterprise_score ORDER BY uscc')).map((r) => r.uscc);
    const [profiles, scores] = await Promise.all([loadProfiles(t.hub.runtime.db, usccs, SECTIONS), loadScores(t.hub.runtime.db, usccs)]);
    for (const uscc of usccs) {
      const direct = scoreProfile(CURRENT_SCORECARD, profiles.get(uscc)!.values);
      const stored = scores.get(uscc)!;
      expect({ uscc, status: stored.status, hash: stored.inputHash }).toEqual({ uscc, status: direct.status, hash: direct.inputHash });
      if (direct.status === 'SCORED') {
        expect(stored).toMatchObject({ score: direct.score, grade: direct.grade, probabilityOfDefault: direct.probabilityOfDefault, logOdds: direct.logOdds, subScores: direct.subScores, reasons: direct.reasons });
      } else {
        expect(stored).toMatchObject({ score: null, grade: null, missing: direct.missing, present: direct.present });
      }
    }
  });

  it('a rebuild with the same inputs adds no history; one as of a later date adds a row exactly where the inputs changed', async () => {
    const before = await query<{ uscc: string; input_hash: string }>('SELECT uscc, input_hash FROM enterprise_score');
    const historyBefore = await count('SELECT COUNT(*) AS n FROM enterprise_score_history');
    await rebuildEverything(t.hub.runtime.db, { asOf: AS_OF, batchSize: 17 });
    expect(await count('SELECT COUNT(*) AS n FROM enterprise_score_history')).toBe(historyBefore);

    await rebuildEverything(t.hub.runtime.db, { asOf: LATER, batchSize: 17 });
    const after = new Map((await query<{ uscc: string; input_hash: string }>('SELECT uscc, input_hash FROM enterprise_score')).map((r) => [r.uscc, r.input_hash]));
    const changed = before.filter((b) => after.get(b.uscc) !== b.input_hash).map((b) => b.uscc).sort();
    expect(changed.length).toBeGreaterThan(0); // ages, 12-month windows and late payments move between the dates
    expect(await count('SELECT COUNT(*) AS n FROM enterprise_score_history')).toBe(historyBefore + changed.length);
    const added = (await query<{ uscc: string }>('SELECT uscc FROM enterprise_score_history WHERE as_of = ? ORDER BY uscc', [LATER])).map((r) => r.uscc);
    expect(added).toEqual(changed);
    expect(await count('SELECT COUNT(*) AS n FROM enterprise_score WHERE as_of <> ?', [LATER])).toBe(0);
  }, 300_000);

  it('scoreAsOf reproduces a score stored earlier exactly: same score, grade, reasons and input hash', async () => {
    // The last score stored as of AS_OF, once every source had synced (earlier rows of the sync saw fewer records).
    const earlier = await query<{ uscc: string; input_hash: string }>(
      'SELECT h.uscc, h.input_hash FROM enterprise_score_history h WHERE h.id = (SELECT MAX(id) FROM enterprise_score_history x WHERE x.uscc = h.uscc AND x.as_of = ?) ORDER BY h.uscc',
      [AS_OF],
    );
    const usccs = earlier.map((e) => e.uscc);
    const pages = await scoreHistoryPages(t.hub.runtime.db, usccs, { afterId: null, limit: 100 });
    const batched = await scoresAsOf(t.hub.runtime.db, usccs, AS_OF);
    for (const uscc of usccs.slice(0, 12)) {
      const stored = pages.get(uscc)!.scores.find((s) => s.asOf === AS_OF)!;
      const again = await scoreAsOf(t.hub.runtime.db, uscc, AS_OF);
      const pick = (s: typeof stored) => ({ status: s.status, score: s.score, grade: s.grade, pd: s.probabilityOfDefault, reasons: s.reasons, subScores: s.subScores, missing: s.missing, hash: s.inputHash, model: s.modelVersion, asOf: s.asOf });
      expect(pick(again)).toEqual(pick(stored));
      expect(pick(batched.get(uscc)!)).toEqual(pick(stored));
    }
    for (const e of earlier) expect({ uscc: e.uscc, hash: batched.get(e.uscc)!.inputHash }).toEqual({ uscc: e.uscc, hash: e.input_hash });
  }, 120_000);

  it('refuses a date before the first model, naming the argument', async () => {
    const [{ uscc }] = await query<{ uscc: string }>('SELECT uscc FROM enterprise_score LIMIT 1');
    await expect(scoreAsOf(t.hub.runtime.db, uscc, '2019-12-31')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/asOf 2019-12-31 is before the first scorecard model/) });
  });

  it('writes a batch of scores in bulk: the same statements for 50 profiles as for 2', async () => {
    const rows = (await query<{ uscc: string }>('SELECT uscc FROM enterprise_profile ORDER BY uscc LIMIT 50')).map((r) => r.uscc);
    const profiles = await loadProfiles(t.hub.runtime.db, rows, SECTIONS);
    const run = async (n: number, asOf: string) => {
      const tally = { statements: 0 };
      const batch = rows.slice(0, n).map((u) => ({ uscc: u, values: profiles.get(u)!.values }));
      const counts = await withStatementTally(tally, () => storeScores(t.hub.runtime.db, batch, { asOf, computedAt: new Date() }));
      return { statements: tally.statements, counts };
    };
    // The stored values scored again (the hash covers the model version and the values only): no history.
    const two = await run(2, LATER);
    const fifty = await run(50, LATER);
    expect(two.counts).toEqual({ scored: 2, changed: 0 });
    expect(fifty.counts).toEqual({ scored: 50, changed: 0 });
    expect(fifty.statements).toBe(two.statements);
    expect(fifty.statements).toBeLessThanOrEqual(3);
  });
});
