import type { DataSource } from 'typeorm';
import type { Principal } from '../access/principal';
import { HubError } from '../errors/hub-error';
import { FINANCING_PRODUCTS } from '../financing/financing.types';
import { parseEventDate, parseNote } from '../financing/financing-input';
import type { SqlRunner } from '../ingest/sql-chunks';
import { FUNDING_PARTIES, FUNDING_POLICIES, LOSS_POLICIES, WHOLE_BP, type FundingParty, type FundingPolicy, type FundingPolicyVersion } from './funding-policy.types';

const COLUMNS = `v.id, v.policy, v.version, DATE_FORMAT(v.effective_from, '%Y-%m-%d') AS effective_from, v.government_bp, v.bank_bp, v.guarantor_bp, v.insurer_bp,
  v.enterprise_bp, v.products, v.note, v.created_by, v.created_at`;

export function toVersion(r: Record<string, unknown>): FundingPolicyVersion {
  return {
    id: Number(r.id),
    policy: r.policy as FundingPolicy,
    version: Number(r.version),
    effectiveFrom: String(r.effective_from),
    shares: {
      GOVERNMENT: Number(r.government_bp),
      BANK: Number(r.bank_bp),
      GUARANTOR: Number(r.guarantor_bp),
      INSURER: Number(r.insurer_bp),
      ENTERPRISE: Number(r.enterprise_bp),
    },
    products: String(r.products ?? '') === '' ? [] : String(r.products).split(','),
    note: (r.note as string | null) ?? null,
    createdBy: String(r.created_by),
    createdAt: r.created_at as Date,
  };
}

/** Every version of every policy (a handful of rows), in policy and version order: one statement. */
export async function allPolicyVersions(db: SqlRunner): Promise<FundingPolicyVersion[]> {
  const rows = (await db.query(`SELECT ${COLUMNS} FROM funding_policy_version v ORDER BY v.policy, v.version`)) as Array<Record<string, unknown>>;
  return rows.map(toVersion);
}

export interface VersionPage {
  /** Up to `take` versions after the cursor, in id order. */
  rows: FundingPolicyVersion[];
  total: number;
}

/** A page of versions (optionally of one policy) in id order, keyset after `afterId`; two statements. */
export async function policyVersionPage(db: SqlRunner, policy: FundingPolicy | null, take: number, afterId: number | null): Promise<VersionPage> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (policy !== null) where.push('v.policy = ?'), params.push(policy);
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const pageWhere = [...where, ...(afterId === null ? [] : ['v.id > ?'])];
  const rows = (await db.query(`SELECT ${COLUMNS} FROM funding_policy_version v ${pageWhere.length > 0 ? `WHERE ${pageWhere.join(' AND ')}` : ''} ORDER BY v.id LIMIT ?`, [
    ...params,
    ...(afterId === null ? [] : [afterId]),
    take,
  ])) as Array<Record<string, unknown>>;
  const [{ n }] = (await db.query(`SELECT COUNT(*) AS n FROM funding_policy_version v ${filter}`, params)) as Array<{ n: string | number }>;
  return { rows: rows.map(toVersion), total: Number(n) };
}

export interface AddPolicyVersionInput {
  policy: string;
  effectiveFrom: string;
  /** Basis points per party; parties left out get 0. The shares must sum to 10,000. */
  shares: Partial<Record<string, number>>;
  products: readonly string[];
  note?: string | null;
}

const bad = (argument: string, message: string, details: Record<string, unknown> = {}) => new HubError('BAD_USER_INPUT', message, { details: { argument, ...details } });

/**
 * Adds a version of a policy that takes over from `effectiveFrom` (ADMIN only; the resolver checks
 * the role, this checks the principal again for callers outside GraphQL). History is never edited:
 * the new version must start strictly after the policy's latest version, and existing rows are never
 * updated, so every earlier day keeps the version it had. The date may lie in the past (policies are
 * often announced after the day they take effect) or the future, up to 5 years ahead.
 */
