import { GraphQLDateTimeISO, GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { FUNDING_PARTIES, type FundingPolicyVersion } from '../../../src/policy/funding-policy.types';
import { FinancingProductGql } from '../financing/financing-enums';
import { connectionType } from '../../pagination/connection.type';
import { FundingPartyGql, FundingPolicyGql } from './funding-policy-enums';

@ObjectType('PartyShare', { description: 'One party’s share of an amount under a policy version, in basis points (10,000 = 100 %).' })
export class PartyShareType {
  @Field(() => FundingPartyGql) party!: FundingPartyGql;
  @Field(() => Int) bp!: number;
}

@ObjectType('FundingPolicyVersion', { description: 'One dated version of a funding policy; in force from effectiveFrom until the next version of the same policy starts. Versions are never edited.' })
export class FundingPolicyVersionType {
  @Field(() => ID) id!: string;
  @Field(() => FundingPolicyGql) policy!: FundingPolicyGql;
  @Field(() => Int, { description: '1, 2, … per policy.' }) version!: number;
  @Field(() => GraphQLLocalDate) effectiveFrom!: string;
  @Field(() => [PartyShareType], { description: 'The parties with a non-zero share; the shares sum to 10,000.' }) shares!: PartyShareType[];
  @Field(() => [FinancingProductGql], { description: 'Financing products the version covers (none for the premium subsidy).' }) products!: string[];
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String, { description: 'The API key that added it (`migration` for the seeded versions).' }) createdBy!: string;
  @Field(() => GraphQLDateTimeISO) createdAt!: Date;

  static from(v: FundingPolicyVersion): FundingPolicyVersionType {
    return Object.assign(new FundingPolicyVersionType(), {
      id: String(v.id),
      policy: v.policy,
      version: v.version,
      effectiveFrom: v.effectiveFrom,
      shares: FUNDING_PARTIES.filter((p) => v.shares[p] > 0).map((party) => Object.assign(new PartyShareType(), { party, bp: v.shares[party] })),
      products: v.products,
      note: v.note,
      createdBy: v.createdBy,
      createdAt: v.createdAt,
    });
  }
}

export const FundingPolicyVersionConnection = connectionType('FundingPolicyVersion', FundingPolicyVersionType);
