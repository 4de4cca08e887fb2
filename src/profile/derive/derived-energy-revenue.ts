import { growth, ratio, round } from './amounts';
import { addMonthsToPeriod, monthIndex } from './calendar';
import type { DeriveContext } from './derive-context';
import { derived, type Derived } from './derived';
import type { DeclarationRecord, SourceRecord } from './enterprise-records';
import { declaredWindowEnds, declaredWindowQuarters } from './derived-vat-revenue';
import { citLines, quarterEndOf } from './tax-declarations';
import { declaredQuarters } from './tax-quarters';
import { billsOf, monthlyTotals, type MonthTotal } from './utility-bills';

/**
 * Indicators that set power use and tax against declared revenue, over the declared window (the
 * four latest quarters whose declarations were due by the as-of date, see derived-vat-revenue.ts;
 * quarters as tax-quarters.ts declares them).
 * Power months follow the consumption rule of utility-bills.ts.
 */

/** Power totals of the three months of the quarter ending at month index `end` when each is billed, else null. */
function billedQuarter(ctx: DeriveContext, end: number): readonly MonthTotal[] | null {
  const totals = monthlyTotals(ctx, 'power');
  const a = totals.get(end - 2);
  const b = totals.get(end - 1);
  const c = totals.get(end);
  return a === undefined || b === undefined || c === undefined ? null : [a, b, c];
}

const hundredthsOf = (months: readonly MonthTotal[]): number => months.reduce((n, m) => n + m.hundredths, 0);

/** (VAT + CIT tax paid) / VAT taxable revenue over the declared quarters of the window. */
export function taxBurden12m(ctx: DeriveContext): Derived {
  const quarters = declaredWindowQuarters(ctx);
  if (quarters.length === 0) return derived(null);
  const ends = new Set(quarters.map((q) => q.end));
  let revenueFen = 0;
  let taxFen = 0;
  const records: DeclarationRecord[] = [];
  for (const q of quarters) {
    revenueFen += q.revenueFen;
    taxFen += q.paidFen;
    records.push(...q.records);
  }
  for (const l of citLines(ctx)) {
    if (!ends.has(quarterEndOf(l.period))) continue;
    taxFen += l.paidFen;
    records.push(l.record);
  }
  const value = ratio(taxFen, revenueFen);
  return value === null ? derived(null) : derived(value, records);
}

/** kWh per 10,000 yuan of VAT revenue over the declared quarters of the window whose three months are all billed. */
export function kwhPer10kRevenue12m(ctx: DeriveContext): Derived {
  let hundredths = 0;
  let revenueFen = 0;
  const records: SourceRecord[] = [];
  for (const q of declaredWindowQuarters(ctx)) {
    const months = billedQuarter(ctx, q.endIndex);
    if (months === null) continue;
    hundredths += hundredthsOf(months);
    revenueFen += q.revenueFen;
    records.push(...q.records, ...billsOf(months));
  }
  // 10,000 yuan = 1,000,000 fen; hundredths of a kWh / 100 = kWh.
  if (revenueFen <= 0) return derived(null);
  return derived(round(hundredths / 100 / (revenueFen / 1_000_000), 2), records);
}

/** Fewest paired months for a correlation. */
export const MIN_CORRELATION_MONTHS = 6;

function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] as number;
    my += ys[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/**
 * Pearson correlation of monthly power totals with monthly VAT revenue over the 12 months of the
 * declared window; only when all four quarters are declared monthly (general taxpayer).
 */
export function kwhRevenueCorrelation12m(ctx: DeriveContext): Derived {
  const quarters = declaredWindowQuarters(ctx);
  if (quarters.length !== 4 || quarters.some((q) => q.monthlyFen === null)) return derived(null);
  const totals = monthlyTotals(ctx, 'power');
  const kwh: number[] = [];
  const revenue: number[] = [];
  const records: SourceRecord[] = [];
  for (const q of quarters) {
    const fen = q.monthlyFen ?? [];
    for (let i = 0; i < 3; i++) {
      const m = totals.get(q.endIndex - 2 + i);
      if (m === undefined) continue;
      kwh.push(m.hundredths);
      revenue.push(fen[i] as number);
      records.push(...m.bills);
    }
    records.push(...q.records);
  }
  if (kwh.length < MIN_CORRELATION_MONTHS) return derived(null);
  const r = pearson(kwh, revenue);
  return r === null ? derived(null) : derived(round(r, 4), records);
}

/**
 * VAT revenue growth minus power consumption growth, year on year, over the quarters of the declared
 * window that are declared and fully billed both that year and a year earlier.
 */
export function revenueKwhGrowthGap(ctx: DeriveContext): Derived {
  const quarters = declaredQuarters(ctx);
  let revNow = 0;
  let revBefore = 0;
  let kwhNow = 0;
  let kwhBefore = 0;
  const records: SourceRecord[] = [];
  for (const end of declaredWindowEnds(ctx.asOf)) {
    const earlier = addMonthsToPeriod(end, -12);
    const q = quarters.get(end);
    const p = quarters.get(earlier);
    const mq = billedQuarter(ctx, monthIndex(end));
    const mp = billedQuarter(ctx, monthIndex(earlier));
    if (q === undefined || p === undefined || mq === null || mp === null) continue;
    revNow += q.revenueFen;
    revBefore += p.revenueFen;
    kwhNow += hundredthsOf(mq);
    kwhBefore += hundredthsOf(mp);
    records.push(...q.records, ...p.records, ...billsOf(mq), ...billsOf(mp));
  }
  if (records.length === 0) return derived(null);
  const revenueGrowth = growth(revNow, revBefore, 8);
  const kwhGrowth = growth(kwhNow, kwhBefore, 8);
  if (revenueGrowth === null || kwhGrowth === null) return derived(null);
  return derived(round(revenueGrowth - kwhGrowth, 4), records);
}
