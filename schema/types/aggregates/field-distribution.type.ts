import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { FieldDistribution } from '../../../src/aggregates/field-distribution.service';
import { fromSectionKey, ProfileSection } from '../access/profile-section.enum';

export enum NumericFieldType {
  INTEGER = 'INTEGER',
  DECIMAL = 'DECIMAL',
  MONEY = 'MONEY',
  RATIO = 'RATIO',
}
registerEnumType(NumericFieldType, {
  name: 'NumericFieldType',
  description: 'The catalog type of a numeric profile field.',
  valuesConfig: { MONEY: { description: 'Integer CNY fen (分): every statistic is in fen.' } },
});

@ObjectType('HistogramBin', { description: 'Values v with lower ≤ v < upper; the last bin also holds v = upper.' })
export class HistogramBinType {
  @Field(() => Float) lower!: number;
  @Field(() => Float) upper!: number;
  @Field(() => Int) count!: number;
}

@ObjectType('FieldDistribution', {
  description: 'Statistics of one numeric profile field over the enterprises matching a filter. Values are in the field’s unit (money in fen); all numbers are exact up to 2^53.',
})
export class FieldDistributionType {
  @Field(() => String, { description: 'Catalog key (snake_case).' }) key!: string;
  @Field(() => ProfileSection) section!: ProfileSection;
  @Field(() => NumericFieldType) type!: NumericFieldType;
  @Field(() => String, { nullable: true, description: 'Unit, e.g. "CNY fen", "months"; null when unitless.' }) unit!: string | null;
  @Field(() => Int, { description: 'Enterprises with a value.' }) count!: number;
  @Field(() => Int, { description: 'Enterprises without one (null: see the field’s nullMeans).' }) nulls!: number;
  @Field(() => Float, { nullable: true }) min!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;
  @Field(() => Float, { nullable: true }) mean!: number | null;
  @Field(() => Float, { nullable: true, description: 'Percentiles interpolate linearly between ranks (PERCENTILE_CONT).' }) p25!: number | null;
  @Field(() => Float, { nullable: true }) p50!: number | null;
  @Field(() => Float, { nullable: true }) p75!: number | null;
  @Field(() => Float, { nullable: true }) p90!: number | null;

  @Field(() => [HistogramBinType], {
    description:
      'Equal-width bins from min to max: integer and money fields get whole-number widths (at most `buckets` bins); decimal and ratio fields exactly `buckets` bins. Empty when there are no values.',
  })
  histogram!: HistogramBinType[];

  @Field(() => Boolean, {
    description: 'True when an institution asked about a consent-gated field and too few enterprises have a value to describe them without singling one out: only count and nulls are given.',
  })
  suppressed!: boolean;

  static from(d: FieldDistribution): FieldDistributionType {
    const { field, histogram, ...stats } = d;
    return Object.assign(new FieldDistributionType(), {
      ...stats,
      key: field.key,
      section: fromSectionKey(field.section),
      type: field.type.toUpperCase() as NumericFieldType,
      unit: field.unit,
      histogram: histogram.map((b) => Object.assign(new HistogramBinType(), b)),
    });
  }
}
