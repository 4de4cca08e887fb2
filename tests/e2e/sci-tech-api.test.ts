import { execute, parse } from 'graphql';
import { AccessRecorder } from '../../schema/access/access-recorder';
import { buildHubSchema } from '../../schema/build-schema';
import type { GraphqlContext } from '../../schema/context';
import { RequestLoaders } from '../../schema/loaders/request-loaders';
import { authenticate } from '../../src/access/api-keys.service';
import { PrincipalCache } from '../../src/access/principal-cache';
import { withStatementTally } from '../../src/db/statement-counter';
import { createApiTestHub, type ApiTestHub, type GraphqlResponse } from '../support/api-hub';

/** Enterprise.sciTechAssessment over HTTP: served to stewards, gated for institutions, equal to the stored profile's values. */

const ASSESSMENT = `
  outcome profileAsOf policyDate fields
  policy { id effectiveFrom title }
  criteria { code nameZh status measures { code status value number threshold thresholdNumber unit field fields } }`;
const ONE = `query A($uscc: String!, $asOf: LocalDate) { enterprise(uscc: $uscc) { sciTechAssessment(asOf: $asOf) {
  unavailableReason message withheld { section reason } assessment { ${ASSESSMENT} } } } }`;
const LIST = `query L($n: Int!) { enterprises(first: $n) { edges { node { uscc sciTechAssessment { unavailableReason withheld { section reason } assessment { ${ASSESSMENT} } } } } } }`;

/** The 2024 thresholds, written out here so the test does not read them from the code it checks. */
const THRESHOLDS_2024: Record<string, number> = {
  RD_INTENSITY_3Y: 0.05,
  RD_EXPENSE_3Y: 8_000_000_000,
  RD_STAFF_SHARE: 0.1,
  VALID_INVENTION_PATENTS: 7,
  REVENUE_CAGR_3Y: 0.25,
  REVENUE_LATEST: 30_000_000_000,
};
const COLUMNS = ['rd_intensity_3y', 'rd_expense_3y', 'rd_staff_share', 'valid_invention_patents', 'revenue_cagr_3y', 'annual_report_revenue_latest', 'vat_revenue_last_year'];

const ok = async <T = any>(p: Promise<GraphqlResponse<T>>): Promise<T> => {
  const r = await p;
  expect(r.errors).toBeUndefined();
  return r.data as T;
};

