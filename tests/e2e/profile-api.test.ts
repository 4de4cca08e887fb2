import { graphqlNameOf, enumValueName } from '../../schema/types/profile/profile-naming';
import { composeUscc } from '../../src/domain/uscc';
import { fieldByKey, fieldsOfSection, PROFILE_FIELDS } from '../../src/profile/catalog/catalog';
import { SECTIONS, type FieldDef, type FieldValue } from '../../src/profile/catalog/field.types';
import { storedValues } from '../../src/profile/storage/profile.writer';
import { createApiTestHub, type ApiTestHub } from '../support/api-hub';

/** The value a typed section field must serve for a stored value. */
const served = (field: FieldDef, value: FieldValue): unknown => (value !== null && field.type === 'enum' ? enumValueName(String(value)) : value);

const sectionSelection = (section: (typeof SECTIONS)[number]) => `${graphqlNameOf(section)} { ${fieldsOfSection(section).map((f) => graphqlNameOf(f.key)).join(' ')} }`;
const FULL_PROFILE = `profile { asOf computedAt catalogVersion ${SECTIONS.map(sectionSelection).join(' ')} }`;

interface ListRow {
  uscc: string;
  registered_name: string | null;
  current_district_code: string | null;
  industry_section: string | null;
  industry_code: string | null;
  registration_status: string | null;
  high_tech_enterprise: number | null;
  tech_sme: number | null;
  established_on: string | null;
  registered_capital: string | null;
}