export async function addPolicyVersion(db: DataSource, principal: Principal, input: AddPolicyVersionInput, now: Date = new Date()): Promise<FundingPolicyVersion> {
  if (principal.role !== 'ADMIN') throw new HubError('FORBIDDEN', 'only ADMIN keys add funding-policy versions');
  if (!(FUNDING_POLICIES as readonly string[]).includes(input.policy)) throw bad('policy', `policy must be one of ${FUNDING_POLICIES.join(', ')}`);
  const policy = input.policy as FundingPolicy;
  const future = new Date(now.getTime() + 5 * 366 * 86_400_000);
  const effectiveFrom = parseEventDate(input.effectiveFrom, 'effectiveFrom', future);
  const shares = {} as Record<FundingParty, number>;
  for (const key of Object.keys(input.shares)) {
    if (!(FUNDING_PARTIES as readonly string[]).includes(key)) throw bad('shares', `shares name an unknown party '${key}' (parties: ${FUNDING_PARTIES.join(', ')})`);
  }
  for (const party of FUNDING_PARTIES) {
    const bp = input.shares[party] ?? 0;
    if (!Number.isInteger(bp) || bp < 0 || bp > WHOLE_BP) throw bad('shares', `the ${party} share must be whole basis points from 0 to ${WHOLE_BP}, got ${String(bp)}`);
    shares[party] = bp;
  }
  const sum = FUNDING_PARTIES.reduce((a, p) => a + shares[p], 0);
  if (sum !== WHOLE_BP) throw bad('shares', `shares must sum to ${WHOLE_BP} basis points (100 %), got ${sum}`, { sum });
  const products = [...new Set(input.products.map((p) => p.trim().toUpperCase()))].sort();
  const unknown = products.filter((p) => !(FINANCING_PRODUCTS as readonly string[]).includes(p));
  if (unknown.length > 0) throw bad('products', `products ${unknown.join(', ')} are not financing products (${FINANCING_PRODUCTS.join(', ')})`);
  if (policy === 'INSURANCE_PREMIUM_SUBSIDY' && products.length > 0) throw bad('products', 'the insurance premium subsidy covers premiums, not loans: give no products');
  if (policy !== 'INSURANCE_PREMIUM_SUBSIDY' && products.length === 0) throw bad('products', `a ${policy} version must name the financing products it covers`);
  const note = parseNote(input.note ?? null);

  return db.transaction('SERIALIZABLE', async (manager) => {
    const versions = (await manager.query(`SELECT ${COLUMNS} FROM funding_policy_version v ORDER BY v.policy, v.version FOR UPDATE`)).map(toVersion) as FundingPolicyVersion[];
    const latest = versions.filter((v) => v.policy === policy).at(-1) ?? null;
    if (latest !== null && effectiveFrom <= latest.effectiveFrom) {
      throw new HubError('CONFLICT', `effectiveFrom ${effectiveFrom} is not after ${policy} version ${latest.version} (in force from ${latest.effectiveFrom}); a version never rewrites the days of an earlier one`, {
        details: { argument: 'effectiveFrom', latestEffectiveFrom: latest.effectiveFrom },
      });
    }
    if (LOSS_POLICIES.includes(policy)) {
      // The other loss policy's latest version: one loan's loss is shared under one policy only.
      for (const other of LOSS_POLICIES.filter((p) => p !== policy)) {
        const theirs = versions.filter((v) => v.policy === other).at(-1);
        const overlap = theirs ? products.filter((p) => theirs.products.includes(p)) : [];
        if (overlap.length > 0) throw bad('products', `products ${overlap.join(', ')} are covered by ${other} already; a loan's loss is shared under one policy`, { overlap });
      }
    }
    const at = new Date();
    const inserted = (await manager.query(
      `INSERT INTO funding_policy_version (policy, version, effective_from, government_bp, bank_bp, guarantor_bp, insurer_bp, enterprise_bp, products, note, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [policy, (latest?.version ?? 0) + 1, effectiveFrom, shares.GOVERNMENT, shares.BANK, shares.GUARANTOR, shares.INSURER, shares.ENTERPRISE, products.join(','), note, principal.name, at],
    )) as { insertId: number };
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM funding_policy_version v WHERE v.id = ?`, [inserted.insertId])) as Array<Record<string, unknown>>;
    return toVersion(rows[0]!);
  });
}
