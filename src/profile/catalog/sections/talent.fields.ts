import { defineSection } from '../define-section';
import { derived, type Derived } from '../../derive/derived';
import { growth, ratio, round, wanToFen, yuanToFen } from '../../derive/amounts';
import type { DeriveContext } from '../../derive/derive-context';
import type { AnnualReportRecord, RdDeductionRecord } from '../../derive/enterprise-records';
import { annualReports, rdFilings } from '../../derive/talent-filings';

const LATEST_REPORT =
  'the annual report (年报) of the latest year among those filed on or before the as-of date (filed_on ≤ as-of date; when a year was filed twice, the later filing)';
const LATEST_RD =
  'the R&D super-deduction filing (研发费用加计扣除, with the annual CIT return) of the latest tax year among those filed on or before the as-of date';
const LAST_3_YEARS = 'the three calendar years before the as-of date\'s year (Y−3 … Y−1), counting filings made on or before the as-of date';
const NO_REPORT = 'unknown: no annual report filed by the as-of date';
const NO_RD = 'unknown: no R&D deduction filing by the as-of date (the enterprise claims no R&D deduction, or files no CIT)';

/** A value read from the latest annual report. */
const fromLatestReport = (read: (r: AnnualReportRecord) => number | null) => (ctx: DeriveContext): Derived => {
  const r = annualReports(ctx).latest;
  const value = r === null ? null : read(r);
  return r === null || value === null ? derived(null) : derived(value, [r]);
};

/** A value read from the latest R&D deduction filing. */
const fromLatestRd = (read: (r: RdDeductionRecord) => number | null) => (ctx: DeriveContext): Derived => {
  const r = rdFilings(ctx).latest;
  const value = r === null ? null : read(r);
  return r === null || value === null ? derived(null) : derived(value, [r]);
};

/** Year-on-year growth of a report figure: latest report vs the report of the year before. */
const reportGrowth = (read: (r: AnnualReportRecord) => number) => (ctx: DeriveContext): Derived => {
  const { latest, byYear } = annualReports(ctx);
  const previous = latest === null ? undefined : byYear.get(latest.data.year - 1);
  if (latest === null || previous === undefined) return derived(null);
  const g = growth(read(latest), read(previous));
  return g === null ? derived(null) : derived(g, [previous, latest]);
};

