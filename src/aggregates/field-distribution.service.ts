import { HubError } from '../errors/hub-error';
import type { SqlRunner } from '../ingest/sql-chunks';
import { fieldByKey, PROFILE_FIELDS } from '../profile/catalog/catalog';
import type { FieldDef, FieldType } from '../profile/catalog/field.types';
import { filterSql, type AggregateFilter } from './aggregate-filter';
import { profileColumn } from './profile-column';

export const NUMERIC_TYPES = ['integer', 'decimal', 'money', 'ratio'] as const satisfies readonly FieldType[];
export type NumericType = (typeof NUMERIC_TYPES)[number];
const NUMERIC: ReadonlySet<string> = new Set(NUMERIC_TYPES);
/** Whole-number types get whole-number bin edges. */
const INTEGRAL: ReadonlySet<string> = new Set(['integer', 'money']);

export const DEFAULT_BUCKETS = 10;
export const MAX_BUCKETS = 100;

/** One bin of an equal-width histogram: values with `lower ≤ v < upper`; the last bin also holds `upper`. */
export interface HistogramBin {
  lower: number;
  upper: number;
  count: number;
}

export interface FieldDistribution {
  field: FieldDef;
  /** Enterprises (matching the filter) with a value, and without one. */
  count: number;
  nulls: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Continuous percentiles (linear interpolation between ranks, as PERCENTILE_CONT). */
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  histogram: HistogramBin[];
  /** True when fewer values than the caller's disclosure floor were found: only count and nulls are given. */
  suppressed: boolean;
}

/** Catalog fields by their GraphQL (camelCase) name: `tax_paid_12m` → `taxPaid12m`, as the profile types spell them. */
const BY_GRAPHQL_NAME = new Map(PROFILE_FIELDS.map((f) => [f.key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()), f]));

/** The numeric catalog field named by `key` (its snake_case key, or the camelCase GraphQL name). */
export function numericField(key: string): FieldDef {
  const name = key.trim();
  const field = fieldByKey(name) ?? BY_GRAPHQL_NAME.get(name);
  if (!field) {
    throw new HubError('BAD_USER_INPUT', `key: no profile field ${JSON.stringify(name)}; profileFields lists the catalog's keys`, { details: { argument: 'key' } });
  }
  if (!NUMERIC.has(field.type)) {
    throw new HubError('BAD_USER_INPUT', `key: ${field.key} is a ${field.type} field; a distribution needs a numeric field (${NUMERIC_TYPES.join(', ')})`, {
      details: { argument: 'key', allowedTypes: [...NUMERIC_TYPES] },
    });
  }
  return field;
}

export function bucketCount(buckets: number | null | undefined): number {
  const n = buckets ?? DEFAULT_BUCKETS;
  if (!Number.isInteger(n) || n < 1 || n > MAX_BUCKETS) {
    throw new HubError('BAD_USER_INPUT', `buckets must be a whole number from 1 to ${MAX_BUCKETS}, got ${String(buckets)}`, { details: { argument: 'buckets' } });
  }
  return n;
}

const PERCENTILES = [[0.25, 'p25'], [0.5, 'p50'], [0.75, 'p75'], [0.9, 'p90']] as const;

/**
 * The q-th continuous percentile over `ranked` (value v, 0-based rank rn, size n): the values at ranks
 * ⌊q(n−1)⌋ and ⌈q(n−1)⌉, interpolated linearly, in exact DECIMAL arithmetic. MariaDB 10.11's own
 * PERCENTILE_CONT returns wrong results once values pass 10^8 (money in fen does), so it is not used.
 */
