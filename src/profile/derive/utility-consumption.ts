import { growth, ratio, round } from './amounts';
import type { DeriveContext } from './derive-context';
import { derived, type Derived } from './derived';
import type { BillRecord } from './enterprise-records';
import { billedMonths12m, billedMonthsIn, billingMonths, billsOf, monthlyTotals, sumHundredths, units, type MonthTotal, type Utility } from './utility-bills';

/**
 * Consumption measures of one utility over the 12 billing months of the as-of date (the months ending
 * with the latest month whose bills are issued by then: `billingMonths`), shared by the electricity
 * (kWh) and water (m³) sections. Month totals come from utility-bills.ts.
 */

/** Fewest billed months for a spread measure (coefficient of variation, peak-to-trough). */
export const MIN_MONTHS_FOR_SPREAD = 3;

/** A month is idle when its total is below this share of the enterprise's peak month of the 24 billing months… */
export const IDLE_SHARE_OF_PEAK = 0.1;
/** …or below this absolute floor (units per month): about 3 kWh or 0.15 m³ a day, less than an occupied office draws. */
export const IDLE_FLOOR: Readonly<Record<Utility, number>> = { power: 100, water: 5 };

const unitsOf = (months: readonly MonthTotal[]): number => units(sumHundredths(months));

/** Sum of consumption over the billed months of the window; null without bills there. */
export function consumption12m(ctx: DeriveContext, utility: Utility): Derived {
  const months = billedMonths12m(ctx, utility);
  return months.length === 0 ? derived(null) : derived(round(unitsOf(months), 2), billsOf(months));
}

/** Average consumption per billed month of the window (robust to a month without a bill). */
export function monthlyAverage12m(ctx: DeriveContext, utility: Utility): Derived {
  const months = billedMonths12m(ctx, utility);
  return months.length === 0 ? derived(null) : derived(round(unitsOf(months) / months.length, 2), billsOf(months));
}

/** Population standard deviation of the monthly totals over their mean. */
export function variation12m(ctx: DeriveContext, utility: Utility): Derived {
  const months = billedMonths12m(ctx, utility);
  if (months.length < MIN_MONTHS_FOR_SPREAD) return derived(null);
  const xs = months.map((m) => units(m.hundredths));
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  if (mean <= 0) return derived(null);
  const variance = xs.reduce((a, x) => a + (x - mean) * (x - mean), 0) / xs.length;
  return derived(round(Math.sqrt(variance) / mean, 4), billsOf(months));
}

/** Highest monthly total over the lowest one. */
export function peakToTrough12m(ctx: DeriveContext, utility: Utility): Derived {
  const months = billedMonths12m(ctx, utility);
  if (months.length < MIN_MONTHS_FOR_SPREAD) return derived(null);
  let peak = months[0] as MonthTotal;
  let trough = peak;
  for (const m of months) {
    if (m.hundredths > peak.hundredths) peak = m;
    if (m.hundredths < trough.hundredths) trough = m;
  }
  const value = ratio(peak.hundredths, trough.hundredths);
  return value === null ? derived(null) : derived(value, [...peak.bills, ...trough.bills]);
}

/**
 * Growth of the `n` billing months over the same calendar months a year earlier, counting only
 * months billed in both years (like for like).
 */
export function likeForLikeGrowth(ctx: DeriveContext, utility: Utility, n: number): Derived {
  const [from, to] = billingMonths(ctx.asOf, n);
  const totals = monthlyTotals(ctx, utility);
  let current = 0;
  let previous = 0;
  const records: BillRecord[] = [];
  for (const m of billedMonthsIn(ctx, utility, from, to)) {
    const before = totals.get(m.index - 12);
    if (before === undefined) continue;
    current += m.hundredths;
    previous += before.hundredths;
    records.push(...m.bills, ...before.bills);
  }
  const value = records.length === 0 ? null : growth(current, previous);
  return value === null ? derived(null) : derived(value, records);
}

/** Number of months of the window with at least one bill; null when the utility never billed the enterprise by then. */
export function monthsBilled12m(ctx: DeriveContext, utility: Utility): Derived {
  if (monthlyTotals(ctx, utility).size === 0) return derived(null);
  const months = billedMonths12m(ctx, utility);
  return derived(months.length, billsOf(months));
}

/**
 * Billed months of the window whose total is below IDLE_SHARE_OF_PEAK of the peak monthly total of
 * the 24 billing months (the window and the 12 months before it), or below the utility's IDLE_FLOOR.
 */
export function idleMonths12m(ctx: DeriveContext, utility: Utility): Derived {
  const months = billedMonths12m(ctx, utility);
  if (months.length === 0) return derived(null);
  const [from, to] = billingMonths(ctx.asOf, 24);
  let peak = months[0] as MonthTotal;
  for (const m of billedMonthsIn(ctx, utility, from, to)) if (m.hundredths > peak.hundredths) peak = m;
  const threshold = Math.max(peak.hundredths * IDLE_SHARE_OF_PEAK, IDLE_FLOOR[utility] * 100);
  const idle = months.filter((m) => m.hundredths < threshold);
  // Provenance: the idle months' bills and the peak month that sets the threshold.
  return derived(idle.length, [...billsOf(idle), ...peak.bills]);
}

/** Sum of the billed amounts (fen) of the window. */
export function billedAmount12m(ctx: DeriveContext, utility: Utility): Derived {
  const months = billedMonths12m(ctx, utility);
  if (months.length === 0) return derived(null);
  let fen = 0;
  for (const m of months) fen += m.amountFen;
  return derived(fen, billsOf(months));
}

/** The latest period billed (ended before the as-of month), as `YYYY-MM`. */
export function latestBilledPeriod(ctx: DeriveContext, utility: Utility): Derived {
  let latest: MonthTotal | null = null;
  for (const m of monthlyTotals(ctx, utility).values()) if (latest === null || m.index > latest.index) latest = m;
  return latest === null ? derived(null) : derived(latest.period, latest.bills);
}
