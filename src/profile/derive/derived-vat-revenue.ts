import { addMonthsToPeriod, monthOf } from './calendar';
import type { DeriveContext } from './derive-context';
import type { DeclarationRecord } from './enterprise-records';
import { latestQuarterEndBy } from './tax-declarations';
import { declaredQuarters, type DeclaredQuarter } from './tax-quarters';

/**
 * VAT taxable revenue by calendar quarter and year, from declarations filed on or before the as-of
 * date: the revenue base of the cross-source indicators.
 *
 * General taxpayers declare VAT monthly; small-scale taxpayers and individual businesses quarterly,
 * on the quarter's last month, for the whole quarter. Quarters are the fully declared quarters of
 * tax-quarters.ts (`declaredQuarters`), the same the tax section's quarterly fields read, with the
 * filing frequency told by tax-declarations.ts (`VatLine.months`): a quarter is *declared* when its
 * three months each have a VAT declaration (monthly filer) or only its last month has one and the
 * quarters before and after have no declaration for their first two months (quarterly filer);
 * anything else (a month missing, a firm founded mid-quarter, a declaration not filed yet) leaves the
 * quarter out. A year is declared when its four quarters are.
 */

export const VAT_QUARTER_RULE =
  'VAT declarations filed on or before the as-of date; a calendar quarter counts when each of its three months has a VAT declaration (monthly filer, general taxpayer) or only its last month has one while the quarters before and after have no declaration for a month other than their last (quarterly filer: small-scale taxpayer or individual business), a calendar year when all four quarters count; partial quarters and years (founding, declarations missing or not yet filed) are left out.';

export const DECLARED_WINDOW_RULE =
  'Window: the four calendar quarters ending with the latest quarter that ended at least one full calendar month before the as-of month, so that its declarations were due (15th of the next month, extended for holidays) before it (as of 2026-10-01: 2025-07 … 2026-06).';

export interface VatYear {
  readonly year: number;
  readonly revenueFen: number;
  readonly records: readonly DeclarationRecord[];
}

/**
 * The last months of the four quarters of the declared window (see DECLARED_WINDOW_RULE), oldest
 * first. Unlike the tax section's latest due quarter (tax-quarters.ts, `latestDueQuarterEnd`), the
 * window does not move on the 15th: it leaves a month's margin for holiday extensions.
 */
export function declaredWindowEnds(asOf: string): readonly string[] {
  const last = latestQuarterEndBy(addMonthsToPeriod(monthOf(asOf), -2));
  return [-9, -6, -3, 0].map((k) => addMonthsToPeriod(last, k));
}

/** Declared calendar years, keyed by year. */
export function vatYears(ctx: DeriveContext): ReadonlyMap<number, VatYear> {
  return ctx.memo('derived:vatYears', () => {
    const quarters = declaredQuarters(ctx);
    const years = new Set<number>();
    for (const end of quarters.keys()) years.add(Number(end.slice(0, 4)));
    const out = new Map<number, VatYear>();
    for (const year of years) {
      const four: DeclaredQuarter[] = [];
      for (const month of ['03', '06', '09', '12']) {
        const q = quarters.get(`${year}-${month}`);
        if (q !== undefined) four.push(q);
      }
      if (four.length < 4) continue;
      let revenueFen = 0;
      const records: DeclarationRecord[] = [];
      for (const q of four) {
        revenueFen += q.revenueFen;
        records.push(...q.records);
      }
      out.set(year, { year, revenueFen, records });
    }
    return out;
  });
}

/** The declared quarters of the declared window (see DECLARED_WINDOW_RULE), oldest first. */
export function declaredWindowQuarters(ctx: DeriveContext): readonly DeclaredQuarter[] {
  return ctx.memo('derived:vatWindow', () => {
    const quarters = declaredQuarters(ctx);
    const out: DeclaredQuarter[] = [];
    for (const end of declaredWindowEnds(ctx.asOf)) {
      const q = quarters.get(end);
      if (q !== undefined) out.push(q);
    }
    return out;
  });
}