function interpolated(q: number): string {
  const rank = `${q} * (MAX(n) - 1)`;
  const at = (which: 'FLOOR' | 'CEIL') => `MAX(CASE WHEN rn = ${which}(${q} * (n - 1)) THEN v END)`;
  return `${at('FLOOR')} + (${rank} - FLOOR(${rank})) * (${at('CEIL')} - ${at('FLOOR')})`;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Equal-width bins over [min, max]. Integer and money fields get whole-number widths (at most
 * `buckets` bins, each `[lower, lower + width)`), so no bin edge falls between two possible values;
 * decimal and ratio fields get exactly `buckets` bins of width (max − min) / buckets.
 */
export function histogramEdges(type: NumericType, min: number, max: number, buckets: number): Array<{ lower: number; upper: number }> {
  if (INTEGRAL.has(type)) {
    const width = Math.max(1, Math.ceil((max - min + 1) / buckets));
    const bins = Math.ceil((max - min + 1) / width);
    return Array.from({ length: bins }, (_, i) => ({ lower: min + i * width, upper: min + (i + 1) * width }));
  }
  if (max === min) return [{ lower: min, upper: max }];
  const width = (max - min) / buckets;
  return Array.from({ length: buckets }, (_, i) => ({ lower: min + i * width, upper: i === buckets - 1 ? max : min + (i + 1) * width }));
}

/**
 * Summary statistics and an equal-width histogram of one numeric profile field over the stored
 * profiles matching the filter, in two statements whatever the population: one for count, nulls,
 * min, max, mean and the percentiles (ranked with ROW_NUMBER), one GROUP BY on the bin
 * index (`INTERVAL(v, edge₁, …)`) once min and max fix the edges. Money stays in fen.
 *
 * `minimumGroup`: with fewer values than this, only `count` and `nulls` are returned (no statistic
 * that could describe a single enterprise).
 */
export async function fieldDistribution(
  db: SqlRunner,
  request: { field: FieldDef; buckets: number; filter: AggregateFilter; minimumGroup?: number },
): Promise<FieldDistribution> {
  const field = numericField(request.field.key);
  const column = profileColumn(field);
  const { where, params } = filterSql(request.filter);
  const [row] = (await db.query(
    `SELECT s.n, s.nulls, s.lo, s.hi, s.mean, p.p25, p.p50, p.p75, p.p90
       FROM (SELECT COUNT(${column}) AS n, COUNT(*) - COUNT(${column}) AS nulls, MIN(${column}) AS lo, MAX(${column}) AS hi, AVG(${column}) AS mean
               FROM \`enterprise_profile\` WHERE ${where}) s
       LEFT JOIN (SELECT ${PERCENTILES.map(([q, name]) => `${interpolated(q)} AS ${name}`).join(', ')}
                    FROM (SELECT ${column} AS v, ROW_NUMBER() OVER (ORDER BY ${column}) - 1 AS rn, COUNT(*) OVER () AS n
                            FROM \`enterprise_profile\` WHERE ${column} IS NOT NULL AND ${where}) ranked) p ON 1 = 1`,
    [...params, ...params],
  )) as Array<Record<string, unknown>>;
  const count = Number(row?.n ?? 0);
  const nulls = Number(row?.nulls ?? 0);
  const empty = { min: null, max: null, mean: null, p25: null, p50: null, p75: null, p90: null, histogram: [] };
  if (count < Math.max(1, request.minimumGroup ?? 1)) return { field, count, nulls, ...empty, suppressed: count > 0 };

  const min = num(row?.lo)!;
  const max = num(row?.hi)!;
  const edges = histogramEdges(field.type as NumericType, min, max, request.buckets);
  const counts = new Array<number>(edges.length).fill(0);
  if (edges.length === 1) {
    counts[0] = count;
  } else {
    const inner = edges.slice(1).map((e) => e.lower);
    const bins = (await db.query(
      `SELECT INTERVAL(${column}, ${inner.map(() => '?').join(', ')}) AS bin, COUNT(*) AS n
         FROM \`enterprise_profile\` WHERE ${column} IS NOT NULL AND ${where} GROUP BY bin`,
      [...inner, ...params],
    )) as Array<{ bin: string | number; n: string | number }>;
    for (const b of bins) counts[Number(b.bin)] = Number(b.n);
  }
  return {
    field,
    count,
    nulls,
    min,
    max,
    mean: num(row?.mean),
    p25: num(row?.p25),
    p50: num(row?.p50),
    p75: num(row?.p75),
    p90: num(row?.p90),
    histogram: edges.map((e, i) => ({ ...e, count: counts[i] ?? 0 })),
    suppressed: false,
  };
}
