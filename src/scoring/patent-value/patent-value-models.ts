/**
 * Patent value models (GB/T 42748-2023 《专利评估指引》, financing scenario) as dated, versioned
 * parameter sets. A model names its three dimensions (legal, technical, economic) with their weights,
 * each dimension's indicators with weights and scales, the grade bands, the high-value threshold and
 * the pledgeable rule. The model applied on a date is the latest whose `effectiveFrom` is on or
 * before it (effective-from inclusive); every valuation names the version it used.
 *
 * Never edit a past version: add a new one with its effective date. The list is validated when this
 * module loads, so a malformed edit fails the hub's start. docs/patent-value.md explains each choice.
 */

export const PATENT_VALUE_DIMENSIONS = ['LEGAL', 'TECHNICAL', 'ECONOMIC'] as const;
export type PatentValueDimension = (typeof PATENT_VALUE_DIMENSIONS)[number];

/** Every indicator a model may use, with the dimension it belongs to. */
export const PATENT_VALUE_INDICATORS = {
  VALIDITY: 'LEGAL',
  REMAINING_TERM: 'LEGAL',
  CLAIMS: 'LEGAL',
  FAMILY: 'LEGAL',
  ENCUMBRANCE: 'LEGAL',
  STABILITY: 'LEGAL',
  FORWARD_CITATIONS: 'TECHNICAL',
  IPC_BREADTH: 'TECHNICAL',
  PATENT_TYPE: 'TECHNICAL',
  LICENCES: 'ECONOMIC',
  TRANSFERS: 'ECONOMIC',
  PLEDGE_FINANCING: 'ECONOMIC',
} as const satisfies Record<string, PatentValueDimension>;
export type PatentValueIndicatorCode = keyof typeof PATENT_VALUE_INDICATORS;
export const PATENT_VALUE_INDICATOR_CODES = Object.keys(PATENT_VALUE_INDICATORS) as PatentValueIndicatorCode[];

/** A numeric scale: the first step (highest `min` first) whose `min` ≤ value gives the sub-score. */
export interface StepScale {
  readonly kind: 'steps';
  /** Unit of the value, for documentation (`months`, `count`, …). */
  readonly unit: string;
  /** Descending by `min`; the last step's `min` must be 0 so every value ≥ 0 has a score. */
  readonly steps: ReadonlyArray<{ readonly min: number; readonly score: number }>;
}

/** A categorical scale: one sub-score per category. */
export interface CategoryScale {
  readonly kind: 'categories';
  readonly scores: Readonly<Record<string, number>>;
}

export type IndicatorScale = StepScale | CategoryScale;

export interface IndicatorPolicy {
  readonly code: PatentValueIndicatorCode;
  /** Weight inside its dimension; a dimension's weights sum to 1. */
  readonly weight: number;
  readonly scale: IndicatorScale;
}

export interface DimensionPolicy {
  readonly dimension: PatentValueDimension;
  /** Weight in the overall degree; the three sum to 1. */
  readonly weight: number;
  readonly indicators: readonly IndicatorPolicy[];
}

export const PATENT_VALUE_GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type PatentValueGrade = (typeof PATENT_VALUE_GRADES)[number];

export interface PatentValueModel {
  /** Stable id, named in every valuation. */
  readonly id: string;
  /** `YYYY-MM-DD`: in force from this day (inclusive) until the next version's. */
  readonly effectiveFrom: string;
  readonly title: string;
  readonly scenario: 'FINANCING';
  readonly dimensions: readonly DimensionPolicy[];
  /** Grade bands, best first: the first whose `min` ≤ the overall degree (rounded to 0.1); the last `min` is 0. */
  readonly grades: ReadonlyArray<{ readonly grade: PatentValueGrade; readonly min: number }>;
  /** A valid invention patent whose overall degree is at least this is a high-value invention patent. */
  readonly highValueThreshold: number;
  /** Pledgeable: valid and held, not under an active pledge, and at least this many whole months of term left. */
  readonly pledgeableMinRemainingMonths: number;
}

