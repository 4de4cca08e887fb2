import { DAY, dayStart, monthDay, monthOf, officeHours, YEAR } from './calendar';
import type { HolderNameVariant } from './enterprise-names';
import type { Enterprise } from './enterprise.types';
import { Permutation, Rng, sigmoid, tag } from './prng';
import type { World } from './world';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { exp, floor, max, min, round } = Math;

const T_ACCOUNTS = tag('utility/accounts');
const T_PAYMENT = tag('utility/payment');
const T_CONSUMPTION = tag('utility/consumption');

export type Utility = 'power' | 'water';

export interface Account {
  readonly slot: number;
  readonly utility: Utility;
  readonly accountNo: string;
  readonly category: 'industrial' | 'commercial';
  readonly openedAt: number;
  readonly closedAt: number | null;
  /** When the holder name was updated after the enterprise's rename, or null. */
  readonly renamedAt: number | null;
  readonly address: string;
  readonly variant: HolderNameVariant;
  readonly variantDraw: number;
  /** Share of the firm's activity metered here. */
  readonly share: number;
  readonly baseLoad: number;
}

export const SLOTS = 5;
/** Bills reach back this many months before the start. */
export const BILL_HISTORY_MONTHS = 24;
/** Month slots per account in the bills record index. */
export const BILL_MONTH_SLOTS = 64;

interface Layout {
  readonly manufacturing: boolean;
  readonly hasWater: boolean;
  readonly hasPlant: boolean;
  readonly plantOpen: number;
  readonly plantAddress: string;
  readonly move: number | null;
}

const VARIANTS: readonly HolderNameVariant[] = ['exact', 'half_width_brackets', 'legal_form', 'stray_space', 'city_prefix'];
const VARIANT_WEIGHTS: readonly number[] = [55, 12, 12, 11, 10];

/**
 * Account numbers and accounts per enterprise: a main power account, usually a water account, a
 * plant account for some manufacturers, and new accounts after a move (the old ones close).
 */
export class UtilityModel {
  private readonly powerNumbers: Permutation;
  private readonly waterNumbers: Permutation;

  constructor(private readonly world: World) {
    this.powerNumbers = new Permutation(1e8, world.seed ^ T_ACCOUNTS);
    this.waterNumbers = new Permutation(1e8, (world.seed ^ T_ACCOUNTS) + 1);
  }

  /** Slots 0, 2 and 3 are power accounts; 1 and 4 water. */
  static utilityOf(slot: number): Utility {
    return slot === 1 || slot === 4 ? 'water' : 'power';
  }

  /** The account number of a slot, unique per (enterprise, slot) for up to 20 million enterprises. */
  accountNo(e: Enterprise, slot: number): string {
    const key = (e.index * SLOTS + slot) % 1e8;
    return UtilityModel.utilityOf(slot) === 'power'
      ? `37${String(this.powerNumbers.apply(key)).padStart(8, '0')}`
      : `SW${String(this.waterNumbers.apply(key)).padStart(8, '0')}`;
  }

  /** All five slots (null where the enterprise has no such account). */
  accounts(e: Enterprise): Array<Account | null> {
    const layout = this.layout(e);
    return Array.from({ length: SLOTS }, (_, slot) => this.make(e, slot, layout));
  }

  /** One slot's account, built on its own (bills need only theirs). */
  account(e: Enterprise, slot: number): Account | null {
    return this.make(e, slot, this.layout(e));
  }

  /** Which accounts exist: water for manufacturers and most others, a plant for some, new ones after a move. */
  private layout(e: Enterprise): Layout {
    const rng = new Rng(this.world.seed, T_ACCOUNTS, e.index, 0);
    const manufacturing = e.industry.section === 'C';
    const hasWater = manufacturing || rng.chance(0.6);
    const hasPlant = manufacturing && rng.chance(0.3);
    const plantOpen = e.establishedAt + rng.range(0.5, 3) * YEAR;
    const plantAddress = `山东省济南市章丘区明水经济技术开发区工业${1 + rng.int(9)}路${1 + rng.int(200)}号`;
    let move: number | null = null;
    for (const ev of e.events) if (ev.item === 'address') move = move ?? ev.at;
    return { manufacturing, hasWater, hasPlant, plantOpen, plantAddress, move };
  }

