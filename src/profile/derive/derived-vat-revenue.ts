import { yuanToFen } from './amounts';
import { monthIndex, periodOfIndex } from './calendar';
import type { DeriveContext } from './derive-context';
import type { DeclarationRecord } from './enterprise-records';

/**
 * VAT taxable revenue by calendar quarter and year, from declarations filed on or before the as-of
 * date: the revenue base of the cross-source indicators.
 *
 * General taxpayers declare VAT monthly; small-scale taxpayers and individual businesses quarterly,
 * on the quarter's last month, for the whole quarter. A quarter is *declared* when its three months
 * each have a VAT declaration (monthly filer) or only its last month has one and the quarters
 * before and after have no declaration for their first two months (quarterly filer); anything else
 * (a month missing, a firm founded mid-quarter, a declaration not filed yet) leaves the quarter out.
 * A year is declared when its four quarters are.
 */

export const VAT_QUARTER_RULE =
  'VAT declarations filed on or before the as-of date; a calendar quarter counts when each of its three months has a VAT declaration (monthly filer, general taxpayer) or only its last month has one while the quarters before and after have no declaration for a month other than their last (quarterly filer: small-scale taxpayer or individual business), a calendar year when all four quarters count; partial quarters and years (founding, declarations missing or not yet filed) are left out.';

export const DECLARED_WINDOW_RULE =
  'Window: the four calendar quarters ending with the latest quarter that ended at least one full calendar month before the as-of month, so that its declarations were due (15th of the next month, extended for holidays) before it (as of 2026-10-01: 2025-07 … 2026-06).';

export interface VatQuarter {
  /** The quarter's last month, `YYYY-03|06|09|12`. */
  readonly end: string;
  /** `monthIndex(end)`. */
  readonly endIndex: number;
  readonly revenueFen: number;
  /** Revenue (fen) of each of the quarter's months, oldest first, when declared monthly; null for a quarterly declaration. */
  readonly monthlyFen: readonly [number, number, number] | null;
  readonly records: readonly DeclarationRecord[];
}

export interface VatYear {
  readonly year: number;
  readonly revenueFen: number;
  readonly records: readonly DeclarationRecord[];
}

/** Month index of the last month of the quarter holding the month `index`. */
export const quarterEndIndex = (index: number): number => index + 2 - ((index % 12) % 3);

/** The last month of the quarter holding `period`. */
export const quarterEndOf = (period: string): string => periodOfIndex(quarterEndIndex(monthIndex(period)));

/** Month indexes of the four quarter ends of the declared window (see DECLARED_WINDOW_RULE), oldest first. */
export function declaredWindowEnds(asOf: string): readonly number[] {
  // The latest quarter end at least two months before the as-of month.
  const limit = monthIndex(asOf) - 2;
  const last = limit - (((limit % 12) + 1) % 3);
  return [last - 9, last - 6, last - 3, last];
}

const revenueOf = (ds: readonly DeclarationRecord[]): number => {
  let fen = 0;
  for (const d of ds) fen += yuanToFen(d.data.taxable_revenue_yuan);
  return fen;
};

/** VAT declarations filed on or before the as-of date, by month index of their period. */
export function vatByMonth(ctx: DeriveContext): ReadonlyMap<number, readonly DeclarationRecord[]> {
  return ctx.memo('derived:vatByMonth', () => {
    const out = new Map<number, DeclarationRecord[]>();
    for (const d of ctx.records.declarations) {
      if (d.data.tax_type !== 'VAT' || d.data.filed_on > ctx.asOf) continue;
      const index = monthIndex(d.data.period);
      const list = out.get(index);
      if (list === undefined) out.set(index, [d]);
      else list.push(d);
    }
    return out;
  });
}

/**
 * Whether the quarter before or after the one ending at `end` has a declaration for a month that is not
 * a quarter's last: the enterprise then files monthly, and a lone quarter-end declaration is one month.
 */
function monthlyNearby(byMonth: ReadonlyMap<number, readonly DeclarationRecord[]>, end: number): boolean {
  return byMonth.has(end - 5) || byMonth.has(end - 4) || byMonth.has(end + 1) || byMonth.has(end + 2);
}

/** Declared quarters, keyed by the month index of their last month. */
export function vatQuarters(ctx: DeriveContext): ReadonlyMap<number, VatQuarter> {
  return ctx.memo('derived:vatQuarters', () => {
    const byMonth = vatByMonth(ctx);
    const out = new Map<number, VatQuarter>();
    const seen = new Set<number>();
    for (const index of byMonth.keys()) {
      const endIndex = quarterEndIndex(index);
      if (seen.has(endIndex)) continue;
      seen.add(endIndex);
      const a = byMonth.get(endIndex - 2);
      const b = byMonth.get(endIndex - 1);
      const c = byMonth.get(endIndex);
      if (c === undefined) continue;
      const end = periodOfIndex(endIndex);
      if (a !== undefined && b !== undefined) {
        const monthly = [revenueOf(a), revenueOf(b), revenueOf(c)] as const;
        out.set(endIndex, { end, endIndex, revenueFen: monthly[0] + monthly[1] + monthly[2], monthlyFen: monthly, records: [...a, ...b, ...c] });
      } else if (a === undefined && b === undefined && !monthlyNearby(byMonth, endIndex)) {
        out.set(endIndex, { end, endIndex, revenueFen: revenueOf(c), monthlyFen: null, records: c });
      }
    }
    return out;
  });
}

/** Declared calendar years, keyed by year. */
export function vatYears(ctx: DeriveContext): ReadonlyMap<number, VatYear> {
  return ctx.memo('derived:vatYears', () => {
    const quarters = vatQuarters(ctx);
    const years = new Set<number>();
    for (const endIndex of quarters.keys()) years.add(Math.floor(endIndex / 12));
    const out = new Map<number, VatYear>();
    for (const year of years) {
      let revenueFen = 0;
      const records: DeclarationRecord[] = [];
      let complete = true;
      for (let q = 0; q < 4 && complete; q++) {
        const quarter = quarters.get(year * 12 + 2 + q * 3);
        if (quarter === undefined) complete = false;
        else {
          revenueFen += quarter.revenueFen;
          records.push(...quarter.records);
        }
      }
      if (complete) out.set(year, { year, revenueFen, records });
    }
    return out;
  });
}

/** The declared quarters of the declared window (see DECLARED_WINDOW_RULE), oldest first. */
export function declaredWindowQuarters(ctx: DeriveContext): readonly VatQuarter[] {
  return ctx.memo('derived:vatWindow', () => {
    const quarters = vatQuarters(ctx);
    const out: VatQuarter[] = [];
    for (const end of declaredWindowEnds(ctx.asOf)) {
      const q = quarters.get(end);
      if (q !== undefined) out.push(q);
    }
    return out;
  });
}
