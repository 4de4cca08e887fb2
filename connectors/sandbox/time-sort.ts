/** Sorting the index columns by time: a packed native sort, with a radix fallback, and gathers. */

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { ceil, floor, log2, max } = Math;

/**
 * Positions 0…n−1 ordered by (seconds, ms), ties by position. The key (time relative to the
 * earliest, in ms) and the position are packed into one 64-bit integer, written through 32-bit
 * halves (no BigInt per element), so the engine's native typed-array sort does the work.
 */
export function sortByTime(seconds: Uint32Array, ms: Uint16Array, n: number): Uint32Array {
  let earliest = 0xffffffff;
  let latest = 0;
  for (let i = 0; i < n; i++) {
    const s = seconds[i]!;
    if (s < earliest) earliest = s;
    if (s > latest) latest = s;
  }
  const idxBits = max(1, ceil(log2(n + 1)));
  const keyBits = ceil(log2((latest - earliest + 1) * 1000 + 1));
  if (n === 0) return new Uint32Array(0);
  if (idxBits + keyBits > 64 || idxBits > 32) return radixSortByTime(seconds, ms, n);
  const packed = new BigUint64Array(n);
  const halves = new Uint32Array(packed.buffer);
  const lowKeyBits = 32 - idxBits;
  const lowKeyRange = 2 ** lowKeyBits;
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const lo = little ? 0 : 1;
  const hi = 1 - lo;
  for (let i = 0; i < n; i++) {
    const v = (seconds[i]! - earliest) * 1000 + ms[i]!;
    const vLow = v % lowKeyRange;
    halves[2 * i + lo] = (idxBits === 32 ? i : vLow * 2 ** idxBits + i) >>> 0;
    halves[2 * i + hi] = floor(v / lowKeyRange);
  }
  packed.sort();
  const order = new Uint32Array(n);
  const mask = idxBits === 32 ? 0xffffffff : 2 ** idxBits - 1;
  for (let i = 0; i < n; i++) order[i] = (halves[2 * i + lo]! & mask) >>> 0;
  return order;
}

/** Fallback for very wide time ranges: stable LSD radix sort, one pass on ms, two on seconds. */
function radixSortByTime(seconds: Uint32Array, ms: Uint16Array, n: number): Uint32Array {
  const byMs = new Uint32Array(n);
  let count = new Uint32Array(65537);
  for (let i = 0; i < n; i++) count[ms[i]! + 1]!++;
  for (let k = 0; k < 65536; k++) count[k + 1]! += count[k]!;
  for (let i = 0; i < n; i++) byMs[count[ms[i]!]!++] = i;
  const byLow = new Uint32Array(n);
  count = new Uint32Array(65537);
  for (let i = 0; i < n; i++) count[(seconds[i]! & 0xffff) + 1]!++;
  for (let k = 0; k < 65536; k++) count[k + 1]! += count[k]!;
  for (let i = 0; i < n; i++) {
    const o = byMs[i]!;
    byLow[count[seconds[o]! & 0xffff]!++] = o;
  }
  const sorted = byMs;
  count = new Uint32Array(65537);
  for (let i = 0; i < n; i++) count[(seconds[i]! >>> 16) + 1]!++;
  for (let k = 0; k < 65536; k++) count[k + 1]! += count[k]!;
  for (let i = 0; i < n; i++) {
    const o = byLow[i]!;
    sorted[count[seconds[o]! >>> 16]!++] = o;
  }
  return sorted;
}

export function gather32(column: Uint32Array, order: Uint32Array): Uint32Array {
  const out = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = column[order[i]!]!;
  return out;
}

export function gather16(column: Uint16Array, order: Uint32Array): Uint16Array {
  const out = new Uint16Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = column[order[i]!]!;
  return out;
}

export function gather8(column: Uint8Array, order: Uint32Array): Uint8Array {
  const out = new Uint8Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = column[order[i]!]!;
  return out;
}
