import { createHash } from 'node:crypto';
import type { FieldValue } from '../../../src/profile/catalog/field.types';
import { HubError } from '../../../src/errors/hub-error';
import { CURRENT_SCORECARD, scorecardModel } from '../../../src/scoring/models/scorecard-models';
import { binOf, scoreProfile, type InsufficientData, type Scored, type ScoreResult } from '../../../src/scoring/scorecard/score-profile';
import { loadScorecardModel, type ScorecardModel } from '../../../src/scoring/scorecard/scorecard-model';

/**
 * A six-characteristic model for arithmetic by hand: base 350 plus 50 points for each characteristic
 * in its best bin, 0 otherwise (nulls 0), so scores are 350, 400, … 650.
 */
function tinyModelSpec(): Record<string, unknown> {
  const reason = (code: string) => ({ code, zh: `测试原因${code}`, en: `Test reason ${code}` });
  const nullBin = (code: string) => ({ when: { kind: 'null' }, points: 0, reason: reason(code) });
  const range = (min: number | null, max: number | null, points: number, code: string | null) => ({ when: { kind: 'range', min, max }, points, reason: code === null ? null : reason(code) });
  return {
    modelVersion: 'scorecard-1999.1',
    effectiveFrom: '1999-01-01',
    description: 'Test model',
    scaling: { points0: 600, odds0: 19, pdo: 50 },
    basePoints: 350,
    scoreRange: { min: 350, max: 650 },
    minimumPresent: 3,
    grades: [
      { grade: 'A', minScore: 600, zh: '好', en: 'Good' },
      { grade: 'B', minScore: null, zh: '差', en: 'Poor' },
    ],
    characteristics: [
      { field: 'age_months', dimension: 'OPERATIONS', required: true, direction: 'HIGHER_IS_BETTER', bins: [range(null, 12, 0, 'T_YOUNG'), range(12, null, 50, null)] },
      {
        field: 'tax_credit_grade_latest',
        dimension: 'TAX',
        required: false,
        direction: null,
        bins: [nullBin('T_GRADE_NONE'), { when: { kind: 'in', values: ['A', 'B'] }, points: 50, reason: null }, { when: { kind: 'in', values: ['M', 'C', 'D'] }, points: 0, reason: reason('T_GRADE_LOW') }],
      },
      {
        field: 'on_abnormal_operation_list',
        dimension: 'COMPLIANCE',
        required: false,
        direction: null,
        bins: [nullBin('T_ABN_NONE'), { when: { kind: 'is', value: false }, points: 50, reason: null }, { when: { kind: 'is', value: true }, points: 0, reason: reason('T_ABN') }],
      },
      { field: 'valid_invention_patents', dimension: 'INNOVATION', required: false, direction: 'HIGHER_IS_BETTER', bins: [nullBin('T_PAT_NONE'), range(null, 1, 0, 'T_NO_PAT'), range(1, null, 50, null)] },
      { field: 'insured_employees', dimension: 'TALENT', required: false, direction: 'HIGHER_IS_BETTER', bins: [nullBin('T_EMP_NONE'), range(null, 10, 0, 'T_FEW_EMP'), range(10, null, 50, null)] },
      { field: 'loan_defaults_36m', dimension: 'FINANCING', required: false, direction: 'LOWER_IS_BETTER', bins: [nullBin('T_DEF_NONE'), range(null, 1, 50, null), range(1, null, 0, 'T_DEFAULT')] },
    ],
  };
}

const model = CURRENT_SCORECARD;
const tiny = loadScorecardModel(tinyModelSpec());

function scored(r: ScoreResult): Scored {
  if (r.status !== 'SCORED') throw new Error(`expected a score, got ${JSON.stringify(r)}`);
  return r;
}
function insufficient(r: ScoreResult): InsufficientData {
  if (r.status !== 'INSUFFICIENT_DATA') throw new Error(`expected INSUFFICIENT_DATA, got status ${r.status}`);
  return r;
}
const values = (o: Record<string, FieldValue>): Map<string, FieldValue> => new Map(Object.entries(o));
const pointsOf = (m: ScorecardModel, field: string, value: FieldValue) => binOf(m.characteristics.find((c) => c.field === field)!, value).points;

