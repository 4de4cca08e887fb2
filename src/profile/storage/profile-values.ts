import type { FieldDef, FieldValue } from '../catalog/field.types';
import { DEFAULT_SCALE } from './profile-columns';

/**
 * Converts between a field's computed value and what the driver sends and returns for its column
 * (the DataSource reads BIGINT and DECIMAL as strings, DATE as a Date at UTC midnight, TINYINT as a
 * number), so stored and freshly computed values compare exactly.
 */
export function toColumn(field: FieldDef, value: FieldValue): string | number | null {
  if (value === null) return null;
  switch (field.type) {
    case 'boolean':
      return value ? 1 : 0;
    case 'decimal':
    case 'ratio':
      return (value as number).toFixed(field.scale ?? DEFAULT_SCALE[field.type]);
    default:
      return value as string | number;
  }
}

export function fromColumn(field: FieldDef, raw: unknown): FieldValue {
  if (raw === null || raw === undefined) return null;
  switch (field.type) {
    case 'integer':
    case 'money':
    case 'decimal':
    case 'ratio':
      return Number(raw);
    case 'boolean':
      return Number(raw) !== 0;
    case 'date':
      return raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).slice(0, 10);
    default:
      return String(raw);
  }
}

/** Whether a freshly computed value differs from the stored one, at the column's precision. */
export function sameValue(field: FieldDef, stored: FieldValue, computed: FieldValue): boolean {
  if (stored === null || computed === null) return stored === computed;
  if (field.type === 'decimal' || field.type === 'ratio') return toColumn(field, stored) === toColumn(field, computed);
  return stored === computed;
}
