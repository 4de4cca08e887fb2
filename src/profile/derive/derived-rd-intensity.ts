import { ratio, yuanToFen } from './amounts';
import type { DeriveContext } from './derive-context';
import { derived, type Derived } from './derived';
import type { RdDeductionRecord, SourceRecord } from './enterprise-records';
import { vatYears } from './derived-vat-revenue';

/**
 * R&D intensity over three years, as the STAR-market sci-tech criterion reads it (R&D spending over
 * revenue, cumulated over the last three years): R&D expense from the R&D super-deduction filings,
 * revenue from VAT declarations of the same calendar years.
 */

/** R&D super-deduction filings on or before the as-of date, the latest filed per year. */
function rdByYear(ctx: DeriveContext): ReadonlyMap<number, RdDeductionRecord> {
  return ctx.memo('derived:rdByYear', () => {
    const out = new Map<number, RdDeductionRecord>();
    for (const r of ctx.records.rdDeductions) {
      if (r.data.filed_on > ctx.asOf) continue;
      const seen = out.get(r.data.year);
      if (seen === undefined || r.data.filed_on > seen.data.filed_on) out.set(r.data.year, r);
    }
    return out;
  });
}

/**
 * Σ R&D expense / Σ VAT revenue over the years L−2 … L, L the latest year with an R&D filing; a year
 * counts only when its VAT revenue is fully declared, and then with its R&D expense (0 without a filing).
 */
export function rdIntensity3y(ctx: DeriveContext): Derived {
  const rd = rdByYear(ctx);
  if (rd.size === 0) return derived(null);
  let latest = -Infinity;
  for (const y of rd.keys()) latest = Math.max(latest, y);
  const vat = vatYears(ctx);
  let rdFen = 0;
  let revenueFen = 0;
  const records: SourceRecord[] = [];
  for (let year = latest - 2; year <= latest; year++) {
    const declared = vat.get(year);
    if (declared === undefined) continue;
    revenueFen += declared.revenueFen;
    records.push(...declared.records);
    const filing = rd.get(year);
    if (filing !== undefined) {
      rdFen += yuanToFen(filing.data.rd_expense_yuan);
      records.push(filing);
    }
  }
  const value = ratio(rdFen, revenueFen);
  return value === null ? derived(null) : derived(value, records);
}
