import { nameKey } from '../../resolution/name-normalizer';
import { districtOfAddress } from '../derive/identity-district';
import type { EnterpriseRecords, SourceRecord } from '../derive/enterprise-records';

/**
 * Disagreements between the registry and another source about the same enterprise, for stewards:
 * - `tax_name_outdated`: the tax bureau's latest declaration carries a former registered name;
 * - `tax_name_differs`: it carries a name that is none of the registered names;
 * - `utility_district_differs`: an active utility account's address lies in another district than
 *   the registered one (a plant or branch elsewhere, or an address the registry was not told of).
 * Names are compared by their matching key, so width, spacing and legal-form spellings do not count.
 */
export const CONFLICT_KINDS = ['tax_name_outdated', 'tax_name_differs', 'utility_district_differs'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export interface Conflict {
  kind: ConflictKind;
  registryValue: string;
  sourceValue: string;
  /** The other source's record that disagrees. */
  record: SourceRecord;
}

export function detectConflicts(records: EnterpriseRecords, asOf: string): Conflict[] {
  const registration = records.registration;
  if (!registration) return [];
  const out: Conflict[] = [];
  const current = registration.data.name;

  let latest: (typeof records.declarations)[number] | undefined;
  for (const d of records.declarations) {
    if (d.data.filed_on > asOf) continue;
    if (!latest || d.data.period > latest.data.period || (d.data.period === latest.data.period && d.data.filed_on > latest.data.filed_on)) latest = d;
  }
  if (latest && nameKey(latest.data.taxpayer_name) !== nameKey(current)) {
    const former = records.changes.some((c) => c.data.item === 'name' && c.data.before !== null && nameKey(c.data.before) === nameKey(latest.data.taxpayer_name));
    out.push({ kind: former ? 'tax_name_outdated' : 'tax_name_differs', registryValue: current, sourceValue: latest.data.taxpayer_name, record: latest });
  }

  for (const account of records.accounts) {
    if (account.data.opened_on > asOf || account.data.status !== 'active') continue;
    const district = districtOfAddress(account.data.address);
    if (district !== null && district !== registration.data.district_code) {
      out.push({ kind: 'utility_district_differs', registryValue: `${registration.data.district_code} ${registration.data.address}`, sourceValue: account.data.address, record: account });
    }
  }
  return out;
}
