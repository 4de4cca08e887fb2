import { defineSection } from '../define-section';
import { derived } from '../../derive/derived';
import { growth, wanToFen, yuanToFen } from '../../derive/amounts';
import { monthIndex } from '../../derive/calendar';
import type { DeriveContext } from '../../derive/derive-context';
import { citWindow, declarationsFiled, lastDueMonth, taxPaid, trailingZeroRun, vatLines, vatWindow } from '../../derive/tax-declarations';
import { relativeTrend, trendQuarters } from '../../derive/tax-quarters';
import { TAX_CREDIT_GRADES, gradesLast3y, latestGrade, worstGrade } from '../../derive/tax-credit-grades';
import { latestRd, latestReport, latestRevenueReport, rdLast3y } from '../../derive/tax-annual-filings';

/**
 * Tax and revenue: VAT and CIT declarations, the tax credit grade, R&D super deductions, and the
 * annual report's revenue and assets as a cross-check of taxable revenue.
 *
 * Declaration windows ("the N due months") end with the latest month whose declarations were due
 * (the 15th of the following month) on or before the as-of date; see derive/tax-declarations.ts.
 * A quarterly (small-scale) VAT declaration is counted with its period, the quarter's last month,
 * and covers that quarter's three months.
 */

// A VAT declaration on a quarter's last month with no VAT declaration for a month other than a
// quarter's last in the quarter before, its own quarter or the quarter after is read as quarterly,
// covering 3 months (derive/tax-declarations.ts, VatLine.months). Quarters: derive/tax-quarters.ts.
const DUE_MONTHS_TEXT =
  'the due months are the months up to the latest month whose declarations were due (the 15th of the following month) on or before the as-of date: as of 2026-10-01, the 12 due months are 2025-09 … 2026-08';

/** VAT revenue over a window when its VAT declarations cover all of its months, else null. */
const fullVatRevenue = (ctx: DeriveContext, n: number, skip: number) => {
  const w = vatWindow(ctx, n, skip);
  return w.months >= n ? w : null;
};

