import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { HubError } from '../errors/hub-error';
import { ApiKeyEntity } from './api-key.entity';
import { InstitutionEntity } from './institution.entity';
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
  if (!/^[a-z0-9][a-z0-9-]{1,63}$/.test(code)) throw new HubError('BAD_USER_INPUT', `institution code '${input.code}' must be 2–64 lower-case letters, digits or hyphens`);
  if (name.length === 0 || name.length > 255) throw new HubError('BAD_USER_INPUT', 'institution name must be 1–255 characters');
  const repo = db.getRepository(InstitutionEntity);
  if (await repo.existsBy({ code })) throw new HubError('CONFLICT', `an institution with code '${code}' exists already`);
  return repo.save(repo.create({ code, name, createdAt: new Date() }));
}

export async function findInstitution(db: DataSource, code: string): Promise<InstitutionEntity> {
  const found = await db.getRepository(InstitutionEntity).findOneBy({ code: code.trim() });
  if (!found) throw new HubError('NOT_FOUND', `no institution with code '${code}'`);
  return found;
}

/** Mints a key for a principal; `INSTITUTION` keys must name their institution, the others must not. */
export async function createApiKey(db: DataSource, input: { name: string; role: Role; institutionCode?: string | null }): Promise<CreatedApiKey> {
  if (!ROLES.includes(input.role)) throw new HubError('BAD_USER_INPUT', `role must be one of ${ROLES.join(', ')}`);
  const name = input.name.trim();
  if (name.length === 0 || name.length > 128) throw new HubError('BAD_USER_INPUT', 'key name must be 1–128 characters');
  let institution: InstitutionEntity | null = null;
  if (input.role === 'INSTITUTION') {
    if (!input.institutionCode) throw new HubError('BAD_USER_INPUT', 'an INSTITUTION key needs the institution it belongs to');
    institution = await findInstitution(db, input.institutionCode);
  } else if (input.institutionCode) {
    throw new HubError('BAD_USER_INPUT', `${input.role} keys belong to the platform, not to an institution`);
  }
  const key = generateApiKey();
  const repo = db.getRepository(ApiKeyEntity);
  const record = await repo.save(
    repo.create({ keyHash: hashApiKey(key), keyPrefix: key.slice(0, 8), name, role: input.role, institutionId: institution?.id ?? null, createdAt: new Date(), revokedAt: null }),
  );
  return { key, record, institution };
}

export async function revokeApiKey(db: DataSource, id: number): Promise<ApiKeyEntity> {
  const repo = db.getRepository(ApiKeyEntity);
  const found = await repo.findOneBy({ id });
  if (!found) throw new HubError('NOT_FOUND', `no API key with id ${id}`);
  if (found.revokedAt === null) {
    found.revokedAt = new Date();
    await repo.update({ id }, { revokedAt: found.revokedAt });
  }
  return found;
}

export async function listApiKeys(db: DataSource): Promise<ApiKeyEntity[]> {
  return db.getRepository(ApiKeyEntity).find({ order: { id: 'ASC' } });
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
export async function authenticate(db: DataSource, key: string, bootstrapKey: string | null): Promise<Principal | null> {
  if (bootstrapKey !== null && sameSecret(key, bootstrapKey)) {
    return { keyId: null, name: 'bootstrap-admin', role: 'ADMIN', institutionId: null, institutionName: null };
  }
  const rows = (await db.query(
    `SELECT k.id, k.name, k.role, k.institution_id AS institutionId, i.name AS institutionName
       FROM api_key k LEFT JOIN institution i ON i.id = k.institution_id
      WHERE k.key_hash = ? AND k.revoked_at IS NULL`,
    [hashApiKey(key)],
  )) as Array<{ id: number; name: string; role: Role; institutionId: number | null; institutionName: string | null }>;
  const row = rows[0];
  if (!row) return null;
  return { keyId: Number(row.id), name: row.name, role: row.role, institutionId: row.institutionId === null ? null : Number(row.institutionId), institutionName: row.institutionName };
}
