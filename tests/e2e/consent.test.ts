import { grantConsent, revokeConsent } from '../../src/access/consent.service';
import type { Principal } from '../../src/access/principal';
import { SECTIONS } from '../../src/profile/catalog/field.types';
import { createApiTestHub, type ApiTestHub } from '../support/api-hub';

const steward: Principal = { keyId: null, name: 'consent-test', role: 'STEWARD', institutionId: null, institutionName: null };
const DAY = 86_400_000;

const READ = `query Read($u: String!) {
  enterprise(uscc: $u) {
    access { visibleSections withheld { section reason message } }
    profile { identity { registeredName } tax { vatPaid12m taxPaid12m } electricity { electricityKwh12m } }
  }
}`;

interface LogRow {
  uscc: string;
  institution_id: number | null;
  role: string;
  sections: string;
  withheld: string;
  purpose: string;
  operation: string;
}

/** Consent gating over HTTP: what each institution sees, why the rest is withheld, and what the access log records. */
describe('consent-gated profiles', () => {
  let t: ApiTestHub;
  let usccs: string[];
  /** bankA holds a tax consent for it. */
  let consented: string;
  /** bankA's consent for it has expired. */
  let expired: string;
  /** bankA's consent for it was revoked. */
  let revoked: string;
  let bankAId: number;

  const log = async (operation: string): Promise<LogRow[]> =>
    (await t.hub.runtime.db.query('SELECT uscc, institution_id, role, sections, withheld, purpose, operation FROM access_log WHERE operation = ? ORDER BY id', [operation])) as LogRow[];

  beforeAll(async () => {
    t = await createApiTestHub();
    const db = t.hub.runtime.db;
    usccs = ((await db.query('SELECT uscc FROM enterprise_profile WHERE vat_paid_12m IS NOT NULL AND electricity_kwh_12m IS NOT NULL ORDER BY uscc LIMIT 3')) as Array<{ uscc: string }>).map((r) => r.uscc);
    [consented, expired, revoked] = usccs as [string, string, string];
    const now = Date.now();
    await grantConsent(db, steward, { uscc: consented.toLowerCase(), institutionCode: 'qilu-bank', sections: ['tax'], purpose: 'credit_assessment', expiresAt: new Date(now + 30 * DAY) });
    await grantConsent(db, steward, { uscc: expired, institutionCode: 'qilu-bank', sections: ['tax'], purpose: 'credit_assessment', grantedAt: new Date(now - 60 * DAY), expiresAt: new Date(now - DAY) });
    const gone = await grantConsent(db, steward, { uscc: revoked, institutionCode: 'qilu-bank', sections: ['tax', 'electricity'], purpose: 'post_loan_monitoring', expiresAt: new Date(now + 30 * DAY) });
    await revokeConsent(db, gone.id);
    bankAId = Number(((await db.query("SELECT id FROM institution WHERE code = 'qilu-bank'")) as Array<{ id: number }>)[0]!.id);
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  it('opens the consented section to its institution only, and no other section', async () => {
    const a = await t.gql(READ, { u: consented }, t.keys.bankA);
    expect(a.errors).toBeUndefined();
    const e = a.data.enterprise;
    expect(e.access.visibleSections).toEqual(['IDENTITY', 'TAX']);
    expect(e.profile.identity.registeredName).toEqual(expect.any(String));
    const [stored] = (await t.hub.runtime.db.query('SELECT vat_paid_12m, tax_paid_12m FROM enterprise_profile WHERE uscc = ?', [consented])) as Array<{ vat_paid_12m: string; tax_paid_12m: string }>;
    expect(e.profile.tax).toEqual({ vatPaid12m: Number(stored!.vat_paid_12m), taxPaid12m: Number(stored!.tax_paid_12m) });
    expect(e.profile.electricity).toBeNull();
    const electricity = e.access.withheld.find((w: { section: string }) => w.section === 'ELECTRICITY');
    expect(electricity.reason).toBe('NOT_IN_CONSENT_SCOPE');
    expect(electricity.message).toMatch(/do not cover this section/);
    expect(e.access.withheld).toHaveLength(SECTIONS.length - 2);
  });

  it('never shows bankB what bankA was consented', async () => {
    const b = await t.gql(READ, { u: consented }, t.keys.bankB);
    expect(b.errors).toBeUndefined();
    expect(b.data.enterprise.profile.tax).toBeNull();
    expect(b.data.enterprise.access.visibleSections).toEqual(['IDENTITY']);
    expect(b.data.enterprise.access.withheld.every((w: { reason: string }) => w.reason === 'NO_CONSENT')).toBe(true);
    const fields = await t.gql('query F($u: String!) { enterprise(uscc: $u) { fields(keys: ["vat_paid_12m"]) { value sources withheld { reason } } } }', { u: consented }, t.keys.bankB);
    expect(fields.data.enterprise.fields).toEqual([{ value: null, sources: null, withheld: { reason: 'NO_CONSENT' } }]);
    const changes = await t.gql('query C($u: String!) { enterprise(uscc: $u) { changes(since: "2000-01-01T00:00:00Z", first: 100) { edges { node { section } } } } }', { u: consented }, t.keys.bankB);
    expect(changes.data.enterprise.changes.edges.every((e: { node: { section: string } }) => e.node.section === 'IDENTITY')).toBe(true);
  });

  it('withholds again once a consent has expired or been revoked, saying which', async () => {
    const e = await t.gql(READ, { u: expired }, t.keys.bankA);
    expect(e.data.enterprise.profile.tax).toBeNull();
    expect(e.data.enterprise.access.withheld.find((w: { section: string }) => w.section === 'TAX').reason).toBe('CONSENT_EXPIRED');
    expect(e.data.enterprise.access.withheld.find((w: { section: string }) => w.section === 'ELECTRICITY').reason).toBe('NOT_IN_CONSENT_SCOPE');

    const r = await t.gql(READ, { u: revoked }, t.keys.bankA);
    expect(r.data.enterprise.profile.tax).toBeNull();
    expect(r.data.enterprise.profile.electricity).toBeNull();
    expect(r.data.enterprise.access.withheld.find((w: { section: string }) => w.section === 'TAX').reason).toBe('CONSENT_REVOKED');
    expect(r.data.enterprise.access.withheld.find((w: { section: string }) => w.section === 'ELECTRICITY').message).toMatch(/revoked/);
  });

  it('serves fields of consented sections and marks the others withheld, key by key', async () => {
    const r = await t.gql(
      'query F($u: String!) { enterprise(uscc: $u) { fields(keys: ["vat_paid_12m", "electricity_kwh_12m", "registered_name"]) { key number text sourceRecordIds withheld { section reason } } } }',
      { u: consented },
      t.keys.bankA,
    );
    expect(r.errors).toBeUndefined();
    const [vat, kwh, name] = r.data.enterprise.fields;
    expect(vat.withheld).toBeNull();
    expect(typeof vat.number).toBe('number');
    expect(kwh).toEqual({ key: 'electricity_kwh_12m', number: null, text: null, sourceRecordIds: null, withheld: { section: 'ELECTRICITY', reason: 'NOT_IN_CONSENT_SCOPE' } });
    expect(name.withheld).toBeNull();
    const all = await t.gql('query F($u: String!) { enterprise(uscc: $u) { fields { section } } }', { u: consented }, t.keys.bankA);
    expect(new Set(all.data.enterprise.fields.map((f: { section: string }) => f.section))).toEqual(new Set(['IDENTITY', 'TAX']));
  });

  it('gates every node of a list by its own consents', async () => {
    const r = await t.gql('{ enterprises(first: 100) { totalCount edges { node { uscc profile { identity { registeredName } tax { vatPaid12m } } } } } }', undefined, t.keys.bankA);
    expect(r.errors).toBeUndefined();
    const nodes = r.data.enterprises.edges.map((e: { node: any }) => e.node);
    expect(nodes.length).toBe(r.data.enterprises.totalCount);
    expect(nodes.filter((n: any) => n.profile.tax !== null).map((n: any) => n.uscc)).toEqual([consented]);
    expect(nodes.every((n: any) => n.profile.identity !== null)).toBe(true);
  });

  it('writes one access-log row per enterprise read, with the sections served and withheld and the purpose', async () => {
    await t.gql(`query AuditA($u: String!) { enterprise(uscc: $u) { profile { identity { registeredName } tax { vatPaid12m } electricity { electricityKwh12m } } } }`, { u: consented }, t.keys.bankA);
    expect(await log('AuditA')).toEqual([{ uscc: consented, institution_id: bankAId, role: 'INSTITUTION', sections: 'identity,tax', withheld: 'electricity', purpose: 'credit_assessment', operation: 'AuditA' }]);

    await t.gql(`query AuditTax($u: String!) { enterprise(uscc: $u) { profile { tax { vatPaid12m } } } }`, { u: consented }, t.keys.bankA);
    expect(await log('AuditTax')).toMatchObject([{ sections: 'tax', withheld: '', purpose: 'credit_assessment' }]);

    await t.gql(`query AuditB($u: String!) { enterprise(uscc: $u) { profile { identity { registeredName } tax { vatPaid12m } } } }`, { u: consented }, t.keys.bankB);
    expect(await log('AuditB')).toMatchObject([{ uscc: consented, role: 'INSTITUTION', sections: 'identity', withheld: 'tax', purpose: 'public' }]);

    await t.gql(`query AuditFields($u: String!) { enterprise(uscc: $u) { fields(keys: ["vat_paid_12m", "water_m3_12m"]) { key } } }`, { u: consented }, t.keys.bankA);
    expect(await log('AuditFields')).toMatchObject([{ sections: 'tax', withheld: 'water', purpose: 'credit_assessment' }]);

    await t.gql(`query AuditSteward($u: String!) { enterprise(uscc: $u) { profile { talent { __typename } } } }`, { u: consented }, t.keys.steward);
    expect(await log('AuditSteward')).toMatchObject([{ role: 'STEWARD', institution_id: null, sections: 'talent', withheld: '', purpose: 'platform' }]);

    await t.gql(`query AuditList { enterprises(first: 5) { edges { node { profile { identity { registeredName } } } } } }`, undefined, t.keys.bankB);
    const list = await log('AuditList');
    expect(list).toHaveLength(5);
    expect(list.every((row) => row.sections === 'identity' && row.purpose === 'public')).toBe(true);

    await t.gql(`query AuditNone($u: String!) { enterprise(uscc: $u) { uscc name access { visibleSections } } }`, { u: consented }, t.keys.bankA);
    expect(await log('AuditNone')).toEqual([]);
  });

  it('shows the reads on the enterprise’s record: all of them to a steward, its own to an institution', async () => {
    const RECORD = `query Record($u: String!, $after: String) { enterprise(uscc: $u) { accessLog(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { principalName role institution { code } sections withheld purposes operation } } } } }`;
    const [{ n }] = (await t.hub.runtime.db.query('SELECT COUNT(*) AS n FROM access_log WHERE uscc = ?', [consented])) as Array<{ n: string }>;
    const [{ mine }] = (await t.hub.runtime.db.query('SELECT COUNT(*) AS mine FROM access_log WHERE uscc = ? AND institution_id = ?', [consented, bankAId])) as Array<{ mine: string }>;
    expect(Number(n)).toBeGreaterThan(Number(mine));

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response = await t.gql(RECORD, { u: consented, after }, t.keys.steward);
      expect(response.errors).toBeUndefined();
      const page: any = response.data.enterprise.accessLog;
      expect(page.totalCount).toBe(Number(n));
      seen.push(...page.edges.map((e: any) => e.node.operation));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(Number(n));

    const bank = (await t.gql(RECORD, { u: consented, after: null }, t.keys.bankA)).data.enterprise.accessLog;
    expect(bank.totalCount).toBe(Number(mine));
    expect(bank.edges.every((e: any) => e.node.institution?.code === 'qilu-bank')).toBe(true);
    const other = (await t.gql(RECORD, { u: consented, after: null }, t.keys.bankB)).data.enterprise.accessLog;
    expect(other.edges.every((e: any) => e.node.institution?.code === 'jinan-rural-bank')).toBe(true);
  });
});
