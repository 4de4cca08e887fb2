import type { FieldValue } from '../../../src/profile/catalog/field.types';
import { assessSciTech, type SciTechAssessment } from '../../../src/scoring/sci-tech/sci-tech-assessment';
import { SCI_TECH_POLICIES, sciTechPolicyInForce, sciTechSections, validateSciTechPolicies, type SciTechPolicyVersion } from '../../../src/scoring/sci-tech/sci-tech-policies';

const policy = (id: string): SciTechPolicyVersion => SCI_TECH_POLICIES.find((p) => p.id === id)!;
const P2024 = policy('star-sci-tech-2024');
const P2021 = policy('star-sci-tech-2021');

const M = 100_000_000; // CNY 1m in fen

/** A profile that passes every 2024 criterion through its first measure only. */
const passing: Record<string, FieldValue> = {
  rd_intensity_3y: 0.06,
  rd_expense_3y: 10 * M,
  rd_staff_share: 0.2,
  valid_invention_patents: 9,
  revenue_cagr_3y: 0.3,
  annual_report_revenue_latest: 50 * M,
  vat_revenue_last_year: 48 * M,
};
const values = (over: Record<string, FieldValue> = {}) => new Map(Object.entries({ ...passing, ...over }));
const criterion = (a: SciTechAssessment, code: string) => a.criteria.find((c) => c.code === code)!;
const measure = (a: SciTechAssessment, code: string) => a.criteria.flatMap((c) => c.measures).find((m) => m.code === code)!;

