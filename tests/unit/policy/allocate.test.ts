import { HubError } from '../../../src/errors/hub-error';
import { allocate } from '../../../src/policy/allocate';

/** A small seeded generator (mulberry32), so that a failure names a reproducible case. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Largest remainder computed another way: exact rationals compared by cross-multiplication. */
function reference(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  const t = BigInt(total);
  const floors = weights.map((w) => (t * BigInt(w)) / BigInt(sum));
  const left = Number(t - floors.reduce((a, f) => a + f, 0n));
  const ranked = weights.map((w, i) => ({ i, rem: (t * BigInt(w)) % BigInt(sum) })).sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  const out = floors.map(Number);
  for (let k = 0; k < left; k++) out[ranked[k]!.i]! += 1;
  return out;
}

describe('allocate (largest remainder)', () => {
  it('splits the four-party pool by hand-checked examples', () => {
    expect(allocate(1_000_000, [4000, 3000, 2000, 1000])).toEqual([400_000, 300_000, 200_000, 100_000]);
    // 7 × 0.4 = 2.8, × 0.3 = 2.1, × 0.2 = 1.4, × 0.1 = 0.7: floors 2+2+1+0 = 5, the 2 left go to .8 and .7.
    expect(allocate(7, [4000, 3000, 2000, 1000])).toEqual([3, 2, 1, 1]);
    expect(allocate(1, [5000, 5000])).toEqual([1, 0]); // a tie: the first listed gets the odd fen
    expect(allocate(3, [1, 1, 1, 1])).toEqual([1, 1, 1, 0]);
    expect(allocate(0, [4000, 3000, 2000, 1000])).toEqual([0, 0, 0, 0]);
    expect(allocate(10, [3000, 0, 0, 0, 7000])).toEqual([3, 0, 0, 0, 7]);
  });

  it('mirrors a negative total exactly', () => {
    expect(allocate(-7, [4000, 3000, 2000, 1000])).toEqual([-3, -2, -1, -1]);
  });

  it('always sums exactly, stays within one fen of the exact share, and matches an independent computation', () => {
    const next = rng(20261202);
    for (let n = 0; n < 5000; n++) {
      const parts = 1 + Math.floor(next() * 6);
      const weights: number[] = Array.from({ length: parts }, () => (next() < 0.15 ? 0 : Math.floor(next() * 10_001)));
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      const magnitude = [10, 1_000, 1_000_000, 10_000_000_000_000, Number.MAX_SAFE_INTEGER][Math.floor(next() * 5)]!;
      const total = Math.floor(next() * magnitude) * (next() < 0.2 ? -1 : 1);
      const out = allocate(total, weights);
      const sum = weights.reduce((a, w) => a + w, 0);
      expect(out.reduce((a, p) => a + BigInt(p), 0n)).toBe(BigInt(total));
      expect(out).toEqual(total < 0 ? reference(-total, weights).map((x) => -x || 0) : reference(total, weights));
      out.forEach((p, i) => {
        const exact = (Math.abs(total) * weights[i]!) / sum; // float, only for the ±1 bound
        expect(Math.abs(Math.abs(p) - exact)).toBeLessThanOrEqual(1 + exact * 1e-12);
        if (weights[i] === 0) expect(p === 0).toBe(true);
      });
    }
  });

  it('refuses non-integer totals and empty or zero weights with BAD_USER_INPUT', () => {
    for (const call of [() => allocate(1.5, [1]), () => allocate(1, []), () => allocate(1, [0, 0]), () => allocate(1, [-1, 2])]) {
      expect(call).toThrow(HubError);
    }
  });
});
