import { withinMonths } from './calendar';
import type { DeriveContext } from './derive-context';
import type { PenaltyRecord } from './enterprise-records';

/**
 * Penalty types from the mildest to the most severe, following the order of 《行政处罚法》 art. 9
 * (warning; fine; confiscation; suspension of business; revocation of a licence).
 */
export const PENALTY_SEVERITY = ['warning', 'fine', 'confiscation', 'suspension', 'licence_revoked'] as const;
const RANK = new Map<string, number>(PENALTY_SEVERITY.map((t, i) => [t, i]));

export const severityOf = (type: string): number => RANK.get(type) ?? -1;

/** Penalty decisions decided on or before the as-of date. */
export const penaltiesDecided = (ctx: DeriveContext): readonly PenaltyRecord[] =>
  ctx.memo('compliance:penalties', () => ctx.records.penalties.filter((p) => p.data.decided_on <= ctx.asOf));

/** Penalty decisions decided in (asOf − n months, asOf]. */
export const penaltiesWithin = (ctx: DeriveContext, months: number): readonly PenaltyRecord[] =>
  ctx.memo(`compliance:penalties:${months}m`, () => penaltiesDecided(ctx).filter((p) => withinMonths(p.data.decided_on, ctx.asOf, months)));

/** The most severe decision (the latest among equally severe ones), or null. */
export function mostSevere(penalties: readonly PenaltyRecord[]): PenaltyRecord | null {
  let worst: PenaltyRecord | null = null;
  for (const p of penalties) {
    if (worst === null) {
      worst = p;
      continue;
    }
    const d = severityOf(p.data.penalty_type) - severityOf(worst.data.penalty_type);
    if (d > 0 || (d === 0 && p.data.decided_on > worst.data.decided_on)) worst = p;
  }
  return worst;
}

/** The latest decision, or null. */
export function latestDecided(penalties: readonly PenaltyRecord[]): PenaltyRecord | null {
  let latest: PenaltyRecord | null = null;
  for (const p of penalties) if (latest === null || p.data.decided_on > latest.data.decided_on) latest = p;
  return latest;
}
