import type { AddressAgreement } from './address-key';

/**
 * How a raw record stands: linked to an enterprise (`resolved`), waiting for a steward because
 * several enterprises fit or only near matches do (`ambiguous`), fitting nobody known (`unmatched`),
 * or decided by a steward to belong to no registered enterprise (`nobody`).
 */
export const LINK_STATUSES = ['resolved', 'ambiguous', 'unmatched', 'nobody'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];
/** Statuses of records that wait on a resolution case. */
export const WAITING_STATUSES: readonly LinkStatus[] = ['ambiguous', 'unmatched'];

/** How a link was made. */
export const LINK_METHODS = [
  'uscc',
  'legacy_taxpayer_id',
  'name',
  'former_name',
  'name_address',
  'via_account',
  'via_patent',
  'steward',
] as const;
export type LinkMethod = (typeof LINK_METHODS)[number];

/**
 * What a resolution case is about, one case per (kind, identifier): a market-regulation USCC that
 * does not validate, a taxpayer id, a utility account number, a patent applicant's name key, or a
 * patent's application number (when legal events arrive for a patent the hub has not received).
 */
export const CASE_KINDS = ['uscc', 'taxpayer_id', 'utility_account', 'patent_applicant', 'patent'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/**
 * A case is `ambiguous` when stewards have candidates to choose from (several exact fits, or only
 * near fits above the threshold): that is the work queue. It is `unmatched` when nothing known comes
 * close — typically a university, an outside firm or a record whose parent never arrived — so it is
 * kept visible with its waiting records without crowding the queue. `decided` carries a steward's
 * answer (a USCC, or nobody); `settled` means the identifier later resolved by itself.
 */
export const CASE_STATUSES = ['ambiguous', 'unmatched', 'decided', 'settled'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['ambiguous', 'unmatched'];

/** One enterprise a steward could choose for a case, with why it is there. */
export interface Candidate {
  uscc: string;
  /** The registered name that fits (current or former). */
  name: string;
  /** Which of the enterprise's identifiers fit: a current or former name, or the legacy taxpayer id. */
  matchedOn: 'current_name' | 'former_name' | 'legacy_taxpayer_id';
  /** 1 for an exact name key (or id), otherwise the near-match similarity of the name keys. */
  nameScore: number;
  /** Whether the record's address agrees with a registered address; null when the record has none. */
  address: AddressAgreement | null;
  /** 0.8 × nameScore + 0.2 × address weight (exact 1, district 0.5), rounded to 3 places. */
  score: number;
}

export interface ResolutionOutcome {
  /** USCCs whose linked records, or their contents, changed: the profiles to recompute. */
  touched: string[];
}
