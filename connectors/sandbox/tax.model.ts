import { DAY, monthDay, monthOf, monthStart, officeHours } from './calendar';
import type { Enterprise } from './enterprise.types';
import { Rng, sigmoid, tag } from './prng';
import type { World } from './world';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { floor, log, max, min, round, sqrt } = Math;

const T_DECLARATION = tag('tax/declaration');
const T_ARREAR = tag('tax/arrear');

export type TaxType = 'VAT' | 'CIT';

/** Record index of a declaration: two slots per month of the horizon (VAT, CIT). */
export function declarationRecord(world: World, month: number, type: TaxType): number {
  return (month - world.horizon.fromMonth) * 2 + (type === 'CIT' ? 1 : 0);
}

export function isQuarterEnd(month: number): boolean {
  return month % 12 === 2 || month % 12 === 5 || month % 12 === 8 || month % 12 === 11;
}

/** Only companies pay CIT; partnerships, sole proprietors and individual businesses do not. */
export function paysCit(e: Enterprise): boolean {
  return e.entityType === 'limited_company' || e.entityType === 'joint_stock';
}

/** Small-scale VAT payers (and individual businesses) declare quarterly. */
export function declaresVatQuarterly(e: Enterprise): boolean {
  return e.economics.smallScaleVat || e.entityType === 'individual_business';
}

export interface DeclarationTimeline {
  readonly month: number;
  readonly type: TaxType;
  readonly dueAt: number;
  readonly filedAt: number;
  readonly late: boolean;
  readonly rng: Rng;
}

/**
 * Whether a declaration for (month, type) is owed and when it was filed (due the 15th of the next
 * month). Null when not owed, or filed after the horizon. Late filing grows with risk.
 */
export function declarationTimeline(world: World, e: Enterprise, month: number, type: TaxType): DeclarationTimeline | null {
  if (!owesDeclaration(world, e, month, type)) return null;
  const rng = new Rng(world.seed, T_DECLARATION, e.index, month, type === 'CIT' ? 1 : 0);
  const dueAt = monthDay(month + 1, 16) - 1;
  const late = lateDraw(world, e, rng, dueAt);
  const day = late ? 15 + 1 + floor(rng.range(1, 60)) : 1 + floor(14 * sqrt(rng.float()));
  const filedAt = officeHours(monthDay(month + 1, day), rng.float());
  if (filedAt > world.horizon.to) return null;
  return { month, type, dueAt, filedAt, late: filedAt > dueAt, rng };
}

function owesDeclaration(world: World, e: Enterprise, month: number, type: TaxType): boolean {
  if (month < world.horizon.fromMonth || month < e.establishedMonth) return false;
  if (e.endAt !== null && monthStart(month) >= e.endAt) return false;
  if (type === 'CIT' && (!paysCit(e) || !isQuarterEnd(month))) return false;
  if (type === 'VAT' && declaresVatQuarterly(e) && !isQuarterEnd(month)) return false;
  return true;
}

function lateDraw(world: World, e: Enterprise, rng: Rng, dueAt: number): boolean {
  return rng.chance(sigmoid(-4.2 + 1.3 * world.finance.riskAt(e, dueAt)));
}

/**
 * Whether the declaration was filed late: the first draw of `declarationTimeline`, without the rest.
 * Valid for months whose late filing still falls inside the horizon (all that grades look at).
 */
export function declaredLate(world: World, e: Enterprise, month: number, type: TaxType): boolean {
  if (!owesDeclaration(world, e, month, type)) return false;
  return lateDraw(world, e, new Rng(world.seed, T_DECLARATION, e.index, month, type === 'CIT' ? 1 : 0), monthDay(month + 1, 16) - 1);
}

export interface ArrearTimeline {
  readonly type: TaxType;
  readonly aroseAt: number;
  readonly recordedAt: number;
  readonly paidAt: number | null;
  readonly amountFen: number;
}

/** Tax arrears: arise at random while operating, are paid after a while or, for risky firms, never. */
export function arrearTimeline(world: World, e: Enterprise, k: number): ArrearTimeline | null {
  const h = world.horizon;
  const lo = max(e.establishedAt + 90 * DAY, h.from);
  const hi = min(e.endAt ?? h.to, h.to) - 2 * DAY;
  if (hi <= lo) return null;
  const rng = new Rng(world.seed, T_ARREAR, e.index, k);
  const aroseAt = officeHours(rng.range(lo, hi), rng.float());
  const type: TaxType = paysCit(e) && rng.chance(0.25) ? 'CIT' : 'VAT';
  const risk = world.finance.riskAt(e, aroseAt);
  const monthlyFen = world.finance.revenueFen(e, monthOf(aroseAt));
  const amountFen = max(20_000, round(monthlyFen * 0.03 * rng.range(0.5, 3)));
  const never = rng.chance(sigmoid(-2 + 1.0 * risk));
  const delayDays = 5 + -log(1 - rng.float()) * 60;
  const paidAt = never ? null : officeHours(aroseAt + floor(delayDays * DAY), rng.float());
  return { type, aroseAt, recordedAt: officeHours(aroseAt + DAY, 0.2), paidAt, amountFen };
}
