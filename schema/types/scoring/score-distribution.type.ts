import { Field, Int, ObjectType } from 'type-graphql';
import type { GradeDistribution } from '../../../src/scoring/store/score-read.service';
import { ScoreGradeGql } from './score.type';

@ObjectType('ScoreGradeBucket')
export class ScoreGradeBucketType {
  @Field(() => ScoreGradeGql, { nullable: true, description: 'The grade; null for the enterprises with INSUFFICIENT_DATA.' }) grade!: string | null;
  @Field(() => Int) count!: number;
}

@ObjectType('ScoreGradeDistribution', { description: 'Current scores counted per grade.' })
export class ScoreGradeDistributionType {
  @Field(() => Int, { description: 'Enterprises with a current score record (scored or not).' }) total!: number;
  @Field(() => Int) scored!: number;
  @Field(() => Int) insufficientData!: number;
  @Field(() => [ScoreGradeBucketType], { description: 'Every grade, best first (zero counts included), then the INSUFFICIENT_DATA bucket (grade null).' })
  buckets!: ScoreGradeBucketType[];

  static from(d: GradeDistribution): ScoreGradeDistributionType {
    return Object.assign(new ScoreGradeDistributionType(), {
      total: d.total,
      scored: d.scored,
      insufficientData: d.insufficientData,
      buckets: d.buckets.map((b) => Object.assign(new ScoreGradeBucketType(), b)),
    });
  }
}
