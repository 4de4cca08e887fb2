import type { SqlRunner } from '../ingest/sql-chunks';
import type { FinancingProduct } from './financing.types';

export const TOTALS_GROUPS = ['PRODUCT', 'INSTITUTION', 'MONTH'] as const;
export type TotalsGroup = (typeof TOTALS_GROUPS)[number];

export interface TotalsQuery {
  groupBy: readonly TotalsGroup[];
  /** Events dated from `from` to `to`, both inclusive (`YYYY-MM-DD`). */
  from: string;
  to: string;
  product: FinancingProduct | null;
}

/** One group's sums (fen) and counts; the grouping columns not asked for are null. */
export interface TotalsRow {
  product: FinancingProduct | null;
  institutionId: number | null;
  institutionCode: string | null;
  institutionName: string | null;
  /** `YYYY-MM`. */
  month: string | null;
  appliedFen: number;
  approvedFen: number;
  disbursedFen: number;
  repaidFen: number;
  recoveredFen: number;
  /** Outstanding at default, summed over DEFAULT events. */
  defaultedFen: number;
  /** Written off by SETTLEMENT events. */
  writtenOffFen: number;
  applications: number;
  approvals: number;
  rejections: number;
  disbursements: number;
  repayments: number;
  overdues: number;
  defaults: number;
  recoveries: number;
  settlements: number;
  events: number;
  /** Distinct cases with an event in the group. */
  cases: number;
}

const SUMS: ReadonlyArray<[keyof TotalsRow, string]> = [
  ['appliedFen', 'APPLICATION'],
  ['approvedFen', 'APPROVAL'],
  ['disbursedFen', 'DISBURSEMENT'],
  ['repaidFen', 'REPAYMENT'],
  ['recoveredFen', 'RECOVERY'],
  ['defaultedFen', 'DEFAULT'],
  ['writtenOffFen', 'SETTLEMENT'],
];
const COUNTS: ReadonlyArray<[keyof TotalsRow, string]> = [
  ['applications', 'APPLICATION'],
  ['approvals', 'APPROVAL'],
  ['rejections', 'REJECTION'],
  ['disbursements', 'DISBURSEMENT'],
  ['repayments', 'REPAYMENT'],
  ['overdues', 'OVERDUE'],
  ['defaults', 'DEFAULT'],
  ['recoveries', 'RECOVERY'],
  ['settlements', 'SETTLEMENT'],
];

/**
 * Financing totals over recorded events in ONE GROUP BY statement: amounts and counts per event kind,
 * grouped by any of product, institution and month of the event date (none: one row for all).
 * Groups without events do not appear. Ordered by the grouping columns.
 */
export async function financingTotals(db: SqlRunner, query: TotalsQuery): Promise<TotalsRow[]> {
  const groups = [...new Set(query.groupBy)];
  const by = {
    PRODUCT: ['e.product'],
    INSTITUTION: ['e.institution_id', 'i.code', 'i.name'],
    MONTH: ["DATE_FORMAT(e.occurred_on, '%Y-%m')"],
  } satisfies Record<TotalsGroup, string[]>;
  const keys = groups.flatMap((g) => by[g]);
  const select = [
    groups.includes('PRODUCT') ? 'e.product AS product' : 'NULL AS product',
    groups.includes('INSTITUTION') ? 'e.institution_id AS institution_id, i.code AS institution_code, i.name AS institution_name' : 'NULL AS institution_id, NULL AS institution_code, NULL AS institution_name',
    groups.includes('MONTH') ? "DATE_FORMAT(e.occurred_on, '%Y-%m') AS month" : 'NULL AS month',
    ...SUMS.map(([name, kind]) => `COALESCE(SUM(CASE WHEN e.kind = '${kind}' THEN e.amount_fen END), 0) AS ${name}`),
    ...COUNTS.map(([name, kind]) => `SUM(e.kind = '${kind}') AS ${name}`),
    'COUNT(*) AS events',
    'COUNT(DISTINCT e.case_id) AS cases',
  ];
  const params: unknown[] = [query.from, query.to];
  let where = 'e.occurred_on BETWEEN ? AND ?';
  if (query.product !== null) (where += ' AND e.product = ?'), params.push(query.product);
  const rows = (await db.query(
    `SELECT ${select.join(', ')}
       FROM financing_event e JOIN institution i ON i.id = e.institution_id
      WHERE ${where}
      ${keys.length > 0 ? `GROUP BY ${keys.join(', ')} ORDER BY ${keys.join(', ')}` : ''}`,
    params,
  )) as Array<Record<string, unknown>>;
  // Without GROUP BY an empty range still yields one row of zeros; with it, no rows.
  return rows
    .filter((r) => Number(r.events) > 0)
    .map((r) => {
      const row: Record<string, unknown> = {
        product: r.product ?? null,
        institutionId: r.institution_id === null ? null : Number(r.institution_id),
        institutionCode: r.institution_code ?? null,
        institutionName: r.institution_name ?? null,
        month: r.month ?? null,
        events: Number(r.events),
        cases: Number(r.cases),
      };
      for (const [name] of [...SUMS, ...COUNTS]) row[name] = Number(r[name] ?? 0);
      return row as unknown as TotalsRow;
    });
}
