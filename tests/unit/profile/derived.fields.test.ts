import { DERIVED_FIELDS } from '../../../src/profile/catalog/sections/derived.fields';
import { addMonthsToPeriod } from '../../../src/profile/derive/calendar';
import type {
  AbnormalOperationRecord,
  AccountRecord,
  AnnualReportRecord,
  ArrearRecord,
  BillRecord,
  DeclarationRecord,
  EnterpriseRecords,
  PatentRecord,
  PenaltyRecord,
  RdDeductionRecord,
  RegistrationRecord,
} from '../../../src/profile/derive/enterprise-records';
import { bundle, deriveOne, rec, TEST_USCC } from '../../support/profile-records';

const AS_OF = '2026-10-01';
// Declared window as of 2026-10-01: the quarters ending 2025-09, 2025-12, 2026-03, 2026-06 (months 2025-07 … 2026-06).

type Filled = Parameters<Parameters<typeof bundle>[0]>[0];

let seq = 0;

/** A declaration of `period`, filed on the 10th of the next month (due the 15th) unless told otherwise. */
function declaration(period: string, taxType: 'VAT' | 'CIT', revenueYuan: number, taxYuan: number, over: Partial<DeclarationRecord['data']> = {}): DeclarationRecord {
  const next = addMonthsToPeriod(period, 1);
  const data: DeclarationRecord['data'] = {
    declaration_id: `${TEST_USCC}-${taxType}-${period.replace('-', '')}-${++seq}`,
    taxpayer_id: TEST_USCC,
    taxpayer_name: '济南测试科技有限公司',
    period,
    tax_type: taxType,
    taxable_revenue_yuan: revenueYuan.toFixed(2),
    tax_paid_yuan: taxYuan.toFixed(2),
    zero_declaration: revenueYuan === 0,
    due_on: `${next}-15`,
    filed_on: `${next}-10`,
    late: false,
    updated_at: `${next}-10T02:00:00.000Z`,
    ...over,
  };
  return rec('tax', 'declarations', data);
}

/** Monthly VAT declarations for every period in [from, to]; `revenue` per period (a number or a function of the period). */
function monthlyVat(from: string, to: string, revenue: number | ((p: string) => number), tax = 0): DeclarationRecord[] {
  const out: DeclarationRecord[] = [];
  for (let p = from; p <= to; p = addMonthsToPeriod(p, 1)) out.push(declaration(p, 'VAT', typeof revenue === 'number' ? revenue : revenue(p), tax));
  return out;
}

/** A power bill of `period`, paid on time. */
function bill(period: string, kwh: number, over: Partial<BillRecord['data']> = {}): BillRecord {
  const next = addMonthsToPeriod(period, 1);
  const data: BillRecord['data'] = {
    bill_id: `3700000001-${period.replace('-', '')}-${++seq}`,
    account_no: '3700000001',
    utility: 'power',
    period,
    consumption: kwh.toFixed(2),
    unit: 'kWh',
    amount_yuan: (kwh * 0.72).toFixed(2),
    due_on: `${next}-20`,
    paid_on: `${next}-10`,
    late: false,
    arrears_yuan: '0.00',
    updated_at: `${next}-10T02:00:00.000Z`,
    ...over,
  };
  return rec('utility', 'bills', data);
}

function powerBills(from: string, to: string, kwh: number | ((p: string) => number)): BillRecord[] {
  const out: BillRecord[] = [];
  for (let p = from; p <= to; p = addMonthsToPeriod(p, 1)) out.push(bill(p, typeof kwh === 'number' ? kwh : kwh(p)));
  return out;
}

function annualReport(year: number, revenueWan: string | null, over: Partial<AnnualReportRecord['data']> = {}): AnnualReportRecord {
  const data: AnnualReportRecord['data'] = {
    report_id: `${TEST_USCC}-AR${year}-${++seq}`,
    uscc: TEST_USCC,
    year,
    insured_employees: 10,
    total_employees: 12,
    revenue_wan: revenueWan,
    total_assets_wan: '300.0000',
    filed_on: `${year + 1}-04-10`,
    on_time: true,
    updated_at: `${year + 1}-04-10T02:00:00.000Z`,
    ...over,
  };
  return rec('market-regulation', 'annual_reports', data);
}

