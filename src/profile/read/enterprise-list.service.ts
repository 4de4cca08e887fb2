import type { DataSource } from 'typeorm';
import { HubError } from '../../errors/hub-error';

/** Boolean identity fields an enterprise list can be narrowed to (certifications on the registry record). */
export const ENTERPRISE_TAGS = ['high_tech_enterprise', 'tech_sme', 'specialized_sme'] as const;
export type EnterpriseTag = (typeof ENTERPRISE_TAGS)[number];

/**
 * Narrows an enterprise list on public registry fields of `enterprise_profile`. Every given criterion
 * must hold; a list criterion matches any of its values.
 */
export interface EnterpriseListFilter {
  /** GB/T 2260 codes of the current district (current_district_code). */
  districtCodes?: readonly string[] | null;
  /** GB/T 4754 section letters (industry_section). */
  industrySections?: readonly string[] | null;
  /** Start of the GB/T 4754 industry code, e.g. `I65` (industry_code). */
  industryCodePrefix?: string | null;
  /** Catalog values of registration_status. */
  registrationStatuses?: readonly string[] | null;
  /** Certifications the enterprise must all hold. */
  tags?: readonly EnterpriseTag[] | null;
  /** Text the registered name contains (no wildcards: `%` and `_` match themselves). */
  nameContains?: string | null;
  /** Grades of the current credit score (`enterprise_score.grade`); enterprises without a score never match. */
  scoreGrades?: readonly string[] | null;
}

/** Sort keys: each is a catalog column, ties broken by USCC. */
export const ENTERPRISE_SORT_COLUMNS = { NAME: 'registered_name', USCC: 'uscc', ESTABLISHED_ON: 'established_on', REGISTERED_CAPITAL: 'registered_capital' } as const;
export type EnterpriseSortField = keyof typeof ENTERPRISE_SORT_COLUMNS;
export type SortDirection = 'ASC' | 'DESC';

/** Where the previous page ended: its last row's sort value (null sorts last) and USCC. */
export interface EnterpriseListPosition {
  value: string | number | null;
  uscc: string;
}

export interface EnterpriseListQuery {
  filter: EnterpriseListFilter;
  sort: EnterpriseSortField;
  direction: SortDirection;
  after: EnterpriseListPosition | null;
  /** Rows to return (a page plus one, to learn whether there is a next page). */
  limit: number;
}

export interface EnterpriseListRow {
  uscc: string;
  name: string | null;
  /** The row's sort value as the cursor keeps it (dates `YYYY-MM-DD`, money fen as a decimal string). */
  sortValue: string | number | null;
}

const MAX_LIST = 100;

function checkedList<T extends string>(values: readonly T[] | null | undefined, argument: string, valid: (v: T) => boolean, what: string): T[] | null {
  if (values === null || values === undefined) return null;
  if (values.length === 0) throw new HubError('BAD_USER_INPUT', `${argument} must not be empty; omit it to not filter on it`, { details: { argument } });
  if (values.length > MAX_LIST) throw new HubError('BAD_USER_INPUT', `${argument} may hold at most ${MAX_LIST} values, got ${values.length}`, { details: { argument } });
  const bad = values.filter((v) => !valid(v));
  if (bad.length > 0) throw new HubError('BAD_USER_INPUT', `${argument}: ${bad.map((b) => `'${b}'`).join(', ')} ${bad.length > 1 ? 'are' : 'is'} not ${what}`, { details: { argument } });
  return [...new Set(values)];
}

/** `%`, `_` and the escape character itself match literally after this (with `ESCAPE '!'`). */
const likeEscape = (text: string): string => text.replace(/[!%_]/g, (c) => `!${c}`);

