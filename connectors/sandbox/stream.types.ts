import type { Enterprise } from './enterprise.types';

export type AgencyId = 'market-regulation' | 'tax' | 'utility' | 'patent';

export const AGENCIES: readonly AgencyId[] = ['market-regulation', 'tax', 'utility', 'patent'];

/** Receives one record version: record index within the enterprise, version number, visible-from instant. */
export type VersionSink = (record: number, version: number, at: number) => void;

/** A record as served, before `updated_at` is appended. */
export type Payload = Record<string, unknown>;

/** Which fields a deliberately broken version may break, and how (see `invalid-records.ts`). */
export interface BreakableFields {
  /** Required non-id fields that may go missing. */
  readonly required: readonly string[];
  /** Numeric fields (decimal strings or numbers) that may arrive as non-numeric text. */
  readonly numeric: readonly string[];
  /** Fields holding a USCC (never the id field). */
  readonly uscc: readonly string[];
  /** `YYYY-MM-DD` fields. */
  readonly dates: readonly string[];
  /** Money fields that may turn negative. */
  readonly amounts: readonly string[];
  /** Enum fields with out-of-set values to use. */
  readonly enums: Readonly<Record<string, readonly string[]>>;
}

/**
 * One upstream stream. `versions` enumerates every version of every record of an enterprise (each
 * record's versions consecutively, ascending in time); `payload` rebuilds version v of record r on
 * its own, so the server never materialises the data set.
 */
export interface StreamGenerator {
  readonly agency: AgencyId;
  readonly name: string;
  readonly idField: string;
  readonly breakable: BreakableFields;
  versions(e: Enterprise, emit: VersionSink): void;
  id(e: Enterprise, record: number): string;
  payload(e: Enterprise, record: number, version: number): Payload;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
