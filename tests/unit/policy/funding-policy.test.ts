import { fundingLines, type FundingItem } from '../../../src/policy/funding-lines';
import { versionInForce, type FundingPolicyVersion } from '../../../src/policy/funding-policy.types';
import { interestPayments, type AccrualEvent } from '../../../src/policy/interest-accrual';

const version = (id: number, policy: FundingPolicyVersion['policy'], v: number, effectiveFrom: string, shares: Partial<FundingPolicyVersion['shares']>): FundingPolicyVersion => ({
  id,
  policy,
  version: v,
  effectiveFrom,
  shares: { GOVERNMENT: 0, BANK: 0, GUARANTOR: 0, INSURER: 0, ENTERPRISE: 0, ...shares },
  products: ['CREDIT_LOAN'],
  note: null,
  createdBy: 'test',
  createdAt: new Date(0),
});

const POOL1 = version(1, 'SCI_TECH_RISK_POOL', 1, '2021-01-01', { GOVERNMENT: 4000, BANK: 3000, GUARANTOR: 2000, INSURER: 1000 });
const POOL2 = version(5, 'SCI_TECH_RISK_POOL', 2, '2026-03-01', { GOVERNMENT: 5000, BANK: 2500, GUARANTOR: 1500, INSURER: 1000 });
const SUBSIDY = version(3, 'INTEREST_SUBSIDY', 1, '2021-01-01', { GOVERNMENT: 3000, ENTERPRISE: 7000 });

describe('versionInForce', () => {
  const all = [POOL2, SUBSIDY, POOL1];
  it('takes the version effective on the day, the old one the day before', () => {
    expect(versionInForce(all, 'SCI_TECH_RISK_POOL', '2026-02-28')?.version).toBe(1);
    expect(versionInForce(all, 'SCI_TECH_RISK_POOL', '2026-03-01')?.version).toBe(2);
    expect(versionInForce(all, 'SCI_TECH_RISK_POOL', '2030-01-01')?.version).toBe(2);
    expect(versionInForce(all, 'SCI_TECH_RISK_POOL', '2021-01-01')?.version).toBe(1);
  });
  it('is null before a policy exists, and never mixes policies', () => {
    expect(versionInForce(all, 'SCI_TECH_RISK_POOL', '2020-12-31')).toBeNull();
    expect(versionInForce(all, 'TALENT_LOAN_COMPENSATION', '2026-03-01')).toBeNull();
    expect(versionInForce(all, 'INTEREST_SUBSIDY', '2026-03-01')?.id).toBe(3);
  });
});

describe('interestPayments', () => {
  const ev = (kind: AccrualEvent['kind'], amountFen: number | null, occurredOn: string, stateAfter: AccrualEvent['stateAfter']): AccrualEvent => ({ kind, amountFen, occurredOn, stateAfter });

  it('accrues ACT/360 on the balance between events and pays it with each repayment', () => {
    const events = [
      ev('APPLICATION', 2_000_000, '2026-01-05', 'APPLIED'),
      ev('APPROVAL', 1_500_000, '2026-01-10', 'APPROVED'),
      ev('DISBURSEMENT', 1_000_000, '2026-01-15', 'DISBURSED'),
      ev('DISBURSEMENT', 500_000, '2026-02-15', 'DISBURSED'),
      ev('REPAYMENT', 300_000, '2026-03-15', 'DISBURSED'),
      ev('REPAYMENT', 1_200_000, '2026-04-14', 'SETTLED'),
    ];
    // 3.60 % a year = 1 bp of principal a day (÷ 360 × 10,000 / 360): 1,000,000 fen × 31 days + 1,500,000 × 28 days
    // = 0.0001 × (31,000,000 + 42,000,000) = 7,300 fen; then 1,200,000 × 30 days × 0.0001 = 3,600 fen.
    expect(interestPayments(events, 360)).toEqual([
      { paidOn: '2026-03-15', interestFen: 7_300 },
      { paidOn: '2026-04-14', interestFen: 3_600 },
    ]);
  });

  it('rounds half up only when paid, and stops accruing at default', () => {
    const events = [
      ev('APPLICATION', 1_000, '2026-01-01', 'APPLIED'),
      ev('APPROVAL', null, '2026-01-01', 'APPROVED'),
      ev('DISBURSEMENT', 1_000, '2026-01-01', 'DISBURSED'),
      ev('OVERDUE', null, '2026-01-19', 'OVERDUE'),
      ev('REPAYMENT', 100, '2026-01-19', 'OVERDUE'),
      ev('DEFAULT', null, '2026-03-01', 'DEFAULTED'),
      ev('RECOVERY', 900, '2026-05-01', 'SETTLED'),
    ];
    // 1,000 fen × 1,000 bp × 18 days / 3,600,000 = 5 fen exactly; 900 × 1,000 × 41 / 3.6e6 = 10.25 (never paid).
    expect(interestPayments(events, 1_000)).toEqual([{ paidOn: '2026-01-19', interestFen: 5 }]);
    // 1,000 × 25 bp × 18 days / 3.6e6 = 0.125 → 0; × 100 bp = 0.5 → 1 (half up).
    expect(interestPayments(events, 25)[0]!.interestFen).toBe(0);
    expect(interestPayments(events, 100)[0]!.interestFen).toBe(1);
  });
});

describe('fundingLines', () => {
  const item = (over: Partial<FundingItem>): FundingItem => ({
    institutionId: 1,
    institutionCode: 'qilu-bank',
    institutionName: 'Qilu',
    product: 'CREDIT_LOAN',
    month: '2026-02',
    version: POOL1,
    amountFen: 7,
    count: 1,
    ...over,
  });

  it('splits each item exactly and sums parts per group, naming the versions used', () => {
    const items = [item({}), item({ amountFen: 7, count: 2 }), item({ month: '2026-03', version: POOL2, amountFen: 1_001 }), item({ amountFen: -1 })];
    const [all] = fundingLines(items, []);
    // 7 → 3/2/1/1 (× 3 items), −1 → −1/0/0/0, 1,001 at 50/25/15/10 → 500.5/250.25/150.15/100.1 → 501/250/150/100.
    expect(all!.parts).toEqual([
      { party: 'GOVERNMENT', amountFen: 9 - 1 + 501 },
      { party: 'BANK', amountFen: 6 + 250 },
      { party: 'GUARANTOR', amountFen: 3 + 150 },
      { party: 'INSURER', amountFen: 3 + 100 },
    ]);
    expect(all!.amountFen).toBe(21 - 1 + 1_001);
    expect(all!.events).toBe(5);
    expect(all!.versions.map((v) => v.version)).toEqual([1, 2]);

    const byMonthParty = fundingLines(items, ['MONTH', 'PARTY']);
    expect(byMonthParty.map((l) => [l.month, l.party, l.amountFen])).toEqual([
      ['2026-02', 'GOVERNMENT', 8],
      ['2026-02', 'BANK', 6],
      ['2026-02', 'GUARANTOR', 3],
      ['2026-02', 'INSURER', 3],
      ['2026-03', 'GOVERNMENT', 501],
      ['2026-03', 'BANK', 250],
      ['2026-03', 'GUARANTOR', 150],
      ['2026-03', 'INSURER', 100],
    ]);
    expect(byMonthParty.every((l) => l.parts.length === 1 && l.parts[0]!.party === l.party)).toBe(true);
  });
});
