import { cstDate, monthOf } from './calendar';
import type { DeriveContext } from './derive-context';
import { derived, type Derived } from './derived';
import type { AccountRecord } from './enterprise-records';
import type { Utility } from './utility-bills';

/**
 * Utility accounts as they stood on the as-of date. An account exists from its `opened_on`. The
 * record carries no closing date, only its latest `status`: a closed account's latest version (its
 * `updated_at`) is the closure, so a closed account still counts as open on an as-of date before that
 * version, or when it was billed for a month after the as-of month.
 */

export const ACCOUNT_RULE =
  'Accounts with opened_on on or before the as-of date. `status` is the latest known state and the record has no closing date: a closed account counts as open on the as-of date when its latest version (updated_at, the closure) is dated after the as-of date or it has a bill for a month after the as-of month.';

export interface AccountAsOf {
  readonly account: AccountRecord;
  readonly open: boolean;
}

/** Latest billed period per account number (trimmed), over every stored bill. */
function lastBilledPeriods(ctx: DeriveContext): ReadonlyMap<string, string> {
  return ctx.memo('utility:lastBilledPeriod', () => {
    const out = new Map<string, string>();
    for (const b of ctx.records.bills) {
      const no = b.data.account_no.trim();
      const seen = out.get(no);
      if (seen === undefined || b.data.period > seen) out.set(no, b.data.period);
    }
    return out;
  });
}

/** The enterprise's accounts of `utility` opened by the as-of date, each with whether it was open then. */
export function accountsAsOf(ctx: DeriveContext, utility: Utility): readonly AccountAsOf[] {
  return ctx.memo(`utility:${utility}:accounts`, () => {
    const asOfMonth = monthOf(ctx.asOf);
    const last = lastBilledPeriods(ctx);
    const out: AccountAsOf[] = [];
    for (const a of ctx.records.accounts) {
      const d = a.data;
      if (d.utility !== utility || d.opened_on > ctx.asOf) continue;
      const billedLater = (last.get(d.account_no.trim()) ?? '') > asOfMonth;
      const open = d.status === 'active' || cstDate(a.updatedAt) > ctx.asOf || billedLater;
      out.push({ account: a, open });
    }
    return out;
  });
}

/** Accounts matching `pick` (open, closed, industrial…); null when the enterprise had no account of this utility by then. */
export function countAccounts(ctx: DeriveContext, utility: Utility, pick: (a: AccountAsOf) => boolean): Derived {
  const all = accountsAsOf(ctx, utility);
  if (all.length === 0) return derived(null);
  const chosen = all.filter(pick).map((a) => a.account);
  return derived(chosen.length, chosen);
}
