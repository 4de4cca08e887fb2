import { ADDRESS_SCORE, addressAgreement, type AddressAgreement } from './address-key';
import { nameSimilarity } from './name-similarity';
import type { Candidate, LinkMethod } from './resolution.types';

/** A registered name of an enterprise, as `enterprise_name` holds it. */
export interface NameRow {
  uscc: string;
  nameKey: string;
  name: string;
  kind: 'current' | 'former';
  /** `YYYY-MM-DD`, inclusive; null when unknown. */
  validFrom: string | null;
  /** `YYYY-MM-DD`, inclusive (the day of the change); null for the current name. */
  validTo: string | null;
}

/** What a record says about who it belongs to. */
export interface NameProbe {
  key: string;
  /** Dates on which the name was written down (an account's opening, a patent's filing). */
  dates: readonly string[];
  /** The address on the record, or null when the record has none. */
  address: string | null;
}

export type NameMatch =
  | { outcome: 'match'; uscc: string; method: Extract<LinkMethod, 'name' | 'former_name' | 'name_address'>; score: number; candidates: Candidate[] }
  | { outcome: 'ambiguous'; candidates: Candidate[] }
  | { outcome: 'unmatched'; candidates: Candidate[] };

export interface MatchOptions {
  /**
   * Least similarity for a near (non-exact) name to be shown as a candidate (default 0.7). Below it
   * a name counts as unknown to the registry. Near candidates are never linked without a steward.
   */
  nearThreshold?: number;
  /** Most candidates kept on a case (default 8), best first. */
  maxCandidates?: number;
}

export const DEFAULT_NEAR_THRESHOLD = 0.7;
const DEFAULT_MAX_CANDIDATES = 8;

/** A candidate's score: mostly the name, the address as a tie-breaker and confirmation. */
export function candidateScore(nameScore: number, address: AddressAgreement | null): number {
  return round3(0.8 * nameScore + 0.2 * (address === null ? 0 : ADDRESS_SCORE[address]));
}

/**
 * Decides which enterprise a name belongs to, never by guessing:
 * 1. exactly one enterprise has (or had) the name key → that one (`name` / `former_name`);
 * 2. several do → those whose name was in force on the record's dates; if that leaves one, it is the
 *    match unless another candidate's registered address agrees exactly where its own does not;
 *    otherwise the one whose address agrees exactly, if only one does (`name_address`);
 * 3. still several → `ambiguous`, with all of them as candidates;
 * 4. none exact → near names above the threshold make an `ambiguous` case, nothing → `unmatched`.
 *
 * `exact` are the rows whose key equals the probe's, `near` any rows retrieved for near matching
 * (exact ones among them are ignored); `addresses` gives an enterprise's registered addresses.
 */