export const TALENT_FIELDS = defineSection('talent', [
  {
    key: 'total_employees',
    type: 'integer',
    unit: 'count',
    zh: '从业人数（最近一期年报）',
    en: 'Employees, latest annual report',
    sources: ['market-regulation'],
    derivation: `total_employees of ${LATEST_REPORT}.`,
    nullMeans: NO_REPORT,
    derive: fromLatestReport((r) => r.data.total_employees),
  },
  {
    key: 'insured_employees',
    type: 'integer',
    unit: 'count',
    zh: '参保人数（最近一期年报）',
    en: 'Employees covered by social insurance, latest annual report',
    sources: ['market-regulation'],
    derivation: `insured_employees of ${LATEST_REPORT}.`,
    nullMeans: NO_REPORT,
    derive: fromLatestReport((r) => r.data.insured_employees),
  },
  {
    key: 'insured_employee_share',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '参保人数占从业人数比例',
    en: 'Share of employees covered by social insurance',
    sources: ['market-regulation'],
    derivation: `insured_employees / total_employees of ${LATEST_REPORT}.`,
    nullMeans: `${NO_REPORT}; or it reports 0 employees`,
    derive: fromLatestReport((r) => ratio(r.data.insured_employees, r.data.total_employees)),
  },
  {
    key: 'employee_growth_yoy',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '从业人数同比增长率',
    en: 'Year-on-year growth of employees',
    sources: ['market-regulation'],
    derivation: `(total_employees of ${LATEST_REPORT} − total_employees of the report for the year before it, also filed by the as-of date) / the latter.`,
    nullMeans: 'unknown: no report for the latest year or for the year before it, or the earlier one reports 0 employees',
    derive: reportGrowth((r) => r.data.total_employees),
  },
  {
    key: 'insured_employees_growth_yoy',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '参保人数同比增长率',
    en: 'Year-on-year growth of insured employees',
    sources: ['market-regulation'],
    derivation: `(insured_employees of ${LATEST_REPORT} − insured_employees of the report for the year before it, also filed by the as-of date) / the latter.`,
    nullMeans: 'unknown: no report for the latest year or for the year before it, or the earlier one reports 0 insured employees',
    derive: reportGrowth((r) => r.data.insured_employees),
  },
  {
    key: 'revenue_per_employee',
    type: 'money',
    unit: 'CNY fen',
    zh: '人均营业收入（最近一期年报）',
    en: 'Revenue per employee, latest annual report',
    sources: ['market-regulation'],
    derivation: `revenue_wan (in fen) / total_employees of ${LATEST_REPORT}, rounded to the fen.`,
    nullMeans: `${NO_REPORT}; or that report does not disclose revenue or reports 0 employees`,
    derive: fromLatestReport((r) => (r.data.revenue_wan === null || r.data.total_employees === 0 ? null : Math.round(wanToFen(r.data.revenue_wan) / r.data.total_employees))),
  },
  {
    key: 'latest_annual_report_year',
    type: 'integer',
    unit: null,
    zh: '最近一期已报送年报所属年度',
    en: 'Year of the latest annual report filed',
    sources: ['market-regulation'],
    derivation: `year of ${LATEST_REPORT}: how current the employee figures are.`,
    nullMeans: NO_REPORT,
    derive: fromLatestReport((r) => r.data.year),
  },
  {
    key: 'annual_report_years_3y',
    type: 'integer',
    unit: 'count',
    zh: '近三个年度已报送年报的年度数（0–3）',
    en: 'Years with an annual report filed, of the last three years (0–3)',
    sources: ['market-regulation'],
    derivation: `Number of distinct report years among ${LAST_3_YEARS} that have an annual report.`,
    nullMeans: 'never null: 0 when no report covers those years',
    derive: (ctx) => {
      const rs = annualReports(ctx).last3Years;
      return derived(rs.length, rs);
    },
  },
  {
    key: 'rd_staff',
    type: 'integer',
    unit: 'count',
    zh: '研发人员数（最近一期研发费用加计扣除申报）',
    en: 'R&D staff, latest R&D deduction filing',
    sources: ['tax'],
    derivation: `rd_staff of ${LATEST_RD}.`,
    nullMeans: NO_RD,
    derive: fromLatestRd((r) => r.data.rd_staff),
  },
  {
    key: 'rd_staff_share',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '研发人员占比（最近一期）',
    en: 'R&D staff share of total staff, latest R&D deduction filing',
    sources: ['tax'],
    derivation: `rd_staff / total_staff of ${LATEST_RD}.`,
    nullMeans: `${NO_RD}; or it reports 0 staff`,
    derive: fromLatestRd((r) => ratio(r.data.rd_staff, r.data.total_staff)),
  },
  {
    key: 'rd_staff_3y_avg',
    type: 'decimal',
    unit: 'count',
    scale: 1,
    zh: '近三年平均研发人员数',
    en: 'Average R&D staff over the last three years',
    sources: ['tax'],
    derivation: `Mean of rd_staff over the R&D deduction filings for ${LAST_3_YEARS} (divided by the number of such filings, 1–3).`,
    nullMeans: 'unknown: no R&D deduction filing for those years',
    derive: (ctx) => {
      const rs = rdFilings(ctx).last3Years;
      return rs.length === 0 ? derived(null) : derived(round(rs.reduce((n, r) => n + r.data.rd_staff, 0) / rs.length, 1), rs);
    },
  },
  {
    key: 'rd_staff_share_3y_avg',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '近三年研发人员占比（按人数加权）',
    en: 'R&D staff share over the last three years (staff-weighted)',
    sources: ['tax'],
    derivation: `Σ rd_staff / Σ total_staff over the R&D deduction filings for ${LAST_3_YEARS}.`,
    nullMeans: 'unknown: no R&D deduction filing for those years, or they report 0 staff',
    derive: (ctx) => {
      const rs = rdFilings(ctx).last3Years;
      const r = ratio(rs.reduce((n, x) => n + x.data.rd_staff, 0), rs.reduce((n, x) => n + x.data.total_staff, 0));
      return r === null ? derived(null) : derived(r, rs);
    },
  },
  {
    key: 'rd_expense_per_rd_staff',
    type: 'money',
    unit: 'CNY fen',
    zh: '研发人员人均研发费用（最近一期）',
    en: 'R&D expense per R&D staff member, latest R&D deduction filing',
    sources: ['tax'],
    derivation: `rd_expense_yuan (in fen) / rd_staff of ${LATEST_RD}, rounded to the fen.`,
    nullMeans: `${NO_RD}; or it reports 0 R&D staff`,
    derive: fromLatestRd((r) => (r.data.rd_staff === 0 ? null : Math.round(yuanToFen(r.data.rd_expense_yuan) / r.data.rd_staff))),
  },
  {
    key: 'rd_filing_years_3y',
    type: 'integer',
    unit: 'count',
    zh: '近三个年度申报研发费用加计扣除的年度数（0–3）',
    en: 'Years with an R&D deduction filing, of the last three years (0–3)',
    sources: ['tax'],
    derivation: `Number of distinct tax years among ${LAST_3_YEARS} that have an R&D deduction filing.`,
    nullMeans: 'never null: 0 when no filing covers those years',
    derive: (ctx) => {
      const rs = rdFilings(ctx).last3Years;
      return derived(rs.length, rs);
    },
  },
  {
    key: 'latest_rd_filing_year',
    type: 'integer',
    unit: null,
    zh: '最近一期研发费用加计扣除申报所属年度',
    en: 'Tax year of the latest R&D deduction filing',
    sources: ['tax'],
    derivation: `year of ${LATEST_RD}: how current the R&D staff figures are.`,
    nullMeans: NO_RD,
    derive: fromLatestRd((r) => r.data.year),
  },
]);