/** Every characteristic of scorecard-2026.1 in its best bin. */
const STRONG: Record<string, FieldValue> = {
  age_months: 150, // ≥ 120: 30
  electricity_months_billed_12m: 12, // ≥ 12: 30
  electricity_kwh_yoy_growth: 0.12, // ≥ 5%: 20
  utility_late_payments_12m: 0, // 30
  tax_paid_12m: 300_000_000, // CNY 3m ≥ CNY 2m: 35
  vat_revenue_yoy_growth: 0.25, // ≥ 10%: 20
  tax_credit_grade_latest: 'A', // 45
  late_tax_filings_12m: 0, // 30
  tax_arrears_outstanding_amount: 0, // 40
  admin_penalties_36m: 0, // 30
  on_abnormal_operation_list: false, // 40
  valid_invention_patents: 9, // ≥ 7: 25
  rd_intensity_3y: 0.08, // ≥ 5%: 20
  insured_employees: 80, // ≥ 50: 25
  insured_employees_growth_yoy: 0.15, // ≥ 10%: 20
  loan_overdue_events_12m: 0, // 45
  loan_defaults_36m: 0, // 65
};

describe('scorecard scaling (600 points at 19:1 good:bad, PDO 50)', () => {
  it('derives factor = 50 / ln 2 and offset = 600 − factor × ln 19', () => {
    // factor = 50 / 0.693147 = 72.1348; offset = 600 − 72.1348 × 2.944439 = 600 − 212.3964 = 387.6036
    expect(model.factor).toBeCloseTo(72.1348, 4);
    expect(model.offset).toBeCloseTo(387.6036, 4);
  });

  it('gives odds 19:1 (PD 5%) at 600 points and doubles the odds for every 50 points more', () => {
    // tiny model: 350 base + 50 per characteristic in its best bin; age ≥ 12 months is required.
    const five = { age_months: 24, tax_credit_grade_latest: 'A', on_abnormal_operation_list: false, valid_invention_patents: 2, insured_employees: 15, loan_defaults_36m: 3 };
    const at600 = scored(scoreProfile(tiny, values(five))); // 350 + 5 × 50 (defaults ≥ 1: 0)
    expect(at600.score).toBe(600);
    expect(Math.exp(at600.logOdds)).toBeCloseTo(19, 10); // ln odds = (600 − 387.6036) / 72.1348 = 2.944439 = ln 19
    expect(at600.probabilityOfDefault).toBeCloseTo(1 / 20, 12); // 1 / (1 + 19) = 0.05

    const at650 = scored(scoreProfile(tiny, values({ ...five, loan_defaults_36m: 0 }))); // + 50
    expect(at650.score).toBe(650);
    expect(Math.exp(at650.logOdds)).toBeCloseTo(38, 10); // 19 × 2
    expect(at650.probabilityOfDefault).toBeCloseTo(1 / 39, 12);

    const at550 = scored(scoreProfile(tiny, values({ ...five, valid_invention_patents: 0 }))); // − 50
    expect(at550.score).toBe(550);
    expect(Math.exp(at550.logOdds)).toBeCloseTo(9.5, 10); // 19 / 2
    expect(at650.logOdds - at600.logOdds).toBeCloseTo(Math.LN2, 12);
  });

  it('keeps every achievable score of scorecard-2026.1 in 300–850', () => {
    // base 300; Σ worst bins = 0 (every characteristic's worst bin scores 0); Σ best bins = 550
    expect(model.characteristics.reduce((s, c) => s + c.minPoints, 0)).toBe(0);
    expect(model.basePoints + model.characteristics.reduce((s, c) => s + c.maxPoints, 0)).toBe(850);
    expect(model.characteristics).toHaveLength(17);
  });
});

