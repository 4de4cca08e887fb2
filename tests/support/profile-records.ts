import { DeriveContext } from '../../src/profile/derive/derive-context';
import type { Derived } from '../../src/profile/derive/derived';
import { deriveProfile } from '../../src/profile/derive/derive-profile';
import { emptyRecords, type EnterpriseRecords, type SourceRecord } from '../../src/profile/derive/enterprise-records';
import { fieldByKey } from '../../src/profile/catalog/catalog';

/**
 * Builders for hand-made enterprise record bundles in unit tests: each record gets a fresh raw id,
 * its connector and stream, and an `updated_at`; `data` is exactly what the test gives.
 */
export const TEST_USCC = '91370102MA3C4T2W9A';
let nextId = 1;

export function rec<T>(connector: string, stream: string, data: T, updatedAt = '2026-09-30T08:15:00.000Z'): SourceRecord<T> {
  return { id: String(nextId++), connector, stream, updatedAt: new Date(updatedAt), data };
}

type Bundle = ReturnType<typeof emptyRecords>;

/** A bundle for TEST_USCC with the given records (everything else empty). */
export function bundle(fill: (b: Bundle) => void, uscc = TEST_USCC): EnterpriseRecords {
  const b = emptyRecords(uscc);
  fill(b);
  return b;
}

/** One field's derived value for a bundle as of a date, through the catalog (so derived fields can read others). */
export function deriveOne(key: string, records: EnterpriseRecords, asOf: string): Derived {
  if (!fieldByKey(key)) throw new RangeError(`no profile field '${key}'`);
  return deriveProfile(records, asOf, [fieldByKey(key)!]).get(key)!;
}

/** A context for calling a section's memoised selections directly. */
export function contextFor(records: EnterpriseRecords, asOf: string): DeriveContext {
  return new DeriveContext(records, asOf, (key, ctx) => fieldByKey(key)!.derive(ctx));
}
