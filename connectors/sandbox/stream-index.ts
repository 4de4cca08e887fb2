import { hash, tag } from './prng';
import { gather16, gather32, gather8, sortByTime } from './time-sort';
import type { StreamGenerator } from './stream.types';
import type { World } from './world';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { ceil, floor, max } = Math;

const T_VERSION = tag('index/version');
const T_MILLIS = tag('index/millis');
/** Enterprises enumerated before the columns are sized for the whole population. */
const SAMPLE = 1000;
const EMPTY32 = new Uint32Array(0);
const EMPTY16 = new Uint16Array(0);
const EMPTY8 = new Uint8Array(0);
const NEVER = 0xffffffff;
const INVALID_BIT = 0x80;
const VERSION_MASK = 0x7f;

/** One entry of the index: a record version and when it shows. */
export interface IndexEntry {
  readonly entity: number;
  readonly record: number;
  readonly version: number;
  readonly invalid: boolean;
  /** Visible from (epoch ms); also the served `updated_at`. */
  readonly atMs: number;
}

/**
 * Every version of every record of one stream inside the horizon, sorted by (updated_at, id), in
 * typed arrays (19 bytes per version) so 100,000 enterprises fit comfortably. A version is visible
 * at `now` when `at ≤ now < supersededAt`; payloads are rebuilt on demand from (entity, record,
 * version). Times are seconds plus a hashed millisecond part, which makes equal times rare (ties
 * are ordered by id string). Built once per stream, on first use.
 */
export class StreamIndex {
  private constructor(
    readonly length: number,
    private readonly at: Uint32Array,
    private readonly ms: Uint16Array,
    private readonly entity: Uint32Array,
    private readonly record: Uint16Array,
    private readonly flags: Uint8Array,
    private readonly supAt: Uint32Array,
    private readonly supMs: Uint16Array,
    private readonly idOf: (pos: number) => string,
  ) {}

  static build(world: World, gen: StreamGenerator, invalidRate: number): StreamIndex {
    const horizonEnd = world.horizon.to;
    const streamTag = tag(`${gen.agency}/${gen.name}`);
    const versionSeed = (world.seed ^ T_VERSION) >>> 0;
    const msSeed = (world.seed ^ T_MILLIS) >>> 0;
    const invalidBelow = invalidRate * 4294967296;
    const cols = new GrowableColumns(max(1024, world.size * 8));
    let entity = -1;
    let prevRecord = -1;
    let prevAt = 0;
    let prevPos = -1; // position of the record's previous version, or −1
    let skipping = false;
    const sink = (record: number, version: number, when: number): void => {
      let t = floor(when);
      if (record !== prevRecord) {
        prevRecord = record;
        prevPos = -1;
        skipping = false;
      }
      if (skipping) return;
      if (prevPos >= 0 && t <= prevAt) t = prevAt + 1; // versions of a record strictly ascend
      if (t > horizonEnd) {
        skipping = true; // nothing after the horizon, so neither any later version
        return;
      }
      if (record > 0xffff || version > VERSION_MASK) throw new RangeError(`${gen.name}: record ${record} / version ${version} out of range`);
      // The millisecond part depends on (enterprise, second) only, so things that happen together
      // in different streams (a patent transfer and its legal event) share the exact updated_at.
      const ms = hash(msSeed, entity, t) % 1000;
      const h = hash(versionSeed, streamTag, entity, record, version);
      if (prevPos >= 0) {
        cols.supAt[prevPos] = t;
        cols.supMs[prevPos] = ms;
      }
      prevPos = cols.length;
      cols.push(t, ms, entity, record, version | (h < invalidBelow ? INVALID_BIT : 0));
      prevAt = t;
    };
    for (entity = 0; entity < world.size; entity++) {
      prevRecord = -1;
      gen.versions(world.enterprise(entity), sink);
      // Size the columns once from the first thousand enterprises instead of doubling repeatedly.
      if (entity === SAMPLE - 1 && world.size > SAMPLE) cols.reserve(ceil((cols.length / SAMPLE) * world.size * 1.05));
    }
    const n = cols.length;
    const order = sortByTime(cols.at, cols.ms, n);
    // Gather column by column, dropping each source as we go to keep the peak low.
    const at = gather32(cols.at, order);
    cols.at = EMPTY32;
    const ms = gather16(cols.ms, order);
    cols.ms = EMPTY16;
    const ent = gather32(cols.entity, order);
    cols.entity = EMPTY32;
    const rec = gather16(cols.record, order);
    cols.record = EMPTY16;
    const flags = gather8(cols.flags, order);
    cols.flags = EMPTY8;
    const supAt = gather32(cols.supAt, order);
    cols.supAt = EMPTY32;
    const supMs = gather16(cols.supMs, order);
    cols.supMs = EMPTY16;
    const idOf = (pos: number): string => gen.id(world.enterprise(ent[pos]!), rec[pos]!);
    sortTiesById(at, ms, n, idOf, [at, ent, supAt], [ms, rec, supMs], [flags]);
    return new StreamIndex(n, at, ms, ent, rec, flags, supAt, supMs, idOf);
  }