/** Profiles over GraphQL for every kind of key: typed sections, fields with provenance, changes, lists and the dictionary. */
describe('profile API', () => {
  let t: ApiTestHub;
  let rows: ListRow[];
  let uscc: string;

  beforeAll(async () => {
    t = await createApiTestHub();
    rows = (await t.hub.runtime.db.query(
      "SELECT uscc, registered_name, current_district_code, industry_section, industry_code, registration_status, high_tech_enterprise, tech_sme, DATE_FORMAT(established_on, '%Y-%m-%d') AS established_on, CAST(registered_capital AS CHAR) AS registered_capital FROM enterprise_profile ORDER BY uscc",
    )) as ListRow[];
    uscc = rows.find((r) => r.registered_name !== null && r.registered_capital !== null)!.uscc;
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  it('has a profile for most of the 60 sandbox enterprises', () => {
    expect(rows.length).toBeGreaterThanOrEqual(50);
  });

  it('serves a steward, an admin and the bootstrap key every section, equal to the stored row', async () => {
    const stored = (await storedValues(t.hub.runtime.db, [uscc])).get(uscc)!;
    for (const key of [t.keys.steward, t.keys.admin, t.keys.bootstrap]) {
      const r = await t.gql(`query Full($uscc: String!) { enterprise(uscc: $uscc) { uscc name access { visibleSections withheld { section } } ${FULL_PROFILE} } }`, { uscc }, key);
      expect(r.errors).toBeUndefined();
      const e = r.data.enterprise;
      expect(e.uscc).toBe(uscc);
      expect(e.name).toBe(stored.get('registered_name'));
      expect(e.access).toEqual({ visibleSections: SECTIONS.map((s) => s.toUpperCase()), withheld: [] });
      expect(e.profile.asOf).toBe('2026-10-01');
      for (const field of PROFILE_FIELDS) {
        expect([field.key, e.profile[graphqlNameOf(field.section)][graphqlNameOf(field.key)]]).toEqual([field.key, served(field, stored.get(field.key) ?? null)]);
      }
    }
  });

  it('shows an institution without consent the identity section only, and says why the rest is withheld', async () => {
    const r = await t.gql(
      `query Bank($uscc: String!) { enterprise(uscc: $uscc) { access { visibleSections withheld { section reason message } } profile { identity { registeredName } tax { vatPaid12m } electricity { electricityKwh12m } } } }`,
      { uscc },
      t.keys.bankA,
    );
    expect(r.errors).toBeUndefined();
    const e = r.data.enterprise;
    expect(e.profile.identity.registeredName).toBe(rows.find((x) => x.uscc === uscc)!.registered_name);
    expect(e.profile.tax).toBeNull();
    expect(e.profile.electricity).toBeNull();
    expect(e.access.visibleSections).toEqual(['IDENTITY']);
    expect(e.access.withheld).toHaveLength(SECTIONS.length - 1);
    expect(e.access.withheld.every((w: { reason: string }) => w.reason === 'NO_CONSENT')).toBe(true);
    expect(e.access.withheld[0].message).toMatch(/has not granted your institution a consent/);
  });

  it('refuses a request without a key', async () => {
    const r = await t.gql('query { enterprise(uscc: "x") { uscc } }', undefined, null);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('accepts a USCC in lower case with spaces, and explains a bad one', async () => {
    const ok = await t.gql('query E($u: String!) { enterprise(uscc: $u) { uscc } }', { u: `  ${uscc.toLowerCase()} ` }, t.keys.bankB);
    expect(ok.data?.enterprise.uscc).toBe(uscc);

    const short = await t.gql('query E($u: String!) { enterprise(uscc: $u) { uscc } }', { u: uscc.slice(0, 17) }, t.keys.bankB);
    expect(short.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(short.errors?.[0]?.message).toMatch(/must be 18 characters, got 17/);

    const alphabet = await t.gql('query E($u: String!) { enterprise(uscc: $u) { uscc } }', { u: `${uscc.slice(0, 10)}O${uscc.slice(11)}` }, t.keys.bankB);
    expect(alphabet.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(alphabet.errors?.[0]?.message).toMatch(/character 'O' at position 11 is not allowed/);

    const wrong = uscc[17] === '0' ? '1' : '0';
    const check = await t.gql('query E($u: String!) { enterprise(uscc: $u) { uscc } }', { u: uscc.slice(0, 17) + wrong }, t.keys.bankB);
    expect(check.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(check.errors?.[0]?.message).toContain(`should be '${uscc[17]}'`);
    expect(check.errors?.[0]?.extensions?.problem).toMatchObject({ code: 'CHECK_CHARACTER', expected: uscc[17] });
  });

  it('answers NOT_FOUND for a valid USCC the hub does not know', async () => {
    const unknown = composeUscc('9', '1', '370102', 'MA3C00001');
    expect(rows.some((r) => r.uscc === unknown)).toBe(false);
    const r = await t.gql('query E($u: String!) { enterprise(uscc: $u) { uscc } }', { u: unknown }, t.keys.steward);
    expect(r.data).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(r.errors?.[0]?.message).toContain(unknown);
  });

  it('serves fields with value, provenance and freshness, and refuses unknown keys', async () => {
    const keys = ['registered_capital', 'registration_status', 'paid_in_ratio', 'established_on', 'high_tech_enterprise', 'vat_paid_12m'];
    const r = await t.gql(
      'query F($u: String!, $k: [String!]) { enterprise(uscc: $u) { fields(keys: $k) { key graphqlName section type value number text flag unit sources sourceRecordIds observedAt freshnessDays computedAt withheld { reason } } } }',
      { u: uscc, k: keys },
      t.keys.steward,
    );
    expect(r.errors).toBeUndefined();
    const stored = (await storedValues(t.hub.runtime.db, [uscc])).get(uscc)!;
    const fields = r.data.enterprise.fields as Array<Record<string, any>>;
    expect(fields.map((f) => f.key)).toEqual(keys);
    const byKey = new Map(fields.map((f) => [f.key, f]));
    expect(byKey.get('registered_capital')).toMatchObject({ type: 'MONEY', number: stored.get('registered_capital'), value: String(stored.get('registered_capital')), unit: 'CNY fen', section: 'IDENTITY', withheld: null });
    expect(byKey.get('registration_status')!.text).toBe(enumValueName(String(stored.get('registration_status'))));
    expect(byKey.get('paid_in_ratio')!.number).toBe(stored.get('paid_in_ratio'));
    expect(byKey.get('established_on')!.text).toBe(stored.get('established_on'));
    expect(byKey.get('high_tech_enterprise')!.flag).toBe(stored.get('high_tech_enterprise'));
    expect(byKey.get('vat_paid_12m')!.section).toBe('TAX');

    const capital = byKey.get('registered_capital')!;
    expect(capital.sources).toEqual(['market-regulation']);
    expect(capital.sourceRecordIds.length).toBeGreaterThan(0);
    const records = (await t.hub.runtime.db.query(`SELECT id, connector, source_updated_at FROM raw_record WHERE id IN (${capital.sourceRecordIds.map(() => '?').join(',')})`, capital.sourceRecordIds)) as Array<{
      id: string;
      connector: string;
      source_updated_at: Date;
    }>;
    expect(records).toHaveLength(capital.sourceRecordIds.length);
    expect(records.every((x) => x.connector === 'market-regulation')).toBe(true);
    const newest = Math.max(...records.map((x) => x.source_updated_at.getTime()));
    expect(new Date(capital.observedAt).getTime()).toBe(newest);
    const cstDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(capital.freshnessDays).toBe(Math.round((Date.parse('2026-10-01') - Date.parse(cstDay(new Date(newest)))) / 86_400_000));

    const all = await t.gql('query F($u: String!) { enterprise(uscc: $u) { fields { key } } }', { u: uscc }, t.keys.admin);
    expect(all.data.enterprise.fields).toHaveLength(PROFILE_FIELDS.length);

    const bad = await t.gql('query F($u: String!) { enterprise(uscc: $u) { fields(keys: ["registered_capital", "no_such", "nor_this"]) { key } } }', { u: uscc }, t.keys.steward);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/'no_such', 'nor_this'/);
    expect(bad.errors?.[0]?.extensions?.unknownKeys).toEqual(['no_such', 'nor_this']);
  });

  it('serves changes since an instant, a page at a time', async () => {
    const db = t.hub.runtime.db;
    const base = Date.parse('2099-09-01T00:00:00Z');
    const inserted = [
      ['registered_name', '"旧名"', '"新名"'],
      ['vat_paid_12m', '100', '200'],
      ['registration_status', '"active"', '"moved_out"'],
      ['electricity_kwh_12m', null, '1234.5'],
      ['age_months', '10', '11'],
    ] as const;
    for (const [i, [key, before, after]] of inserted.entries()) {
      await db.query("INSERT INTO profile_change (uscc, field_key, old_value, new_value, changed_at, as_of, run_id, catalog_version) VALUES (?, ?, ?, ?, ?, '2026-10-01', NULL, 'test')", [
        uscc,
        key,
        before,
        after,
        new Date(base + i * 60_000),
      ]);
    }
    const since = new Date(base).toISOString();
    const q = 'query C($u: String!, $s: DateTimeISO!, $a: String) { enterprise(uscc: $u) { changes(since: $s, first: 2, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { key section oldValue newValue changedAt } } } } }';
    const seen: Array<Record<string, string>> = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await t.gql(q, { u: uscc, s: since, a: after }, t.keys.steward);
      expect(r.errors).toBeUndefined();
      const c = r.data.enterprise.changes;
      expect(c.totalCount).toBe(5);
      seen.push(...c.edges.map((e: { node: Record<string, string> }) => e.node));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen.map((c) => c.key)).toEqual(inserted.map(([k]) => k));
    expect(seen[2]).toMatchObject({ section: 'IDENTITY', oldValue: 'ACTIVE', newValue: 'MOVED_OUT' });
    expect(seen[3]).toMatchObject({ section: 'ELECTRICITY', oldValue: null, newValue: '1234.50' });

    const bank = await t.gql(q.replace('first: 2', 'first: 10'), { u: uscc, s: since, a: null }, t.keys.bankA);
    expect(bank.data.enterprise.changes.totalCount).toBe(3);
    expect(bank.data.enterprise.changes.edges.map((e: { node: { section: string } }) => e.node.section)).toEqual(['IDENTITY', 'IDENTITY', 'IDENTITY']);

    const later = await t.gql(q, { u: uscc, s: new Date(base + 3 * 60_000).toISOString(), a: null }, t.keys.steward);
    expect(later.data.enterprise.changes.totalCount).toBe(2);
  });

  it('refuses a page size over 100 and a cursor of another ordering', async () => {
    const big = await t.gql('{ enterprises(first: 101) { totalCount } }', undefined, t.keys.bankA);
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0]?.message).toMatch(/first must be from 1 to 100/);
    const page = await t.gql('{ enterprises(first: 2) { pageInfo { endCursor } } }', undefined, t.keys.bankA);
    const other = await t.gql('query L($a: String) { enterprises(first: 2, after: $a, orderBy: { field: NAME }) { totalCount } }', { a: page.data.enterprises.pageInfo.endCursor }, t.keys.bankA);
    expect(other.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  const walk = async (variables: Record<string, unknown>, key: string, size = 7): Promise<{ usccs: string[]; total: number }> => {
    const usccs: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let pages = 0; pages < 50; pages++) {
      const r: any = await t.gql(
        'query L($f: EnterpriseFilter, $o: EnterpriseOrder, $n: Int!, $a: String) { enterprises(filter: $f, orderBy: $o, first: $n, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { uscc name } } } }',
        { ...variables, n: size, a: after },
        key,
      );
      expect(r.errors).toBeUndefined();
      const c = r.data.enterprises;
      total = c.totalCount;
      usccs.push(...c.edges.map((e: { node: { uscc: string } }) => e.node.uscc));
      if (!c.pageInfo.hasNextPage) return { usccs, total };
      after = c.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  };

  const cmp = (a: string | number | null, b: string | number | null, desc: boolean): number => {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    const d = typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
    return desc ? -d : d;
  };

  it.each([
    ['USCC', 'ASC'],
    ['USCC', 'DESC'],
    ['ESTABLISHED_ON', 'DESC'],
    ['REGISTERED_CAPITAL', 'ASC'],
    ['REGISTERED_CAPITAL', 'DESC'],
  ])('walks the whole list by %s %s without duplicates, in order', async (field, direction) => {
    const { usccs, total } = await walk({ o: { field, direction } }, t.keys.bankA);
    expect(total).toBe(rows.length);
    expect(new Set(usccs).size).toBe(rows.length);
    const value = (r: ListRow) => (field === 'ESTABLISHED_ON' ? r.established_on : field === 'REGISTERED_CAPITAL' ? (r.registered_capital === null ? null : Number(r.registered_capital)) : null);
    const desc = direction === 'DESC';
    const expected = [...rows].sort((a, b) => cmp(value(a), value(b), desc) || cmp(a.uscc, b.uscc, desc)).map((r) => r.uscc);
    expect(usccs).toEqual(expected);
  });

  it('walks the list by name in both directions, each page continuing the last', async () => {
    for (const direction of ['ASC', 'DESC']) {
      const { usccs } = await walk({ o: { field: 'NAME', direction } }, t.keys.steward, 9);
      expect(new Set(usccs).size).toBe(rows.length);
      const [first] = (await t.hub.runtime.db.query(`SELECT GROUP_CONCAT(uscc ORDER BY registered_name IS NULL, registered_name ${direction}, uscc ${direction}) AS o FROM enterprise_profile`)) as Array<{ o: string }>;
      expect(usccs).toEqual(first!.o.split(','));
    }
  });

  it('filters in SQL on district, industry, status, tags and name, and pages through the result', async () => {
    const some = rows.find((r) => r.current_district_code && r.industry_section && r.industry_code)!;
    const cases: Array<[Record<string, unknown>, (r: ListRow) => boolean]> = [
      [{ districts: [some.current_district_code] }, (r) => r.current_district_code === some.current_district_code],
      [{ industrySections: [some.industry_section, 'C'] }, (r) => r.industry_section === some.industry_section || r.industry_section === 'C'],
      [{ industryCodePrefix: some.industry_code!.slice(0, 3).toLowerCase() }, (r) => (r.industry_code ?? '').startsWith(some.industry_code!.slice(0, 3))],
      [{ registrationStatuses: ['ACTIVE'] }, (r) => r.registration_status === 'active'],
      [{ tags: ['HIGH_TECH_ENTERPRISE'] }, (r) => r.high_tech_enterprise === 1],
      [{ tags: ['HIGH_TECH_ENTERPRISE', 'TECH_SME'] }, (r) => r.high_tech_enterprise === 1 && r.tech_sme === 1],
      [{ nameContains: some.registered_name!.slice(2, 4) }, (r) => (r.registered_name ?? '').includes(some.registered_name!.slice(2, 4))],
      [{ nameContains: '%' }, (r) => (r.registered_name ?? '').includes('%')],
      [{ registrationStatuses: ['ACTIVE'], districts: [some.current_district_code] }, (r) => r.registration_status === 'active' && r.current_district_code === some.current_district_code],
    ];
    for (const [filter, match] of cases) {
      const expected = rows.filter(match).map((r) => r.uscc);
      const { usccs, total } = await walk({ f: filter }, t.keys.bankB, 4);
      expect([filter, total, usccs]).toEqual([filter, expected.length, expected]);
    }
    expect(rows.filter((r) => r.high_tech_enterprise === 1).length).toBeGreaterThan(0);
  });

  it('refuses bad filters, naming them', async () => {
    const q = 'query L($f: EnterpriseFilter) { enterprises(filter: $f) { totalCount } }';
    for (const [filter, argument] of [
      [{ districts: [] }, 'filter.districts'],
      [{ districts: ['37010'] }, 'filter.districts'],
      [{ industryCodePrefix: '65' }, 'filter.industryCodePrefix'],
      [{ nameContains: '  ' }, 'filter.nameContains'],
    ] as const) {
      const r = await t.gql(q, { f: filter }, t.keys.bankA);
      expect([argument, r.errors?.[0]?.extensions?.code]).toEqual([argument, 'BAD_USER_INPUT']);
      expect(r.errors?.[0]?.message).toContain(argument);
    }
  });

  it('serves the data dictionary', async () => {
    const all = await t.gql('{ profileFields { key graphqlName section type graphqlType unit zh en sources derivation nullMeans enumValues { name catalogValue } } }', undefined, t.keys.bankA);
    expect(all.errors).toBeUndefined();
    expect(all.data.profileFields).toHaveLength(PROFILE_FIELDS.length);
    const status = all.data.profileFields.find((f: { key: string }) => f.key === 'registration_status');
    const def = fieldByKey('registration_status')!;
    expect(status).toMatchObject({ graphqlName: 'registrationStatus', section: 'IDENTITY', type: 'ENUM', graphqlType: 'RegistrationStatus', zh: def.zh, en: def.en, nullMeans: def.nullMeans });
    expect(status.enumValues).toContainEqual({ name: 'MOVED_OUT', catalogValue: 'moved_out' });
    expect(all.data.profileFields.find((f: { key: string }) => f.key === 'registered_capital')).toMatchObject({ type: 'MONEY', graphqlType: 'SafeInt', unit: 'CNY fen', enumValues: null });
    const tax = await t.gql('{ profileFields(section: TAX) { key section } }', undefined, t.keys.steward);
    expect(tax.data.profileFields.map((f: { key: string }) => f.key)).toEqual(fieldsOfSection('tax').map((f) => f.key));
    expect((await t.gql('{ profileFields { key } }', undefined, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
