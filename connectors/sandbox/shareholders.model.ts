import { DAY } from './calendar';
import { personName } from './enterprise-names';
import type { Enterprise } from './enterprise.types';
import { Rng, tag } from './prng';
import { STATE_INVESTORS, TRADE_NAME_CHARACTERS } from './vocabulary.data';
import type { World } from './world';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { floor, max } = Math;

const T_HOLDERS = tag('market/shareholders');

export type HolderType = 'natural_person' | 'enterprise' | 'state';

export interface Holder {
  readonly name: string;
  readonly type: HolderType;
  /** Share in basis points; the holders in force always sum to 10,000. */
  readonly basisPoints: number;
  readonly joinedAt: number;
  readonly leftAt: number | null;
}

/**
 * The shareholder register over time. At a `shareholder` change the last founding holder sells
 * the whole stake to a new natural person; capital changes rescale every holder's subscription.
 * Some enterprise holders are earlier sandbox enterprises, so ownership links exist in the data.
 */
export function holdersOf(world: World, e: Enterprise): Holder[] {
  const rng = new Rng(world.seed, T_HOLDERS, e.index);
  const at = e.establishedAt;
  const rep = e.registry[0]!.legalRepresentative;
  const drafts: Array<{ name: string; type: HolderType; weight: number }> = [];
  switch (e.entityType) {
    case 'individual_business':
    case 'sole_proprietorship':
      drafts.push({ name: rep, type: 'natural_person', weight: 1 });
      break;
    case 'partnership':
      drafts.push({ name: investorName(world, e, rng, '投资管理有限公司'), type: 'enterprise', weight: 0.02 });
      for (let k = 1 + rng.int(3); k > 0; k--) drafts.push({ name: personName(rng), type: 'natural_person', weight: rng.range(0.2, 1) });
      break;
    default: {
      drafts.push({ name: rep, type: 'natural_person', weight: rng.range(0.5, 1.5) });
      const more = e.entityType === 'joint_stock' ? 2 + rng.int(4) : rng.int(4);
      for (let k = 0; k < more; k++) drafts.push({ name: personName(rng), type: 'natural_person', weight: rng.range(0.1, 1) });
      if (rng.chance(0.15)) drafts.push({ name: investorName(world, e, rng, '创业投资合伙企业（有限合伙）'), type: 'enterprise', weight: rng.range(0.1, 0.5) });
      if (rng.chance(0.05)) drafts.push({ name: rng.pick(STATE_INVESTORS), type: 'state', weight: rng.range(0.05, 0.3) });
    }
  }
  const total = drafts.reduce((s, d) => s + d.weight, 0);
  const shares = drafts.map((d) => max(1, floor((d.weight / total) * 10_000)));
  shares[0]! += 10_000 - shares.reduce((s, x) => s + x, 0);
  const newcomer = personName(rng);
  const changeAt = e.shareholderChangeAt;
  const holders: Holder[] = drafts.map((d, k) => ({
    name: d.name,
    type: d.type,
    basisPoints: shares[k]!,
    joinedAt: at,
    leftAt: changeAt !== null && k === drafts.length - 1 ? changeAt : null,
  }));
  if (changeAt !== null) {
    const leaving = holders[holders.length - 1]!;
    holders.push({ name: newcomer, type: 'natural_person', basisPoints: leaving.basisPoints, joinedAt: changeAt, leftAt: null });
  }
  return holders;
}

/** Version times of a holder's record: joining, every capital change while a holder, leaving. */
export function holderVersionTimes(e: Enterprise, h: Holder): number[] {
  const times = [h.joinedAt];
  for (const c of e.capitalChangeAts) if (c > h.joinedAt && (h.leftAt === null || c < h.leftAt)) times.push(c);
  if (h.leftAt !== null) times.push(h.leftAt);
  return times;
}

function investorName(world: World, e: Enterprise, rng: Rng, form: string): string {
  // Half the time an earlier sandbox enterprise founded at least a year before.
  const j = e.index > 0 ? rng.int(e.index) : -1;
  const useSandbox = rng.chance(0.5);
  const trade = rng.pick(TRADE_NAME_CHARACTERS) + rng.pick(TRADE_NAME_CHARACTERS);
  if (useSandbox && j >= 0) {
    const other = world.enterprise(j);
    if (other.establishedAt < e.establishedAt - 365 * DAY && other.entityType !== 'individual_business') return world.nameAt(other, e.establishedAt);
  }
  return `济南${trade}${form}`;
}
