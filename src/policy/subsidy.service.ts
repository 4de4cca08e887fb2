import type { Principal } from '../access/principal';
import type { FinancingEventKind, FinancingState } from '../financing/financing.types';
import type { SqlRunner } from '../ingest/sql-chunks';
import { allPolicyVersions } from './funding-policy.service';
import { fundingLines, type FundingItem, type FundingLine } from './funding-lines';
import { versionInForce } from './funding-policy.types';
import { interestPayments } from './interest-accrual';
import { institutionScope, type FundingTotalsQuery } from './risk-sharing.service';

export interface SubsidyTotals {
  lines: FundingLine[];
  /** Repayments in the range on covered loans without an annual rate: their interest is unknown, so unsubsidised. */
  repaymentsWithoutRate: number;
}

/**
 * Interest subsidies on repayments dated in the range, in two statements whatever the range or
 * grouping: the policy versions, and every event up to `to` of the loans with a repayment in the
 * range (interest accrues from earlier events, so those are read too). The interest each REPAYMENT
 * pays comes from `interestPayments`; it is split GOVERNMENT (the subsidy) / ENTERPRISE (what the
 * borrower bears) under the INTEREST_SUBSIDY version in force on the repayment date, when that
 * version covers the loan's product. MONTH is the repayment's month; `amountFen` of a line is the
 * interest paid, its GOVERNMENT part the subsidy.
 *
 * The INSURANCE_PREMIUM_SUBSIDY policy is listed but not applied: the hub records no premiums.
 */
export async function subsidyTotals(db: SqlRunner, principal: Principal, query: FundingTotalsQuery): Promise<SubsidyTotals> {
  const versions = await allPolicyVersions(db);
  const params: unknown[] = [query.from, query.to];
  let inRange = "r.kind = 'REPAYMENT' AND r.occurred_on BETWEEN ? AND ?";
  const scope = institutionScope(principal);
  if (scope !== null) (inRange += ' AND r.institution_id = ?'), params.push(scope);
  if (query.product !== null) (inRange += ' AND r.product = ?'), params.push(query.product);
  params.push(query.to);
  const rows = (await db.query(
    `SELECT e.case_id, e.institution_id, i.code AS institution_code, i.name AS institution_name, e.product, c.annual_rate_bp, e.kind, e.amount_fen,
            DATE_FORMAT(e.occurred_on, '%Y-%m-%d') AS occurred_on, e.state_after
       FROM financing_event e
       JOIN financing_case c ON c.id = e.case_id
       JOIN institution i ON i.id = e.institution_id
      WHERE e.case_id IN (SELECT r.case_id FROM financing_event r WHERE ${inRange}) AND e.occurred_on <= ?
      ORDER BY e.case_id, e.id`,
    params,
  )) as Array<Record<string, unknown>>;

  const cases = new Map<number, Array<Record<string, unknown>>>();
  for (const r of rows) {
    const id = Number(r.case_id);
    const list = cases.get(id);
    if (list) list.push(r);
    else cases.set(id, [r]);
  }
  const items: FundingItem[] = [];
  let repaymentsWithoutRate = 0;
  for (const events of cases.values()) {
    const head = events[0]!;
    const product = String(head.product);
    const rate = head.annual_rate_bp === null ? null : Number(head.annual_rate_bp);
    const payments =
      rate === null
        ? events.filter((e) => e.kind === 'REPAYMENT').map((e) => ({ paidOn: String(e.occurred_on), interestFen: -1 }))
        : interestPayments(
            events.map((e) => ({ kind: e.kind as FinancingEventKind, amountFen: e.amount_fen === null ? null : Number(e.amount_fen), occurredOn: String(e.occurred_on), stateAfter: e.state_after as FinancingState })),
            rate,
          );
    for (const p of payments) {
      if (p.paidOn < query.from || p.paidOn > query.to) continue;
      const version = versionInForce(versions, 'INTEREST_SUBSIDY', p.paidOn);
      if (version === null || !version.products.includes(product)) continue;
      if (p.interestFen < 0) {
        repaymentsWithoutRate++;
        continue;
      }
      items.push({
        institutionId: Number(head.institution_id),
        institutionCode: String(head.institution_code),
        institutionName: String(head.institution_name),
        product,
        month: p.paidOn.slice(0, 7),
        version,
        amountFen: p.interestFen,
        count: 1,
      });
    }
  }
  return { lines: fundingLines(items, query.groupBy), repaymentsWithoutRate };
}
