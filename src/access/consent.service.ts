import { In, type DataSource } from 'typeorm';
import { validateUscc } from '../domain/uscc';
import { HubError } from '../errors/hub-error';
import { SECTIONS, type SectionKey } from '../profile/catalog/field.types';
import { ConsentEntity } from './consent.entity';
import { CONSENT_PURPOSES, GATED_SECTIONS, type ConsentGrant, type ConsentPurpose } from './consent-rules';
import { findInstitution } from './api-keys.service';
import type { Principal } from './principal';

export interface GrantConsentInput {
  uscc: string;
  institutionCode: string;
  /** Gated sections the consent opens; empty or absent: all of them. */
  sections?: readonly string[] | null;
  purpose: string;
  grantedAt?: Date;
  expiresAt: Date;
}

export const toGrant = (row: ConsentEntity): ConsentGrant => ({
  id: Number(row.id),
  uscc: row.uscc,
  institutionId: Number(row.institutionId),
  sections: row.sections.split(',').filter((s): s is SectionKey => (SECTIONS as readonly string[]).includes(s)),
  purpose: row.purpose as ConsentPurpose,
  grantedAt: row.grantedAt,
  expiresAt: row.expiresAt,
  revokedAt: row.revokedAt,
});

/** A USCC as typed by a person: trimmed and upper-cased, or a BAD_USER_INPUT naming what is wrong. */
export function parseUscc(input: string): string {
  const result = validateUscc(input);
  if (!result.valid) {
    throw new HubError('BAD_USER_INPUT', `invalid USCC '${input.trim()}': ${result.problem.message}`, { details: { argument: 'uscc', problem: result.problem } });
  }
  return result.uscc;
}

/** Records an enterprise's consent for an institution (a steward enters it from the signed authorisation). */
export async function grantConsent(db: DataSource, recordedBy: Principal, input: GrantConsentInput): Promise<ConsentGrant> {
  const uscc = parseUscc(input.uscc);
  const institution = await findInstitution(db, input.institutionCode);
  const sections = input.sections && input.sections.length > 0 ? [...new Set(input.sections)] : [...GATED_SECTIONS];
  const unknown = sections.filter((s) => !(GATED_SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) throw new HubError('BAD_USER_INPUT', `sections ${unknown.join(', ')} cannot be consented to; consent-gated sections are ${GATED_SECTIONS.join(', ')}`);
  if (!(CONSENT_PURPOSES as readonly string[]).includes(input.purpose)) throw new HubError('BAD_USER_INPUT', `purpose must be one of ${CONSENT_PURPOSES.join(', ')}`);
  const grantedAt = input.grantedAt ?? new Date();
  if (!(input.expiresAt > grantedAt)) throw new HubError('BAD_USER_INPUT', 'expiresAt must be after grantedAt');
  const repo = db.getRepository(ConsentEntity);
  const saved = await repo.save(
    repo.create({ uscc, institutionId: institution.id, sections: SECTIONS.filter((s) => sections.includes(s)).join(','), purpose: input.purpose, grantedAt, expiresAt: input.expiresAt, revokedAt: null, recordedByKeyId: recordedBy.keyId }),
  );
  return toGrant(saved);
}

export async function revokeConsent(db: DataSource, id: number): Promise<ConsentGrant> {
  const repo = db.getRepository(ConsentEntity);
  const found = await repo.findOneBy({ id });
  if (!found) throw new HubError('NOT_FOUND', `no consent with id ${id}`);
  if (found.revokedAt === null) {
    found.revokedAt = new Date();
    await repo.update({ id }, { revokedAt: found.revokedAt });
  }
  return toGrant(found);
}

/** Every consent (in force or not) of the given enterprises, in one statement, grouped by USCC. */
export async function consentsOf(db: DataSource, usccs: readonly string[], institutionId?: number | null): Promise<Map<string, ConsentGrant[]>> {
  const byUscc = new Map<string, ConsentGrant[]>(usccs.map((u) => [u, []]));
  if (usccs.length === 0) return byUscc;
  const where = institutionId === undefined || institutionId === null ? { uscc: In([...usccs]) } : { uscc: In([...usccs]), institutionId };
  const rows = await db.getRepository(ConsentEntity).find({ where, order: { id: 'ASC' } });
  for (const row of rows) byUscc.get(row.uscc)?.push(toGrant(row));
  return byUscc;
}
