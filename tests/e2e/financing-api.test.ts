import { createApiTestHub, type ApiTestHub } from '../support/api-hub';

/**
 * Financing history over HTTP: bank A records a loan's whole life, bank B sees it only with the
 * enterprise's financing consent, the profile's financing fields follow, and bad moves and bad money
 * get their codes.
 */
const CASE_FIELDS = 'id state institutionCode product appliedFen approvedFen disbursedFen repaidFen outstandingFen recoveredFen writtenOffFen pledgedPatents openedOn lastEventOn';
const APPLY = `mutation Apply($input: ApplyForFinancingInput!) { applyForFinancing(input: $input) { ${CASE_FIELDS} } }`;
const RECORD = `mutation Record($input: RecordFinancingEventInput!) { recordFinancingEvent(input: $input) { recorded event { id kind amountFen occurredOn stateAfter } case { ${CASE_FIELDS} } } }`;
const HISTORY = `query History($uscc: String!) { enterprise(uscc: $uscc) { financing(first: 10) { totalCount edges { node { id state institutionCode events(first: 20) { totalCount edges { node { kind amountFen } } } } } } } }`;

describe('financing history over HTTP', () => {
  let t: ApiTestHub;
  let uscc: string;
  let patent: string;
  let serial = 0;
  const key = () => `e2e-${process.pid}-${++serial}`;

  const apply = (input: Record<string, unknown>, who: string | null = t.keys.bankA) => t.gql(APPLY, { input: { uscc, product: 'CREDIT_LOAN', amountFen: 1_000_000, termMonths: 12, occurredOn: '2026-01-05', idempotencyKey: key(), ...input } }, who);
  const record = async (caseId: string, kind: string, amountFen: number | null, occurredOn: string, who = t.keys.bankA) => {
    const r = await t.gql(RECORD, { input: { caseId, kind, amountFen, occurredOn, idempotencyKey: key() } }, who);
    return r;
  };
  const ok = async (p: Promise<{ data?: any; errors?: unknown[] }>) => {
    const r = await p;
    expect(r.errors).toBeUndefined();
    return r.data;
  };
  const codeOf = (r: { errors?: Array<{ extensions?: { code?: string } }> }) => r.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    t = await createApiTestHub({ sandbox: { enterprises: 12 } });
    // An enterprise with a granted patent on record, to pledge.
    const rows = (await t.hub.runtime.db.query(
      `SELECT l.uscc, JSON_VALUE(r.payload, '$.application_no') AS no
         FROM record_link l JOIN raw_record r ON r.id = l.raw_record_id JOIN enterprise_profile p ON p.uscc = l.uscc
        WHERE l.status = 'resolved' AND l.connector = 'patent' AND l.stream = 'patents' AND JSON_VALUE(r.payload, '$.legal_status') = 'granted'
        ORDER BY l.uscc, no LIMIT 1`,
    )) as Array<{ uscc: string; no: string }>;
    expect(rows).toHaveLength(1);
    uscc = rows[0]!.uscc;
    patent = rows[0]!.no;
  }, 240_000);

  afterAll(async () => {
    await t?.close();
  });

  it('lets bank A record a loan’s whole life, each move checked by the state machine', async () => {
    const opened = (await ok(apply({ product: 'IP_PLEDGE_LOAN', amountFen: 2_000_000, pledgedPatents: [patent.toLowerCase()], annualRateBp: 385, uscc: uscc.toLowerCase() }))).applyForFinancing;
    expect(opened).toMatchObject({ state: 'APPLIED', institutionCode: 'qilu-bank', product: 'IP_PLEDGE_LOAN', appliedFen: 2_000_000, approvedFen: null, pledgedPatents: [patent], openedOn: '2026-01-05' });
    const steps: Array<[string, number | null, string, string]> = [
      ['APPROVAL', 1_500_000, '2026-01-10', 'APPROVED'],
      ['DISBURSEMENT', 1_000_000, '2026-01-15', 'DISBURSED'],
      ['DISBURSEMENT', 500_000, '2026-02-15', 'DISBURSED'],
      ['REPAYMENT', 300_000, '2026-03-15', 'DISBURSED'],
      ['OVERDUE', 100_000, '2026-04-16', 'OVERDUE'],
      ['DEFAULT', null, '2026-06-30', 'DEFAULTED'],
      ['RECOVERY', 200_000, '2026-07-30', 'DEFAULTED'],
      ['SETTLEMENT', null, '2026-08-30', 'SETTLED'],
    ];
    let last: any;
    for (const [kind, amount, on, state] of steps) {
      last = (await ok(record(opened.id, kind, amount, on))).recordFinancingEvent;
      expect({ kind, state: last.case.state, recorded: last.recorded }).toEqual({ kind, state, recorded: true });
    }
    expect(last.event).toMatchObject({ kind: 'SETTLEMENT', amountFen: 1_000_000, stateAfter: 'SETTLED' });
    expect(last.case).toMatchObject({ disbursedFen: 1_500_000, repaidFen: 300_000, recoveredFen: 200_000, writtenOffFen: 1_000_000, outstandingFen: 0, lastEventOn: '2026-08-30' });

    // A second, running loan.
    const running = (await ok(apply({ amountFen: 600_000, occurredOn: '2026-05-01' }))).applyForFinancing;
    await ok(record(running.id, 'APPROVAL', null, '2026-05-02'));
    await ok(record(running.id, 'DISBURSEMENT', 600_000, '2026-05-03'));
    await ok(record(running.id, 'REPAYMENT', 50_000, '2026-06-03'));

    const mine = (await ok(t.gql(HISTORY, { uscc }, t.keys.bankA))).enterprise.financing;
    expect(mine.totalCount).toBe(2);
    expect(mine.edges.map((e: any) => e.node.id)).toEqual([running.id, opened.id]);
    expect(mine.edges[1].node.events.totalCount).toBe(9);
    expect(mine.edges[1].node.events.edges.map((e: any) => e.node.kind)).toEqual(['SETTLEMENT', 'RECOVERY', 'DEFAULT', 'OVERDUE', 'REPAYMENT', 'DISBURSEMENT', 'DISBURSEMENT', 'APPROVAL', 'APPLICATION']);
  });

  it('answers a retried request with the first result, and a reused key with IDEMPOTENCY_CONFLICT', async () => {
    const input = { uscc, product: 'TALENT_LOAN', amountFen: 300_000, termMonths: 24, occurredOn: '2026-02-01', idempotencyKey: key() };
    const first = (await ok(t.gql(APPLY, { input }, t.keys.bankA))).applyForFinancing;
    const retry = (await ok(t.gql(APPLY, { input }, t.keys.bankA))).applyForFinancing;
    expect(retry).toEqual(first);
    const conflict = await t.gql(APPLY, { input: { ...input, amountFen: 300_001 } }, t.keys.bankA);
    expect(codeOf(conflict)).toBe('IDEMPOTENCY_CONFLICT');
    await ok(record(first.id, 'REJECTION', null, '2026-02-02'));
  });

  it('shows bank B only its own cases without consent, and bank A’s with a financing consent (logged)', async () => {
    const before = (await ok(t.gql(HISTORY, { uscc }, t.keys.bankB))).enterprise.financing;
    expect(before).toEqual({ totalCount: 0, edges: [] });
    const hidden = await record((await ok(t.gql(HISTORY, { uscc }, t.keys.bankA))).enterprise.financing.edges[0].node.id, 'REPAYMENT', 1, '2026-09-01', t.keys.bankB);
    expect(codeOf(hidden)).toBe('NOT_FOUND');

    await ok(
      t.gql(
        'mutation Grant($input: GrantConsentInput!) { grantConsent(input: $input) { id } }',
        { input: { uscc, institutionCode: 'jinan-rural-bank', sections: ['FINANCING'], purpose: 'CREDIT_ASSESSMENT', expiresAt: new Date(Date.now() + 86_400_000).toISOString() } },
        t.keys.steward,
      ),
    );
    const after = (await ok(t.gql(HISTORY, { uscc }, t.keys.bankB))).enterprise.financing;
    expect(after.totalCount).toBe(3);
    expect(new Set(after.edges.map((e: any) => e.node.institutionCode))).toEqual(new Set(['qilu-bank']));
    const log = (await t.hub.runtime.db.query("SELECT sections, purpose FROM access_log WHERE uscc = ? AND principal_name = 'rural-credit-desk' ORDER BY id DESC LIMIT 1", [uscc])) as Array<{ sections: string; purpose: string }>;
    expect(log[0]?.sections.split(',')).toContain('financing');
    expect(log[0]?.purpose).toBe('credit_assessment');
    const steward = (await ok(t.gql(HISTORY, { uscc }, t.keys.steward))).enterprise.financing;
    expect(steward.totalCount).toBe(3);
  });

  it('feeds the profile’s financing fields from the recorded events', async () => {
    await t.hub.runtime.profiles.waitUntilQuiet(60_000);
    const fields = (await ok(
      t.gql(
        'query F($uscc: String!, $keys: [String!]) { enterprise(uscc: $uscc) { fields(keys: $keys) { key value } } }',
        { uscc, keys: ['recorded_loans_outstanding_fen', 'lenders_with_outstanding_loan', 'loans_disbursed_36m', 'loan_amount_disbursed_36m', 'last_disbursement_date', 'loan_overdue_events_12m', 'loan_defaults_36m'] },
        t.keys.steward,
      ),
    )).enterprise.fields;
    expect(Object.fromEntries(fields.map((f: any) => [f.key, f.value]))).toEqual({
      recorded_loans_outstanding_fen: '550000',
      lenders_with_outstanding_loan: '1',
      loans_disbursed_36m: '2',
      loan_amount_disbursed_36m: '2100000',
      last_disbursement_date: '2026-05-03',
      loan_overdue_events_12m: '1',
      loan_defaults_36m: '1',
    });
  });

  it('refuses impossible moves, bad money and the wrong keys with their codes', async () => {
    const settled = (await ok(t.gql(HISTORY, { uscc }, t.keys.bankA))).enterprise.financing.edges.find((e: any) => e.node.state === 'SETTLED').node.id;
    const invalid = await record(settled, 'REPAYMENT', 1, '2026-09-01');
    expect(codeOf(invalid)).toBe('INVALID_TRANSITION');
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ state: 'SETTLED', event: 'REPAYMENT', allowedEvents: [] });
    const applied = (await ok(apply({}))).applyForFinancing;
    const early = await record(applied.id, 'DISBURSEMENT', 5, '2026-01-06');
    expect(codeOf(early)).toBe('INVALID_TRANSITION');
    expect(early.errors?.[0]?.extensions?.allowedEvents).toEqual(['APPROVAL', 'REJECTION']);

    for (const amountFen of [1.5, -5, 0, 10_000_000_000_001]) {
      const r = await apply({ amountFen });
      expect({ amountFen, code: codeOf(r) }).toEqual({ amountFen, code: 'BAD_USER_INPUT' });
    }
    expect(codeOf(await record(applied.id, 'APPROVAL', 1_000_001, '2026-01-06'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await record(applied.id, 'APPROVAL', null, '2025-12-31'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await apply({ product: 'IP_PLEDGE_LOAN' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await apply({ product: 'IP_PLEDGE_LOAN', pledgedPatents: ['CN199910000001.1'] }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await apply({ uscc: '91370102MA3C4T2W9B' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await apply({}, t.keys.steward))).toBe('FORBIDDEN');
    expect(codeOf(await apply({}, null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await record('999999', 'APPROVAL', null, '2026-01-06'))).toBe('NOT_FOUND');
  });

  it('reads financing for a list of enterprises in as many statements as for one', async () => {
    const query = `query L($first: Int!) { enterprises(first: $first) { edges { node { uscc financing(first: 5) { totalCount edges { node { id events(first: 3) { edges { node { kind } } } } } } } } } }`;
    const one = await t.gql(query, { first: 1 }, t.keys.bankB);
    const many = await t.gql(query, { first: 12 }, t.keys.bankB);
    expect(one.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    expect(many.data.enterprises.edges.length).toBeGreaterThan(5);
    const counted = (r: typeof one) => Number(r.headers.get('x-sql-statements') ?? Number.NaN);
    expect(counted(one)).toBeGreaterThan(0);
    expect(counted(many)).toBe(counted(one));
  });

  it('totals events by product for any key', async () => {
    const r = await ok(t.gql('{ financingTotals(groupBy: [PRODUCT], from: "2026-01-01", to: "2026-12-31") { product disbursedFen repaidFen recoveredFen defaultedFen writtenOffFen defaults events } }', undefined, t.keys.bankB));
    const ip = r.financingTotals.find((x: any) => x.product === 'IP_PLEDGE_LOAN');
    expect(ip).toMatchObject({ disbursedFen: 1_500_000, repaidFen: 300_000, recoveredFen: 200_000, defaultedFen: 1_200_000, writtenOffFen: 1_000_000, defaults: 1, events: 9 });
  });
});
