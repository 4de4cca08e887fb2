import type { SqlRunner } from '../ingest/sql-chunks';
import { chunk } from '../ingest/sql-chunks';
import type { NameRow } from './name-matcher';
import type { CaseKind } from './resolution.types';

const PER_STATEMENT = 1000;
const NAME_COLUMNS =
  "`uscc`, `name_key` AS nameKey, `name`, `kind`, DATE_FORMAT(`valid_from`, '%Y-%m-%d') AS validFrom, DATE_FORMAT(`valid_to`, '%Y-%m-%d') AS validTo";

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(',');

/** Registered names whose key is one of `keys`. */
export async function namesByKey(db: SqlRunner, keys: Iterable<string>): Promise<Map<string, NameRow[]>> {
  const out = new Map<string, NameRow[]>();
  for (const part of chunk([...new Set(keys)], PER_STATEMENT)) {
    const rows = (await db.query(`SELECT ${NAME_COLUMNS} FROM \`enterprise_name\` WHERE \`name_key\` IN (${marks(part.length)})`, part)) as NameRow[];
    for (const row of rows) {
      const list = out.get(row.nameKey) ?? [];
      list.push(row);
      out.set(row.nameKey, list);
    }
  }
  return out;
}

/** Registered names whose core starts like one of `prefixes`: the pool for near matches. */
export async function namesByCorePrefix(db: SqlRunner, prefixes: Iterable<string>): Promise<Map<string, NameRow[]>> {
  const out = new Map<string, NameRow[]>();
  for (const part of chunk([...new Set(prefixes)].filter((p) => p !== ''), PER_STATEMENT)) {
    const rows = (await db.query(
      `SELECT ${NAME_COLUMNS}, \`core_prefix\` AS corePrefix FROM \`enterprise_name\` WHERE \`core_prefix\` IN (${marks(part.length)})`,
      part,
    )) as Array<NameRow & { corePrefix: string }>;
    for (const { corePrefix, ...row } of rows) {
      const list = out.get(corePrefix) ?? [];
      list.push(row);
      out.set(corePrefix, list);
    }
  }
  return out;
}

/** Registered addresses (current first) of each of `usccs` that has a registration. */
export async function addressesOf(db: SqlRunner, usccs: Iterable<string>): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunk([...new Set(usccs)], PER_STATEMENT)) {
    const rows = (await db.query(`SELECT \`uscc\`, \`addresses\` FROM \`registered_enterprise\` WHERE \`uscc\` IN (${marks(part.length)})`, part)) as Array<{
      uscc: string;
      addresses: string | string[];
    }>;
    for (const r of rows) out.set(r.uscc, typeof r.addresses === 'string' ? (JSON.parse(r.addresses) as string[]) : r.addresses);
  }
  return out;
}

/** Registered enterprises whose legacy taxpayer id (USCC positions 3–17) is one of `legacyIds`. */
export async function enterprisesByLegacyId(db: SqlRunner, legacyIds: Iterable<string>): Promise<Map<string, Array<{ uscc: string; name: string }>>> {
  const out = new Map<string, Array<{ uscc: string; name: string }>>();
  for (const part of chunk([...new Set(legacyIds)], PER_STATEMENT)) {
    const rows = (await db.query(
      `SELECT \`legacy_id\` AS legacyId, \`uscc\`, \`name\` FROM \`registered_enterprise\` WHERE \`legacy_id\` IN (${marks(part.length)}) ORDER BY \`uscc\``,
      part,
    )) as Array<{ legacyId: string; uscc: string; name: string }>;
    for (const r of rows) {
      const list = out.get(r.legacyId) ?? [];
      list.push({ uscc: r.uscc, name: r.name });
      out.set(r.legacyId, list);
    }
  }
  return out;
}

/** Stewards' decisions for identifiers of one kind: USCC, or null for "nobody". */
export async function decisionsFor(db: SqlRunner, kind: CaseKind, identifiers: Iterable<string>): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const part of chunk([...new Set(identifiers)], PER_STATEMENT)) {
    const rows = (await db.query(
      `SELECT \`identifier\`, \`decision_uscc\` AS uscc FROM \`resolution_case\` WHERE \`kind\` = ? AND \`status\` = 'decided' AND \`identifier\` IN (${marks(part.length)})`,
      [kind, ...part],
    )) as Array<{ identifier: string; uscc: string | null }>;
    for (const r of rows) out.set(r.identifier, r.uscc);
  }
  return out;
}

/** Whether `uscc` is an enterprise the registry told us about. */
export async function isKnownEnterprise(db: SqlRunner, uscc: string): Promise<boolean> {
  const rows = (await db.query(
    'SELECT 1 AS known FROM `registered_enterprise` WHERE `uscc` = ? UNION ALL SELECT 1 FROM `enterprise_name` WHERE `uscc` = ? LIMIT 1',
    [uscc, uscc],
  )) as unknown[];
  return rows.length > 0;
}
