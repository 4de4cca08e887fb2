import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fieldByKey } from '../../../src/profile/catalog/catalog';
import { loadScorecardModel, ScorecardModelError } from '../../../src/scoring/scorecard/scorecard-model';

const FILE = path.resolve(__dirname, '..', '..', '..', 'src', 'scoring', 'models', 'scorecard-2026.1.json');
/** A fresh, mutable copy of the committed model file. */
const spec = (): any => JSON.parse(readFileSync(FILE, 'utf8'));
const charOf = (s: any, field: string): any => s.characteristics.find((c: any) => c.field === field);

/** The issues a broken model is rejected with. */
function issuesOf(raw: unknown): readonly string[] {
  try {
    loadScorecardModel(raw, 'test');
  } catch (e) {
    if (e instanceof ScorecardModelError) return e.issues;
    throw e;
  }
  throw new Error('the model loaded, but it should have been rejected');
}

describe('scorecard model validation', () => {
  it('accepts the committed model: catalog fields, 12–18 characteristics, every dimension', () => {
    const m = loadScorecardModel(spec());
    expect(m.characteristics.length).toBeGreaterThanOrEqual(12);
    expect(m.characteristics.length).toBeLessThanOrEqual(18);
    for (const c of m.characteristics) expect(fieldByKey(c.field)).toBe(c.def);
    expect(new Set(m.characteristics.map((c) => c.dimension))).toEqual(new Set(['OPERATIONS', 'TAX', 'COMPLIANCE', 'INNOVATION', 'TALENT', 'FINANCING']));
    expect(m.digest).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reports shape errors with their path (zod)', () => {
    const s = spec();
    s.characteristics[0].bins[0].points = -5;
    s.characteristics[1].dimension = 'MARKETING';
    s.extra = true;
    const issues = issuesOf(s);
    expect(issues).toEqual(expect.arrayContaining([expect.stringMatching(/^characteristics\.0\.bins\.0\.points: /), expect.stringMatching(/^characteristics\.1\.dimension: /), expect.stringMatching(/^\(root\): .*extra/)]));
    expect(issuesOf({ ...spec(), modelVersion: 'v1' })).toEqual([expect.stringMatching(/^modelVersion: .*scorecard-2026\.1/)]);
  });

  it('rejects a field that is not in the catalog', () => {
    const s = spec();
    charOf(s, 'tax_paid_12m').field = 'tax_paid_last_year';
    expect(issuesOf(s)).toContain("characteristics.4 (tax_paid_last_year): 'tax_paid_last_year' is not a profile catalog field");
  });

  it('rejects points that are not monotonic in risk', () => {
    const s = spec();
    charOf(s, 'loan_defaults_36m').bins[3].points = 20; // 2+ defaults above 1 default (10)
    expect(issuesOf(s)).toEqual([expect.stringContaining('loan_defaults_36m): points must not rise as the value rises (LOWER_IS_BETTER): 10 then 20 from 2')]);
  });

  it('rejects range bins with a gap, an overlap or an open end', () => {
    const gap = spec();
    charOf(gap, 'age_months').bins[1].when.min = 13; // [−∞,12) then [13,36)
    expect(issuesOf(gap)).toEqual([expect.stringContaining('age_months): range bins must be contiguous and ascending: [null, 12) is followed by [13, 36)')]);
    const closed = spec();
    charOf(closed, 'age_months').bins[4].when.max = 600;
    expect(issuesOf(closed)).toEqual([expect.stringContaining('the last range bin must end at +∞ (max null), found 600')]);
  });

  it('rejects a bin below the best without a reason, and a reason code shared by two characteristics', () => {
    const s = spec();
    charOf(s, 'age_months').bins[0].reason = null;
    charOf(s, 'admin_penalties_36m').bins[2].reason.code = 'TAX_ARREARS';
    expect(issuesOf(s)).toEqual([
      'characteristics.0 (age_months).bins.0: scores 0 < best 30 points but has no reason',
      "characteristics.9 (admin_penalties_36m).bins.2: reason code TAX_ARREARS is already used by 'tax_arrears_outstanding_amount'",
    ]);
  });

  it('rejects enum bins that leave a value out or name one the field cannot take', () => {
    const s = spec();
    const grade = charOf(s, 'tax_credit_grade_latest');
    grade.bins = grade.bins.filter((b: any) => !(b.when.kind === 'in' && b.when.values.includes('D')));
    grade.bins[1].when.values = ['A', 'AA'];
    expect(issuesOf(s)).toEqual([expect.stringContaining('values the field cannot take: AA'), expect.stringContaining('values in no bin: D')]);
  });

  it('requires a null bin on every optional characteristic and none on a required one', () => {
    const s = spec();
    const growth = charOf(s, 'vat_revenue_yoy_growth');
    growth.bins = growth.bins.filter((b: any) => b.when.kind !== 'null');
    charOf(s, 'age_months').bins.unshift({ when: { kind: 'null' }, points: 0, reason: { code: 'AGE_UNKNOWN', zh: '成立日期未知', en: 'Age unknown' } });
    expect(issuesOf(s)).toEqual([
      'characteristics.0 (age_months): a required characteristic has no null bin (no data means INSUFFICIENT_DATA)',
      'characteristics.5 (vat_revenue_yoy_growth): needs exactly one null bin (how an enterprise without this data scores), found 0',
    ]);
  });

  it('rejects bins of the wrong kind for the field type', () => {
    const s = spec();
    charOf(s, 'on_abnormal_operation_list').bins[1].when = { kind: 'range', min: null, max: 1 };
    expect(issuesOf(s)).toEqual([expect.stringContaining("a boolean field takes 'is' bins (plus one null bin), found range, is")]);
  });

  it('rejects grades that do not descend and a score range the points leave', () => {
    const s = spec();
    s.grades[2].minScore = 760; // AA is 740
    s.basePoints = 320; // 320–870
    expect(issuesOf(s)).toEqual(["grades.2 (A): minScore 760 must be below AA's 740", 'scoreRange: achievable scores 320–870 fall outside 300–850']);
  });

  it('rejects a minimum that no profile could meet', () => {
    expect(issuesOf({ ...spec(), minimumPresent: 18 })).toEqual(['minimumPresent 18 exceeds the 17 characteristics']);
  });
});
