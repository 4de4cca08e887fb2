import type { Principal } from '../access/principal';
import type { SqlRunner } from '../ingest/sql-chunks';
import { allPolicyVersions } from './funding-policy.service';
import { fundingLines, type FundingGroup, type FundingItem, type FundingLine } from './funding-lines';
import { LOSS_POLICIES } from './funding-policy.types';

export interface FundingTotalsQuery {
  groupBy: readonly FundingGroup[];
  /** Events dated from `from` to `to`, both inclusive (`YYYY-MM-DD`). */
  from: string;
  to: string;
  /** Only this product's loans; null for all. */
  product: string | null;
}

/** An INSTITUTION principal's lines are its own institution's; platform roles see all. */
export const institutionScope = (principal: Principal): number | null => (principal.role === 'INSTITUTION' ? (principal.institutionId ?? -1) : null);

/**
 * How the losses of defaulted loans dated in the range are shared, in two statements whatever the
 * range or grouping (the policy versions, and one GROUP BY over the events).
 *
 * - The loss of a case is recognised on its DEFAULT event: the outstanding at default. It is shared
 *   under the loss policy (SCI_TECH_RISK_POOL or TALENT_LOAN_COMPENSATION) whose version in force on
 *   the DEFAULT date covers the case's product; with no such version the loss is not shared.
 * - A RECOVERY after default gives money back: it is shared, negated, under the same version as the
 *   case's DEFAULT, so that once a case is SETTLED its lines net to the amount written off by the
 *   SETTLEMENT (which is therefore not counted again).
 * - MONTH is the month of the DEFAULT or RECOVERY event.
 *
 * The database sums equal signed amounts per group and version; each distinct amount is split with
 * largest-remainder rounding and multiplied by its count, so every event's parts sum exactly.
 */
export async function riskSharingTotals(db: SqlRunner, principal: Principal, query: FundingTotalsQuery): Promise<FundingLine[]> {
  const versions = await allPolicyVersions(db);
  const byId = new Map(versions.map((v) => [v.id, v]));
  const groups = new Set(query.groupBy);
  const cols = {
    institution: groups.has('INSTITUTION') ? ['e.institution_id', 'i.code', 'i.name'] : [],
    product: groups.has('PRODUCT') ? ['e.product'] : [],
    month: groups.has('MONTH') ? ["DATE_FORMAT(e.occurred_on, '%Y-%m')"] : [],
  };
  const signed = "CASE WHEN e.kind = 'RECOVERY' THEN -e.amount_fen ELSE e.amount_fen END";
  const keys = [...cols.institution, ...cols.product, ...cols.month, signed, 'v.id'];
  const params: unknown[] = [...LOSS_POLICIES, query.from, query.to];
  let where = "e.kind IN ('DEFAULT', 'RECOVERY') AND e.occurred_on BETWEEN ? AND ?";
  const scope = institutionScope(principal);
  if (scope !== null) (where += ' AND e.institution_id = ?'), params.push(scope);
  if (query.product !== null) (where += ' AND e.product = ?'), params.push(query.product);
  const rows = (await db.query(
    `SELECT ${cols.institution.length > 0 ? 'e.institution_id, i.code AS institution_code, i.name AS institution_name' : 'NULL AS institution_id, NULL AS institution_code, NULL AS institution_name'},
            ${cols.product.length > 0 ? 'e.product' : 'NULL AS product'}, ${cols.month.length > 0 ? `${cols.month[0]} AS month` : 'NULL AS month'},
            ${signed} AS amount_fen, v.id AS version_id, COUNT(*) AS n
       FROM financing_event e
       JOIN institution i ON i.id = e.institution_id
       JOIN financing_event d ON d.case_id = e.case_id AND d.kind = 'DEFAULT'
       JOIN funding_policy_version v ON v.policy IN (?, ?) AND FIND_IN_SET(e.product, v.products) > 0
            AND v.effective_from = (SELECT MAX(w.effective_from) FROM funding_policy_version w WHERE w.policy = v.policy AND w.effective_from <= d.occurred_on)
      WHERE ${where}
      GROUP BY ${keys.join(', ')}`,
    params,
  )) as Array<Record<string, unknown>>;
  const items: FundingItem[] = rows.map((r) => ({
    institutionId: r.institution_id === null ? null : Number(r.institution_id),
    institutionCode: (r.institution_code as string | null) ?? null,
    institutionName: (r.institution_name as string | null) ?? null,
    product: (r.product as string | null) ?? null,
    month: (r.month as string | null) ?? null,
    version: byId.get(Number(r.version_id))!,
    amountFen: Number(r.amount_fen),
    count: Number(r.n),
  }));
  return fundingLines(items, query.groupBy);
}
