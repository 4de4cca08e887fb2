import type { DeriveContext } from './derive-context';
import type { AnnualReportRecord, RdDeductionRecord } from './enterprise-records';

/**
 * Annual filings read by the tax section: R&D super-deduction claims (with the annual CIT return)
 * and the annual reports' financials, each as filed on or before the as-of date, one per year.
 */

interface YearFiled {
  readonly data: { readonly year: number; readonly filed_on: string };
}

/** One record per year (the latest filed when a year was sent twice), filed by `asOf`, oldest year first. */
function perYear<T extends YearFiled>(records: readonly T[], asOf: string): T[] {
  const byYear = new Map<number, T>();
  for (const r of records) {
    if (r.data.filed_on > asOf) continue;
    const seen = byYear.get(r.data.year);
    if (seen === undefined || r.data.filed_on > seen.data.filed_on) byYear.set(r.data.year, r);
  }
  return [...byYear.values()].sort((a, b) => a.data.year - b.data.year);
}

/** Years the R&D 3-year total covers: the latest claimed year and the two before it. */
export const RD_YEARS = 3;

export const rdFiled = (ctx: DeriveContext): readonly RdDeductionRecord[] => ctx.memo('tax:rd', () => perYear(ctx.records.rdDeductions, ctx.asOf));

export const latestRd = (ctx: DeriveContext): RdDeductionRecord | null => {
  const rs = rdFiled(ctx);
  return rs.length === 0 ? null : rs[rs.length - 1];
};

/** R&D claims of the latest claimed year and the two years before it. */
export const rdLast3y = (ctx: DeriveContext): readonly RdDeductionRecord[] =>
  ctx.memo('tax:rd3y', () => {
    const latest = latestRd(ctx);
    if (latest === null) return [];
    const from = latest.data.year - (RD_YEARS - 1);
    return rdFiled(ctx).filter((r) => r.data.year >= from);
  });

export const reportsFiled = (ctx: DeriveContext): readonly AnnualReportRecord[] =>
  ctx.memo('tax:reports', () => perYear(ctx.records.annualReports, ctx.asOf));

export const latestReport = (ctx: DeriveContext): AnnualReportRecord | null => {
  const rs = reportsFiled(ctx);
  return rs.length === 0 ? null : rs[rs.length - 1];
};

/** The latest-year report that discloses its revenue. */
export const latestRevenueReport = (ctx: DeriveContext): AnnualReportRecord | null =>
  ctx.memo('tax:revenueReport', () => {
    const rs = reportsFiled(ctx);
    for (let i = rs.length - 1; i >= 0; i--) if (rs[i].data.revenue_wan !== null) return rs[i];
    return null;
  });
