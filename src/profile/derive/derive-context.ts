import type { FieldValue } from '../catalog/field.types';
import type { Derived } from './derived';
import type { EnterpriseRecords } from './enterprise-records';

/**
 * What a field's `derive` sees: one enterprise's records, the as-of date every window is measured
 * from, a per-enterprise memo for selections several fields share (e.g. "VAT declarations of the last
 * 12 months"), and the values of other fields (for derived indicators).
 */
export class DeriveContext {
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly records: EnterpriseRecords,
    /** `YYYY-MM-DD`, China Standard Time: the profile is computed as it stood at the end of this day. */
    readonly asOf: string,
    private readonly fieldOf: (key: string, ctx: DeriveContext) => Derived,
  ) {}

  /** Computes `make()` once per enterprise and name; later calls return the same value. */
  memo<T>(name: string, make: () => T): T {
    if (this.memos.has(name)) return this.memos.get(name) as T;
    const value = make();
    this.memos.set(name, value);
    return value;
  }

  /** Another field's derived value (computed once, shared). */
  field(key: string): Derived {
    return this.memo(`field:${key}`, () => this.fieldOf(key, this));
  }

  /** Another field's value alone. */
  value(key: string): FieldValue {
    return this.field(key).value;
  }
}