describe('bins at their exact boundaries (half-open: min ≤ value < max)', () => {
  it.each<[string, FieldValue, number]>([
    ['age_months', 11, 0], // [−∞, 12)
    ['age_months', 12, 10], // [12, 36) opens at 12
    ['age_months', 119, 25],
    ['age_months', 120, 30],
    ['tax_paid_12m', 0, 5], // CNY 0
    ['tax_paid_12m', 1, 12], // 1 fen
    ['tax_paid_12m', 9_999_999, 12], // CNY 99,999.99
    ['tax_paid_12m', 10_000_000, 22], // CNY 100,000
    ['tax_paid_12m', 200_000_000, 35], // CNY 2m
    ['tax_paid_12m', null, 0], // no declaration: null bin
    ['rd_intensity_3y', 0.0499, 15],
    ['rd_intensity_3y', 0.05, 20], // STAR-market 5%
    ['electricity_kwh_yoy_growth', -0.3001, 0],
    ['electricity_kwh_yoy_growth', -0.3, 8], // [−30%, −10%)
    ['electricity_kwh_yoy_growth', 0.05, 20],
    ['insured_employees_growth_yoy', 0, 14], // [0, 10%)
    ['insured_employees_growth_yoy', -0.0001, 8],
    ['utility_late_payments_12m', 0, 30],
    ['utility_late_payments_12m', 1, 20],
    ['utility_late_payments_12m', 3, 10],
    ['utility_late_payments_12m', 4, 0],
    ['loan_defaults_36m', 1, 10],
    ['loan_defaults_36m', 2, 0],
    ['tax_credit_grade_latest', 'M', 25],
    ['tax_credit_grade_latest', null, 20],
    ['on_abnormal_operation_list', true, 0],
    ['on_abnormal_operation_list', false, 40],
  ])('%s = %p scores %d', (field, value, points) => {
    expect(pointsOf(model, field, value)).toBe(points);
  });
});

