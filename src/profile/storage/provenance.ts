import type { FieldDef } from '../catalog/field.types';
import type { Derived } from '../derive/derived';
import type { SourceRecord } from '../derive/enterprise-records';

/** A distinct set of source records: their `raw_record` ids, their connectors, and when the newest was updated (ISO). */
export type RecordSet = [ids: number[], sources: string[], observedAt: string];

/**
 * The provenance of one profile, compact: many fields share one set of records (e.g. the last 12
 * months of declarations), so each set is stored once and a field names its set by index. A field
 * absent from `fields` was computed without any record (e.g. a count of none).
 */
export interface ProfileProvenance {
  fields: Record<string, number>;
  recordSets: RecordSet[];
}

/** What a bank is shown for one value. */
export interface FieldProvenance {
  sources: readonly string[];
  recordIds: readonly string[];
  observedAt: Date;
}

export function buildProvenance(fields: readonly FieldDef[], values: ReadonlyMap<string, Derived>): ProfileProvenance {
  const sets: RecordSet[] = [];
  const setIndex = new Map<string, number>();
  // Fields computed from one shared selection hand back the same array: known by identity, no sorting.
  const byArray = new Map<readonly SourceRecord[], number>();
  const out: Record<string, number> = {};
  for (const field of fields) {
    const records = values.get(field.key)?.records;
    if (!records || records.length === 0) continue;
    const known = byArray.get(records);
    if (known !== undefined) {
      out[field.key] = known;
      continue;
    }
    const ids = [...new Set(records.map((r) => Number(r.id)))].sort((a, b) => a - b);
    const signature = ids.join(',');
    let index = setIndex.get(signature);
    if (index === undefined) {
      let newest = records[0]!.updatedAt;
      const sources = new Set<string>();
      for (const r of records) {
        if (r.updatedAt > newest) newest = r.updatedAt;
        sources.add(r.connector);
      }
      index = sets.length;
      sets.push([ids, [...sources].sort(), newest.toISOString()]);
      setIndex.set(signature, index);
    }
    out[field.key] = index;
    byArray.set(records, index);
  }
  return { fields: out, recordSets: sets };
}

/**
 * One field's provenance: its records' connectors and ids, observed when the newest of them was
 * updated at the source; a value computed without records names the field's declared sources and
 * was observed when the profile was computed.
 */
export function provenanceOf(p: ProfileProvenance, field: FieldDef, computedAt: Date): FieldProvenance {
  const set = p.fields[field.key];
  const records = set === undefined ? undefined : p.recordSets[set];
  if (!records) return { sources: field.sources, recordIds: [], observedAt: computedAt };
  return { sources: records[1], recordIds: records[0].map(String), observedAt: new Date(records[2]) };
}
