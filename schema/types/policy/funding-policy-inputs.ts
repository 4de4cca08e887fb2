import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { FinancingProductGql } from '../financing/financing-enums';
import { FundingPolicyGql } from './funding-policy-enums';

@InputType('AddFundingPolicyVersionInput', { description: 'A new version of a policy, in force from effectiveFrom. Shares in basis points; they must sum to 10,000.' })
export class AddFundingPolicyVersionInput {
  @Field(() => FundingPolicyGql) policy!: FundingPolicyGql;
  @Field(() => GraphQLLocalDate, { description: 'Strictly after the policy’s latest version’s effectiveFrom (history is never rewritten); past dates allowed, at most 5 years ahead.' })
  effectiveFrom!: string;
  @Field(() => Int, { defaultValue: 0 }) governmentBp!: number;
  @Field(() => Int, { defaultValue: 0 }) bankBp!: number;
  @Field(() => Int, { defaultValue: 0 }) guarantorBp!: number;
  @Field(() => Int, { defaultValue: 0 }) insurerBp!: number;
  @Field(() => Int, { defaultValue: 0, description: 'The borrower’s own part (subsidies: what the subsidy does not cover).' }) enterpriseBp!: number;
  @Field(() => [FinancingProductGql], { description: 'Products covered; none for INSURANCE_PREMIUM_SUBSIDY.' }) products!: string[];
  @Field(() => String, { nullable: true, description: 'Up to 500 characters, e.g. the policy document.' }) note?: string | null;
}
