import type { FieldDef } from '../catalog/field.types';
import type { Derived } from '../derive/derived';

/** A field's provenance as stored: sources, index into the record sets (−1: none), observed at (ISO). */
export type FieldProvenance = [sources: string[], recordSet: number, observedAt: string];

export interface ProfileProvenance {
  fields: Record<string, FieldProvenance>;
  recordSets: string[][];
}

/**
 * Builds the compact provenance of one profile. A value's sources are the connectors of its records
 * (or the field's declared sources when no record was needed, e.g. a count of none); it was observed
 * when the newest of its records was updated at the source (or at computation when there were none).
 */
export function buildProvenance(fields: readonly FieldDef[], values: ReadonlyMap<string, Derived>, computedAt: Date): ProfileProvenance {
  const sets: string[][] = [];
  const setIndex = new Map<string, number>();
  const out: Record<string, FieldProvenance> = {};
  for (const field of fields) {
    const d = values.get(field.key);
    if (!d) continue;
    if (d.records.length === 0) {
      out[field.key] = [[...field.sources], -1, computedAt.toISOString()];
      continue;
    }
    const ids = [...new Set(d.records.map((r) => r.id))].sort((a, b) => Number(a) - Number(b));
    const signature = ids.join(',');
    let index = setIndex.get(signature);
    if (index === undefined) {
      index = sets.length;
      sets.push(ids);
      setIndex.set(signature, index);
    }
    let newest = d.records[0]!.updatedAt;
    const sources = new Set<string>();
    for (const r of d.records) {
      if (r.updatedAt > newest) newest = r.updatedAt;
      sources.add(r.connector);
    }
    out[field.key] = [[...sources].sort(), index, newest.toISOString()];
  }
  return { fields: out, recordSets: sets };
}
