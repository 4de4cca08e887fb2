import type { IndicatorScale, PatentValueDimension, PatentValueGrade, PatentValueIndicatorCode, PatentValueModel } from './patent-value-models';

/** A patent's status on the as-of date, from the enterprise's point of view. */
export type PatentValueStatus = 'PENDING' | 'VALID' | 'REJECTED' | 'LAPSED' | 'EXPIRED' | 'INVALIDATED' | 'TRANSFERRED_OUT';
export type PatentKind = 'INVENTION' | 'UTILITY_MODEL' | 'DESIGN';

/**
 * What the valuation reads of one patent as it stood on the as-of date (see patent-facts.ts for how it
 * is rebuilt from the stored records). Plain data, so the valuation is a pure function of it.
 */
export interface PatentFacts {
  readonly applicationNo: string;
  readonly title: string;
  readonly type: PatentKind;
  readonly status: PatentValueStatus;
  readonly filedOn: string;
  readonly grantedOn: string | null;
  /** End of the statutory term. */
  readonly termEnd: string;
  /** Whole months of term left on the as-of date; 0 unless VALID. */
  readonly remainingMonths: number;
  readonly claims: number;
  /** Latest forward citation count the office reported. */
  readonly citedBy: number;
  readonly familySize: number;
  readonly pct: boolean;
  /** Distinct IPC subclasses (first 4 characters of each code). */
  readonly ipcSubclasses: number;
  /** `licensed` events on or before the as-of date while the enterprise held it. */
  readonly licences: number;
  /** `transferred` events on or before the as-of date (a market price was paid for it). */
  readonly transfers: number;
  /** Pledges the enterprise registered on it up to the as-of date (a lender accepted it as collateral). */
  readonly pledgesRegistered: number;
  /** A pledge of the enterprise's still active on the as-of date. */
  readonly pledgedNow: boolean;
  /** An `invalidated` legal event or status on or before the as-of date. */
  readonly invalidated: boolean;
}

export interface IndicatorResult {
  readonly code: PatentValueIndicatorCode;
  /** The indicator's value: a number for step scales, a category for categorical ones. */
  readonly value: number | string;
  /** 0–100 from the model's scale. */
  readonly score: number;
  /** Weight inside its dimension. */
  readonly weight: number;
}

export interface DimensionResult {
  readonly dimension: PatentValueDimension;
  /** 0–100, Σ weight × score, rounded to 0.1. */
  readonly degree: number;
  readonly weight: number;
  readonly indicators: readonly IndicatorResult[];
}

export interface PatentValuation {
  readonly facts: PatentFacts;
  readonly modelId: string;
  readonly legal: DimensionResult;
  readonly technical: DimensionResult;
  readonly economic: DimensionResult;
  /** Σ dimension weight × degree (of the rounded degrees), rounded to 0.1. */
  readonly overall: number;
  readonly grade: PatentValueGrade;
  /** A valid invention patent with overall ≥ the model's high-value threshold. */
  readonly highValueInvention: boolean;
  /** Valid and held, no active pledge, at least the model's minimum term left. */
  readonly pledgeable: boolean;
}

/** Half away from zero at one decimal, on the value's decimal representation (no 0.1 + 0.2 drift). */
export const round1 = (x: number): number => Math.round(Number((x * 10).toFixed(6))) / 10;

/** The sub-score of `value` on `scale`; a category the scale does not list scores 0. */
export function scaleScore(scale: IndicatorScale, value: number | string): number {
  if (scale.kind === 'categories') return scale.scores[String(value)] ?? 0;
  const v = Number(value);
  for (const step of scale.steps) if (v >= step.min) return step.score;
  return 0;
}

/** The value each indicator reads from the facts. */
export function indicatorValue(code: PatentValueIndicatorCode, f: PatentFacts): number | string {
  switch (code) {
    case 'VALIDITY':
      return f.status;
    case 'REMAINING_TERM':
      return f.status === 'VALID' ? f.remainingMonths : 0;
    case 'CLAIMS':
      return f.claims;
    case 'FAMILY':
      // A PCT filing keeps the door open to the PCT states: counted as a family of 5 jurisdictions.
      return f.pct ? Math.max(5, f.familySize) : f.familySize;
    case 'ENCUMBRANCE':
      return f.pledgedNow ? 'PLEDGED' : f.licences > 0 ? 'LICENSED' : 'CLEAR';
    case 'STABILITY':
      if (f.invalidated) return 'INVALIDATED';
      if (f.grantedOn === null) return 'NOT_GRANTED';
      // Only inventions pass substantive examination before grant.
      return f.type === 'INVENTION' ? 'EXAMINED' : 'UNEXAMINED';
    case 'FORWARD_CITATIONS':
      return f.citedBy;
    case 'IPC_BREADTH':
      return f.ipcSubclasses;
    case 'PATENT_TYPE':
      return f.type;
    case 'LICENCES':
      return f.licences;
    case 'TRANSFERS':
      return f.transfers;
    case 'PLEDGE_FINANCING':
      return f.pledgesRegistered;
  }
}

