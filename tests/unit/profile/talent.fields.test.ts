import { TALENT_FIELDS } from '../../../src/profile/catalog/sections/talent.fields';
import { deriveProfile } from '../../../src/profile/derive/derive-profile';
import type { AnnualReportRecord, EnterpriseRecords, RdDeductionRecord } from '../../../src/profile/derive/enterprise-records';
import { bundle, deriveOne, rec, TEST_USCC } from '../../support/profile-records';

function report(year: number, filedOn: string, total: number, insured: number, revenueWan: string | null): AnnualReportRecord {
  return rec('market-regulation', 'annual_reports', {
    report_id: `${TEST_USCC}-NB${year}`,
    uscc: TEST_USCC,
    year,
    insured_employees: insured,
    total_employees: total,
    revenue_wan: revenueWan,
    total_assets_wan: '2000.0000',
    filed_on: filedOn,
    on_time: filedOn <= `${year + 1}-06-30`,
    updated_at: `${filedOn}T02:00:00.000Z`,
  });
}

function rd(year: number, filedOn: string, rdStaff: number, totalStaff: number, expenseYuan: string): RdDeductionRecord {
  return rec('tax', 'rd_deductions', {
    deduction_id: `${TEST_USCC}-RD${year}`,
    taxpayer_id: TEST_USCC,
    year,
    rd_expense_yuan: expenseYuan,
    super_deduction_yuan: expenseYuan,
    rd_staff: rdStaff,
    total_staff: totalStaff,
    filed_on: filedOn,
    updated_at: `${filedOn}T02:00:00.000Z`,
  });
}

function profile(records: EnterpriseRecords, asOf: string): Record<string, { value: unknown; ids: string[] }> {
  const out: Record<string, { value: unknown; ids: string[] }> = {};
  for (const [key, d] of deriveProfile(records, asOf, TALENT_FIELDS)) out[key] = { value: d.value, ids: d.records.map((r) => r.id) };
  return out;
}
const valuesOf = (p: ReturnType<typeof profile>): Record<string, unknown> => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.value]));
const ids = (...rs: { id: string }[]): string[] => rs.map((r) => r.id);

