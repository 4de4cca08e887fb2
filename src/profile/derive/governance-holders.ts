import { nameKey } from '../../resolution/name-normalizer';
import type { DeriveContext } from './derive-context';
import type { ChangeRecord, ShareholderRecord, SourceRecord } from './enterprise-records';
import { itemHistory } from './identity-registry-as-of';

/**
 * The shareholder register as it stood on the as-of date.
 *
 * Shareholder records carry no dates and only their latest state (a holder who left has ratio
 * 0.0000). A holder who joins or leaves is a registered `shareholder` change whose `before` names the
 * leaving holder and `after` the joining one. So, on the as-of date, the holders in force were:
 * - those with a ratio above 0 now, except any named as joining (`after`) in a shareholder change
 *   dated after the as-of date, each with their current ratio (ratios change only at shareholder
 *   changes; capital changes rescale subscriptions, not ratios);
 * - those with ratio 0 now who are named as leaving (`before`) in a shareholder change dated after
 *   the as-of date. Their share then is not in their record: when there is exactly one such holder it
 *   is the remainder (1 − the others' shares); otherwise the shares of that date are unknown.
 * Holders are matched to change texts by name key (width, spaces, brackets).
 */

export interface HolderAsOf {
  readonly record: ShareholderRecord;
  readonly type: ShareholderRecord['data']['holder_type'];
  readonly nameKey: string;
  /** Share in basis points (of 10,000); null when unknown (see `sharesKnown`). */
  readonly basisPoints: number | null;
}

export interface RegisterAsOf {
  /** Holders in force on the as-of date. */
  readonly holders: readonly HolderAsOf[];
  /** Whether every holder's share of the as-of date is known. */
  readonly sharesKnown: boolean;
  /** Shareholder changes dated after the as-of date that the reconstruction undid (usually none). */
  readonly undone: readonly ChangeRecord[];
}

const basisPoints = (r: ShareholderRecord): number => Math.round(Number(r.data.share_ratio) * 10_000);

/** The register on the as-of date, or null when no holder was in force (or the enterprise did not exist yet). */
export function registerAsOf(ctx: DeriveContext): RegisterAsOf | null {
  return ctx.memo<RegisterAsOf | null>('governance:register-as-of', () => {
    const reg = ctx.records.registration;
    if (reg !== null && reg.data.established_on > ctx.asOf) return null;
    const later: readonly ChangeRecord[] = itemHistory(ctx, 'shareholder').later;
    const joinedLater = new Set<string>();
    const leftLater = new Set<string>();
    for (const c of later) {
      if (c.data.after !== null && c.data.after.trim() !== '') joinedLater.add(nameKey(c.data.after));
      if (c.data.before !== null && c.data.before.trim() !== '') leftLater.add(nameKey(c.data.before));
    }
    const holders: HolderAsOf[] = [];
    let unknown = 0;
    let known = 0;
    for (const r of ctx.records.shareholders) {
      const key = nameKey(r.data.holder_name);
      const bp = basisPoints(r);
      if (bp > 0 && !joinedLater.has(key)) {
        holders.push({ record: r, type: r.data.holder_type, nameKey: key, basisPoints: bp });
        known += bp;
      } else if (bp === 0 && leftLater.has(key)) {
        holders.push({ record: r, type: r.data.holder_type, nameKey: key, basisPoints: null });
        unknown++;
      }
    }
    if (holders.length === 0) return null;
    let sharesKnown = unknown === 0;
    let resolved: readonly HolderAsOf[] = holders;
    if (unknown === 1 && known < 10_000) {
      resolved = holders.map((h) => (h.basisPoints === null ? { ...h, basisPoints: 10_000 - known } : h));
      sharesKnown = true;
    }
    return { holders: resolved, sharesKnown, undone: later };
  });
}

/** Provenance of a value read from some holders: their records, plus the changes undone to reconstruct the register. */
export function holderProvenance(register: RegisterAsOf, holders: readonly HolderAsOf[]): readonly SourceRecord[] {
  const records: SourceRecord[] = holders.map((h) => h.record);
  return register.undone.length === 0 ? records : [...records, ...register.undone];
}

/** Holders with known shares, largest first (ties: natural persons first, then by record id), or null when shares are unknown. */
export function holdersBySize(ctx: DeriveContext): readonly (HolderAsOf & { readonly basisPoints: number })[] | null {
  return ctx.memo('governance:holders-by-size', () => {
    const register = registerAsOf(ctx);
    if (register === null || !register.sharesKnown) return null;
    const out: (HolderAsOf & { basisPoints: number })[] = [];
    for (const h of register.holders) if (h.basisPoints !== null) out.push({ ...h, basisPoints: h.basisPoints });
    const rank = (t: HolderAsOf['type']): number => (t === 'natural_person' ? 0 : t === 'enterprise' ? 1 : 2);
    out.sort((a, b) => b.basisPoints - a.basisPoints || rank(a.type) - rank(b.type) || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
    return out;
  });
}
