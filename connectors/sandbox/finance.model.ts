import { DAY, monthStart } from './calendar';
import type { Enterprise } from './enterprise.types';
import { normalOf, tag } from './prng';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { abs, exp, floor, max, PI, round, sin } = Math;

const T_REVENUE = tag('finance/revenue');

/**
 * The one revenue series every agency sees: VAT declarations, CIT, annual reports, R&D deductions
 * and utility consumption are all derived from `revenueFen`, so they agree with one another.
 */
export class FinanceModel {
  constructor(
    private readonly seed: number,
    private readonly startMonth: number,
  ) {}

  /** Revenue of a CST month in fen (integer cents); 0 before establishment, while dormant or after the end. */
  revenueFen(e: Enterprise, month: number): number {
    if (!this.active(e, month)) return 0;
    const estMonth = e.establishedMonth;
    const begins = monthStart(month);
    const x = e.economics;
    const age = month - estMonth;
    const ramp = 1 - exp(-(age + 1) / 8);
    const growth = (1 + x.growth) ** ((month - this.startMonth) / 12);
    const calendarMonth = month % 12;
    let season = 1 + x.seasonAmplitude * sin((2 * PI * (calendarMonth - x.seasonPhase)) / 12);
    if (calendarMonth === 1) season *= 0.8; // Spring Festival
    if (calendarMonth === 11) season *= 1.12; // year-end deliveries
    const risk = this.riskAt(e, begins);
    const noise = exp((0.1 + 0.05 * max(0, risk)) * normalOf(this.seed, T_REVENUE, e.index, month));
    let distress = 1;
    if (e.defaultAt !== null && begins > e.defaultAt - 180 * DAY) distress = 0.75 ** ((begins - (e.defaultAt - 180 * DAY)) / (90 * DAY));
    const firstMonthShare = age === 0 ? 0.5 : 1;
    // At least one yuan in an active month, so `hasRevenueIn` and `annualRevenueFen` always agree.
    return max(100, round((x.baseAnnualYuan / 12) * ramp * growth * season * noise * distress * firstMonthShare * 100));
  }

  /** Whether the enterprise trades at all in a month (cheap: no revenue computed). */
  active(e: Enterprise, month: number): boolean {
    if (month < e.establishedMonth) return false;
    const begins = monthStart(month);
    return (e.endAt === null || begins < e.endAt) && (e.dormantAt === null || begins < e.dormantAt);
  }

  /** Whether the year has any revenue (same answer as `annualRevenueFen(e, year) > 0`, much cheaper). */
  hasRevenueIn(e: Enterprise, year: number): boolean {
    for (let m = 0; m < 12; m++) if (this.active(e, year * 12 + m)) return true;
    return false;
  }

  /** Sum of a calendar year's months, in fen. */
  annualRevenueFen(e: Enterprise, year: number): number {
    let sum = 0;
    for (let m = 0; m < 12; m++) sum += this.revenueFen(e, year * 12 + m);
    return sum;
  }

  /** Sum of the three months of the quarter ending with `lastMonth`, in fen. */
  quarterRevenueFen(e: Enterprise, lastMonth: number): number {
    return this.revenueFen(e, lastMonth - 2) + this.revenueFen(e, lastMonth - 1) + this.revenueFen(e, lastMonth);
  }

  /** Latent risk as it shows at time t: it worsens in the half year before a default. */
  riskAt(e: Enterprise, t: number): number {
    if (e.defaultAt !== null && t >= e.defaultAt - 180 * DAY) return e.latentRisk + 1.2;
    return e.latentRisk;
  }

  /** Headcount for a year, consistent with its revenue (pass the year's revenue if already known). */
  employees(e: Enterprise, year: number, annualRevenueFen: number = this.annualRevenueFen(e, year)): number {
    const revenueYuan = annualRevenueFen / 100;
    if (revenueYuan === 0) return e.economics.rdIntensity > 0 ? 2 : 1;
    const minimum = e.entityType === 'individual_business' ? 1 : 3;
    return max(minimum, round(revenueYuan / e.economics.productivity));
  }
}

/** Whether the enterprise exists and has not ended at t. */
export function operating(e: Enterprise, t: number): boolean {
  return t >= e.establishedAt && (e.endAt === null || t < e.endAt);
}

/** Formats fen as a yuan decimal string with two places (`"1234.50"`), sign included. */
export function yuan(fen: number): string {
  const negative = fen < 0;
  const magnitude = abs(round(fen));
  const s = `${floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
  return negative ? `-${s}` : s;
}

/** Formats whole yuan as 10,000 yuan with four places (`"500.0000"`). */
export function wan(yuanAmount: number): string {
  const whole = round(yuanAmount);
  return `${floor(whole / 10_000)}.${String(whole % 10_000).padStart(4, '0')}`;
}
