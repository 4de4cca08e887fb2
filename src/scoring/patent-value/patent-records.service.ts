import type { SqlRunner } from '../../ingest/sql-chunks';
import type { EnterpriseRecords } from '../../profile/derive/enterprise-records';
import { loadLinkedRecords } from '../../profile/storage/records.loader';

/**
 * The records a patent valuation needs for each of `usccs`, in ONE statement through the link index:
 * the patents and their legal events, and the registrations and changes (names, for transfer-out
 * detection). Read exactly as the profile reads them, so derivations see what the profile saw.
 * Bundles come back in `usccs` order; an enterprise without records gets an empty bundle.
 */
export async function loadPatentRecords(db: SqlRunner, usccs: readonly string[]): Promise<EnterpriseRecords[]> {
  if (usccs.length === 0) return [];
  const bundles = await loadLinkedRecords(db, usccs, ['patent/patents', 'patent/legal_events', 'market-regulation/registrations', 'market-regulation/changes']);
  return usccs.map((u) => bundles.get(u)!);
}