export function matchName(
  probe: NameProbe,
  exact: readonly NameRow[],
  near: readonly NameRow[],
  addresses: (uscc: string) => readonly string[],
  options: MatchOptions = {},
): NameMatch {
  const max = options.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
  const agreement = (uscc: string): AddressAgreement | null => (probe.address === null ? null : addressAgreement(probe.address, addresses(uscc)));

  const byEnterprise = groupBy(exact.filter((r) => r.nameKey === probe.key), (r) => r.uscc);
  if (byEnterprise.size > 0) {
    const groups = [...byEnterprise.entries()].map(([uscc, rows]) => {
      const dated = rows.filter((r) => probe.dates.some((d) => validAt(r, d)));
      const row = best(dated.length > 0 ? dated : rows);
      const address = agreement(uscc);
      return { uscc, row, dated: dated.length > 0, address, candidate: toCandidate(row, 1, address) };
    });
    const candidates = sortCandidates(groups.map((g) => g.candidate)).slice(0, max);
    const methodOf = (row: NameRow) => (row.kind === 'current' ? 'name' : 'former_name') as 'name' | 'former_name';
    if (groups.length === 1) {
      const g = groups[0]!;
      return { outcome: 'match', uscc: g.uscc, method: methodOf(g.row), score: g.candidate.score, candidates };
    }
    const dated = groups.filter((g) => g.dated);
    const pool = dated.length > 0 ? dated : groups;
    if (pool.length === 1) {
      const g = pool[0]!;
      const contradicted = g.address !== 'exact' && groups.some((o) => o !== g && o.address === 'exact');
      if (!contradicted) return { outcome: 'match', uscc: g.uscc, method: methodOf(g.row), score: g.candidate.score, candidates };
      return { outcome: 'ambiguous', candidates };
    }
    const atAddress = pool.filter((g) => g.address === 'exact');
    if (atAddress.length === 1) {
      const g = atAddress[0]!;
      return { outcome: 'match', uscc: g.uscc, method: 'name_address', score: g.candidate.score, candidates };
    }
    return { outcome: 'ambiguous', candidates };
  }

  const threshold = options.nearThreshold ?? DEFAULT_NEAR_THRESHOLD;
  const nearBy = new Map<string, { row: NameRow; similarity: number }>();
  for (const row of near) {
    if (row.nameKey === probe.key) continue;
    const similarity = nameSimilarity(probe.key, row.nameKey);
    if (similarity < threshold) continue;
    const seen = nearBy.get(row.uscc);
    if (!seen || similarity > seen.similarity || (similarity === seen.similarity && row.kind === 'current')) nearBy.set(row.uscc, { row, similarity });
  }
  if (nearBy.size === 0) return { outcome: 'unmatched', candidates: [] };
  const candidates = [...nearBy.entries()].map(([uscc, { row, similarity }]) => toCandidate(row, round3(similarity), agreement(uscc)));
  return { outcome: 'ambiguous', candidates: sortCandidates(candidates).slice(0, max) };
}

/** One patent applicant's verdict, in filing order. */
export type ApplicantVerdict =
  | { key: string; result: 'match'; uscc: string; method: LinkMethod; score: number }
  | { key: string; result: 'nobody' | 'ambiguous' | 'unmatched' };

export type PatentVerdict =
  | { status: 'resolved'; uscc: string; method: LinkMethod; score: number; key: string }
  | { status: 'nobody' | 'ambiguous' | 'unmatched'; key: string };

/**
 * A patent belongs to the registered enterprise among its applicants: the first applicant (in
 * filing order, the primary applicant) that resolves. Co-applicants that are universities or
 * outside firms do not hold it up. With none resolved, the patent waits on the first ambiguous
 * applicant, else the first unmatched one; when stewards said "nobody" for every applicant, it
 * belongs to nobody.
 */
export function combineApplicants(verdicts: readonly ApplicantVerdict[]): PatentVerdict {
  if (verdicts.length === 0) throw new RangeError('a patent has at least one applicant');
  const matched = verdicts.find((v) => v.result === 'match');
  if (matched && matched.result === 'match') return { status: 'resolved', uscc: matched.uscc, method: matched.method, score: matched.score, key: matched.key };
  for (const status of ['ambiguous', 'unmatched'] as const) {
    const waiting = verdicts.find((v) => v.result === status);
    if (waiting) return { status, key: waiting.key };
  }
  return { status: 'nobody', key: verdicts[0]!.key };
}

export function validAt(row: NameRow, date: string): boolean {
  return (row.validFrom === null || row.validFrom <= date) && (row.validTo === null || date <= row.validTo);
}

function best(rows: readonly NameRow[]): NameRow {
  return rows.find((r) => r.kind === 'current') ?? rows[0]!;
}

function toCandidate(row: NameRow, nameScore: number, address: AddressAgreement | null): Candidate {
  return {
    uscc: row.uscc,
    name: row.name,
    matchedOn: row.kind === 'current' ? 'current_name' : 'former_name',
    nameScore,
    address,
    score: candidateScore(nameScore, address),
  };
}

export function sortCandidates(candidates: Candidate[]): Candidate[] {
  return candidates.sort((a, b) => b.score - a.score || (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
