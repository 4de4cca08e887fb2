import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { fieldByKey } from '../../../src/profile/catalog/catalog';
import type { SciTechAssessment, SciTechCriterionResult, SciTechMeasureResult, SciTechOutcome, SciTechStatus } from '../../../src/scoring/sci-tech/sci-tech-assessment';
import type { SciTechCriterionCode, SciTechMeasureCode, SciTechPolicyVersion } from '../../../src/scoring/sci-tech/sci-tech-policies';
import { SCI_TECH_CRITERIA, SCI_TECH_MEASURES } from '../../../src/scoring/sci-tech/sci-tech-policies';
import { WithheldSectionType } from '../profile/profile-access.type';
import { valueText } from '../profile/profile-values';

export const SciTechOutcomeGql: { [K in SciTechOutcome]: K } = { MEETS: 'MEETS', DOES_NOT_MEET: 'DOES_NOT_MEET', INSUFFICIENT_DATA: 'INSUFFICIENT_DATA' };
registerEnumType(SciTechOutcomeGql, {
  name: 'SciTechOutcome',
  description: 'The overall result of a 科创属性 assessment.',
  valuesConfig: {
    MEETS: { description: 'Every criterion passes.' },
    DOES_NOT_MEET: { description: 'At least one criterion fails.' },
    INSUFFICIENT_DATA: { description: 'No criterion fails, but at least one cannot be decided for missing data.' },
  },
});

export const SciTechStatusGql: { [K in SciTechStatus]: K } = { PASS: 'PASS', FAIL: 'FAIL', UNKNOWN: 'UNKNOWN' };
registerEnumType(SciTechStatusGql, {
  name: 'SciTechStatus',
  description: 'A criterion or measure: passed, failed, or unknown for missing data.',
  valuesConfig: { UNKNOWN: { description: 'The profile has no value to decide with (see the fields’ nullMeans in profileFields).' } },
});

export const SciTechCriterionCodeGql = Object.fromEntries(SCI_TECH_CRITERIA.map((c) => [c, c])) as { [K in SciTechCriterionCode]: K };
registerEnumType(SciTechCriterionCodeGql, { name: 'SciTechCriterionCode', description: 'A criterion of 科创属性评价指引.' });

export const SciTechMeasureCodeGql = Object.fromEntries(SCI_TECH_MEASURES.map((c) => [c, c])) as { [K in SciTechMeasureCode]: K };
registerEnumType(SciTechMeasureCodeGql, { name: 'SciTechMeasureCode', description: 'A measure that can satisfy a criterion (value ≥ threshold).' });

export type SciTechUnavailableReason = 'SECTIONS_WITHHELD' | 'NO_POLICY_IN_FORCE';
export const SciTechUnavailableReasonGql: { [K in SciTechUnavailableReason]: K } = { SECTIONS_WITHHELD: 'SECTIONS_WITHHELD', NO_POLICY_IN_FORCE: 'NO_POLICY_IN_FORCE' };
registerEnumType(SciTechUnavailableReasonGql, {
  name: 'SciTechUnavailableReason',
  description: 'Why no assessment is served.',
  valuesConfig: {
    SECTIONS_WITHHELD: { description: 'A profile section the assessment reads is withheld from you; `withheld` lists them and why.' },
    NO_POLICY_IN_FORCE: { description: 'No version of the guideline was in force on the policy date (before 2020-03-20).' },
  },
});

@ObjectType('SciTechPolicy', { description: 'A dated version of 科创属性评价指引 with its thresholds.' })
export class SciTechPolicyType {
  @Field(() => String, { description: 'Stable id, e.g. `star-sci-tech-2024`.' }) id!: string;
  @Field(() => GraphQLLocalDate, { description: 'In force from this day (inclusive) until the next version’s.' }) effectiveFrom!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'Where the thresholds come from.' }) source!: string;

  static from(p: SciTechPolicyVersion): SciTechPolicyType {
    return Object.assign(new SciTechPolicyType(), { id: p.id, effectiveFrom: p.effectiveFrom, title: p.title, source: p.source });
  }
}

