import { yuanToFen } from './amounts';
import { monthIndex, monthOf, periodOfIndex } from './calendar';
import type { DeriveContext } from './derive-context';
import type { BillRecord } from './enterprise-records';

/**
 * Utility bills by calendar month: the selection every electricity and water consumption field
 * starts from.
 *
 * When a bill counts (the consumption rule): a bill records the consumption of its `period`, so it
 * counts by that period, and only once that month has ended (its period is before the as-of month).
 * Which months a consumption window holds (the billing-months rule, `billingMonths`): the months
 * ending with the latest month whose bills are issued by the as-of date. The utilities issue a
 * month's bills on the 2nd–6th of the next month, so in the first six days of a month the previous
 * month is not billed yet and the windows end a month earlier instead of coming up a month short.
 * A bill whose period is after the window's last month is simply outside the window.
 * Payment facts (late, overdue, arrears) follow the due-date rule instead: see utility-payments.ts.
 */

export type Utility = 'power' | 'water';

/** One calendar month of one utility's bills of the enterprise, summed over its accounts. */
export interface MonthTotal {
  readonly period: string;
  /** `monthIndex(period)`: months are looked up by this integer, not by building period strings. */
  readonly index: number;
  /** Consumption in hundredths of a unit (kWh or m³), summed as integers so sums are exact. */
  readonly hundredths: number;
  readonly amountFen: number;
  readonly bills: readonly BillRecord[];
}

export const CONSUMPTION_RULE =
  'A bill counts by its period (the month it meters) once that month has ended, i.e. its period is before the as-of month; a month\'s total sums the bills of all the enterprise\'s accounts of this utility for that period. Bills are issued on the 2nd–6th of the next month, so before the 7th of a month the previous month may not be billed yet.';

/**
 * The day of the month by which the utilities have issued the previous month's bills: they go out
 * on the 2nd–6th, so from the 7th on the previous month is billed, and before it only the month
 * before that is sure to be. Consumption windows end with the latest month billed by this rule so
 * that a 12-month window holds 12 billed months whatever the as-of day (as of 2026-10-01 the
 * September bills do not exist yet: a window of the calendar months before October would hold 11).
 */
export const ISSUED_BY_DAY = 6;

/**
 * The `n` billing months of the as-of date, as inclusive `[from, to]` periods: the n months ending
 * with the latest month whose bills are issued by the as-of date, i.e. the month before the as-of
 * month when the as-of day is after ISSUED_BY_DAY, else the month two before it.
 * As of 2026-10-01 … 2026-10-06 and n = 12: 2025-09 … 2026-08; as of 2026-10-07 … 2026-10-31: 2025-10 … 2026-09.
 */
export function billingMonths(asOf: string, n: number): readonly [from: string, to: string] {
  const lag = Number(asOf.slice(8, 10)) > ISSUED_BY_DAY ? 1 : 2;
  const end = monthIndex(asOf) - lag;
  return [periodOfIndex(end - n + 1), periodOfIndex(end)];
}

/** The billing-months rule and the consumption rule, as the windowed consumption fields state them. */
export const BILLING_WINDOW_RULE =
  'Billing months: the months ending with the latest month whose bills are issued by the as-of date; a month\'s bills are issued by the 6th of the next month, so the last billing month is the month before the as-of month when the as-of day is the 7th or later, else the month two before it. A bill counts by its period (the month it meters) and a month\'s total sums the bills of all the enterprise\'s accounts of this utility for that period; a bill whose period is after the window\'s last month (e.g. the previous month\'s bill, issued on the 2nd–6th) is outside the window.';

/** The 12-month window of the utility sections, as their derivation texts state it. */
export const WINDOW_12M = `Window: the 12 billing months of the as-of date (as of 2026-10-01 … 2026-10-06: periods 2025-09 … 2026-08; as of 2026-10-07 … 2026-10-31: 2025-10 … 2026-09). ${BILLING_WINDOW_RULE}`;

const HUNDREDTHS = 100;

/** A decimal string of consumption as integer hundredths (the utilities send two decimals). */
export const toHundredths = (value: string): number => Math.round(Number(value) * HUNDREDTHS);

/** Hundredths back to units (kWh or m³). */
export const units = (hundredths: number): number => hundredths / HUNDREDTHS;

interface MutableMonth {
  period: string;
  index: number;
  hundredths: number;
  amountFen: number;
  bills: BillRecord[];
}

/** Bills of `utility` whose period has ended by the as-of date, summed per period, keyed by month index. */
export function monthlyTotals(ctx: DeriveContext, utility: Utility): ReadonlyMap<number, MonthTotal> {
  return ctx.memo(`utility:${utility}:months`, () => {
    const asOfMonth = monthOf(ctx.asOf);
    const months = new Map<number, MutableMonth>();
    for (const b of ctx.records.bills) {
      const d = b.data;
      if (d.utility !== utility || d.period >= asOfMonth) continue;
      const index = monthIndex(d.period);
      let m = months.get(index);
      if (m === undefined) {
        m = { period: d.period, index, hundredths: 0, amountFen: 0, bills: [] };
        months.set(index, m);
      }
      m.hundredths += toHundredths(d.consumption);
      m.amountFen += yuanToFen(d.amount_yuan);
      m.bills.push(b);
    }
    return months as ReadonlyMap<number, MonthTotal>;
  });
}

/** The billed months of `utility` in the inclusive period range [from, to], oldest first (months without bills left out). */
export function billedMonthsIn(ctx: DeriveContext, utility: Utility, from: string, to: string): readonly MonthTotal[] {
  const totals = monthlyTotals(ctx, utility);
  const out: MonthTotal[] = [];
  if (totals.size === 0) return out;
  for (let i = monthIndex(from), last = monthIndex(to); i <= last; i++) {
    const m = totals.get(i);
    if (m !== undefined) out.push(m);
  }
  return out;
}

/** Billed months in the 12 billing months of the as-of date (see `billingMonths`). */
export function billedMonths12m(ctx: DeriveContext, utility: Utility): readonly MonthTotal[] {
  return ctx.memo(`utility:${utility}:months12m`, () => {
    const [from, to] = billingMonths(ctx.asOf, 12);
    return billedMonthsIn(ctx, utility, from, to);
  });
}

/** Every bill of the given months. */
export function billsOf(months: readonly MonthTotal[]): BillRecord[] {
  const out: BillRecord[] = [];
  for (const m of months) for (const b of m.bills) out.push(b);
  return out;
}

/** Total consumption of the given months, in hundredths. */
export function sumHundredths(months: readonly MonthTotal[]): number {
  let n = 0;
  for (const m of months) n += m.hundredths;
  return n;
}
