import type { StreamDefinition } from '../../connectors/sdk/connector';
import { validateRecord } from '../../connectors/sdk/validate';
import { canonicalJson, sha256 } from './content-hash';
import type { QuarantineRow } from './quarantine.writer';
import type { RawRecordRow } from './raw-record.writer';

export interface PartitionedPage {
  valid: RawRecordRow[];
  invalid: QuarantineRow[];
}

/**
 * Splits one upstream page into rows for the clean table and rows for quarantine. Within a page the
 * last version of an external id wins, so a multi-row upsert never sees the same key twice.
 */
export function partitionPage(stream: StreamDefinition<unknown>, records: readonly unknown[]): PartitionedPage {
  const valid = new Map<string, RawRecordRow>();
  const invalid: QuarantineRow[] = [];
  for (const raw of records) {
    const outcome = validateRecord(stream, raw);
    const json = canonicalJson(raw);
    if (outcome.ok) {
      valid.set(outcome.externalId, {
        externalId: outcome.externalId,
        contentHash: sha256(json),
        payloadJson: json,
        sourceUpdatedAt: outcome.updatedAt,
      });
    } else {
      invalid.push({
        externalId: outcome.externalId,
        payloadHash: sha256(json),
        payloadJson: json,
        reasonCode: outcome.reasonCode,
        reasonMessage: outcome.message,
      });
    }
  }
  return { valid: [...valid.values()], invalid };
}
