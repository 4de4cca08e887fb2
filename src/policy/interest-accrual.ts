import type { FinancingEventKind, FinancingState } from '../financing/financing.types';
import { daysBetween } from '../profile/derive/calendar';

/** Days in the year of a daily rate: Chinese bank loans quote 日利率 = 年利率 ÷ 360 (ACT/360). */
export const DAY_COUNT_BASIS = 360;

export interface AccrualEvent {
  kind: FinancingEventKind;
  amountFen: number | null;
  /** `YYYY-MM-DD`. */
  occurredOn: string;
  stateAfter: FinancingState;
}

export interface InterestPayment {
  /** The REPAYMENT's date: interest is taken as paid with each repayment. */
  paidOn: string;
  interestFen: number;
}

const ACCRUING: ReadonlySet<FinancingState> = new Set(['DISBURSED', 'OVERDUE']);

/**
 * The interest paid on one loan, derived from its events (oldest first) and annual rate, because
 * institutions record principal amounts only:
 *
 * - Between two consecutive events, interest accrues on the outstanding principal left by the earlier
 *   event, for the calendar days between their dates, at `annualRateBp / 10,000 / 360` a day (ACT/360),
 *   while the loan is DISBURSED or OVERDUE (not before disbursement, not once DEFAULTED or SETTLED).
 * - Interest accrued so far is taken as paid with the next REPAYMENT event (a REPAYMENT pays the
 *   interest accrued to its date, besides its principal amount), on that event's date.
 * - Interest accrued up to a DEFAULT was never paid and earns no subsidy.
 * - Accrual is summed exactly (BigInt of fen × bp × days) and rounded half up to whole fen only when
 *   paid, so splitting a period never moves a fen.
 */
export function interestPayments(events: readonly AccrualEvent[], annualRateBp: number): InterestPayment[] {
  const out: InterestPayment[] = [];
  const denominator = BigInt(10_000 * DAY_COUNT_BASIS);
  let outstanding = 0;
  let state: FinancingState | null = null;
  let since: string | null = null;
  let accrued = 0n; // fen × bp × days
  for (const e of events) {
    if (state !== null && since !== null && ACCRUING.has(state) && outstanding > 0) {
      accrued += BigInt(outstanding) * BigInt(annualRateBp) * BigInt(Math.max(0, daysBetween(since, e.occurredOn)));
    }
    const amount = e.amountFen ?? 0;
    switch (e.kind) {
      case 'DISBURSEMENT':
        outstanding += amount;
        break;
      case 'REPAYMENT': {
        const fen = (accrued * 2n + denominator) / (2n * denominator);
        out.push({ paidOn: e.occurredOn, interestFen: Number(fen) });
        accrued = 0n;
        outstanding -= amount;
        break;
      }
      case 'RECOVERY':
        outstanding -= amount;
        break;
      case 'DEFAULT':
        accrued = 0n;
        break;
      case 'SETTLEMENT':
        outstanding = 0;
        accrued = 0n;
        break;
      default:
        break;
    }
    state = e.stateAfter;
    since = e.occurredOn;
  }
  return out;
}
