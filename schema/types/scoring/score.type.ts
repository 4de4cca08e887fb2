import { GraphQLDateTimeISO, GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { fieldByKey } from '../../../src/profile/catalog/catalog';
import { SCORE_GRADES } from '../../../src/scoring/store/score-models';
import type { StoredScore } from '../../../src/scoring/store/score-read.service';
import { SCORE_DIMENSIONS, type ScoreDimension } from '../../../src/scoring/scorecard/scorecard-model';
import type { DimensionScore, MissingCharacteristic, ScoreReason } from '../../../src/scoring/scorecard/score-profile';
import { connectionType } from '../../pagination/connection.type';
import { WithheldSectionType } from '../profile/profile-access.type';
import { valueText } from '../profile/profile-values';

export type ScoreStatus = StoredScore['status'];
export const ScoreStatusGql: { [K in ScoreStatus]: K } = { SCORED: 'SCORED', INSUFFICIENT_DATA: 'INSUFFICIENT_DATA' };
registerEnumType(ScoreStatusGql, {
  name: 'ScoreStatus',
  valuesConfig: {
    SCORED: { description: 'A score, grade and probability of default.' },
    INSUFFICIENT_DATA: { description: 'Too few characteristics with data, or a required one without: no number, `missing` lists what is missing.' },
  },
});

export const ScoreDimensionGql = Object.fromEntries(SCORE_DIMENSIONS.map((d) => [d, d])) as { [K in ScoreDimension]: K };
registerEnumType(ScoreDimensionGql, { name: 'ScoreDimension', description: 'A dimension of the scorecard: operations (utilities, age), tax, compliance, innovation, talent, financing behaviour.' });

export const ScoreGradeGql = Object.fromEntries(SCORE_GRADES.map((g) => [g, g])) as Record<string, string>;
registerEnumType(ScoreGradeGql, { name: 'ScoreGrade', description: 'A grade band of the scorecard, best first (see docs/scorecard.md).' });

export type ScoreUnavailableReason = 'SECTIONS_WITHHELD';
export const ScoreUnavailableReasonGql: { [K in ScoreUnavailableReason]: K } = { SECTIONS_WITHHELD: 'SECTIONS_WITHHELD' };
registerEnumType(ScoreUnavailableReasonGql, {
  name: 'ScoreUnavailableReason',
  valuesConfig: { SECTIONS_WITHHELD: { description: 'A profile section the scorecard reads is withheld from you; `withheld` lists them and why.' } },
});

@ObjectType('ScoreDimensionScore', { description: 'The points of one dimension of the scorecard.' })
export class ScoreDimensionScoreType {
  @Field(() => ScoreDimensionGql) dimension!: ScoreDimension;
  @Field(() => Int) points!: number;
  @Field(() => Int) maxPoints!: number;
  @Field(() => Float, { description: 'points / maxPoints, 4 decimal places.' }) share!: number;
  @Field(() => Int, { description: 'Characteristics of the dimension.' }) characteristics!: number;
  @Field(() => Int, { description: 'Characteristics of the dimension with data.' }) present!: number;

  static from(d: DimensionScore): ScoreDimensionScoreType {
    return Object.assign(new ScoreDimensionScoreType(), d);
  }
}

@ObjectType('ScoreReason', { description: 'A reason that lowered the score: the characteristic that lost the most points against its best bin.' })
export class ScoreReasonType {
  @Field(() => String, { description: 'Stable code, e.g. TAX_CREDIT_GRADE_C.' }) code!: string;
  @Field(() => String, { description: 'The reason in Chinese.' }) zh!: string;
  @Field(() => String, { description: 'The reason in English.' }) en!: string;
  @Field(() => String, { description: 'Catalog key of the field.' }) field!: string;
  @Field(() => String, { nullable: true, description: 'The value that fell into the bin, written as `fields` writes values; null: no data.' }) value!: string | null;
  @Field(() => Int) pointsLost!: number;

  static from(r: ScoreReason): ScoreReasonType {
    return Object.assign(new ScoreReasonType(), { code: r.code, zh: r.zh, en: r.en, field: r.field, value: valueText(fieldByKey(r.field)!, r.value), pointsLost: r.pointsLost });
  }
}

@ObjectType('ScoreMissingField', { description: 'A characteristic without data.' })
export class ScoreMissingFieldType {
  @Field(() => String, { description: 'Catalog key of the field.' }) field!: string;
  @Field(() => String) zh!: string;
  @Field(() => String) en!: string;
  @Field(() => ScoreDimensionGql) dimension!: ScoreDimension;
  @Field(() => Boolean, { description: 'Without it there is no score at all.' }) required!: boolean;

  static from(m: MissingCharacteristic): ScoreMissingFieldType {
    return Object.assign(new ScoreMissingFieldType(), m);
  }
}

@ObjectType('EnterpriseScore', { description: 'An explainable credit score of the enterprise profile (scorecard in docs/scorecard.md), or INSUFFICIENT_DATA with what is missing.' })
export class EnterpriseScoreType {
  @Field(() => ScoreStatusGql) status!: ScoreStatus;
  @Field(() => Int, { nullable: true, description: 'Points, 300–850; null for INSUFFICIENT_DATA.' }) score!: number | null;
  @Field(() => ScoreGradeGql, { nullable: true }) grade!: string | null;
  @Field(() => Float, { nullable: true, description: 'Probability of default implied by the score (1 / (1 + odds)).' }) probabilityOfDefault!: number | null;
  @Field(() => [ScoreDimensionScoreType], { description: 'Points per dimension (empty for INSUFFICIENT_DATA).' }) subScores!: ScoreDimensionScoreType[];
  @Field(() => [ScoreReasonType], { description: 'Up to 4 reasons that lowered the score, most points lost first.' }) reasons!: ScoreReasonType[];
  @Field(() => [ScoreMissingFieldType], { description: 'Characteristics without data (for INSUFFICIENT_DATA; empty otherwise).' }) missing!: ScoreMissingFieldType[];
  @Field(() => Int, { description: 'Characteristics with data.' }) present!: number;
  @Field(() => String, { description: 'The scorecard model version used, e.g. scorecard-2026.1.' }) modelVersion!: string;
  @Field(() => String, { description: 'sha256 of the model version and the values read: the same inputs always give the same hash.' }) inputHash!: string;
  @Field(() => GraphQLLocalDate, { description: 'As-of date of the profile scored.' }) asOf!: string;
  @Field(() => GraphQLDateTimeISO, { description: 'When the score was computed (for the current score: last recomputed).' }) computedAt!: Date;

  static from(s: StoredScore): EnterpriseScoreType {
    return Object.assign(new EnterpriseScoreType(), {
      status: s.status,
      score: s.score,
      grade: s.grade,
      probabilityOfDefault: s.probabilityOfDefault,
      subScores: s.subScores.map(ScoreDimensionScoreType.from),
      reasons: s.reasons.map(ScoreReasonType.from),
      missing: s.missing.map(ScoreMissingFieldType.from),
      present: s.present,
      modelVersion: s.modelVersion,
      inputHash: s.inputHash,
      asOf: s.asOf,
      computedAt: s.computedAt,
    });
  }
}

@ObjectType('EnterpriseScoreResult', { description: 'The current score, or why it is not served to you.' })
export class EnterpriseScoreResultType {
  @Field(() => EnterpriseScoreType, { nullable: true, description: 'Null when `unavailableReason` is set.' }) score!: EnterpriseScoreType | null;
  @Field(() => ScoreUnavailableReasonGql, { nullable: true }) unavailableReason!: ScoreUnavailableReason | null;
  @Field(() => String, { nullable: true, description: 'The reason in words.' }) message!: string | null;
  @Field(() => [WithheldSectionType], { description: 'The sections the scorecard reads that are withheld from you (empty when served).' }) withheld!: WithheldSectionType[];

  static served(s: EnterpriseScoreType): EnterpriseScoreResultType {
    return Object.assign(new EnterpriseScoreResultType(), { score: s, unavailableReason: null, message: null, withheld: [] });
  }

  static unavailable(reason: ScoreUnavailableReason, message: string, withheld: WithheldSectionType[]): EnterpriseScoreResultType {
    return Object.assign(new EnterpriseScoreResultType(), { score: null, unavailableReason: reason, message, withheld });
  }
}

export const EnterpriseScoreConnection = connectionType('EnterpriseScore', EnterpriseScoreType);
