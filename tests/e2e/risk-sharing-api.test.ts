import { createApiTestHub, type ApiTestHub } from '../support/api-hub';

/**
 * Risk sharing and subsidies over HTTP: policy versions listed and added (ADMIN only, never over
 * history), a defaulted loan's loss split four ways under the version of its default date, a talent
 * loan's bad debt half compensated, an interest subsidy, and each institution's own lines only.
 */
const VERSIONS = `query V($policy: FundingPolicy, $first: Int, $after: String) { fundingPolicyVersions(policy: $policy, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id policy version effectiveFrom shares { party bp } products createdBy } } } }`;
const ADD = `mutation A($input: AddFundingPolicyVersionInput!) { addFundingPolicyVersion(input: $input) { policy version effectiveFrom shares { party bp } products createdBy } }`;
const LINE = 'institutionCode product month policy party amountFen events parts { party amountFen } policyVersions { policy version effectiveFrom }';
const RISK = `query R($groupBy: [FundingTotalsGroup!], $from: LocalDate!, $to: LocalDate!) { riskSharingTotals(groupBy: $groupBy, from: $from, to: $to) { ${LINE} } }`;
const SUBSIDY = `query S($groupBy: [FundingTotalsGroup!], $from: LocalDate!, $to: LocalDate!) { subsidyTotals(groupBy: $groupBy, from: $from, to: $to) { repaymentsWithoutRate notApplied lines { ${LINE} } } }`;
const APPLY = `mutation Apply($input: ApplyForFinancingInput!) { applyForFinancing(input: $input) { id } }`;
const RECORD = `mutation Record($input: RecordFinancingEventInput!) { recordFinancingEvent(input: $input) { case { state } } }`;

