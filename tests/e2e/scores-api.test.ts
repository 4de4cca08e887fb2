import { execute, parse } from 'graphql';
import { AccessRecorder } from '../../schema/access/access-recorder';
import { buildHubSchema } from '../../schema/build-schema';
import type { GraphqlContext } from '../../schema/context';
import { RequestLoaders } from '../../schema/loaders/request-loaders';
import { authenticate } from '../../src/access/api-keys.service';
import { PrincipalCache } from '../../src/access/principal-cache';
import { withStatementTally } from '../../src/db/statement-counter';
import { SECTIONS } from '../../src/profile/catalog/field.types';
import { rebuildEverything } from '../../src/profile/pipeline/refresh.service';
import { loadProfiles, type StoredProfile } from '../../src/profile/read/profile-read.service';
import { CURRENT_SCORECARD } from '../../src/scoring/models/scorecard-models';
import { scoreProfile } from '../../src/scoring/scorecard/score-profile';
import { createApiTestHub, type ApiTestHub, type GraphqlResponse } from '../support/api-hub';

/** Enterprise.score, scoreHistory, scoreAsOf, the grade filter and distribution over HTTP. */

const SCORE = `status score grade probabilityOfDefault present modelVersion inputHash asOf computedAt
  subScores { dimension points maxPoints share characteristics present }
  reasons { code zh en field value pointsLost }
  missing { field zh en dimension required }`;
const ONE = `query One($uscc: String!) { enterprise(uscc: $uscc) {
  score { unavailableReason message withheld { section reason } score { ${SCORE} } }
  scoreHistory(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { inputHash asOf } } } } }`;
const LIST = `query L($n: Int!) { enterprises(first: $n) { edges { node { uscc
  score { unavailableReason withheld { section } score { ${SCORE} } }
  scoreHistory(first: 2) { totalCount edges { node { score inputHash } } } } } } }`;
const AS_OF_Q = `query A($uscc: String!, $asOf: LocalDate!) { enterprise(uscc: $uscc) { scoreAsOf(asOf: $asOf) { ${SCORE} } } }`;
const GATED = ['TAX', 'ELECTRICITY', 'COMPLIANCE', 'INTELLECTUAL_PROPERTY', 'TALENT', 'FINANCING', 'DERIVED'].sort();

const ok = async <T = any>(p: Promise<GraphqlResponse<T>>): Promise<T> => {
  const r = await p;
  expect(r.errors).toBeUndefined();
  return r.data as T;
};

