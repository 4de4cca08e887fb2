import { registerEnumType } from 'type-graphql';
import { FUNDING_GROUPS, type FundingGroup } from '../../../src/policy/funding-lines';
import { FUNDING_PARTIES, FUNDING_POLICIES, type FundingParty, type FundingPolicy } from '../../../src/policy/funding-policy.types';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const FundingPolicyGql = asEnum(FUNDING_POLICIES);
export type FundingPolicyGql = FundingPolicy;
registerEnumType(FundingPolicyGql, {
  name: 'FundingPolicy',
  description: 'A dated funding policy of the city (docs/risk-sharing.md).',
  valuesConfig: {
    SCI_TECH_RISK_POOL: { description: 'Four-party loss sharing of defaulted sci-tech loans (government / bank / guarantor / insurer).' },
    TALENT_LOAN_COMPENSATION: { description: 'Government compensation of talent-loan (人才贷) bad debts.' },
    INTEREST_SUBSIDY: { description: 'Government share of the interest paid on covered loans.' },
    INSURANCE_PREMIUM_SUBSIDY: { description: 'Government share of tech-insurance premiums. Listed, not applied: the hub records no premiums.' },
  },
});

export const FundingPartyGql = asEnum(FUNDING_PARTIES);
export type FundingPartyGql = FundingParty;
registerEnumType(FundingPartyGql, {
  name: 'FundingParty',
  description: 'Who bears a part of an amount. The order here breaks rounding ties: the first listed gets the odd fen.',
  valuesConfig: { ENTERPRISE: { description: 'The borrower: the part of its interest (or premium) no subsidy covers.' } },
});

export const FundingGroupGql = asEnum(FUNDING_GROUPS);
export type FundingGroupGql = FundingGroup;
registerEnumType(FundingGroupGql, {
  name: 'FundingTotalsGroup',
  description: 'What risk-sharing and subsidy totals are grouped by.',
  valuesConfig: {
    INSTITUTION: { description: 'The lending institution.' },
    PRODUCT: { description: 'The loan’s product.' },
    MONTH: { description: 'The month (YYYY-MM) of the event (default, recovery or repayment).' },
    PARTY: { description: 'One line per party, with its part.' },
    POLICY: { description: 'The policy applied.' },
  },
});
