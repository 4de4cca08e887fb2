import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { DimensionResult, IndicatorResult, PatentKind, PatentValuation, PatentValueStatus, PatentValueSummary } from '../../../src/scoring/patent-value/patent-value';
import { PATENT_VALUE_DIMENSIONS, PATENT_VALUE_GRADES, PATENT_VALUE_INDICATOR_CODES, type PatentValueDimension, type PatentValueGrade, type PatentValueIndicatorCode, type PatentValueModel } from '../../../src/scoring/patent-value/patent-value-models';
import { connectionType, type Connection } from '../../pagination/connection.type';
import { WithheldSectionType } from '../profile/profile-access.type';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const PatentValueDimensionGql = enumOf(PATENT_VALUE_DIMENSIONS);
registerEnumType(PatentValueDimensionGql, { name: 'PatentValueDimension', description: 'The three first-level indicators of GB/T 42748-2023.' });

export const PatentValueIndicatorGql = enumOf(PATENT_VALUE_INDICATOR_CODES);
registerEnumType(PatentValueIndicatorGql, { name: 'PatentValueIndicator', description: 'An indicator of a patent value model (docs/patent-value.md gives each one’s value and scale).' });

export const PatentValueGradeGql = enumOf(PATENT_VALUE_GRADES);
registerEnumType(PatentValueGradeGql, { name: 'PatentValueGrade', description: 'Grade of the overall value degree under the model’s bands (A best).' });

export const PatentKindGql = enumOf<PatentKind>(['INVENTION', 'UTILITY_MODEL', 'DESIGN']);
registerEnumType(PatentKindGql, { name: 'PatentKind', description: 'Patent type: invention (发明), utility model (实用新型), design (外观设计).' });

export const PatentValueStatusGql = enumOf<PatentValueStatus>(['PENDING', 'VALID', 'REJECTED', 'LAPSED', 'EXPIRED', 'INVALIDATED', 'TRANSFERRED_OUT']);
registerEnumType(PatentValueStatusGql, {
  name: 'PatentValueStatus',
  description: 'A patent’s status on the as-of date, for the enterprise.',
  valuesConfig: {
    VALID: { description: 'Granted, in force and held by the enterprise.' },
    PENDING: { description: 'Published, not (yet) granted or rejected.' },
    LAPSED: { description: 'Ended for non-payment of annual fees.' },
    EXPIRED: { description: 'Reached the end of its statutory term.' },
    TRANSFERRED_OUT: { description: 'The enterprise transferred it away.' },
  },
});

export type PatentValueUnavailableReason = 'SECTIONS_WITHHELD' | 'NO_MODEL_IN_FORCE';
export const PatentValueUnavailableReasonGql: { [K in PatentValueUnavailableReason]: K } = { SECTIONS_WITHHELD: 'SECTIONS_WITHHELD', NO_MODEL_IN_FORCE: 'NO_MODEL_IN_FORCE' };
registerEnumType(PatentValueUnavailableReasonGql, {
  name: 'PatentValueUnavailableReason',
  description: 'Why no patent values are served.',
  valuesConfig: {
    SECTIONS_WITHHELD: { description: 'The INTELLECTUAL_PROPERTY section is withheld from you; `withheld` says why.' },
    NO_MODEL_IN_FORCE: { description: 'No patent value model was in force on the as-of date (before 2023-09-01).' },
  },
});

@ObjectType('PatentValueDimensionWeight')
export class PatentValueDimensionWeightType {
  @Field(() => PatentValueDimensionGql) dimension!: PatentValueDimension;
  @Field(() => Float) weight!: number;
}

