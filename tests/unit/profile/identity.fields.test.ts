import { IDENTITY_FIELDS } from '../../../src/profile/catalog/sections/identity.fields';
import { deriveProfile } from '../../../src/profile/derive/derive-profile';
import type { ChangeRecord, EnterpriseRecords, RegistrationRecord } from '../../../src/profile/derive/enterprise-records';
import { bundle, deriveOne, rec, TEST_USCC } from '../../support/profile-records';

type Item = ChangeRecord['data']['item'];

const OLD_NAME = '济南旧名科技有限公司';
const NEW_NAME = '济南新名科技有限公司';
const ADDR_0 = '山东省济南市历下区经十路1号';
const ADDR_1 = '山东省济南市历下区经十路2号';
const ADDR_2 = '山东省济南市历下区解放路3号';
const ADDR_3 = '山东省济南市历城区工业北路100号齐鲁软件园3号楼1201室';

function registration(over: Partial<RegistrationRecord['data']> = {}): RegistrationRecord {
  const data = {
    uscc: TEST_USCC, // positions 3–8: 370102 (历下)
    name: NEW_NAME,
    entity_type: 'limited_company' as const,
    legal_representative: '张三',
    registered_capital_wan: '500.0000',
    paid_in_capital_wan: '100.0000',
    established_on: '2020-03-15',
    approved_on: '2026-05-10',
    status: 'active' as const,
    district_code: '370112',
    address: ADDR_3,
    industry_code: 'I6513',
    business_scope: '一般项目：软件开发；信息系统集成服务。',
    tags: ['tech_sme', 'high_tech_enterprise'],
    updated_at: '2026-05-10T02:00:00.000Z',
    ...over,
  };
  return rec('market-regulation', 'registrations', data, data.updated_at);
}

let changeNo = 0;
function change(item: Item, before: string | null, after: string | null, changedOn: string): ChangeRecord {
  changeNo++;
  return rec('market-regulation', 'changes', {
    change_id: `${TEST_USCC}-BG${String(changeNo).padStart(2, '0')}`,
    uscc: TEST_USCC,
    item,
    before,
    after,
    changed_on: changedOn,
    updated_at: `${changedOn}T02:00:00.000Z`,
  });
}

/** Every identity field of a bundle as of a date: key → [value, provenance ids]. */
function profile(records: EnterpriseRecords, asOf: string): Record<string, { value: unknown; ids: string[] }> {
  const out: Record<string, { value: unknown; ids: string[] }> = {};
  for (const [key, d] of deriveProfile(records, asOf, IDENTITY_FIELDS)) out[key] = { value: d.value, ids: d.records.map((r) => r.id) };
  return out;
}
const valuesOf = (p: ReturnType<typeof profile>): Record<string, unknown> => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.value]));

