import { yuanToFen } from './amounts';
import { addMonths, daysBetween } from './calendar';
import type { DeriveContext } from './derive-context';
import { derived, type Derived } from './derived';
import type { BillRecord } from './enterprise-records';
import type { Utility } from './utility-bills';

/**
 * Payment behaviour on utility bills, rebuilt as it stood on the as-of date from `due_on` and
 * `paid_on` (the `late` flag is the latest state only: false until paid).
 *
 * The due-date rule: a bill is an obligation once issued, and a payment fact about it is known once
 * its due date has passed. `due_on` is the last day to pay, so a bill is
 * - overdue at the as-of date when due_on < asOf and it was not paid by the as-of date
 *   (paid_on null or after asOf);
 * - late when due_on < asOf and it was not paid by its due date (paid_on null or after due_on),
 *   whether paid later or not at all.
 */

export type UtilityScope = Utility | 'all';

export const PAYMENT_RULE =
  'Rebuilt from due_on and paid_on (the stored `late` flag is the latest state only). A bill is late when its due_on is before the as-of date and it was not paid by its due_on (paid_on null or after due_on); overdue at the as-of date when its due_on is before the as-of date and paid_on is null or after the as-of date.';

const inScope = (b: BillRecord, scope: UtilityScope): boolean => scope === 'all' || b.data.utility === scope;

export const isLateAt = (b: BillRecord, asOf: string): boolean => {
  const d = b.data;
  return d.due_on < asOf && (d.paid_on === null || d.paid_on > d.due_on);
};

export const isOverdueAt = (b: BillRecord, asOf: string): boolean => {
  const d = b.data;
  return d.due_on < asOf && (d.paid_on === null || d.paid_on > asOf);
};

/** Days past the due date: to the payment when paid by the as-of date, else to the as-of date; 0 when paid on time or not yet due. */
export function daysPastDue(b: BillRecord, asOf: string): number {
  const d = b.data;
  if (d.due_on >= asOf) return 0;
  const end = d.paid_on !== null && d.paid_on <= asOf ? d.paid_on : asOf;
  return Math.max(0, daysBetween(d.due_on, end));
}

/** Bills of the scope that fell due in (asOf − 12 months, asOf]. */
export function billsDue12m(ctx: DeriveContext, scope: UtilityScope): readonly BillRecord[] {
  return ctx.memo(`utility:${scope}:due12m`, () => {
    const from = addMonths(ctx.asOf, -12);
    return ctx.records.bills.filter((b) => inScope(b, scope) && b.data.due_on > from && b.data.due_on <= ctx.asOf);
  });
}

/** Whether any bill of the scope fell due on or before the as-of date. */
const anyDue = (ctx: DeriveContext, scope: UtilityScope): boolean =>
  ctx.memo(`utility:${scope}:anyDue`, () => ctx.records.bills.some((b) => inScope(b, scope) && b.data.due_on <= ctx.asOf));

/** Bills of the scope overdue at the as-of date, however old. */
export function overdueBills(ctx: DeriveContext, scope: UtilityScope): readonly BillRecord[] {
  return ctx.memo(`utility:${scope}:overdue`, () => ctx.records.bills.filter((b) => inScope(b, scope) && isOverdueAt(b, ctx.asOf)));
}

/** Late bills among those that fell due in the last 12 months; null when none fell due. */
export function latePayments12m(ctx: DeriveContext, scope: UtilityScope): Derived {
  const due = billsDue12m(ctx, scope);
  if (due.length === 0) return derived(null);
  const late = due.filter((b) => isLateAt(b, ctx.asOf));
  return derived(late.length, late);
}

/** Number of bills overdue at the as-of date; null when no bill had fallen due by then. */
export function overdueCount(ctx: DeriveContext, scope: UtilityScope): Derived {
  if (!anyDue(ctx, scope)) return derived(null);
  const bills = overdueBills(ctx, scope);
  return derived(bills.length, bills);
}

/** Amount (fen) of the bills overdue at the as-of date; null when no bill had fallen due by then. */
export function overdueAmount(ctx: DeriveContext, scope: UtilityScope): Derived {
  if (!anyDue(ctx, scope)) return derived(null);
  const bills = overdueBills(ctx, scope);
  let fen = 0;
  for (const b of bills) fen += yuanToFen(b.data.amount_yuan);
  return derived(fen, bills);
}

/** Largest `arrears_yuan` (earlier bills of the same account unpaid at issue) among bills due in the last 12 months, in fen. */
export function maxArrears12m(ctx: DeriveContext, scope: UtilityScope): Derived {
  let best: BillRecord | null = null;
  let bestFen = -1;
  for (const b of billsDue12m(ctx, scope)) {
    const fen = yuanToFen(b.data.arrears_yuan);
    if (fen > bestFen) {
      best = b;
      bestFen = fen;
    }
  }
  return best === null ? derived(null) : derived(bestFen, [best]);
}

/**
 * Longest delay in days among bills due in the last 12 months and bills still overdue at the as-of
 * date (however old); null when no bill had fallen due by then.
 */
export function maxDaysPastDue12m(ctx: DeriveContext, scope: UtilityScope): Derived {
  if (!anyDue(ctx, scope)) return derived(null);
  let best: BillRecord | null = null;
  let bestDays = 0;
  for (const group of [billsDue12m(ctx, scope), overdueBills(ctx, scope)]) {
    for (const b of group) {
      const days = daysPastDue(b, ctx.asOf);
      if (best === null || days > bestDays) {
        best = b;
        bestDays = days;
      }
    }
  }
  // Bills fell due only before the window and none is still overdue: no delay in the window.
  return best === null ? derived(0) : derived(bestDays, [best]);
}