@ObjectType('PatentValueModel', { description: 'A dated version of the patent value model (weights, scales, thresholds).' })
export class PatentValueModelType {
  @Field(() => String, { description: 'Stable id, e.g. `patent-value-2023.1`.' }) id!: string;
  @Field(() => GraphQLLocalDate, { description: 'In force from this day (inclusive) until the next version’s.' }) effectiveFrom!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'The valuation scenario whose weights apply (FINANCING).' }) scenario!: string;
  @Field(() => [PatentValueDimensionWeightType]) dimensionWeights!: PatentValueDimensionWeightType[];
  @Field(() => Float, { description: 'A valid invention patent with overall ≥ this is high-value.' }) highValueThreshold!: number;
  @Field(() => Int, { description: 'Pledgeable patents have at least this many whole months of term left.' }) pledgeableMinRemainingMonths!: number;

  static from(m: PatentValueModel): PatentValueModelType {
    return Object.assign(new PatentValueModelType(), {
      id: m.id,
      effectiveFrom: m.effectiveFrom,
      title: m.title,
      scenario: m.scenario,
      dimensionWeights: m.dimensions.map((d) => Object.assign(new PatentValueDimensionWeightType(), { dimension: d.dimension, weight: d.weight })),
      highValueThreshold: m.highValueThreshold,
      pledgeableMinRemainingMonths: m.pledgeableMinRemainingMonths,
    });
  }
}

@ObjectType('PatentValueIndicatorScore', { description: 'One indicator: the value read and the sub-score the model’s scale gives it.' })
export class PatentValueIndicatorType {
  @Field(() => PatentValueIndicatorGql) code!: PatentValueIndicatorCode;
  @Field(() => String, { description: 'The value: a number in digits (months, counts) or a category (VALID, PLEDGED, INVENTION, …).' }) value!: string;
  @Field(() => Float, { nullable: true, description: 'The value as a number; null for a category.' }) number!: number | null;
  @Field(() => Float, { description: 'Sub-score 0–100.' }) score!: number;
  @Field(() => Float, { description: 'Weight inside its dimension.' }) weight!: number;

  static from(i: IndicatorResult): PatentValueIndicatorType {
    return Object.assign(new PatentValueIndicatorType(), { code: i.code, value: String(i.value), number: typeof i.value === 'number' ? i.value : null, score: i.score, weight: i.weight });
  }
}

@ObjectType('PatentValueDegree', { description: 'A dimension’s value degree (0–100) with the indicators it used.' })
export class PatentValueDegreeType {
  @Field(() => PatentValueDimensionGql) dimension!: PatentValueDimension;
  @Field(() => Float, { description: 'Σ weight × sub-score, rounded to 0.1.' }) degree!: number;
  @Field(() => Float, { description: 'Weight of this dimension in the overall degree.' }) weight!: number;
  @Field(() => [PatentValueIndicatorType]) indicators!: PatentValueIndicatorType[];

  static from(d: DimensionResult): PatentValueDegreeType {
    return Object.assign(new PatentValueDegreeType(), { dimension: d.dimension, degree: d.degree, weight: d.weight, indicators: d.indicators.map(PatentValueIndicatorType.from) });
  }
}

@ObjectType('PatentValue', { description: 'One patent of the enterprise valued under a patent value model (GB/T 42748-2023 dimensions).' })
export class PatentValueType {
  @Field(() => String, { description: 'CNIPA application number.' }) applicationNo!: string;
  @Field(() => String) title!: string;
  @Field(() => PatentKindGql) type!: PatentKind;
  @Field(() => PatentValueStatusGql) status!: PatentValueStatus;
  @Field(() => GraphQLLocalDate) filedOn!: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) grantedOn!: string | null;
  @Field(() => GraphQLLocalDate, { description: 'End of the statutory term.' }) termEnd!: string;
  @Field(() => Int, { description: 'Whole months of term left on the as-of date; 0 unless VALID.' }) remainingMonths!: number;
  @Field(() => PatentValueDegreeType) legal!: PatentValueDegreeType;
  @Field(() => PatentValueDegreeType) technical!: PatentValueDegreeType;
  @Field(() => PatentValueDegreeType) economic!: PatentValueDegreeType;
  @Field(() => Float, { description: 'Overall value degree 0–100: Σ dimension weight × degree, rounded to 0.1.' }) overall!: number;
  @Field(() => PatentValueGradeGql) grade!: PatentValueGrade;
  @Field(() => Boolean, { description: 'A valid invention patent with overall ≥ the model’s high-value threshold.' }) highValueInvention!: boolean;
  @Field(() => Boolean, { description: 'Valid, held, not under an active pledge, and at least the model’s minimum term left.' }) pledgeable!: boolean;

  static from(v: PatentValuation): PatentValueType {
    const f = v.facts;
    return Object.assign(new PatentValueType(), {
      applicationNo: f.applicationNo,
      title: f.title,
      type: f.type,
      status: f.status,
      filedOn: f.filedOn,
      grantedOn: f.grantedOn,
      termEnd: f.termEnd,
      remainingMonths: f.remainingMonths,
      legal: PatentValueDegreeType.from(v.legal),
      technical: PatentValueDegreeType.from(v.technical),
      economic: PatentValueDegreeType.from(v.economic),
      overall: v.overall,
      grade: v.grade,
      highValueInvention: v.highValueInvention,
      pledgeable: v.pledgeable,
    });
  }
}

