import type { District } from './jinan.data';
import type { IndustryClass } from './industries.data';

export type EntityType = 'limited_company' | 'joint_stock' | 'sole_proprietorship' | 'partnership' | 'individual_business';
export type RegistrationStatus = 'active' | 'revoked' | 'cancelled' | 'moved_out';
export type ChangeItem =
  | 'name'
  | 'legal_representative'
  | 'registered_capital'
  | 'address'
  | 'business_scope'
  | 'shareholder'
  | 'status';
export type Tag = 'high_tech_enterprise' | 'tech_sme' | 'specialized_sme';

/** The registered facts of an enterprise as of one registry version. */
export interface RegistryState {
  readonly name: string;
  readonly legalRepresentative: string;
  /** Registered capital in whole yuan (served in 10,000 yuan with four places). */
  readonly capitalYuan: number;
  readonly paidInYuan: number;
  readonly address: string;
  readonly district: District;
  readonly scope: string;
  readonly status: RegistrationStatus;
  readonly tags: readonly Tag[];
  /** When this state was approved (establishment, or the change that produced it). */
  readonly approvedAt: number;
}

/**
 * Something that produced a new registry version: a registered change (also served in `changes`)
 * or a certification that only updates `tags`.
 */
export interface RegistryEvent {
  readonly at: number;
  readonly item: ChangeItem | 'tags';
  /** Position among the enterprise's `changes` records, −1 for tag certifications. */
  readonly changeIndex: number;
}

/** How a company name is built, so variants (twins, renames, utility spellings) can be derived. */
export interface NameParts {
  readonly trade: string;
  readonly wordIndex: number;
  /** 0 济南…, 1 山东…, 2 …（济南）…, 3 …（山东）… */
  readonly format: number;
  readonly longForm: boolean;
}

export interface Economics {
  /** Steady annual revenue in yuan at the sandbox start, before growth, season and noise. */
  readonly baseAnnualYuan: number;
  readonly growth: number;
  readonly seasonAmplitude: number;
  readonly seasonPhase: number;
  readonly margin: number;
  /** Share of output VAT offset by input VAT (general taxpayers). */
  readonly inputShare: number;
  readonly smallScaleVat: boolean;
  /** Revenue per employee per year, yuan. */
  readonly productivity: number;
  readonly insuredShare: number;
  /** R&D expense as a share of revenue; 0 when the firm does no R&D. */
  readonly rdIntensity: number;
  readonly rdStaffShare: number;
  readonly assetTurnover: number;
  /** Patent filings per year. */
  readonly patentRate: number;
}

export interface Enterprise {
  readonly index: number;
  readonly uscc: string;
  /** Positions 9–17 of the USCC (GB 11714 organisation code). */
  readonly orgCode: string;
  /** The USCC, or for a few pre-2015 firms the legacy 15-character id (area code + organisation code). */
  readonly taxpayerId: string;
  readonly entityType: EntityType;
  readonly establishedAt: number;
  /** CST month of establishment (`year * 12 + month0`). */
  readonly establishedMonth: number;
  readonly industry: IndustryClass;
  readonly nameParts: NameParts;
  /** Enterprise whose 字号 this one shares (a deliberate near-duplicate), or null. */
  readonly twinOf: number | null;
  /** Registered names in order; a second entry means the name changed at `nameChangedAt`. */
  readonly names: readonly string[];
  readonly nameChangedAt: number | null;
  readonly events: readonly RegistryEvent[];
  /** `registry[k]` is the state after the first k events; `registry[0]` at establishment. */
  readonly registry: readonly RegistryState[];
  /** Shareholder change: the index of the holder who leaves, and when. */
  readonly shareholderChangeAt: number | null;
  readonly capitalChangeAts: readonly number[];
  /** When the firm stopped (revoked, cancelled, moved out), or null. */
  readonly endAt: number | null;
  /** From when the firm has no revenue (still registered), or null. */
  readonly dormantAt: number | null;
  readonly highTechAt: number | null;
  readonly economics: Economics;
  /** Hidden: standard-normal latent risk that drives every adverse signal. */
  readonly latentRisk: number;
  /** Hidden outcome: defaults within a year after the start. */
  readonly defaulted: boolean;
  readonly defaultAt: number | null;
  /** Event counts for the records drawn per enterprise. */
  readonly penaltyCount: number;
  readonly arrearCount: number;
  readonly patentCount: number;
}
