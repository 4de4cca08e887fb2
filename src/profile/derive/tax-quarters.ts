import { round } from './amounts';
import { addMonthsToPeriod, monthIndex } from './calendar';
import type { DeriveContext } from './derive-context';
import type { DeclarationRecord } from './enterprise-records';
import { isQuarterEnd, lastDueMonth, quarterEndOf, vatLines } from './tax-declarations';

/** Quarters the quarterly VAT revenue fields look at: the latest one and the seven before it. */
export const TREND_QUARTERS = 8;
/** Fewest fully declared quarters a trend is fitted on. */
export const MIN_TREND_QUARTERS = 4;

export interface QuarterRevenue {
  /** The quarter's last month, `YYYY-MM`. */
  readonly end: string;
  readonly revenueFen: number;
  /** Months of the quarter covered by VAT declarations (3 when fully declared). */
  readonly months: number;
  readonly records: readonly DeclarationRecord[];
}

/** The last month of the latest calendar quarter whose declarations were all due by the as-of date. */
export function latestDueQuarterEnd(asOf: string): string {
  const due = lastDueMonth(asOf);
  return isQuarterEnd(due) ? due : addMonthsToPeriod(quarterEndOf(due), -3);
}

/**
 * VAT taxable revenue per calendar quarter for the `TREND_QUARTERS` quarters ending with the latest
 * due quarter, oldest first. A monthly declaration adds to its quarter; a quarterly one is its quarter.
 */
export const vatQuarters = (ctx: DeriveContext): readonly QuarterRevenue[] =>
  ctx.memo('tax:vatQuarters', () => {
    const lastEnd = latestDueQuarterEnd(ctx.asOf);
    const firstEnd = addMonthsToPeriod(lastEnd, -3 * (TREND_QUARTERS - 1));
    const firstMonth = addMonthsToPeriod(firstEnd, -2);
    const slots = Array.from({ length: TREND_QUARTERS }, (_, i) => ({
      end: addMonthsToPeriod(firstEnd, 3 * i),
      revenueFen: 0,
      months: 0,
      records: [] as DeclarationRecord[],
    }));
    const base = monthIndex(firstEnd);
    for (const l of vatLines(ctx)) {
      if (l.period < firstMonth || l.period > lastEnd) continue;
      const slot = slots[(monthIndex(quarterEndOf(l.period)) - base) / 3];
      if (slot === undefined) continue;
      slot.revenueFen += l.revenueFen;
      slot.months += l.months;
      slot.records.push(l.record);
    }
    return slots;
  });

export const fullyDeclared = (q: QuarterRevenue): boolean => q.months >= 3;

/**
 * Least-squares slope of quarterly revenue against the quarter's position (0 … 7), divided by the
 * mean revenue of the quarters fitted: the relative change per quarter. Only fully declared quarters
 * are fitted; null with fewer than `MIN_TREND_QUARTERS` of them or a mean of 0.
 */
export function relativeTrend(quarters: readonly QuarterRevenue[], places = 4): { value: number; fitted: QuarterRevenue[] } | null {
  const xs: number[] = [];
  const fitted: QuarterRevenue[] = [];
  quarters.forEach((q, i) => {
    if (fullyDeclared(q)) {
      xs.push(i);
      fitted.push(q);
    }
  });
  const n = fitted.length;
  if (n < MIN_TREND_QUARTERS) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i];
    sy += fitted[i].revenueFen;
  }
  const mx = sx / n;
  const my = sy / n;
  if (my <= 0) return null;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    sxy += dx * (fitted[i].revenueFen - my);
    sxx += dx * dx;
  }
  return { value: round(sxy / sxx / my, places), fitted };
}
