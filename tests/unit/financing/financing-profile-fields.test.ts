import type { FinancingEventData, FinancingEventRecord, LegalEventRecord } from '../../../src/profile/derive/enterprise-records';
import { bundle, deriveOne, rec } from '../../support/profile-records';

const AS_OF = '2026-10-01';
const ev = (case_id: number, institution_id: number, kind: string, occurred_on: string, amount_fen: number | null = null): FinancingEventRecord =>
  rec<FinancingEventData>('financing', 'events', { case_id, institution_id, product: 'CREDIT_LOAN', kind, amount_fen, occurred_on });

/*
 * Case 1 (bank 1): 800,000 out in two tranches, 200,000 repaid → 600,000 outstanding; overdue once.
 * Case 2 (bank 2): 300,000 out in 2022, defaulted, 100,000 recovered, rest written off → 0.
 * Case 3 (bank 2): disbursed after the as-of date: not yet counted.
 * Case 4 (bank 3): applied and rejected.
 */
const E = {
  c1Apply: ev(1, 1, 'APPLICATION', '2025-01-05', 1_000_000),
  c1Approve: ev(1, 1, 'APPROVAL', '2025-01-10', 800_000),
  c1Out1: ev(1, 1, 'DISBURSEMENT', '2025-01-15', 300_000),
  c1Out2: ev(1, 1, 'DISBURSEMENT', '2025-06-15', 500_000),
  c1Repay: ev(1, 1, 'REPAYMENT', '2025-09-15', 200_000),
  c1Overdue: ev(1, 1, 'OVERDUE', '2026-02-16'),
  c1Cure: ev(1, 1, 'REPAYMENT', '2026-03-01', 0 + 1),
  c2Apply: ev(2, 2, 'APPLICATION', '2022-03-01', 300_000),
  c2Approve: ev(2, 2, 'APPROVAL', '2022-03-02', 300_000),
  c2Out: ev(2, 2, 'DISBURSEMENT', '2022-03-03', 300_000),
  c2Overdue: ev(2, 2, 'OVERDUE', '2023-01-05'),
  c2Default: ev(2, 2, 'DEFAULT', '2023-11-01', 300_000),
  c2Recover: ev(2, 2, 'RECOVERY', '2024-01-01', 100_000),
  c2WriteOff: ev(2, 2, 'SETTLEMENT', '2024-02-01', 200_000),
  c3Apply: ev(3, 2, 'APPLICATION', '2026-09-01', 50_000),
  c3Approve: ev(3, 2, 'APPROVAL', '2026-09-20', 50_000),
  c3Out: ev(3, 2, 'DISBURSEMENT', '2026-10-02', 50_000),
  c4Apply: ev(4, 3, 'APPLICATION', '2026-01-01', 70_000),
  c4Reject: ev(4, 3, 'REJECTION', '2026-01-02'),
};
const records = bundle((b) => b.financingEvents.push(...Object.values(E)));
const value = (key: string, asOf = AS_OF) => deriveOne(key, records, asOf).value;
const ids = (key: string, asOf = AS_OF) => deriveOne(key, records, asOf).records.map((r) => r.id).sort();
const idsOf = (...events: FinancingEventRecord[]) => events.map((e) => e.id).sort();

describe('financing fields fed by recorded financing events', () => {
  it('sums the outstanding of recorded loans on the as-of date, and counts their lenders', () => {
    expect(value('recorded_loans_outstanding_fen')).toBe(599_999);
    expect(ids('recorded_loans_outstanding_fen')).toEqual(idsOf(E.c1Out1, E.c1Out2, E.c1Repay, E.c1Cure));
    expect(value('lenders_with_outstanding_loan')).toBe(1);
    // Case 3's disbursement counts from its date on.
    expect(value('recorded_loans_outstanding_fen', '2026-10-02')).toBe(649_999);
    expect(value('lenders_with_outstanding_loan', '2026-10-02')).toBe(2);
    // Mid-2023 case 2 was still out (defaulted, nothing recovered yet).
    expect(value('recorded_loans_outstanding_fen', '2023-12-31')).toBe(300_000);
    expect(value('recorded_loans_outstanding_fen', '2022-03-02')).toBe(0);
  });

  it('counts loans and amounts disbursed in 36 months, tranches of one loan once', () => {
    expect(value('loans_disbursed_36m')).toBe(1);
    expect(value('loan_amount_disbursed_36m')).toBe(800_000);
    expect(ids('loan_amount_disbursed_36m')).toEqual(idsOf(E.c1Out1, E.c1Out2));
    // As of 2025-03-01 the window (2022-03-01, 2025-03-01] holds case 2's and case 1's first tranche.
    expect(value('loans_disbursed_36m', '2025-03-01')).toBe(2);
    expect(value('loan_amount_disbursed_36m', '2025-03-01')).toBe(600_000);
  });

  it('dates the last disbursement and the first loan', () => {
    expect(value('last_disbursement_date')).toBe('2025-06-15');
    expect(ids('last_disbursement_date')).toEqual(idsOf(E.c1Out2));
    expect(value('last_disbursement_date', '2026-10-02')).toBe('2026-10-02');
    expect(value('last_disbursement_date', '2022-03-02')).toBeNull();
    expect(value('first_loan_date')).toBe('2022-03-03');
    expect(ids('first_loan_date')).toEqual(idsOf(E.c2Out));
  });

  it('takes the earlier of a patent pledge and a recorded disbursement as the first loan date', () => {
    const pledge = rec<LegalEventRecord['data']>('patent', 'legal_events', {
      event_id: 'P1',
      application_no: 'CN201810000001.1',
      event_type: 'pledged',
      event_on: '2021-05-01',
      counterparty: '齐鲁银行股份有限公司',
      updated_at: '2021-05-01T00:00:00.000Z',
    });
    const both = bundle((b) => {
      b.financingEvents.push(...Object.values(E));
      b.legalEvents.push(pledge);
    });
    expect(deriveOne('first_loan_date', both, AS_OF).value).toBe('2021-05-01');
    expect(deriveOne('first_loan_date', both, '2021-04-30').value).toBeNull();
  });

  it('counts overdues in 12 months and defaults in 36 months', () => {
    expect(value('loan_overdue_events_12m')).toBe(1);
    expect(ids('loan_overdue_events_12m')).toEqual(idsOf(E.c1Overdue));
    expect(value('loan_overdue_events_12m', '2023-06-30')).toBe(1);
    expect(value('loan_defaults_36m')).toBe(1);
    expect(value('loan_defaults_36m', '2026-11-02')).toBe(0);
  });

  it('gives 0 and null, not errors, for an enterprise with no recorded financing', () => {
    const none = bundle(() => undefined);
    for (const key of ['recorded_loans_outstanding_fen', 'lenders_with_outstanding_loan', 'loans_disbursed_36m', 'loan_amount_disbursed_36m', 'loan_overdue_events_12m', 'loan_defaults_36m']) {
      expect({ key, value: deriveOne(key, none, AS_OF).value }).toEqual({ key, value: 0 });
    }
    expect(deriveOne('last_disbursement_date', none, AS_OF).value).toBeNull();
  });
});