describe('sci-tech policy versions', () => {
  it('picks the old thresholds the day before 2024-04-30 and the new ones on it', () => {
    expect(sciTechPolicyInForce('2024-04-29')!.id).toBe('star-sci-tech-2021');
    expect(sciTechPolicyInForce('2024-04-30')!.id).toBe('star-sci-tech-2024');
    expect(sciTechPolicyInForce('2026-10-01')!.id).toBe('star-sci-tech-2024');
    expect(sciTechPolicyInForce('2021-04-15')!.id).toBe('star-sci-tech-2020');
    expect(sciTechPolicyInForce('2021-04-16')!.id).toBe('star-sci-tech-2021');
    expect(sciTechPolicyInForce('2020-03-19')).toBeUndefined();
  });

  it('assesses one profile differently on either side of the 2024 boundary', () => {
    // 6 patents, R&D CNY 70m, CAGR 22%: enough under the 2021 rules, not under 2024's.
    const v = values({ rd_intensity_3y: 0.01, rd_expense_3y: 70 * M, valid_invention_patents: 6, revenue_cagr_3y: 0.22 });
    const before = assessSciTech(sciTechPolicyInForce('2024-04-29')!, v);
    const on = assessSciTech(sciTechPolicyInForce('2024-04-30')!, v);
    expect(before.outcome).toBe('MEETS');
    expect(on.outcome).toBe('DOES_NOT_MEET');
    expect(on.criteria.map((c) => [c.code, c.status])).toEqual([
      ['RD_INVESTMENT', 'FAIL'],
      ['RD_STAFF', 'PASS'],
      ['INVENTION_PATENTS', 'FAIL'],
      ['REVENUE_GROWTH', 'FAIL'],
    ]);
    expect(measure(before, 'RD_EXPENSE_3Y').threshold).toBe(60 * M);
    expect(measure(on, 'RD_EXPENSE_3Y').threshold).toBe(80 * M);
    expect(measure(on, 'VALID_INVENTION_PATENTS').threshold).toBe(7);
    expect(measure(on, 'REVENUE_CAGR_3Y').threshold).toBe(0.25);
  });

  it('names the criteria of each version: the 2020 one has no R&D staff criterion', () => {
    expect(policy('star-sci-tech-2020').criteria.map((c) => c.code)).toEqual(['RD_INVESTMENT', 'INVENTION_PATENTS', 'REVENUE_GROWTH']);
    expect(P2024.criteria.map((c) => c.code)).toEqual(['RD_INVESTMENT', 'RD_STAFF', 'INVENTION_PATENTS', 'REVENUE_GROWTH']);
    expect(sciTechSections(P2024)).toEqual(['tax', 'intellectual_property', 'talent', 'derived']);
    expect(sciTechSections(policy('star-sci-tech-2020'))).toEqual(['tax', 'intellectual_property', 'derived']);
  });

  it('rejects a malformed list at load, naming the version and the problem', () => {
    const bad = (edit: (v: SciTechPolicyVersion) => SciTechPolicyVersion, v = P2024) => () => validateSciTechPolicies([P2021, edit(v)]);
    expect(bad((v) => ({ ...v, effectiveFrom: '2021-04-16' }))).toThrow(/star-sci-tech-2024.*not after the previous version's 2021-04-16/);
    expect(bad((v) => ({ ...v, effectiveFrom: '2024-02-30' }))).toThrow(/not a YYYY-MM-DD calendar date/);
    expect(bad((v) => ({ ...v, id: P2021.id }))).toThrow(/repeats/);
    const withMeasure = (m: object) => (v: SciTechPolicyVersion) => ({ ...v, criteria: [{ ...v.criteria[0]!, anyOf: [{ ...v.criteria[0]!.anyOf[0]!, ...m }] }] });
    expect(bad(withMeasure({ fields: ['no_such_field'] }))).toThrow(/'no_such_field' is not a catalog field/);
    expect(bad(withMeasure({ fields: ['registered_name'] }))).toThrow(/not numeric/);
    expect(bad(withMeasure({ fields: ['rd_intensity_3y', 'rd_expense_3y'] }))).toThrow(/mix types/);
    expect(bad(withMeasure({ threshold: -1 }))).toThrow(/threshold -1/);
    expect(bad(withMeasure({ code: 'RD_EXPENSE_3Y', fields: ['rd_expense_3y'], threshold: 0.5 }))).toThrow(/whole number/);
    expect(() => validateSciTechPolicies([])).toThrow(/empty/);
    expect(validateSciTechPolicies(SCI_TECH_POLICIES)).toBe(SCI_TECH_POLICIES);
  });
});

describe('assessSciTech', () => {
  it('meets when every criterion passes, and names the policy and the fields used', () => {
    const a = assessSciTech(P2024, values());
    expect(a.outcome).toBe('MEETS');
    expect(a.policy.id).toBe('star-sci-tech-2024');
    expect(a.policy.effectiveFrom).toBe('2024-04-30');
    expect(a.fields).toEqual(['rd_intensity_3y', 'rd_expense_3y', 'rd_staff_share', 'valid_invention_patents', 'revenue_cagr_3y', 'annual_report_revenue_latest', 'vat_revenue_last_year']);
    expect(measure(a, 'RD_INTENSITY_3Y')).toEqual({ code: 'RD_INTENSITY_3Y', status: 'PASS', value: 0.06, threshold: 0.05, type: 'ratio', field: 'rd_intensity_3y', fields: ['rd_intensity_3y'] });
    expect(measure(a, 'REVENUE_LATEST')).toMatchObject({ status: 'FAIL', value: 50 * M, field: 'annual_report_revenue_latest', type: 'money' });
  });

  it.each([
    ['RD_INTENSITY_3Y', 'rd_intensity_3y', 0.05, 0.0499],
    ['RD_EXPENSE_3Y', 'rd_expense_3y', 8_000_000_000, 7_999_999_999],
    ['RD_STAFF_SHARE', 'rd_staff_share', 0.1, 0.0999],
    ['VALID_INVENTION_PATENTS', 'valid_invention_patents', 7, 6],
    ['REVENUE_CAGR_3Y', 'revenue_cagr_3y', 0.25, 0.2499],
    ['REVENUE_LATEST', 'annual_report_revenue_latest', 30_000_000_000, 29_999_999_999],
  ])('%s passes exactly at its threshold and fails just below it', (code, key, at, below) => {
    const others: Record<string, FieldValue> = { rd_intensity_3y: 0, rd_expense_3y: 0, rd_staff_share: 0, valid_invention_patents: 0, revenue_cagr_3y: 0, annual_report_revenue_latest: 0 };
    expect(measure(assessSciTech(P2024, values({ ...others, [key]: at })), code)).toMatchObject({ status: 'PASS', value: at, threshold: at });
    expect(measure(assessSciTech(P2024, values({ ...others, [key]: below })), code)).toMatchObject({ status: 'FAIL', value: below });
  });

  it('compares ratios at their stored 4-place precision', () => {
    expect(measure(assessSciTech(P2024, values({ rd_intensity_3y: 0.049999999 })), 'RD_INTENSITY_3Y').status).toBe('PASS');
    expect(measure(assessSciTech(P2024, values({ rd_intensity_3y: 0.04994 })), 'RD_INTENSITY_3Y')).toMatchObject({ status: 'FAIL', value: 0.0499 });
  });

  it('passes an OR-criterion on either measure, and fails it only when both fail', () => {
    const rd = (over: Record<string, FieldValue>) => criterion(assessSciTech(P2024, values(over)), 'RD_INVESTMENT');
    expect(rd({ rd_intensity_3y: 0.01, rd_expense_3y: 80 * M }).status).toBe('PASS');
    expect(rd({ rd_intensity_3y: 0.05, rd_expense_3y: 1 * M }).status).toBe('PASS');
    expect(rd({ rd_intensity_3y: 0.01, rd_expense_3y: 1 * M }).status).toBe('FAIL');
    const revenue = (over: Record<string, FieldValue>) => criterion(assessSciTech(P2024, values(over)), 'REVENUE_GROWTH');
    expect(revenue({ revenue_cagr_3y: -0.1, annual_report_revenue_latest: 300 * M }).status).toBe('PASS');
    expect(revenue({ revenue_cagr_3y: -1, annual_report_revenue_latest: 0 }).status).toBe('FAIL');
  });

  it('falls back to the VAT revenue when the annual report discloses none', () => {
    const a = assessSciTech(P2024, values({ revenue_cagr_3y: 0.1, annual_report_revenue_latest: null, vat_revenue_last_year: 310 * M }));
    expect(measure(a, 'REVENUE_LATEST')).toMatchObject({ status: 'PASS', value: 310 * M, field: 'vat_revenue_last_year', fields: ['annual_report_revenue_latest', 'vat_revenue_last_year'] });
    const none = assessSciTech(P2024, values({ revenue_cagr_3y: 0.1, annual_report_revenue_latest: null, vat_revenue_last_year: null }));
    expect(measure(none, 'REVENUE_LATEST')).toMatchObject({ status: 'UNKNOWN', value: null, field: null });
  });

  it('is UNKNOWN where data is missing: a passing measure still passes, a known failure still fails the whole', () => {
    // One OR-measure missing, the other failing: the criterion is unknown, not failed.
    const a = assessSciTech(P2024, values({ rd_intensity_3y: null, rd_expense_3y: 1 * M }));
    expect(criterion(a, 'RD_INVESTMENT').status).toBe('UNKNOWN');
    expect(a.outcome).toBe('INSUFFICIENT_DATA');
    // One OR-measure missing, the other passing: passes.
    expect(criterion(assessSciTech(P2024, values({ rd_intensity_3y: null, rd_expense_3y: 90 * M })), 'RD_INVESTMENT').status).toBe('PASS');
    // A missing single-measure criterion, plus a failure elsewhere: does not meet.
    const b = assessSciTech(P2024, values({ rd_staff_share: null, valid_invention_patents: 2 }));
    expect(criterion(b, 'RD_STAFF').status).toBe('UNKNOWN');
    expect(b.outcome).toBe('DOES_NOT_MEET');
    // Nothing known at all.
    const c = assessSciTech(P2024, new Map());
    expect(c.outcome).toBe('INSUFFICIENT_DATA');
    expect(c.criteria.every((x) => x.status === 'UNKNOWN')).toBe(true);
  });
});
