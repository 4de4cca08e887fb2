import { HubError } from '../errors/hub-error';
import type { FinancingEventKind, FinancingState } from './financing.types';

/**
 * The lifecycle of one financing case, as a pure function of its events. The table (also in
 * docs/api-financing.md):
 *
 * | state     | event        | amount (fen)                                   | next state                                         |
 * |-----------|--------------|------------------------------------------------|----------------------------------------------------|
 * | (none)    | APPLICATION  | required: the amount applied for               | APPLIED                                            |
 * | APPLIED   | APPROVAL     | optional, 1 … applied (default: applied)       | APPROVED                                           |
 * | APPLIED   | REJECTION    | none                                           | REJECTED (terminal)                                |
 * | APPROVED  | DISBURSEMENT | required, ≤ approved − disbursed               | DISBURSED                                          |
 * | DISBURSED | DISBURSEMENT | required, ≤ approved − disbursed (a tranche)   | DISBURSED                                          |
 * | DISBURSED | REPAYMENT    | required, ≤ outstanding                        | SETTLED when outstanding reaches 0, else DISBURSED |
 * | DISBURSED | OVERDUE      | optional: the past-due amount, ≤ outstanding   | OVERDUE                                            |
 * | OVERDUE   | REPAYMENT    | required, ≤ outstanding                        | SETTLED at 0 outstanding; DISBURSED when cured (the stated past-due amount is paid, or none was stated); else OVERDUE |
 * | OVERDUE   | DEFAULT      | none, or exactly the outstanding               | DEFAULTED (the event records the outstanding)      |
 * | DEFAULTED | RECOVERY     | required, ≤ outstanding                        | SETTLED when outstanding reaches 0, else DEFAULTED |
 * | DEFAULTED | SETTLEMENT   | none, or exactly the outstanding               | SETTLED (the outstanding is written off and recorded as the event's amount) |
 * | REJECTED, SETTLED | —    |                                                | terminal                                           |
 *
 * An event not in the table for the case's state is INVALID_TRANSITION (naming the state, the event
 * and the events allowed). An allowed event with a wrong amount, or dated before the case's latest
 * event, is BAD_USER_INPUT naming `amountFen` or `occurredOn`: the move exists, the value does not fit.
 */
export const TRANSITIONS: Readonly<Record<FinancingState, readonly FinancingEventKind[]>> = {
  APPLIED: ['APPROVAL', 'REJECTION'],
  APPROVED: ['DISBURSEMENT'],
  REJECTED: [],
  DISBURSED: ['DISBURSEMENT', 'REPAYMENT', 'OVERDUE'],
  OVERDUE: ['REPAYMENT', 'DEFAULT'],
  DEFAULTED: ['RECOVERY', 'SETTLEMENT'],
  SETTLED: [],
};

export const isTerminal = (state: FinancingState): boolean => TRANSITIONS[state].length === 0;

/** Where a case stands: its state and running balances, all in fen. */
export interface CaseBalance {
  readonly state: FinancingState;
  readonly appliedFen: number;
  /** Null until approved. */
  readonly approvedFen: number | null;
  readonly disbursedFen: number;
  readonly repaidFen: number;
  /** Disbursed − repaid − recovered − written off. */
  readonly outstandingFen: number;
  readonly recoveredFen: number;
  /** Written off by a SETTLEMENT after default. */
  readonly writtenOffFen: number;
  /** While OVERDUE: the stated past-due amount not yet repaid; null when none was stated (or not overdue). */
  readonly overdueFen: number | null;
  readonly openedOn: string;
  /** Date of the latest event; a new event may not be dated before it. */
  readonly lastEventOn: string;
}

export interface EventInput {
  readonly kind: FinancingEventKind;
  /** Null when the event was given no amount. */
  readonly amountFen: number | null;
  /** `YYYY-MM-DD`. */
  readonly occurredOn: string;
}

export interface Transition {
  readonly next: CaseBalance;
  /** The amount the event records: as given, or the one the table fixes (approval, default, settlement). */
  readonly amountFen: number | null;
}

const badAmount = (message: string, details: Record<string, unknown> = {}) => new HubError('BAD_USER_INPUT', message, { details: { argument: 'amountFen', ...details } });

/** The case an APPLICATION opens. */
export function openCase(appliedFen: number, occurredOn: string): CaseBalance {
  if (!(appliedFen > 0)) throw badAmount('amountFen of an APPLICATION must be more than 0 fen');
  return {
    state: 'APPLIED',
    appliedFen,
    approvedFen: null,
    disbursedFen: 0,
    repaidFen: 0,
    outstandingFen: 0,
    recoveredFen: 0,
    writtenOffFen: 0,
    overdueFen: null,
    openedOn: occurredOn,
    lastEventOn: occurredOn,
  };
}

/**
 * The case after one more event, or the error that refuses it. `caseId` only names the case in
 * messages.
 */