describe('credit scores in GraphQL', () => {
  let t: ApiTestHub;
  let usccs: string[];
  let profiles: Map<string, StoredProfile>;
  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await t.hub.runtime.db.query(sql, params)) as T[];

  beforeAll(async () => {
    t = await createApiTestHub({ sandbox: { enterprises: 60 } });
    usccs = (await query<{ uscc: string }>('SELECT uscc FROM enterprise_profile ORDER BY uscc')).map((r) => r.uscc);
    profiles = await loadProfiles(t.hub.runtime.db, usccs, SECTIONS);
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  /** What the API must show for an enterprise: scoreProfile of its stored profile row, computed here. */
  const expected = (uscc: string) => {
    const r = scoreProfile(CURRENT_SCORECARD, profiles.get(uscc)!.values);
    return r.status === 'SCORED'
      ? { status: r.status, score: r.score, grade: r.grade, probabilityOfDefault: r.probabilityOfDefault, inputHash: r.inputHash, modelVersion: r.modelVersion, reasons: r.reasons.map((x) => ({ code: x.code, zh: x.zh, en: x.en, field: x.field, pointsLost: x.pointsLost })), subScores: r.subScores, missing: [] }
      : { status: r.status, score: null, grade: null, probabilityOfDefault: null, inputHash: r.inputHash, modelVersion: r.modelVersion, reasons: [], subScores: [], missing: r.missing };
  };
  const shown = (s: any) => ({ ...s, reasons: s.reasons.map(({ value: _v, ...rest }: any) => rest) });

  it.each([
    ['a steward', () => t.keys.steward],
    ['an admin', () => t.keys.admin],
  ])('serves %s every enterprise’s score, equal to scoreProfile of its stored row', async (_, key) => {
    const nodes = (await ok(t.gql(LIST, { n: 100 }, key()))).enterprises.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(usccs.length);
    const statuses = new Set<string>();
    for (const node of nodes) {
      const s = node.score.score;
      expect(node.score.unavailableReason).toBeNull();
      expect(shown(s)).toMatchObject(expected(node.uscc));
      expect(s.reasons.length).toBeLessThanOrEqual(4);
      expect(s.asOf).toBe('2026-10-01');
      expect(node.scoreHistory.totalCount).toBeGreaterThanOrEqual(1);
      expect(node.scoreHistory.edges[0].node.inputHash).toBe(s.inputHash);
      statuses.add(s.status);
    }
    expect(statuses.has('SCORED')).toBe(true);
  });

  it('gives an institution without consent the reason, no score and no history, and logs the withheld sections', async () => {
    const uscc = usccs[1]!;
    const r = (await ok(t.gql(ONE, { uscc }, t.keys.bankB))).enterprise;
    expect(r.score.score).toBeNull();
    expect(r.score.unavailableReason).toBe('SECTIONS_WITHHELD');
    expect(r.score.message).toMatch(/withheld from you: .*tax \(NO_CONSENT\)/);
    expect(r.score.withheld.map((w: any) => w.section).sort()).toEqual(GATED);
    expect(r.scoreHistory).toBeNull();
    const [log] = await query<{ sections: string | null; withheld: string }>("SELECT sections, withheld FROM access_log WHERE uscc = ? AND principal_name = 'rural-credit-desk' ORDER BY id DESC LIMIT 1", [uscc]);
    expect(log!.withheld.split(',').sort()).toEqual(GATED.map((s) => s.toLowerCase()));
  });

  it('serves an institution once its consent covers every section the scorecard reads, and not before', async () => {
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
    const partial = (await ok(t.gql(ONE, { uscc }, t.keys.bankA))).enterprise;
    expect(partial.score.score).toBeNull();
    expect(partial.score.withheld.map((w: any) => w.section).sort()).toEqual(GATED.filter((s) => s !== 'TAX' && s !== 'DERIVED'));
    expect(new Set(partial.score.withheld.map((w: any) => w.reason))).toEqual(new Set(['NOT_IN_CONSENT_SCOPE']));
    await grant(GATED);
    const full = (await ok(t.gql(ONE, { uscc }, t.keys.bankA))).enterprise;
    const steward = (await ok(t.gql(ONE, { uscc }, t.keys.steward))).enterprise;
    expect(full.score.unavailableReason).toBeNull();
    expect(full.score.score).toEqual(steward.score.score);
    expect(full.scoreHistory).toEqual(steward.scoreHistory);
    const [log] = await query<{ sections: string; purpose: string }>("SELECT sections, purpose FROM access_log WHERE uscc = ? AND principal_name = 'qilu-credit-desk' ORDER BY id DESC LIMIT 1", [uscc]);
    expect(log!.sections.split(',').sort()).toEqual(['identity', ...GATED.map((s) => s.toLowerCase())].sort());
    expect(log!.purpose).toBe('credit_assessment');
  });

  it('scoreAsOf: a steward gets the stored score reproduced; an institution is FORBIDDEN', async () => {
    const uscc = usccs[3]!;
    const stored = (await ok(t.gql(ONE, { uscc }, t.keys.steward))).enterprise.score.score;
    const again = (await ok(t.gql(AS_OF_Q, { uscc, asOf: '2026-10-01' }, t.keys.steward))).enterprise.scoreAsOf;
    expect({ ...again, computedAt: null }).toEqual({ ...stored, computedAt: null });
    const bank = await t.gql(AS_OF_Q, { uscc, asOf: '2026-10-01' }, t.keys.bankA);
    expect(bank.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const early = await t.gql(AS_OF_Q, { uscc, asOf: '2025-06-30' }, t.keys.steward);
    expect(early.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0]?.message).toMatch(/asOf 2025-06-30 is before the first scorecard model/);
  });

  it('filters enterprises by grade as SQL does, for stewards only', async () => {
    const grades = (await query<{ grade: string }>("SELECT grade FROM enterprise_score WHERE grade IS NOT NULL GROUP BY grade ORDER BY COUNT(*) DESC LIMIT 2")).map((r) => r.grade);
    const want = (await query<{ uscc: string }>(`SELECT uscc FROM enterprise_score WHERE grade IN (${grades.map(() => '?').join(',')}) ORDER BY uscc`, grades)).map((r) => r.uscc);
    const list = (await ok(t.gql('query G($g: [ScoreGrade!]) { enterprises(first: 100, filter: { scoreGrades: $g }) { totalCount edges { node { uscc score { score { grade } } } } } }', { g: grades }, t.keys.steward))).enterprises;
    expect(list.totalCount).toBe(want.length);
    expect(list.edges.map((e: any) => e.node.uscc)).toEqual(want);
    for (const e of list.edges) expect(grades).toContain(e.node.score.score.grade);
    const bank = await t.gql('query G($g: [ScoreGrade!]) { enterprises(first: 10, filter: { scoreGrades: $g }) { totalCount } }', { g: grades }, t.keys.bankA);
    expect(bank.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(bank.errors?.[0]?.message).toMatch(/filter\.scoreGrades/);
  });

  it('counts grades as a SQL GROUP BY does, filtered for stewards, unfiltered only for institutions', async () => {
    const Q = 'query D($f: EnterpriseAggregateFilter) { scoreGradeDistribution(filter: $f) { total scored insufficientData buckets { grade count } } }';
    const sql = async (district: string | null) =>
      new Map(
        (
          await query<{ grade: string | null; n: string }>(
            `SELECT s.grade, COUNT(*) AS n FROM enterprise_score s JOIN enterprise_profile p ON p.uscc = s.uscc ${district ? 'WHERE p.current_district_code = ?' : ''} GROUP BY s.grade`,
            district ? [district] : [],
          )
        ).map((r) => [r.grade, Number(r.n)]),
      );
    const check = (d: any, want: Map<string | null, number>) => {
      const total = [...want.values()].reduce((a, b) => a + b, 0);
      expect(d.total).toBe(total);
      expect(d.insufficientData).toBe(want.get(null) ?? 0);
      expect(d.scored).toBe(total - (want.get(null) ?? 0));
      for (const b of d.buckets) expect({ grade: b.grade, count: b.count }).toEqual({ grade: b.grade, count: want.get(b.grade) ?? 0 });
      expect(d.buckets.map((b: any) => b.grade)).toEqual(['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'C', null]);
    };
    const all = (await ok(t.gql(Q, {}, t.keys.steward))).scoreGradeDistribution;
    check(all, await sql(null));
    expect(all.total).toBe(usccs.length);
    const [{ d }] = await query<{ d: string }>('SELECT current_district_code AS d FROM enterprise_profile WHERE current_district_code IS NOT NULL GROUP BY d ORDER BY COUNT(*) DESC LIMIT 1');
    check((await ok(t.gql(Q, { f: { districts: [d] } }, t.keys.steward))).scoreGradeDistribution, await sql(d));
    expect((await ok(t.gql(Q, {}, t.keys.bankA))).scoreGradeDistribution).toEqual(all);
    const filtered = await t.gql(Q, { f: { districts: [d] } }, t.keys.bankA);
    expect(filtered.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(Q, {}, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['an institution', () => t.keys.bankA],
    ['a steward', () => t.keys.steward],
  ])('runs as many statements for a list of many scores as for 1, for %s', async (_, key) => {
    const schema = await buildHubSchema();
    const principal = (await authenticate(t.hub.runtime.db, key(), null))!;
    const run = async (n: number) => {
      const contextValue: GraphqlContext = { runtime: t.hub.runtime, principal, loaders: new RequestLoaders({ runtime: t.hub.runtime, principal }), access: new AccessRecorder(), principals: new PrincipalCache(0) };
      const tally = { statements: 0 };
      const result = await withStatementTally(tally, () => execute({ schema, document: parse(LIST), variableValues: { n }, contextValue }));
      expect(result.errors).toBeUndefined();
      return { statements: tally.statements, nodes: (result.data as any).enterprises.edges.length, noted: contextValue.access.size };
    };
    const one = await run(1);
    const many = await run(100);
    expect(one.nodes).toBe(1);
    expect(many.nodes).toBe(usccs.length);
    expect(many.noted).toBe(usccs.length);
    expect(many.statements).toBe(one.statements);
  });

  it('recomputes scoreAsOf for a steward’s list with the same statements for many as for 1', async () => {
    const schema = await buildHubSchema();
    const principal = (await authenticate(t.hub.runtime.db, t.keys.steward, null))!;
    const document = parse('query L($n: Int!) { enterprises(first: $n) { edges { node { uscc scoreAsOf(asOf: "2026-10-01") { inputHash status } score { score { inputHash } } } } } }');
    const run = async (n: number) => {
      const contextValue: GraphqlContext = { runtime: t.hub.runtime, principal, loaders: new RequestLoaders({ runtime: t.hub.runtime, principal }), access: new AccessRecorder(), principals: new PrincipalCache(0) };
      const tally = { statements: 0 };
      const result = await withStatementTally(tally, () => execute({ schema, document, variableValues: { n }, contextValue }));
      expect(result.errors).toBeUndefined();
      return { statements: tally.statements, nodes: (result.data as any).enterprises.edges.map((e: any) => e.node) };
    };
    const one = await run(1);
    const many = await run(100);
    expect(many.nodes).toHaveLength(usccs.length);
    expect(many.statements).toBe(one.statements);
    for (const node of many.nodes) expect(node.scoreAsOf.inputHash).toBe(node.score.score.inputHash);
  });

  // Last: it rebuilds the profiles as of a later date, so that scores change and the history grows.
  it('pages the score history newest first with totals equal to SQL', async () => {
    await rebuildEverything(t.hub.runtime.db, { asOf: '2026-12-15', batchSize: 500 });
    const [busiest] = await query<{ uscc: string; n: string }>('SELECT uscc, COUNT(*) AS n FROM enterprise_score_history GROUP BY uscc ORDER BY COUNT(*) DESC, uscc LIMIT 1');
    const ids = (await query<{ input_hash: string }>('SELECT input_hash FROM enterprise_score_history WHERE uscc = ? ORDER BY id DESC', [busiest!.uscc])).map((r) => r.input_hash);
    expect(ids.length).toBeGreaterThan(1);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await ok(t.gql('query H($uscc: String!, $after: String) { enterprise(uscc: $uscc) { scoreHistory(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { inputHash } } } } }', { uscc: busiest!.uscc, after }, t.keys.steward))).enterprise.scoreHistory;
      expect(page.totalCount).toBe(ids.length);
      seen.push(...page.edges.map((e: any) => e.node.inputHash));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
    const bad = await t.gql('query { enterprise(uscc: "' + busiest!.uscc + '") { scoreHistory(first: 101) { totalCount } } }', {}, t.keys.steward);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
