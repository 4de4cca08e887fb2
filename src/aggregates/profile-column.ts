import { fieldByKey } from '../profile/catalog/catalog';
import type { FieldDef, FieldType } from '../profile/catalog/field.types';

const SAFE_IDENTIFIER = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * The `enterprise_profile` column of a catalog field, quoted for SQL. Aggregates interpolate column
 * names (placeholders cannot stand for identifiers), so a name only ever comes from the catalog, and
 * is checked once more against a strict identifier pattern before it reaches a statement.
 */
export function profileColumn(field: FieldDef): string {
  if (fieldByKey(field.key) !== field || !SAFE_IDENTIFIER.test(field.key)) throw new Error(`not a catalog column: ${JSON.stringify(field.key)}`);
  return `\`${field.key}\``;
}

/** A catalog field the aggregates depend on by name; fails at load time if the catalog drifts. */
export function catalogField(key: string, type: FieldType): FieldDef {
  const field = fieldByKey(key);
  if (!field || field.type !== type) throw new Error(`the aggregates expect a ${type} catalog field '${key}'`);
  return field;
}
