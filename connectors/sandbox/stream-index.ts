import {
  IndexRows,
  MAX_RECORD,
  MAX_VERSION,
  rowAt,
  rowAtMs,
  rowEntity,
  rowInvalid,
  rowMs,
  rowRecord,
  rowSupersededMs,
  rowVersion,
  WORDS,
} from './index-rows';
import { hash, tag } from './prng';
import { sortRowsByTime } from './time-sort';
import type { StreamGenerator } from './stream.types';
import type { World } from './world';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { ceil, floor, max } = Math;

const T_VERSION = tag('index/version');
const T_MILLIS = tag('index/millis');
/** Enterprises enumerated before the rows are sized for the whole population. */
const SAMPLE = 1000;

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
 * Every version of every record of one stream inside the horizon, sorted by (updated_at, id), as
 * 20-byte rows (`index-rows.ts`) so 100,000 enterprises fit comfortably. A version is visible at
 * `now` when `at ≤ now < supersededAt`; payloads are rebuilt on demand from (entity, record,
 * version). Times are seconds plus a hashed millisecond part, which makes equal times rare (ties
 * are ordered by id string). Built once per stream, on first use.
 */
export class StreamIndex {
  private constructor(
    readonly length: number,
    private readonly rows: Uint32Array,
    private readonly idOf: (pos: number) => string,
  ) {}

  static build(world: World, gen: StreamGenerator, invalidRate: number): StreamIndex {
    const horizonEnd = world.horizon.to;
    const streamTag = tag(`${gen.agency}/${gen.name}`);
    const versionSeed = (world.seed ^ T_VERSION) >>> 0;
    const msSeed = (world.seed ^ T_MILLIS) >>> 0;
    const invalidBelow = invalidRate * 4294967296;
    const table = new IndexRows(max(1024, world.size * 8));
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
      if (record > MAX_RECORD || version > MAX_VERSION) throw new RangeError(`${gen.name}: record ${record} / version ${version} out of range`);
      // The millisecond part depends on (enterprise, second) only, so things that happen together
      // in different streams (a patent transfer and its legal event) share the exact updated_at.
      const ms = hash(msSeed, entity, t) % 1000;
      const invalid = hash(versionSeed, streamTag, entity, record, version) < invalidBelow;
      if (prevPos >= 0) table.supersede(prevPos, t, ms);
      prevPos = table.length;
      table.push(t, ms, entity, record, version, invalid);
      prevAt = t;
    };
    for (entity = 0; entity < world.size; entity++) {
      prevRecord = -1;
      gen.versions(world.enterprise(entity), sink);
      // Size the rows once from the first thousand enterprises instead of doubling repeatedly.
      if (entity === SAMPLE - 1 && world.size > SAMPLE) table.reserve(ceil((table.length / SAMPLE) * world.size * 1.05));
    }
    const n = table.length;
    const rows = sortRowsByTime(table.rows, n);
    table.rows = new Uint32Array(0);
    const idOf = (pos: number): string => gen.id(world.enterprise(rowEntity(rows, pos)), rowRecord(rows, pos));
    sortTiesById(rows, n, idOf);
    return new StreamIndex(n, rows, idOf);
  }

  entry(pos: number): IndexEntry {
    const r = this.rows;
    return { entity: rowEntity(r, pos), record: rowRecord(r, pos), version: rowVersion(r, pos), invalid: rowInvalid(r, pos), atMs: rowAtMs(r, pos) };
  }

  id(pos: number): string {
    return this.idOf(pos);
  }

  atMs(pos: number): number {
    return rowAtMs(this.rows, pos);
  }

  /** First position whose time is ≥ tMs. */
  lowerBound(tMs: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rowAtMs(this.rows, mid) < tMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First position strictly after the sort key (tMs, id). */
  positionAfter(tMs: number, id: string): number {
    let pos = this.lowerBound(tMs);
    while (pos < this.length && rowAtMs(this.rows, pos) === tMs && !(this.idOf(pos) > id)) pos++;
    return pos;
  }

  /** First position ≥ pos holding a version visible at `nowMs`, or −1 if none is visible yet. */
  nextVisible(pos: number, nowMs: number): number {
    for (let p = pos; p < this.length; p++) {
      if (rowAtMs(this.rows, p) > nowMs) return -1;
      if (rowSupersededMs(this.rows, p) > nowMs) return p;
    }
    return -1;
  }

  /** Newest version of records that changed in (fromMs, toMs]: time in the window, not superseded by `toMs`. */
  changedBetween(fromMs: number, toMs: number): number[] {
    const out: number[] = [];
    for (let p = this.lowerBound(fromMs + 1); p < this.length && rowAtMs(this.rows, p) <= toMs; p++) {
      if (rowSupersededMs(this.rows, p) > toMs) out.push(p);
    }
    return out;
  }

  /** Visible and invalid counts at `nowMs`. */
  counts(nowMs: number): { visible: number; invalid: number } {
    let visible = 0;
    let invalid = 0;
    for (let p = 0; p < this.length && rowAtMs(this.rows, p) <= nowMs; p++) {
      if (rowSupersededMs(this.rows, p) > nowMs) {
        visible++;
        if (rowInvalid(this.rows, p)) invalid++;
      }
    }
    return { visible, invalid };
  }
}

/** Within runs of equal time, orders rows by id. */
function sortTiesById(rows: Uint32Array, n: number, idOf: (pos: number) => string): void {
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && rowAt(rows, end) === rowAt(rows, start) && rowMs(rows, end) === rowMs(rows, start)) end++;
    if (end - start > 1) {
      const run: Array<{ p: number; id: string }> = [];
      for (let p = start; p < end; p++) run.push({ p, id: idOf(p) });
      run.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      if (run.some((r, k) => r.p !== start + k)) {
        const copy = rows.slice(start * WORDS, end * WORDS);
        run.forEach((r, k) => rows.set(copy.subarray((r.p - start) * WORDS, (r.p - start + 1) * WORDS), (start + k) * WORDS));
      }
    }
    start = end;
  }
}
