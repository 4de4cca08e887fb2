import { sectionAccess, type ConsentGrant, type SectionAccess } from '../../access/consent-rules';
import type { Principal } from '../../access/principal';
import type { SectionKey } from '../catalog/field.types';

/** What a principal may see of one enterprise, with the consents that decided it. */
export interface EnterpriseAccess {
  uscc: string;
  access: SectionAccess;
  /** The principal's own institution's consents for the enterprise (none for platform roles). */
  consents: readonly ConsentGrant[];
  /** The instant the access was decided at. */
  at: Date;
}

/**
 * The purposes to log for serving `served`: those of the principal's consents in force that cover a
 * served section; `public` when none did (only the registry section was served), `platform` for
 * stewards and admins. The consent rules decide which consents are in force.
 */
export function purposesOf(principal: Principal, access: EnterpriseAccess, served: readonly SectionKey[]): string[] {
  const covering = access.consents.filter((c) => c.sections.some((s) => served.includes(s)));
  return sectionAccess(principal, covering, access.at).purposes;
}

export function decideAccess(principal: Principal, uscc: string, consents: readonly ConsentGrant[], at: Date): EnterpriseAccess {
  return { uscc, access: sectionAccess(principal, consents, at), consents, at };
}
