import { SECTIONS, type SectionKey } from '../profile/catalog/field.types';
import { isPlatformRole, type Principal } from './principal';

/** The registry section is public record (企业信用信息公示); every other section needs the enterprise's consent. */
export const PUBLIC_SECTIONS: readonly SectionKey[] = ['identity'];
export const GATED_SECTIONS: readonly SectionKey[] = SECTIONS.filter((s) => !PUBLIC_SECTIONS.includes(s));

/** Why an institution may read an enterprise's data. */
export const CONSENT_PURPOSES = ['credit_assessment', 'post_loan_monitoring', 'ip_pledge_valuation', 'talent_loan', 'subsidy_review'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** A consent as the rules read it. */
export interface ConsentGrant {
  id: number;
  uscc: string;
  institutionId: number;
  sections: readonly SectionKey[];
  purpose: ConsentPurpose;
  grantedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type WithheldReason = 'NO_CONSENT' | 'CONSENT_EXPIRED' | 'CONSENT_REVOKED' | 'NOT_IN_CONSENT_SCOPE';

export interface SectionAccess {
  visible: SectionKey[];
  withheld: Array<{ section: SectionKey; reason: WithheldReason; message: string }>;
  /** Purposes of the consents that opened visible sections; `public` when none did, `platform` for stewards. */
  purposes: string[];
}

/** Where a consent stands at a moment: in force from `grantedAt` (inclusive) to `expiresAt` (exclusive), unless revoked. */
export type ConsentStatus = 'IN_FORCE' | 'NOT_YET_IN_FORCE' | 'EXPIRED' | 'REVOKED';

export function consentStatus(c: Pick<ConsentGrant, 'grantedAt' | 'expiresAt' | 'revokedAt'>, at: Date): ConsentStatus {
  if (c.revokedAt !== null) return 'REVOKED';
  if (at < c.grantedAt) return 'NOT_YET_IN_FORCE';
  if (at >= c.expiresAt) return 'EXPIRED';
  return 'IN_FORCE';
}

const inForce = (c: ConsentGrant, at: Date): boolean => consentStatus(c, at) === 'IN_FORCE';

/**
 * Which sections of one enterprise's profile a principal may see at a moment, and for each withheld
 * section why: no consent at all, only expired or revoked ones, or consents that do not cover it.
 */
export function sectionAccess(principal: Principal, consents: readonly ConsentGrant[], at: Date): SectionAccess {
  if (isPlatformRole(principal.role)) return { visible: [...SECTIONS], withheld: [], purposes: ['platform'] };
  const own = consents.filter((c) => c.institutionId === principal.institutionId);
  const live = own.filter((c) => inForce(c, at));
  const visible = new Set<SectionKey>(PUBLIC_SECTIONS);
  const purposes = new Set<string>();
  for (const c of live) {
    for (const s of c.sections) {
      if (!visible.has(s)) purposes.add(c.purpose);
      visible.add(s);
    }
  }
  const withheld: SectionAccess['withheld'] = [];
  for (const section of GATED_SECTIONS) {
    if (visible.has(section)) continue;
    const covering = own.filter((c) => c.sections.includes(section));
    let reason: WithheldReason;
    if (own.length === 0) reason = 'NO_CONSENT';
    else if (covering.length === 0) reason = 'NOT_IN_CONSENT_SCOPE';
    else if (covering.every((c) => c.revokedAt !== null)) reason = 'CONSENT_REVOKED';
    else reason = 'CONSENT_EXPIRED';
    withheld.push({ section, reason, message: WITHHELD_MESSAGES[reason](section) });
  }
  return { visible: SECTIONS.filter((s) => visible.has(s)), withheld, purposes: purposes.size > 0 ? [...purposes].sort() : ['public'] };
}

const WITHHELD_MESSAGES: Record<WithheldReason, (section: SectionKey) => string> = {
  NO_CONSENT: (s) => `${s} is withheld: the enterprise has not granted your institution a consent`,
  CONSENT_EXPIRED: (s) => `${s} is withheld: your institution's consent covering it has expired or is not yet in force`,
  CONSENT_REVOKED: (s) => `${s} is withheld: the enterprise revoked your institution's consent covering it`,
  NOT_IN_CONSENT_SCOPE: (s) => `${s} is withheld: your institution's consents do not cover this section`,
};