@ObjectType('SciTechMeasure', { description: 'One way to meet a criterion: a profile value against a threshold (value ≥ threshold passes).' })
export class SciTechMeasureType {
  @Field(() => SciTechMeasureCodeGql) code!: SciTechMeasureCode;
  @Field(() => SciTechStatusGql) status!: SciTechStatus;
  @Field(() => String, { nullable: true, description: 'The value as the profile stores it: ratios with 4 places (0.0500 = 5%), money in CNY fen digits, counts in digits. Null: no value (UNKNOWN).' })
  value!: string | null;
  @Field(() => Float, { nullable: true, description: 'The value as a number (fen exact below 2^53).' }) number!: number | null;
  @Field(() => String, { description: 'The threshold, written like `value`.' }) threshold!: string;
  @Field(() => Float) thresholdNumber!: number;
  @Field(() => String, { description: '`ratio`, `CNY fen` or `count`.' }) unit!: string;
  @Field(() => String, { nullable: true, description: 'Catalog key of the field the value came from; null when none had a value.' }) field!: string | null;
  @Field(() => [String], { description: 'Catalog keys consulted, in order (the first with a value is used).' }) fields!: string[];

  static from(m: SciTechMeasureResult): SciTechMeasureType {
    const def = fieldByKey(m.field ?? m.fields[0]!)!;
    return Object.assign(new SciTechMeasureType(), {
      code: m.code,
      status: m.status,
      value: valueText(def, m.value),
      number: m.value,
      threshold: valueText(def, m.threshold)!,
      thresholdNumber: m.threshold,
      unit: m.type === 'ratio' ? 'ratio' : m.type === 'money' ? 'CNY fen' : 'count',
      field: m.field,
      fields: [...m.fields],
    });
  }
}

@ObjectType('SciTechCriterion', { description: 'A criterion of the guideline: passes when any of its measures passes.' })
export class SciTechCriterionType {
  @Field(() => SciTechCriterionCodeGql) code!: SciTechCriterionCode;
  @Field(() => String) nameZh!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => SciTechStatusGql, { description: 'PASS when any measure passes; FAIL when every measure is known and fails; else UNKNOWN.' }) status!: SciTechStatus;
  @Field(() => [SciTechMeasureType]) measures!: SciTechMeasureType[];

  static from(c: SciTechCriterionResult): SciTechCriterionType {
    return Object.assign(new SciTechCriterionType(), { code: c.code, nameZh: c.zh, nameEn: c.en, status: c.status, measures: c.measures.map(SciTechMeasureType.from) });
  }
}

@ObjectType('SciTechAssessment', { description: '科创属性 (STAR Market sci-tech attribute) assessment of the stored profile against one policy version.' })
export class SciTechAssessmentType {
  @Field(() => SciTechOutcomeGql) outcome!: SciTechOutcome;
  @Field(() => SciTechPolicyType, { description: 'The version applied: the one in force on `policyDate`.' }) policy!: SciTechPolicyType;
  @Field(() => GraphQLLocalDate, { description: 'The as-of date of the stored profile whose values were assessed.' }) profileAsOf!: string;
  @Field(() => GraphQLLocalDate, { description: 'The date that chose the policy version: the `asOf` argument, or the profile’s as-of date.' }) policyDate!: string;
  @Field(() => [SciTechCriterionType]) criteria!: SciTechCriterionType[];
  @Field(() => [String], { description: 'Every catalog field the assessment read.' }) fields!: string[];

  static from(a: SciTechAssessment, profileAsOf: string, policyDate: string): SciTechAssessmentType {
    return Object.assign(new SciTechAssessmentType(), {
      outcome: a.outcome,
      policy: SciTechPolicyType.from(a.policy),
      profileAsOf,
      policyDate,
      criteria: a.criteria.map(SciTechCriterionType.from),
      fields: [...a.fields],
    });
  }
}

@ObjectType('SciTechAssessmentResult', { description: 'The assessment, or why it is not served to you.' })
export class SciTechAssessmentResultType {
  @Field(() => SciTechAssessmentType, { nullable: true, description: 'Null when `unavailableReason` is set.' }) assessment!: SciTechAssessmentType | null;
  @Field(() => SciTechUnavailableReasonGql, { nullable: true }) unavailableReason!: SciTechUnavailableReason | null;
  @Field(() => String, { nullable: true, description: 'The reason in words.' }) message!: string | null;
  @Field(() => [WithheldSectionType], { description: 'The sections the assessment reads that are withheld from you (empty when served).' }) withheld!: WithheldSectionType[];

  static served(a: SciTechAssessmentType): SciTechAssessmentResultType {
    return Object.assign(new SciTechAssessmentResultType(), { assessment: a, unavailableReason: null, message: null, withheld: [] });
  }

  static unavailable(reason: SciTechUnavailableReason, message: string, withheld: WithheldSectionType[] = []): SciTechAssessmentResultType {
    return Object.assign(new SciTechAssessmentResultType(), { assessment: null, unavailableReason: reason, message, withheld });
  }
}
