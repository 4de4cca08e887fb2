import { wanToFen } from './amounts';
import { addMonths, withinMonths } from './calendar';
import type { DeriveContext } from './derive-context';
import type { ChangeRecord } from './enterprise-records';

/** A 万元 amount as the registry writes it in change texts (`"500.0000"`); free text, so checked. */
const WAN = /^\d+(?:\.\d{1,4})?$/;

export interface CapitalChange {
  readonly change: ChangeRecord;
  readonly beforeFen: number;
  readonly afterFen: number;
}

/**
 * Registered-capital changes dated on or before the as-of date, oldest first: `changes` of item
 * `registered_capital` whose before and after both read as 万元 amounts (others are skipped).
 */
export function capitalChanges(ctx: DeriveContext): readonly CapitalChange[] {
  return ctx.memo('fin:capital-changes', () => {
    const out: CapitalChange[] = [];
    for (const c of ctx.records.changes) {
      if (c.data.item !== 'registered_capital' || c.data.changed_on > ctx.asOf) continue;
      const before = c.data.before?.trim() ?? '';
      const after = c.data.after?.trim() ?? '';
      if (WAN.test(before) && WAN.test(after)) out.push({ change: c, beforeFen: wanToFen(before), afterFen: wanToFen(after) });
    }
    return out.sort((a, b) => (a.change.data.changed_on < b.change.data.changed_on ? -1 : a.change.data.changed_on > b.change.data.changed_on ? 1 : 0));
  });
}

/** Increases (after > before) among `capitalChanges`, oldest first. */
export function capitalIncreases(ctx: DeriveContext): readonly CapitalChange[] {
  return ctx.memo('fin:capital-increases', () => capitalChanges(ctx).filter((c) => c.afterFen > c.beforeFen));
}

/** Increases dated in (asOf − 36 months, asOf]. */
export function capitalIncreases36m(ctx: DeriveContext): readonly CapitalChange[] {
  return ctx.memo('fin:capital-increases-36m', () => capitalIncreases(ctx).filter((i) => withinMonths(i.change.data.changed_on, ctx.asOf, 36)));
}

/** Every readable capital change (increase or decrease) dated in (asOf − 36 months, asOf], oldest first. */
export function capitalChanges36m(ctx: DeriveContext): readonly CapitalChange[] {
  return ctx.memo('fin:capital-changes-36m', () => capitalChanges(ctx).filter((c) => withinMonths(c.change.data.changed_on, ctx.asOf, 36)));
}

/** The start of the 36-month window, exclusive: asOf − 36 months. */
export const windowStart36m = (ctx: DeriveContext): string => addMonths(ctx.asOf, -36);
