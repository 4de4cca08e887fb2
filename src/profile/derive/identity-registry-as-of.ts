import type { DeriveContext } from './derive-context';
import type { ChangeRecord, RegistrationRecord, SourceRecord } from './enterprise-records';
import { withinMonths } from './calendar';
import { derived, type Derived } from './derived';

/**
 * The registry as it stood on the as-of date. The registration record carries only the latest
 * state; the `changes` stream carries each registered change with `before`/`after` and its date, so
 * the value of an item on the as-of date is:
 * 1. the `before` of the earliest change of that item dated after the as-of date, if any;
 * 2. else the `after` of the latest change dated on or before the as-of date, when that change is
 *    newer than the registration record's `approved_on` (the registry's new version of the record
 *    has not been stored, e.g. it arrived invalid and was quarantined);
 * 3. else the registration record's own value.
 * Shared by the identity and governance sections.
 */

/** The rule above, for fields' `derivation` texts. */
export const AS_OF_STATE =
  'The registration record carries the latest state only; the value on the as-of date is the `before` of the earliest `changes` record of this item dated after the as-of date, else the `after` of the latest one dated on or before it when that change is newer than the record\'s approved_on, else the registration record\'s value.';

export type ChangeItem = ChangeRecord['data']['item'];

export interface ItemHistory {
  /** Changes of the item dated on or before the as-of date, oldest first. */
  readonly past: readonly ChangeRecord[];
  /** Changes of the item dated after the as-of date, oldest first. */
  readonly later: readonly ChangeRecord[];
}

const EMPTY: ItemHistory = { past: [], later: [] };

const byChangeDate = (a: ChangeRecord, b: ChangeRecord): number =>
  a.data.changed_on < b.data.changed_on ? -1 : a.data.changed_on > b.data.changed_on ? 1 : a.updatedAt.getTime() - b.updatedAt.getTime();

/** Every registered change of the enterprise by item, split at the as-of date (one pass, memoised). */
function histories(ctx: DeriveContext): ReadonlyMap<ChangeItem, ItemHistory> {
  return ctx.memo('identity:change-histories', () => {
    const out = new Map<ChangeItem, { past: ChangeRecord[]; later: ChangeRecord[] }>();
    for (const c of ctx.records.changes) {
      let h = out.get(c.data.item);
      if (!h) out.set(c.data.item, (h = { past: [], later: [] }));
      (c.data.changed_on <= ctx.asOf ? h.past : h.later).push(c);
    }
    for (const h of out.values()) {
      h.past.sort(byChangeDate);
      h.later.sort(byChangeDate);
    }
    return out;
  });
}

export function itemHistory(ctx: DeriveContext, item: ChangeItem): ItemHistory {
  return histories(ctx).get(item) ?? EMPTY;
}

/** Changes of `item` dated in (asOf − 36 months, asOf]. */
export function changesWithin36m(ctx: DeriveContext, item: ChangeItem): readonly ChangeRecord[] {
  return ctx.memo(`identity:changes36m:${item}`, () => itemHistory(ctx, item).past.filter((c) => withinMonths(c.data.changed_on, ctx.asOf, 36)));
}

/** A count field: the number of registered changes of `item` dated in (asOf − 36 months, asOf], with those changes as provenance. */
export const countChanges36m = (item: ChangeItem) => (ctx: DeriveContext): Derived => {
  const cs = changesWithin36m(ctx, item);
  return derived(cs.length, cs);
};

/** The latest change of `item` dated on or before the as-of date, or null. */
export function latestPastChange(ctx: DeriveContext, item: ChangeItem): ChangeRecord | null {
  const past = itemHistory(ctx, item).past;
  return past.length === 0 ? null : (past[past.length - 1] ?? null);
}

/** The registration record when the enterprise was established on or before the as-of date, else null. */
export function registrationAsOf(ctx: DeriveContext): RegistrationRecord | null {
  const reg = ctx.records.registration;
  return reg !== null && reg.data.established_on <= ctx.asOf ? reg : null;
}

export interface ItemAsOf {
  /** The item's registered value on the as-of date (null when a change recorded nothing there). */
  readonly value: string | null;
  /** The record the value was read from: a change record or the registration. */
  readonly record: SourceRecord;
  /** True when the value was read from a change record rather than the registration itself. */
  readonly fromChange: boolean;
}

/**
 * The value of a registered item on the as-of date (see the module comment), or null when the
 * enterprise was not registered by then (or the registration record is missing).
 */
export function itemAsOf(ctx: DeriveContext, item: ChangeItem, current: (data: RegistrationRecord['data']) => string): ItemAsOf | null {
  return ctx.memo<ItemAsOf | null>(`identity:item-as-of:${item}`, () => {
    const reg = registrationAsOf(ctx);
    if (reg === null) return null;
    const h = itemHistory(ctx, item);
    const next = h.later[0];
    if (next !== undefined) return { value: next.data.before, record: next, fromChange: true };
    const last = latestPastChange(ctx, item);
    if (last !== null && last.data.changed_on > reg.data.approved_on) return { value: last.data.after, record: last, fromChange: true };
    return { value: current(reg.data), record: reg, fromChange: false };
  });
}
