import { DISTRICTS } from '../../connectors/sandbox/jinan.data';
import type { Principal } from '../../src/access/principal';
import { parseAggregateFilter, type AggregateFilter, type AggregateFilterInput } from '../../src/aggregates/aggregate-filter';
import { distributionFloor, MIN_DISCLOSED_GROUP } from '../../src/aggregates/disclosure';
import { enterpriseCounts, type CountDimension } from '../../src/aggregates/enterprise-counts.service';
import { bucketCount, fieldDistribution, histogramEdges, numericField, type FieldDistribution } from '../../src/aggregates/field-distribution.service';
import { ENTITY_TYPE_NAMES, INDUSTRY_SECTION_NAMES, JINAN_DISTRICT_NAMES, REGISTRATION_STATUS_NAMES } from '../../src/aggregates/reference-labels';
import { profileColumn } from '../../src/aggregates/profile-column';
import { sectionCoverage, sourceCoverage } from '../../src/aggregates/source-coverage.service';
import { withStatementTally } from '../../src/db/statement-counter';
import { HubError } from '../../src/errors/hub-error';
import { fieldByKey, fieldsOfSection } from '../../src/profile/catalog/catalog';
import { syncThroughQueue } from '../support/ingest-expectations';
import { createTestHub, type TestHub } from '../support/test-hub';

/**
 * Dashboard aggregates on a synced 80-enterprise sandbox, each checked against a computation in JS
 * (or plain SQL) over the same stored rows.
 */
type Row = Record<string, string | number | null>;

const institution: Principal = { keyId: 1, name: 'desk', role: 'INSTITUTION', institutionId: 1, institutionName: '齐鲁银行' };
const steward: Principal = { keyId: 2, name: 'steward', role: 'STEWARD', institutionId: null, institutionName: null };

const DIMENSION_COLUMN: Record<Exclude<CountDimension, 'tag'>, string> = {
  district: 'current_district_code',
  industry_section: 'industry_section',
  registration_status: 'registration_status',
  entity_type: 'entity_type',
};
const TAGS = ['high_tech_enterprise', 'tech_sme', 'specialized_sme'];

/** PERCENTILE_CONT: linear interpolation between the ranks around q·(n−1). */
function percentile(sorted: number[], q: number): number {
  const rank = q * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (rank - lo) * (sorted[hi]! - sorted[lo]!);
}

async function expectBadInput(promise: Promise<unknown> | (() => unknown), message: RegExp): Promise<void> {
  const run = typeof promise === 'function' ? Promise.resolve().then(promise) : promise;
  await expect(run).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(message) });
}

