import { DAY, dateAt, officeHours, yearOf } from './calendar';
import type { Enterprise } from './enterprise.types';
import { operating } from './finance.model';
import { Rng, sigmoid, tag } from './prng';
import type { World } from './world';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { floor, sqrt } = Math;

const T_REPORT = tag('market/annual-report');

/** Whether and when the annual report for `year` was filed (deadline: 30 June of the next year). */
export interface ReportTimeline {
  readonly year: number;
  readonly deadline: number;
  /** Null when never filed within the horizon. */
  readonly filedAt: number | null;
  /** Listed as abnormal (report overdue) on this instant, or null. */
  readonly listedAt: number | null;
  /** Removed from the abnormal list (after the late filing), or null. */
  readonly removedAt: number | null;
  readonly disclosesRevenue: boolean;
}

/** Report years: those whose filing season lies inside the horizon. */
export function reportYears(world: World): { first: number; last: number } {
  const h = world.horizon;
  return { first: yearOf(h.from), last: yearOf(h.to) - 1 };
}

/**
 * The annual report for `year`, or null when the enterprise owes none (founded later, or gone by
 * the filing season). Riskier firms file late or not at all, and are listed as abnormal.
 */
export function reportTimeline(world: World, e: Enterprise, year: number): ReportTimeline | null {
  const seasonStart = dateAt(year + 1, 1, 1);
  if (e.establishedAt >= seasonStart || !operating(e, seasonStart)) return null;
  const deadline = dateAt(year + 1, 7, 1) - 1;
  const rng = new Rng(world.seed, T_REPORT, e.index, year);
  const risk = world.finance.riskAt(e, seasonStart) + (e.dormantAt !== null && e.dormantAt < seasonStart ? 1 : 0);
  const never = rng.chance(sigmoid(-5 + 1.5 * risk));
  const late = rng.chance(sigmoid(-3 + 1.3 * risk));
  const onTimeDay = floor(181 * sqrt(rng.float()));
  const lateDays = rng.range(5, 300);
  const listDay = 10 + rng.int(10);
  const removalLag = rng.range(3, 15);
  const disclosesRevenue = rng.chance(0.75);
  let filedAt: number | null = never ? null : late ? deadline + floor(lateDays * DAY) : seasonStart + onTimeDay * DAY;
  if (filedAt !== null) filedAt = officeHours(filedAt, rng.float());
  const h = world.horizon;
  if (filedAt !== null && (filedAt > h.to || !operating(e, filedAt))) filedAt = null;
  let listedAt: number | null = null;
  let removedAt: number | null = null;
  if (filedAt === null || filedAt > deadline) {
    listedAt = officeHours(dateAt(year + 1, 7, listDay), 0.3);
    if (listedAt > h.to || !operating(e, listedAt) || (filedAt !== null && filedAt <= listedAt)) listedAt = null;
    if (listedAt !== null && filedAt !== null) removedAt = officeHours(filedAt + floor(removalLag * DAY), 0.5);
  }
  return { year, deadline, filedAt, listedAt, removedAt, disclosesRevenue };
}
