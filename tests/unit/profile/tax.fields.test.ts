import { TAX_FIELDS } from '../../../src/profile/catalog/sections/tax.fields';
import { addMonthsToPeriod } from '../../../src/profile/derive/calendar';
import { deriveProfile } from '../../../src/profile/derive/derive-profile';
import type {
  AnnualReportRecord,
  CreditGradeRecord,
  DeclarationRecord,
  EnterpriseRecords,
  RdDeductionRecord,
} from '../../../src/profile/derive/enterprise-records';
import { dueMonths, lastDueMonth } from '../../../src/profile/derive/tax-declarations';
import { latestDueQuarterEnd } from '../../../src/profile/derive/tax-quarters';
import { bundle, deriveOne, rec, TEST_USCC } from '../../support/profile-records';

const AS_OF = '2026-10-01';

/** Periods from `from` to `to`, inclusive, every `step` months. */
function periods(from: string, to: string, step = 1): string[] {
  const out: string[] = [];
  for (let p = from; p <= to; p = addMonthsToPeriod(p, step)) out.push(p);
  return out;
}

function decl(type: 'VAT' | 'CIT', period: string, revenueYuan: string, paidYuan: string, filedOn?: string): DeclarationRecord {
  const next = addMonthsToPeriod(period, 1);
  const filed = filedOn ?? `${next}-10`;
  return rec('tax', 'declarations', {
    declaration_id: `${TEST_USCC}-${type}-${period.replace('-', '')}`,
    taxpayer_id: TEST_USCC,
    taxpayer_name: '济南测试科技有限公司',
    period,
    tax_type: type,
    taxable_revenue_yuan: revenueYuan,
    tax_paid_yuan: paidYuan,
    zero_declaration: Number(revenueYuan) === 0,
    due_on: `${next}-15`,
    filed_on: filed,
    late: filed > `${next}-15`,
    updated_at: `${filed}T03:00:00.000Z`,
  });
}

function grade(year: number, g: CreditGradeRecord['data']['grade'], points: number, publishedOn: string): CreditGradeRecord {
  return rec('tax', 'credit_grades', {
    grade_id: `${TEST_USCC}-${year}`,
    taxpayer_id: TEST_USCC,
    year,
    grade: g,
    points,
    published_on: publishedOn,
    updated_at: `${publishedOn}T03:00:00.000Z`,
  });
}

function rd(year: number, expenseYuan: string, filedOn: string, superYuan = expenseYuan): RdDeductionRecord {
  return rec('tax', 'rd_deductions', {
    deduction_id: `${TEST_USCC}-RD${year}`,
    taxpayer_id: TEST_USCC,
    year,
    rd_expense_yuan: expenseYuan,
    super_deduction_yuan: superYuan,
    rd_staff: 3,
    total_staff: 20,
    filed_on: filedOn,
    updated_at: `${filedOn}T03:00:00.000Z`,
  });
}

function report(year: number, filedOn: string, revenueWan: string | null, assetsWan: string): AnnualReportRecord {
  return rec('market-regulation', 'annual_reports', {
    report_id: `${TEST_USCC}-NB${year}`,
    uscc: TEST_USCC,
    year,
    insured_employees: 15,
    total_employees: 20,
    revenue_wan: revenueWan,
    total_assets_wan: assetsWan,
    filed_on: filedOn,
    on_time: filedOn <= `${year + 1}-06-30`,
    updated_at: `${filedOn}T03:00:00.000Z`,
  });
}

/** Every tax field of a bundle as of a date: key → value and provenance ids (in id order). */
function profile(records: EnterpriseRecords, asOf: string): Record<string, { value: unknown; ids: string[] }> {
  const out: Record<string, { value: unknown; ids: string[] }> = {};
  for (const [key, d] of deriveProfile(records, asOf, TAX_FIELDS)) out[key] = { value: d.value, ids: ids(d.records) };
  return out;
}
const ids = (rs: readonly { id: string }[]): string[] => rs.map((r) => r.id).sort((a, b) => Number(a) - Number(b));
const byPeriod = (ds: readonly DeclarationRecord[], from: string, to: string, type?: 'VAT' | 'CIT') =>
  ds.filter((d) => d.data.period >= from && d.data.period <= to && (type === undefined || d.data.tax_type === type));

