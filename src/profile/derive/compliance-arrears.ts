import { daysBetween, withinMonths } from './calendar';
import type { DeriveContext } from './derive-context';
import type { ArrearRecord } from './enterprise-records';

/**
 * Tax arrears as they stood at the end of the as-of date. The record carries its latest state; the
 * state at a past date follows from `arose_on` and `paid_on`.
 */

/** Whether the arrear was still unpaid at the end of `asOf` (a paid one without a date counts as paid). */
export const outstandingAt = (a: ArrearRecord, asOf: string): boolean =>
  a.data.paid_on === null ? a.data.status !== 'paid' : a.data.paid_on > asOf;

/** Arrears that arose on or before the as-of date. */
export const arrearsArisen = (ctx: DeriveContext): readonly ArrearRecord[] =>
  ctx.memo('compliance:arrears', () => ctx.records.arrears.filter((a) => a.data.arose_on <= ctx.asOf));

/** Arrears unpaid at the end of the as-of date. */
export const arrearsOutstanding = (ctx: DeriveContext): readonly ArrearRecord[] =>
  ctx.memo('compliance:arrearsOutstanding', () => arrearsArisen(ctx).filter((a) => outstandingAt(a, ctx.asOf)));

/** Arrears that arose in (asOf − n months, asOf]. */
export const arrearsWithin = (ctx: DeriveContext, months: number): readonly ArrearRecord[] =>
  ctx.memo(`compliance:arrears:${months}m`, () => arrearsArisen(ctx).filter((a) => withinMonths(a.data.arose_on, ctx.asOf, months)));

/**
 * Days an arrear was (or has been) outstanding as of `asOf`: to its payment when paid by then, else
 * to the as-of date; null when it is paid but the payment date is unknown.
 */
export function daysOutstanding(a: ArrearRecord, asOf: string): number | null {
  if (outstandingAt(a, asOf)) return daysBetween(a.data.arose_on, asOf);
  return a.data.paid_on === null ? null : daysBetween(a.data.arose_on, a.data.paid_on);
}

/** The longest-outstanding arrear among those that arose in the window or are still unpaid. */
export function longestOutstanding(ctx: DeriveContext, months: number): { days: number; record: ArrearRecord } | null {
  let best: { days: number; record: ArrearRecord } | null = null;
  for (const a of arrearsArisen(ctx)) {
    if (!withinMonths(a.data.arose_on, ctx.asOf, months) && !outstandingAt(a, ctx.asOf)) continue;
    const days = daysOutstanding(a, ctx.asOf);
    if (days !== null && (best === null || days > best.days)) best = { days, record: a };
  }
  return best;
}