/** The overall degree's grade under the model. */
export function gradeOf(model: PatentValueModel, overall: number): PatentValueGrade {
  for (const g of model.grades) if (overall >= g.min) return g.grade;
  return model.grades.at(-1)!.grade;
}

/** Values one patent under the model: three degrees with the indicators used, overall, grade and flags. */
export function valuePatent(model: PatentValueModel, f: PatentFacts): PatentValuation {
  const dims = new Map<PatentValueDimension, DimensionResult>();
  for (const d of model.dimensions) {
    const indicators = d.indicators.map((x) => {
      const value = indicatorValue(x.code, f);
      return { code: x.code, value, score: scaleScore(x.scale, value), weight: x.weight };
    });
    const degree = round1(indicators.reduce((sum, x) => sum + x.weight * x.score, 0));
    dims.set(d.dimension, { dimension: d.dimension, degree, weight: d.weight, indicators });
  }
  const overall = round1([...dims.values()].reduce((sum, d) => sum + d.weight * d.degree, 0));
  const valid = f.status === 'VALID';
  return {
    facts: f,
    modelId: model.id,
    legal: dims.get('LEGAL')!,
    technical: dims.get('TECHNICAL')!,
    economic: dims.get('ECONOMIC')!,
    overall,
    grade: gradeOf(model, overall),
    highValueInvention: valid && f.type === 'INVENTION' && overall >= model.highValueThreshold,
    pledgeable: valid && !f.pledgedNow && f.remainingMonths >= model.pledgeableMinRemainingMonths,
  };
}

/** An enterprise's patent portfolio in figures (see docs/patent-value.md for each definition). */
export interface PatentValueSummary {
  readonly modelId: string;
  /** Patents known on the as-of date (published or granted by then), whatever their status. */
  readonly totalPatents: number;
  /** In force and held by the enterprise. */
  readonly validPatents: number;
  readonly validInventionPatents: number;
  /** Valid invention patents with overall ≥ the model's high-value threshold. */
  readonly highValueInventionPatents: number;
  readonly highValueThreshold: number;
  /** Mean overall degree of the valid patents, rounded to 0.1; null without any. */
  readonly meanValidOverall: number | null;
  /** Valid patents by grade, every grade listed (zeros included), best first. */
  readonly validByGrade: ReadonlyArray<{ readonly grade: PatentValueGrade; readonly count: number }>;
  readonly pledgeablePatents: number;
  readonly pledgeableInventionPatents: number;
  /** Σ overall degree of the pledgeable patents, rounded to 0.1: the portfolio's pledgeable value in degree points. */
  readonly pledgeableValue: number;
  readonly pledgeableMinRemainingMonths: number;
}

export function summarisePatentValues(model: PatentValueModel, valuations: readonly PatentValuation[]): PatentValueSummary {
  const valid = valuations.filter((v) => v.facts.status === 'VALID');
  const pledgeable = valuations.filter((v) => v.pledgeable);
  return {
    modelId: model.id,
    totalPatents: valuations.length,
    validPatents: valid.length,
    validInventionPatents: valid.filter((v) => v.facts.type === 'INVENTION').length,
    highValueInventionPatents: valuations.filter((v) => v.highValueInvention).length,
    highValueThreshold: model.highValueThreshold,
    meanValidOverall: valid.length === 0 ? null : round1(valid.reduce((s, v) => s + v.overall, 0) / valid.length),
    validByGrade: model.grades.map((g) => ({ grade: g.grade, count: valid.filter((v) => v.grade === g.grade).length })),
    pledgeablePatents: pledgeable.length,
    pledgeableInventionPatents: pledgeable.filter((v) => v.facts.type === 'INVENTION').length,
    pledgeableValue: round1(pledgeable.reduce((s, v) => s + v.overall, 0)),
    pledgeableMinRemainingMonths: model.pledgeableMinRemainingMonths,
  };
}
