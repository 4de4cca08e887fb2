import type { DeriveContext } from './derive-context';
import type { LegalEventRecord } from './enterprise-records';

/** Event types that end a patent right. */
export const TERMINAL_EVENTS: ReadonlySet<string> = new Set(['lapsed_non_payment', 'expired', 'invalidated']);

const byEventDate = (a: LegalEventRecord, b: LegalEventRecord): number => {
  if (a.data.event_on !== b.data.event_on) return a.data.event_on < b.data.event_on ? -1 : 1;
  // Same day: the office numbers a patent's events in the order they happened.
  return a.data.event_id < b.data.event_id ? -1 : a.data.event_id > b.data.event_id ? 1 : 0;
};

const NONE: readonly LegalEventRecord[] = [];

/**
 * The enterprise's patent legal events dated on or before the as-of date, grouped by application
 * number, each group oldest first (one pass over the events, memoised per enterprise).
 */
export function legalEventsByPatent(ctx: DeriveContext): ReadonlyMap<string, readonly LegalEventRecord[]> {
  return ctx.memo('ip:events-by-patent', () => {
    const out = new Map<string, LegalEventRecord[]>();
    for (const e of ctx.records.legalEvents) {
      if (e.data.event_on > ctx.asOf) continue;
      const key = e.data.application_no.trim();
      const group = out.get(key);
      if (group) group.push(e);
      else out.set(key, [e]);
    }
    for (const group of out.values()) group.sort(byEventDate);
    return out;
  });
}

/** One patent's legal events on or before the as-of date, oldest first. */
export function eventsOf(ctx: DeriveContext, applicationNo: string): readonly LegalEventRecord[] {
  return legalEventsByPatent(ctx).get(applicationNo.trim()) ?? NONE;
}
