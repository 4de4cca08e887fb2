import { HubError } from '../../../src/errors/hub-error';
import { applyEvent, isTerminal, openCase, replay, TRANSITIONS, type CaseBalance, type EventInput } from '../../../src/financing/financing-state-machine';
import { FINANCING_EVENT_KINDS, FINANCING_STATES, type FinancingEventKind, type FinancingState } from '../../../src/financing/financing.types';

const ev = (kind: FinancingEventKind, amountFen: number | null = null, occurredOn = '2026-03-01'): EventInput => ({ kind, amountFen, occurredOn });

/** A case brought to each state by a valid history: applied 1,000,000 fen, approved 800,000, 500,000 out. */
const HISTORIES: Record<FinancingState, EventInput[]> = {
  APPLIED: [ev('APPLICATION', 1_000_000)],
  APPROVED: [ev('APPLICATION', 1_000_000), ev('APPROVAL', 800_000)],
  REJECTED: [ev('APPLICATION', 1_000_000), ev('REJECTION')],
  DISBURSED: [ev('APPLICATION', 1_000_000), ev('APPROVAL', 800_000), ev('DISBURSEMENT', 500_000)],
  OVERDUE: [ev('APPLICATION', 1_000_000), ev('APPROVAL', 800_000), ev('DISBURSEMENT', 500_000), ev('OVERDUE', 50_000)],
  DEFAULTED: [ev('APPLICATION', 1_000_000), ev('APPROVAL', 800_000), ev('DISBURSEMENT', 500_000), ev('OVERDUE'), ev('DEFAULT')],
  SETTLED: [ev('APPLICATION', 1_000_000), ev('APPROVAL', 800_000), ev('DISBURSEMENT', 500_000), ev('REPAYMENT', 500_000)],
};
const caseIn = (state: FinancingState): CaseBalance => replay(HISTORIES[state]).at(-1)!;

/** A valid amount for each allowed move from each state's fixture case, and the state it leads to. */
const ALLOWED: Array<[FinancingState, FinancingEventKind, number | null, FinancingState]> = [
  ['APPLIED', 'APPROVAL', null, 'APPROVED'],
  ['APPLIED', 'APPROVAL', 600_000, 'APPROVED'],
  ['APPLIED', 'REJECTION', null, 'REJECTED'],
  ['APPROVED', 'DISBURSEMENT', 800_000, 'DISBURSED'],
  ['APPROVED', 'DISBURSEMENT', 100_000, 'DISBURSED'],
  ['DISBURSED', 'DISBURSEMENT', 300_000, 'DISBURSED'],
  ['DISBURSED', 'REPAYMENT', 100_000, 'DISBURSED'],
  ['DISBURSED', 'REPAYMENT', 500_000, 'SETTLED'],
  ['DISBURSED', 'OVERDUE', null, 'OVERDUE'],
  ['DISBURSED', 'OVERDUE', 20_000, 'OVERDUE'],
  ['OVERDUE', 'REPAYMENT', 50_000, 'DISBURSED'],
  ['OVERDUE', 'REPAYMENT', 10_000, 'OVERDUE'],
  ['OVERDUE', 'REPAYMENT', 500_000, 'SETTLED'],
  ['OVERDUE', 'DEFAULT', null, 'DEFAULTED'],
  ['OVERDUE', 'DEFAULT', 500_000, 'DEFAULTED'],
  ['DEFAULTED', 'RECOVERY', 200_000, 'DEFAULTED'],
  ['DEFAULTED', 'RECOVERY', 500_000, 'SETTLED'],
  ['DEFAULTED', 'SETTLEMENT', null, 'SETTLED'],
  ['DEFAULTED', 'SETTLEMENT', 500_000, 'SETTLED'],
];

const failure = (fn: () => unknown): HubError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof HubError) return error;
    throw error;
  }
  throw new Error('expected a HubError');
};

