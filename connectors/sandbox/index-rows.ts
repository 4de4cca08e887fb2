/**
 * The storage of a stream index: one row of five 32-bit words per record version, so that moving
 * a version (sorting, gathering) touches one cache line rather than seven scattered columns.
 *
 *   word 0  visible-from, seconds            word 3  ms (bits 0–9) | superseded ms (bits 10–19)
 *   word 1  enterprise index                 word 4  superseded-at, seconds (NEVER = never)
 *   word 2  record (bits 0–15) | version (bits 16–22) | invalid (bit 23)
 */
export const WORDS = 5;
export const NEVER = 0xffffffff;
export const MAX_RECORD = 0xffff;
export const MAX_VERSION = 0x7f;
const INVALID_BIT = 1 << 23;

export class IndexRows {
  rows: Uint32Array;
  length = 0;

  constructor(private capacity: number) {
    this.rows = new Uint32Array(capacity * WORDS);
  }

  push(at: number, ms: number, entity: number, record: number, version: number, invalid: boolean): void {
    if (this.length === this.capacity) this.resize(this.capacity * 2);
    const o = this.length++ * WORDS;
    const r = this.rows;
    r[o] = at;
    r[o + 1] = entity;
    r[o + 2] = record | (version << 16) | (invalid ? INVALID_BIT : 0);
    r[o + 3] = ms;
    r[o + 4] = NEVER;
  }

  /** Marks the row at `pos` as superseded by a version visible from (at, ms). */
  supersede(pos: number, at: number, ms: number): void {
    const o = pos * WORDS;
    this.rows[o + 4] = at;
    this.rows[o + 3] = (this.rows[o + 3]! & 0x3ff) | (ms << 10);
  }

  /** Grows to at least `capacity` rows in one step. */
  reserve(capacity: number): void {
    if (capacity > this.capacity) this.resize(capacity);
  }

  private resize(capacity: number): void {
    const rows = new Uint32Array(capacity * WORDS);
    rows.set(this.rows.subarray(0, this.length * WORDS));
    this.rows = rows;
    this.capacity = capacity;
  }
}

export function rowAt(rows: Uint32Array, pos: number): number {
  return rows[pos * WORDS]!;
}

export function rowMs(rows: Uint32Array, pos: number): number {
  return rows[pos * WORDS + 3]! & 0x3ff;
}

export function rowEntity(rows: Uint32Array, pos: number): number {
  return rows[pos * WORDS + 1]!;
}

export function rowRecord(rows: Uint32Array, pos: number): number {
  return rows[pos * WORDS + 2]! & 0xffff;
}

export function rowVersion(rows: Uint32Array, pos: number): number {
  return (rows[pos * WORDS + 2]! >>> 16) & MAX_VERSION;
}

export function rowInvalid(rows: Uint32Array, pos: number): boolean {
  return (rows[pos * WORDS + 2]! & INVALID_BIT) !== 0;
}

/** Visible-from in epoch ms. */
export function rowAtMs(rows: Uint32Array, pos: number): number {
  const o = pos * WORDS;
  return rows[o]! * 1000 + (rows[o + 3]! & 0x3ff);
}

/** Superseded-at in epoch ms, Infinity when never. */
export function rowSupersededMs(rows: Uint32Array, pos: number): number {
  const o = pos * WORDS;
  const s = rows[o + 4]!;
  return s === NEVER ? Infinity : s * 1000 + ((rows[o + 3]! >>> 10) & 0x3ff);
}
