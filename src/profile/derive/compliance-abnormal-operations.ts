import { addDays, addMonths, daysBetween, withinMonths } from './calendar';
import type { DeriveContext } from './derive-context';
import type { AbnormalOperationRecord } from './enterprise-records';

/** 《企业经营异常名录管理暂行办法》 art. 4 (3): cannot be reached at the registered address. */
const UNREACHABLE = /无法联系/;

export const isUnreachableListing = (e: AbnormalOperationRecord): boolean => UNREACHABLE.test(e.data.reason);

/** Whether the entry was removed from the list on or before `asOf` (the entry keeps its removal date). */
export const removedBy = (e: AbnormalOperationRecord, asOf: string): boolean => e.data.removed_on !== null && e.data.removed_on <= asOf;

/** Entries listed on or before the as-of date, earliest listing first. */
export const entriesListed = (ctx: DeriveContext): readonly AbnormalOperationRecord[] =>
  ctx.memo('compliance:abnormal', () =>
    ctx.records.abnormalOperations
      .filter((e) => e.data.listed_on <= ctx.asOf)
      .sort((a, b) => (a.data.listed_on < b.data.listed_on ? -1 : a.data.listed_on > b.data.listed_on ? 1 : 0)),
  );

/** Entries still on the list at the end of the as-of date, earliest listing first. */
export const entriesOpen = (ctx: DeriveContext): readonly AbnormalOperationRecord[] =>
  ctx.memo('compliance:abnormalOpen', () => entriesListed(ctx).filter((e) => !removedBy(e, ctx.asOf)));

/** Entries listed in (asOf − n months, asOf]. */
export const entriesListedWithin = (ctx: DeriveContext, months: number): readonly AbnormalOperationRecord[] =>
  ctx.memo(`compliance:abnormal:${months}m`, () => entriesListed(ctx).filter((e) => withinMonths(e.data.listed_on, ctx.asOf, months)));

/**
 * Calendar days on the list within (asOf − n months, asOf]: from the listing day up to the day
 * before removal (or the as-of day while still listed), days when two entries overlap counted once.
 * Returns the entries that contributed days.
 */
export function daysListedWithin(ctx: DeriveContext, months: number): { days: number; records: AbnormalOperationRecord[] } {
  const windowStart = addDays(addMonths(ctx.asOf, -months), 1);
  const afterAsOf = addDays(ctx.asOf, 1);
  let days = 0;
  let runStart = '';
  let runEnd = '';
  const records: AbnormalOperationRecord[] = [];
  // Entries come sorted by listing date, so their clipped starts are sorted too.
  for (const e of entriesListed(ctx)) {
    const start = e.data.listed_on > windowStart ? e.data.listed_on : windowStart;
    const end = e.data.removed_on !== null && e.data.removed_on <= ctx.asOf ? e.data.removed_on : afterAsOf;
    if (end <= start) continue;
    records.push(e);
    if (runEnd !== '' && start <= runEnd) {
      if (end > runEnd) runEnd = end;
      continue;
    }
    if (runEnd !== '') days += daysBetween(runStart, runEnd);
    runStart = start;
    runEnd = end;
  }
  if (runEnd !== '') days += daysBetween(runStart, runEnd);
  return { days, records };
}