/** The filter as SQL over `enterprise_profile` (alias-free), with its parameters; checks every value first. */
export function enterpriseFilterSql(filter: EnterpriseListFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly unknown[]) => {
    where.push(`\`${column}\` IN (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  const districts = checkedList(filter.districtCodes, 'filter.districts', (d) => /^\d{6}$/.test(d), 'a 6-digit GB/T 2260 area code');
  if (districts) inList('current_district_code', districts);
  const sections = checkedList(filter.industrySections, 'filter.industrySections', (s) => /^[A-Z]$/.test(s), 'a GB/T 4754 section letter');
  if (sections) inList('industry_section', sections);
  if (filter.industryCodePrefix !== null && filter.industryCodePrefix !== undefined) {
    const prefix = filter.industryCodePrefix.trim().toUpperCase();
    if (!/^[A-Z]\d{0,4}$/.test(prefix)) {
      throw new HubError('BAD_USER_INPUT', `filter.industryCodePrefix '${filter.industryCodePrefix}' must be a GB/T 4754 section letter followed by up to 4 digits, e.g. I65`, {
        details: { argument: 'filter.industryCodePrefix' },
      });
    }
    where.push("`industry_code` LIKE ? ESCAPE '!'");
    params.push(`${likeEscape(prefix)}%`);
  }
  const statuses = checkedList(filter.registrationStatuses, 'filter.registrationStatuses', () => true, 'a registration status');
  if (statuses) inList('registration_status', statuses);
  const tags = checkedList(filter.tags, 'filter.tags', (t) => (ENTERPRISE_TAGS as readonly string[]).includes(t), `one of ${ENTERPRISE_TAGS.join(', ')}`);
  for (const tag of tags ?? []) where.push(`\`${tag}\` = 1`);
  if (filter.nameContains !== null && filter.nameContains !== undefined) {
    const text = filter.nameContains.trim();
    if (text.length === 0 || text.length > 100) throw new HubError('BAD_USER_INPUT', 'filter.nameContains must be 1–100 characters', { details: { argument: 'filter.nameContains' } });
    where.push("`registered_name` LIKE ? ESCAPE '!'");
    params.push(`%${likeEscape(text)}%`);
  }
  const grades = checkedList(filter.scoreGrades, 'filter.scoreGrades', (g) => /^[A-Z]{1,3}$/.test(g), 'a score grade');
  if (grades) {
    where.push(`\`uscc\` IN (SELECT \`uscc\` FROM \`enterprise_score\` WHERE \`grade\` IN (${grades.map(() => '?').join(',')}))`);
    params.push(...grades);
  }
  return { where, params };
}

/**
 * A page of enterprises with stored profiles, filtered and ordered in SQL, with keyset paging: rows
 * after `after` in (sort value, USCC) order, null sort values last in either direction. Also counts
 * every enterprise matching the filter. Two statements.
 */
export async function listEnterprises(db: DataSource, query: EnterpriseListQuery): Promise<{ rows: EnterpriseListRow[]; totalCount: number }> {
  const { where, params } = enterpriseFilterSql(query.filter);
  const column = ENTERPRISE_SORT_COLUMNS[query.sort];
  const c = `\`${column}\``;
  const desc = query.direction === 'DESC';
  const cmp = desc ? '<' : '>';
  const dir = desc ? 'DESC' : 'ASC';

  const pageWhere = [...where];
  const pageParams = [...params];
  if (query.after) {
    if (query.sort === 'USCC') {
      pageWhere.push(`\`uscc\` ${cmp} ?`);
      pageParams.push(query.after.uscc);
    } else if (query.after.value === null) {
      pageWhere.push(`(${c} IS NULL AND \`uscc\` ${cmp} ?)`);
      pageParams.push(query.after.uscc);
    } else {
      pageWhere.push(`((${c} IS NOT NULL AND (${c} ${cmp} ? OR (${c} = ? AND \`uscc\` ${cmp} ?))) OR ${c} IS NULL)`);
      const value = query.sort === 'REGISTERED_CAPITAL' ? Number(query.after.value) : query.after.value;
      pageParams.push(value, value, query.after.uscc);
    }
  }
  const sortValue =
    query.sort === 'ESTABLISHED_ON' ? "DATE_FORMAT(`established_on`, '%Y-%m-%d')" : query.sort === 'REGISTERED_CAPITAL' ? 'CAST(`registered_capital` AS CHAR)' : c;
  const order = query.sort === 'USCC' ? `\`uscc\` ${dir}` : `${c} IS NULL, ${c} ${dir}, \`uscc\` ${dir}`;
  const clause = (w: string[]) => (w.length > 0 ? ` WHERE ${w.join(' AND ')}` : '');
  const rows = (await db.query(
    `SELECT \`uscc\`, \`registered_name\` AS \`name\`, ${sortValue} AS \`sort_value\` FROM \`enterprise_profile\`${clause(pageWhere)} ORDER BY ${order} LIMIT ?`,
    [...pageParams, query.limit],
  )) as Array<{ uscc: string; name: string | null; sort_value: string | null }>;
  const [count] = (await db.query(`SELECT COUNT(*) AS n FROM \`enterprise_profile\`${clause(where)}`, params)) as Array<{ n: string | number }>;
  return {
    rows: rows.map((r) => ({ uscc: r.uscc, name: r.name, sortValue: r.sort_value === null ? null : String(r.sort_value) })),
    totalCount: Number(count?.n ?? 0),
  };
}