/** The first model: GB/T 42748-2023 is in force from 2023-09-01. */
const DECLARED: readonly PatentValueModel[] = [
  {
    id: 'patent-value-2023.1',
    effectiveFrom: '2023-09-01',
    title: 'GB/T 42748-2023 patent value degrees, financing scenario, v2023.1',
    scenario: 'FINANCING',
    dimensions: [
      {
        dimension: 'LEGAL',
        weight: 0.4,
        indicators: [
          { code: 'VALIDITY', weight: 0.25, scale: { kind: 'categories', scores: { VALID: 100, PENDING: 40, REJECTED: 0, LAPSED: 0, EXPIRED: 0, INVALIDATED: 0, TRANSFERRED_OUT: 0 } } },
          { code: 'REMAINING_TERM', weight: 0.2, scale: { kind: 'steps', unit: 'months', steps: [{ min: 180, score: 100 }, { min: 120, score: 85 }, { min: 60, score: 65 }, { min: 24, score: 40 }, { min: 1, score: 15 }, { min: 0, score: 0 }] } },
          { code: 'CLAIMS', weight: 0.15, scale: { kind: 'steps', unit: 'count', steps: [{ min: 20, score: 100 }, { min: 10, score: 80 }, { min: 5, score: 60 }, { min: 1, score: 40 }, { min: 0, score: 0 }] } },
          { code: 'FAMILY', weight: 0.15, scale: { kind: 'steps', unit: 'jurisdictions (family size; PCT counts as 5)', steps: [{ min: 5, score: 100 }, { min: 3, score: 80 }, { min: 2, score: 60 }, { min: 0, score: 30 }] } },
          { code: 'ENCUMBRANCE', weight: 0.15, scale: { kind: 'categories', scores: { CLEAR: 100, LICENSED: 80, PLEDGED: 30 } } },
          { code: 'STABILITY', weight: 0.1, scale: { kind: 'categories', scores: { EXAMINED: 100, UNEXAMINED: 60, NOT_GRANTED: 30, INVALIDATED: 0 } } },
        ],
      },
      {
        dimension: 'TECHNICAL',
        weight: 0.35,
        indicators: [
          { code: 'FORWARD_CITATIONS', weight: 0.45, scale: { kind: 'steps', unit: 'count', steps: [{ min: 20, score: 100 }, { min: 10, score: 85 }, { min: 5, score: 70 }, { min: 2, score: 50 }, { min: 1, score: 30 }, { min: 0, score: 10 }] } },
          { code: 'IPC_BREADTH', weight: 0.25, scale: { kind: 'steps', unit: 'IPC subclasses', steps: [{ min: 4, score: 100 }, { min: 3, score: 80 }, { min: 2, score: 60 }, { min: 1, score: 40 }, { min: 0, score: 0 }] } },
          { code: 'PATENT_TYPE', weight: 0.3, scale: { kind: 'categories', scores: { INVENTION: 100, UTILITY_MODEL: 60, DESIGN: 40 } } },
        ],
      },
      {
        dimension: 'ECONOMIC',
        weight: 0.25,
        indicators: [
          { code: 'LICENCES', weight: 0.4, scale: { kind: 'steps', unit: 'count', steps: [{ min: 3, score: 100 }, { min: 2, score: 85 }, { min: 1, score: 70 }, { min: 0, score: 30 }] } },
          { code: 'TRANSFERS', weight: 0.3, scale: { kind: 'steps', unit: 'count', steps: [{ min: 2, score: 100 }, { min: 1, score: 75 }, { min: 0, score: 40 }] } },
          { code: 'PLEDGE_FINANCING', weight: 0.3, scale: { kind: 'steps', unit: 'count', steps: [{ min: 2, score: 100 }, { min: 1, score: 80 }, { min: 0, score: 40 }] } },
        ],
      },
    ],
    grades: [
      { grade: 'A', min: 80 },
      { grade: 'B', min: 65 },
      { grade: 'C', min: 50 },
      { grade: 'D', min: 35 },
      { grade: 'E', min: 0 },
    ],
    highValueThreshold: 65,
    pledgeableMinRemainingMonths: 24,
  },
];

const isCalendarDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** Weights are decimals: compare sums with a tolerance far below any meaningful weight. */
const sumsToOne = (ws: readonly number[]): boolean => Math.abs(ws.reduce((a, b) => a + b, 0) - 1) < 1e-9;
const isScore = (n: number): boolean => Number.isFinite(n) && n >= 0 && n <= 100;

/**
 * Checks a model list and returns it: ids unique, dates real and ascending, the three dimensions once
 * each with weights summing to 1, each indicator in its own dimension once, indicator weights summing
 * to 1 per dimension, scales well formed (steps strictly descending to 0, scores 0–100), grades
 * descending to 0, thresholds in range. Throws naming the version and what is wrong.
 */
