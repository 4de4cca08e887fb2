import { createHash } from 'node:crypto';
import type { FieldValue } from '../../profile/catalog/field.types';
import { HubError } from '../../errors/hub-error';
import { canonicalJson } from '../../ingest/content-hash';
import { SCORE_DIMENSIONS, type BinCondition, type ScorecardBin, type ScorecardCharacteristic, type ScorecardModel, type ScoreDimension } from './scorecard-model';

/** How many reasons a score names at most (adverse-action practice: up to 4 principal reasons). */
export const MAX_REASONS = 4;

export interface ScoreReason {
  code: string;
  zh: string;
  en: string;
  /** Catalog key of the field whose bin cost the points. */
  field: string;
  value: FieldValue;
  /** Best bin's points minus this bin's points (> 0). */
  pointsLost: number;
}

export interface DimensionScore {
  dimension: ScoreDimension;
  points: number;
  maxPoints: number;
  /** points / maxPoints, 4 decimal places. */
  share: number;
  characteristics: number;
  /** Characteristics of the dimension with a non-null value. */
  present: number;
}

export interface CharacteristicScore {
  field: string;
  value: FieldValue;
  points: number;
  pointsLost: number;
}

export interface Scored {
  status: 'SCORED';
  modelVersion: string;
  /** Integer points: basePoints + Σ characteristic points. */
  score: number;
  /** ln(good:bad odds) = (score − offset) / factor. */
  logOdds: number;
  /** 1 / (1 + odds). */
  probabilityOfDefault: number;
  grade: string;
  subScores: DimensionScore[];
  /** Up to 4, most points lost first (ties in model order); never "score below policy". */
  reasons: ScoreReason[];
  characteristics: CharacteristicScore[];
  inputHash: string;
}

export interface MissingCharacteristic {
  field: string;
  zh: string;
  en: string;
  dimension: ScoreDimension;
  required: boolean;
}

export interface InsufficientData {
  status: 'INSUFFICIENT_DATA';
  modelVersion: string;
  /** Characteristics without data, in model order. */
  missing: MissingCharacteristic[];
  /** Characteristics with data. */
  present: number;
  minimumPresent: number;
  inputHash: string;
}

export type ScoreResult = Scored | InsufficientData;

/**
 * Scores one enterprise's profile values with a scorecard model. A field missing from `values`
 * counts as null. When fewer than `model.minimumPresent` characteristics have data, or a required
 * one has none, the result is INSUFFICIENT_DATA with what is missing, never a number.
 */
export function scoreProfile(model: ScorecardModel, values: ReadonlyMap<string, FieldValue>): ScoreResult {
  const inputs = model.characteristics.map((c) => ({ c, value: checkedValue(c, values.get(c.field) ?? null) }));
  const inputHash = hashInputs(model.modelVersion, inputs.map(({ c, value }) => [c.field, value] as const));
  const missing = inputs.filter(({ value }) => value === null).map(({ c }) => c);
  const present = inputs.length - missing.length;
  if (present < model.minimumPresent || missing.some((c) => c.required)) {
    return {
      status: 'INSUFFICIENT_DATA',
      modelVersion: model.modelVersion,
      missing: missing.map((c) => ({ field: c.field, zh: c.def.zh, en: c.def.en, dimension: c.dimension, required: c.required })),
      present,
      minimumPresent: model.minimumPresent,
      inputHash,
    };
  }

  const scored = inputs.map(({ c, value }) => {
    const bin = binOf(c, value);
    return { c, value, bin, pointsLost: c.maxPoints - bin.points };
  });
  const score = model.basePoints + scored.reduce((s, x) => s + x.bin.points, 0);
  const logOdds = (score - model.offset) / model.factor;

  const reasons = scored
    .map((x, order) => ({ ...x, order }))
    .filter((x) => x.pointsLost > 0)
    .sort((a, b) => b.pointsLost - a.pointsLost || a.order - b.order)
    .slice(0, MAX_REASONS)
    // A bin below the best always has a reason (checked when the model loads).
    .map(({ c, value, bin, pointsLost }) => ({ code: bin.reason!.code, zh: bin.reason!.zh, en: bin.reason!.en, field: c.field, value, pointsLost }));

  return {
    status: 'SCORED',
    modelVersion: model.modelVersion,
    score,
    logOdds,
    probabilityOfDefault: 1 / (1 + Math.exp(logOdds)),
    grade: gradeOf(model, score),
    subScores: SCORE_DIMENSIONS.map((dimension) => {
      const of = scored.filter((x) => x.c.dimension === dimension);
      const points = of.reduce((s, x) => s + x.bin.points, 0);
      const maxPoints = of.reduce((s, x) => s + x.c.maxPoints, 0);
      return {
        dimension,
        points,
        maxPoints,
        share: maxPoints === 0 ? 0 : Math.round((points / maxPoints) * 10_000) / 10_000,
        characteristics: of.length,
        present: of.filter((x) => x.value !== null).length,
      };
    }),
    reasons,
    characteristics: scored.map(({ c, value, bin, pointsLost }) => ({ field: c.field, value, points: bin.points, pointsLost })),
    inputHash,
  };
}

/** The grade band a score falls in (bands descend; the last one takes every lower score). */
export function gradeOf(model: ScorecardModel, score: number): string {
  return (model.grades.find((g) => g.minScore === null || score >= g.minScore) ?? model.grades[model.grades.length - 1]!).grade;
}

/** The bin of a value (null values take the null bin). */
export function binOf(c: ScorecardCharacteristic, value: FieldValue): ScorecardBin {
  const bin = c.bins.find((b) => matches(b.when, value));
  // Unreachable for a loaded model: bins cover every value of the field's type.
  if (!bin) throw new Error(`scorecard: no bin of '${c.field}' takes ${JSON.stringify(value)}`);
  return bin;
}

function matches(when: BinCondition, value: FieldValue): boolean {
  switch (when.kind) {
    case 'null':
      return value === null;
    case 'range':
      return typeof value === 'number' && (when.min === null || value >= when.min) && (when.max === null || value < when.max);
    case 'in':
      return typeof value === 'string' && when.values.includes(value);
    case 'is':
      return value === when.value;
  }
}

/**
 * sha256 of the canonical JSON `{ modelVersion, inputs: { field: value } }` over the model's fields
 * (null for a field without data): the same model version and values always give the same hash.
 */
export function hashInputs(modelVersion: string, inputs: ReadonlyArray<readonly [string, FieldValue]>): string {
  return createHash('sha256')
    .update(canonicalJson({ modelVersion, inputs: Object.fromEntries(inputs) }))
    .digest('hex');
}

function checkedValue(c: ScorecardCharacteristic, value: FieldValue): FieldValue {
  if (value === null) return null;
  const expected = c.bins.some((b) => b.when.kind === 'range') ? 'number' : c.bins.some((b) => b.when.kind === 'is') ? 'boolean' : 'string';
  const ok = expected === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === expected;
  if (!ok) {
    throw new HubError('BAD_USER_INPUT', `values: field '${c.field}' (${c.def.type}) must be a ${expected === 'number' ? 'finite number' : expected} or null, got ${JSON.stringify(value)}`, {
      details: { argument: 'values', field: c.field },
    });
  }
  return value;
}
