import { withinMonths } from './calendar';
import type { DeriveContext } from './derive-context';
import type { FinancingEventRecord } from './enterprise-records';

/*
 * Loans as institutions recorded them through the API (financing cases and their events). A case's
 * outstanding on a date is what its events dated on or before it leave: disbursements less
 * repayments, recoveries and write-offs (SETTLEMENT amounts), which is the state machine's balance.
 */

/** The enterprise's financing events dated on or before the as-of date, in recording order. */
export const financingEventsAsOf = (ctx: DeriveContext): readonly FinancingEventRecord[] =>
  ctx.memo('fin:loan-events', () => ctx.records.financingEvents.filter((e) => e.data.occurred_on <= ctx.asOf));

export const eventsOfKind = (ctx: DeriveContext, kind: string): readonly FinancingEventRecord[] =>
  ctx.memo(`fin:loan-events:${kind}`, () => financingEventsAsOf(ctx).filter((e) => e.data.kind === kind));

/** Events of one kind dated in (as-of date − months, as-of date]. */
export const eventsOfKindWithin = (ctx: DeriveContext, kind: string, months: number): readonly FinancingEventRecord[] =>
  ctx.memo(`fin:loan-events:${kind}:${months}m`, () => eventsOfKind(ctx, kind).filter((e) => withinMonths(e.data.occurred_on, ctx.asOf, months)));

const SIGN: Readonly<Record<string, number>> = { DISBURSEMENT: 1, REPAYMENT: -1, RECOVERY: -1, SETTLEMENT: -1 };

export interface OutstandingLoan {
  readonly caseId: number;
  readonly institutionId: number;
  readonly outstandingFen: number;
  /** The events that moved the balance (provenance). */
  readonly events: readonly FinancingEventRecord[];
}

/** Cases with a balance above 0 on the as-of date. */
export function outstandingLoans(ctx: DeriveContext): readonly OutstandingLoan[] {
  return ctx.memo('fin:outstanding-loans', () => {
    const byCase = new Map<number, { institutionId: number; fen: number; events: FinancingEventRecord[] }>();
    for (const e of financingEventsAsOf(ctx)) {
      const sign = SIGN[e.data.kind];
      if (sign === undefined || e.data.amount_fen === null) continue;
      let c = byCase.get(e.data.case_id);
      if (!c) byCase.set(e.data.case_id, (c = { institutionId: e.data.institution_id, fen: 0, events: [] }));
      c.fen += sign * e.data.amount_fen;
      c.events.push(e);
    }
    return [...byCase]
      .filter(([, c]) => c.fen > 0)
      .map(([caseId, c]) => ({ caseId, institutionId: c.institutionId, outstandingFen: c.fen, events: c.events }));
  });
}
