import { fieldByKey } from '../../profile/catalog/catalog';
import type { FieldType, FieldValue } from '../../profile/catalog/field.types';
import { DEFAULT_SCALE } from '../../profile/storage/profile-columns';
import type { SciTechCriterionCode, SciTechMeasureCode, SciTechPolicyVersion } from './sci-tech-policies';

/** PASS / FAIL, or UNKNOWN when the data to decide is missing. */
export type SciTechStatus = 'PASS' | 'FAIL' | 'UNKNOWN';
/** MEETS: every criterion passes; DOES_NOT_MEET: any fails; INSUFFICIENT_DATA: none fails but some are unknown. */
export type SciTechOutcome = 'MEETS' | 'DOES_NOT_MEET' | 'INSUFFICIENT_DATA';

export interface SciTechMeasureResult {
  code: SciTechMeasureCode;
  status: SciTechStatus;
  /** Null when none of `fields` has a value. */
  value: number | null;
  threshold: number;
  /** The catalog type of the measure's fields: ratio, money (CNY fen) or integer (a count). */
  type: FieldType;
  /** The field the value came from; null when none had one. */
  field: string | null;
  /** The fields consulted, in order. */
  fields: readonly string[];
}

export interface SciTechCriterionResult {
  code: SciTechCriterionCode;
  zh: string;
  en: string;
  status: SciTechStatus;
  measures: SciTechMeasureResult[];
}

export interface SciTechAssessment {
  policy: SciTechPolicyVersion;
  outcome: SciTechOutcome;
  criteria: SciTechCriterionResult[];
  /** Every field the measures consulted, without repeats. */
  fields: string[];
}

/**
 * A value at its field's stored precision (ratios at 4 places): a value computed in memory and the
 * same value read back from its column then meet a threshold alike.
 */
function atScale(type: FieldType, scale: number | undefined, value: number): number {
  if (type !== 'ratio' && type !== 'decimal') return value;
  return Number(value.toFixed(scale ?? DEFAULT_SCALE[type]));
}

/**
 * Assesses profile values against one policy version. A measure passes at or above its threshold and
 * is UNKNOWN when none of its fields has a value; a criterion passes when any measure passes, fails
 * when every measure is known and fails, and is UNKNOWN otherwise (a missing value could still pass
 * it). Values are looked up by catalog key; absent keys count as missing.
 */
export function assessSciTech(policy: SciTechPolicyVersion, values: ReadonlyMap<string, FieldValue>): SciTechAssessment {
  const criteria = policy.criteria.map((c): SciTechCriterionResult => {
    const measures = c.anyOf.map((m): SciTechMeasureResult => {
      const first = fieldByKey(m.fields[0]!)!;
      const field = m.fields.find((k) => {
        const v = values.get(k);
        return typeof v === 'number' && Number.isFinite(v);
      });
      if (field === undefined) return { code: m.code, status: 'UNKNOWN', value: null, threshold: m.threshold, type: first.type, field: null, fields: m.fields };
      const def = fieldByKey(field)!;
      const value = atScale(def.type, def.scale, values.get(field) as number);
      return { code: m.code, status: value >= m.threshold ? 'PASS' : 'FAIL', value, threshold: m.threshold, type: first.type, field, fields: m.fields };
    });
    const status: SciTechStatus = measures.some((m) => m.status === 'PASS') ? 'PASS' : measures.every((m) => m.status === 'FAIL') ? 'FAIL' : 'UNKNOWN';
    return { code: c.code, zh: c.zh, en: c.en, status, measures };
  });
  const outcome: SciTechOutcome = criteria.some((c) => c.status === 'FAIL') ? 'DOES_NOT_MEET' : criteria.every((c) => c.status === 'PASS') ? 'MEETS' : 'INSUFFICIENT_DATA';
  return { policy, outcome, criteria, fields: [...new Set(policy.criteria.flatMap((c) => c.anyOf.flatMap((m) => m.fields)))] };
}
