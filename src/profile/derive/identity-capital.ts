import { wanToFen } from './amounts';
import type { DeriveContext } from './derive-context';
import { derived, type Derived } from './derived';
import { itemAsOf, itemHistory, latestPastChange, registrationAsOf } from './identity-registry-as-of';

/** A 万元 amount as the registry writes it (`"500.0000"`); change texts are free text, so checked. */
const WAN = /^\d+(\.\d{1,4})?$/;

/** Registered capital on the as-of date in fen, reconstructed through `registered_capital` changes. */
export function registeredCapitalAsOf(ctx: DeriveContext): Derived {
  const v = itemAsOf(ctx, 'registered_capital', (d) => d.registered_capital_wan);
  if (v === null || v.value === null) return derived(null);
  const text = v.value.trim();
  return WAN.test(text) ? derived(wanToFen(text), [v.record]) : derived(null);
}

/**
 * Paid-in capital on the as-of date in fen. Changes do not carry it, so it is known only when the
 * registration record's state is the state of the as-of date for capital: no `registered_capital`
 * change after the as-of date, and none on or before it that is newer than the record.
 */
export function paidInCapitalAsOf(ctx: DeriveContext): Derived {
  const reg = registrationAsOf(ctx);
  if (reg === null || itemHistory(ctx, 'registered_capital').later.length > 0) return derived(null);
  const last = latestPastChange(ctx, 'registered_capital');
  if (last !== null && last.data.changed_on > reg.data.approved_on) return derived(null);
  return derived(wanToFen(reg.data.paid_in_capital_wan), [reg]);
}
