import { yuanToFen } from './amounts';
import { addMonthsToPeriod, monthIndex, monthOf } from './calendar';
import type { DeriveContext } from './derive-context';
import type { DeclarationRecord } from './enterprise-records';

/**
 * VAT and CIT declarations as the tax fields read them: filed on or before the as-of date, amounts
 * parsed once, each VAT declaration with the months it covers, and windows of "due months".
 *
 * Windows end with the latest month whose declarations were due by the as-of date (the 15th of the
 * following month), not with the month before the as-of month: as of 2026-10-01 the September
 * declarations are mostly not filed yet (due 2026-10-15) and the third quarter's not at all, so a
 * window ending in September would hold 11 months of a monthly filer and 3 quarters of a quarterly
 * one, and every year-on-year comparison would be biased down.
 */

/**
 * Day of the month by which a period's VAT and CIT declarations are due (of the following month): the
 * statutory 15th; extensions for public holidays are not modelled.
 */
export const DECLARATION_DUE_DAY = 15;

/** The latest month whose declarations were due (the 15th of the next month) on or before `asOf`. */
export function lastDueMonth(asOf: string): string {
  return addMonthsToPeriod(monthOf(asOf), Number(asOf.slice(8, 10)) >= DECLARATION_DUE_DAY ? -1 : -2);
}

/**
 * The `n` months ending `skip` months before the last due month, as inclusive `[from, to]` periods:
 * as of 2026-10-01, `dueMonths(asOf, 12)` is 2025-09 … 2026-08 and `dueMonths(asOf, 12, 12)` the 12
 * months before that.
 */
export function dueMonths(asOf: string, n: number, skip = 0): readonly [from: string, to: string] {
  const to = addMonthsToPeriod(lastDueMonth(asOf), -skip);
  return [addMonthsToPeriod(to, 1 - n), to];
}

/** Whether a `YYYY-MM` month is a quarter's last (March, June, September, December). */
export function isQuarterEnd(period: string): boolean {
  return monthIndex(period) % 3 === 2;
}

/** The last month of the quarter `period` lies in. */
export function quarterEndOf(period: string): string {
  return addMonthsToPeriod(period, 2 - (monthIndex(period) % 3));
}

/** The last month of the latest calendar quarter that ends in or before the month `period`. */
export function latestQuarterEndBy(period: string): string {
  return isQuarterEnd(period) ? period : addMonthsToPeriod(quarterEndOf(period), -3);
}

/**
 * Months around a quarter's last month whose VAT declarations mark a monthly filer: the months other
 * than a quarter's last in the quarter before, the quarter itself and the quarter after.
 *
 * The quarter before counts too (its first two months, −5 and −4): a monthly filer whose quarter has
 * only its last month declared (the first two filed late, after the as-of date, or not at all) is
 * then still read as monthly, instead of as a quarterly filer whose one month of revenue stands for
 * the whole quarter (which would hide the missing months and cut the quarter's revenue to a third).
 * The cost is the rare switch from monthly to quarterly filing (a general taxpayer re-registered as
 * small-scale): its first quarterly declaration reads as one month, and that quarter as not fully
 * declared, until the next quarter's declaration is filed. Leaving a quarter out is preferred to
 * counting a wrong one.
 */
const MONTHLY_FILER_NEIGHBOURS = [-5, -4, -2, -1, 1, 2] as const;

export interface VatLine {
  readonly record: DeclarationRecord;
  readonly period: string;
  /**
   * Months the declaration covers: 3 for a quarterly (small-scale) declaration, 1 for a monthly one.
   * A declaration on a quarter's last month is quarterly when no month other than a quarter's last in
   * the quarter before, its own quarter or the quarter after has a VAT declaration (see
   * MONTHLY_FILER_NEIGHBOURS; the months after tell a monthly filer's first declaration apart once the
   * next one is filed).
   */
  readonly months: 1 | 3;
  readonly revenueFen: number;
  readonly paidFen: number;
  readonly zero: boolean;
}

export interface CitLine {
  readonly record: DeclarationRecord;
  readonly period: string;
  readonly paidFen: number;
}

/** Every declaration (VAT and CIT) filed on or before the as-of date. */
export const declarationsFiled = (ctx: DeriveContext): readonly DeclarationRecord[] =>
  ctx.memo('tax:filed', () => ctx.records.declarations.filter((d) => d.data.filed_on <= ctx.asOf));