describe('tax section', () => {
  it('has exactly 30 fields with unique snake_case keys, complete descriptions, in the tax section', () => {
    expect(TAX_FIELDS).toHaveLength(30);
    const keys = TAX_FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(30);
    for (const f of TAX_FIELDS) {
      expect(f.key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(f.section).toBe('tax');
      expect(f.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(f.en.length).toBeGreaterThan(10);
      expect(f.derivation.length).toBeGreaterThan(40);
      expect(f.nullMeans.length).toBeGreaterThan(4);
      if (f.type === 'money') expect(f.unit).toBe('CNY fen');
      if (f.type === 'enum') expect(f.values?.length).toBeGreaterThanOrEqual(2);
    }
    expect(keys).toEqual(
      expect.arrayContaining(['tax_paid_12m', 'vat_revenue_12m', 'vat_revenue_yoy_growth', 'zero_declaration_months_12m', 'tax_credit_grade_latest']),
    );
  });

  it('is null throughout for an enterprise without tax records or annual reports', () => {
    const p = profile(bundle(() => undefined), AS_OF);
    expect(Object.keys(p)).toHaveLength(30);
    for (const [key, v] of Object.entries(p)) expect({ key, ...v }).toEqual({ key, value: null, ids: [] });
  });

  describe('declaration windows end with the latest month whose declarations were due', () => {
    it('lags one month from the 15th, two before it', () => {
      expect(lastDueMonth('2026-10-01')).toBe('2026-08');
      expect(lastDueMonth('2026-10-14')).toBe('2026-08');
      expect(lastDueMonth('2026-10-15')).toBe('2026-09');
      expect(dueMonths('2026-10-01', 12)).toEqual(['2025-09', '2026-08']);
      expect(dueMonths('2026-10-01', 12, 12)).toEqual(['2024-09', '2025-08']);
      expect(dueMonths('2026-01-20', 36)).toEqual(['2023-01', '2025-12']);
    });

    it('takes the latest quarter all of whose months were due', () => {
      expect(latestDueQuarterEnd('2026-10-01')).toBe('2026-06');
      expect(latestDueQuarterEnd('2026-10-15')).toBe('2026-09');
      expect(latestDueQuarterEnd('2026-01-10')).toBe('2025-09');
    });
  });

  describe('a general taxpayer declaring VAT monthly and CIT quarterly, as of 2026-10-01', () => {
    // Earlier 12 due months (2024-09 … 2025-08): VAT revenue 10,000.00 and VAT 300.00 a month; CIT 500.00 a quarter.
    // Last 12 due months (2025-09 … 2026-08): VAT revenue 15,000.00 and VAT 450.00 a month; CIT 1,000.00 a quarter.
    // 2026-09 is declared on the as-of date itself, but is not a due month yet.
    const vatPrev = periods('2024-09', '2025-08').map((p) => decl('VAT', p, '10000.00', '300.00'));
    const vatCur = periods('2025-09', '2026-08').map((p) => decl('VAT', p, '15000.00', '450.00'));
    const vatSep = decl('VAT', '2026-09', '99999.00', '999.00', '2026-10-01');
    const citPrev = periods('2024-09', '2025-06', 3).map((p) => decl('CIT', p, '30000.00', '500.00'));
    const citCur = periods('2025-09', '2026-06', 3).map((p) => decl('CIT', p, '45000.00', '1000.00'));
    const all = [...vatPrev, ...vatCur, vatSep, ...citPrev, ...citCur];
    const records = bundle((b) => b.declarations.push(...all));
    const p = profile(records, AS_OF);

    it('sums tax paid over the 12 and 36 due months', () => {
      // 12 × 450.00 + 4 × 1,000.00 = 9,400.00 yuan.
      expect(p.tax_paid_12m).toEqual({ value: 940_000, ids: ids([...vatCur, ...citCur]) });
      expect(p.vat_paid_12m).toEqual({ value: 540_000, ids: ids(vatCur) });
      expect(p.cit_paid_12m).toEqual({ value: 400_000, ids: ids(citCur) });
      // 36 due months (2023-09 … 2026-08): everything but 2026-09: 3,600 + 5,400 + 2,000 + 4,000 = 15,000.00 yuan.
      expect(p.tax_paid_36m).toEqual({ value: 1_500_000, ids: ids([...vatPrev, ...vatCur, ...citPrev, ...citCur]) });
      // (9,400 − 5,600) / 5,600.
      expect(p.tax_paid_yoy_growth).toEqual({ value: 0.6786, ids: ids([...vatPrev, ...vatCur, ...citPrev, ...citCur]) });
    });

    it('sums VAT taxable revenue of the window and the one before, and their growth', () => {
      expect(p.vat_revenue_12m).toEqual({ value: 18_000_000, ids: ids(vatCur) });
      expect(p.vat_revenue_prev_12m).toEqual({ value: 12_000_000, ids: ids(vatPrev) });
      expect(p.vat_revenue_yoy_growth).toEqual({ value: 0.5, ids: ids([...vatPrev, ...vatCur]) });
    });

    it('sums the last full calendar year: 2025 as of 2026-10-01 and from 2026-01-15, 2024 the day before', () => {
      // 2025: 8 × 10,000.00 + 4 × 15,000.00 = 140,000.00 yuan.
      expect(p.vat_revenue_last_year).toEqual({ value: 14_000_000, ids: ids(byPeriod(all, '2025-01', '2025-12', 'VAT')) });
      expect(deriveOne('vat_revenue_last_year', records, '2026-01-15').value).toBe(14_000_000);
      // 2024: only 2024-09 … 2024-12 declared, 4 × 10,000.00.
      expect(deriveOne('vat_revenue_last_year', records, '2026-01-14').value).toBe(4_000_000);
    });

    it('reads the latest due quarter, its growth on the year before and the 8-quarter trend', () => {
      expect(p.vat_revenue_latest_quarter).toEqual({ value: 4_500_000, ids: ids(byPeriod(all, '2026-04', '2026-06', 'VAT')) });
      // 2026 Q2 45,000.00 over 2025 Q2 30,000.00.
      expect(p.vat_revenue_latest_quarter_yoy_growth).toEqual({ value: 0.5, ids: ids(byPeriod(all, '2025-04', '2025-06', 'VAT').concat(byPeriod(all, '2026-04', '2026-06', 'VAT'))) });
      // Quarters 2024 Q3 … 2026 Q2 at positions 0 … 7; 2024 Q3 has only September declared, so it is left out.
      // Positions 1 … 7, revenue (thousand yuan) 30, 30, 30, 35, 45, 45, 45: slope = Σ(x − 4)·y / Σ(x − 4)² = 90 / 28,
      // mean = 260 / 7, trend = (90 / 28) / (260 / 7) = 0.0865.
      expect(p.vat_revenue_quarterly_trend_8q.value).toBe(0.0865);
      expect(p.vat_revenue_quarterly_trend_8q.ids).toEqual(ids(byPeriod(all, '2024-10', '2026-06', 'VAT')));
    });

    it('describes filing: months declared, type, latest period and history span', () => {
      expect(p.vat_months_declared_12m).toEqual({ value: 12, ids: ids(vatCur) });
      expect(p.zero_declaration_months_12m).toEqual({ value: 0, ids: [] });
      expect(p.consecutive_zero_declaration_months).toEqual({ value: 0, ids: ids([vatSep]) });
      expect(p.vat_taxpayer_type).toEqual({ value: 'general', ids: ids([vatSep]) });
      expect(p.latest_declared_period).toEqual({ value: '2026-09', ids: ids([vatSep]) });
      // 2024-09 … 2026-09.
      expect(p.tax_declaration_history_months).toEqual({ value: 25, ids: ids([vatPrev[0], vatSep]) });
    });

    it('ignores a declaration filed after the as-of date, and then does not compare incomplete windows', () => {
      const lateAug = decl('VAT', '2026-08', '15000.00', '450.00', '2026-10-02');
      const withLateAug = bundle((b) => b.declarations.push(...vatPrev, ...vatCur.slice(0, 11), lateAug));
      const q = profile(withLateAug, AS_OF);
      expect(q.vat_revenue_12m).toEqual({ value: 16_500_000, ids: ids(vatCur.slice(0, 11)) });
      expect(q.vat_months_declared_12m.value).toBe(11);
      expect(q.vat_revenue_yoy_growth.value).toBeNull();
      expect(q.tax_paid_yoy_growth.value).toBeNull();
      expect(q.vat_revenue_latest_quarter.value).toBe(4_500_000); // Q2 is complete
      expect(deriveOne('vat_revenue_yoy_growth', withLateAug, '2026-10-02').value).toBe(0.5);
    });

    it('reads a monthly filer’s first declaration on a quarter’s last month as monthly once the next is filed', () => {
      // vatPrev starts with 2024-09: nothing in 2024-07/08, but 2024-10 follows. So 2024 Q3 is one month, not a full quarter
      // (checked by the trend above), and the earlier window covers 12 months, not 14.
      const first = vatPrev.slice(0, 1);
      expect(deriveOne('vat_taxpayer_type', bundle((b) => b.declarations.push(...first)), '2024-10-15').value).toBe('small_scale');
      expect(deriveOne('vat_taxpayer_type', bundle((b) => b.declarations.push(...vatPrev.slice(0, 2))), '2024-11-15').value).toBe('general');
      expect(deriveOne('vat_months_declared_12m', bundle((b) => b.declarations.push(...vatPrev)), '2025-09-15').value).toBe(12);
    });

    it('keeps the window boundaries: the month before the earlier window does not count', () => {
      const aug2024 = decl('VAT', '2024-08', '77777.00', '0.00');
      const q = profile(bundle((b) => b.declarations.push(aug2024, ...vatPrev, ...vatCur)), AS_OF);
      expect(q.vat_revenue_prev_12m.value).toBe(12_000_000);
      expect(q.vat_revenue_yoy_growth.value).toBe(0.5);
      expect(q.tax_declaration_history_months.value).toBe(25); // 2024-08 … 2026-08
    });
  });

  describe('a small-scale taxpayer declaring VAT quarterly that went quiet, as of 2026-10-01', () => {
    const q2025 = decl('VAT', '2025-06', '200000.00', '2000.00');
    const q3 = decl('VAT', '2025-09', '250000.00', '2500.00');
    const zeros = ['2025-12', '2026-03', '2026-06'].map((p) => decl('VAT', p, '0.00', '0.00'));
    const zeroSep = decl('VAT', '2026-09', '0.00', '0.00', '2026-10-01');
    const records = bundle((b) => b.declarations.push(q2025, q3, ...zeros, zeroSep));
    const p = profile(records, AS_OF);

    it('reads quarterly filing as small-scale and counts each quarterly declaration as 3 months', () => {
      expect(p.vat_taxpayer_type).toEqual({ value: 'small_scale', ids: ids([zeroSep]) });
      // Due months 2025-09 … 2026-08 hold the declarations of 2025-09, 2025-12, 2026-03 and 2026-06: 12 months.
      expect(p.vat_months_declared_12m).toEqual({ value: 12, ids: ids([q3, ...zeros]) });
      expect(p.vat_revenue_12m).toEqual({ value: 25_000_000, ids: ids([q3, ...zeros]) });
      expect(p.zero_declaration_months_12m).toEqual({ value: 9, ids: ids(zeros) });
    });

    it('counts the unbroken run of zero declarations up to the latest one', () => {
      expect(p.consecutive_zero_declaration_months).toEqual({ value: 12, ids: ids([...zeros, zeroSep]) });
    });

    it('does not compare with an earlier window holding one quarter only', () => {
      expect(p.vat_revenue_prev_12m).toEqual({ value: 20_000_000, ids: ids([q2025]) });
      expect(p.vat_revenue_yoy_growth.value).toBeNull();
    });

    it('reads quarters from quarterly declarations', () => {
      expect(p.vat_revenue_latest_quarter).toEqual({ value: 0, ids: ids([zeros[2]]) });
      expect(p.vat_revenue_latest_quarter_yoy_growth).toEqual({ value: -1, ids: ids([q2025, zeros[2]]) });
      // Fitted quarters at positions 3 … 7 with 200, 250, 0, 0, 0 (thousand yuan): mean x 5, mean y 90,
      // Σ(x − 5)·y = −2·200 − 1·250 = −650, Σ(x − 5)² = 10, slope −65, trend −65 / 90 = −0.7222.
      expect(p.vat_revenue_quarterly_trend_8q).toEqual({ value: -0.7222, ids: ids([q2025, q3, ...zeros]) });
      expect(p.tax_paid_12m).toEqual({ value: 250_000, ids: ids([q3, ...zeros]) });
      expect(p.cit_paid_12m.value).toBeNull(); // no CIT declarations (not a company)
    });

    it('needs 4 fully declared quarters for a trend', () => {
      const three = bundle((b) => b.declarations.push(q3, ...zeros.slice(0, 2)));
      expect(deriveOne('vat_revenue_quarterly_trend_8q', three, AS_OF).value).toBeNull();
    });

    it('stops a zero run at a gap in the declarations', () => {
      const monthly = [decl('VAT', '2026-06', '0.00', '0.00'), decl('VAT', '2026-08', '0.00', '0.00'), decl('VAT', '2026-09', '0.00', '0.00', '2026-10-01')];
      const d = deriveOne('consecutive_zero_declaration_months', bundle((b) => b.declarations.push(...monthly)), AS_OF);
      // 2026-09 and 2026-08, then 2026-07 is missing: 2026-06 does not continue the run.
      expect(d.value).toBe(2);
      expect(ids(d.records)).toEqual(ids(monthly.slice(1)));
    });
  });

  describe('telling monthly from quarterly filers on a quarter with only its last month declared', () => {
    // As of 2026-08-01 the latest due month is 2026-06 and the latest due quarter 2026 Q2.
    const asOf = '2026-08-01';

    it('reads a monthly filer whose first two months of the quarter are missing as monthly, not as a quarterly filer', () => {
      // Monthly through 2026-03; 2026-04 and 2026-05 are filed after the as-of date, 2026-06 on time.
      const monthly = periods('2025-07', '2026-03').map((p) => decl('VAT', p, '10000.00', '300.00'));
      const late = ['2026-04', '2026-05'].map((p) => decl('VAT', p, '10000.00', '300.00', '2026-08-20'));
      const jun = decl('VAT', '2026-06', '10000.00', '300.00');
      const records = bundle((b) => b.declarations.push(...monthly, ...late, jun));
      const p = profile(records, asOf);
      // The quarter before (2026-01, 2026-02) was declared monthly: 2026-06 is one month, 2026 Q2 is not fully declared.
      expect(p.vat_taxpayer_type).toEqual({ value: 'general', ids: ids([jun]) });
      expect(p.vat_revenue_latest_quarter.value).toBeNull();
      // Due months 2025-07 … 2026-06: 10 declared (2026-04 and 2026-05 are not), not 12.
      expect(p.vat_months_declared_12m.value).toBe(10);
      // Once the late declarations are filed, the quarter is complete.
      expect(deriveOne('vat_revenue_latest_quarter', records, '2026-08-20').value).toBe(3_000_000);
    });

    it('reads the first quarterly declaration after monthly filing as one month, the next as a quarter', () => {
      const monthly = periods('2025-01', '2025-12').map((p) => decl('VAT', p, '10000.00', '300.00'));
      const q1 = decl('VAT', '2026-03', '30000.00', '900.00');
      const q2 = decl('VAT', '2026-06', '36000.00', '1080.00');
      const p = profile(bundle((b) => b.declarations.push(...monthly, q1, q2)), asOf);
      expect(p.vat_taxpayer_type).toEqual({ value: 'small_scale', ids: ids([q2]) });
      expect(p.vat_revenue_latest_quarter).toEqual({ value: 3_600_000, ids: ids([q2]) });
      // 2025-07 … 2025-12 monthly (6), 2026-03 one month (its quarter before was monthly), 2026-06 a quarter (3).
      expect(p.vat_months_declared_12m.value).toBe(10);
      // 2026 Q1 is not fully declared: of the 8 quarters 2024 Q3 … 2026 Q2, the trend fits 2025 Q1 … Q4 and 2026 Q2.
      expect(p.vat_revenue_quarterly_trend_8q.ids).toEqual(ids([...monthly, q2]));
    });

    it('needs a declaration for each month of a monthly quarter, however many one month has', () => {
      // 2026 Q2: two declarations of 2026-04 (e.g. a correction), none of 2026-05.
      const monthly = periods('2025-07', '2026-03').map((p) => decl('VAT', p, '10000.00', '300.00'));
      const apr = [decl('VAT', '2026-04', '10000.00', '300.00'), decl('VAT', '2026-04', '10000.00', '300.00')];
      const jun = decl('VAT', '2026-06', '10000.00', '300.00');
      const p = profile(bundle((b) => b.declarations.push(...monthly, ...apr, jun)), asOf);
      expect(p.vat_revenue_latest_quarter.value).toBeNull();
    });
  });

  describe('tax credit grades', () => {
    const g2022 = grade(2022, 'A', 93, '2023-04-12');
    const g2023 = grade(2023, 'A', 91, '2024-04-10');
    const g2024 = grade(2024, 'B', 82, '2025-04-20');
    const g2025 = grade(2025, 'C', 65, '2026-04-15');
    const records = bundle((b) => b.creditGrades.push(g2024, g2022, g2025, g2023));

    it('reads the latest grade published on or before the as-of date', () => {
      const p = profile(records, AS_OF);
      expect(p.tax_credit_grade_latest).toEqual({ value: 'C', ids: ids([g2025]) });
      expect(p.tax_credit_points_latest).toEqual({ value: 65, ids: ids([g2025]) });
      expect(p.tax_credit_grade_latest_year).toEqual({ value: 2025, ids: ids([g2025]) });
      // 2023 … 2025: one A (2023), worst C.
      expect(p.tax_credit_grade_a_count_3y).toEqual({ value: 1, ids: ids([g2023]) });
      expect(p.tax_credit_grade_worst_3y).toEqual({ value: 'C', ids: ids([g2025]) });
    });

    it('ignores a grade published after the as-of date', () => {
      const p = profile(records, '2026-04-14');
      expect(p.tax_credit_grade_latest.value).toBe('B');
      expect(p.tax_credit_grade_latest_year.value).toBe(2024);
      // 2022 … 2024: two A, worst B.
      expect(p.tax_credit_grade_a_count_3y).toEqual({ value: 2, ids: ids([g2022, g2023]) });
      expect(p.tax_credit_grade_worst_3y).toEqual({ value: 'B', ids: ids([g2024]) });
      expect(deriveOne('tax_credit_grade_latest', records, '2026-04-15').value).toBe('C');
    });

    it('ranks M (a new firm’s grade) below B and above C', () => {
      const m = grade(2024, 'M', 75, '2025-04-20');
      const b = grade(2025, 'B', 80, '2026-04-15');
      expect(deriveOne('tax_credit_grade_worst_3y', bundle((x) => x.creditGrades.push(m, b)), AS_OF).value).toBe('M');
      const c = grade(2025, 'C', 50, '2026-04-15');
      expect(deriveOne('tax_credit_grade_worst_3y', bundle((x) => x.creditGrades.push(m, c)), AS_OF).value).toBe('C');
    });
  });

  describe('R&D super deductions', () => {
    const r2021 = rd(2021, '50000.00', '2022-04-01');
    const r2023 = rd(2023, '100000.00', '2024-04-01');
    const r2024 = rd(2024, '200000.00', '2025-05-10');
    const r2025 = rd(2025, '300000.00', '2026-05-20', '240000.50');
    const records = bundle((b) => b.rdDeductions.push(r2021, r2023, r2024, r2025));

    it('reads the latest claimed year and the 3-year total', () => {
      const p = profile(records, AS_OF);
      expect(p.rd_expense_latest_year).toEqual({ value: 30_000_000, ids: ids([r2025]) });
      expect(p.rd_deduction_latest_year).toEqual({ value: 2025, ids: ids([r2025]) });
      expect(p.rd_super_deduction_latest_year).toEqual({ value: 24_000_050, ids: ids([r2025]) });
      // 2023 + 2024 + 2025 = 600,000.00 yuan; 2021 is outside.
      expect(p.rd_expense_3y).toEqual({ value: 60_000_000, ids: ids([r2023, r2024, r2025]) });
    });

    it('ignores a claim filed after the as-of date', () => {
      const p = profile(records, '2026-05-19');
      expect(p.rd_deduction_latest_year.value).toBe(2024);
      // 2022 (none) + 2023 + 2024 = 300,000.00 yuan.
      expect(p.rd_expense_3y).toEqual({ value: 30_000_000, ids: ids([r2023, r2024]) });
    });
  });

  describe('annual report financials', () => {
    const y2024 = report(2024, '2025-03-01', '300.0000', '450.5000');
    const y2025 = report(2025, '2026-04-01', null, '600.0000'); // revenue not disclosed
    const records = bundle((b) => b.annualReports.push(y2025, y2024));

    it('takes revenue from the latest report disclosing it, assets from the latest report', () => {
      const p = profile(records, AS_OF);
      expect(p.annual_report_revenue_latest).toEqual({ value: 300_000_000, ids: ids([y2024]) });
      expect(p.annual_report_revenue_year).toEqual({ value: 2024, ids: ids([y2024]) });
      expect(p.annual_report_total_assets_latest).toEqual({ value: 600_000_000, ids: ids([y2025]) });
    });

    it('ignores a report filed after the as-of date', () => {
      expect(deriveOne('annual_report_total_assets_latest', records, '2026-03-31').value).toBe(450_500_000);
      expect(deriveOne('annual_report_revenue_latest', records, '2025-02-28').value).toBeNull();
    });
  });
});
