import type { DataSource } from 'typeorm';
import { HubError } from '../errors/hub-error';
import { findInstitution } from './api-keys.service';
import { isPlatformRole, type Principal } from './principal';

/**
 * Which institution's consents or access-log rows a principal may list. Stewards and admins see every
 * institution's, optionally narrowed to one by code (null: all). An institution sees only its own:
 * the filter is applied whether it asks or not, and naming another institution is FORBIDDEN.
 */
export async function institutionScope(db: DataSource, principal: Principal, institutionCode: string | null | undefined): Promise<number | null> {
  const code = institutionCode?.trim() || null;
  if (isPlatformRole(principal.role)) return code === null ? null : Number((await findInstitution(db, code)).id);
  if (principal.institutionId === null) throw new HubError('FORBIDDEN', 'this INSTITUTION key belongs to no institution');
  if (code !== null && Number((await findInstitution(db, code)).id) !== principal.institutionId) {
    throw new HubError('FORBIDDEN', `institutionCode '${code}' is another institution: an INSTITUTION key sees only its own institution's records`, { details: { argument: 'institutionCode' } });
  }
  return principal.institutionId;
}