  entry(pos: number): IndexEntry {
    const f = this.flags[pos]!;
    return { entity: this.entity[pos]!, record: this.record[pos]!, version: f & VERSION_MASK, invalid: (f & INVALID_BIT) !== 0, atMs: this.atMs(pos) };
  }

  id(pos: number): string {
    return this.idOf(pos);
  }

  atMs(pos: number): number {
    return this.at[pos]! * 1000 + this.ms[pos]!;
  }

  private supersededMs(pos: number): number {
    const s = this.supAt[pos]!;
    return s === NEVER ? Infinity : s * 1000 + this.supMs[pos]!;
  }

  /** First position whose time is ≥ tMs. */
  lowerBound(tMs: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.atMs(mid) < tMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First position strictly after the sort key (tMs, id). */
  positionAfter(tMs: number, id: string): number {
    let pos = this.lowerBound(tMs);
    while (pos < this.length && this.atMs(pos) === tMs && !(this.idOf(pos) > id)) pos++;
    return pos;
  }

  /** First position ≥ pos holding a version visible at `nowMs`, or −1 if none is visible yet. */
  nextVisible(pos: number, nowMs: number): number {
    for (let p = pos; p < this.length; p++) {
      if (this.atMs(p) > nowMs) return -1;
      if (this.supersededMs(p) > nowMs) return p;
    }
    return -1;
  }

  /** Newest version of records that changed in (fromMs, toMs]: time in the window, not superseded by `toMs`. */
  changedBetween(fromMs: number, toMs: number): number[] {
    const out: number[] = [];
    for (let p = this.lowerBound(fromMs + 1); p < this.length && this.atMs(p) <= toMs; p++) if (this.supersededMs(p) > toMs) out.push(p);
    return out;
  }

  /** Visible and invalid counts at `nowMs`. */
  counts(nowMs: number): { visible: number; invalid: number } {
    let visible = 0;
    let invalid = 0;
    for (let p = 0; p < this.length && this.atMs(p) <= nowMs; p++) {
      if (this.supersededMs(p) > nowMs) {
        visible++;
        if (this.flags[p]! & INVALID_BIT) invalid++;
      }
    }
    return { visible, invalid };
  }
}

class GrowableColumns {
  at: Uint32Array;
  ms: Uint16Array;
  entity: Uint32Array;
  record: Uint16Array;
  flags: Uint8Array;
  supAt: Uint32Array;
  supMs: Uint16Array;
  length = 0;

  constructor(private capacity: number) {
    this.at = new Uint32Array(capacity);
    this.ms = new Uint16Array(capacity);
    this.entity = new Uint32Array(capacity);
    this.record = new Uint16Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.supAt = new Uint32Array(capacity);
    this.supMs = new Uint16Array(capacity);
  }

  /** Grows to at least `capacity` entries in one step. */
  reserve(capacity: number): void {
    if (capacity > this.capacity) this.resize(capacity);
  }

  push(at: number, ms: number, entity: number, record: number, flags: number): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.at[i] = at;
    this.ms[i] = ms;
    this.entity[i] = entity;
    this.record[i] = record;
    this.flags[i] = flags;
    this.supAt[i] = NEVER;
  }

  private grow(): void {
    this.resize(this.capacity * 2);
  }

  private resize(capacity: number): void {
    this.capacity = capacity;
    const grown = <T extends Uint32Array | Uint16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(this.capacity);
      b.set(a);
      return b;
    };
    this.at = grown(this.at, (n) => new Uint32Array(n));
    this.ms = grown(this.ms, (n) => new Uint16Array(n));
    this.entity = grown(this.entity, (n) => new Uint32Array(n));
    this.record = grown(this.record, (n) => new Uint16Array(n));
    this.flags = grown(this.flags, (n) => new Uint8Array(n));
    this.supAt = grown(this.supAt, (n) => new Uint32Array(n));
    this.supMs = grown(this.supMs, (n) => new Uint16Array(n));
  }
}

/** Within runs of equal time, orders positions by id. */
function sortTiesById(
  at: Uint32Array,
  ms: Uint16Array,
  n: number,
  idOf: (pos: number) => string,
  cols32: Uint32Array[],
  cols16: Uint16Array[],
  cols8: Uint8Array[],
): void {
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && at[end] === at[start] && ms[end] === ms[start]) end++;
    if (end - start > 1) {
      const run: Array<{ p: number; id: string }> = [];
      for (let p = start; p < end; p++) run.push({ p, id: idOf(p) });
      run.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      if (run.some((r, k) => r.p !== start + k)) {
        const permute = <T extends Uint32Array | Uint16Array | Uint8Array>(col: T): void => {
          const values = run.map((r) => col[r.p]!);
          values.forEach((v, k) => (col[start + k] = v));
        };
        cols32.forEach(permute);
        cols16.forEach(permute);
        cols8.forEach(permute);
      }
    }
    start = end;
  }
}
