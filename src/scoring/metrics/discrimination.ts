import { HubError } from '../../errors/hub-error';

/**
 * Discrimination metrics of a risk score against observed outcomes (pure functions).
 *
 * Convention: a HIGHER score means a LOWER risk (credit-scorecard points), and `outcomes[i]` is true
 * when enterprise i went bad (defaulted). AUC is then the probability that a randomly chosen good
 * enterprise scores above a randomly chosen bad one (ties count one half); 0.5 is no better than
 * chance, 1 is a perfect ranking.
 */

function checkPairs(scores: readonly number[], outcomes: readonly boolean[]): { goods: number; bads: number } {
  if (scores.length !== outcomes.length) {
    throw new HubError('BAD_USER_INPUT', `scores and outcomes must have the same length (got ${scores.length} scores and ${outcomes.length} outcomes)`);
  }
  let bads = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) throw new HubError('BAD_USER_INPUT', `scores[${i}] must be a finite number (got ${String(scores[i])})`);
    if (outcomes[i]) bads += 1;
  }
  const goods = scores.length - bads;
  if (goods === 0 || bads === 0) {
    throw new HubError('BAD_USER_INPUT', `outcomes must contain both goods and bads (got ${goods} goods and ${bads} bads)`);
  }
  return { goods, bads };
}

/**
 * Area under the ROC curve by ranks (Mann–Whitney U): scores ranked ascending, tied scores get the
 * average of their ranks, AUC = (Σ ranks of goods − g(g+1)/2) / (g·b). O(n log n).
 */
export function auc(scores: readonly number[], outcomes: readonly boolean[]): number {
  const { goods, bads } = checkPairs(scores, outcomes);
  const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let goodRankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const averageRank = (i + 1 + j + 1) / 2; // ranks are 1-based
    for (let k = i; k <= j; k++) if (!outcomes[order[k]!]) goodRankSum += averageRank;
    i = j + 1;
  }
  return (goodRankSum - (goods * (goods + 1)) / 2) / (goods * bads);
}

/**
 * Kolmogorov–Smirnov statistic: the largest gap, over all score thresholds t, between the share of
 * bads scoring ≤ t and the share of goods scoring ≤ t. Tied scores move together (the gap is only
 * measured between distinct scores). 0 is no separation, 1 is complete.
 */
export function ks(scores: readonly number[], outcomes: readonly boolean[]): number {
  const { goods, bads } = checkPairs(scores, outcomes);
  const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let cumGoods = 0;
  let cumBads = 0;
  let best = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && scores[order[j]!] === scores[order[i]!]) {
      if (outcomes[order[j]!]) cumBads += 1;
      else cumGoods += 1;
      j++;
    }
    best = Math.max(best, Math.abs(cumBads / bads - cumGoods / goods));
    i = j;
  }
  return best;
}

export interface GradeBadRate {
  /** The grade, or the grades merged into this row joined with '+', worst first (e.g. 'C+B'). */
  grade: string;
  /** The grades this row covers, in the order given. */
  grades: string[];
  count: number;
  bads: number;
  /** bads / count; null for a grade with no enterprise. */
  badRate: number | null;
}

/**
 * Bad rate per grade, rows in the order of `gradeOrder` (pass worst first to read a falling bad
 * rate). Grades outside `gradeOrder` are rejected; grades without enterprises get a row with count 0.
 */
export function badRateByGrade(grades: readonly string[], outcomes: readonly boolean[], gradeOrder: readonly string[]): GradeBadRate[] {
  if (grades.length !== outcomes.length) {
    throw new HubError('BAD_USER_INPUT', `grades and outcomes must have the same length (got ${grades.length} grades and ${outcomes.length} outcomes)`);
  }
  const rows = new Map(gradeOrder.map((g) => [g, { grade: g, grades: [g], count: 0, bads: 0, badRate: null as number | null }]));
  grades.forEach((g, i) => {
    const row = rows.get(g);
    if (!row) throw new HubError('BAD_USER_INPUT', `grades[${i}] is '${g}', which is not one of ${gradeOrder.join(', ')}`);
    row.count += 1;
    if (outcomes[i]) row.bads += 1;
  });
  return [...rows.values()].map((r) => ({ ...r, badRate: r.count === 0 ? null : r.bads / r.count }));
}

/**
 * Merges sparse grades so every row has at least `minCount` enterprises: walking the rows in order,
 * a row is accumulated with the following ones until it reaches `minCount`; a short remainder at
 * the end is merged into the row before it. Rows must be adjacent grades (as `badRateByGrade` gives
 * them). With fewer than `minCount` enterprises in total, one row covers everything.
 */
export function mergeSparseGrades(rows: readonly GradeBadRate[], minCount: number): GradeBadRate[] {
  if (!(Number.isInteger(minCount) && minCount >= 1)) throw new HubError('BAD_USER_INPUT', `minCount must be a positive integer (got ${minCount})`);
  const out: GradeBadRate[] = [];
  let open: GradeBadRate | null = null;
  const join = (a: GradeBadRate | null, b: GradeBadRate): GradeBadRate => {
    if (a === null) return { ...b, grades: [...b.grades] };
    const grades = [...a.grades, ...b.grades];
    const count = a.count + b.count;
    const bads = a.bads + b.bads;
    return { grade: grades.join('+'), grades, count, bads, badRate: count === 0 ? null : bads / count };
  };
  for (const row of rows) {
    open = join(open, row);
    if (open.count >= minCount) {
      out.push(open);
      open = null;
    }
  }
  if (open !== null) {
    const last = out.pop();
    out.push(last === undefined ? open : join(last, open));
  }
  return out;
}

/** True when each row's bad rate is strictly below the previous row's (rows worst grade first). */
export function fallsMonotonically(rows: readonly GradeBadRate[]): boolean {
  for (let i = 1; i < rows.length; i++) {
    const prev = rows[i - 1]!.badRate;
    const cur = rows[i]!.badRate;
    if (prev === null || cur === null || !(cur < prev)) return false;
  }
  return true;
}