describe('talent section', () => {
  it('has exactly 15 fields with unique snake_case keys in the talent section, including insured_employees', () => {
    expect(TALENT_FIELDS).toHaveLength(15);
    const keys = TALENT_FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(15);
    for (const f of TALENT_FIELDS) {
      expect(f.key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(f.section).toBe('talent');
      expect(f.zh).toMatch(/[\u4e00-\u9fff]/);
      if (f.type === 'money') expect(f.unit).toBe('CNY fen');
    }
    expect(keys).toContain('insured_employees');
  });

  describe('reports for 2022–2025 and R&D filings for 2022–2025', () => {
    const r2022 = report(2022, '2023-03-01', 30, 20, '500.0000');
    const r2023 = report(2023, '2024-05-10', 40, 30, '800.0000');
    const r2024 = report(2024, '2025-04-01', 50, 45, '1000.0000');
    const r2025 = report(2025, '2026-10-02', 70, 60, '1500.0000'); // filed the day after 2026-10-01
    const d2022 = rd(2022, '2023-05-01', 1, 10, '100000.00');
    const d2023 = rd(2023, '2024-04-01', 5, 40, '600000.00');
    const d2024 = rd(2024, '2025-04-15', 10, 50, '1500000.00');
    const d2025 = rd(2025, '2026-03-20', 12, 60, '1800000.00');
    const records = bundle((b) => {
      b.annualReports.push(r2025, r2022, r2024, r2023);
      b.rdDeductions.push(d2024, d2022, d2025, d2023);
    });

    it('as of 2026-10-01 reads the 2024 report (2025 filed later) and the 2025 R&D filing', () => {
      const p = profile(records, '2026-10-01');
      expect(valuesOf(p)).toEqual({
        total_employees: 50,
        insured_employees: 45,
        insured_employee_share: 0.9, // 45 / 50
        employee_growth_yoy: 0.25, // (50 − 40) / 40
        insured_employees_growth_yoy: 0.5, // (45 − 30) / 30
        revenue_per_employee: 20_000_000, // 1000 万元 = 1,000,000,000 fen / 50
        latest_annual_report_year: 2024,
        annual_report_years_3y: 2, // 2023 and 2024 of 2023–2025 (2022 is before the window)
        rd_staff: 12,
        rd_staff_share: 0.2, // 12 / 60
        rd_staff_3y_avg: 9, // (5 + 10 + 12) / 3
        rd_staff_share_3y_avg: 0.18, // 27 / 150
        rd_expense_per_rd_staff: 15_000_000, // 1,800,000.00 yuan = 180,000,000 fen / 12
        rd_filing_years_3y: 3,
        latest_rd_filing_year: 2025,
      });
      expect(p.insured_employees?.ids).toEqual(ids(r2024));
      expect(p.employee_growth_yoy?.ids).toEqual(ids(r2023, r2024));
      expect(p.annual_report_years_3y?.ids).toEqual(ids(r2023, r2024));
      expect(p.rd_staff_share_3y_avg?.ids).toEqual(ids(d2023, d2024, d2025));
      expect(p.rd_expense_per_rd_staff?.ids).toEqual(ids(d2025));
    });

    it('as of 2026-10-02 the 2025 report counts', () => {
      const p = profile(records, '2026-10-02');
      expect(p.insured_employees).toEqual({ value: 60, ids: ids(r2025) });
      expect(p.employee_growth_yoy?.value).toBe(0.4); // (70 − 50) / 50
      expect(p.revenue_per_employee?.value).toBe(21_428_571); // 1,500,000,000 / 70 = 21,428,571.43 → 21,428,571
      expect(p.annual_report_years_3y?.value).toBe(3);
    });

    it('as of 2026-03-19 the 2025 R&D filing (2026-03-20) is not yet filed', () => {
      const p = profile(records, '2026-03-19');
      expect(p.rd_staff).toEqual({ value: 10, ids: ids(d2024) });
      expect(p.latest_rd_filing_year?.value).toBe(2024);
      expect(p.rd_staff_3y_avg?.value).toBe(7.5); // (5 + 10) / 2 filings of 2023–2025
      expect(p.rd_staff_share_3y_avg?.value).toBe(0.1667); // 15 / 90
      expect(p.rd_filing_years_3y?.value).toBe(2);
    });
  });

  it('uses the later of two filings for the same year', () => {
    const first = report(2025, '2026-03-01', 10, 8, '100.0000');
    const corrected = report(2025, '2026-05-01', 12, 9, '100.0000');
    const records = bundle((b) => {
      b.annualReports.push(corrected, first);
    });
    expect(deriveOne('total_employees', records, '2026-10-01')).toMatchObject({ value: 12, records: [corrected] });
    expect(deriveOne('total_employees', records, '2026-04-01')).toMatchObject({ value: 10, records: [first] });
  });

  it('is null without reports or filings; the coverage counts are 0', () => {
    const v = valuesOf(profile(bundle(() => undefined), '2026-10-01'));
    expect(v.annual_report_years_3y).toBe(0);
    expect(v.rd_filing_years_3y).toBe(0);
    for (const [key, value] of Object.entries(v)) if (!key.endsWith('_years_3y')) expect({ key, value }).toEqual({ key, value: null });
  });

  it('is null where a ratio has nothing to divide by, or revenue is not disclosed', () => {
    const records = bundle((b) => {
      b.annualReports.push(report(2024, '2025-04-01', 0, 0, '100.0000'), report(2025, '2026-04-01', 5, 0, null));
      b.rdDeductions.push(rd(2025, '2026-04-01', 0, 0, '0.00'));
    });
    const v = valuesOf(profile(records, '2026-10-01'));
    expect(v.total_employees).toBe(5);
    expect(v.insured_employee_share).toBe(0);
    expect(v.revenue_per_employee).toBeNull(); // undisclosed
    expect(v.employee_growth_yoy).toBeNull(); // no positive base (2024: 0 employees)
    expect(v.rd_staff).toBe(0);
    expect(v.rd_staff_share).toBeNull();
    expect(v.rd_staff_share_3y_avg).toBeNull();
    expect(v.rd_expense_per_rd_staff).toBeNull();
    expect(v.rd_staff_3y_avg).toBe(0);
  });

  it('needs the report of the immediately preceding year for growth', () => {
    const records = bundle((b) => {
      b.annualReports.push(report(2023, '2024-04-01', 10, 10, null), report(2025, '2026-04-01', 20, 20, null));
    });
    expect(deriveOne('employee_growth_yoy', records, '2026-10-01').value).toBeNull();
    expect(deriveOne('insured_employees_growth_yoy', records, '2026-10-01').value).toBeNull();
  });
});
