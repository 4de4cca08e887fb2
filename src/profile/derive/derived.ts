import type { FieldValue } from '../catalog/field.types';
import type { SourceRecord } from './enterprise-records';

/** A computed value and the source records it was computed from (empty when none were needed). */
export interface Derived {
  readonly value: FieldValue;
  readonly records: readonly SourceRecord[];
}

const NONE: readonly SourceRecord[] = [];

/** A value with its provenance. */
export function derived(value: FieldValue, records: readonly SourceRecord[] = NONE): Derived {
  return { value, records };
}
