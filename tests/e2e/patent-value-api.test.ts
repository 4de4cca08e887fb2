import { execute, parse } from 'graphql';
import { AccessRecorder } from '../../schema/access/access-recorder';
import { buildHubSchema } from '../../schema/build-schema';
import type { GraphqlContext } from '../../schema/context';
import { RequestLoaders } from '../../schema/loaders/request-loaders';
import { authenticate } from '../../src/access/api-keys.service';
import { PrincipalCache } from '../../src/access/principal-cache';
import { withStatementTally } from '../../src/db/statement-counter';
import { loadEnterpriseRecords } from '../../src/profile/storage/records.loader';
import { patentFactsAsOf } from '../../src/scoring/patent-value/patent-facts';
import { summarisePatentValues, valuePatent } from '../../src/scoring/patent-value/patent-value';
import { PATENT_VALUE_MODELS } from '../../src/scoring/patent-value/patent-value-models';
import { createApiTestHub, type ApiTestHub, type GraphqlResponse } from '../support/api-hub';

/** Enterprise.patents and Enterprise.patentValueSummary over HTTP: values equal a direct computation from the stored records, gated, batched. */

const PATENT = `applicationNo title type status filedOn grantedOn termEnd remainingMonths overall grade highValueInvention pledgeable
  legal { dimension degree weight indicators { code value number score weight } }
  technical { dimension degree indicators { code value score } }
  economic { dimension degree indicators { code value score } }`;
const SUMMARY = `totalPatents validPatents validInventionPatents highValueInventionPatents highValueThreshold meanValidOverall
  validByGrade { grade count } pledgeablePatents pledgeableInventionPatents pledgeableValue pledgeableMinRemainingMonths`;
const RESULT = `asOf model { id effectiveFrom } unavailableReason message withheld { section reason }`;
const ONE = `query P($uscc: String!, $first: Int, $after: String, $asOf: LocalDate) { enterprise(uscc: $uscc) {
  patents(first: $first, after: $after, asOf: $asOf) { ${RESULT} patents { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${PATENT} } } } }
  patentValueSummary(asOf: $asOf) { ${RESULT} summary { ${SUMMARY} } } } }`;
const LIST = `query L($n: Int!, $p: Int) { enterprises(first: $n) { edges { node { uscc
  patents(first: $p) { ${RESULT} patents { totalCount edges { node { applicationNo overall grade legal { degree } technical { degree } economic { degree } } } } }
  patentValueSummary { ${RESULT} summary { ${SUMMARY} } } } } } }`;

const AS_OF = '2026-10-01';
const model = PATENT_VALUE_MODELS[0]!;

const LIST_COST_FRIENDLY = 10; // patents per enterprise in the list query (the cost limit bounds list × list)

const ok = async <T = any>(p: Promise<GraphqlResponse<T>>): Promise<T> => {
  const r = await p;
  expect(r.errors).toBeUndefined();
  return r.data as T;
};