  private make(e: Enterprise, slot: number, l: Layout): Account | null {
    const exists = slot === 0 || (slot === 1 && l.hasWater) || (slot === 2 && l.hasPlant) || (slot === 3 && l.move !== null) || (slot === 4 && l.move !== null && l.hasWater);
    if (!exists) return null;
    const h = this.world.horizon;
    const rng = new Rng(this.world.seed, T_ACCOUNTS, e.index, slot + 1);
    const openLag = rng.range(5, 60) * DAY;
    const closeLag = rng.range(20, 60) * DAY;
    const endLag = rng.range(15, 90) * DAY;
    const renameLag = rng.range(30, 180) * DAY;
    const renames = rng.chance(0.5);
    const variant = rng.weighted(VARIANTS, VARIANT_WEIGHTS);
    const variantDraw = rng.float();
    const addressDraw = rng.float();
    const baseLoad = rng.range(0.5, 2);
    const opened = slot === 2 ? l.plantOpen : slot >= 3 ? l.move! + openLag : e.establishedAt + openLag;
    const openedAt = officeHours(opened, addressDraw);
    const ends = e.endAt;
    if (openedAt > h.to || (ends !== null && openedAt >= ends)) return null;
    const movedOut = slot <= 1 ? l.move : null;
    let closedAt: number | null = movedOut !== null ? officeHours(movedOut + closeLag, variantDraw) : null;
    if (ends !== null) closedAt = min(closedAt ?? Infinity, officeHours(ends + endLag, variantDraw));
    if (closedAt !== null && closedAt <= openedAt) closedAt = openedAt + DAY;
    const nameAt = e.nameChangedAt;
    let renamedAt = nameAt !== null && nameAt > openedAt && renames ? officeHours(nameAt + renameLag, addressDraw) : null;
    if (renamedAt !== null && closedAt !== null && renamedAt >= closedAt) renamedAt = null;
    const registered = e.registry[this.world.registryIndexAt(e, openedAt)]!.address;
    return {
      slot,
      utility: UtilityModel.utilityOf(slot),
      accountNo: this.accountNo(e, slot),
      category: slot === 2 || l.manufacturing ? 'industrial' : 'commercial',
      openedAt,
      closedAt,
      renamedAt,
      address: slot === 2 ? l.plantAddress : addressVariant(registered, addressDraw, e),
      variant,
      variantDraw,
      share: slot === 2 ? 0.65 : l.hasPlant && UtilityModel.utilityOf(slot) === 'power' ? 0.35 : 1, // the plant meters power only
      baseLoad,
    };
  }

  /** First and last bill months of an account (inclusive), or null when it has none. */
  billMonths(a: Account): { first: number; last: number } | null {
    const h = this.world.horizon;
    const first = max(h.startMonth - BILL_HISTORY_MONTHS, monthOf(a.openedAt));
    const last = min(monthOf(h.to), a.closedAt !== null ? monthOf(a.closedAt) : Infinity, first + BILL_MONTH_SLOTS - 1);
    return last >= first ? { first, last } : null;
  }

  /** Issue, due and payment instants of a bill; risky firms pay late or never. */
  payment(e: Enterprise, a: Account, month: number): { issuedAt: number; dueAt: number; paidAt: number | null } {
    const rng = new Rng(this.world.seed, T_PAYMENT, e.index, a.slot, month);
    const issuedAt = officeHours(monthDay(month + 1, 2 + rng.int(5)), rng.float());
    const dueAt = dayStart(issuedAt) + 16 * DAY - 1;
    const risk = this.world.finance.riskAt(e, issuedAt);
    const never = rng.chance(sigmoid(-5.5 + 1.5 * risk)) || (e.endAt !== null && e.endAt < dueAt);
    const late = rng.chance(sigmoid(-2.8 + 1.2 * risk));
    const lateDays = 1 + rng.int(90);
    const earlyDays = 1 + rng.int(14);
    const paidDay = late ? dueAt + lateDays * DAY : issuedAt + earlyDays * DAY;
    return { issuedAt, dueAt, paidAt: never ? null : officeHours(paidDay, rng.float()) };
  }

  /** Metered consumption (kWh or m³, in hundredths) and the amount in fen. */
  consumption(e: Enterprise, a: Account, month: number): { hundredths: number; amountFen: number } {
    const rng = new Rng(this.world.seed, T_CONSUMPTION, e.index, a.slot, month);
    const revenueYuan = this.world.finance.revenueFen(e, month) / 100;
    const family = e.industry.family;
    const calendarMonth = month % 12;
    let units: number;
    let price: number;
    if (a.utility === 'power') {
      const season = calendarMonth === 6 || calendarMonth === 7 ? 1.25 : calendarMonth === 11 || calendarMonth === 0 ? 1.15 : calendarMonth === 1 ? 0.8 : 1;
      const base = 300 * a.baseLoad * (revenueYuan > 0 ? 1 : 0.4);
      units = (revenueYuan * family.kwhPerYuan * a.share + base) * season;
      price = a.category === 'industrial' ? 0.66 : 0.72;
    } else {
      const season = calendarMonth >= 5 && calendarMonth <= 7 ? 1.2 : 1;
      const base = 12 * a.baseLoad * (revenueYuan > 0 ? 1 : 0.4);
      units = (revenueYuan * family.m3PerYuan * a.share + base) * season;
      price = 4.6;
    }
    const hundredths = max(100, round(units * exp(0.08 * rng.normal())) * 100);
    return { hundredths, amountFen: round((hundredths / 100) * price * 100) };
  }
}

function addressVariant(registered: string, u: number, e: Enterprise): string {
  if (u < 0.7) return registered;
  if (u < 0.8) return registered.replace(/^山东省/, '');
  if (u < 0.9) return registered.replace('号楼', '栋').replace(/室$/, '');
  // A different site (the actual office), in the same district.
  const district = e.registry[0]!.district;
  return `济南市${district.name}${district.roads[floor(u * 1000) % district.roads.length]}${1 + (floor(u * 1e6) % 800)}号`;
}
