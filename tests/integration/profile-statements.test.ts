import { execute, parse, type GraphQLSchema } from 'graphql';
import { AccessRecorder } from '../../schema/access/access-recorder';
import { buildHubSchema } from '../../schema/build-schema';
import type { GraphqlContext } from '../../schema/context';
import { RequestLoaders } from '../../schema/loaders/request-loaders';
import { authenticate } from '../../src/access/api-keys.service';
import { grantConsent } from '../../src/access/consent.service';
import { applyForFinancing, recordFinancingEvent } from '../../src/financing/financing.service';
import type { Principal } from '../../src/access/principal';
import { PrincipalCache } from '../../src/access/principal-cache';
import { withStatementTally } from '../../src/db/statement-counter';
import { createApiTestHub, type ApiTestHub } from '../support/api-hub';

/** Every per-enterprise field of a list: two sections, fields with provenance, access, changes, the access log and financing. */
const LIST = parse(`query List($n: Int!) {
  enterprises(first: $n) {
    totalCount
    edges { node {
      uscc name
      access { visibleSections withheld { section reason } }
      profile { asOf identity { registeredName registeredCapital registrationStatus } tax { vatPaid12m taxPaid12m } }
      fields(keys: ["registered_capital", "vat_paid_12m", "electricity_kwh_12m"]) { value sourceRecordIds freshnessDays withheld { reason } }
      changes(since: "2000-01-01T00:00:00Z", first: 3) { totalCount edges { node { key newValue } } }
      accessLog(first: 2) { totalCount edges { node { operation } } }
      financing(first: 3) { totalCount edges { node { product state outstandingFen events(first: 2) { totalCount edges { node { kind amountFen } } } } } }
    } }
  }
}`);

/** The statements a profile query runs do not grow with the number of enterprises it lists. */
describe('profile query statements', () => {
  let t: ApiTestHub;
  let schema: GraphQLSchema;
  let bank: Principal;
  let steward: Principal;

  beforeAll(async () => {
    t = await createApiTestHub({ sandbox: { enterprises: 130 } });
    schema = await buildHubSchema();
    const db = t.hub.runtime.db;
    bank = (await authenticate(db, t.keys.bankA, null))!;
    steward = (await authenticate(db, t.keys.steward, null))!;
    const usccs = ((await db.query('SELECT uscc FROM enterprise_profile ORDER BY uscc LIMIT 40')) as Array<{ uscc: string }>).map((r) => r.uscc);
    // Consents of several shapes, so that the enterprises of one page see different sections.
    for (const [i, uscc] of usccs.entries()) {
      const sections = i % 3 === 0 ? ['tax'] : i % 3 === 1 ? ['tax', 'electricity'] : ['electricity'];
      await grantConsent(db, steward, { uscc, institutionCode: 'qilu-bank', sections, purpose: 'credit_assessment', expiresAt: new Date(Date.now() + 86_400_000) });
    }
    // Loans of both banks on a quarter of the enterprises, so that financing pages are gated and filled.
    const bankB = (await authenticate(db, t.keys.bankB, null))!;
    for (const [i, uscc] of usccs.slice(0, 30).entries()) {
      const lender = i % 2 === 0 ? bank : bankB;
      const opened = await applyForFinancing(t.hub.runtime, lender, { uscc, product: 'CREDIT_LOAN', amountFen: 1_000_000 + i, termMonths: 12, occurredOn: '2026-03-01', idempotencyKey: `apply-${i}` });
      await recordFinancingEvent(t.hub.runtime, lender, { caseId: opened.case.id, kind: 'APPROVAL', amountFen: null, occurredOn: '2026-03-02', idempotencyKey: `approve-${i}` });
      await recordFinancingEvent(t.hub.runtime, lender, { caseId: opened.case.id, kind: 'DISBURSEMENT', amountFen: 1_000_000, occurredOn: '2026-03-03', idempotencyKey: `disburse-${i}` });
    }
    await t.hub.runtime.profiles.waitUntilQuiet(120_000);
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  const run = async (principal: Principal, n: number) => {
    const contextValue: GraphqlContext = { runtime: t.hub.runtime, principal, loaders: new RequestLoaders({ runtime: t.hub.runtime, principal }), access: new AccessRecorder(), principals: new PrincipalCache(0) };
    const tally = { statements: 0 };
    const result = await withStatementTally(tally, () => execute({ schema, document: LIST, variableValues: { n }, contextValue }));
    expect(result.errors).toBeUndefined();
    const nodes = (result.data as any).enterprises.edges.map((e: { node: unknown }) => e.node);
    return { statements: tally.statements, nodes, noted: contextValue.access.size };
  };

  it('has at least 100 enterprises to list', async () => {
    const [row] = (await t.hub.runtime.db.query('SELECT COUNT(*) AS n FROM enterprise_profile')) as Array<{ n: string }>;
    expect(Number(row!.n)).toBeGreaterThanOrEqual(100);
  });

  it.each([
    ['an institution', () => bank],
    ['a steward', () => steward],
  ])('runs as many statements for 100 enterprises as for 1, for %s', async (_, who) => {
    const one = await run(who(), 1);
    const hundred = await run(who(), 100);
    expect(one.nodes).toHaveLength(1);
    expect(hundred.nodes).toHaveLength(100);
    expect(hundred.noted).toBe(100);
    expect(hundred.statements).toBe(one.statements);
    // The list and its count; the institution's consents (none for a steward); the profile rows with the
    // sections and fields asked about, in one read; provenance; change totals and change pages; the
    // access-log pages with their totals; the case pages (with the consents that gate other lenders'
    // cases, for an institution) and the event pages.
    expect(hundred.statements).toBe(who().role === 'INSTITUTION' ? 12 : 10);
    const financed = hundred.nodes.filter((n: any) => n.financing.totalCount > 0);
    expect(financed.length).toBeGreaterThan(0);
    expect(financed.every((n: any) => n.financing.edges[0].node.events.totalCount === 3)).toBe(true);
  });

  it('gates each listed enterprise by its own consents within one batch', async () => {
    const { nodes } = await run(bank, 100);
    const withTax = nodes.filter((n: any) => n.profile.tax !== null).length;
    const withElectricity = nodes.filter((n: any) => n.access.visibleSections.includes('ELECTRICITY')).length;
    expect(withTax).toBeGreaterThan(0);
    expect(withTax).toBeLessThan(100);
    expect(withElectricity).toBeGreaterThan(0);
    for (const n of nodes) {
      const [, vat, kwh] = n.fields;
      expect(vat.withheld === null).toBe(n.profile.tax !== null);
      expect(kwh.withheld === null).toBe(n.access.visibleSections.includes('ELECTRICITY'));
    }
  });
});