describe('the financing state machine', () => {
  it('brings every fixture case to its state', () => {
    for (const state of FINANCING_STATES) expect(caseIn(state).state).toBe(state);
  });

  it.each(ALLOWED)('%s + %s (%p) → %s', (from, kind, amount, to) => {
    const { next } = applyEvent(caseIn(from), ev(kind, amount, '2026-04-01'));
    expect(next.state).toBe(to);
    expect(next.lastEventOn).toBe('2026-04-01');
  });

  it('covers every allowed (state, event) pair of the table, and only those', () => {
    const tested = new Set(ALLOWED.map(([s, k]) => `${s}/${k}`));
    const table = new Set(FINANCING_STATES.flatMap((s) => TRANSITIONS[s].map((k) => `${s}/${k}`)));
    expect([...tested].sort()).toEqual([...table].sort());
  });

  it('refuses every other (state, event) pair with INVALID_TRANSITION naming the state, the event and the allowed events', () => {
    let refused = 0;
    for (const state of FINANCING_STATES) {
      for (const kind of FINANCING_EVENT_KINDS) {
        if (TRANSITIONS[state].includes(kind)) continue;
        const error = failure(() => applyEvent(caseIn(state), ev(kind, 1_000, '2026-04-01'), 42));
        expect(error.code).toBe('INVALID_TRANSITION');
        expect(error.details).toEqual({ state, event: kind, allowedEvents: [...TRANSITIONS[state]] });
        expect(error.message).toContain(state);
        expect(error.message).toContain(kind);
        for (const allowed of TRANSITIONS[state]) expect(error.message).toContain(allowed);
        refused++;
      }
    }
    expect(refused).toBe(FINANCING_STATES.length * FINANCING_EVENT_KINDS.length - ALLOWED.reduce((s, [st, k]) => s.add(`${st}/${k}`), new Set<string>()).size);
    expect(failure(() => applyEvent(caseIn('SETTLED'), ev('REPAYMENT', 1))).message).toMatch(/terminal/);
  });

  it('has REJECTED and SETTLED as its only terminal states', () => {
    expect(FINANCING_STATES.filter(isTerminal)).toEqual(['REJECTED', 'SETTLED']);
  });

  it('keeps the balances: tranches up to the approved amount, repayments and recoveries off the outstanding, write-offs on settlement', () => {
    const history = [
      ev('APPLICATION', 1_000_000, '2026-01-05'),
      ev('APPROVAL', 800_000, '2026-01-10'),
      ev('DISBURSEMENT', 300_000, '2026-01-15'),
      ev('DISBURSEMENT', 500_000, '2026-02-15'),
      ev('REPAYMENT', 100_000, '2026-03-15'),
      ev('OVERDUE', null, '2026-04-16'),
      ev('DEFAULT', null, '2026-06-30'),
      ev('RECOVERY', 250_000, '2026-07-30'),
      ev('SETTLEMENT', null, '2026-08-30'),
    ];
    const states = replay(history);
    expect(states.map((s) => s.state)).toEqual(['APPLIED', 'APPROVED', 'DISBURSED', 'DISBURSED', 'DISBURSED', 'OVERDUE', 'DEFAULTED', 'DEFAULTED', 'SETTLED']);
    expect(states.at(-1)).toEqual({
      state: 'SETTLED',
      appliedFen: 1_000_000,
      approvedFen: 800_000,
      disbursedFen: 800_000,
      repaidFen: 100_000,
      outstandingFen: 0,
      recoveredFen: 250_000,
      writtenOffFen: 450_000,
      overdueFen: null,
      openedOn: '2026-01-05',
      lastEventOn: '2026-08-30',
    });
    // DEFAULT and SETTLEMENT record the outstanding they cover.
    expect(applyEvent(states[5]!, ev('DEFAULT', null, '2026-06-30')).amountFen).toBe(700_000);
    expect(applyEvent(states[7]!, ev('SETTLEMENT', null, '2026-08-30')).amountFen).toBe(450_000);
    // An approval without an amount approves what was applied for.
    expect(applyEvent(caseIn('APPLIED'), ev('APPROVAL')).amountFen).toBe(1_000_000);
  });

  it('cures an overdue case when the stated past-due amount is repaid, or at once when none was stated', () => {
    const overdue = caseIn('OVERDUE'); // 50,000 past due
    const partly = applyEvent(overdue, ev('REPAYMENT', 30_000)).next;
    expect(partly).toMatchObject({ state: 'OVERDUE', overdueFen: 20_000, outstandingFen: 470_000 });
    expect(applyEvent(partly, ev('REPAYMENT', 20_000)).next).toMatchObject({ state: 'DISBURSED', overdueFen: null, outstandingFen: 450_000 });
    const unstated = applyEvent(caseIn('DISBURSED'), ev('OVERDUE')).next;
    expect(applyEvent(unstated, ev('REPAYMENT', 1)).next.state).toBe('DISBURSED');
  });

  it('refuses amounts the move cannot take with BAD_USER_INPUT naming amountFen', () => {
    const cases: Array<[FinancingState, EventInput, RegExp]> = [
      ['APPLIED', ev('APPROVAL', 1_000_001), /exceeds the amount applied for/],
      ['APPLIED', ev('REJECTION', 5), /takes no amountFen/],
      ['APPROVED', ev('DISBURSEMENT', 800_001), /approved amount not yet disbursed/],
      ['APPROVED', ev('DISBURSEMENT'), /needs amountFen/],
      ['DISBURSED', ev('DISBURSEMENT', 300_001), /approved amount not yet disbursed/],
      ['DISBURSED', ev('REPAYMENT', 500_001), /exceeds the outstanding/],
      ['DISBURSED', ev('REPAYMENT'), /needs amountFen/],
      ['DISBURSED', ev('OVERDUE', 500_001), /exceeds the outstanding/],
      ['OVERDUE', ev('DEFAULT', 1), /whole outstanding/],
      ['DEFAULTED', ev('RECOVERY', 500_001), /exceeds the outstanding/],
      ['DEFAULTED', ev('SETTLEMENT', 7), /whole outstanding/],
      ['DISBURSED', ev('REPAYMENT', 0), /more than 0/],
      ['DISBURSED', ev('REPAYMENT', -5), /more than 0/],
    ];
    for (const [state, event, message] of cases) {
      const error = failure(() => applyEvent(caseIn(state), event));
      expect({ state, kind: event.kind, code: error.code, argument: error.details?.argument }).toEqual({ state, kind: event.kind, code: 'BAD_USER_INPUT', argument: 'amountFen' });
      expect(error.message).toMatch(message);
    }
  });

  it('refuses an event dated before the case’s latest event, and accepts the same day', () => {
    const c = replay([ev('APPLICATION', 1_000, '2026-03-10')]).at(-1)!;
    const error = failure(() => applyEvent(c, ev('APPROVAL', null, '2026-03-09')));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toMatchObject({ argument: 'occurredOn', latestEventOn: '2026-03-10' });
    expect(applyEvent(c, ev('APPROVAL', null, '2026-03-10')).next.state).toBe('APPROVED');
  });

  it('opens a case only with a positive amount, and replays only histories that start with an APPLICATION', () => {
    expect(openCase(1, '2026-01-01')).toMatchObject({ state: 'APPLIED', appliedFen: 1, outstandingFen: 0 });
    expect(failure(() => openCase(0, '2026-01-01')).code).toBe('BAD_USER_INPUT');
    expect(() => replay([ev('APPROVAL')])).toThrow(/APPLICATION/);
  });
});