/** VAT declarations filed on or before the as-of date, oldest period first. */
export const vatLines = (ctx: DeriveContext): readonly VatLine[] =>
  ctx.memo('tax:vatLines', () => {
    const vat = declarationsFiled(ctx).filter((d) => d.data.tax_type === 'VAT');
    const periods = new Set(vat.map((d) => d.data.period));
    return vat
      .map((d): VatLine => {
        const period = d.data.period;
        const quarterly = isQuarterEnd(period) && !MONTHLY_FILER_NEIGHBOURS.some((k) => periods.has(addMonthsToPeriod(period, k)));
        return {
          record: d,
          period,
          months: quarterly ? 3 : 1,
          revenueFen: yuanToFen(d.data.taxable_revenue_yuan),
          paidFen: yuanToFen(d.data.tax_paid_yuan),
          zero: d.data.zero_declaration,
        };
      })
      .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  });

/** CIT declarations filed on or before the as-of date. */
export const citLines = (ctx: DeriveContext): readonly CitLine[] =>
  ctx.memo('tax:citLines', () =>
    declarationsFiled(ctx)
      .filter((d) => d.data.tax_type === 'CIT')
      .map((d): CitLine => ({ record: d, period: d.data.period, paidFen: yuanToFen(d.data.tax_paid_yuan) })),
  );

export interface VatWindow {
  readonly lines: readonly VatLine[];
  readonly revenueFen: number;
  readonly paidFen: number;
  /** Months covered by the window's declarations (a quarterly one counts 3). */
  readonly months: number;
  readonly zeroLines: readonly VatLine[];
  readonly zeroMonths: number;
}

export interface CitWindow {
  readonly lines: readonly CitLine[];
  readonly paidFen: number;
}

/** VAT declarations whose period lies in `dueMonths(asOf, n, skip)`, with their sums. */
export const vatWindow = (ctx: DeriveContext, n: number, skip = 0): VatWindow =>
  ctx.memo(`tax:vat:${n}:${skip}`, () => {
    const [from, to] = dueMonths(ctx.asOf, n, skip);
    const lines = vatLines(ctx).filter((l) => l.period >= from && l.period <= to);
    let revenueFen = 0;
    let paidFen = 0;
    let months = 0;
    let zeroMonths = 0;
    const zeroLines: VatLine[] = [];
    for (const l of lines) {
      revenueFen += l.revenueFen;
      paidFen += l.paidFen;
      months += l.months;
      if (l.zero) {
        zeroMonths += l.months;
        zeroLines.push(l);
      }
    }
    return { lines, revenueFen, paidFen, months, zeroLines, zeroMonths };
  });

/** CIT declarations whose period lies in `dueMonths(asOf, n, skip)`, with the tax paid. */
export const citWindow = (ctx: DeriveContext, n: number, skip = 0): CitWindow =>
  ctx.memo(`tax:cit:${n}:${skip}`, () => {
    const [from, to] = dueMonths(ctx.asOf, n, skip);
    const lines = citLines(ctx).filter((l) => l.period >= from && l.period <= to);
    let paidFen = 0;
    for (const l of lines) paidFen += l.paidFen;
    return { lines, paidFen };
  });

/** VAT + CIT paid over a window, with the declarations summed; null when the window has none. */
export const taxPaid = (ctx: DeriveContext, n: number, skip = 0): { fen: number; records: readonly DeclarationRecord[]; vatMonths: number } | null =>
  ctx.memo(`tax:paid:${n}:${skip}`, () => {
    const vat = vatWindow(ctx, n, skip);
    const cit = citWindow(ctx, n, skip);
    if (vat.lines.length === 0 && cit.lines.length === 0) return null;
    return {
      fen: vat.paidFen + cit.paidFen,
      records: [...vat.lines.map((l) => l.record), ...cit.lines.map((l) => l.record)],
      vatMonths: vat.months,
    };
  });

/**
 * The unbroken run of zero VAT declarations ending with the latest one (each declaration directly
 * following the one before it), latest first; empty when the latest declaration is not zero.
 */
export function trailingZeroRun(lines: readonly VatLine[]): VatLine[] {
  const run: VatLine[] = [];
  let expected: string | null = null;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (!l.zero || (expected !== null && l.period !== expected)) break;
    run.push(l);
    expected = addMonthsToPeriod(l.period, -l.months);
  }
  return run;
}
