import { addDays, monthsBetween } from './calendar';
import type { DeriveContext } from './derive-context';
import { derived, type Derived } from './derived';
import type { SourceRecord } from './enterprise-records';
import { isLateAt } from './utility-payments';

/**
 * The latest adverse event on record across the agencies, dated by when it happened: an
 * administrative penalty (decided_on), a listing as abnormal (listed_on), a tax arrear (arose_on),
 * a VAT/CIT declaration filed late (the day after its due_on), an annual report filed late (1 July
 * after its year, the day after the 30 June deadline), a utility bill paid late or unpaid past due
 * (the day after its due_on).
 */

export interface AdverseEvent {
  readonly on: string;
  readonly record: SourceRecord;
}

export function latestAdverseEvent(ctx: DeriveContext): AdverseEvent | null {
  return ctx.memo<AdverseEvent | null>('derived:latestAdverse', () => {
    const asOf = ctx.asOf;
    const r = ctx.records;
    let best: AdverseEvent | null = null;
    const consider = (on: string, record: SourceRecord): void => {
      if (on <= asOf && (best === null || on > best.on)) best = { on, record };
    };
    for (const x of r.penalties) consider(x.data.decided_on, x);
    for (const x of r.abnormalOperations) consider(x.data.listed_on, x);
    for (const x of r.arrears) consider(x.data.arose_on, x);
    for (const x of r.declarations) {
      const d = x.data;
      if (d.filed_on <= asOf && d.filed_on > d.due_on) consider(addDays(d.due_on, 1), x);
    }
    for (const x of r.annualReports) {
      const d = x.data;
      if (d.filed_on <= asOf && !d.on_time) {
        const deadlinePassed = `${d.year + 1}-07-01`;
        consider(deadlinePassed < d.filed_on ? deadlinePassed : d.filed_on, x);
      }
    }
    for (const x of r.bills) if (isLateAt(x, asOf)) consider(addDays(x.data.due_on, 1), x);
    return best;
  });
}

/** Whole months from the latest adverse event to the as-of date; null when none is on record. */
export function monthsSinceAdverseEvent(ctx: DeriveContext): Derived {
  const e = latestAdverseEvent(ctx);
  return e === null ? derived(null) : derived(monthsBetween(e.on, ctx.asOf), [e.record]);
}
