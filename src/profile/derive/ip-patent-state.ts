import { nameKey } from '../../resolution/name-normalizer';
import { cstDate } from './calendar';
import type { DeriveContext } from './derive-context';
import type { LegalEventRecord, PatentRecord, SourceRecord } from './enterprise-records';
import { enterpriseNameKeys } from './ip-enterprise-names';
import { eventsOf, TERMINAL_EVENTS } from './ip-legal-events';
import { termEnd } from './ip-patent-term';

export type PatentEndKind = 'lapsed_non_payment' | 'expired' | 'invalidated';

/**
 * One of the enterprise's patents as it stood on the as-of date, rebuilt from its dated fields and
 * legal events (the patent record itself carries only its latest state). Every date is on or before
 * the as-of date or null.
 */
export interface PatentState {
  readonly patent: PatentRecord;
  readonly type: PatentRecord['data']['patent_type'];
  readonly filedOn: string;
  /** Legal events of this patent dated on or before the as-of date, oldest first. */
  readonly events: readonly LegalEventRecord[];
  readonly grantedOn: string | null;
  /** Date of the rejection (inventions): the date of the record version that carries it. */
  readonly rejectedOn: string | null;
  /** When and how the right ended, with the record that shows it (a legal event or the patent). */
  readonly end: { readonly on: string; readonly kind: PatentEndKind; readonly source: SourceRecord } | null;
  /** When the enterprise transferred the patent away, with the record that shows it. */
  readonly transferOut: { readonly on: string; readonly source: SourceRecord } | null;
  /** The end of the statutory term (20 / 10 / 10 or 15 years from filing). */
  readonly termEnd: string;
  /** Granted and not ended (lapse, expiry, invalidation, end of term) on the as-of date. */
  readonly inForce: boolean;
  /** Still held by the enterprise on the as-of date (not transferred out). */
  readonly held: boolean;
}

/** When a patent becomes public, so known to a profile: publication (utility models and designs are published at grant). */
export const knownOn = (p: PatentRecord): string => p.data.published_on ?? p.data.granted_on ?? p.data.filed_on;

/** Whether `date` is before the patent left the enterprise (or it never did): events then are the enterprise's. */
export const whileHeld = (s: PatentState, date: string): boolean => s.transferOut === null || date < s.transferOut.on;

function stateOf(ctx: DeriveContext, patent: PatentRecord, ownNames: ReadonlySet<string>): PatentState {
  const d = patent.data;
  const asOf = ctx.asOf;
  const events = eventsOf(ctx, d.application_no);
  // The stored record is the latest version; its own date is the date of its last change.
  const versionOn = cstDate(patent.updatedAt);
  let grantedOn = d.granted_on !== null && d.granted_on <= asOf ? d.granted_on : null;
  let end: PatentState['end'] = null;
  let transferOut: PatentState['transferOut'] = null;
  for (const e of events) {
    const t = e.data.event_type;
    if (t === 'granted' && grantedOn === null) grantedOn = e.data.event_on;
    else if (end === null && TERMINAL_EVENTS.has(t)) end = { on: e.data.event_on, kind: t as PatentEndKind, source: e };
    else if (t === 'transferred' && transferOut === null) transferOut = { on: e.data.event_on, source: e };
  }
  // A status without its legal event (e.g. the event arrived invalid): the version carrying it is dated.
  const status = d.legal_status;
  if (end === null && (status === 'lapsed_non_payment' || status === 'expired' || status === 'invalidated') && versionOn <= asOf) {
    end = { on: versionOn, kind: status, source: patent };
  }
  const term = termEnd(d.patent_type, d.filed_on);
  if (end === null && grantedOn !== null && term <= asOf) end = { on: term, kind: 'expired', source: patent };
  // A holder other than the enterprise under any of its names, shown by a version on or before the as-of date.
  if (transferOut === null && versionOn <= asOf && ownNames.size > 0) {
    const owner = nameKey(d.owner);
    if (!ownNames.has(owner) && !d.applicants.some((a) => nameKey(a) === owner)) transferOut = { on: versionOn, source: patent };
  }
  const rejectedOn = status === 'rejected' && grantedOn === null && versionOn <= asOf ? versionOn : null;
  return {
    patent,
    type: d.patent_type,
    filedOn: d.filed_on,
    events,
    grantedOn,
    rejectedOn,
    end,
    transferOut,
    termEnd: term,
    inForce: grantedOn !== null && end === null,
    held: transferOut === null,
  };
}

/**
 * The enterprise's patents known on the as-of date (published on or before it), each rebuilt as it
 * stood then. Memoised per enterprise; later selections filter this list.
 */
export function patentsAsOf(ctx: DeriveContext): readonly PatentState[] {
  return ctx.memo('ip:patents-as-of', () => {
    const ownNames = enterpriseNameKeys(ctx);
    const out: PatentState[] = [];
    for (const p of ctx.records.patents) if (knownOn(p) <= ctx.asOf) out.push(stateOf(ctx, p, ownNames));
    return out;
  });
}

/** The patents known on the as-of date by application number. */
export function patentsByNumber(ctx: DeriveContext): ReadonlyMap<string, PatentState> {
  return ctx.memo('ip:patents-by-number', () => new Map(patentsAsOf(ctx).map((s) => [s.patent.data.application_no.trim(), s])));
}