describe('risk sharing and subsidies over HTTP', () => {
  let t: ApiTestHub;
  let uscc: string;
  let serial = 0;
  const key = () => `e2e-rs-${process.pid}-${++serial}`;
  const ok = async (p: Promise<{ data?: any; errors?: unknown[] }>) => {
    const r = await p;
    expect(r.errors).toBeUndefined();
    return r.data;
  };
  const codeOf = (r: { errors?: Array<{ extensions?: { code?: string } }> }) => r.errors?.[0]?.extensions?.code;
  const YEAR = { from: '2026-01-01', to: '2026-12-31' };

  async function loan(who: string, product: string, annualRateBp: number | null, amountFen: number, steps: Array<[string, number | null, string]>): Promise<void> {
    const { applyForFinancing } = await ok(t.gql(APPLY, { input: { uscc, product, amountFen, termMonths: 12, annualRateBp, occurredOn: '2026-01-05', idempotencyKey: key() } }, who));
    for (const [kind, amount, occurredOn] of steps) await ok(t.gql(RECORD, { input: { caseId: applyForFinancing.id, kind, amountFen: amount, occurredOn, idempotencyKey: key() } }, who));
  }

  beforeAll(async () => {
    t = await createApiTestHub({ sandbox: { enterprises: 3 } });
    uscc = ((await t.hub.runtime.db.query('SELECT uscc FROM enterprise_profile ORDER BY uscc LIMIT 1')) as Array<{ uscc: string }>)[0]!.uscc;
    const defaulted = (amount: number, on: string): Array<[string, number | null, string]> => [
      ['APPROVAL', null, '2026-01-06'],
      ['DISBURSEMENT', amount, '2026-01-10'],
      ['OVERDUE', null, '2026-02-10'],
      ['DEFAULT', null, on],
    ];
    await loan(t.keys.bankA, 'CREDIT_LOAN', null, 1_000_007, defaulted(1_000_007, '2026-05-31'));
    await loan(t.keys.bankA, 'GUARANTEED_LOAN', null, 500_003, defaulted(500_003, '2026-06-01'));
    await loan(t.keys.bankB, 'TALENT_LOAN', null, 300_001, defaulted(300_001, '2026-06-02'));
    // 3.60 % a year: 1,000,000 fen for 31 days = 3,100 fen of interest, paid with the repayment.
    await loan(t.keys.bankA, 'CREDIT_LOAN', 360, 1_000_000, [
      ['APPROVAL', null, '2026-01-06'],
      ['DISBURSEMENT', 1_000_000, '2026-03-01'],
      ['REPAYMENT', 1_000_000, '2026-04-01'],
    ]);
  }, 240_000);

  afterAll(async () => {
    await t?.close();
  });

  it('lists the seeded policy versions to any key, in pages', async () => {
    const first = (await ok(t.gql(VERSIONS, { first: 3 }, t.keys.bankA))).fundingPolicyVersions;
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await ok(t.gql(VERSIONS, { first: 3, after: first.pageInfo.endCursor }, t.keys.bankA))).fundingPolicyVersions;
    const all = [...first.edges, ...rest.edges].map((e: any) => e.node);
    expect(all.map((v: any) => `${v.policy}@${v.version} ${v.effectiveFrom}`).sort()).toEqual([
      'INSURANCE_PREMIUM_SUBSIDY@1 2021-01-01',
      'INTEREST_SUBSIDY@1 2021-01-01',
      'SCI_TECH_RISK_POOL@1 2021-01-01',
      'TALENT_LOAN_COMPENSATION@1 2021-01-01',
    ]);
    expect(all.find((v: any) => v.policy === 'SCI_TECH_RISK_POOL').shares).toEqual([
      { party: 'GOVERNMENT', bp: 4000 },
      { party: 'BANK', bp: 3000 },
      { party: 'GUARANTOR', bp: 2000 },
      { party: 'INSURER', bp: 1000 },
    ]);
    expect(codeOf(await t.gql(VERSIONS, {}, null))).toBe('UNAUTHENTICATED');
  });

  it('lets only an ADMIN add a version, never over an earlier one', async () => {
    const input = { policy: 'SCI_TECH_RISK_POOL', effectiveFrom: '2026-06-01', governmentBp: 5000, bankBp: 2500, guarantorBp: 1500, insurerBp: 1000, products: ['CREDIT_LOAN', 'IP_PLEDGE_LOAN', 'GUARANTEED_LOAN'] };
    expect(codeOf(await t.gql(ADD, { input }, t.keys.steward))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(ADD, { input: { ...input, bankBp: 2000 } }, t.keys.admin))).toBe('BAD_USER_INPUT');
    const added = (await ok(t.gql(ADD, { input }, t.keys.admin))).addFundingPolicyVersion;
    expect(added).toMatchObject({ policy: 'SCI_TECH_RISK_POOL', version: 2, effectiveFrom: '2026-06-01', createdBy: 'test-admin' });
    const again = await t.gql(ADD, { input: { ...input, effectiveFrom: '2026-05-01' } }, t.keys.admin);
    expect(codeOf(again)).toBe('CONFLICT');
    expect((again.errors as any)[0].message).toMatch(/not after SCI_TECH_RISK_POOL version 2/);
  });

  it('splits losses under the version of each default date; an INSTITUTION sees its own lines', async () => {
    const lines = (await ok(t.gql(RISK, { ...YEAR, groupBy: ['INSTITUTION', 'POLICY'] }, t.keys.steward))).riskSharingTotals;
    expect(lines).toEqual([
      {
        institutionCode: 'jinan-rural-bank', product: null, month: null, policy: 'TALENT_LOAN_COMPENSATION', party: null, amountFen: 300_001, events: 1,
        parts: [{ party: 'GOVERNMENT', amountFen: 150_001 }, { party: 'BANK', amountFen: 150_000 }],
        policyVersions: [{ policy: 'TALENT_LOAN_COMPENSATION', version: 1, effectiveFrom: '2021-01-01' }],
      },
      {
        // 1,000,007 on 05-31 at 40/30/20/10 and 500,003 on 06-01 at 50/25/15/10.
        institutionCode: 'qilu-bank', product: null, month: null, policy: 'SCI_TECH_RISK_POOL', party: null, amountFen: 1_500_010, events: 2,
        parts: [{ party: 'GOVERNMENT', amountFen: 400_003 + 250_002 }, { party: 'BANK', amountFen: 300_002 + 125_001 }, { party: 'GUARANTOR', amountFen: 200_001 + 75_000 }, { party: 'INSURER', amountFen: 100_001 + 50_000 }],
        policyVersions: [{ policy: 'SCI_TECH_RISK_POOL', version: 1, effectiveFrom: '2021-01-01' }, { policy: 'SCI_TECH_RISK_POOL', version: 2, effectiveFrom: '2026-06-01' }],
      },
    ]);
    const mine = (await ok(t.gql(RISK, { ...YEAR, groupBy: ['PARTY'] }, t.keys.bankB))).riskSharingTotals;
    expect(mine.map((l: any) => [l.party, l.amountFen])).toEqual([['GOVERNMENT', 150_001], ['BANK', 150_000]]);
    const bad = await t.gql(RISK, { from: '2026-12-31', to: '2026-01-01' }, t.keys.bankA);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(RISK, YEAR, null))).toBe('UNAUTHENTICATED');
  });

  it('reports the interest subsidy with the policy version, and the premium subsidy as not applied', async () => {
    const s = (await ok(t.gql(SUBSIDY, { ...YEAR, groupBy: ['MONTH'] }, t.keys.bankA))).subsidyTotals;
    expect(s.notApplied).toEqual(['INSURANCE_PREMIUM_SUBSIDY']);
    expect(s.repaymentsWithoutRate).toBe(0);
    expect(s.lines).toEqual([
      { institutionCode: null, product: null, month: '2026-04', policy: null, party: null, amountFen: 3_100, events: 1, parts: [{ party: 'GOVERNMENT', amountFen: 930 }, { party: 'ENTERPRISE', amountFen: 2_170 }], policyVersions: [{ policy: 'INTEREST_SUBSIDY', version: 1, effectiveFrom: '2021-01-01' }] },
    ]);
    expect((await ok(t.gql(SUBSIDY, YEAR, t.keys.bankB))).subsidyTotals.lines).toEqual([]);
  });

  it('runs the same number of SQL statements whatever the grouping', async () => {
    const statements = async (query: string, variables: Record<string, unknown>) => {
      await t.gql(query, variables, t.keys.steward); // the key is looked up once, then remembered
      const r = await t.gql(query, variables, t.keys.steward);
      expect(r.errors).toBeUndefined();
      return Number(r.headers.get('x-sql-statements'));
    };
    const few = await statements(RISK, { ...YEAR, groupBy: [] });
    expect(few).toBeGreaterThan(0);
    expect(await statements(RISK, { ...YEAR, groupBy: ['INSTITUTION', 'PRODUCT', 'MONTH', 'PARTY', 'POLICY'] })).toBe(few);
    const sub = await statements(SUBSIDY, { ...YEAR, groupBy: [] });
    expect(await statements(SUBSIDY, { ...YEAR, groupBy: ['INSTITUTION', 'PRODUCT', 'MONTH', 'PARTY', 'POLICY'] })).toBe(sub);
  });
});
