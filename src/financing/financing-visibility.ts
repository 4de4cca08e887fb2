import type { DataSource } from 'typeorm';
import { consentsOf } from '../access/consent.service';
import { sectionAccess } from '../access/consent-rules';
import { isPlatformRole, type Principal } from '../access/principal';

/** What a principal may see of one enterprise's financing history. */
export interface FinancingView {
  /** Every institution's cases (true), or only the principal's own institution's (false). */
  all: boolean;
  /**
   * Why other institutions' cases are served: the purposes of the consents that open the financing
   * section, or `platform` for stewards and admins; empty when only own cases are served.
   */
  purposes: string[];
}

/**
 * Financing visibility for many enterprises at once (one statement for the consents, none for
 * platform roles). An institution always sees the cases it recorded itself; another institution's
 * cases only where the enterprise's consent in force opens the `financing` section to it.
 */
export async function financingViews(db: DataSource, principal: Principal, usccs: readonly string[], at: Date = new Date()): Promise<Map<string, FinancingView>> {
  if (isPlatformRole(principal.role)) return new Map(usccs.map((u) => [u, { all: true, purposes: ['platform'] }]));
  if (principal.institutionId === null) return new Map(usccs.map((u) => [u, { all: false, purposes: [] }]));
  const consents = await consentsOf(db, usccs, principal.institutionId);
  const out = new Map<string, FinancingView>();
  for (const uscc of usccs) {
    // Only consents covering financing, so that the purposes are the ones that open this section.
    const covering = (consents.get(uscc) ?? []).filter((c) => c.sections.includes('financing'));
    const access = sectionAccess(principal, covering, at);
    out.set(uscc, access.visible.includes('financing') ? { all: true, purposes: access.purposes } : { all: false, purposes: [] });
  }
  return out;
}
