import { yuanToFen } from './amounts';
import { addMonths, lastMonths, monthOf } from './calendar';
import type { DeriveContext } from './derive-context';
import { derived, type Derived } from './derived';
import type { FieldSource } from '../catalog/field.types';
import type { SourceRecord } from './enterprise-records';
import { billedMonthsIn, billsOf, sumHundredths, units } from './utility-bills';

/**
 * Whether the enterprise is operating now, and how many agencies see it at all.
 */

/**
 * Average monthly power use above which premises are in use: an idle site's standby load stays
 * well below it (about 16 kWh a day).
 */
export const ACTIVE_KWH_PER_MONTH = 500;

/**
 * True when a VAT declaration filed in (asOf − 3 months, asOf] declares taxable revenue, or the power
 * bills of the 3 complete months before the as-of month average at least ACTIVE_KWH_PER_MONTH;
 * false when there was such data and neither holds; null without either.
 */
export function operatingActivity3m(ctx: DeriveContext): Derived {
  const from = addMonths(ctx.asOf, -3);
  const filed: SourceRecord[] = [];
  for (const d of ctx.records.declarations) {
    if (d.data.tax_type !== 'VAT' || d.data.filed_on <= from || d.data.filed_on > ctx.asOf) continue;
    if (yuanToFen(d.data.taxable_revenue_yuan) > 0) return derived(true, [d]);
    filed.push(d);
  }
  const [first, last] = lastMonths(ctx.asOf, 3);
  const months = billedMonthsIn(ctx, 'power', first, last);
  if (months.length > 0 && units(sumHundredths(months)) / months.length >= ACTIVE_KWH_PER_MONTH) return derived(true, billsOf(months));
  if (filed.length === 0 && months.length === 0) return derived(null);
  return derived(false, [...filed, ...billsOf(months)]);
}

/**
 * The first record of each source that the source had published by the as-of date, judged by the
 * record's own date (a registration by establishment, a patent by publication or grant, …).
 */
export function sourcesWithData(ctx: DeriveContext): ReadonlyMap<Exclude<FieldSource, 'profile'>, SourceRecord> {
  return ctx.memo('derived:sources', () => {
    const r = ctx.records;
    const asOf = ctx.asOf;
    const asOfMonth = monthOf(asOf);
    const out = new Map<Exclude<FieldSource, 'profile'>, SourceRecord>();
    const registry =
      (r.registration !== null && r.registration.data.established_on <= asOf ? r.registration : undefined) ??
      r.changes.find((x) => x.data.changed_on <= asOf) ??
      r.penalties.find((x) => x.data.decided_on <= asOf) ??
      r.abnormalOperations.find((x) => x.data.listed_on <= asOf) ??
      r.annualReports.find((x) => x.data.filed_on <= asOf);
    if (registry !== undefined) out.set('market-regulation', registry);
    const tax =
      r.declarations.find((x) => x.data.filed_on <= asOf) ??
      r.arrears.find((x) => x.data.arose_on <= asOf) ??
      r.creditGrades.find((x) => x.data.published_on <= asOf) ??
      r.rdDeductions.find((x) => x.data.filed_on <= asOf);
    if (tax !== undefined) out.set('tax', tax);
    const utility = r.accounts.find((x) => x.data.opened_on <= asOf) ?? r.bills.find((x) => x.data.period < asOfMonth);
    if (utility !== undefined) out.set('utility', utility);
    const patent =
      r.patents.find((x) => {
        const known = x.data.published_on ?? x.data.granted_on;
        return known !== null && known <= asOf;
      }) ?? r.legalEvents.find((x) => x.data.event_on <= asOf);
    if (patent !== undefined) out.set('patent', patent);
    return out;
  });
}

/** Number of the four agencies (registry, tax, utilities, patent office) with data on the enterprise by the as-of date. */
export function dataSourcesCount(ctx: DeriveContext): Derived {
  const found = sourcesWithData(ctx);
  return derived(found.size, [...found.values()]);
}
