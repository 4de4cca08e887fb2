/**
 * Seeded, counter-based randomness. Every value in the sandbox comes from a hash of
 * (seed, purpose, entity, record, …), never from a shared generator state, so any record can be
 * rebuilt on its own, in any order, and enterprise i never depends on how many enterprises exist.
 */

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { cos, exp, floor, imul, log, max, min, PI, round, sqrt } = Math;

/** A 32-bit tag for a purpose string (FNV-1a), computed once at module load by callers. */
export function tag(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = imul(h, 0x01000193);
  }
  return h >>> 0;
}

function combine(h: number, x: number): number {
  let k = imul(x | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of up to five 32-bit integers (unused trailing parts default to 0). */
export function hash(a: number, b = 0, c = 0, d = 0, e = 0): number {
  let h = 0x3c6ef372;
  h = combine(h, a);
  h = combine(h, b);
  h = combine(h, c);
  h = combine(h, d);
  h = combine(h, e);
  return finish(h ^ 20);
}

/** A uniform float in [0, 1) from the same parts as `hash`. */
export function unit(a: number, b = 0, c = 0, d = 0, e = 0): number {
  return hash(a, b, c, d, e) / 4294967296;
}

/** A standard normal draw from the same parts as `hash` (Box–Muller over two derived uniforms). */
export function normalOf(a: number, b = 0, c = 0, d = 0): number {
  const u = 1 - unit(a, b, c, d, 0x5bd1e995);
  const v = unit(a, b, c, d, 0x27d4eb2f);
  return sqrt(-2 * log(u)) * cos(2 * PI * v);
}

/**
 * A small deterministic stream of draws (mulberry32) for one record or one purpose. Draw order is
 * part of the data: append new draws at the end of a generator, or key them with a new purpose.
 */
export class Rng {
  private state: number;

  constructor(a: number, b = 0, c = 0, d = 0, e = 0) {
    this.state = hash(a, b, c, d, e);
  }

  /** Uniform 32-bit unsigned integer. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform in [min, max). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.float();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return floor(this.float() * n);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[floor(this.float() * items.length)]!;
  }

  /** Picks by non-negative weights. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.float() * total;
    for (let i = 0; i < items.length; i++) {
      x -= weights[i]!;
      if (x < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return sqrt(-2 * log(u)) * cos(2 * PI * v);
  }

  /** Poisson count (Knuth; fine for the small means used here, capped at `cap`). */
  poisson(mean: number, cap = 1000): number {
    if (mean <= 0) return 0;
    if (mean > 30) return max(0, min(cap, round(mean + sqrt(mean) * this.normal())));
    const limit = exp(-mean);
    let k = 0;
    let p = this.float();
    while (p > limit && k < cap) {
      k++;
      p *= this.float();
    }
    return k;
  }
}

export function sigmoid(x: number): number {
  return 1 / (1 + exp(-x));
}

/**
 * A keyed bijection on [0, size) (balanced Feistel network with cycle walking). Used where values
 * must be unique per enterprise (organisation codes, trade names, account numbers) yet look random.
 */
export class Permutation {
  private readonly halfBits: number;
  private readonly mask: number;

  constructor(
    readonly size: number,
    private readonly key: number,
  ) {
    let bits = 2;
    while (2 ** bits < size) bits++;
    if (bits % 2 === 1) bits++;
    this.halfBits = bits / 2;
    this.mask = 2 ** this.halfBits - 1;
  }

  apply(x: number): number {
    if (x < 0 || x >= this.size || !Number.isInteger(x)) throw new RangeError(`${x} is outside [0, ${this.size})`);
    let y = x;
    do {
      y = this.round(y);
    } while (y >= this.size);
    return y;
  }

  private round(x: number): number {
    const shift = 2 ** this.halfBits;
    let left = floor(x / shift);
    let right = x % shift;
    for (let r = 0; r < 4; r++) {
      const next = (left ^ (hash(this.key, r, right) & this.mask)) >>> 0;
      left = right;
      right = next;
    }
    return left * shift + right;
  }
}