export const TAX_FIELDS = defineSection('tax', [
  {
    key: 'tax_paid_12m',
    type: 'money',
    unit: 'CNY fen',
    zh: '近12个月实缴税额（增值税+企业所得税）',
    en: 'Tax paid (VAT + CIT) over the last 12 due months',
    sources: ['tax'],
    derivation: `Sum of tax_paid_yuan of the VAT and CIT declarations whose period is one of the 12 due months and that were filed on or before the as-of date; ${DUE_MONTHS_TEXT}.`,
    nullMeans: 'unknown: no VAT or CIT declaration for those periods',
    derive: (ctx) => {
      const t = taxPaid(ctx, 12);
      return t === null ? derived(null) : derived(t.fen, t.records);
    },
  },
  {
    key: 'vat_paid_12m',
    type: 'money',
    unit: 'CNY fen',
    zh: '近12个月增值税实缴额',
    en: 'VAT paid over the last 12 due months',
    sources: ['tax'],
    derivation: `Sum of tax_paid_yuan of the VAT declarations whose period is one of the 12 due months and that were filed on or before the as-of date; ${DUE_MONTHS_TEXT}.`,
    nullMeans: 'unknown: no VAT declaration for those periods',
    derive: (ctx) => {
      const w = vatWindow(ctx, 12);
      return w.lines.length === 0 ? derived(null) : derived(w.paidFen, w.lines.map((l) => l.record));
    },
  },
  {
    key: 'cit_paid_12m',
    type: 'money',
    unit: 'CNY fen',
    zh: '近12个月企业所得税预缴额',
    en: 'Corporate income tax prepaid over the last 12 due months',
    sources: ['tax'],
    derivation: `Sum of tax_paid_yuan of the quarterly CIT declarations whose period (a quarter's last month) is one of the 12 due months and that were filed on or before the as-of date; ${DUE_MONTHS_TEXT}.`,
    nullMeans: 'unknown or not applicable: no CIT declaration for those periods (only limited companies and joint stock companies file CIT)',
    derive: (ctx) => {
      const w = citWindow(ctx, 12);
      return w.lines.length === 0 ? derived(null) : derived(w.paidFen, w.lines.map((l) => l.record));
    },
  },
  {
    key: 'tax_paid_36m',
    type: 'money',
    unit: 'CNY fen',
    zh: '近36个月实缴税额（增值税+企业所得税）',
    en: 'Tax paid (VAT + CIT) over the last 36 due months',
    sources: ['tax'],
    derivation: `Sum of tax_paid_yuan of the VAT and CIT declarations whose period is one of the 36 due months and that were filed on or before the as-of date; ${DUE_MONTHS_TEXT}.`,
    nullMeans: 'unknown: no VAT or CIT declaration for those periods',
    derive: (ctx) => {
      const t = taxPaid(ctx, 36);
      return t === null ? derived(null) : derived(t.fen, t.records);
    },
  },
  {
    key: 'tax_paid_yoy_growth',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '实缴税额同比增长率（近12个月对前12个月）',
    en: 'Growth of tax paid (VAT + CIT): last 12 due months over the 12 months before',
    sources: ['tax'],
    derivation: `(tax paid in the 12 due months − tax paid in the 12 months before them) / the latter, as for tax_paid_12m; only when the VAT declarations of both windows cover all 12 of their months (a quarterly declaration covers 3); ${DUE_MONTHS_TEXT}.`,
    nullMeans: 'unknown: either window is not fully declared (e.g. the firm began filing within the earlier one), or no tax was paid in the earlier window',
    derive: (ctx) => {
      const cur = taxPaid(ctx, 12);
      const prev = taxPaid(ctx, 12, 12);
      if (cur === null || prev === null || cur.vatMonths < 12 || prev.vatMonths < 12) return derived(null);
      const g = growth(cur.fen, prev.fen);
      return g === null ? derived(null) : derived(g, [...cur.records, ...prev.records]);
    },
  },
  {
    key: 'vat_revenue_12m',
    type: 'money',
    unit: 'CNY fen',
    zh: '近12个月增值税申报应税销售额',
    en: 'VAT taxable revenue declared over the last 12 due months',
    sources: ['tax'],
    derivation: `Sum of taxable_revenue_yuan of the VAT declarations whose period is one of the 12 due months and that were filed on or before the as-of date (a quarterly declaration counts with its period, the quarter's last month, and covers the quarter); ${DUE_MONTHS_TEXT}.`,
    nullMeans: 'unknown: no VAT declaration for those periods',
    derive: (ctx) => {
      const w = vatWindow(ctx, 12);
      return w.lines.length === 0 ? derived(null) : derived(w.revenueFen, w.lines.map((l) => l.record));
    },
  },
  {
    key: 'vat_revenue_prev_12m',
    type: 'money',
    unit: 'CNY fen',
    zh: '前一个12个月增值税申报应税销售额（第13–24个月）',
    en: 'VAT taxable revenue declared over the 12 months before the last 12 due months',
    sources: ['tax'],
    derivation: `Sum of taxable_revenue_yuan of the VAT declarations whose period is one of the 12 months before the 12 due months (due months 13–24 back) and that were filed on or before the as-of date; ${DUE_MONTHS_TEXT}.`,
    nullMeans: 'unknown: no VAT declaration for those periods',
    derive: (ctx) => {
      const w = vatWindow(ctx, 12, 12);
      return w.lines.length === 0 ? derived(null) : derived(w.revenueFen, w.lines.map((l) => l.record));
    },
  },
  {
    key: 'vat_revenue_yoy_growth',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '增值税申报销售额同比增长率（近12个月对前12个月）',
    en: 'Growth of VAT taxable revenue: last 12 due months over the 12 months before',
    sources: ['tax'],
    derivation: `(vat_revenue_12m − vat_revenue_prev_12m) / vat_revenue_prev_12m, only when the VAT declarations of both windows cover all 12 of their months (a quarterly declaration covers 3); ${DUE_MONTHS_TEXT}.`,
    nullMeans: 'unknown: either window is not fully declared (e.g. the firm began filing within the earlier one), or the earlier revenue is 0',
    derive: (ctx) => {
      const cur = fullVatRevenue(ctx, 12, 0);
      const prev = fullVatRevenue(ctx, 12, 12);
      if (cur === null || prev === null) return derived(null);
      const g = growth(cur.revenueFen, prev.revenueFen);
      return g === null ? derived(null) : derived(g, [...cur.lines, ...prev.lines].map((l) => l.record));
    },
  },
  {
    key: 'vat_revenue_last_year',
    type: 'money',
    unit: 'CNY fen',
    zh: '上一完整年度增值税申报应税销售额',
    en: 'VAT taxable revenue declared for the last full calendar year',
    sources: ['tax'],
    derivation:
      'Sum of taxable_revenue_yuan of the VAT declarations filed on or before the as-of date whose period lies in the latest calendar year whose December declaration was due by the as-of date (due the 15th of January: as of 2026-01-14 that is 2024, from 2026-01-15 on 2025). For a firm that began filing during that year, its declared months only.',
    nullMeans: 'unknown: no VAT declaration for that year',
    derive: (ctx) => {
      const due = lastDueMonth(ctx.asOf);
      const year = due.endsWith('-12') ? due.slice(0, 4) : String(Number(due.slice(0, 4)) - 1);
      const lines = vatLines(ctx).filter((l) => l.period.startsWith(year));
      return lines.length === 0 ? derived(null) : derived(lines.reduce((n, l) => n + l.revenueFen, 0), lines.map((l) => l.record));
    },
  },
  {
    key: 'vat_revenue_latest_quarter',
    type: 'money',
    unit: 'CNY fen',
    zh: '最近一个完整季度增值税申报应税销售额',
    en: 'VAT taxable revenue of the latest due calendar quarter',
    sources: ['tax'],
    derivation:
      'Taxable_revenue_yuan of the VAT declarations filed on or before the as-of date for the latest calendar quarter whose declarations were all due by the as-of date (as of 2026-10-01: 2026 Q2): the three monthly declarations, or the quarterly one. Only when the quarter is fully declared.',
    nullMeans: 'unknown: that quarter is not fully declared (missing months, or no VAT declaration)',
    derive: (ctx) => {
      const qs = trendQuarters(ctx);
      const q = qs[qs.length - 1];
      return q === undefined ? derived(null) : derived(q.revenueFen, q.records);
    },
  },
  {
    key: 'vat_revenue_latest_quarter_yoy_growth',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '最近完整季度增值税申报销售额同比增长率',
    en: 'Growth of VAT taxable revenue: latest due quarter over the same quarter a year before',
    sources: ['tax'],
    derivation:
      '(revenue of the latest due quarter − revenue of the same quarter a year before) / the latter, each as for vat_revenue_latest_quarter; only when both quarters are fully declared.',
    nullMeans: 'unknown: either quarter is not fully declared, or the year-earlier revenue is 0',
    derive: (ctx) => {
      const qs = trendQuarters(ctx);
      const cur = qs[qs.length - 1];
      const prev = qs[qs.length - 5];
      if (cur === undefined || prev === undefined) return derived(null);
      const g = growth(cur.revenueFen, prev.revenueFen);
      return g === null ? derived(null) : derived(g, [...prev.records, ...cur.records]);
    },
  },
  {
    key: 'vat_revenue_quarterly_trend_8q',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '近8个季度增值税申报销售额趋势（每季度相对变化）',
    en: 'Trend of quarterly VAT taxable revenue over the last 8 due quarters (relative change per quarter)',
    sources: ['tax'],
    derivation:
      'Over the 8 calendar quarters ending with the latest due quarter (see vat_revenue_latest_quarter), the least-squares slope of each fully declared quarter’s VAT taxable revenue against its position (0 … 7), divided by the mean revenue of those quarters: e.g. 0.05 = revenue grows by about 5% of its average level each quarter. Needs at least 4 fully declared quarters.',
    nullMeans: 'unknown: fewer than 4 fully declared quarters, or their mean revenue is 0',
    derive: (ctx) => {
      const t = relativeTrend(trendQuarters(ctx));
      return t === null ? derived(null) : derived(t.value, t.fitted.flatMap((q) => q.records));
    },
  },
  {
    key: 'zero_declaration_months_12m',
    type: 'integer',
    unit: 'months',
    zh: '近12个月增值税零申报月数',
    en: 'Months declared with zero VAT taxable revenue in the last 12 due months',
    sources: ['tax'],
    derivation: `Months covered by the VAT declarations flagged zero_declaration whose period is one of the 12 due months and that were filed on or before the as-of date (a quarterly declaration covers 3 months); ${DUE_MONTHS_TEXT}.`,
    nullMeans: 'unknown: no VAT declaration for those periods',
    derive: (ctx) => {
      const w = vatWindow(ctx, 12);
      return w.lines.length === 0 ? derived(null) : derived(w.zeroMonths, w.zeroLines.map((l) => l.record));
    },
  },
  {
    key: 'consecutive_zero_declaration_months',
    type: 'integer',
    unit: 'months',
    zh: '截至最近一期连续增值税零申报月数',
    en: 'Consecutive months of zero VAT declarations up to the latest VAT declaration',
    sources: ['tax'],
    derivation:
      'From the latest VAT declaration filed on or before the as-of date backwards, the months covered (a quarterly declaration covers 3) by the unbroken run of declarations flagged zero_declaration, each directly following the one before; 0 when the latest declaration is not zero. A dormant firm files zero declarations month after month.',
    nullMeans: 'unknown: no VAT declaration filed on or before the as-of date',
    derive: (ctx) => {
      const lines = vatLines(ctx);
      const latest = lines[lines.length - 1];
      if (latest === undefined) return derived(null);
      const run = trailingZeroRun(lines);
      return run.length === 0 ? derived(0, [latest.record]) : derived(run.reduce((n, l) => n + l.months, 0), run.map((l) => l.record));
    },
  },
  {
    key: 'vat_months_declared_12m',
    type: 'integer',
    unit: 'months',
    zh: '近12个月增值税已申报月数',
    en: 'Months of the last 12 due months covered by VAT declarations',
    sources: ['tax'],
    derivation: `Months covered by the VAT declarations whose period is one of the 12 due months and that were filed on or before the as-of date (a monthly declaration covers 1, a quarterly one 3), at most 12; below 12 means months not (yet) declared; ${DUE_MONTHS_TEXT}.`,
    nullMeans: 'unknown: the enterprise has no VAT declaration filed on or before the as-of date at all (0 means it has some, but none for those periods)',
    derive: (ctx) => {
      if (vatLines(ctx).length === 0) return derived(null);
      const w = vatWindow(ctx, 12);
      return derived(Math.min(12, w.months), w.lines.map((l) => l.record));
    },
  },
  {
    key: 'tax_declaration_history_months',
    type: 'integer',
    unit: 'months',
    zh: '纳税申报记录跨度（月）',
    en: 'Span of the declaration history in months',
    sources: ['tax'],
    derivation:
      'Months from the earliest to the latest period, inclusive, of the VAT and CIT declarations filed on or before the as-of date. The tax bureau’s history reaches back 36 months, so the value is capped by it.',
    nullMeans: 'unknown: no declaration filed on or before the as-of date',
    derive: (ctx) => {
      const ds = declarationsFiled(ctx);
      if (ds.length === 0) return derived(null);
      let first = ds[0];
      let last = ds[0];
      for (const d of ds) {
        if (d.data.period < first.data.period) first = d;
        if (d.data.period > last.data.period) last = d;
      }
      return derived(monthIndex(last.data.period) - monthIndex(first.data.period) + 1, first === last ? [first] : [first, last]);
    },
  },
  {
    key: 'vat_taxpayer_type',
    type: 'enum',
    unit: null,
    values: ['general', 'small_scale'],
    zh: '增值税纳税人类型（一般纳税人/小规模纳税人）',
    en: 'VAT taxpayer type: general (declares monthly) or small-scale (declares quarterly)',
    sources: ['tax'],
    derivation:
      'From the latest VAT declaration filed on or before the as-of date: small_scale when its period is a quarter’s last month and no month other than a quarter’s last in the quarter before, its own quarter or the quarter after has a VAT declaration (quarterly filing, as small-scale taxpayers and individual businesses do), otherwise general (monthly filing). A monthly filer whose only declaration so far is its first, on a quarter’s last month, reads small_scale until the next one is filed; one switching from monthly to quarterly filing reads general until its second quarterly declaration is filed.',
    nullMeans: 'unknown: no VAT declaration filed on or before the as-of date',
    derive: (ctx) => {
      const lines = vatLines(ctx);
      const latest = lines[lines.length - 1];
      return latest === undefined ? derived(null) : derived(latest.months === 3 ? 'small_scale' : 'general', [latest.record]);
    },
  },
  {
    key: 'latest_declared_period',
    type: 'code',
    unit: null,
    maxLength: 7,
    zh: '最近申报所属期（YYYY-MM）',
    en: 'Latest declared tax period (YYYY-MM)',
    sources: ['tax'],
    derivation: 'The latest period (YYYY-MM) of the VAT and CIT declarations filed on or before the as-of date; a firm that stopped declaring shows an old period.',
    nullMeans: 'unknown: no declaration filed on or before the as-of date',
    derive: (ctx) => {
      const ds = declarationsFiled(ctx);
      if (ds.length === 0) return derived(null);
      let latest = ds[0].data.period;
      for (const d of ds) if (d.data.period > latest) latest = d.data.period;
      return derived(latest, ds.filter((d) => d.data.period === latest));
    },
  },
  {
    key: 'tax_credit_grade_latest',
    type: 'enum',
    unit: null,
    values: TAX_CREDIT_GRADES,
    zh: '最新纳税信用等级',
    en: 'Latest tax credit grade (A/B/M/C/D)',
    sources: ['tax'],
    derivation: 'Grade of the credit_grades record with the latest year among those published on or before the as-of date (grades are published each April for the year before).',
    nullMeans: 'unknown: no grade published for the enterprise on or before the as-of date (a firm is first graded in the April after its first year)',
    derive: (ctx) => {
      const g = latestGrade(ctx);
      return g === null ? derived(null) : derived(g.data.grade, [g]);
    },
  },
  {
    key: 'tax_credit_points_latest',
    type: 'integer',
    unit: 'points',
    zh: '最新纳税信用评价得分',
    en: 'Points of the latest tax credit grade (0–100)',
    sources: ['tax'],
    derivation: 'Points of the same record as tax_credit_grade_latest: the latest graded year published on or before the as-of date.',
    nullMeans: 'unknown: no grade published for the enterprise on or before the as-of date',
    derive: (ctx) => {
      const g = latestGrade(ctx);
      return g === null ? derived(null) : derived(g.data.points, [g]);
    },
  },
  {
    key: 'tax_credit_grade_latest_year',
    type: 'integer',
    unit: null,
    zh: '最新纳税信用等级所属年度',
    en: 'Year the latest tax credit grade is for',
    sources: ['tax'],
    derivation: 'Year of the same record as tax_credit_grade_latest; an old year means the firm was not graded since.',
    nullMeans: 'unknown: no grade published for the enterprise on or before the as-of date',
    derive: (ctx) => {
      const g = latestGrade(ctx);
      return g === null ? derived(null) : derived(g.data.year, [g]);
    },
  },
  {
    key: 'tax_credit_grade_a_count_3y',
    type: 'integer',
    unit: 'count',
    zh: '近3个评价年度纳税信用A级次数',
    en: 'A grades among the latest 3 graded years',
    sources: ['tax'],
    derivation: 'Number of A grades among the grades of the latest graded year (as for tax_credit_grade_latest) and the two years before it, published on or before the as-of date.',
    nullMeans: 'unknown: no grade published for the enterprise on or before the as-of date',
    derive: (ctx) => {
      const gs = gradesLast3y(ctx);
      if (gs.length === 0) return derived(null);
      const as = gs.filter((g) => g.data.grade === 'A');
      return derived(as.length, as);
    },
  },
  {
    key: 'tax_credit_grade_worst_3y',
    type: 'enum',
    unit: null,
    values: TAX_CREDIT_GRADES,
    zh: '近3个评价年度最差纳税信用等级',
    en: 'Worst tax credit grade among the latest 3 graded years',
    sources: ['tax'],
    derivation: 'Worst grade, in the order A (best), B, M, C, D (worst), among the grades of the latest graded year and the two years before it, published on or before the as-of date.',
    nullMeans: 'unknown: no grade published for the enterprise on or before the as-of date',
    derive: (ctx) => {
      const w = worstGrade(gradesLast3y(ctx));
      return w === null ? derived(null) : derived(w.data.grade, [w]);
    },
  },
  {
    key: 'rd_expense_latest_year',
    type: 'money',
    unit: 'CNY fen',
    zh: '最近年度研发费用（加计扣除申报）',
    en: 'R&D expense of the latest year claimed for the super deduction',
    sources: ['tax'],
    derivation: 'rd_expense_yuan of the rd_deductions record with the latest year among those filed on or before the as-of date (claimed with the annual CIT return, March–May of the next year).',
    nullMeans: 'none or unknown: no R&D super deduction claimed on or before the as-of date (firms without R&D, and non-companies, claim none)',
    derive: (ctx) => {
      const r = latestRd(ctx);
      return r === null ? derived(null) : derived(yuanToFen(r.data.rd_expense_yuan), [r]);
    },
  },
  {
    key: 'rd_deduction_latest_year',
    type: 'integer',
    unit: null,
    zh: '最近研发费用加计扣除所属年度',
    en: 'Year of the latest R&D super-deduction claim',
    sources: ['tax'],
    derivation: 'Year of the same record as rd_expense_latest_year; an old year means no R&D was claimed since.',
    nullMeans: 'none or unknown: no R&D super deduction claimed on or before the as-of date',
    derive: (ctx) => {
      const r = latestRd(ctx);
      return r === null ? derived(null) : derived(r.data.year, [r]);
    },
  },
  {
    key: 'rd_expense_3y',
    type: 'money',
    unit: 'CNY fen',
    zh: '近3个年度研发费用合计',
    en: 'R&D expense over the latest 3 claimed years',
    sources: ['tax'],
    derivation:
      'Sum of rd_expense_yuan of the rd_deductions records of the latest claimed year (as for rd_expense_latest_year) and the two years before it, filed on or before the as-of date; a year without a claim adds nothing.',
    nullMeans: 'none or unknown: no R&D super deduction claimed on or before the as-of date',
    derive: (ctx) => {
      const rs = rdLast3y(ctx);
      return rs.length === 0 ? derived(null) : derived(rs.reduce((n, r) => n + yuanToFen(r.data.rd_expense_yuan), 0), rs);
    },
  },
  {
    key: 'rd_super_deduction_latest_year',
    type: 'money',
    unit: 'CNY fen',
    zh: '最近年度研发费用加计扣除额',
    en: 'R&D super deduction claimed for the latest year',
    sources: ['tax'],
    derivation: 'super_deduction_yuan of the same record as rd_expense_latest_year (the additional deduction on top of the expense itself).',
    nullMeans: 'none or unknown: no R&D super deduction claimed on or before the as-of date',
    derive: (ctx) => {
      const r = latestRd(ctx);
      return r === null ? derived(null) : derived(yuanToFen(r.data.super_deduction_yuan), [r]);
    },
  },
  {
    key: 'annual_report_revenue_latest',
    type: 'money',
    unit: 'CNY fen',
    zh: '最近年报披露营业收入',
    en: 'Revenue in the latest annual report that discloses it',
    sources: ['market-regulation'],
    derivation:
      'revenue_wan (万元, in fen) of the annual report with the latest year, among those filed on or before the as-of date, that discloses its revenue; a cross-check of the VAT taxable revenue of that year (see annual_report_revenue_year).',
    nullMeans: 'unknown: no annual report filed on or before the as-of date, or none discloses revenue (disclosure is optional)',
    derive: (ctx) => {
      const r = latestRevenueReport(ctx);
      return r === null || r.data.revenue_wan === null ? derived(null) : derived(wanToFen(r.data.revenue_wan), [r]);
    },
  },
  {
    key: 'annual_report_revenue_year',
    type: 'integer',
    unit: null,
    zh: '年报营业收入所属年度',
    en: 'Year of the annual report revenue',
    sources: ['market-regulation'],
    derivation: 'Year of the same annual report as annual_report_revenue_latest.',
    nullMeans: 'unknown: no annual report filed on or before the as-of date discloses revenue',
    derive: (ctx) => {
      const r = latestRevenueReport(ctx);
      return r === null ? derived(null) : derived(r.data.year, [r]);
    },
  },
  {
    key: 'annual_report_total_assets_latest',
    type: 'money',
    unit: 'CNY fen',
    zh: '最近年报资产总额',
    en: 'Total assets in the latest annual report',
    sources: ['market-regulation'],
    derivation: 'total_assets_wan (万元, in fen) of the annual report with the latest year among those filed on or before the as-of date.',
    nullMeans: 'unknown: no annual report filed on or before the as-of date',
    derive: (ctx) => {
      const r = latestReport(ctx);
      return r === null ? derived(null) : derived(wanToFen(r.data.total_assets_wan), [r]);
    },
  },
]);

