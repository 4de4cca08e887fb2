import { round } from './amounts';
import { addMonthsToPeriod, monthIndex } from './calendar';
import type { DeriveContext } from './derive-context';
import type { DeclarationRecord } from './enterprise-records';
import { lastDueMonth, latestQuarterEndBy, quarterEndOf, vatLines, type VatLine } from './tax-declarations';

/**
 * VAT declarations read into calendar quarters: every fully declared quarter (`declaredQuarters`),
 * the one quarter map both the tax section's quarterly fields (through `trendQuarters`) and the
 * derived section's revenue base (derived-vat-revenue.ts) read. Monthly and quarterly filers are told
 * apart once, by `VatLine.months` (tax-declarations.ts).
 */

/** Quarters the quarterly VAT revenue fields look at: the latest one and the seven before it. */
export const TREND_QUARTERS = 8;
/** Fewest fully declared quarters a trend is fitted on. */
export const MIN_TREND_QUARTERS = 4;

/**
 * A fully declared calendar quarter: each of its three months has a monthly VAT declaration
 * (general taxpayer), or its last month has a quarterly one (small-scale taxpayer or individual
 * business).
 */
export interface DeclaredQuarter {
  /** The quarter's last month, `YYYY-03|06|09|12`. */
  readonly end: string;
  /** `monthIndex(end)`. */
  readonly endIndex: number;
  readonly revenueFen: number;
  /** VAT paid (fen) on the quarter's declarations. */
  readonly paidFen: number;
  /** Revenue (fen) of each of the quarter's months, oldest first, when declared monthly; null for a quarterly declaration. */
  readonly monthlyFen: readonly [number, number, number] | null;
  readonly lines: readonly VatLine[];
  readonly records: readonly DeclarationRecord[];
}

/** The last month of the latest calendar quarter whose declarations were all due by the as-of date. */
export function latestDueQuarterEnd(asOf: string): string {
  return latestQuarterEndBy(lastDueMonth(asOf));
}

const sumOf = (lines: readonly VatLine[], pick: (l: VatLine) => number): number => lines.reduce((n, l) => n + pick(l), 0);

/**
 * Every fully declared calendar quarter, from the VAT declarations filed on or before the as-of date,
 * keyed by its last month (`YYYY-MM`), oldest first. A quarter with a month missing (founding, a
 * declaration missing or not filed yet) is left out. Several declarations of one month add up.
 */
export const declaredQuarters = (ctx: DeriveContext): ReadonlyMap<string, DeclaredQuarter> =>
  ctx.memo('tax:declaredQuarters', () => {
    const byEnd = new Map<string, VatLine[]>();
    for (const l of vatLines(ctx)) {
      const end = quarterEndOf(l.period);
      const list = byEnd.get(end);
      if (list === undefined) byEnd.set(end, [l]);
      else list.push(l);
    }
    const out = new Map<string, DeclaredQuarter>();
    for (const [end, lines] of byEnd) {
      const endIndex = monthIndex(end);
      let monthlyFen: [number, number, number] | null = null;
      if (!lines.some((l) => l.months === 3)) {
        // Monthly declarations: each of the three months must have one.
        const fen: [number, number, number] = [0, 0, 0];
        const seen = [false, false, false];
        for (const l of lines) {
          const i = monthIndex(l.period) - endIndex + 2;
          fen[i] += l.revenueFen;
          seen[i] = true;
        }
        if (!seen.every(Boolean)) continue;
        monthlyFen = fen;
      }
      out.set(end, {
        end,
        endIndex,
        revenueFen: sumOf(lines, (l) => l.revenueFen),
        paidFen: sumOf(lines, (l) => l.paidFen),
        monthlyFen,
        lines,
        records: lines.map((l) => l.record),
      });
    }
    return out;
  });

/**
 * The `TREND_QUARTERS` calendar quarters ending with the latest due quarter, oldest first: the fully
 * declared quarter, or undefined when that quarter is not fully declared.
 */
export const trendQuarters = (ctx: DeriveContext): readonly (DeclaredQuarter | undefined)[] =>
  ctx.memo('tax:trendQuarters', () => {
    const lastEnd = latestDueQuarterEnd(ctx.asOf);
    const quarters = declaredQuarters(ctx);
    return Array.from({ length: TREND_QUARTERS }, (_, i) => quarters.get(addMonthsToPeriod(lastEnd, -3 * (TREND_QUARTERS - 1 - i))));
  });

/**
 * Least-squares slope of quarterly revenue against the quarter's position (0 … 7), divided by the
 * mean revenue of the quarters fitted: the relative change per quarter. Only fully declared quarters
 * are fitted; null with fewer than `MIN_TREND_QUARTERS` of them or a mean of 0.
 */
export function relativeTrend(quarters: readonly (DeclaredQuarter | undefined)[], places = 4): { value: number; fitted: DeclaredQuarter[] } | null {
  const xs: number[] = [];
  const fitted: DeclaredQuarter[] = [];
  quarters.forEach((q, i) => {
    if (q !== undefined) {
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
