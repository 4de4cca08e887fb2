/**
 * Sorting index rows by (seconds, ms), stably. Rows are first distributed into one bucket per day
 * (a counting sort: sequential reads, few write streams), then each day is sorted on its own by
 * time of day (a small radix sort; the native sort for tiny days). Both passes stay cache-friendly,
 * unlike one global sort followed by a random gather, which at 13 million rows spends most of its
 * time on cache misses.
 */
import { WORDS } from './index-rows';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { floor, max } = Math;

const DAY = 86_400;
/** Positions within a day bucket take the low bits of the packed key. */
const LOCAL_BITS = 26;
const LOCAL_RANGE = 2 ** LOCAL_BITS;

/** Buckets at least this large are sorted by radix rather than by the native sort. */
const RADIX_FROM = 64;
/** Time of day in ms fits 27 bits: three 9-bit digits. */
const DIGIT_BITS = 9;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;

/** Stable LSD radix sort of a day's rows by time of day in ms, reusing its buffers. */
class RadixScratch {
  private keyA: Uint32Array;
  private keyB: Uint32Array;
  private idxA: Uint32Array;
  private idxB: Uint32Array;
  private readonly count = new Uint32Array(DIGIT_MASK + 2);

  constructor(capacity: number) {
    this.keyA = new Uint32Array(capacity);
    this.keyB = new Uint32Array(capacity);
    this.idxA = new Uint32Array(capacity);
    this.idxB = new Uint32Array(capacity);
  }

  /** Local positions (0…size−1) of the day's rows in ascending time. */
  sort(rows: Uint32Array, from: number, size: number, dayStart: number): Uint32Array {
    for (let k = 0; k < size; k++) {
      const o = (from + k) * WORDS;
      this.keyA[k] = (rows[o]! - dayStart) * 1000 + (rows[o + 3]! & 0x3ff);
      this.idxA[k] = k;
    }
    const count = this.count;
    for (let shift = 0; shift < 27; shift += DIGIT_BITS) {
      const { keyA, keyB, idxA, idxB } = this;
      count.fill(0);
      for (let k = 0; k < size; k++) count[((keyA[k]! >>> shift) & DIGIT_MASK) + 1]!++;
      for (let b = 0; b <= DIGIT_MASK; b++) count[b + 1]! += count[b]!;
      for (let k = 0; k < size; k++) {
        const j = count[(keyA[k]! >>> shift) & DIGIT_MASK]!++;
        keyB[j] = keyA[k]!;
        idxB[j] = idxA[k]!;
      }
      [this.keyA, this.keyB, this.idxA, this.idxB] = [keyB, keyA, idxB, idxA];
    }
    return this.idxA;
  }
}

/** A new array with the first `n` rows of `rows` in ascending time; equal times keep their order. */
export function sortRowsByTime(rows: Uint32Array, n: number): Uint32Array {
  const out = new Uint32Array(n * WORDS);
  if (n === 0) return out;
  let earliest = 0xffffffff;
  let latest = 0;
  for (let i = 0; i < n; i++) {
    const s = rows[i * WORDS]!;
    if (s < earliest) earliest = s;
    if (s > latest) latest = s;
  }
  const days = floor((latest - earliest) / DAY) + 1;
  const start = new Uint32Array(days + 1);
  for (let i = 0; i < n; i++) start[floor((rows[i * WORDS]! - earliest) / DAY) + 1]!++;
  for (let d = 0; d < days; d++) start[d + 1]! += start[d]!;
  const fill = start.slice(0, days);
  for (let i = 0; i < n; i++) {
    const s = i * WORDS;
    const o = fill[floor((rows[s]! - earliest) / DAY)]!++ * WORDS;
    out[o] = rows[s]!;
    out[o + 1] = rows[s + 1]!;
    out[o + 2] = rows[s + 2]!;
    out[o + 3] = rows[s + 3]!;
    out[o + 4] = rows[s + 4]!;
  }
  let largest = 0;
  for (let d = 0; d < days; d++) largest = max(largest, start[d + 1]! - start[d]!);
  if (largest >= LOCAL_RANGE) throw new RangeError(`${largest} versions on one day: too many to sort`);
  const keys = new Float64Array(largest);
  const radix = new RadixScratch(largest);
  const scratch = new Uint32Array(largest * WORDS);
  for (let d = 0; d < days; d++) {
    const from = start[d]!;
    const size = start[d + 1]! - from;
    if (size < 2) continue;
    const dayStart = earliest + d * DAY;
    let order: ArrayLike<number>;
    if (size >= RADIX_FROM) {
      order = radix.sort(out, from, size, dayStart);
    } else {
      for (let k = 0; k < size; k++) {
        const o = (from + k) * WORDS;
        keys[k] = ((out[o]! - dayStart) * 1000 + (out[o + 3]! & 0x3ff)) * LOCAL_RANGE + k;
      }
      const view = keys.subarray(0, size);
      view.sort();
      for (let k = 0; k < size; k++) view[k] = view[k]! % LOCAL_RANGE;
      order = view;
    }
    scratch.set(out.subarray(from * WORDS, (from + size) * WORDS));
    for (let k = 0, o = from * WORDS; k < size; k++, o += WORDS) {
      const s = order[k]! * WORDS;
      out[o] = scratch[s]!;
      out[o + 1] = scratch[s + 1]!;
      out[o + 2] = scratch[s + 2]!;
      out[o + 3] = scratch[s + 3]!;
      out[o + 4] = scratch[s + 4]!;
    }
  }
  return out;
}
