import type { DeriveContext } from './derive-context';
import type { AnnualReportRecord, RdDeductionRecord } from './enterprise-records';

/**
 * Yearly filings (annual reports, R&D deduction filings) as they stood on the as-of date: only those
 * filed on or before it count, one per year (when a year was filed twice, the later filing).
 */
export interface YearlyFilings<R> {
  readonly byYear: ReadonlyMap<number, R>;
  /** The filing of the latest year, or null when none was filed by the as-of date. */
  readonly latest: R | null;
  /** Filings of the three calendar years before the as-of date's year (Y−3 … Y−1), oldest first. */
  readonly last3Years: readonly R[];
}

type Yearly = AnnualReportRecord | RdDeductionRecord;

function yearly<R extends Yearly>(records: readonly R[], asOf: string): YearlyFilings<R> {
  const byYear = new Map<number, R>();
  let latestYear = -Infinity;
  for (const r of records) {
    if (r.data.filed_on > asOf) continue;
    const seen = byYear.get(r.data.year);
    if (seen !== undefined && (seen.data.filed_on > r.data.filed_on || (seen.data.filed_on === r.data.filed_on && seen.updatedAt >= r.updatedAt))) continue;
    byYear.set(r.data.year, r);
    if (r.data.year > latestYear) latestYear = r.data.year;
  }
  const latest = byYear.get(latestYear) ?? null;
  const y = Number(asOf.slice(0, 4));
  const last3Years: R[] = [];
  for (let year = y - 3; year <= y - 1; year++) {
    const r = byYear.get(year);
    if (r !== undefined) last3Years.push(r);
  }
  return { byYear, latest, last3Years };
}

/** Annual reports filed on or before the as-of date. */
export const annualReports = (ctx: DeriveContext): YearlyFilings<AnnualReportRecord> =>
  ctx.memo('talent:annual-reports', () => yearly(ctx.records.annualReports, ctx.asOf));

/** R&D super-deduction filings filed on or before the as-of date. */
export const rdFilings = (ctx: DeriveContext): YearlyFilings<RdDeductionRecord> =>
  ctx.memo('talent:rd-filings', () => yearly(ctx.records.rdDeductions, ctx.asOf));
