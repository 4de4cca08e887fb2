import { nameKey } from '../../resolution/name-normalizer';
import type { DeriveContext } from './derive-context';
import type { LegalEventRecord } from './enterprise-records';
import { legalEventsByPatent, TERMINAL_EVENTS } from './ip-legal-events';
import { patentsByNumber } from './ip-patent-state';

/** One patent pledge the enterprise registered, as it stood on the as-of date. */
export interface Pledge {
  readonly applicationNo: string;
  /** The `pledged` legal event (its date is the pledge registration date, on or before the as-of date). */
  readonly pledged: LegalEventRecord;
  /** Name key of the pledgee (the lending bank); '' when the event names none. */
  readonly pledgeeKey: string;
  /** The matching `pledge_released` event on or before the as-of date, or null. */
  readonly released: LegalEventRecord | null;
  /** Not released, and the pledged right had not ended, on the as-of date. */
  readonly active: boolean;
}

const keyOf = (e: LegalEventRecord): string => (e.data.counterparty === null ? '' : nameKey(e.data.counterparty));

/**
 * Every pledge the enterprise registered on its patents up to the as-of date. A pledge is the
 * enterprise's when registered while it held the patent (before a transfer out: later pledges are
 * the new holder's). A `pledge_released` event closes the oldest open pledge of the same pledgee. A
 * pledge still open is active unless the right has ended (lapse, expiry, invalidation): a pledge on
 * a right that no longer exists secures nothing, and the office records no release after the end.
 * Patents not (yet) on record are read from their legal events alone.
 */
export function pledgesAsOf(ctx: DeriveContext): readonly Pledge[] {
  return ctx.memo('ip:pledges-as-of', () => {
    const states = patentsByNumber(ctx);
    const out: Pledge[] = [];
    for (const [applicationNo, events] of legalEventsByPatent(ctx)) {
      const state = states.get(applicationNo);
      let transferredOn: string | null = state?.transferOut?.on ?? null;
      let endedOn: string | null = state?.end?.on ?? null;
      if (state === undefined) {
        for (const e of events) {
          if (transferredOn === null && e.data.event_type === 'transferred') transferredOn = e.data.event_on;
          if (endedOn === null && TERMINAL_EVENTS.has(e.data.event_type)) endedOn = e.data.event_on;
        }
      }
      const open: { pledged: LegalEventRecord; pledgeeKey: string; released: LegalEventRecord | null }[] = [];
      for (const e of events) {
        if (e.data.event_type === 'pledged') {
          if (transferredOn === null || e.data.event_on < transferredOn) open.push({ pledged: e, pledgeeKey: keyOf(e), released: null });
        } else if (e.data.event_type === 'pledge_released') {
          const k = keyOf(e);
          const match = open.find((p) => p.released === null && (k === '' || p.pledgeeKey === '' || p.pledgeeKey === k));
          if (match) match.released = e;
        }
      }
      for (const p of open) out.push({ applicationNo, ...p, active: p.released === null && endedOn === null });
    }
    return out;
  });
}
