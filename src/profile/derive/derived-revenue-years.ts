import { ratio, round, wanToFen } from './amounts';
import type { DeriveContext } from './derive-context';
import { derived, type Derived } from './derived';
import type { AnnualReportRecord, SourceRecord } from './enterprise-records';
import { vatYears } from './derived-vat-revenue';

/**
 * Annual revenue by calendar year from the two sources that carry it: the annual report
 * (`revenue_wan`, when disclosed) and the year's VAT taxable revenue (when the year is fully
 * declared, see derived-vat-revenue.ts).
 */

export interface ReportRevenue {
  readonly fen: number;
  readonly record: AnnualReportRecord;
}

export interface YearRevenue {
  readonly year: number;
  readonly fen: number;
  readonly source: 'annual_report' | 'vat';
  readonly records: readonly SourceRecord[];
}

/** Disclosed annual-report revenue by year: reports filed on or before the as-of date, the latest filed per year. */
export function reportRevenueByYear(ctx: DeriveContext): ReadonlyMap<number, ReportRevenue> {
  return ctx.memo('derived:reportRevenue', () => {
    const out = new Map<number, ReportRevenue>();
    for (const r of ctx.records.annualReports) {
      const d = r.data;
      if (d.filed_on > ctx.asOf || d.revenue_wan === null) continue;
      const seen = out.get(d.year);
      if (seen === undefined || d.filed_on > seen.record.data.filed_on) out.set(d.year, { fen: wanToFen(d.revenue_wan), record: r });
    }
    return out;
  });
}

/** A year's revenue: the annual report's when disclosed, else the declared VAT revenue; null when neither. */
export function revenueOfYear(ctx: DeriveContext, year: number): YearRevenue | null {
  const report = reportRevenueByYear(ctx).get(year);
  if (report !== undefined) return { year, fen: report.fen, source: 'annual_report', records: [report.record] };
  const vat = vatYears(ctx).get(year);
  return vat === undefined ? null : { year, fen: vat.revenueFen, source: 'vat', records: vat.records };
}

/** The latest year with a revenue from either source, or null. */
function latestRevenueYear(ctx: DeriveContext): number | null {
  let latest: number | null = null;
  for (const y of reportRevenueByYear(ctx).keys()) if (latest === null || y > latest) latest = y;
  for (const y of vatYears(ctx).keys()) if (latest === null || y > latest) latest = y;
  return latest;
}

/** (R_L / R_{L−2})^(1/2) − 1 over the latest year L with revenue and the year two before it. */
export function revenueCagr3y(ctx: DeriveContext): Derived {
  const latest = latestRevenueYear(ctx);
  if (latest === null) return derived(null);
  const last = revenueOfYear(ctx, latest);
  const first = revenueOfYear(ctx, latest - 2);
  if (last === null || first === null || first.fen <= 0) return derived(null);
  return derived(round(Math.sqrt(last.fen / first.fen) - 1, 4), [...first.records, ...last.records]);
}

/** Annual-report revenue over VAT revenue for the latest year that has both. */
export function reportVsVatRevenue(ctx: DeriveContext): Derived {
  const reports = reportRevenueByYear(ctx);
  const vat = vatYears(ctx);
  let year: number | null = null;
  for (const y of reports.keys()) if (vat.has(y) && (year === null || y > year)) year = y;
  if (year === null) return derived(null);
  const report = reports.get(year);
  const declared = vat.get(year);
  if (report === undefined || declared === undefined) return derived(null);
  const value = ratio(report.fen, declared.revenueFen);
  return value === null ? derived(null) : derived(value, [report.record, ...declared.records]);
}
