import type { DataSource } from 'typeorm';
import type { SectionKey } from '../profile/catalog/field.types';
import type { Principal } from './principal';

export interface AccessEntry {
  at: Date;
  principal: Principal;
  uscc: string;
  sections: readonly SectionKey[];
  withheld: readonly SectionKey[];
  purposes: readonly string[];
  operation: string;
}

export interface AccessLogRow {
  id: string;
  at: Date;
  apiKeyId: number | null;
  principalName: string;
  role: string;
  institutionId: number | null;
  institutionCode: string | null;
  institutionName: string | null;
  uscc: string;
  sections: SectionKey[];
  withheld: SectionKey[];
  purpose: string;
  operation: string;
}

/** Appends profile reads to the access log in one multi-row statement. */
export async function recordAccess(db: DataSource, entries: readonly AccessEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const values: unknown[] = [];
  for (const e of entries) {
    values.push(e.at, e.principal.keyId, e.principal.name, e.principal.role, e.principal.institutionId, e.uscc, e.sections.join(','), e.withheld.join(','), e.purposes.join(',').slice(0, 255), e.operation.slice(0, 128));
  }
  await db.query(
    `INSERT INTO access_log (at, api_key_id, principal_name, role, institution_id, uscc, sections, withheld, purpose, operation) VALUES ${entries.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    values,
  );
}

export interface AccessLogFilter {
  uscc?: string | null;
  institutionId?: number | null;
  /** Rows with an id below this one (keyset paging, newest first). */
  beforeId?: string | null;
  limit: number;
}

function accessLogWhere(filter: Omit<AccessLogFilter, 'limit'>): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.uscc) (where.push('a.uscc = ?'), params.push(filter.uscc));
  if (filter.institutionId !== undefined && filter.institutionId !== null) (where.push('a.institution_id = ?'), params.push(filter.institutionId));
  if (filter.beforeId) (where.push('a.id < ?'), params.push(filter.beforeId));
  return { sql: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Access-log rows, newest first, with their institutions, in one statement. */
export async function listAccessLog(db: DataSource, filter: AccessLogFilter): Promise<AccessLogRow[]> {
  const { sql, params } = accessLogWhere(filter);
  const rows = (await db.query(
    `SELECT a.id, a.at, a.api_key_id AS apiKeyId, a.principal_name AS principalName, a.role, a.institution_id AS institutionId,
            i.code AS institutionCode, i.name AS institutionName, a.uscc, a.sections, a.withheld, a.purpose, a.operation
       FROM access_log a LEFT JOIN institution i ON i.id = a.institution_id
      ${sql}
      ORDER BY a.id DESC LIMIT ?`,
    [...params, filter.limit],
  )) as Array<Omit<AccessLogRow, 'sections' | 'withheld'> & { sections: string; withheld: string }>;
  return rows.map(toAccessLogRow);
}

const splitSections = (s: string) => (s === '' ? [] : (s.split(',') as SectionKey[]));

function toAccessLogRow(r: Omit<AccessLogRow, 'sections' | 'withheld'> & { sections: string; withheld: string; rn?: unknown }): AccessLogRow {
  const { rn: _rank, ...row } = r;
  return {
    ...row,
    id: String(r.id),
    apiKeyId: r.apiKeyId === null ? null : Number(r.apiKeyId),
    institutionId: r.institutionId === null ? null : Number(r.institutionId),
    sections: splitSections(r.sections),
    withheld: splitSections(r.withheld),
  };
}

/** How many rows match the filter, over all pages. */
export async function countAccessLog(db: DataSource, filter: Pick<AccessLogFilter, 'uscc' | 'institutionId'>): Promise<number> {
  const { sql, params } = accessLogWhere({ uscc: filter.uscc, institutionId: filter.institutionId });
  const [row] = (await db.query(`SELECT COUNT(*) AS n FROM access_log a ${sql}`, params)) as Array<{ n: string | number }>;
  return Number(row?.n ?? 0);
}

export interface AccessLogPage {
  rows: AccessLogRow[];
  total: number;
}

/**
 * One page of access-log rows (newest first, ids below `beforeId`) for each of several enterprises,
 * and each one's total, in two statements whatever the number of enterprises: what an enterprise's
 * record shows of who read it. `institutionId` narrows to one institution's reads.
 */
export async function accessLogPages(
  db: DataSource,
  usccs: readonly string[],
  window: { institutionId: number | null; beforeId: string | null; limit: number },
): Promise<Map<string, AccessLogPage>> {
  const pages = new Map<string, AccessLogPage>(usccs.map((u) => [u, { rows: [], total: 0 }]));
  if (usccs.length === 0) return pages;
  const inList = usccs.map(() => '?').join(',');
  const scope = window.institutionId === null ? '' : ' AND a.institution_id = ?';
  const scopeParams = window.institutionId === null ? [] : [window.institutionId];
  const before = window.beforeId === null ? '' : ' AND a.id < ?';
  const beforeParams = window.beforeId === null ? [] : [window.beforeId];
  const [rows, totals] = await Promise.all([
    db.query(
      `SELECT * FROM (
         SELECT a.id, a.at, a.api_key_id AS apiKeyId, a.principal_name AS principalName, a.role, a.institution_id AS institutionId,
                i.code AS institutionCode, i.name AS institutionName, a.uscc, a.sections, a.withheld, a.purpose, a.operation,
                ROW_NUMBER() OVER (PARTITION BY a.uscc ORDER BY a.id DESC) AS rn
           FROM access_log a LEFT JOIN institution i ON i.id = a.institution_id
          WHERE a.uscc IN (${inList})${scope}${before}
       ) ranked WHERE rn <= ? ORDER BY uscc, id DESC`,
      [...usccs, ...scopeParams, ...beforeParams, window.limit],
    ) as Promise<Array<Omit<AccessLogRow, 'sections' | 'withheld'> & { sections: string; withheld: string }>>,
    db.query(`SELECT a.uscc, COUNT(*) AS n FROM access_log a WHERE a.uscc IN (${inList})${scope} GROUP BY a.uscc`, [...usccs, ...scopeParams]) as Promise<Array<{ uscc: string; n: string | number }>>,
  ]);
  for (const r of rows) pages.get(r.uscc)?.rows.push(toAccessLogRow(r));
  for (const t of totals) {
    const page = pages.get(t.uscc);
    if (page) page.total = Number(t.n);
  }
  return pages;
}
