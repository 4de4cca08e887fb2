import { HubError } from '../../../src/errors/hub-error';
import { auc, badRateByGrade, fallsMonotonically, ks, mergeSparseGrades } from '../../../src/scoring/metrics/discrimination';

// Convention: higher score = lower risk; outcome true = bad (defaulted).
const B = true;
const G = false;

describe('auc', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one, 0.5 when everything ties', () => {
    expect(auc([1, 2, 3, 4], [B, B, G, G])).toBe(1);
    expect(auc([1, 2, 3, 4], [G, G, B, B])).toBe(0);
    expect(auc([5, 5, 5, 5], [B, G, B, G])).toBe(0.5);
  });

  it('counts discordant pairs: scores 1..5, bads at 1 and 3', () => {
    // Goods 2, 4, 5 against bads 1, 3: pairs (good > bad): 2>1, 4>1, 4>3, 5>1, 5>3 → 5 of 6 (2<3 is discordant).
    expect(auc([1, 2, 3, 4, 5], [B, G, B, G, G])).toBeCloseTo(5 / 6, 12);
  });

  it('averages tied ranks: a tie between a good and a bad counts one half', () => {
    // Scores [1, 2, 2, 3], outcomes [B, B, G, G]. Ranks 1, 2.5, 2.5, 4; goods' rank sum = 6.5;
    // U = 6.5 − 2·3/2 = 3.5 of g·b = 4 pairs → 0.875 (pairs: 2 vs 1 win, 2 vs 2 half, 3 vs 1, 3 vs 2 win).
    expect(auc([1, 2, 2, 3], [B, B, G, G])).toBe(0.875);
    // Input order does not matter.
    expect(auc([3, 2, 1, 2], [G, B, B, G])).toBe(0.875);
  });

  it('rejects mismatched lengths, non-finite scores and one-class outcomes with BAD_USER_INPUT', () => {
    expect(() => auc([1, 2], [B])).toThrow(/same length \(got 2 scores and 1 outcomes\)/);
    expect(() => auc([1, Number.NaN], [B, G])).toThrow(/scores\[1\] must be a finite number/);
    expect(() => auc([1, 2], [G, G])).toThrow(/both goods and bads \(got 2 goods and 0 bads\)/);
    let caught: unknown = null;
    try {
      auc([], []);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(HubError);
    expect((caught as HubError).code).toBe('BAD_USER_INPUT');
  });
});

describe('ks', () => {
  it('is 1 for complete separation and 0 for identical distributions', () => {
    expect(ks([1, 2, 3, 4], [B, B, G, G])).toBe(1);
    expect(ks([1, 1, 2, 2], [B, G, B, G])).toBe(0);
  });

  it('is the largest gap of the cumulative shares: scores 1..5, bads at 1 and 3', () => {
    // t=1: bads 1/2, goods 0/3 → 0.5; t=2: 1/2 vs 1/3 → 1/6; t=3: 2/2 vs 1/3 → 2/3; t=4: 1 vs 2/3; t=5: 1 vs 1.
    expect(ks([1, 2, 3, 4, 5], [B, G, B, G, G])).toBeCloseTo(2 / 3, 12);
  });

  it('moves tied scores together', () => {
    // Scores [1, 2, 2, 3], [B, B, G, G]: t=1: 1/2 vs 0 → 0.5; t=2: 2/2 vs 1/2 → 0.5; t=3: 0. Not 1 (which splitting the tie would give).
    expect(ks([1, 2, 2, 3], [B, B, G, G])).toBe(0.5);
  });
});

describe('badRateByGrade and mergeSparseGrades', () => {
  const order = ['C', 'B', 'A'];

  it('counts enterprises and bads per grade in the order given, empty grades with a null rate', () => {
    const rows = badRateByGrade(['C', 'C', 'A', 'A', 'A', 'A', 'C', 'C'], [B, B, G, B, G, G, G, B], order);
    expect(rows).toEqual([
      { grade: 'C', grades: ['C'], count: 4, bads: 3, badRate: 0.75 },
      { grade: 'B', grades: ['B'], count: 0, bads: 0, badRate: null },
      { grade: 'A', grades: ['A'], count: 4, bads: 1, badRate: 0.25 },
    ]);
    expect(fallsMonotonically(rows)).toBe(false); // an empty row breaks the chain; merge first
    expect(() => badRateByGrade(['D'], [B], order)).toThrow(/grades\[0\] is 'D', which is not one of C, B, A/);
  });

  it('merges a sparse grade with its better neighbours, and a short remainder into the group before it', () => {
    const rows = [
      { grade: 'C', grades: ['C'], count: 2, bads: 1, badRate: 0.5 },
      { grade: 'B', grades: ['B'], count: 3, bads: 1, badRate: 1 / 3 },
      { grade: 'BB', grades: ['BB'], count: 10, bads: 1, badRate: 0.1 },
      { grade: 'A', grades: ['A'], count: 1, bads: 0, badRate: 0 },
    ];
    // C (2) < 5 → C+B = 5 ≥ 5 → group; BB 10 → group; A 1 left over → joins BB.
    const merged = mergeSparseGrades(rows, 5);
    expect(merged).toEqual([
      { grade: 'C+B', grades: ['C', 'B'], count: 5, bads: 2, badRate: 0.4 },
      { grade: 'BB+A', grades: ['BB', 'A'], count: 11, bads: 1, badRate: 1 / 11 },
    ]);
    expect(fallsMonotonically(merged)).toBe(true);
    expect(mergeSparseGrades(rows, 100)).toEqual([{ grade: 'C+B+BB+A', grades: ['C', 'B', 'BB', 'A'], count: 16, bads: 3, badRate: 3 / 16 }]);
    expect(() => mergeSparseGrades(rows, 0)).toThrow(/minCount must be a positive integer/);
  });

  it('fallsMonotonically wants strictly falling rates', () => {
    const row = (badRate: number) => ({ grade: 'x', grades: ['x'], count: 1, bads: 0, badRate });
    expect(fallsMonotonically([row(0.3), row(0.2), row(0.1)])).toBe(true);
    expect(fallsMonotonically([row(0.3), row(0.3)])).toBe(false);
    expect(fallsMonotonically([row(0.1), row(0.2)])).toBe(false);
  });
});
