import { allocate } from './allocate';
import { FUNDING_PARTIES, weightsOf, type FundingParty, type FundingPolicy, type FundingPolicyVersion } from './funding-policy.types';

export const FUNDING_GROUPS = ['INSTITUTION', 'PRODUCT', 'MONTH', 'PARTY', 'POLICY'] as const;
export type FundingGroup = (typeof FUNDING_GROUPS)[number];

/** One amount to split under one policy version, `count` times over (identical events allocate identically). */
export interface FundingItem {
  institutionId: number | null;
  institutionCode: string | null;
  institutionName: string | null;
  product: string | null;
  /** `YYYY-MM`. */
  month: string | null;
  version: FundingPolicyVersion;
  /** Fen; negative for money returned (a recovery after a shared loss). */
  amountFen: number;
  count: number;
}

export interface PartyAmount {
  party: FundingParty;
  amountFen: number;
}

/** One line of totals; the grouping fields not asked for are null. */
export interface FundingLine {
  institutionId: number | null;
  institutionCode: string | null;
  institutionName: string | null;
  product: string | null;
  month: string | null;
  policy: FundingPolicy | null;
  party: FundingParty | null;
  /** Σ parts: the whole amount, or the one party's part when grouped by PARTY. */
  amountFen: number;
  /** The split of amountFen among the parties with a share in any version used (one part when grouped by PARTY). */
  parts: PartyAmount[];
  /** Events (or repayments, for the interest subsidy) that contributed. */
  events: number;
  /** Every policy version applied to the line's events, by policy and version. */
  versions: FundingPolicyVersion[];
}

/**
 * Splits each item by its version's shares with `allocate` (so each event's parts sum exactly to its
 * amount, and therefore so do the lines') and sums the parts into lines grouped by `groupBy`, in a
 * stable order (institution code, product, month, policy, party order).
 */
export function fundingLines(items: readonly FundingItem[], groupBy: readonly FundingGroup[]): FundingLine[] {
  const groups = new Set(groupBy);
  interface Acc {
    line: Omit<FundingLine, 'amountFen' | 'parts' | 'versions'>;
    sums: Map<FundingParty, number>;
    versions: Map<number, FundingPolicyVersion>;
  }
  const lines = new Map<string, Acc>();
  for (const item of items) {
    const parts = allocate(item.amountFen, weightsOf(item.version.shares));
    const parties = FUNDING_PARTIES.map((party, i) => ({ party, amountFen: parts[i]! * item.count, share: item.version.shares[party] })).filter((p) => p.share > 0);
    const targets = groups.has('PARTY') ? parties.map((p) => [p]) : [parties];
    for (const target of targets) {
      const line = {
        institutionId: groups.has('INSTITUTION') ? item.institutionId : null,
        institutionCode: groups.has('INSTITUTION') ? item.institutionCode : null,
        institutionName: groups.has('INSTITUTION') ? item.institutionName : null,
        product: groups.has('PRODUCT') ? item.product : null,
        month: groups.has('MONTH') ? item.month : null,
        policy: groups.has('POLICY') ? item.version.policy : null,
        party: groups.has('PARTY') ? target[0]!.party : null,
        events: 0,
      };
      const key = JSON.stringify([line.institutionId, line.product, line.month, line.policy, line.party]);
      let acc = lines.get(key);
      if (!acc) lines.set(key, (acc = { line, sums: new Map(), versions: new Map() }));
      acc.line.events += item.count;
      acc.versions.set(item.version.id, item.version);
      for (const p of target) acc.sums.set(p.party, (acc.sums.get(p.party) ?? 0) + p.amountFen);
    }
  }
  const partyIndex = (p: FundingParty | null) => (p === null ? -1 : FUNDING_PARTIES.indexOf(p));
  const text = (s: string | null) => s ?? '';
  return [...lines.values()]
    .map(({ line, sums, versions }) => {
      const parts = FUNDING_PARTIES.filter((p) => sums.has(p)).map((party) => ({ party, amountFen: sums.get(party)! }));
      return {
        ...line,
        amountFen: parts.reduce((a, p) => a + p.amountFen, 0),
        parts,
        versions: [...versions.values()].sort((a, b) => a.policy.localeCompare(b.policy) || a.version - b.version),
      };
    })
    .sort(
      (a, b) =>
        text(a.institutionCode).localeCompare(text(b.institutionCode)) ||
        text(a.product).localeCompare(text(b.product)) ||
        text(a.month).localeCompare(text(b.month)) ||
        text(a.policy).localeCompare(text(b.policy)) ||
        partyIndex(a.party) - partyIndex(b.party),
    );
}
