import type { DeriveContext } from './derive-context';
import type { SourceRecord } from './enterprise-records';
import { holderProvenance, registerAsOf, type HolderAsOf } from './governance-holders';

/** Words that mark an investment vehicle among enterprise shareholders: 投资, 基金, 创投, 合伙. */
const INVESTMENT_VEHICLE = /投资|基金|创投|合伙/;

/** Some holders of the register on the as-of date, with the records that show them. */
export interface HolderSelection {
  readonly holders: readonly HolderAsOf[];
  /** Basis points they hold together; null when a selected holder's share of that date is unknown. */
  readonly basisPoints: number | null;
  readonly records: readonly SourceRecord[];
}

function select(ctx: DeriveContext, name: string, keep: (h: HolderAsOf) => boolean): HolderSelection | null {
  return ctx.memo<HolderSelection | null>(name, () => {
    const register = registerAsOf(ctx);
    if (register === null) return null;
    const holders = register.holders.filter(keep);
    let bp: number | null = 0;
    for (const h of holders) bp = bp === null || h.basisPoints === null ? null : bp + h.basisPoints;
    // With no holder selected, the whole register is what shows there is none.
    const records = holderProvenance(register, holders.length > 0 ? holders : register.holders);
    return { holders, basisPoints: bp === null ? null : Math.min(bp, 10_000), records };
  });
}

/** Enterprise holders on the as-of date whose name marks an investment vehicle (fund, venture capital, partnership). */
export const investmentVehicleHolders = (ctx: DeriveContext): HolderSelection | null =>
  select(ctx, 'financing:investment-holders', (h) => h.type === 'enterprise' && INVESTMENT_VEHICLE.test(h.record.data.holder_name));

/** State investors (holder_type `state`) on the as-of date. */
export const stateHolders = (ctx: DeriveContext): HolderSelection | null => select(ctx, 'financing:state-holders', (h) => h.type === 'state');

/** The selection's combined share as a fraction, or null when unknown. */
export const shareOf = (s: HolderSelection): number | null => (s.basisPoints === null ? null : s.basisPoints / 10_000);
