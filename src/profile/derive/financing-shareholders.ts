import type { DeriveContext } from './derive-context';
import type { ShareholderRecord } from './enterprise-records';

/** Words that mark an investment vehicle among enterprise shareholders: 投资, 基金, 创投, 合伙. */
const INVESTMENT_VEHICLE = /投资|基金|创投|合伙/;

const isHolding = (s: ShareholderRecord): boolean => Number(s.data.share_ratio) > 0;

/**
 * The shareholder register as last stored: holders with a positive `share_ratio` (a holder who
 * left keeps a record with ratio 0). Shareholder records carry no dates, so this is the latest
 * known register, not one rebuilt for the as-of date. Null when no shareholder record is stored
 * (the register is unknown) or the enterprise was established after the as-of date.
 */
export function currentHolders(ctx: DeriveContext): readonly ShareholderRecord[] | null {
  return ctx.memo<readonly ShareholderRecord[] | null>('fin:current-holders', () => {
    const reg = ctx.records.registration;
    if (ctx.records.shareholders.length === 0 || (reg !== null && reg.data.established_on > ctx.asOf)) return null;
    return ctx.records.shareholders.filter(isHolding);
  });
}

/** Enterprise holders whose name marks an investment vehicle (fund, venture capital, partnership). */
export function investmentVehicleHolders(ctx: DeriveContext): readonly ShareholderRecord[] | null {
  return ctx.memo<readonly ShareholderRecord[] | null>('fin:investment-holders', () => {
    const holders = currentHolders(ctx);
    return holders === null ? null : holders.filter((s) => s.data.holder_type === 'enterprise' && INVESTMENT_VEHICLE.test(s.data.holder_name));
  });
}

/** State investors (holder_type `state`). */
export function stateHolders(ctx: DeriveContext): readonly ShareholderRecord[] | null {
  return ctx.memo<readonly ShareholderRecord[] | null>('fin:state-holders', () => {
    const holders = currentHolders(ctx);
    return holders === null ? null : holders.filter((s) => s.data.holder_type === 'state');
  });
}

/** Sum of the holders' share ratios, in basis points to avoid float drift, as a fraction. */
export function shareOf(holders: readonly ShareholderRecord[]): number {
  let bp = 0;
  for (const s of holders) bp += Math.round(Number(s.data.share_ratio) * 10_000);
  return Math.min(bp, 10_000) / 10_000;
}
