import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import type { TotalsRow } from '../../../src/financing/financing-totals';
import { FinancingProductGql } from './financing-enums';

@ObjectType('FinancingTotals', { description: 'Sums (fen) and counts of recorded financing events in one group; the grouping fields not asked for are null.' })
export class FinancingTotalsType {
  @Field(() => FinancingProductGql, { nullable: true }) product!: FinancingProductGql | null;
  @Field(() => String, { nullable: true }) institutionCode!: string | null;
  @Field(() => String, { nullable: true }) institutionName!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM of the event dates.' }) month!: string | null;
  @Field(() => GraphQLSafeInt, { description: 'Sum over APPLICATION events.' }) appliedFen!: number;
  @Field(() => GraphQLSafeInt, { description: 'Sum over APPROVAL events.' }) approvedFen!: number;
  @Field(() => GraphQLSafeInt, { description: 'Sum over DISBURSEMENT events.' }) disbursedFen!: number;
  @Field(() => GraphQLSafeInt, { description: 'Sum over REPAYMENT events.' }) repaidFen!: number;
  @Field(() => GraphQLSafeInt, { description: 'Sum over RECOVERY events.' }) recoveredFen!: number;
  @Field(() => GraphQLSafeInt, { description: 'Outstanding at default, summed over DEFAULT events.' }) defaultedFen!: number;
  @Field(() => GraphQLSafeInt, { description: 'Written off, summed over SETTLEMENT events.' }) writtenOffFen!: number;
  @Field(() => Int) applications!: number;
  @Field(() => Int) approvals!: number;
  @Field(() => Int) rejections!: number;
  @Field(() => Int) disbursements!: number;
  @Field(() => Int) repayments!: number;
  @Field(() => Int) overdues!: number;
  @Field(() => Int) defaults!: number;
  @Field(() => Int) recoveries!: number;
  @Field(() => Int) settlements!: number;
  @Field(() => Int, { description: 'Events of any kind.' }) events!: number;
  @Field(() => Int, { description: 'Distinct cases with an event in the group.' }) cases!: number;

  static from(row: TotalsRow): FinancingTotalsType {
    const { institutionId: _id, ...rest } = row;
    return Object.assign(new FinancingTotalsType(), rest);
  }
}
