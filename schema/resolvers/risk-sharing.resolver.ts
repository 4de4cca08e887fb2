import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { HubError } from '../../src/errors/hub-error';
import { addPolicyVersion, policyVersionPage } from '../../src/policy/funding-policy.service';
import { riskSharingTotals, type FundingTotalsQuery } from '../../src/policy/risk-sharing.service';
import { subsidyTotals } from '../../src/policy/subsidy.service';
import { requirePrincipal } from '../auth/require-principal';
import type { GraphqlContext } from '../context';
import { toConnection, type Connection } from '../pagination/connection.type';
import { decodeCursor, encodeCursor, pageSize } from '../pagination/page-args';
import { FinancingProductGql } from '../types/financing/financing-enums';
import { FundingGroupGql, FundingPolicyGql } from '../types/policy/funding-policy-enums';
import { AddFundingPolicyVersionInput } from '../types/policy/funding-policy-inputs';
import { FundingPolicyVersionConnection, FundingPolicyVersionType } from '../types/policy/funding-policy-version.type';
import { FundingTotalsLineType, SubsidyTotalsType } from '../types/policy/funding-totals.type';

const VERSIONS_CURSOR = 'funding-policy-versions';

function rangeOf(groupBy: FundingGroupGql[], from: string, to: string, product: string | null): FundingTotalsQuery {
  if (from > to) throw new HubError('BAD_USER_INPUT', `from (${from}) must not be after to (${to})`, { details: { argument: 'from' } });
  return { groupBy, from, to, product };
}

/**
 * Risk sharing and subsidies under dated funding policies (src/policy): the policy versions, adding
 * one (ADMIN), and totals over recorded financing events. An INSTITUTION key's totals cover its own
 * institution's loans only.
 */
@Resolver()
export class RiskSharingResolver {
  @Authorized()
  @Query(() => FundingPolicyVersionConnection, { description: 'Versions of the funding policies in the order they were added, optionally of one policy. Any key.' })
  async fundingPolicyVersions(
    @Ctx() { runtime }: GraphqlContext,
    @Arg('policy', () => FundingPolicyGql, { nullable: true }) policy: FundingPolicyGql | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
  ): Promise<Connection<FundingPolicyVersionType>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(VERSIONS_CURSOR, after, 1);
    if (cursor !== null && (typeof cursor[0] !== 'number' || !Number.isSafeInteger(cursor[0]))) {
      throw new HubError('BAD_USER_INPUT', `after is not a cursor of this list (${VERSIONS_CURSOR})`, { details: { argument: 'after' } });
    }
    const page = await policyVersionPage(runtime.db, policy ?? null, limit + 1, cursor === null ? null : (cursor[0] as number));
    return toConnection(page.rows.map(FundingPolicyVersionType.from), limit, page.total, (v) => encodeCursor(VERSIONS_CURSOR, [Number(v.id)]));
  }

  @Authorized('ADMIN')
  @Mutation(() => FundingPolicyVersionType, {
    description:
      'Adds a version of a funding policy in force from effectiveFrom (ADMIN keys). Earlier versions are never changed: effectiveFrom must be after the policy’s latest version’s (else CONFLICT); shares must sum to 10,000 basis points (else BAD_USER_INPUT).',
  })
  async addFundingPolicyVersion(@Ctx() ctx: GraphqlContext, @Arg('input', () => AddFundingPolicyVersionInput) input: AddFundingPolicyVersionInput): Promise<FundingPolicyVersionType> {
    const version = await addPolicyVersion(ctx.runtime.db, requirePrincipal(ctx), {
      policy: input.policy,
      effectiveFrom: input.effectiveFrom,
      shares: { GOVERNMENT: input.governmentBp, BANK: input.bankBp, GUARANTOR: input.guarantorBp, INSURER: input.insurerBp, ENTERPRISE: input.enterpriseBp },
      products: input.products,
      note: input.note ?? null,
    });
    return FundingPolicyVersionType.from(version);
  }

  @Authorized()
  @Query(() => [FundingTotalsLineType], {
    description:
      'How the losses of defaulted loans (DEFAULT less later RECOVERY events dated from `from` to `to`) are shared under SCI_TECH_RISK_POOL and TALENT_LOAN_COMPENSATION, in fen, grouped as asked; each line names the policy versions applied. Any key; an INSTITUTION key sees its own institution’s loans only.',
  })
  async riskSharingTotals(
    @Ctx() ctx: GraphqlContext,
    @Arg('groupBy', () => [FundingGroupGql], { defaultValue: [] }) groupBy: FundingGroupGql[],
    @Arg('from', () => GraphQLLocalDate) from: string,
    @Arg('to', () => GraphQLLocalDate) to: string,
    @Arg('product', () => FinancingProductGql, { nullable: true }) product: string | null,
  ): Promise<FundingTotalsLineType[]> {
    const lines = await riskSharingTotals(ctx.runtime.db, requirePrincipal(ctx), rangeOf(groupBy, from, to, product ?? null));
    return lines.map(FundingTotalsLineType.from);
  }

  @Authorized()
  @Query(() => SubsidyTotalsType, {
    description:
      'Interest subsidies on repayments dated from `from` to `to`: the interest each repayment paid (derived from the loan’s rate, balance and days, see docs/risk-sharing.md) split GOVERNMENT / ENTERPRISE under INTEREST_SUBSIDY. Any key; an INSTITUTION key sees its own institution’s loans only.',
  })
  async subsidyTotals(
    @Ctx() ctx: GraphqlContext,
    @Arg('groupBy', () => [FundingGroupGql], { defaultValue: [] }) groupBy: FundingGroupGql[],
    @Arg('from', () => GraphQLLocalDate) from: string,
    @Arg('to', () => GraphQLLocalDate) to: string,
    @Arg('product', () => FinancingProductGql, { nullable: true }) product: string | null,
  ): Promise<SubsidyTotalsType> {
    const totals = await subsidyTotals(ctx.runtime.db, requirePrincipal(ctx), rangeOf(groupBy, from, to, product ?? null));
    return Object.assign(new SubsidyTotalsType(), { lines: totals.lines.map(FundingTotalsLineType.from), repaymentsWithoutRate: totals.repaymentsWithoutRate, notApplied: ['INSURANCE_PREMIUM_SUBSIDY'] });
  }
}