describe('scoreProfile', () => {
  it('scores a strong profile 850 (AAA) with no reasons', () => {
    const r = scored(scoreProfile(model, values(STRONG)));
    // 300 + 30+30+20+30 + 35+20+45+30+40 + 30+40 + 25+20 + 25+20 + 45+65 = 300 + 550
    expect(r.score).toBe(850);
    expect(r.grade).toBe('AAA');
    // odds = 19 × 2^((850 − 600) / 50) = 19 × 32 = 608; PD = 1 / 609
    expect(Math.exp(r.logOdds)).toBeCloseTo(608, 8);
    expect(r.probabilityOfDefault).toBeCloseTo(1 / 609, 12);
    expect(r.reasons).toEqual([]);
    expect(r.subScores.map((s) => [s.dimension, s.points, s.maxPoints, s.share])).toEqual([
      ['OPERATIONS', 110, 110, 1],
      ['TAX', 170, 170, 1],
      ['COMPLIANCE', 70, 70, 1],
      ['INNOVATION', 45, 45, 1],
      ['TALENT', 45, 45, 1],
      ['FINANCING', 110, 110, 1],
    ]);
    expect(r.modelVersion).toBe('scorecard-2026.1');
  });

  it('names what a nearly strong profile lost, most points first', () => {
    // grade B: 35 (−10); 30 insured: 18 (−7); VAT growth 5%: 14 (−6); 850 − 23 = 827
    const r = scored(scoreProfile(model, values({ ...STRONG, tax_credit_grade_latest: 'B', insured_employees: 30, vat_revenue_yoy_growth: 0.05 })));
    expect(r.score).toBe(827);
    expect(r.grade).toBe('AAA');
    expect(r.reasons.map((x) => [x.code, x.field, x.value, x.pointsLost])).toEqual([
      ['TAX_GRADE_B', 'tax_credit_grade_latest', 'B', 10],
      ['SMALL_INSURED_WORKFORCE', 'insured_employees', 30, 7],
      ['REVENUE_FLAT', 'vat_revenue_yoy_growth', 0.05, 6],
    ]);
    expect(r.reasons[0]).toMatchObject({ zh: '最新纳税信用等级为B级', en: 'Latest tax credit grade is B' });
  });

  it('scores a weak profile 431 (C) and gives its top 4 reasons in order', () => {
    const weak = {
      age_months: 20, // 10 (lost 20)
      electricity_months_billed_12m: 8, // 12 (lost 18)
      electricity_kwh_yoy_growth: -0.35, // 0 (lost 20)
      utility_late_payments_12m: 3, // 10 (lost 20)
      tax_paid_12m: 2_000_000, // CNY 20,000: 12 (lost 23)
      vat_revenue_yoy_growth: -0.2, // 7 (lost 13)
      tax_credit_grade_latest: 'C', // 10 (lost 35), 7th characteristic
      late_tax_filings_12m: 2, // 10 (lost 20)
      tax_arrears_outstanding_amount: 5_000_000, // CNY 50,000: 10 (lost 30)
      admin_penalties_36m: 1, // 20 (lost 10)
      on_abnormal_operation_list: true, // 0 (lost 40)
      valid_invention_patents: 0, // 0 (lost 25)
      rd_intensity_3y: null, // null bin 0 (lost 20)
      insured_employees: 4, // 10 (lost 15)
      insured_employees_growth_yoy: -0.25, // 0 (lost 20)
      loan_overdue_events_12m: 2, // 10 (lost 35), 16th characteristic
      loan_defaults_36m: 1, // 10 (lost 55)
    };
    const r = scored(scoreProfile(model, values(weak)));
    // points 10+12+0+10 + 12+7+10+10+10 + 20+0 + 0+0 + 10+0 + 10+10 = 131; 300 + 131 = 431
    expect(r.score).toBe(431);
    expect(r.grade).toBe('C'); // < 540
    // odds = 19 × 2^((431 − 600) / 50) = 19 × 2^−3.38 = 19 × 0.0960547 = 1.825039; PD = 1 / 2.825039 = 0.353977
    expect(Math.exp(r.logOdds)).toBeCloseTo(19 * 2 ** -3.38, 10);
    expect(r.probabilityOfDefault).toBeCloseTo(0.353977, 5);
    // 55, 40, then a tie at 35 broken by model order (tax grade before overdues)
    expect(r.reasons.map((x) => [x.code, x.pointsLost])).toEqual([
      ['LOAN_DEFAULT', 55],
      ['ABNORMAL_OPERATION_LISTED', 40],
      ['TAX_GRADE_C', 35],
      ['LOAN_OVERDUES', 35],
    ]);
    expect(r.reasons.map((x) => x.code)).not.toContain('SCORE_BELOW_POLICY');
    // OPERATIONS 32/110 = 0.2909; TAX 49/170 = 0.2882; COMPLIANCE 20/70; INNOVATION 0/45; TALENT 10/45; FINANCING 20/110
    expect(r.subScores.map((s) => [s.dimension, s.points, s.share])).toEqual([
      ['OPERATIONS', 32, 0.2909],
      ['TAX', 49, 0.2882],
      ['COMPLIANCE', 20, 0.2857],
      ['INNOVATION', 0, 0],
      ['TALENT', 10, 0.2222],
      ['FINANCING', 20, 0.1818],
    ]);
    expect(r.subScores.find((s) => s.dimension === 'INNOVATION')).toMatchObject({ characteristics: 2, present: 1 });
    expect(r.characteristics.find((c) => c.field === 'rd_intensity_3y')).toEqual({ field: 'rd_intensity_3y', value: null, points: 0, pointsLost: 20 });
  });

  it('answers INSUFFICIENT_DATA with what is missing when fewer than 9 characteristics have data', () => {
    // 8 present: age, 4 tax, 2 compliance, patents
    const eight = { age_months: 40, tax_paid_12m: 0, tax_credit_grade_latest: 'M', late_tax_filings_12m: 0, tax_arrears_outstanding_amount: 0, admin_penalties_36m: 0, on_abnormal_operation_list: false, valid_invention_patents: 0 };
    const r = insufficient(scoreProfile(model, values(eight)));
    expect(r).toMatchObject({ modelVersion: 'scorecard-2026.1', present: 8, minimumPresent: 9 });
    expect(r.missing.map((m) => m.field)).toEqual([
      'electricity_months_billed_12m',
      'electricity_kwh_yoy_growth',
      'utility_late_payments_12m',
      'vat_revenue_yoy_growth',
      'rd_intensity_3y',
      'insured_employees',
      'insured_employees_growth_yoy',
      'loan_overdue_events_12m',
      'loan_defaults_36m',
    ]);
    expect(r.missing[0]).toEqual({ field: 'electricity_months_billed_12m', zh: '近12个月有电费账单的月数', en: 'Months of the last 12 with at least one power bill', dimension: 'OPERATIONS', required: false });
    expect(r).not.toHaveProperty('score');

    // one more (9 present) is enough: nulls take their null bins
    const nine = scored(scoreProfile(model, values({ ...eight, loan_defaults_36m: 0 })));
    expect(nine.score).toBe(
      300 + 18 + 10 + 8 + 12 + 5 + 8 + 25 + 30 + 40 + 30 + 40 + 0 + 0 + 3 + 8 + 20 + 65, // 622
    );
    expect(nine.score).toBe(622);
  });

  it('answers INSUFFICIENT_DATA when the required age is missing, however much else is known', () => {
    const r = insufficient(scoreProfile(model, values({ ...STRONG, age_months: null })));
    expect(r.present).toBe(16);
    expect(r.missing).toEqual([{ field: 'age_months', zh: '成立月数（截至评估日）', en: 'Age in whole months at the as-of date', dimension: 'OPERATIONS', required: true }]);
    const absent = values(STRONG);
    absent.delete('age_months');
    expect(insufficient(scoreProfile(model, absent)).inputHash).toBe(r.inputHash);
  });

  it('rejects a value of the wrong type with BAD_USER_INPUT naming the field', () => {
    expect(() => scoreProfile(model, values({ ...STRONG, tax_paid_12m: '300' }))).toThrow(HubError);
    expect(() => scoreProfile(model, values({ ...STRONG, tax_paid_12m: '300' }))).toThrow(/tax_paid_12m.*finite number/);
    expect(() => scoreProfile(model, values({ ...STRONG, on_abnormal_operation_list: 0 }))).toThrow(/on_abnormal_operation_list.*boolean/);
  });
});