describe('Enterprise.sciTechAssessment', () => {
  let t: ApiTestHub;
  let usccs: string[];
  let rows: Map<string, Record<string, unknown>>;

  beforeAll(async () => {
    t = await createApiTestHub({ sandbox: { enterprises: 24 } });
    const raw = (await t.hub.runtime.db.query(`SELECT uscc, DATE_FORMAT(as_of, '%Y-%m-%d') AS as_of, ${COLUMNS.join(', ')} FROM enterprise_profile ORDER BY uscc`)) as Array<Record<string, unknown>>;
    rows = new Map(raw.map((r) => [String(r.uscc), r]));
    usccs = [...rows.keys()];
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  it('serves a steward every listed enterprise, with the values and verdicts of its enterprise_profile row', async () => {
    const nodes = (await ok(t.gql(LIST, { n: 100 }, t.keys.steward))).enterprises.edges.map((e: any) => e.node);
    expect(nodes.length).toBe(usccs.length);
    expect(nodes.length).toBeGreaterThan(10);
    const outcomes = new Set<string>();
    const statuses = new Set<string>();
    for (const node of nodes) {
      const row = rows.get(node.uscc)!;
      const r = node.sciTechAssessment;
      expect(r.unavailableReason).toBeNull();
      expect(r.withheld).toEqual([]);
      const a = r.assessment;
      expect(a.policy).toEqual({ id: 'star-sci-tech-2024', effectiveFrom: '2024-04-30', title: expect.stringContaining('2024') });
      expect(a.profileAsOf).toBe(row.as_of);
      expect(a.policyDate).toBe(row.as_of);
      expect(a.fields).toEqual(COLUMNS);
      for (const c of a.criteria) {
        for (const m of c.measures) {
          const used = m.fields.find((k: string) => row[k] !== null);
          const expected = used === undefined ? null : String(row[used]);
          expect({ uscc: node.uscc, code: m.code, value: m.value, field: m.field }).toEqual({ uscc: node.uscc, code: m.code, value: expected, field: used ?? null });
          expect(m.thresholdNumber).toBe(THRESHOLDS_2024[m.code]);
          const status = expected === null ? 'UNKNOWN' : Number(expected) >= THRESHOLDS_2024[m.code]! ? 'PASS' : 'FAIL';
          expect({ uscc: node.uscc, code: m.code, status: m.status }).toEqual({ uscc: node.uscc, code: m.code, status });
          statuses.add(m.status);
        }
        const ms = c.measures.map((m: any) => m.status);
        expect(c.status).toBe(ms.includes('PASS') ? 'PASS' : ms.every((s: string) => s === 'FAIL') ? 'FAIL' : 'UNKNOWN');
      }
      const cs = a.criteria.map((c: any) => c.status);
      expect(a.outcome).toBe(cs.includes('FAIL') ? 'DOES_NOT_MEET' : cs.every((s: string) => s === 'PASS') ? 'MEETS' : 'INSUFFICIENT_DATA');
      outcomes.add(a.outcome);
    }
    // The sandbox gives both passing and failing measures, so the comparison above is not vacuous.
    expect(statuses.has('PASS')).toBe(true);
    expect(statuses.has('FAIL')).toBe(true);
    expect(outcomes.size).toBeGreaterThan(0);
  });

  it('writes the steward’s read to the access log with the four sections it read', async () => {
    const uscc = usccs[0]!;
    await ok(t.gql(ONE, { uscc }, t.keys.steward));
    const [log] = (await t.hub.runtime.db.query("SELECT sections, withheld FROM access_log WHERE uscc = ? AND principal_name = 'test-steward' ORDER BY id DESC LIMIT 1", [uscc])) as Array<{ sections: string; withheld: string | null }>;
    expect(log!.sections.split(',').sort()).toEqual(['derived', 'intellectual_property', 'talent', 'tax']);
  });

  it('gives an institution without consent the reason and no values, and logs the withheld sections', async () => {
    const uscc = usccs[1]!;
    const r = (await ok(t.gql(ONE, { uscc }, t.keys.bankB))).enterprise.sciTechAssessment;
    expect(r.assessment).toBeNull();
    expect(r.unavailableReason).toBe('SECTIONS_WITHHELD');
    expect(r.message).toMatch(/withheld from you: tax \(NO_CONSENT\)/);
    expect(r.withheld).toEqual([
      { section: 'TAX', reason: 'NO_CONSENT' },
      { section: 'INTELLECTUAL_PROPERTY', reason: 'NO_CONSENT' },
      { section: 'TALENT', reason: 'NO_CONSENT' },
      { section: 'DERIVED', reason: 'NO_CONSENT' },
    ]);
    const [log] = (await t.hub.runtime.db.query("SELECT sections, withheld FROM access_log WHERE uscc = ? AND principal_name = 'rural-credit-desk' ORDER BY id DESC LIMIT 1", [uscc])) as Array<{ sections: string; withheld: string }>;
    expect(log!.withheld.split(',').sort()).toEqual(['derived', 'intellectual_property', 'talent', 'tax']);
  });

  it('serves an institution once its consent covers every section read, and not before', async () => {
    const uscc = usccs[2]!;
    const grant = (sections: string[]) =>
      ok(
        t.gql(
          'mutation Grant($input: GrantConsentInput!) { grantConsent(input: $input) { id } }',
          { input: { uscc, institutionCode: 'qilu-bank', sections, purpose: 'CREDIT_ASSESSMENT', expiresAt: new Date(Date.now() + 86_400_000).toISOString() } },
          t.keys.steward,
        ),
      );
    await grant(['TAX', 'DERIVED']);
    const partial = (await ok(t.gql(ONE, { uscc }, t.keys.bankA))).enterprise.sciTechAssessment;
    expect(partial.assessment).toBeNull();
    expect(partial.withheld).toEqual([
      { section: 'INTELLECTUAL_PROPERTY', reason: 'NOT_IN_CONSENT_SCOPE' },
      { section: 'TALENT', reason: 'NOT_IN_CONSENT_SCOPE' },
    ]);
    await grant(['INTELLECTUAL_PROPERTY', 'TALENT']);
    const full = (await ok(t.gql(ONE, { uscc }, t.keys.bankA))).enterprise.sciTechAssessment;
    const steward = (await ok(t.gql(ONE, { uscc }, t.keys.steward))).enterprise.sciTechAssessment;
    expect(full.unavailableReason).toBeNull();
    expect(full.assessment).toEqual(steward.assessment);
    const [log] = (await t.hub.runtime.db.query("SELECT sections, purpose FROM access_log WHERE uscc = ? AND principal_name = 'qilu-credit-desk' ORDER BY id DESC LIMIT 1", [uscc])) as Array<{ sections: string; purpose: string }>;
    expect(log!.sections.split(',').sort()).toEqual(['derived', 'intellectual_property', 'talent', 'tax']);
    expect(log!.purpose).toBe('credit_assessment');
  });

  it('uses asOf only to choose the policy version: the day before 2024-04-30 the 2021 thresholds, on it 2024’s', async () => {
    const uscc = usccs[3]!;
    const at = async (asOf: string) => (await ok(t.gql(ONE, { uscc, asOf }, t.keys.steward))).enterprise.sciTechAssessment.assessment;
    const before = await at('2024-04-29');
    const on = await at('2024-04-30');
    expect(before.policy.id).toBe('star-sci-tech-2021');
    expect(on.policy.id).toBe('star-sci-tech-2024');
    expect([before.policyDate, on.policyDate]).toEqual(['2024-04-29', '2024-04-30']);
    // The values are the stored profile's in both.
    expect(before.profileAsOf).toBe(rows.get(uscc)!.as_of);
    expect(on.profileAsOf).toBe(rows.get(uscc)!.as_of);
    const measure = (a: any, code: string) => a.criteria.flatMap((c: any) => c.measures).find((m: any) => m.code === code);
    expect(measure(before, 'RD_EXPENSE_3Y')).toMatchObject({ threshold: '6000000000', value: measure(on, 'RD_EXPENSE_3Y').value });
    expect(measure(on, 'RD_EXPENSE_3Y').threshold).toBe('8000000000');
    expect(measure(before, 'VALID_INVENTION_PATENTS').threshold).toBe('5');
    expect(measure(before, 'REVENUE_CAGR_3Y').threshold).toBe('0.2000');
    expect(measure(on, 'REVENUE_CAGR_3Y').threshold).toBe('0.2500');
    const old = await at('2020-06-01');
    expect(old.policy.id).toBe('star-sci-tech-2020');
    expect(old.criteria.map((c: any) => c.code)).toEqual(['RD_INVESTMENT', 'INVENTION_PATENTS', 'REVENUE_GROWTH']);
  });

  it('refuses an asOf before the first version, and a malformed one', async () => {
    const early = await t.gql(ONE, { uscc: usccs[0], asOf: '2019-12-31' }, t.keys.steward);
    expect(early.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0]?.message).toMatch(/asOf 2019-12-31 is before the first .* 2020-03-20/);
    expect(early.errors?.[0]?.extensions?.argument).toBe('asOf');
    const malformed = await t.gql(ONE, { uscc: usccs[0], asOf: '2024-13-01' }, t.keys.steward);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('runs as many statements for a list of all enterprises as for one, for a steward and an institution', async () => {
    const schema = await buildHubSchema();
    const document = parse(LIST);
    const run = async (key: string, n: number) => {
      const principal = (await authenticate(t.hub.runtime.db, key, null))!;
      const contextValue: GraphqlContext = { runtime: t.hub.runtime, principal, loaders: new RequestLoaders({ runtime: t.hub.runtime, principal }), access: new AccessRecorder(), principals: new PrincipalCache(0) };
      const tally = { statements: 0 };
      const result = await withStatementTally(tally, () => execute({ schema, document, variableValues: { n }, contextValue }));
      expect(result.errors).toBeUndefined();
      return { statements: tally.statements, nodes: (result.data as any).enterprises.edges.length, noted: contextValue.access.size };
    };
    for (const key of [t.keys.steward, t.keys.bankA]) {
      const one = await run(key, 1);
      const all = await run(key, 100);
      expect(all.nodes).toBe(usccs.length);
      expect(all.noted).toBe(usccs.length);
      expect(all.statements).toBe(one.statements);
    }
  });
});
