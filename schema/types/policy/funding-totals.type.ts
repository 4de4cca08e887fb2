import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import type { FundingLine } from '../../../src/policy/funding-lines';
import { FinancingProductGql } from '../financing/financing-enums';
import { FundingPolicyVersionType } from './funding-policy-version.type';
import { FundingPartyGql, FundingPolicyGql } from './funding-policy-enums';

@ObjectType('PartyAmount', { description: 'One party’s part, in fen.' })
export class PartyAmountType {
  @Field(() => FundingPartyGql) party!: FundingPartyGql;
  @Field(() => GraphQLSafeInt) amountFen!: number;
}

@ObjectType('FundingTotalsLine', { description: 'One group of risk-sharing or subsidy totals; the grouping fields not asked for are null. Amounts in fen.' })
export class FundingTotalsLineType {
  @Field(() => String, { nullable: true }) institutionCode!: string | null;
  @Field(() => String, { nullable: true }) institutionName!: string | null;
  @Field(() => FinancingProductGql, { nullable: true }) product!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM of the events.' }) month!: string | null;
  @Field(() => FundingPolicyGql, { nullable: true }) policy!: FundingPolicyGql | null;
  @Field(() => FundingPartyGql, { nullable: true }) party!: FundingPartyGql | null;
  @Field(() => GraphQLSafeInt, { description: 'Risk sharing: the net loss (defaults less recoveries). Subsidies: the interest paid. Grouped by PARTY: that party’s part. Always the sum of parts.' })
  amountFen!: number;
  @Field(() => [PartyAmountType], { description: 'amountFen split among the parties, each event by largest-remainder rounding so the parts sum exactly.' }) parts!: PartyAmountType[];
  @Field(() => Int, { description: 'Events counted (defaults and recoveries, or repayments).' }) events!: number;
  @Field(() => [FundingPolicyVersionType], { description: 'Every policy version applied to the line’s events.' }) policyVersions!: FundingPolicyVersionType[];

  static from(line: FundingLine): FundingTotalsLineType {
    return Object.assign(new FundingTotalsLineType(), {
      institutionCode: line.institutionCode,
      institutionName: line.institutionName,
      product: line.product,
      month: line.month,
      policy: line.policy,
      party: line.party,
      amountFen: line.amountFen,
      parts: line.parts.map((p) => Object.assign(new PartyAmountType(), p)),
      events: line.events,
      policyVersions: line.versions.map(FundingPolicyVersionType.from),
    });
  }
}

@ObjectType('SubsidyTotals', { description: 'Interest subsidies on repayments in a date range (the GOVERNMENT part of each line is the subsidy).' })
export class SubsidyTotalsType {
  @Field(() => [FundingTotalsLineType]) lines!: FundingTotalsLineType[];
  @Field(() => Int, { description: 'Repayments on covered loans with no annual rate recorded: their interest is unknown, so they are left out.' }) repaymentsWithoutRate!: number;
  @Field(() => [FundingPolicyGql], { description: 'Policies in the table that these totals cannot apply yet (INSURANCE_PREMIUM_SUBSIDY: no premiums are recorded).' })
  notApplied!: FundingPolicyGql[];
}