export function applyEvent(current: CaseBalance, event: EventInput, caseId: string | number = '?'): Transition {
  const allowed = TRANSITIONS[current.state];
  if (!allowed.includes(event.kind)) {
    const tail = allowed.length === 0 ? `${current.state} is terminal: no event may follow` : `allowed events: ${allowed.join(', ')}`;
    throw new HubError('INVALID_TRANSITION', `financing case ${caseId} is ${current.state}; ${event.kind} cannot follow (${tail})`, {
      details: { state: current.state, event: event.kind, allowedEvents: [...allowed] },
    });
  }
  if (event.occurredOn < current.lastEventOn) {
    throw new HubError('BAD_USER_INPUT', `occurredOn ${event.occurredOn} is before the latest event of financing case ${caseId} (${current.lastEventOn}); dates may not go backwards`, {
      details: { argument: 'occurredOn', latestEventOn: current.lastEventOn },
    });
  }
  const amount = event.amountFen;
  if (amount !== null && !(amount > 0)) throw badAmount(`amountFen must be more than 0 fen, got ${amount}`);
  const base = { ...current, lastEventOn: event.occurredOn };
  const required = (): number => {
    if (amount === null) throw badAmount(`${event.kind} needs amountFen`);
    return amount;
  };
  const atMost = (limit: number, what: string): number => {
    const a = required();
    if (a > limit) throw badAmount(`amountFen ${a} exceeds ${what} of financing case ${caseId} (${limit} fen)`, { limit });
    return a;
  };
  /** DEFAULT and SETTLEMENT take the outstanding: an amount, if given, must be exactly it. */
  const wholeOutstanding = (): number => {
    if (amount !== null && amount !== current.outstandingFen) {
      throw badAmount(`${event.kind} covers the whole outstanding of financing case ${caseId} (${current.outstandingFen} fen); leave amountFen out or give exactly that`, { outstandingFen: current.outstandingFen });
    }
    return current.outstandingFen;
  };

  switch (event.kind) {
    case 'APPROVAL': {
      const approved = amount === null ? current.appliedFen : atMost(current.appliedFen, 'the amount applied for');
      return { next: { ...base, state: 'APPROVED', approvedFen: approved }, amountFen: approved };
    }
    case 'REJECTION':
      if (amount !== null) throw badAmount('a REJECTION takes no amountFen');
      return { next: { ...base, state: 'REJECTED' }, amountFen: null };
    case 'DISBURSEMENT': {
      const a = atMost((current.approvedFen ?? 0) - current.disbursedFen, 'the approved amount not yet disbursed');
      return { next: { ...base, state: 'DISBURSED', disbursedFen: current.disbursedFen + a, outstandingFen: current.outstandingFen + a }, amountFen: a };
    }
    case 'REPAYMENT': {
      const a = atMost(current.outstandingFen, 'the outstanding');
      const outstandingFen = current.outstandingFen - a;
      const repaid = { ...base, repaidFen: current.repaidFen + a, outstandingFen };
      if (outstandingFen === 0) return { next: { ...repaid, state: 'SETTLED', overdueFen: null }, amountFen: a };
      if (current.state === 'OVERDUE') {
        const pastDue = current.overdueFen === null ? 0 : Math.max(0, current.overdueFen - a);
        return pastDue === 0 ? { next: { ...repaid, state: 'DISBURSED', overdueFen: null }, amountFen: a } : { next: { ...repaid, state: 'OVERDUE', overdueFen: pastDue }, amountFen: a };
      }
      return { next: { ...repaid, state: 'DISBURSED' }, amountFen: a };
    }
    case 'OVERDUE': {
      const pastDue = amount === null ? null : atMost(current.outstandingFen, 'the outstanding');
      return { next: { ...base, state: 'OVERDUE', overdueFen: pastDue }, amountFen: pastDue };
    }
    case 'DEFAULT':
      return { next: { ...base, state: 'DEFAULTED', overdueFen: null }, amountFen: wholeOutstanding() };
    case 'RECOVERY': {
      const a = atMost(current.outstandingFen, 'the outstanding');
      const outstandingFen = current.outstandingFen - a;
      return { next: { ...base, state: outstandingFen === 0 ? 'SETTLED' : 'DEFAULTED', recoveredFen: current.recoveredFen + a, outstandingFen }, amountFen: a };
    }
    case 'SETTLEMENT': {
      const writtenOff = wholeOutstanding();
      return { next: { ...base, state: 'SETTLED', writtenOffFen: current.writtenOffFen + writtenOff, outstandingFen: 0 }, amountFen: writtenOff };
    }
    case 'APPLICATION':
      // Not in any state's list: an application opens a new case (applyForFinancing).
      throw new HubError('INVALID_TRANSITION', `an APPLICATION opens a new case; use applyForFinancing`, { details: { state: current.state, event: event.kind, allowedEvents: [...allowed] } });
  }
}

/** Folds a case's events, oldest first, from its APPLICATION; the balance after each. */
export function replay(events: readonly EventInput[], caseId: string | number = '?'): CaseBalance[] {
  const [first, ...rest] = events;
  if (!first || first.kind !== 'APPLICATION' || first.amountFen === null) throw new Error(`financing case ${caseId} does not start with an APPLICATION`);
  const out = [openCase(first.amountFen, first.occurredOn)];
  for (const e of rest) out.push(applyEvent(out[out.length - 1]!, e, caseId).next);
  return out;
}
