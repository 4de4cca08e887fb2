import { PROFILE_FIELDS, fieldByKey } from '../catalog/catalog';
import type { FieldDef } from '../catalog/field.types';
import { DeriveContext } from './derive-context';
import type { Derived } from './derived';
import type { EnterpriseRecords } from './enterprise-records';

function deriveField(key: string, ctx: DeriveContext): Derived {
  const def = fieldByKey(key);
  if (!def) throw new RangeError(`no profile field '${key}'`);
  return def.derive(ctx);
}

/** Every catalog field of one enterprise as of a date, with provenance, in catalog order. */
export function deriveProfile(records: EnterpriseRecords, asOf: string, fields: readonly FieldDef[] = PROFILE_FIELDS): Map<string, Derived> {
  const ctx = new DeriveContext(records, asOf, deriveField);
  const out = new Map<string, Derived>();
  for (const f of fields) out.set(f.key, ctx.field(f.key));
  return out;
}