describe('dashboard aggregates over a synced sandbox', () => {
  let hub: TestHub;
  let rows: Row[];

  const matches = (r: Row, f: AggregateFilter): boolean =>
    (f.districts.length === 0 || f.districts.includes(String(r.current_district_code))) &&
    (f.industrySections.length === 0 || f.industrySections.includes(String(r.industry_section))) &&
    (f.registrationStatuses.length === 0 || f.registrationStatuses.includes(String(r.registration_status))) &&
    (f.entityTypes.length === 0 || f.entityTypes.includes(String(r.entity_type))) &&
    f.tags.every((t) => Number(r[t]) === 1);

  beforeAll(async () => {
    hub = await createTestHub({ sandbox: { seed: 23, enterprises: 80, invalidRate: 0.01 }, env: { PROFILE_AS_OF: '2026-10-01' } });
    hub.startWorkers();
    await hub.startProfileWorker();
    await syncThroughQueue(hub.runtime.db, hub.runtime.queues, hub.runtime.catalog.targets());
    await hub.waitUntilProfiled();
    rows = (await hub.runtime.db.query('SELECT * FROM enterprise_profile')) as Row[];
  }, 600_000);

  afterAll(async () => {
    await hub?.close();
  });

  it('has a population to aggregate', () => {
    expect(rows.length).toBeGreaterThan(60);
  });

  it.each(Object.keys(DIMENSION_COLUMN) as Array<Exclude<CountDimension, 'tag'>>)('counts enterprises by %s as grouping the rows in JS does', async (dimension) => {
    const column = DIMENSION_COLUMN[dimension];
    const expected = new Map<string | null, number>();
    for (const r of rows) {
      const key = r[column] === null ? null : String(r[column]);
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const counts = await enterpriseCounts(hub.runtime.db, dimension, parseAggregateFilter(null));
    expect(counts.total).toBe(rows.length);
    expect(new Map(counts.buckets.map((b) => [b.key, b.count]))).toEqual(expected);
    expect(counts.buckets.length).toBeGreaterThan(1);
    // largest first, unknown last
    const known = counts.buckets.filter((b) => b.key !== null);
    expect(known.map((b) => b.count)).toEqual([...known.map((b) => b.count)].sort((a, b) => b - a));
    expect(counts.buckets.findIndex((b) => b.key === null)).toBeGreaterThanOrEqual(counts.buckets.length === known.length ? -1 : known.length);
    for (const b of counts.buckets) expect(b.label).not.toBe('');
  });

  it('labels districts with their GB/T 2260 names and sections with GB/T 4754 names', async () => {
    const byDistrict = await enterpriseCounts(hub.runtime.db, 'district', parseAggregateFilter(null));
    const lixia = byDistrict.buckets.find((b) => b.key === '370102');
    expect(lixia?.label).toBe('历下区');
    for (const b of byDistrict.buckets) if (b.key !== null && JINAN_DISTRICT_NAMES[b.key]) expect(b.label).toBe(JINAN_DISTRICT_NAMES[b.key]);
    const bySection = await enterpriseCounts(hub.runtime.db, 'industry_section', parseAggregateFilter(null));
    expect(bySection.buckets.find((b) => b.key === 'I')?.label).toBe('信息传输、软件和信息技术服务业');
  });

  it('has a label for every value the catalog and the sandbox know', () => {
    expect(Object.fromEntries(DISTRICTS.map((d) => [d.code, d.name]))).toEqual(JINAN_DISTRICT_NAMES);
    expect(Object.keys(INDUSTRY_SECTION_NAMES)).toEqual([...(fieldByKey('industry_section')?.values ?? [])]);
    expect(Object.keys(REGISTRATION_STATUS_NAMES)).toEqual([...(fieldByKey('registration_status')?.values ?? [])]);
    expect(Object.keys(ENTITY_TYPE_NAMES)).toEqual([...(fieldByKey('entity_type')?.values ?? [])]);
  });

  it('counts tag holders, overlapping, with the filtered total', async () => {
    const counts = await enterpriseCounts(hub.runtime.db, 'tag', parseAggregateFilter(null));
    expect(counts.total).toBe(rows.length);
    expect(counts.buckets.map((b) => b.key).sort()).toEqual([...TAGS].sort());
    for (const tag of TAGS) expect(counts.buckets.find((b) => b.key === tag)?.count).toBe(rows.filter((r) => Number(r[tag]) === 1).length);
    expect(counts.buckets.some((b) => b.count > 0)).toBe(true);
  });

  it('drills down by district, section, status, entity type and tag as filtering the rows in JS does', async () => {
    const top = (column: string) => {
      const tally = new Map<string, number>();
      for (const r of rows) if (r[column] !== null) tally.set(String(r[column]), (tally.get(String(r[column])) ?? 0) + 1);
      return [...tally].sort((a, b) => b[1] - a[1])[0]![0];
    };
    const inputs: AggregateFilterInput[] = [
      { districts: [top('current_district_code')] },
      { districts: [' 370102', '370112'], registrationStatuses: ['ACTIVE'] },
      { industrySections: [top('industry_section').toLowerCase()], entityTypes: [top('entity_type')] },
      { tags: ['high_tech_enterprise'] },
      { districts: [], tags: [] },
    ];
    for (const input of inputs) {
      const filter = parseAggregateFilter(input);
      const expected = rows.filter((r) => matches(r, filter));
      for (const dimension of ['district', 'registration_status', 'tag'] as const) {
        const counts = await enterpriseCounts(hub.runtime.db, dimension, filter);
        expect(counts.total).toBe(expected.length);
      }
      const bySection = await enterpriseCounts(hub.runtime.db, 'industry_section', filter);
      const expectedSections = new Map<string | null, number>();
      for (const r of expected) expectedSections.set(r.industry_section === null ? null : String(r.industry_section), (expectedSections.get(r.industry_section === null ? null : String(r.industry_section)) ?? 0) + 1);
      expect(new Map(bySection.buckets.map((b) => [b.key, b.count]))).toEqual(expectedSections);
    }
    expect(rows.filter((r) => matches(r, parseAggregateFilter(inputs[0]))).length).toBeGreaterThan(0);
  });

  it('refuses filter values outside the vocabularies, naming the list', async () => {
    await expectBadInput(() => parseAggregateFilter({ districts: ['3701'] }), /filter\.districts.*"3701".*six-digit/);
    await expectBadInput(() => parseAggregateFilter({ industrySections: ['Z'] }), /filter\.industrySections.*"Z"/);
    await expectBadInput(() => parseAggregateFilter({ registrationStatuses: ['zombie'] }), /filter\.registrationStatuses.*active, revoked, cancelled, moved_out/);
    await expectBadInput(() => parseAggregateFilter({ entityTypes: ["x' OR 1=1 --"] }), /filter\.entityTypes/);
    await expectBadInput(() => parseAggregateFilter({ tags: ['unicorn'] }), /filter\.tags.*high_tech_enterprise/);
  });

  describe.each([
    ['registered_capital', 'money'],
    ['age_months', 'integer'],
    ['paid_in_ratio', 'ratio'],
    ['electricity_kwh_12m', 'decimal'],
    ['tax_paid_12m', 'money'],
  ])('the distribution of %s (%s)', (key, type) => {
    const valuesOf = (subset: Row[]) =>
      subset
        .map((r) => r[key])
        .filter((v): v is string | number => v !== null)
        .map(Number)
        .sort((a, b) => a - b);

    function expectMatches(d: FieldDistribution, subset: Row[], buckets: number): void {
      const values = valuesOf(subset);
      expect(d.field.type).toBe(type);
      expect(d.count).toBe(values.length);
      expect(d.nulls).toBe(subset.length - values.length);
      expect(d.suppressed).toBe(false);
      expect(d.min).toBe(values[0]);
      expect(d.max).toBe(values[values.length - 1]);
      expect(d.mean).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 3);
      for (const [q, p] of [[0.25, d.p25], [0.5, d.p50], [0.75, d.p75], [0.9, d.p90]] as const) expect(p).toBeCloseTo(percentile(values, q), 3);
      // Equal widths, contiguous from min, covering max; counts as binning the values in JS.
      const bins = d.histogram;
      expect(bins.length).toBeGreaterThan(0);
      expect(bins.length).toBeLessThanOrEqual(buckets);
      expect(bins[0]!.lower).toBe(values[0]);
      expect(bins[bins.length - 1]!.upper).toBeGreaterThanOrEqual(values[values.length - 1]!);
      for (let i = 1; i < bins.length; i++) expect(bins[i]!.lower).toBe(bins[i - 1]!.upper);
      const width = bins[0]!.upper - bins[0]!.lower;
      for (const b of bins) expect(b.upper - b.lower).toBeCloseTo(width, 6);
      if (type === 'money' || type === 'integer') for (const b of bins) expect(Number.isInteger(b.lower) && Number.isInteger(b.upper)).toBe(true);
      const expected = bins.map((b, i) => values.filter((v) => v >= b.lower && (v < b.upper || (i === bins.length - 1 && v <= b.upper))).length);
      expect(bins.map((b) => b.count)).toEqual(expected);
      expect(expected.reduce((s, n) => s + n, 0)).toBe(values.length);
    }

    it('matches JS over every stored profile', async () => {
      const field = numericField(key);
      expect(valuesOf(rows).length).toBeGreaterThan(5);
      for (const buckets of [10, 3, 1]) {
        expectMatches(await fieldDistribution(hub.runtime.db, { field, buckets, filter: parseAggregateFilter(null) }), rows, buckets);
      }
    });

    it('matches JS over a filtered subset', async () => {
      const filter = parseAggregateFilter({ registrationStatuses: ['active'] });
      const subset = rows.filter((r) => matches(r, filter));
      const d = await fieldDistribution(hub.runtime.db, { field: numericField(key), buckets: 7, filter });
      if (valuesOf(subset).length === 0) expect(d.histogram).toEqual([]);
      else expectMatches(d, subset, 7);
    });
  });

  it('gives null statistics and no bins without values, and one bin when all values are equal', async () => {
    const d = await fieldDistribution(hub.runtime.db, { field: numericField('paid_in_ratio'), buckets: 5, filter: parseAggregateFilter({ districts: ['999999'] }) });
    expect(d).toMatchObject({ count: 0, nulls: 0, min: null, max: null, mean: null, p50: null, histogram: [], suppressed: false });
    expect(histogramEdges('ratio', 0.5, 0.5, 5)).toEqual([{ lower: 0.5, upper: 0.5 }]);
    expect(histogramEdges('integer', 3, 3, 10)).toEqual([{ lower: 3, upper: 4 }]);
    expect(histogramEdges('integer', 0, 4, 10)).toHaveLength(5);
    expect(histogramEdges('money', 0, 100, 10).map((b) => b.upper - b.lower)).toEqual(new Array(10).fill(11));
  });

  it('suppresses statistics of groups smaller than the floor, keeping count and nulls', async () => {
    const field = numericField('tax_paid_12m');
    const all = await fieldDistribution(hub.runtime.db, { field, buckets: 10, filter: parseAggregateFilter(null), minimumGroup: MIN_DISCLOSED_GROUP });
    expect(all.suppressed).toBe(false);
    const tooFew = await fieldDistribution(hub.runtime.db, { field, buckets: 10, filter: parseAggregateFilter(null), minimumGroup: all.count + 1 });
    expect(tooFew).toMatchObject({ count: all.count, nulls: all.nulls, min: null, max: null, mean: null, p25: null, p90: null, histogram: [], suppressed: true });
  });

  it('lets institutions see consent-gated distributions only unfiltered, and public ones freely', () => {
    const none = parseAggregateFilter(null);
    const some = parseAggregateFilter({ districts: ['370102'] });
    const tax = numericField('tax_paid_12m');
    const capital = numericField('registered_capital');
    expect(distributionFloor(institution, tax, none)).toBe(MIN_DISCLOSED_GROUP);
    expect(() => distributionFloor(institution, tax, some)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringMatching(/tax_paid_12m.*consent-gated tax section/) }));
    expect(distributionFloor(institution, capital, some)).toBe(1);
    expect(distributionFloor(steward, tax, some)).toBe(1);
  });

  it('refuses unknown keys, non-numeric fields and bad bucket counts, and never takes a column from user text', async () => {
    await expectBadInput(() => numericField('no_such_field'), /key: no profile field "no_such_field"/);
    await expectBadInput(() => numericField('registered_name'), /registered_name is a string field.*integer, decimal, money, ratio/);
    await expectBadInput(() => numericField('established_on'), /date field/);
    await expectBadInput(() => numericField('registered_capital` FROM api_key; --'), /no profile field/);
    expect(numericField(' registeredCapital ').key).toBe('registered_capital');
    for (const bad of [0, 101, 2.5, -3]) await expectBadInput(() => bucketCount(bad), /buckets must be a whole number from 1 to 100/);
    expect(bucketCount(null)).toBe(10);
    // A FieldDef that is not the catalog's own cannot reach SQL.
    const forged = { ...fieldByKey('registered_capital')!, key: 'registered_capital` + (SELECT 1) + `' };
    expect(() => profileColumn(forged)).toThrow(/not a catalog column/);
    await expect(fieldDistribution(hub.runtime.db, { field: forged, buckets: 10, filter: parseAggregateFilter(null) })).rejects.toBeInstanceOf(HubError);
  });

  it('reports coverage per source stream as plain SQL over raw records counts it', async () => {
    const now = new Date();
    const report = await sourceCoverage(hub.runtime.db, hub.runtime.catalog.targets(), now);
    const targets = hub.runtime.catalog.targets();
    expect(report.map((s) => `${s.connector}/${s.stream}`).sort()).toEqual(expect.arrayContaining(targets.map((t) => `${t.connector}/${t.stream}`).sort()));
    const expected = (await hub.runtime.db.query(
      `SELECT r.connector, r.stream, COUNT(*) AS records,
              (SELECT COUNT(*) FROM raw_record r2 JOIN record_link l ON l.raw_record_id = r2.id AND l.status = 'resolved' WHERE r2.connector = r.connector AND r2.stream = r.stream) AS resolved,
              (SELECT COUNT(DISTINCT l.uscc) FROM raw_record r2 JOIN record_link l ON l.raw_record_id = r2.id AND l.status = 'resolved' WHERE r2.connector = r.connector AND r2.stream = r.stream) AS enterprises
         FROM raw_record r GROUP BY r.connector, r.stream`,
    )) as Array<{ connector: string; stream: string; records: string; resolved: string; enterprises: string }>;
    expect(expected.length).toBeGreaterThan(3);
    for (const e of expected) {
      const s = report.find((x) => x.connector === e.connector && x.stream === e.stream);
      expect(s).toMatchObject({ records: Number(e.records), resolved: Number(e.resolved), enterprises: Number(e.enterprises) });
      expect(s!.resolvedShare).toBeCloseTo(Number(e.resolved) / Number(e.records), 9);
      expect(s!.enterpriseShare).toBeCloseTo(Number(e.enterprises) / rows.length, 9);
    }
    const runs = (await hub.runtime.db.query(
      "SELECT connector, stream, MAX(ended_at) AS ended FROM connector_run WHERE status = 'succeeded' GROUP BY connector, stream",
    )) as Array<{ connector: string; stream: string; ended: Date }>;
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) {
      const s = report.find((x) => x.connector === r.connector && x.stream === r.stream)!;
      expect(s.lastSuccessfulSyncAt?.getTime()).toBe(r.ended.getTime());
      expect(s.lastSyncAgeSeconds).toBe(Math.floor((now.getTime() - r.ended.getTime()) / 1000));
    }
    for (const s of report) {
      if (s.newestRecordAt) expect(s.newestRecordAgeSeconds).toBe(Math.max(0, Math.floor((now.getTime() - s.newestRecordAt.getTime()) / 1000)));
      else expect(s.newestRecordAgeSeconds).toBeNull();
    }
  });

  it('lists a stream the hub runs but has no records of, with zeros', async () => {
    const report = await sourceCoverage(hub.runtime.db, [...hub.runtime.catalog.targets(), { connector: 'tax', stream: 'not-yet-synced' }]);
    expect(report.find((s) => s.stream === 'not-yet-synced')).toMatchObject({ records: 0, resolved: 0, resolvedShare: 0, enterprises: 0, newestRecordAt: null, lastSyncAgeSeconds: null });
  });

  it('reports field coverage of a section as counting non-null values in JS does', async () => {
    for (const section of ['tax', 'identity'] as const) {
      const coverage = await sectionCoverage(hub.runtime.db, section);
      expect(coverage.profiles).toBe(rows.length);
      expect(coverage.fields.map((f) => f.key)).toEqual(fieldsOfSection(section).map((f) => f.key));
      for (const f of coverage.fields) {
        const filled = rows.filter((r) => r[f.key] !== null).length;
        expect(f.filled).toBe(filled);
        expect(f.coverage).toBeCloseTo(filled / rows.length, 9);
      }
    }
  });

  it('runs a fixed number of statements per aggregate, filtered or not', async () => {
    const tally = async (fn: () => Promise<unknown>) => {
      const t = { statements: 0 };
      await withStatementTally(t, fn);
      return t.statements;
    };
    const { db } = hub.runtime;
    const none = parseAggregateFilter(null);
    const some = parseAggregateFilter({ districts: ['370102', '370112'], tags: ['tech_sme'] });
    for (const filter of [none, some]) {
      expect(await tally(() => enterpriseCounts(db, 'district', filter))).toBe(1);
      expect(await tally(() => enterpriseCounts(db, 'tag', filter))).toBe(1);
      expect(await tally(() => fieldDistribution(db, { field: numericField('registered_capital'), buckets: 100, filter }))).toBeLessThanOrEqual(2);
    }
    expect(await tally(() => fieldDistribution(db, { field: numericField('registered_capital'), buckets: 100, filter: none }))).toBe(2);
    expect(await tally(() => sourceCoverage(db, hub.runtime.catalog.targets()))).toBe(2);
    expect(await tally(() => sectionCoverage(db, 'tax'))).toBe(1);
  });
});