describe('input hash', () => {
  it('is sha256 of the canonical JSON of the model version and the model’s input values', () => {
    const v = { age_months: 24, tax_credit_grade_latest: 'A', on_abnormal_operation_list: false, valid_invention_patents: 2, insured_employees: null, loan_defaults_36m: 0 };
    const canonical =
      '{"inputs":{"age_months":24,"insured_employees":null,"loan_defaults_36m":0,"on_abnormal_operation_list":false,"tax_credit_grade_latest":"A","valid_invention_patents":2},"modelVersion":"scorecard-1999.1"}';
    const hash = createHash('sha256').update(canonical).digest('hex');
    expect(scored(scoreProfile(tiny, values(v))).inputHash).toBe(hash);
  });

  it('is stable for the same inputs, whatever their order and whatever other fields come along', () => {
    const a = scored(scoreProfile(model, values(STRONG))).inputHash;
    const reversed = new Map([...values(STRONG)].reverse());
    reversed.set('registered_name', '济南示例科技有限公司'); // not read by the model
    expect(scoreProfile(model, reversed).inputHash).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when one value changes, even when the score does not', () => {
    const a = scored(scoreProfile(model, values(STRONG)));
    const b = scored(scoreProfile(model, values({ ...STRONG, insured_employees: 81 })));
    expect(b.score).toBe(a.score);
    expect(b.inputHash).not.toBe(a.inputHash);
  });

  it('changes with the model version', () => {
    const other = loadScorecardModel({ ...tinyModelSpec(), modelVersion: 'scorecard-1999.2' });
    const v = values({ age_months: 24, tax_credit_grade_latest: 'A', on_abnormal_operation_list: false, valid_invention_patents: 2, insured_employees: 15, loan_defaults_36m: 0 });
    expect(scoreProfile(other, v).inputHash).not.toBe(scoreProfile(tiny, v).inputHash);
  });
});

describe('model registry', () => {
  it('finds a model by its version', () => {
    expect(scorecardModel('scorecard-2026.1')).toBe(CURRENT_SCORECARD);
    expect(scorecardModel('scorecard-1990.1')).toBeUndefined();
  });
});
