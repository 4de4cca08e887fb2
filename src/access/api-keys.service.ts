import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { HubError } from '../errors/hub-error';
import { ApiKeyEntity } from './api-key.entity';
import { InstitutionEntity } from './institution.entity';
import type { PrincipalCache } from './principal-cache';
import { ROLES, type Principal, type Role } from './principal';

const KEY_PREFIX = 'thk_';

export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** A new random key: `thk_` and 43 base64url characters (256 bits). */
export const generateApiKey = (): string => KEY_PREFIX + randomBytes(32).toString('base64url');

export interface CreatedApiKey {
  /** The key itself: shown once, never stored. */
  key: string;
  record: ApiKeyEntity;
  institution: InstitutionEntity | null;
}

export async function createInstitution(db: DataSource, input: { code: string; name: string }): Promise<InstitutionEntity> {
  const code = input.code.trim();
  const name = input.name.trim();
  if (!/^[a-z0-9][a-z0-9-]{1,63}$/.test(code)) {
    throw new HubError('BAD_USER_INPUT', `code '${input.code}' must be 2–64 lower-case letters, digits or hyphens, starting with a letter or digit`, { details: { argument: 'code' } });
  }
  if (name.length === 0 || name.length > 255) throw new HubError('BAD_USER_INPUT', 'name of the institution must be 1–255 characters', { details: { argument: 'name' } });
  const repo = db.getRepository(InstitutionEntity);
  const conflict = () => new HubError('CONFLICT', `an institution with code '${code}' exists already`, { details: { argument: 'code' } });
  if (await repo.existsBy({ code })) throw conflict();
  try {
    return await repo.save(repo.create({ code, name, createdAt: new Date() }));
  } catch (error) {
    // Two admins creating the same code at once: the unique index decides, the loser hears why.
    if (isDuplicateKey(error)) throw conflict();
    throw error;
  }
}

const isDuplicateKey = (error: unknown): boolean => (error as { driverError?: { code?: string } } | null)?.driverError?.code === 'ER_DUP_ENTRY';

/** Every institution, by code (a short registry: banks, guarantors and insurers of one city). */
export async function listInstitutions(db: DataSource): Promise<InstitutionEntity[]> {
  return db.getRepository(InstitutionEntity).find({ order: { code: 'ASC' } });
}

export async function findInstitution(db: DataSource, code: string): Promise<InstitutionEntity> {
  const found = await db.getRepository(InstitutionEntity).findOneBy({ code: code.trim() });
  if (!found) throw new HubError('NOT_FOUND', `institutionCode '${code}' names no institution`, { details: { argument: 'institutionCode' } });
  return found;
}

/** Mints a key for a principal; `INSTITUTION` keys must name their institution, the others must not. */
export async function createApiKey(db: DataSource, input: { name: string; role: Role; institutionCode?: string | null }): Promise<CreatedApiKey> {
  if (!ROLES.includes(input.role)) throw new HubError('BAD_USER_INPUT', `role must be one of ${ROLES.join(', ')}`, { details: { argument: 'role' } });
  const name = input.name.trim();
  if (name.length === 0 || name.length > 128) throw new HubError('BAD_USER_INPUT', 'name of the key must be 1–128 characters', { details: { argument: 'name' } });
  let institution: InstitutionEntity | null = null;
  if (input.role === 'INSTITUTION') {
    if (!input.institutionCode) throw new HubError('BAD_USER_INPUT', 'institutionCode is required: an INSTITUTION key belongs to one institution', { details: { argument: 'institutionCode' } });
    institution = await findInstitution(db, input.institutionCode);
  } else if (input.institutionCode) {
    throw new HubError('BAD_USER_INPUT', `institutionCode must be left out: ${input.role} keys belong to the platform, not to an institution`, { details: { argument: 'institutionCode' } });
  }
  const key = generateApiKey();
  const repo = db.getRepository(ApiKeyEntity);
  const record = await repo.save(
    repo.create({ keyHash: hashApiKey(key), keyPrefix: key.slice(0, 8), name, role: input.role, institutionId: institution?.id ?? null, createdAt: new Date(), revokedAt: null }),
  );
  return { key, record, institution };
}

/**
 * Revokes a key; the next request with it is refused (every request looks the key up, nothing caches
 * it). Revoking a revoked key changes nothing and returns it as it is.
 */
