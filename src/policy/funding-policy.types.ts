/**
 * The vocabulary of the city's funding policies: which policies there are, which parties share an
 * amount under them, and one dated version of a policy. Rates are basis points of 10,000.
 */
export const FUNDING_POLICIES = ['SCI_TECH_RISK_POOL', 'TALENT_LOAN_COMPENSATION', 'INTEREST_SUBSIDY', 'INSURANCE_PREMIUM_SUBSIDY'] as const;
export type FundingPolicy = (typeof FUNDING_POLICIES)[number];

/** Policies that share the loss of a defaulted loan; a product may be covered by at most one of them at a time. */
export const LOSS_POLICIES: readonly FundingPolicy[] = ['SCI_TECH_RISK_POOL', 'TALENT_LOAN_COMPENSATION'];

/**
 * The parties an amount is split between, in the order that also breaks ties of the largest-remainder
 * rounding (the first listed gets the odd fen). ENTERPRISE is the borrower: the part of its interest
 * or premium that no subsidy covers.
 */
export const FUNDING_PARTIES = ['GOVERNMENT', 'BANK', 'GUARANTOR', 'INSURER', 'ENTERPRISE'] as const;
export type FundingParty = (typeof FUNDING_PARTIES)[number];

export type PartyShares = Readonly<Record<FundingParty, number>>;

/** The whole of an amount in basis points: the shares of a version sum to exactly this. */
export const WHOLE_BP = 10_000;

export interface FundingPolicyVersion {
  id: number;
  policy: FundingPolicy;
  /** 1, 2, … per policy, in order of effective date. */
  version: number;
  /** `YYYY-MM-DD`: in force from this day until the day before the next version's. */
  effectiveFrom: string;
  /** Each party's share in basis points; they sum to 10,000. */
  shares: PartyShares;
  /** The financing products the version applies to (empty for the premium subsidy: premiums are not loans). */
  products: string[];
  note: string | null;
  createdBy: string;
  createdAt: Date;
}

/** Shares in FUNDING_PARTIES order, as weights for `allocate`. */
export const weightsOf = (shares: PartyShares): number[] => FUNDING_PARTIES.map((p) => shares[p]);

/**
 * The version of one policy in force on `date`: the one with the latest effective date on or before
 * it, or null when the policy did not yet exist. `versions` may hold any policies, in any order.
 */
export function versionInForce<V extends Pick<FundingPolicyVersion, 'policy' | 'effectiveFrom'>>(versions: readonly V[], policy: FundingPolicy, date: string): V | null {
  let best: V | null = null;
  for (const v of versions) {
    if (v.policy === policy && v.effectiveFrom <= date && (best === null || v.effectiveFrom > best.effectiveFrom)) best = v;
  }
  return best;
}
