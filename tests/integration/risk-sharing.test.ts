import { authenticate } from '../../src/access/api-keys.service';
import type { Principal } from '../../src/access/principal';
import { withStatementTally } from '../../src/db/statement-counter';
import { applyForFinancing, recordFinancingEvent } from '../../src/financing/financing.service';
import { financingTotals } from '../../src/financing/financing-totals';
import { addPolicyVersion, allPolicyVersions } from '../../src/policy/funding-policy.service';
import type { FundingGroup } from '../../src/policy/funding-lines';
import { riskSharingTotals } from '../../src/policy/risk-sharing.service';
import { subsidyTotals } from '../../src/policy/subsidy.service';
import { hubErrorOf } from '../support/hub-error';
import { createApiTestHub, type ApiTestHub } from '../support/api-hub';

/**
 * Risk sharing and interest subsidies over financing events recorded on MariaDB, with policy versions
 * changing mid-range: the day before a version's effective date uses the old one, every split sums
 * exactly, and the totals match hand-computed figures and the financing totals' independent SQL.
 */
describe('risk sharing and subsidies on MariaDB', () => {
  let t: ApiTestHub;
  let admin: Principal;
  let bankA: Principal;
  let bankB: Principal;
  let usccs: string[];
  let serial = 0;
  const key = () => `rs-${process.pid}-${++serial}`;
  const YEAR = { from: '2026-01-01', to: '2026-12-31', product: null };

  const failure = hubErrorOf;

  /** A loan opened and moved through `steps` ([kind, amount, date]). */
  async function loan(who: Principal, product: string, annualRateBp: number | null, appliedFen: number, openedOn: string, steps: Array<[string, number | null, string]>): Promise<number> {
    const opened = await applyForFinancing(t.hub.runtime, who, { uscc: usccs[serial % usccs.length]!, product, amountFen: appliedFen, termMonths: 12, annualRateBp, occurredOn: openedOn, idempotencyKey: key() });
    for (const [kind, amountFen, occurredOn] of steps) await recordFinancingEvent(t.hub.runtime, who, { caseId: opened.case.id, kind, amountFen, occurredOn, idempotencyKey: key() });
    return opened.case.id;
  }

  beforeAll(async () => {
    t = await createApiTestHub({ sandbox: { enterprises: 4 } });
    const db = t.hub.runtime.db;
    admin = (await authenticate(db, t.keys.admin, null))!;
    bankA = (await authenticate(db, t.keys.bankA, null))!;
    bankB = (await authenticate(db, t.keys.bankB, null))!;
    usccs = ((await db.query('SELECT uscc FROM enterprise_profile ORDER BY uscc')) as Array<{ uscc: string }>).map((r) => r.uscc);
    expect(usccs.length).toBeGreaterThanOrEqual(2);

    // New versions from 2026-03-01 (risk pool) and 2026-04-14 (interest subsidy).
    await addPolicyVersion(db, admin, { policy: 'SCI_TECH_RISK_POOL', effectiveFrom: '2026-03-01', shares: { GOVERNMENT: 5000, BANK: 2500, GUARANTOR: 1500, INSURER: 1000 }, products: ['CREDIT_LOAN', 'IP_PLEDGE_LOAN', 'GUARANTEED_LOAN'] });
    await addPolicyVersion(db, admin, { policy: 'INTEREST_SUBSIDY', effectiveFrom: '2026-04-14', shares: { GOVERNMENT: 4000, ENTERPRISE: 6000 }, products: ['CREDIT_LOAN', 'TALENT_LOAN'] });

    const toDefault = (disbursed: number, defaultOn: string): Array<[string, number | null, string]> => [
      ['APPROVAL', null, '2026-01-06'],
      ['DISBURSEMENT', disbursed, '2026-01-10'],
      ['OVERDUE', null, '2026-02-10'],
      ['DEFAULT', null, defaultOn],
    ];
    // A: defaults the day before the new pool version, then a recovery after it (still shared as at default).
    await loan(bankA, 'CREDIT_LOAN', 435, 1_000_007, '2026-01-05', [...toDefault(1_000_007, '2026-02-28'), ['RECOVERY', 100_001, '2026-03-10']]);
    // B: defaults on the new version's first day.
    await loan(bankA, 'GUARANTEED_LOAN', null, 500_003, '2026-01-05', toDefault(500_003, '2026-03-01'));
    // C: a talent loan of bank B.
    await loan(bankB, 'TALENT_LOAN', null, 300_001, '2026-01-05', toDefault(300_001, '2026-03-05'));
    // D: supply-chain finance is under no loss policy.
    await loan(bankA, 'SUPPLY_CHAIN', null, 90_000, '2026-01-05', toDefault(90_000, '2026-03-06'));

    // E: 3.60 % a year, repaid 2026-03-15 (subsidy v1) and 2026-04-14 (v2's first day).
    await loan(bankA, 'CREDIT_LOAN', 360, 1_500_000, '2026-01-05', [
      ['APPROVAL', null, '2026-01-10'],
      ['DISBURSEMENT', 1_000_000, '2026-01-15'],
      ['DISBURSEMENT', 500_000, '2026-02-15'],
      ['REPAYMENT', 300_000, '2026-03-15'],
      ['REPAYMENT', 1_200_000, '2026-04-14'],
    ]);
    // F: 7.20 % a year, repaid the day before subsidy v2.
    await loan(bankB, 'TALENT_LOAN', 720, 1_000_000, '2026-03-01', [
      ['APPROVAL', null, '2026-03-02'],
      ['DISBURSEMENT', 1_000_000, '2026-03-14'],
      ['REPAYMENT', 100_000, '2026-04-13'],
    ]);
    // G: no rate recorded; H: a product no subsidy covers.
    await loan(bankA, 'CREDIT_LOAN', null, 10_000, '2026-01-05', [['APPROVAL', null, '2026-01-06'], ['DISBURSEMENT', 10_000, '2026-01-07'], ['REPAYMENT', 1_000, '2026-02-07']]);
    await loan(bankA, 'SUPPLY_CHAIN', 500, 10_000, '2026-01-05', [['APPROVAL', null, '2026-01-06'], ['DISBURSEMENT', 10_000, '2026-01-07'], ['REPAYMENT', 1_000, '2026-02-07']]);
  }, 240_000);

  afterAll(async () => {
    await t?.close();
  });

  const partsOf = (line: { parts: Array<{ party: string; amountFen: number }> }) => Object.fromEntries(line.parts.map((p) => [p.party, p.amountFen]));
  const versionsOf = (line: { versions: Array<{ policy: string; version: number }> }) => line.versions.map((v) => `${v.policy}@${v.version}`);

  it('keeps the seeded versions and adds new ones without touching them', async () => {
    const versions = await allPolicyVersions(t.hub.runtime.db);
    expect(versions.map((v) => `${v.policy}@${v.version} ${v.effectiveFrom}`)).toEqual([
      'INSURANCE_PREMIUM_SUBSIDY@1 2021-01-01',
      'INTEREST_SUBSIDY@1 2021-01-01',
      'INTEREST_SUBSIDY@2 2026-04-14',
      'SCI_TECH_RISK_POOL@1 2021-01-01',
      'SCI_TECH_RISK_POOL@2 2026-03-01',
      'TALENT_LOAN_COMPENSATION@1 2021-01-01',
    ]);
    expect(versions.find((v) => v.policy === 'SCI_TECH_RISK_POOL' && v.version === 1)!.shares).toEqual({ GOVERNMENT: 4000, BANK: 3000, GUARANTOR: 2000, INSURER: 1000, ENTERPRISE: 0 });
    expect(versions.find((v) => v.policy === 'TALENT_LOAN_COMPENSATION')!.shares.GOVERNMENT).toBe(5000);
  });

  it('refuses a version that would rewrite history, bad shares, overlapping loss policies and non-admins', async () => {
    const db = t.hub.runtime.db;
    const pool = { policy: 'SCI_TECH_RISK_POOL', shares: { GOVERNMENT: 10_000 }, products: ['CREDIT_LOAN'] };
    expect((await failure(addPolicyVersion(db, admin, { ...pool, effectiveFrom: '2026-03-01' }))).code).toBe('CONFLICT');
    expect((await failure(addPolicyVersion(db, admin, { ...pool, effectiveFrom: '2026-02-01' }))).code).toBe('CONFLICT');
    const sum = await failure(addPolicyVersion(db, admin, { ...pool, effectiveFrom: '2026-06-01', shares: { GOVERNMENT: 4000, BANK: 3000 } }));
    expect([sum.code, sum.details?.argument, sum.message]).toEqual(['BAD_USER_INPUT', 'shares', 'shares must sum to 10000 basis points (100 %), got 7000']);
    expect((await failure(addPolicyVersion(db, admin, { ...pool, effectiveFrom: '2026-06-01', shares: { NOBODY: 10_000 } }))).details?.argument).toBe('shares');
    expect((await failure(addPolicyVersion(db, admin, { ...pool, effectiveFrom: '2026-06-01', products: ['TALENT_LOAN'] }))).details?.argument).toBe('products');
    expect((await failure(addPolicyVersion(db, bankA, { ...pool, effectiveFrom: '2026-06-01' }))).code).toBe('FORBIDDEN');
    expect((await allPolicyVersions(db)).length).toBe(6);
  });

  it('shares each loss under the version in force on its default date, the day before under the old one', async () => {
    const db = t.hub.runtime.db;
    const [dayBefore] = await riskSharingTotals(db, admin, { ...YEAR, from: '2026-02-28', to: '2026-02-28', groupBy: [] });
    // 1,000,007 at 40/30/20/10: 400,002.8 / 300,002.1 / 200,001.4 / 100,000.7 → the 2 odd fen to .8 and .7.
    expect(partsOf(dayBefore!)).toEqual({ GOVERNMENT: 400_003, BANK: 300_002, GUARANTOR: 200_001, INSURER: 100_001 });
    expect(versionsOf(dayBefore!)).toEqual(['SCI_TECH_RISK_POOL@1']);
    const [dayOf] = await riskSharingTotals(db, admin, { ...YEAR, from: '2026-03-01', to: '2026-03-01', groupBy: [] });
    // 500,003 at 50/25/15/10: 250,001.5 / 125,000.75 / 75,000.45 / 50,000.3 → the 2 odd fen to .75 and .5.
    expect(partsOf(dayOf!)).toEqual({ GOVERNMENT: 250_002, BANK: 125_001, GUARANTOR: 75_000, INSURER: 50_000 });
    expect(versionsOf(dayOf!)).toEqual(['SCI_TECH_RISK_POOL@2']);
    // The recovery of 2026-03-10 is returned under version 1, the version that shared its loss.
    const [recovery] = await riskSharingTotals(db, admin, { ...YEAR, from: '2026-03-10', to: '2026-03-10', groupBy: [] });
    expect(partsOf(recovery!)).toEqual({ GOVERNMENT: -40_001, BANK: -30_000, GUARANTOR: -20_000, INSURER: -10_000 });
    expect(versionsOf(recovery!)).toEqual(['SCI_TECH_RISK_POOL@1']);
  });

  it('totals the year exactly, by hand and against the financing totals', async () => {
    const db = t.hub.runtime.db;
    const [all] = await riskSharingTotals(db, admin, { ...YEAR, groupBy: [] });
    expect(all!.amountFen).toBe(1_000_007 - 100_001 + 500_003 + 300_001);
    expect(partsOf(all!)).toEqual({ GOVERNMENT: 400_003 - 40_001 + 250_002 + 150_001, BANK: 300_002 - 30_000 + 125_001 + 150_000, GUARANTOR: 200_001 - 20_000 + 75_000, INSURER: 100_001 - 10_000 + 50_000 });
    expect(all!.events).toBe(4);
    expect(versionsOf(all!)).toEqual(['SCI_TECH_RISK_POOL@1', 'SCI_TECH_RISK_POOL@2', 'TALENT_LOAN_COMPENSATION@1']);

    // Per institution and product: the net loss is the financing totals' defaulted − recovered, for covered products.
    const lines = await riskSharingTotals(db, admin, { ...YEAR, groupBy: ['INSTITUTION', 'PRODUCT'] });
    const financing = await financingTotals(db, { ...YEAR, groupBy: ['INSTITUTION', 'PRODUCT'] });
    const expected = financing.filter((f) => f.product !== 'SUPPLY_CHAIN' && f.defaultedFen > 0).map((f) => [f.institutionCode, f.product, f.defaultedFen - f.recoveredFen])
      .sort((x, y) => String(x[0]).localeCompare(String(y[0])) || String(x[1]).localeCompare(String(y[1])));
    expect(lines.map((l) => [l.institutionCode, l.product, l.amountFen])).toEqual(expected);
    for (const l of lines) expect(l.parts.reduce((a, p) => a + p.amountFen, 0)).toBe(l.amountFen);

    // The talent loan: 300,001 split 50/50, the tie's odd fen to the government.
    const talent = lines.find((l) => l.product === 'TALENT_LOAN')!;
    expect([talent.institutionCode, partsOf(talent), versionsOf(talent)]).toEqual(['jinan-rural-bank', { GOVERNMENT: 150_001, BANK: 150_000 }, ['TALENT_LOAN_COMPENSATION@1']]);
  });

  it('gives an INSTITUTION its own lines only, and groups by party and month', async () => {
    const db = t.hub.runtime.db;
    const mine = await riskSharingTotals(db, bankB, { ...YEAR, groupBy: ['INSTITUTION', 'PARTY'] });
    expect(mine.map((l) => [l.institutionCode, l.party, l.amountFen])).toEqual([
      ['jinan-rural-bank', 'GOVERNMENT', 150_001],
      ['jinan-rural-bank', 'BANK', 150_000],
    ]);
    const a = await riskSharingTotals(db, bankA, { ...YEAR, groupBy: ['MONTH', 'POLICY'] });
    expect(a.map((l) => [l.month, l.policy, l.amountFen, l.events])).toEqual([
      ['2026-02', 'SCI_TECH_RISK_POOL', 1_000_007, 1],
      ['2026-03', 'SCI_TECH_RISK_POOL', 500_003 - 100_001, 2],
    ]);
  });

  it('derives interest paid from rate, balance and days, and subsidises it under the version in force on the repayment date', async () => {
    const db = t.hub.runtime.db;
    const totals = await subsidyTotals(db, admin, { ...YEAR, groupBy: ['INSTITUTION', 'MONTH'] });
    // E: 1,000,000 × 31 days + 1,500,000 × 28 days at 1 bp a day = 7,300 fen paid 03-15 (30 %: 2,190);
    //    1,200,000 × 30 days = 3,600 fen paid 04-14 (v2, 40 %: 1,440).
    // F: 1,000,000 × 30 days at 2 bp a day = 6,000 fen paid 04-13, the day before v2 (30 %: 1,800).
    expect(totals.lines.map((l) => [l.institutionCode, l.month, l.amountFen, partsOf(l), versionsOf(l)])).toEqual([
      ['jinan-rural-bank', '2026-04', 6_000, { GOVERNMENT: 1_800, ENTERPRISE: 4_200 }, ['INTEREST_SUBSIDY@1']],
      ['qilu-bank', '2026-03', 7_300, { GOVERNMENT: 2_190, ENTERPRISE: 5_110 }, ['INTEREST_SUBSIDY@1']],
      ['qilu-bank', '2026-04', 3_600, { GOVERNMENT: 1_440, ENTERPRISE: 2_160 }, ['INTEREST_SUBSIDY@2']],
    ]);
    expect(totals.repaymentsWithoutRate).toBe(1);
    const mine = await subsidyTotals(db, bankB, { ...YEAR, groupBy: ['PARTY'] });
    expect(mine.lines.map((l) => [l.party, l.amountFen])).toEqual([
      ['GOVERNMENT', 1_800],
      ['ENTERPRISE', 4_200],
    ]);
    const march = await subsidyTotals(db, admin, { ...YEAR, to: '2026-03-31', groupBy: [] });
    expect(march.lines.map((l) => l.amountFen)).toEqual([7_300]);
  });

  it('runs the same number of statements whatever the grouping or range', async () => {
    const db = t.hub.runtime.db;
    const count = async (fn: () => Promise<unknown>) => {
      const tally = { statements: 0 };
      await withStatementTally(tally, fn);
      return tally.statements;
    };
    const groupings: FundingGroup[][] = [[], ['INSTITUTION', 'PRODUCT', 'MONTH', 'PARTY', 'POLICY']];
    for (const groupBy of groupings) {
      expect(await count(() => riskSharingTotals(db, admin, { ...YEAR, groupBy }))).toBe(2);
      expect(await count(() => subsidyTotals(db, bankA, { ...YEAR, groupBy }))).toBe(2);
    }
  });
});
