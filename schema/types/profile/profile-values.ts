import { DEFAULT_SCALE } from '../../../src/profile/storage/profile-columns';
import type { FieldDef, FieldValue } from '../../../src/profile/catalog/field.types';
import { enumValueName } from './profile-naming';

/**
 * A value as one canonical string, the same for every field type: integers and money (fen) in
 * decimal digits, decimals and ratios with the field's scale, dates `YYYY-MM-DD`, booleans
 * `true`/`false`, enum values as their GraphQL names (`MOVED_OUT`), text and codes as they are.
 */
export function valueText(field: FieldDef, value: FieldValue): string | null {
  if (value === null) return null;
  switch (field.type) {
    case 'decimal':
    case 'ratio':
      return Number(value).toFixed(field.scale ?? DEFAULT_SCALE[field.type]);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'enum':
      return enumValueName(String(value));
    default:
      return String(value);
  }
}

/** The typed projections of a value: `number` for numeric types, `text` for dates, enums, codes and text, `flag` for booleans. */
export function typedValue(field: FieldDef, value: FieldValue): { number: number | null; text: string | null; flag: boolean | null } {
  const none = { number: null, text: null, flag: null };
  if (value === null) return none;
  switch (field.type) {
    case 'integer':
    case 'money':
    case 'decimal':
    case 'ratio':
      return { ...none, number: Number(value) };
    case 'boolean':
      return { ...none, flag: Boolean(value) };
    default:
      return { ...none, text: valueText(field, value) };
  }
}
