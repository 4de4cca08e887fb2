import { createApiTestHub, type ApiTestHub, type GraphqlResponse } from '../support/api-hub';

/** Dashboard aggregates over HTTP: who may ask, what comes back, which inputs are refused and how. */
describe('dashboard aggregates API', () => {
  let t: ApiTestHub;

  const COUNTS = `query ($by: EnterpriseCountDimension!, $filter: EnterpriseAggregateFilter) {
    enterpriseCounts(by: $by, filter: $filter) { by total buckets { key label count share } } }`;
  const DISTRIBUTION = `query ($key: String!, $buckets: Int, $filter: EnterpriseAggregateFilter) {
    fieldDistribution(key: $key, buckets: $buckets, filter: $filter) {
      key section type unit count nulls min max mean p25 p50 p75 p90 suppressed histogram { lower upper count } } }`;
  const SOURCES = `{ sourceCoverage { connector stream records resolved resolvedShare enterprises enterpriseShare
    newestRecordAt lastSuccessfulSyncAt newestRecordAgeSeconds lastSyncAgeSeconds } }`;
  const FIELD_COVERAGE = `query ($section: ProfileSection!) { fieldCoverage(section: $section) { section profiles fields { key filled share } } }`;

  const ok = <T = any>(r: GraphqlResponse<T>): T => {
    expect(r.errors).toBeUndefined();
    expect(r.status).toBe(200);
    return r.data as T;
  };
  const code = (r: GraphqlResponse) => r.errors?.[0]?.extensions?.code;
  const count = async (sql: string, params: unknown[] = []) => Number(((await t.hub.runtime.db.query(sql, params)) as Array<{ n: string }>)[0]!.n);

  beforeAll(async () => {
    t = await createApiTestHub({ sandbox: { seed: 31, enterprises: 60 } });
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  it('counts enterprises by district with names for an institution key', async () => {
    const { enterpriseCounts } = ok(await t.gql(COUNTS, { by: 'DISTRICT' }, t.keys.bankA));
    const profiles = await count('SELECT COUNT(*) AS n FROM enterprise_profile');
    expect(profiles).toBeGreaterThan(40);
    expect(enterpriseCounts.by).toBe('DISTRICT');
    expect(enterpriseCounts.total).toBe(profiles);
    expect(enterpriseCounts.buckets.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(profiles);
    const lixia = enterpriseCounts.buckets.find((b: { key: string }) => b.key === '370102');
    expect(lixia).toMatchObject({ label: '历下区', count: await count("SELECT COUNT(*) AS n FROM enterprise_profile WHERE current_district_code = '370102'") });
    expect(lixia.share).toBeCloseTo(lixia.count / profiles, 9);
  });

  it('drills down from a bucket key, and counts tags', async () => {
    const { enterpriseCounts: sections } = ok(await t.gql(COUNTS, { by: 'INDUSTRY_SECTION' }, t.keys.bankB));
    const top = sections.buckets[0];
    expect(top.label).not.toBe(top.key);
    const { enterpriseCounts: inSection } = ok(await t.gql(COUNTS, { by: 'REGISTRATION_STATUS', filter: { industrySections: [top.key] } }, t.keys.bankB));
    expect(inSection.total).toBe(top.count);
    const active = inSection.buckets.find((b: { key: string }) => b.key === 'active');
    expect(active.label).toBe('存续');
    expect(active.count).toBe(await count("SELECT COUNT(*) AS n FROM enterprise_profile WHERE industry_section = ? AND registration_status = 'active'", [top.key]));
    const { enterpriseCounts: tags } = ok(await t.gql(COUNTS, { by: 'TAG', filter: { registrationStatuses: ['active'] } }, t.keys.steward));
    expect(tags.buckets.map((b: { key: string }) => b.key).sort()).toEqual(['high_tech_enterprise', 'specialized_sme', 'tech_sme']);
    expect(tags.buckets.find((b: { key: string }) => b.key === 'tech_sme').count).toBe(
      await count("SELECT COUNT(*) AS n FROM enterprise_profile WHERE tech_sme = 1 AND registration_status = 'active'"),
    );
  });

  it('describes a money field in fen for an institution', async () => {
    const { fieldDistribution: d } = ok(await t.gql(DISTRIBUTION, { key: 'registered_capital', buckets: 5 }, t.keys.bankA));
    expect(d).toMatchObject({ key: 'registered_capital', section: 'IDENTITY', type: 'MONEY', unit: 'CNY fen', suppressed: false });
    const [row] = (await t.hub.runtime.db.query('SELECT COUNT(registered_capital) AS n, MIN(registered_capital) AS lo, MAX(registered_capital) AS hi FROM enterprise_profile')) as Array<{ n: string; lo: string; hi: string }>;
    expect(d.count).toBe(Number(row!.n));
    expect(d.min).toBe(Number(row!.lo));
    expect(d.max).toBe(Number(row!.hi));
    expect(d.histogram.length).toBeLessThanOrEqual(5);
    expect(d.histogram.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(d.count);
    expect(d.p25).toBeLessThanOrEqual(d.p50);
    expect(d.p50).toBeLessThanOrEqual(d.p90);
  });

  it('gives institutions consent-gated distributions over everyone only; stewards may filter', async () => {
    const whole = await t.gql(DISTRIBUTION, { key: 'tax_paid_12m' }, t.keys.bankA);
    expect(ok(whole).fieldDistribution).toMatchObject({ section: 'TAX', suppressed: false });
    const filtered = await t.gql(DISTRIBUTION, { key: 'tax_paid_12m', filter: { districts: ['370102'] } }, t.keys.bankA);
    expect(code(filtered)).toBe('FORBIDDEN');
    expect(filtered.errors?.[0]?.message).toMatch(/consent-gated tax section/);
    const steward = ok(await t.gql(DISTRIBUTION, { key: 'taxPaid12m', filter: { districts: ['370102'] } }, t.keys.steward));
    expect(steward.fieldDistribution.count).toBe(await count("SELECT COUNT(tax_paid_12m) AS n FROM enterprise_profile WHERE current_district_code = '370102'"));
  });

  it('reports source coverage and field coverage', async () => {
    const { sourceCoverage } = ok(await t.gql(SOURCES, undefined, t.keys.bankA));
    const streams = t.hub.runtime.catalog.targets();
    expect(sourceCoverage).toHaveLength(streams.length);
    const registrations = sourceCoverage.find((s: { connector: string; stream: string }) => s.connector === 'market-regulation' && s.stream === 'registrations');
    expect(registrations.records).toBe(await count("SELECT COUNT(*) AS n FROM raw_record WHERE connector = 'market-regulation' AND stream = 'registrations'"));
    expect(registrations.enterprises).toBeGreaterThan(0);
    expect(registrations.lastSyncAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(Date.parse(registrations.lastSuccessfulSyncAt)).toBeLessThanOrEqual(Date.now());
    const { fieldCoverage } = ok(await t.gql(FIELD_COVERAGE, { section: 'TAX' }, t.keys.bankB));
    expect(fieldCoverage.section).toBe('TAX');
    const paid = fieldCoverage.fields.find((f: { key: string }) => f.key === 'tax_paid_12m');
    expect(paid.filled).toBe(await count('SELECT COUNT(tax_paid_12m) AS n FROM enterprise_profile'));
    expect(paid.share).toBeCloseTo(paid.filled / fieldCoverage.profiles, 9);
  });

  it('refuses every aggregate without a key', async () => {
    for (const [query, variables] of [
      [COUNTS, { by: 'DISTRICT' }],
      [DISTRIBUTION, { key: 'registered_capital' }],
      [SOURCES, undefined],
      [FIELD_COVERAGE, { section: 'TAX' }],
    ] as const) {
      const r = await t.gql(query, variables, null);
      expect(code(r)).toBe('UNAUTHENTICATED');
      expect(r.data ?? null).toBeNull();
    }
  });

  it('refuses bad keys, bucket counts and filter values with BAD_USER_INPUT saying what is wrong', async () => {
    const unknown = await t.gql(DISTRIBUTION, { key: 'no_such_field' }, t.keys.bankA);
    expect(code(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.message).toMatch(/no profile field "no_such_field"/);
    const text = await t.gql(DISTRIBUTION, { key: 'registered_name' }, t.keys.bankA);
    expect(code(text)).toBe('BAD_USER_INPUT');
    expect(text.errors?.[0]?.message).toMatch(/registered_name is a string field.*integer, decimal, money, ratio/);
    expect(text.errors?.[0]?.extensions?.allowedTypes).toEqual(['integer', 'decimal', 'money', 'ratio']);
    const injection = await t.gql(DISTRIBUTION, { key: 'registered_capital`) FROM api_key -- ' }, t.keys.bankA);
    expect(code(injection)).toBe('BAD_USER_INPUT');
    for (const buckets of [0, 101]) {
      const r = await t.gql(DISTRIBUTION, { key: 'age_months', buckets }, t.keys.bankA);
      expect(code(r)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/buckets must be a whole number from 1 to 100/);
    }
    const filter = await t.gql(COUNTS, { by: 'DISTRICT', filter: { registrationStatuses: ['zombie'] } }, t.keys.bankA);
    expect(code(filter)).toBe('BAD_USER_INPUT');
    expect(filter.errors?.[0]?.message).toMatch(/filter\.registrationStatuses/);
  });

  it('runs the same number of SQL statements whatever the filter or bucket count', async () => {
    const statements = async (query: string, variables: Record<string, unknown>) => {
      await t.gql(query, variables, t.keys.steward);
      const r = await t.gql(query, variables, t.keys.steward);
      expect(r.errors).toBeUndefined();
      const header = r.headers.get('x-sql-statements');
      expect(header).toMatch(/^\d+$/);
      return Number(header);
    };
    const distribution = await statements(DISTRIBUTION, { key: 'registered_capital', buckets: 2 });
    expect(await statements(DISTRIBUTION, { key: 'registered_capital', buckets: 100, filter: { registrationStatuses: ['active', 'revoked'], tags: ['tech_sme'] } })).toBe(distribution);
    const counts = await statements(COUNTS, { by: 'DISTRICT' });
    expect(await statements(COUNTS, { by: 'ENTITY_TYPE', filter: { districts: ['370102', '370112'] } })).toBe(counts);
    expect(await statements(COUNTS, { by: 'TAG' })).toBe(counts);
  });
});