export async function revokeApiKey(db: DataSource, id: number): Promise<ApiKeyView> {
  await db.query('UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [new Date(), id]);
  const [found] = await selectApiKeys(db, 'WHERE k.id = ?', [id]);
  if (!found) throw new HubError('NOT_FOUND', `id ${id} names no API key`, { details: { argument: 'id' } });
  return found;
}

/** An institution as the records that point at it show it. */
export interface InstitutionRef {
  id: number;
  code: string;
  name: string;
}

/** An API key as admins see it: never the key or its hash, only the prefix to recognise it by. */
export interface ApiKeyView {
  id: number;
  keyPrefix: string;
  name: string;
  role: Role;
  institution: InstitutionRef | null;
  createdAt: Date;
  revokedAt: Date | null;
}

export const apiKeyView = (record: ApiKeyEntity, institution: InstitutionEntity | null): ApiKeyView => ({
  id: Number(record.id),
  keyPrefix: record.keyPrefix,
  name: record.name,
  role: record.role,
  institution: institution ? { id: Number(institution.id), code: institution.code, name: institution.name } : null,
  createdAt: record.createdAt,
  revokedAt: record.revokedAt,
});

export interface ApiKeyFilter {
  /** Only the keys of this institution. */
  institutionId?: number | null;
  /** Leave revoked keys out. */
  activeOnly?: boolean;
}

type ApiKeyRow = { id: number; keyPrefix: string; name: string; role: Role; createdAt: Date; revokedAt: Date | null; institutionId: number | null; institutionCode: string | null; institutionName: string | null };

async function selectApiKeys(db: DataSource, tail: string, params: unknown[]): Promise<ApiKeyView[]> {
  const rows = (await db.query(
    `SELECT k.id, k.key_prefix AS keyPrefix, k.name, k.role, k.created_at AS createdAt, k.revoked_at AS revokedAt,
            i.id AS institutionId, i.code AS institutionCode, i.name AS institutionName
       FROM api_key k LEFT JOIN institution i ON i.id = k.institution_id ${tail}`,
    params,
  )) as ApiKeyRow[];
  return rows.map((r) => ({
    id: Number(r.id),
    keyPrefix: r.keyPrefix,
    name: r.name,
    role: r.role,
    institution: r.institutionId === null ? null : { id: Number(r.institutionId), code: r.institutionCode!, name: r.institutionName! },
    createdAt: r.createdAt,
    revokedAt: r.revokedAt,
  }));
}

function apiKeyWhere(filter: ApiKeyFilter, afterId?: number | null): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.institutionId !== undefined && filter.institutionId !== null) (where.push('k.institution_id = ?'), params.push(filter.institutionId));
  if (filter.activeOnly) where.push('k.revoked_at IS NULL');
  if (afterId !== undefined && afterId !== null) (where.push('k.id > ?'), params.push(afterId));
  return { sql: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** API keys in creation order (keyset paging on id), with their institutions, in one statement. */
export async function listApiKeys(db: DataSource, filter: ApiKeyFilter & { afterId?: number | null; limit: number }): Promise<ApiKeyView[]> {
  const { sql, params } = apiKeyWhere(filter, filter.afterId);
  return selectApiKeys(db, `${sql} ORDER BY k.id ASC LIMIT ?`, [...params, filter.limit]);
}

export async function countApiKeys(db: DataSource, filter: ApiKeyFilter): Promise<number> {
  const { sql, params } = apiKeyWhere(filter);
  const [row] = (await db.query(`SELECT COUNT(*) AS n FROM api_key k ${sql}`, params)) as Array<{ n: string | number }>;
  return Number(row?.n ?? 0);
}

/** Who a principal is, as `me` shows it: its key's prefix and its institution (null for platform keys). */
export interface PrincipalView {
  name: string;
  role: Role;
  /** Null for the bootstrap admin key, which is not stored. */
  keyId: number | null;
  keyPrefix: string | null;
  institution: InstitutionRef | null;
}

export async function describePrincipal(db: DataSource, principal: Principal): Promise<PrincipalView> {
  const base = { name: principal.name, role: principal.role, keyId: principal.keyId };
  if (principal.keyId === null) return { ...base, keyPrefix: null, institution: null };
  const [key] = await selectApiKeys(db, 'WHERE k.id = ?', [principal.keyId]);
  return { ...base, keyPrefix: key?.keyPrefix ?? null, institution: key?.institution ?? null };
}

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(hashApiKey(a));
  const y = Buffer.from(hashApiKey(b));
  return timingSafeEqual(x, y);
};

/**
 * The principal behind a bearer key, or null when the key is unknown or revoked. The bootstrap admin
 * key (`HUB_BOOTSTRAP_ADMIN_KEY`) is compared in memory and never written to the database.
 */
export async function authenticate(db: DataSource, key: string, bootstrapKey: string | null, cache?: PrincipalCache): Promise<Principal | null> {
  if (bootstrapKey !== null && sameSecret(key, bootstrapKey)) {
    return { keyId: null, name: 'bootstrap-admin', role: 'ADMIN', institutionId: null, institutionName: null };
  }
  const keyHash = hashApiKey(key);
  const cached = cache?.get(keyHash);
  if (cached) return cached;
  const rows = (await db.query(
    `SELECT k.id, k.name, k.role, k.institution_id AS institutionId, i.name AS institutionName
       FROM api_key k LEFT JOIN institution i ON i.id = k.institution_id
      WHERE k.key_hash = ? AND k.revoked_at IS NULL`,
    [keyHash],
  )) as Array<{ id: number; name: string; role: Role; institutionId: number | null; institutionName: string | null }>;
  const row = rows[0];
  if (!row) return null;
  const principal: Principal = { keyId: Number(row.id), name: row.name, role: row.role, institutionId: row.institutionId === null ? null : Number(row.institutionId), institutionName: row.institutionName };
  cache?.set(keyHash, principal);
  return principal;
}