describe('Enterprise.patents and Enterprise.patentValueSummary', () => {
  let t: ApiTestHub;
  let usccs: string[];
  let validInventions: Map<string, number | null>;

  beforeAll(async () => {
    t = await createApiTestHub({ sandbox: { enterprises: 24 }, asOf: AS_OF });
    const rows = (await t.hub.runtime.db.query('SELECT uscc, valid_invention_patents FROM enterprise_profile ORDER BY uscc')) as Array<{ uscc: string; valid_invention_patents: number | null }>;
    usccs = rows.map((r) => r.uscc);
    validInventions = new Map(rows.map((r) => [r.uscc, r.valid_invention_patents === null ? null : Number(r.valid_invention_patents)]));
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  const grant = (uscc: string, institutionCode: string) =>
    ok(
      t.gql(
        'mutation Grant($input: GrantConsentInput!) { grantConsent(input: $input) { id } }',
        { input: { uscc, institutionCode, sections: ['INTELLECTUAL_PROPERTY'], purpose: 'IP_PLEDGE_VALUATION', expiresAt: new Date(Date.now() + 86_400_000).toISOString() } },
        t.keys.steward,
      ),
    );

  it('serves a steward every enterprise’s patents and summary, equal to a direct valuation of the stored records', async () => {
    const list = (await ok(t.gql(LIST, { n: 30, p: LIST_COST_FRIENDLY }, t.keys.steward))).enterprises.edges.map((e: any) => e.node);
    expect(list.map((n: any) => n.uscc)).toEqual(usccs);
    // Each enterprise's whole portfolio with every indicator.
    const nodes = await Promise.all(list.map(async (n: any) => ({ uscc: n.uscc, ...(await ok(t.gql(ONE, { uscc: n.uscc, first: 100 }, t.keys.steward))).enterprise })));
    for (const [i, n] of list.entries()) {
      // The list's first page agrees with the single-enterprise read.
      expect(n.patents.patents.totalCount).toBe(nodes[i]!.patents.patents.totalCount);
      expect(n.patents.patents.edges.map((e: any) => [e.node.applicationNo, e.node.overall, e.node.grade, e.node.legal.degree])).toEqual(
        nodes[i]!.patents.patents.edges.slice(0, LIST_COST_FRIENDLY).map((e: any) => [e.node.applicationNo, e.node.overall, e.node.grade, e.node.legal.degree]),
      );
      expect(n.patentValueSummary).toEqual(nodes[i]!.patentValueSummary);
    }
    // The profile's own loader (every stream), not the patent loader the API uses.
    const bundles = await loadEnterpriseRecords(t.hub.runtime.db, nodes.map((n: any) => n.uscc));
    let patents = 0;
    const grades = new Set<string>();
    for (const [i, node] of nodes.entries()) {
      expect(node.patents).toMatchObject({ asOf: AS_OF, model: { id: 'patent-value-2023.1', effectiveFrom: '2023-09-01' }, unavailableReason: null, withheld: [] });
      const expected = patentFactsAsOf(bundles[i]!, AS_OF).map((f) => valuePatent(model, f));
      const served = node.patents.patents.edges.map((e: any) => e.node);
      expect(node.patents.patents.totalCount).toBe(expected.length);
      expect(served.map((p: any) => p.applicationNo)).toEqual(expected.map((v) => v.facts.applicationNo));
      for (const [k, p] of served.entries()) {
        const v = expected[k]!;
        expect({ no: p.applicationNo, status: p.status, type: p.type, overall: p.overall, grade: p.grade, legal: p.legal.degree, technical: p.technical.degree, economic: p.economic.degree, months: p.remainingMonths, pledgeable: p.pledgeable, high: p.highValueInvention }).toEqual({
          no: v.facts.applicationNo,
          status: v.facts.status,
          type: v.facts.type,
          overall: v.overall,
          grade: v.grade,
          legal: v.legal.degree,
          technical: v.technical.degree,
          economic: v.economic.degree,
          months: v.facts.remainingMonths,
          pledgeable: v.pledgeable,
          high: v.highValueInvention,
        });
        expect(p.legal.indicators.map((x: any) => [x.code, x.value, x.score])).toEqual(v.legal.indicators.map((x) => [x.code, String(x.value), x.score]));
        grades.add(p.grade);
        patents += 1;
      }
      const summary = node.patentValueSummary.summary;
      const s = summarisePatentValues(model, expected);
      const { modelId: _m, ...figures } = s;
      expect(summary).toEqual({ ...figures, validByGrade: [...s.validByGrade] });
      // Independent of this code: the profile counts valid invention patents the same way.
      expect({ uscc: node.uscc, valid: summary.validInventionPatents }).toEqual({ uscc: node.uscc, valid: validInventions.get(node.uscc) ?? 0 });
    }
    // The sandbox's portfolios are not trivially empty or uniform.
    // Both aggregates are exercised (the sandbox seed gives some of each).
    expect(nodes.some((n: any) => n.patentValueSummary.summary.highValueInventionPatents > 0)).toBe(true);
    expect(nodes.some((n: any) => n.patentValueSummary.summary.pledgeablePatents > 0)).toBe(true);
    expect(patents).toBeGreaterThan(20);
    expect(grades.size).toBeGreaterThan(1);
  });

  it('pages a portfolio by application number with cursors', async () => {
    const all = await Promise.all(usccs.map(async (uscc) => ({ uscc, ...(await ok(t.gql(ONE, { uscc, first: 100 }, t.keys.steward))).enterprise })));
    const big = all.find((n: any) => n.patents.patents.totalCount >= 3)!;
    expect(big).toBeDefined();
    const first = (await ok(t.gql(ONE, { uscc: big.uscc, first: 2 }, t.keys.steward))).enterprise.patents.patents;
    expect(first.edges.length).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await ok(t.gql(ONE, { uscc: big.uscc, first: 100, after: first.pageInfo.endCursor }, t.keys.steward))).enterprise.patents.patents;
    expect([...first.edges, ...rest.edges].map((e: any) => e.node.applicationNo)).toEqual(big.patents.patents.edges.map((e: any) => e.node.applicationNo));
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const bad = await t.gql(ONE, { uscc: big.uscc, after: 'nonsense' }, t.keys.steward);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await t.gql(ONE, { uscc: big.uscc, first: 101 }, t.keys.steward);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('values as of an earlier date under the model then in force, and refuses a date before the first model', async () => {
    const uscc = usccs[0]!;
    const bundle = (await loadEnterpriseRecords(t.hub.runtime.db, [uscc]))[0]!;
    const r = (await ok(t.gql(ONE, { uscc, first: 100, asOf: '2024-01-15' }, t.keys.steward))).enterprise;
    const expected = summarisePatentValues(model, patentFactsAsOf(bundle, '2024-01-15').map((f) => valuePatent(model, f)));
    expect(r.patentValueSummary.asOf).toBe('2024-01-15');
    expect(r.patentValueSummary.summary.totalPatents).toBe(expected.totalPatents);
    expect(r.patentValueSummary.summary.pledgeableValue).toBe(expected.pledgeableValue);
    const early = await t.gql(ONE, { uscc, asOf: '2023-08-31' }, t.keys.steward);
    expect(early.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0]?.message).toMatch(/asOf 2023-08-31 is before the first patent value model \(in force from 2023-09-01\)/);
    expect(early.errors?.[0]?.extensions?.argument).toBe('asOf');
  });

  it('gives an institution without consent null and the reason, logs the withholding, and serves it once consent covers INTELLECTUAL_PROPERTY', async () => {
    const uscc = usccs[1]!;
    const denied = (await ok(t.gql(ONE, { uscc }, t.keys.bankA))).enterprise;
    expect(denied.patents.patents).toBeNull();
    expect(denied.patents.unavailableReason).toBe('SECTIONS_WITHHELD');
    expect(denied.patents.withheld).toEqual([{ section: 'INTELLECTUAL_PROPERTY', reason: 'NO_CONSENT' }]);
    expect(denied.patents.message).toMatch(/withheld from you: intellectual_property \(NO_CONSENT\)/);
    expect(denied.patentValueSummary.summary).toBeNull();
    expect(denied.patentValueSummary.unavailableReason).toBe('SECTIONS_WITHHELD');
    const [log] = (await t.hub.runtime.db.query("SELECT sections, withheld FROM access_log WHERE uscc = ? AND principal_name = 'qilu-credit-desk' ORDER BY id DESC LIMIT 1", [uscc])) as Array<{ sections: string; withheld: string }>;
    expect(log!.withheld.split(',')).toContain('intellectual_property');

    await grant(uscc, 'qilu-bank');
    const served = (await ok(t.gql(ONE, { uscc, first: 100 }, t.keys.bankA))).enterprise;
    const steward = (await ok(t.gql(ONE, { uscc, first: 100 }, t.keys.steward))).enterprise;
    expect(served.patents.unavailableReason).toBeNull();
    expect(served).toEqual(steward);
    const [after] = (await t.hub.runtime.db.query("SELECT sections, purpose FROM access_log WHERE uscc = ? AND principal_name = 'qilu-credit-desk' ORDER BY id DESC LIMIT 1", [uscc])) as Array<{ sections: string; purpose: string }>;
    expect(after!.sections.split(',')).toContain('intellectual_property');
    expect(after!.purpose).toBe('ip_pledge_valuation');
    // The other bank still sees nothing.
    expect((await ok(t.gql(ONE, { uscc }, t.keys.bankB))).enterprise.patents.patents).toBeNull();
  });

  it('runs as many statements for a list of all enterprises as for one, for a steward and an institution', async () => {
    // The institution may see the first enterprise, so a list of one reads its patent records too.
    await grant(usccs[0]!, 'qilu-bank');
    const schema = await buildHubSchema();
    const document = parse(LIST);
    const run = async (key: string, n: number) => {
      const principal = (await authenticate(t.hub.runtime.db, key, null))!;
      const contextValue: GraphqlContext = { runtime: t.hub.runtime, principal, loaders: new RequestLoaders({ runtime: t.hub.runtime, principal }), access: new AccessRecorder(), principals: new PrincipalCache(0) };
      const tally = { statements: 0 };
      const result = await withStatementTally(tally, () => execute({ schema, document, variableValues: { n, p: LIST_COST_FRIENDLY }, contextValue }));
      expect(result.errors).toBeUndefined();
      const edges = (result.data as any).enterprises.edges;
      return { statements: tally.statements, nodes: edges.length, noted: contextValue.access.size, served: edges.filter((e: any) => e.node.patents.patents !== null).length };
    };
    for (const key of [t.keys.steward, t.keys.bankA]) {
      const one = await run(key, 1);
      const all = await run(key, 100);
      expect(all.nodes).toBe(usccs.length);
      expect(all.noted).toBe(usccs.length);
      expect(one.served).toBe(1);
      expect(all.served).toBe(key === t.keys.steward ? usccs.length : 2);
      expect(all.statements).toBe(one.statements);
    }
  });
});