export function validatePatentValueModels(models: readonly PatentValueModel[]): readonly PatentValueModel[] {
  const problems: string[] = [];
  if (models.length === 0) problems.push('the list is empty');
  const ids = new Set<string>();
  models.forEach((m, i) => {
    const at = `model ${i} (${m.id || 'no id'})`;
    if (!/^[a-z0-9.-]+$/.test(m.id)) problems.push(`${at}: id must be lower-case letters, digits, dots and dashes`);
    if (ids.has(m.id)) problems.push(`${at}: id repeats an earlier model's`);
    ids.add(m.id);
    if (!isCalendarDate(m.effectiveFrom)) problems.push(`${at}: effectiveFrom '${m.effectiveFrom}' is not a YYYY-MM-DD calendar date`);
    else if (i > 0 && m.effectiveFrom <= models[i - 1]!.effectiveFrom) problems.push(`${at}: effectiveFrom ${m.effectiveFrom} is not after the previous model's`);
    const dims = m.dimensions.map((d) => d.dimension);
    if (dims.length !== 3 || PATENT_VALUE_DIMENSIONS.some((d) => !dims.includes(d))) problems.push(`${at}: must have LEGAL, TECHNICAL and ECONOMIC once each, has ${dims.join(', ')}`);
    if (!sumsToOne(m.dimensions.map((d) => d.weight))) problems.push(`${at}: dimension weights do not sum to 1`);
    for (const d of m.dimensions) {
      const where = `${at}, ${d.dimension}`;
      if (!(d.weight > 0)) problems.push(`${where}: weight must be > 0`);
      if (d.indicators.length === 0) problems.push(`${where}: has no indicator`);
      if (!sumsToOne(d.indicators.map((x) => x.weight))) problems.push(`${where}: indicator weights do not sum to 1`);
      const seen = new Set<string>();
      for (const x of d.indicators) {
        const w = `${where}.${x.code}`;
        if (!(x.code in PATENT_VALUE_INDICATORS)) problems.push(`${w}: unknown indicator`);
        else if (PATENT_VALUE_INDICATORS[x.code] !== d.dimension) problems.push(`${w}: belongs to ${PATENT_VALUE_INDICATORS[x.code]}`);
        if (seen.has(x.code)) problems.push(`${w}: appears twice`);
        seen.add(x.code);
        if (!(x.weight > 0)) problems.push(`${w}: weight must be > 0`);
        if (x.scale.kind === 'steps') {
          const s = x.scale.steps;
          if (s.length === 0 || s.at(-1)!.min !== 0) problems.push(`${w}: the last step's min must be 0`);
          s.forEach((step, k) => {
            if (k > 0 && !(step.min < s[k - 1]!.min)) problems.push(`${w}: step mins must strictly descend`);
            if (!isScore(step.score)) problems.push(`${w}: score ${step.score} is not 0–100`);
          });
        } else if (Object.keys(x.scale.scores).length === 0 || !Object.values(x.scale.scores).every(isScore)) problems.push(`${w}: categories need scores 0–100`);
      }
    }
    m.grades.forEach((g, k) => {
      if (k > 0 && !(g.min < m.grades[k - 1]!.min)) problems.push(`${at}: grade mins must strictly descend`);
    });
    if (m.grades.at(-1)?.min !== 0) problems.push(`${at}: the last grade's min must be 0`);
    if (!isScore(m.highValueThreshold)) problems.push(`${at}: highValueThreshold must be 0–100`);
    if (!Number.isInteger(m.pledgeableMinRemainingMonths) || m.pledgeableMinRemainingMonths < 0) problems.push(`${at}: pledgeableMinRemainingMonths must be a whole number ≥ 0`);
  });
  if (problems.length > 0) throw new Error(`patent value model list is invalid: ${problems.join('; ')}`);
  return models;
}

/** Every model, oldest first; validated at load. */
export const PATENT_VALUE_MODELS: readonly PatentValueModel[] = validatePatentValueModels(DECLARED);

/** The model in force on `date` (`YYYY-MM-DD`): the latest with effectiveFrom ≤ date; undefined before the first. */
export function patentValueModelInForce(date: string, models: readonly PatentValueModel[] = PATENT_VALUE_MODELS): PatentValueModel | undefined {
  let found: PatentValueModel | undefined;
  for (const m of models) if (m.effectiveFrom <= date) found = m;
  return found;
}
