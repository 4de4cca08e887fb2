import type { SqlRunner } from '../ingest/sql-chunks';
import type { FieldDef } from '../profile/catalog/field.types';
import { DIMENSION_FIELDS, filterSql, TAG_FIELDS, type AggregateFilter } from './aggregate-filter';
import { profileColumn } from './profile-column';
import { ENTITY_TYPE_NAMES, INDUSTRY_SECTION_NAMES, JINAN_DISTRICT_NAMES, REGISTRATION_STATUS_NAMES, TAG_NAMES, UNKNOWN_LABEL } from './reference-labels';

export const COUNT_DIMENSIONS = ['district', 'industry_section', 'registration_status', 'entity_type', 'tag'] as const;
export type CountDimension = (typeof COUNT_DIMENSIONS)[number];

export interface CountBucket {
  /** The catalog value grouped on (district code, section letter, status …, or tag key); null for enterprises where it is unknown. */
  key: string | null;
  label: string;
  count: number;
}

export interface EnterpriseCounts {
  dimension: CountDimension;
  /** Enterprises (stored profiles) matching the filter. */
  total: number;
  buckets: CountBucket[];
}

const GROUPED: Record<Exclude<CountDimension, 'tag'>, { field: FieldDef; names: Readonly<Record<string, string>> }> = {
  district: { field: DIMENSION_FIELDS.district, names: JINAN_DISTRICT_NAMES },
  industry_section: { field: DIMENSION_FIELDS.industrySection, names: INDUSTRY_SECTION_NAMES },
  registration_status: { field: DIMENSION_FIELDS.registrationStatus, names: REGISTRATION_STATUS_NAMES },
  entity_type: { field: DIMENSION_FIELDS.entityType, names: ENTITY_TYPE_NAMES },
};

/** Largest first; ties by key; the unknown bucket last. */
const byCount = (a: CountBucket, b: CountBucket): number =>
  (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) || b.count - a.count || String(a.key).localeCompare(String(b.key));

/**
 * Enterprises counted by one public-registry dimension, in one GROUP BY over `enterprise_profile`.
 * Every stored profile falls in exactly one bucket, so the buckets add up to the total; for `tag` the
 * buckets count holders of each certification and overlap (an enterprise may hold several or none).
 */
export async function enterpriseCounts(db: SqlRunner, dimension: CountDimension, filter: AggregateFilter): Promise<EnterpriseCounts> {
  const { where, params } = filterSql(filter);
  if (dimension === 'tag') {
    const sums = TAG_FIELDS.map((f, i) => `COALESCE(SUM(${profileColumn(f)} = 1), 0) AS t${i}`).join(', ');
    const [row] = (await db.query(`SELECT COUNT(*) AS total, ${sums} FROM \`enterprise_profile\` WHERE ${where}`, params)) as Array<Record<string, string | number>>;
    const buckets = TAG_FIELDS.map((f, i) => ({ key: f.key, label: TAG_NAMES[f.key] ?? f.key, count: Number(row?.[`t${i}`] ?? 0) }));
    return { dimension, total: Number(row?.total ?? 0), buckets: buckets.sort(byCount) };
  }
  const { field, names } = GROUPED[dimension];
  const column = profileColumn(field);
  const rows = (await db.query(`SELECT ${column} AS k, COUNT(*) AS n FROM \`enterprise_profile\` WHERE ${where} GROUP BY ${column}`, params)) as Array<{ k: string | null; n: string | number }>;
  const buckets = rows.map((r) => ({ key: r.k, label: r.k === null ? UNKNOWN_LABEL : (names[r.k] ?? r.k), count: Number(r.n) }));
  return { dimension, total: buckets.reduce((sum, b) => sum + b.count, 0), buckets: buckets.sort(byCount) };
}