export const PatentValueConnection = connectionType('PatentValue', PatentValueType);

@ObjectType('PatentValues', { description: 'The enterprise’s patents with their value degrees, or why they are not served to you.' })
export class PatentValuesResultType {
  @Field(() => PatentValueConnection, { nullable: true, description: 'Patents known on `asOf`, by application number. Null when `unavailableReason` is set.' })
  patents!: Connection<PatentValueType> | null;
  @Field(() => GraphQLLocalDate, { description: 'The date the patents were valued as of.' }) asOf!: string;
  @Field(() => PatentValueModelType, { nullable: true, description: 'The model in force on `asOf`.' }) model!: PatentValueModelType | null;
  @Field(() => PatentValueUnavailableReasonGql, { nullable: true }) unavailableReason!: PatentValueUnavailableReason | null;
  @Field(() => String, { nullable: true, description: 'The reason in words.' }) message!: string | null;
  @Field(() => [WithheldSectionType], { description: 'Withheld sections the values read (empty when served).' }) withheld!: WithheldSectionType[];
}

@ObjectType('PatentGradeCount')
export class PatentGradeCountType {
  @Field(() => PatentValueGradeGql) grade!: PatentValueGrade;
  @Field(() => Int) count!: number;
}

@ObjectType('PatentValueSummary', { description: 'The enterprise’s patent portfolio in figures (docs/patent-value.md defines each).' })
export class PatentValueSummaryType {
  @Field(() => Int, { description: 'Patents known on the as-of date, whatever their status.' }) totalPatents!: number;
  @Field(() => Int, { description: 'In force and held.' }) validPatents!: number;
  @Field(() => Int) validInventionPatents!: number;
  @Field(() => Int, { description: 'Valid invention patents with overall ≥ highValueThreshold.' }) highValueInventionPatents!: number;
  @Field(() => Float) highValueThreshold!: number;
  @Field(() => Float, { nullable: true, description: 'Mean overall degree of the valid patents; null without any.' }) meanValidOverall!: number | null;
  @Field(() => [PatentGradeCountType], { description: 'Valid patents per grade, every grade listed, best first.' }) validByGrade!: PatentGradeCountType[];
  @Field(() => Int, { description: 'Valid and held, no active pledge, ≥ pledgeableMinRemainingMonths of term left.' }) pledgeablePatents!: number;
  @Field(() => Int) pledgeableInventionPatents!: number;
  @Field(() => Float, { description: 'Σ overall degree of the pledgeable patents (degree points, not money), rounded to 0.1.' }) pledgeableValue!: number;
  @Field(() => Int) pledgeableMinRemainingMonths!: number;

  static from(s: PatentValueSummary): PatentValueSummaryType {
    return Object.assign(new PatentValueSummaryType(), { ...s, validByGrade: s.validByGrade.map((g) => Object.assign(new PatentGradeCountType(), g)) });
  }
}

@ObjectType('PatentValueSummaryResult', { description: 'The portfolio summary, or why it is not served to you.' })
export class PatentValueSummaryResultType {
  @Field(() => PatentValueSummaryType, { nullable: true, description: 'Null when `unavailableReason` is set.' }) summary!: PatentValueSummaryType | null;
  @Field(() => GraphQLLocalDate) asOf!: string;
  @Field(() => PatentValueModelType, { nullable: true }) model!: PatentValueModelType | null;
  @Field(() => PatentValueUnavailableReasonGql, { nullable: true }) unavailableReason!: PatentValueUnavailableReason | null;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => [WithheldSectionType]) withheld!: WithheldSectionType[];
}
