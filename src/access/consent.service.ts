import { In, type DataSource } from 'typeorm';
import { validateUscc } from '../domain/uscc';
import { HubError } from '../errors/hub-error';
import { SECTIONS, type SectionKey } from '../profile/catalog/field.types';
import { ConsentEntity } from './consent.entity';
import { CONSENT_PURPOSES, GATED_SECTIONS, type ConsentGrant, type ConsentPurpose } from './consent-rules';
import { findInstitution, type InstitutionRef } from './api-keys.service';
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

/** A consent as stewards and institutions list it: the grant, its institution and who recorded it. */
export interface ConsentView extends ConsentGrant {
  institution: InstitutionRef;
  /** The key that recorded it; null for the bootstrap admin key and the operator CLI. */
  recordedByKeyId: number | null;
}

const bad = (argument: string, message: string) => new HubError('BAD_USER_INPUT', message, { details: { argument } });

const validInstant = (value: Date, argument: string): Date => {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw bad(argument, `${argument} must be a valid date-time`);
  return value;
};

/**
 * Records an enterprise's consent for an institution (a steward enters it from the signed
 * authorisation). Bad input is a BAD_USER_INPUT naming the field; an unknown institution NOT_FOUND.
 */
export async function grantConsent(db: DataSource, recordedBy: Principal, input: GrantConsentInput): Promise<ConsentView> {
  const uscc = parseUscc(input.uscc);
  const sections = input.sections && input.sections.length > 0 ? [...new Set(input.sections)] : [...GATED_SECTIONS];
  const ungated = sections.filter((s) => !(GATED_SECTIONS as readonly string[]).includes(s));
  if (ungated.length > 0) {
    const why = ungated.every((s) => (SECTIONS as readonly string[]).includes(s)) ? 'public, open to every institution without consent' : 'not sections of the profile';
    throw bad('sections', `sections ${ungated.join(', ')} cannot be consented to (${why}); consent-gated sections are ${GATED_SECTIONS.join(', ')}`);
  }
  if (!(CONSENT_PURPOSES as readonly string[]).includes(input.purpose)) throw bad('purpose', `purpose must be one of ${CONSENT_PURPOSES.join(', ')}`);
  const grantedAt = validInstant(input.grantedAt ?? new Date(), 'grantedAt');
  const expiresAt = validInstant(input.expiresAt, 'expiresAt');
  if (!(expiresAt > grantedAt)) {
    throw bad('expiresAt', `expiresAt (${expiresAt.toISOString()}) must be after grantedAt (${grantedAt.toISOString()})`);
  }
  const institution = await findInstitution(db, input.institutionCode);
  const repo = db.getRepository(ConsentEntity);
  const saved = await repo.save(
    repo.create({ uscc, institutionId: institution.id, sections: SECTIONS.filter((s) => sections.includes(s)).join(','), purpose: input.purpose, grantedAt, expiresAt, revokedAt: null, recordedByKeyId: recordedBy.keyId }),
  );
  return { ...toGrant(saved), institution: { id: Number(institution.id), code: institution.code, name: institution.name }, recordedByKeyId: saved.recordedByKeyId };
}

/** Revokes a consent from now on; revoking a revoked one changes nothing and returns it as it is. */
export async function revokeConsent(db: DataSource, id: number): Promise<ConsentView> {
  await db.query('UPDATE consent SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [new Date(), id]);
  const [found] = await selectConsents(db, 'WHERE c.id = ?', [id]);
  if (!found) throw new HubError('NOT_FOUND', `id ${id} names no consent`, { details: { argument: 'id' } });
  return found;
}

export interface ConsentFilter {
  uscc?: string | null;
  institutionId?: number | null;
  /** Only consents in force at this moment (granted, not expired, not revoked). */
  inForceAt?: Date | null;
}

type ConsentRow = Omit<ConsentEntity, 'sections'> & { sections: string; institutionCode: string; institutionName: string };

async function selectConsents(db: DataSource, tail: string, params: unknown[]): Promise<ConsentView[]> {
  const rows = (await db.query(
    `SELECT c.id, c.uscc, c.institution_id AS institutionId, c.sections, c.purpose, c.granted_at AS grantedAt, c.expires_at AS expiresAt,
            c.revoked_at AS revokedAt, c.recorded_by_key_id AS recordedByKeyId, i.code AS institutionCode, i.name AS institutionName
       FROM consent c JOIN institution i ON i.id = c.institution_id ${tail}`,
    params,
  )) as ConsentRow[];
  return rows.map((r) => ({
    ...toGrant(r as ConsentEntity),
    institution: { id: Number(r.institutionId), code: r.institutionCode, name: r.institutionName },
    recordedByKeyId: r.recordedByKeyId === null ? null : Number(r.recordedByKeyId),
  }));
}

function consentWhere(filter: ConsentFilter, beforeId?: number | null): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.uscc) (where.push('c.uscc = ?'), params.push(filter.uscc));
  if (filter.institutionId !== undefined && filter.institutionId !== null) (where.push('c.institution_id = ?'), params.push(filter.institutionId));
  if (filter.inForceAt) (where.push('c.revoked_at IS NULL AND c.granted_at <= ? AND c.expires_at > ?'), params.push(filter.inForceAt, filter.inForceAt));
  if (beforeId !== undefined && beforeId !== null) (where.push('c.id < ?'), params.push(beforeId));
  return { sql: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Consents newest first (keyset paging on id), with their institutions, in one statement. */
export async function listConsents(db: DataSource, filter: ConsentFilter & { beforeId?: number | null; limit: number }): Promise<ConsentView[]> {
  const { sql, params } = consentWhere(filter, filter.beforeId);
  return selectConsents(db, `${sql} ORDER BY c.id DESC LIMIT ?`, [...params, filter.limit]);
}

export async function countConsents(db: DataSource, filter: ConsentFilter): Promise<number> {
  const { sql, params } = consentWhere(filter);
  const [row] = (await db.query(`SELECT COUNT(*) AS n FROM consent c ${sql}`, params)) as Array<{ n: string | number }>;
  return Number(row?.n ?? 0);
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
