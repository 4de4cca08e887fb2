import { daysBetween, withinMonths } from './calendar';
import type { DeriveContext } from './derive-context';
import type { AnnualReportRecord, SourceRecord } from './enterprise-records';
import { statusOn } from './compliance-registration-status';

/** The annual report for `year` is due by 30 June of the next year (《企业信息公示暂行条例》 art. 8). */
export const reportDeadline = (year: number): string => `${year + 1}-06-30`;

/** Annual reports filed on or before the as-of date. */
export const reportsFiledUpTo = (ctx: DeriveContext): readonly AnnualReportRecord[] =>
  ctx.memo('compliance:reports', () => ctx.records.annualReports.filter((r) => r.data.filed_on <= ctx.asOf));

/** Annual reports filed in (asOf − n months, asOf]. */
export const reportsFiledWithin = (ctx: DeriveContext, months: number): readonly AnnualReportRecord[] =>
  ctx.memo(`compliance:reports:${months}m`, () => reportsFiledUpTo(ctx).filter((r) => withinMonths(r.data.filed_on, ctx.asOf, months)));

/** Days a report was filed after its deadline (0 when on time). */
export const reportDelayDays = (r: AnnualReportRecord): number => Math.max(0, daysBetween(reportDeadline(r.data.year), r.data.filed_on));

export interface OwedReports {
  /** Years whose report was owed and due in the window, oldest first. */
  readonly years: readonly number[];
  /** Of those, the years without a report filed on or before the as-of date. */
  readonly missing: readonly number[];
  /** What the owed years were read from: the registration (and status changes). */
  readonly records: readonly SourceRecord[];
}

/**
 * Report years owed in (asOf − n months, asOf]: years whose deadline lies in the window, for which
 * the enterprise was registered before 1 January of the filing year and still active on the 31
 * December before it. Null without a registration record.
 */
export function owedReports(ctx: DeriveContext, months: number): OwedReports | null {
  return ctx.memo(`compliance:owedReports:${months}m`, () => {
    const reg = ctx.records.registration;
    if (reg === null) return null;
    const filed = new Set(reportsFiledUpTo(ctx).map((r) => r.data.year));
    const years: number[] = [];
    const missing: number[] = [];
    const records = new Set<SourceRecord>([reg]);
    const lastYear = Number(ctx.asOf.slice(0, 4)) - 1;
    for (let y = lastYear - Math.ceil(months / 12); y <= lastYear; y++) {
      const deadline = reportDeadline(y);
      if (!withinMonths(deadline, ctx.asOf, months)) continue;
      if (reg.data.established_on >= `${y + 1}-01-01`) continue;
      const s = statusOn(ctx, `${y}-12-31`);
      if (s === null || s.status !== 'active') continue;
      for (const r of s.records) records.add(r);
      years.push(y);
      if (!filed.has(y)) missing.push(y);
    }
    return { years, missing, records: [...records] };
  });
}
