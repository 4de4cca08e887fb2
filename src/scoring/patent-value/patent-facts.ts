import { monthsBetween } from '../../profile/derive/calendar';
import { DeriveContext } from '../../profile/derive/derive-context';
import type { EnterpriseRecords } from '../../profile/derive/enterprise-records';
import { patentsAsOf, type PatentState, whileHeld } from '../../profile/derive/ip-patent-state';
import { pledgesAsOf } from '../../profile/derive/ip-pledges';
import type { PatentFacts, PatentKind, PatentValueStatus } from './patent-value';

const KIND: Record<PatentState['type'], PatentKind> = { invention: 'INVENTION', utility_model: 'UTILITY_MODEL', design: 'DESIGN' };
const END: Record<NonNullable<PatentState['end']>['kind'], PatentValueStatus> = { lapsed_non_payment: 'LAPSED', expired: 'EXPIRED', invalidated: 'INVALIDATED' };

function statusOf(s: PatentState): PatentValueStatus {
  if (!s.held) return 'TRANSFERRED_OUT';
  if (s.end !== null) return END[s.end.kind];
  if (s.grantedOn !== null) return 'VALID';
  return s.rejectedOn !== null ? 'REJECTED' : 'PENDING';
}

const noField = (key: string): never => {
  throw new Error(`patent valuation reads records only, not profile field ${key}`);
};

/**
 * The enterprise's patents known on the as-of date (published or granted by then), each as it stood
 * then, in application-number order. Built with the profile's own derivations (`patentsAsOf`,
 * `pledgesAsOf`), so "valid", "held" and "pledged" mean exactly what they mean in the profile.
 * `records` needs the patents, legal events, registration and changes (names); other slots are unused.
 */
export function patentFactsAsOf(records: EnterpriseRecords, asOf: string): PatentFacts[] {
  const ctx = new DeriveContext(records, asOf, noField);
  const pledges = pledgesAsOf(ctx);
  const out = patentsAsOf(ctx).map((s): PatentFacts => {
    const d = s.patent.data;
    const no = d.application_no.trim();
    const own = pledges.filter((p) => p.applicationNo === no);
    const status = statusOf(s);
    return {
      applicationNo: no,
      title: d.title,
      type: KIND[s.type],
      status,
      filedOn: s.filedOn,
      grantedOn: s.grantedOn,
      termEnd: s.termEnd,
      remainingMonths: status === 'VALID' ? Math.max(0, monthsBetween(asOf, s.termEnd)) : 0,
      claims: d.claims_count,
      citedBy: d.cited_by_count,
      familySize: d.family_size,
      pct: d.pct,
      ipcSubclasses: new Set(d.ipc_codes.map((c) => c.trim().slice(0, 4).toUpperCase()).filter((c) => c !== '')).size,
      licences: s.events.filter((e) => e.data.event_type === 'licensed' && whileHeld(s, e.data.event_on)).length,
      transfers: s.events.filter((e) => e.data.event_type === 'transferred').length,
      pledgesRegistered: own.length,
      pledgedNow: own.some((p) => p.active),
      invalidated: s.end?.kind === 'invalidated',
    };
  });
  return out.sort((a, b) => (a.applicationNo < b.applicationNo ? -1 : a.applicationNo > b.applicationNo ? 1 : 0));
}