function rdFiling(year: number, expenseYuan: number, filedOn = `${year + 1}-05-10`): RdDeductionRecord {
  return rec('tax', 'rd_deductions', {
    deduction_id: `${TEST_USCC}-RD${year}-${++seq}`,
    taxpayer_id: TEST_USCC,
    year,
    rd_expense_yuan: expenseYuan.toFixed(2),
    super_deduction_yuan: expenseYuan.toFixed(2),
    rd_staff: 3,
    total_staff: 12,
    filed_on: filedOn,
    updated_at: `${filedOn}T02:00:00.000Z`,
  });
}

const value = (key: string, records: EnterpriseRecords, asOf = AS_OF) => deriveOne(key, records, asOf).value;
const ids = (key: string, records: EnterpriseRecords, asOf = AS_OF) => deriveOne(key, records, asOf).records.map((r) => r.id).sort();
const idsOf = (...records: { id: string }[]) => records.map((r) => r.id).sort();
const make = (fill: (b: Filled) => void): EnterpriseRecords => bundle(fill);

describe('derived section', () => {
  it('has exactly 10 fields with unique snake_case keys', () => {
    const keys = DERIVED_FIELDS.map((f) => f.key);
    expect(keys).toHaveLength(10);
    expect(new Set(keys).size).toBe(10);
    for (const k of keys) expect(k).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    expect(keys).toContain('rd_intensity_3y');
    expect(DERIVED_FIELDS.every((f) => f.section === 'derived')).toBe(true);
  });

  describe('rd_intensity_3y', () => {
    // VAT from 2023-10 (as in the sandbox): 2023 is not fully declared; 2024 and 2025 are, 100,000 yuan a month.
    const vat = monthlyVat('2023-10', '2025-12', 100_000);
    const rd2023 = rdFiling(2023, 100_000);
    const rd2024 = rdFiling(2024, 200_000);
    const rd2025 = rdFiling(2025, 300_000);
    const rd2026Late = rdFiling(2026, 1_000_000, '2026-11-01'); // filed after the as-of date: ignored

    it('sums R&D over VAT revenue of the fully declared years among L−2 … L: (200k + 300k) / 2.4m = 0.2083', () => {
      const r = make((b) => {
        b.declarations.push(...vat);
        b.rdDeductions.push(rd2023, rd2024, rd2025, rd2026Late);
      });
      expect(value('rd_intensity_3y', r)).toBe(0.2083);
      const got = ids('rd_intensity_3y', r);
      expect(got).toContain(rd2024.id);
      expect(got).toContain(rd2025.id);
      expect(got).not.toContain(rd2023.id); // 2023 left out: VAT only from October
      expect(got).toHaveLength(2 + 24);
    });

    it('counts a fully declared year without an R&D filing as 0 R&D: 300k / 2.4m = 0.125', () => {
      const r = make((b) => {
        b.declarations.push(...vat);
        b.rdDeductions.push(rd2025);
      });
      expect(value('rd_intensity_3y', r)).toBe(0.125);
    });

    it('is null without an R&D filing, or without a fully declared year', () => {
      expect(value('rd_intensity_3y', make((b) => b.declarations.push(...vat)))).toBeNull();
      expect(value('rd_intensity_3y', make((b) => b.rdDeductions.push(rd2025)))).toBeNull();
      // Before 2026-01-10 the 2025-12 VAT declaration is not filed: only 2024 counts (L = 2024 as of 2025-12-31).
      const r = make((b) => {
        b.declarations.push(...vat);
        b.rdDeductions.push(rd2024, rd2025);
      });
      expect(value('rd_intensity_3y', r, '2025-12-31')).toBe(round4(200_000 / 1_200_000));
    });
  });

  describe('revenue_cagr_3y', () => {
    it('from annual reports: sqrt(144 / 100) − 1 = 0.2', () => {
      const first = annualReport(2023, '100.0000');
      const last = annualReport(2025, '144.0000');
      const r = make((b) => b.annualReports.push(first, annualReport(2024, '130.0000'), last));
      expect(value('revenue_cagr_3y', r)).toBe(0.2);
      expect(ids('revenue_cagr_3y', r)).toEqual(idsOf(first, last));
    });

    it('falls back to the fully declared VAT revenue of a year whose report hides revenue: sqrt(270 / 120) − 1 = 0.5', () => {
      const r = make((b) => {
        b.annualReports.push(annualReport(2023, null), annualReport(2025, '270.0000'));
        b.declarations.push(...monthlyVat('2023-01', '2023-12', 100_000)); // 1.2m yuan = 120 万元
      });
      expect(value('revenue_cagr_3y', r)).toBe(0.5);
    });

    it('ignores a report filed after the as-of date and is null without a year L−2', () => {
      const r = make((b) => b.annualReports.push(annualReport(2023, '100.0000'), annualReport(2025, '144.0000', { filed_on: '2026-10-02' })));
      // Latest year as of 2026-10-01 is 2023: no 2021.
      expect(value('revenue_cagr_3y', r)).toBeNull();
      expect(value('revenue_cagr_3y', r, '2026-10-02')).toBe(0.2);
    });
  });

  describe('tax_burden_12m', () => {
    it('(VAT + CIT paid) / VAT revenue over the 4 declared quarters: (12 × 3,000 + 4 × 1,000) / 1.2m = 0.0333', () => {
      const inWindow = monthlyVat('2025-07', '2026-06', 100_000, 3_000);
      const cit = ['2025-09', '2025-12', '2026-03', '2026-06'].map((p) => declaration(p, 'CIT', 300_000, 1_000));
      const after = monthlyVat('2026-07', '2026-08', 100_000, 99_999); // after the window
      const before = declaration('2025-06', 'VAT', 100_000, 99_999); // before the window
      const citLate = declaration('2026-09', 'CIT', 300_000, 99_999, { filed_on: '2026-10-15' });
      const r = make((b) => b.declarations.push(...inWindow, ...cit, ...after, before, citLate));
      expect(value('tax_burden_12m', r)).toBe(0.0333);
      expect(ids('tax_burden_12m', r)).toEqual(idsOf(...inWindow, ...cit));
    });

    it('reads quarterly VAT declarations: 4 × 3,000 / (4 × 300,000) = 0.01', () => {
      const r = make((b) => b.declarations.push(...['2025-09', '2025-12', '2026-03', '2026-06'].map((p) => declaration(p, 'VAT', 300_000, 3_000))));
      expect(value('tax_burden_12m', r)).toBe(0.01);
    });

    it('leaves out a quarter with a missing month: without 2025-08 the quarter to 2025-09 drops (3 × 6,000 / 900,000 = 0.02)', () => {
      const vat = monthlyVat('2025-07', '2026-06', 100_000, 2_000).filter((d) => d.data.period !== '2025-08');
      const r = make((b) => b.declarations.push(...vat));
      expect(value('tax_burden_12m', r)).toBe(0.02);
    });

    it('reads quarters as the tax section does: a lone quarter-end declaration after a monthly quarter is one month', () => {
      // Monthly 2025-07 … 2025-12 (3,000 of 100,000 a month), then quarterly: 2026-03 follows a monthly quarter, so it
      // covers one month and 2026 Q1 drops; 2026-06 is a quarter. (6 × 3,000 + 3,000) / (600,000 + 300,000) = 0.0233.
      const monthly = monthlyVat('2025-07', '2025-12', 100_000, 3_000);
      const q1 = declaration('2026-03', 'VAT', 300_000, 99_999);
      const q2 = declaration('2026-06', 'VAT', 300_000, 3_000);
      const r = make((b) => b.declarations.push(...monthly, q1, q2));
      expect(value('tax_burden_12m', r)).toBe(0.0233);
      expect(ids('tax_burden_12m', r)).toEqual(idsOf(...monthly, q2));
      // A monthly filer with 2026-04 and 2026-05 missing: 2026-06 alone is one month, not the quarter (9 × 3,000 / 900,000).
      const gap = monthlyVat('2025-07', '2026-06', 100_000, 3_000).filter((d) => d.data.period !== '2026-04' && d.data.period !== '2026-05');
      expect(value('tax_burden_12m', make((b) => b.declarations.push(...gap)))).toBe(0.03);
    });

    it('is null without declarations or with zero revenue', () => {
      expect(value('tax_burden_12m', make(() => undefined))).toBeNull();
      expect(value('tax_burden_12m', make((b) => b.declarations.push(...monthlyVat('2025-07', '2026-06', 0))))).toBeNull();
    });
  });

  describe('electricity_intensity_12m', () => {
    it('kWh per 10,000 yuan over declared quarters fully billed: 9,000 kWh / 90 = 100', () => {
      const vat = monthlyVat('2025-07', '2026-06', 100_000);
      const bills = powerBills('2025-07', '2026-06', 1_000).filter((b) => b.data.period !== '2025-08'); // quarter to 2025-09 not fully billed
      const r = make((b) => {
        b.declarations.push(...vat);
        b.bills.push(...bills);
      });
      expect(value('electricity_intensity_12m', r)).toBe(100);
      const got = ids('electricity_intensity_12m', r);
      expect(got).toHaveLength(9 + 9);
      expect(got).not.toContain(vat[0]?.id); // 2025-07 belongs to the dropped quarter
    });

    it('is null without power bills in the window', () => {
      expect(value('electricity_intensity_12m', make((b) => b.declarations.push(...monthlyVat('2025-07', '2026-06', 100_000))))).toBeNull();
    });
  });

  describe('kwh_revenue_correlation_12m', () => {
    const vat = monthlyVat('2025-07', '2026-06', (p) => 10_000 * Number(p.slice(5, 7)));

    it('is 1 when kWh is a linear function of monthly revenue', () => {
      const bills = powerBills('2025-07', '2026-06', (p) => 500 + 20 * Number(p.slice(5, 7)));
      const r = make((b) => {
        b.declarations.push(...vat);
        b.bills.push(...bills);
      });
      expect(value('kwh_revenue_correlation_12m', r)).toBe(1);
    });

    it('pairs only billed months: revenue 1…6 (×10,000) with kWh 2, 1, 4, 3, 6, 5 → 14.5 / 17.5 = 0.8286', () => {
      // Months 2026-01 … 2026-06 billed; dx = dy spread = 17.5 each, Σ dx·dy = 14.5.
      const kwh = [2, 1, 4, 3, 6, 5];
      const bills = powerBills('2026-01', '2026-06', (p) => kwh[Number(p.slice(5, 7)) - 1] ?? 0);
      const r = make((b) => {
        b.declarations.push(...vat);
        b.bills.push(...bills);
      });
      expect(value('kwh_revenue_correlation_12m', r)).toBe(0.8286);
      expect(ids('kwh_revenue_correlation_12m', r)).toEqual(idsOf(...bills, ...vat));
    });

    it('is null for quarterly filers and with fewer than 6 billed months', () => {
      const quarterly = ['2025-09', '2025-12', '2026-03', '2026-06'].map((p) => declaration(p, 'VAT', 300_000, 0));
      const bills = powerBills('2025-07', '2026-06', (p) => Number(p.slice(5, 7)));
      expect(value('kwh_revenue_correlation_12m', make((b) => { b.declarations.push(...quarterly); b.bills.push(...bills); }))).toBeNull();
      expect(value('kwh_revenue_correlation_12m', make((b) => { b.declarations.push(...vat); b.bills.push(...bills.slice(0, 5)); }))).toBeNull();
    });
  });

  describe('revenue_kwh_growth_gap', () => {
    // Quarterly VAT: 100,000 a quarter a year earlier, 150,000 now (g_rev = 0.5); power 1,000 → 1,200 kWh a month (g_kWh = 0.2).
    const prevVat = ['2024-09', '2024-12', '2025-03', '2025-06'].map((p) => declaration(p, 'VAT', 100_000, 0));
    const curVat = ['2025-12', '2026-03', '2026-06'].map((p) => declaration(p, 'VAT', 150_000, 0));
    const q3Vat = declaration('2025-09', 'VAT', 999_000, 0); // its year-earlier quarter is not fully billed: left out

    it('revenue growth minus power growth over comparable quarters: 0.5 − 0.2 = 0.3', () => {
      const prevBills = powerBills('2024-07', '2025-06', 1_000).filter((b) => b.data.period !== '2024-08');
      const curBills = powerBills('2025-07', '2026-06', 1_200);
      const r = make((b) => {
        b.declarations.push(...prevVat, ...curVat, q3Vat);
        b.bills.push(...prevBills, ...curBills);
      });
      expect(value('revenue_kwh_growth_gap', r)).toBe(0.3);
      expect(ids('revenue_kwh_growth_gap', r)).not.toContain(q3Vat.id);
    });

    it('is null without a comparable quarter', () => {
      const r = make((b) => {
        b.declarations.push(...curVat);
        b.bills.push(...powerBills('2025-07', '2026-06', 1_200));
      });
      expect(value('revenue_kwh_growth_gap', r)).toBeNull();
    });
  });

  describe('report_vat_revenue_ratio', () => {
    const vat = monthlyVat('2024-01', '2025-12', 100_000); // 1.2m yuan a year
    const ar2024 = annualReport(2024, '120.0000');
    const ar2025 = annualReport(2025, '132.0000');

    it('uses the latest year with both: 132 万元 / 1.2m yuan = 1.1', () => {
      const r = make((b) => {
        b.declarations.push(...vat);
        b.annualReports.push(ar2024, ar2025);
      });
      expect(value('report_vat_revenue_ratio', r)).toBe(1.1);
      const got = ids('report_vat_revenue_ratio', r);
      expect(got).toContain(ar2025.id);
      expect(got).not.toContain(ar2024.id);
      expect(got).toHaveLength(13);
    });

    it('falls back to an earlier year when the latest is not fully declared, null when none is', () => {
      const r = make((b) => {
        b.declarations.push(...vat.filter((d) => d.data.period !== '2025-12'));
        b.annualReports.push(ar2024, ar2025);
      });
      expect(value('report_vat_revenue_ratio', r)).toBe(1);
      expect(value('report_vat_revenue_ratio', make((b) => b.annualReports.push(ar2025)))).toBeNull();
    });
  });

  describe('operating_activity_3m', () => {
    it('is true on a VAT declaration with revenue filed in (asOf − 3 months, asOf]', () => {
      const earning = declaration('2026-08', 'VAT', 5_000, 0, { filed_on: '2026-09-15' });
      const r = make((b) => b.declarations.push(declaration('2026-06', 'VAT', 0, 0, { filed_on: '2026-07-10' }), earning));
      expect(value('operating_activity_3m', r)).toBe(true);
      expect(ids('operating_activity_3m', r)).toEqual(idsOf(earning));
    });

    it('ignores a declaration filed on the window open end (2026-07-01) and is false on zero declarations and standby power', () => {
      const boundary = declaration('2026-05', 'VAT', 100_000, 0, { filed_on: '2026-07-01' });
      const zero = declaration('2026-07', 'VAT', 0, 0, { filed_on: '2026-08-10' });
      const standby = powerBills('2026-07', '2026-09', 400);
      const r = make((b) => {
        b.declarations.push(boundary, zero);
        b.bills.push(...standby);
      });
      expect(value('operating_activity_3m', r)).toBe(false);
      expect(ids('operating_activity_3m', r)).toEqual(idsOf(zero, ...standby));
    });

    it('is true when power averages at least 500 kWh a month, even with zero declarations (pre-revenue)', () => {
      const r = make((b) => {
        b.declarations.push(declaration('2026-07', 'VAT', 0, 0, { filed_on: '2026-08-10' }));
        b.bills.push(bill('2026-07', 400), bill('2026-08', 600)); // 2026-09 not billed yet: average 500
      });
      expect(value('operating_activity_3m', r)).toBe(true);
    });

    it('is null without declarations or power bills in those windows', () => {
      expect(value('operating_activity_3m', make((b) => b.bills.push(bill('2026-05', 9_000))))).toBeNull();
    });
  });

  it('data_sources_count counts the agencies with a record dated by the as-of date', () => {
    const registration: RegistrationRecord = rec('market-regulation', 'registrations', {
      uscc: TEST_USCC,
      name: '济南测试科技有限公司',
      entity_type: 'limited_company',
      legal_representative: '张三',
      registered_capital_wan: '500.0000',
      paid_in_capital_wan: '0.0000',
      established_on: '2020-03-15',
      approved_on: '2020-03-15',
      status: 'active',
      district_code: '370102',
      address: '山东省济南市历下区经十路1号',
      industry_code: 'I6513',
      business_scope: '软件开发',
      tags: [],
      updated_at: '2020-03-15T02:00:00.000Z',
    } as RegistrationRecord['data']);
    const account: AccountRecord = rec('utility', 'accounts', {
      account_no: '3700000001',
      utility: 'power',
      holder_name: '济南测试科技有限公司',
      address: '山东省济南市历下区经十路1号',
      category: 'commercial',
      opened_on: '2020-04-01',
      status: 'active',
      updated_at: '2020-04-01T02:00:00.000Z',
    } as AccountRecord['data']);
    const patent: PatentRecord = rec('patent', 'patents', {
      application_no: 'CN202510123456.7',
      patent_type: 'invention',
      title: '一种数据处理方法',
      applicants: ['济南测试科技有限公司'],
      filed_on: '2025-03-01',
      published_on: null, // not published by the as-of date
      granted_on: null,
      ipc_codes: ['G06F16/00'],
      claims_count: 10,
      cited_by_count: 0,
      family_size: 1,
      pct: false,
      legal_status: 'pending',
      owner: '济南测试科技有限公司',
      updated_at: '2025-03-01T02:00:00.000Z',
    } as PatentRecord['data']);
    const lateDeclaration = declaration('2026-09', 'VAT', 1_000, 0, { filed_on: '2026-10-12' }); // after the as-of date
    const r = make((b) => {
      b.registration = registration;
      b.accounts.push(account);
      b.patents.push(patent);
      b.declarations.push(lateDeclaration);
    });
    expect(value('data_sources_count', r)).toBe(2);
    expect(ids('data_sources_count', r)).toEqual(idsOf(registration, account));
    expect(value('data_sources_count', r, '2026-10-12')).toBe(3);
    expect(value('data_sources_count', make(() => undefined))).toBe(0);
  });

  describe('months_since_last_adverse_event', () => {
    const penalty: PenaltyRecord = rec('market-regulation', 'penalties', {
      decision_no: '济历市监罚〔2025〕12号',
      uscc: TEST_USCC,
      authority: '济南市历下区市场监督管理局',
      violation: '未按规定公示年度报告',
      penalty_type: 'warning',
      amount_yuan: '0.00',
      decided_on: '2025-03-10',
      updated_at: '2025-03-12T02:00:00.000Z',
    } as PenaltyRecord['data']);
    const futurePenalty: PenaltyRecord = { ...penalty, id: `${penalty.id}-f`, data: { ...penalty.data, decision_no: 'F1', decided_on: '2026-10-05' } };
    const arrear: ArrearRecord = rec('tax', 'arrears', {
      arrear_id: `${TEST_USCC}-QS01`,
      taxpayer_id: TEST_USCC,
      tax_type: 'VAT',
      amount_yuan: '3000.00',
      arose_on: '2026-01-15',
      status: 'paid',
      paid_on: '2026-03-15',
      updated_at: '2026-03-15T02:00:00.000Z',
    } as ArrearRecord['data']);
    const lateFiling = declaration('2026-04', 'VAT', 1_000, 0, { due_on: '2026-05-15', filed_on: '2026-05-20', late: true }); // dated 2026-05-16
    const lateBill = bill('2026-06', 800, { due_on: '2026-07-20', paid_on: '2026-07-25', late: true }); // dated 2026-07-21
    const lateReport = annualReport(2025, '100.0000', { filed_on: '2026-08-01', on_time: false }); // dated 2026-07-01
    const abnormal: AbnormalOperationRecord = rec('market-regulation', 'abnormal_operations', {
      entry_id: `${TEST_USCC}-YC01`,
      uscc: TEST_USCC,
      reason: '未按照规定的期限公示年度报告',
      listed_on: '2024-07-15',
      removed_on: '2024-08-01',
      removal_reason: '补报年度报告',
      updated_at: '2024-08-01T02:00:00.000Z',
    } as AbnormalOperationRecord['data']);

    it('measures from the latest event: a late bill, overdue from 2026-07-21 → 2 whole months to 2026-10-01', () => {
      const r = make((b) => {
        b.penalties.push(penalty, futurePenalty);
        b.arrears.push(arrear);
        b.declarations.push(lateFiling, declaration('2026-08', 'VAT', 1_000, 0));
        b.bills.push(lateBill, bill('2026-08', 800));
        b.annualReports.push(lateReport);
        b.abnormalOperations.push(abnormal);
      });
      expect(value('months_since_last_adverse_event', r)).toBe(2);
      expect(ids('months_since_last_adverse_event', r)).toEqual(idsOf(lateBill));
    });

    it('dates a late annual report on 1 July after its year: 3 months to 2026-10-01', () => {
      const r = make((b) => {
        b.annualReports.push(lateReport);
        b.declarations.push(lateFiling);
      });
      expect(value('months_since_last_adverse_event', r)).toBe(3);
      expect(ids('months_since_last_adverse_event', r)).toEqual(idsOf(lateReport));
    });

    it('counts an old abnormal listing and ignores events after the as-of date', () => {
      const r = make((b) => {
        b.abnormalOperations.push(abnormal);
        b.penalties.push(futurePenalty);
      });
      // 2024-07-15 → 2026-10-01: 26 months, the 27th not reached (day 1 < 15).
      expect(value('months_since_last_adverse_event', r)).toBe(26);
    });

    it('is null with nothing adverse (on-time filings and bills)', () => {
      const r = make((b) => {
        b.declarations.push(declaration('2026-08', 'VAT', 1_000, 0));
        b.bills.push(bill('2026-08', 800));
        b.annualReports.push(annualReport(2025, '100.0000'));
      });
      expect(value('months_since_last_adverse_event', r)).toBeNull();
    });
  });
});

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