describe('identity section', () => {
  it('has exactly 25 fields with unique snake_case keys, complete descriptions, in the identity section', () => {
    expect(IDENTITY_FIELDS).toHaveLength(25);
    const keys = IDENTITY_FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(25);
    for (const f of IDENTITY_FIELDS) {
      expect(f.key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(f.section).toBe('identity');
      expect(f.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(f.derivation.length).toBeGreaterThan(20);
      expect(f.nullMeans.length).toBeGreaterThan(4);
      if (f.type === 'money') expect(f.unit).toBe('CNY fen');
    }
    expect(IDENTITY_FIELDS.find((f) => f.key === 'business_scope')?.maxLength).toBe(2000);
  });

  describe('an enterprise renamed in 2025 that moved district in 2026', () => {
    const reg = registration();
    const rename = change('name', OLD_NAME, NEW_NAME, '2025-06-01');
    // Exactly 36 months before 2026-10-01: outside (asOf − 36 months, asOf].
    const move0 = change('address', ADDR_0, ADDR_1, '2023-10-01');
    const move1 = change('address', ADDR_1, ADDR_2, '2023-10-02');
    const move2 = change('address', ADDR_2, ADDR_3, '2026-05-10');
    const capital = change('registered_capital', '200.0000', '500.0000', '2026-03-01');
    const scope = change('business_scope', '一般项目：软件开发。', '一般项目：软件开发；信息系统集成服务。', '2024-02-01');
    const records = bundle((b) => {
      b.registration = reg;
      b.changes.push(move2, rename, capital, move0, scope, move1); // unordered on purpose
    });

    it('as of 2026-10-01 shows the latest state, with the registration as provenance', () => {
      const p = profile(records, '2026-10-01');
      expect(valuesOf(p)).toEqual({
        registered_name: NEW_NAME,
        entity_type: 'limited_company',
        registering_district_code: '370102',
        current_district_code: '370112',
        district_moved: true,
        industry_code: 'I6513',
        industry_section: 'I',
        established_on: '2020-03-15',
        // 2020-03 → 2026-10 is 79 months; day 1 < 15, so 78 whole months.
        age_months: 78,
        registration_status: 'active',
        status_changed_on: null,
        registered_capital: 500_000_000, // 500 万元 × 1,000,000 fen
        paid_in_capital: 100_000_000,
        paid_in_ratio: 0.2,
        registered_address: ADDR_3,
        business_scope: '一般项目：软件开发；信息系统集成服务。',
        high_tech_enterprise: true,
        tech_sme: true,
        specialized_sme: false,
        name_changes_36m: 1,
        former_name: OLD_NAME,
        last_name_change_on: '2025-06-01',
        // 2023-10-02 and 2026-05-10; 2023-10-01 lies exactly on the excluded window start.
        address_changes_36m: 2,
        last_address_change_on: '2026-05-10',
        scope_changes_36m: 1,
      });
      expect(p.registered_name?.ids).toEqual([reg.id]);
      expect(p.district_moved?.ids).toEqual([reg.id]);
      expect(p.former_name?.ids).toEqual([rename.id]);
      expect(p.address_changes_36m?.ids).toEqual([move1.id, move2.id]);
      expect(p.name_changes_36m?.ids).toEqual([rename.id]);
    });

    it('as of 2025-01-01 rebuilds name, address, district and capital from the later changes', () => {
      const p = profile(records, '2025-01-01');
      expect(p.registered_name).toEqual({ value: OLD_NAME, ids: [rename.id] });
      expect(p.registered_address).toEqual({ value: ADDR_2, ids: [move2.id] });
      // The address of that date names 历下区, the registering district.
      expect(p.current_district_code).toEqual({ value: '370102', ids: [move2.id] });
      expect(p.district_moved?.value).toBe(false);
      expect(p.registered_capital).toEqual({ value: 200_000_000, ids: [capital.id] });
      // Capital changed after the as-of date: paid-in capital of that date is unknown.
      expect(p.paid_in_capital?.value).toBeNull();
      expect(p.paid_in_ratio?.value).toBeNull();
      // The rename (2025-06-01) is later: ignored by counts and the former name.
      expect(p.name_changes_36m).toEqual({ value: 0, ids: [] });
      expect(p.former_name?.value).toBeNull();
      expect(p.last_name_change_on?.value).toBeNull();
      // Window (2022-01-01, 2025-01-01]: the two 2023 moves; the 2026 one is after the as-of date.
      expect(p.address_changes_36m).toEqual({ value: 2, ids: [move0.id, move1.id] });
      expect(p.last_address_change_on?.value).toBe('2023-10-02');
      expect(p.scope_changes_36m?.value).toBe(1);
      // 2020-03-15 → 2025-01-01: 58 months by month index, day 1 < 15 → 57.
      expect(p.age_months?.value).toBe(57);
      // The record was last updated on 2026-05-10: its undated tags are not those of 2025-01-01.
      expect(p.high_tech_enterprise?.value).toBeNull();
      expect(p.specialized_sme?.value).toBeNull();
    });

    it('knows the tags from the as-of date of the record\'s last update on (CST date of updated_at)', () => {
      // 2026-05-10T02:00Z is 10:00 on 2026-05-10 in China.
      expect(deriveOne('tech_sme', records, '2026-05-10')).toMatchObject({ value: true, records: [reg] });
      expect(deriveOne('tech_sme', records, '2026-05-09').value).toBeNull();
    });

    it('as of 2023-10-01 (before the 2023-10-02 move) uses the before of the earliest later address change', () => {
      const p = profile(records, '2023-10-01');
      expect(p.registered_address).toEqual({ value: ADDR_1, ids: [move1.id] });
      expect(p.address_changes_36m?.value).toBe(1);
      expect(p.business_scope?.value).toBe('一般项目：软件开发。');
    });
  });

  it('is null for an enterprise not yet established on the as-of date (counts stay 0)', () => {
    const records = bundle((b) => {
      b.registration = registration({ established_on: '2026-10-02', approved_on: '2026-10-02' });
    });
    const v = valuesOf(profile(records, '2026-10-01'));
    expect(v.registered_name).toBeNull();
    expect(v.entity_type).toBeNull();
    expect(v.age_months).toBeNull();
    expect(v.registered_capital).toBeNull();
    expect(v.high_tech_enterprise).toBeNull();
    expect(v.district_moved).toBeNull();
    expect(v.name_changes_36m).toBe(0);
    // Established on the as-of date itself: registered, age 0.
    expect(deriveOne('age_months', records, '2026-10-02').value).toBe(0);
  });

  it('is null without a registration record, counts are 0', () => {
    const records = bundle(() => undefined);
    const v = valuesOf(profile(records, '2026-10-01'));
    for (const key of ['name_changes_36m', 'address_changes_36m', 'scope_changes_36m']) expect(v[key]).toBe(0);
    for (const [key, value] of Object.entries(v)) if (!key.endsWith('_36m')) expect({ key, value }).toEqual({ key, value: null });
  });

  it('reconstructs the registration status around a cancellation', () => {
    const end = change('status', 'active', 'cancelled', '2026-08-01');
    const records = bundle((b) => {
      b.registration = registration({ status: 'cancelled', approved_on: '2026-08-01' });
      b.changes.push(end);
    });
    expect(deriveOne('registration_status', records, '2026-10-01')).toMatchObject({ value: 'cancelled' });
    expect(deriveOne('status_changed_on', records, '2026-10-01').value).toBe('2026-08-01');
    const before = deriveOne('registration_status', records, '2026-07-31');
    expect(before.value).toBe('active');
    expect(before.records.map((r) => r.id)).toEqual([end.id]);
    expect(deriveOne('status_changed_on', records, '2026-07-31').value).toBeNull();
  });

  it('takes a change newer than the stored registration record (its new version never arrived) from the change', () => {
    // The registration record was approved 2025-01-01; a rename on 2025-06-01 is on record only as a change.
    const rename = change('name', OLD_NAME, NEW_NAME, '2025-06-01');
    const capital = change('registered_capital', '500.0000', '1000.0000', '2025-07-01');
    const records = bundle((b) => {
      b.registration = registration({ name: OLD_NAME, approved_on: '2025-01-01' });
      b.changes.push(rename, capital);
    });
    expect(deriveOne('registered_name', records, '2026-10-01')).toMatchObject({ value: NEW_NAME, records: [rename] });
    expect(deriveOne('registered_capital', records, '2026-10-01').value).toBe(1_000_000_000);
    // The stored paid-in capital predates the capital change: unknown.
    expect(deriveOne('paid_in_capital', records, '2026-10-01').value).toBeNull();
    // Before the rename, the record itself.
    expect(deriveOne('registered_name', records, '2025-05-31')).toMatchObject({ value: OLD_NAME });
  });

  it('reads a district from the address only when it names a Jinan district', () => {
    const move = change('address', '北京市海淀区中关村大街1号', ADDR_3, '2026-05-10');
    const records = bundle((b) => {
      b.registration = registration();
      b.changes.push(move);
    });
    expect(deriveOne('current_district_code', records, '2026-01-01').value).toBeNull();
    expect(deriveOne('district_moved', records, '2026-01-01').value).toBeNull();
  });

  it('shows paid-in ratio 0 under the subscription system, null for a zero registered capital', () => {
    const none = bundle((b) => {
      b.registration = registration({ paid_in_capital_wan: '0.0000' });
    });
    expect(deriveOne('paid_in_ratio', none, '2026-10-01').value).toBe(0);
    const zero = bundle((b) => {
      b.registration = registration({ registered_capital_wan: '0.0000', paid_in_capital_wan: '0.0000' });
    });
    expect(deriveOne('paid_in_ratio', zero, '2026-10-01').value).toBeNull();
    // 333.3333 / 1000 万元 → 0.3333
    const third = bundle((b) => {
      b.registration = registration({ registered_capital_wan: '1000.0000', paid_in_capital_wan: '333.3333' });
    });
    expect(deriveOne('paid_in_ratio', third, '2026-10-01').value).toBe(0.3333);
    expect(deriveOne('paid_in_capital', third, '2026-10-01').value).toBe(333_333_300);
  });

  it('converts the record\'s updated_at to the China Standard Time date for the tags', () => {
    // 2026-05-09T17:00Z is 01:00 on 2026-05-10 in China: after the as-of date 2026-05-09.
    const records = bundle((b) => {
      b.registration = registration({ approved_on: '2020-03-15', updated_at: '2026-05-09T17:00:00.000Z' });
    });
    expect(deriveOne('high_tech_enterprise', records, '2026-05-09').value).toBeNull();
    expect(deriveOne('high_tech_enterprise', records, '2026-05-10').value).toBe(true);
  });

  it('cuts a long business scope to 2,000 characters and reads tags exactly', () => {
    const records = bundle((b) => {
      b.registration = registration({ business_scope: '研'.repeat(2500), tags: ['specialized_sme'] });
    });
    expect((deriveOne('business_scope', records, '2026-10-01').value as string).length).toBe(2000);
    expect(deriveOne('specialized_sme', records, '2026-10-01').value).toBe(true);
    expect(deriveOne('tech_sme', records, '2026-10-01').value).toBe(false);
  });
});
