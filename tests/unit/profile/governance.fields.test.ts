import { GOVERNANCE_FIELDS } from '../../../src/profile/catalog/sections/governance.fields';
import { deriveProfile } from '../../../src/profile/derive/derive-profile';
import type { ChangeRecord, EnterpriseRecords, RegistrationRecord, ShareholderRecord } from '../../../src/profile/derive/enterprise-records';
import { bundle, deriveOne, rec, TEST_USCC } from '../../support/profile-records';

type Item = ChangeRecord['data']['item'];
type HolderType = ShareholderRecord['data']['holder_type'];

function registration(over: Partial<RegistrationRecord['data']> = {}): RegistrationRecord {
  return rec('market-regulation', 'registrations', {
    uscc: TEST_USCC,
    name: '济南测试科技有限公司',
    entity_type: 'limited_company' as const,
    legal_representative: '张三',
    registered_capital_wan: '500.0000',
    paid_in_capital_wan: '0.0000',
    established_on: '2020-03-15',
    approved_on: '2025-03-01',
    status: 'active' as const,
    district_code: '370102',
    address: '山东省济南市历下区经十路1号',
    industry_code: 'I6513',
    business_scope: '一般项目：软件开发。',
    tags: [],
    updated_at: '2025-03-01T02:00:00.000Z',
    ...over,
  });
}

let no = 0;
function holder(name: string, type: HolderType, ratio: string): ShareholderRecord {
  no++;
  return rec('market-regulation', 'shareholders', {
    shareholder_id: `${TEST_USCC}-GD${String(no).padStart(2, '0')}`,
    uscc: TEST_USCC,
    holder_name: name,
    holder_type: type,
    subscribed_capital_wan: (Number(ratio) * 500).toFixed(4),
    share_ratio: ratio,
    updated_at: '2025-03-01T02:00:00.000Z',
  });
}

function change(item: Item, before: string | null, after: string | null, changedOn: string): ChangeRecord {
  no++;
  return rec('market-regulation', 'changes', {
    change_id: `${TEST_USCC}-BG${no}`,
    uscc: TEST_USCC,
    item,
    before,
    after,
    changed_on: changedOn,
    updated_at: `${changedOn}T02:00:00.000Z`,
  });
}

function profile(records: EnterpriseRecords, asOf: string): Record<string, { value: unknown; ids: string[] }> {
  const out: Record<string, { value: unknown; ids: string[] }> = {};
  for (const [key, d] of deriveProfile(records, asOf, GOVERNANCE_FIELDS)) out[key] = { value: d.value, ids: d.records.map((r) => r.id) };
  return out;
}
const valuesOf = (p: ReturnType<typeof profile>): Record<string, unknown> => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.value]));
const ids = (...rs: { id: string }[]): string[] => rs.map((r) => r.id);

describe('governance section', () => {
  it('has exactly 15 fields with unique snake_case keys in the governance section, including legal_rep_changes_36m', () => {
    expect(GOVERNANCE_FIELDS).toHaveLength(15);
    const keys = GOVERNANCE_FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(15);
    for (const f of GOVERNANCE_FIELDS) {
      expect(f.key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(f.section).toBe('governance');
      expect(f.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(f.derivation.length).toBeGreaterThan(20);
    }
    expect(keys).toContain('legal_rep_changes_36m');
  });

  describe('a company whose founding holder 王五 sold to 赵六 on 2025-03-01 and whose representative changed on 2024-06-01', () => {
    const reg = registration();
    const zhang = holder('张三', 'natural_person', '0.5000');
    const li = holder('李四', 'natural_person', '0.2000');
    const fund = holder('济南泉智创业投资合伙企业（有限合伙）', 'enterprise', '0.1500');
    const wang = holder('王五', 'natural_person', '0.0000'); // left 2025-03-01
    const zhao = holder('赵六', 'natural_person', '0.1500'); // joined 2025-03-01
    const sale = change('shareholder', '王五', '赵六', '2025-03-01');
    const rep = change('legal_representative', '李四', '张三', '2024-06-01');
    const oldRep = change('legal_representative', '孙七', '李四', '2023-10-01'); // exactly 36 months before 2026-10-01
    const capital = change('registered_capital', '200.0000', '500.0000', '2024-01-10');
    const records = bundle((b) => {
      b.registration = reg;
      b.shareholders.push(zhang, li, fund, wang, zhao);
      b.changes.push(sale, rep, oldRep, capital);
    });

    it('as of 2026-10-01 reads the current register', () => {
      const p = profile(records, '2026-10-01');
      expect(valuesOf(p)).toEqual({
        legal_representative: '张三',
        // 2024-06-01 (in the window); 2023-10-01 is exactly on the excluded window start.
        legal_rep_changes_36m: 1,
        // 2024-06 → 2026-10: 28 months, day 1 ≥ 1.
        legal_rep_tenure_months: 28,
        shareholder_count: 4,
        natural_person_holders: 3,
        enterprise_holders: 1,
        largest_holder_share: 0.5,
        largest_holder_type: 'natural_person',
        top3_holders_share: 0.85, // 0.50 + 0.20 + 0.15
        ownership_hhi: 0.335, // 0.25 + 0.04 + 0.0225 + 0.0225
        natural_person_share: 0.85, // 张三, 李四, 赵六
        legal_rep_is_shareholder: true,
        legal_rep_share: 0.5,
        shareholder_changes_36m: 1,
        registered_capital_changes_36m: 1,
      });
      expect(p.shareholder_count?.ids).toEqual(ids(zhang, li, fund, zhao));
      expect(p.natural_person_holders?.ids).toEqual(ids(zhang, li, zhao));
      expect(p.largest_holder_share?.ids).toEqual(ids(zhang));
      expect(p.top3_holders_share?.ids).toEqual(ids(zhang, li, zhao)); // 0.15 tie between 赵六 and the fund: the natural person ranks first
      expect(p.legal_rep_share?.ids).toEqual(ids(reg, zhang));
      expect(p.legal_rep_changes_36m?.ids).toEqual(ids(rep));
      expect(p.legal_representative?.ids).toEqual(ids(reg));
    });

    it('as of 2025-01-01 rebuilds the register before the sale: 王五 holds the remainder, 赵六 not yet', () => {
      const p = profile(records, '2025-01-01');
      expect(p.shareholder_count).toEqual({ value: 4, ids: ids(zhang, li, fund, wang, sale) });
      expect(p.natural_person_holders?.value).toBe(3);
      // 王五: 1 − (0.50 + 0.20 + 0.15) = 0.15
      expect(p.ownership_hhi?.value).toBe(0.335);
      expect(p.natural_person_share?.value).toBe(0.85);
      expect(p.shareholder_changes_36m).toEqual({ value: 0, ids: [] });
      // Window (2022-01-01, 2025-01-01]: both representative changes.
      expect(p.legal_rep_changes_36m?.value).toBe(2);
      expect(p.legal_representative?.value).toBe('张三');
    });

    it('as of 2024-01-01 the representative was 李四, in office since the 2023-10-01 change', () => {
      const p = profile(records, '2024-01-01');
      expect(p.legal_representative).toEqual({ value: '李四', ids: ids(rep) });
      // 2023-10 → 2024-01: 3 months.
      expect(p.legal_rep_tenure_months).toEqual({ value: 3, ids: ids(oldRep) });
      expect(p.legal_rep_share?.value).toBe(0.2);
      expect(p.registered_capital_changes_36m?.value).toBe(0); // the 2024-01-10 increase is later
    });

    it('as of 2023-09-30 the tenure runs from establishment (no representative change yet)', () => {
      const p = profile(records, '2023-09-30');
      expect(p.legal_representative?.value).toBe('孙七');
      // 2020-03-15 → 2023-09-30: 42 months by month index, day 30 ≥ 15.
      expect(p.legal_rep_tenure_months).toEqual({ value: 42, ids: ids(reg) });
      // 孙七 holds nothing: not a shareholder, share 0.
      expect(p.legal_rep_is_shareholder?.value).toBe(false);
      expect(p.legal_rep_share?.value).toBe(0);
    });
  });

  it('keeps counts but leaves shares unknown when two holders left after the as-of date', () => {
    const a = holder('甲', 'natural_person', '0.6000');
    const b1 = holder('乙', 'natural_person', '0.0000');
    const c1 = holder('丙', 'natural_person', '0.0000');
    const d1 = holder('丁', 'natural_person', '0.2000');
    const e1 = holder('戊', 'natural_person', '0.2000');
    const records = bundle((b) => {
      b.registration = registration({ legal_representative: '甲' });
      b.shareholders.push(a, b1, c1, d1, e1);
      b.changes.push(change('shareholder', '乙', '丁', '2026-03-01'), change('shareholder', '丙', '戊', '2026-04-01'));
    });
    const v = valuesOf(profile(records, '2026-01-01'));
    expect(v.shareholder_count).toBe(3); // 甲, 乙, 丙
    expect(v.legal_rep_is_shareholder).toBe(true);
    for (const key of ['largest_holder_share', 'largest_holder_type', 'top3_holders_share', 'ownership_hhi', 'natural_person_share', 'legal_rep_share']) expect({ key, value: v[key] }).toEqual({ key, value: null });
    // After both changes the shares are known again.
    expect(deriveOne('largest_holder_share', records, '2026-10-01').value).toBe(0.6);
  });

  it('breaks a tie for the largest holder in favour of a natural person and counts the state investor in no type count', () => {
    const records = bundle((b) => {
      b.registration = registration({ legal_representative: '钱八' });
      b.shareholders.push(holder('济南高新控股集团有限公司', 'state', '0.4000'), holder('钱八', 'natural_person', '0.4000'), holder('济南某某投资管理有限公司', 'enterprise', '0.2000'));
    });
    const v = valuesOf(profile(records, '2026-10-01'));
    expect(v.largest_holder_type).toBe('natural_person');
    expect(v.largest_holder_share).toBe(0.4);
    expect(v.shareholder_count).toBe(3);
    expect(v.natural_person_holders).toBe(1);
    expect(v.enterprise_holders).toBe(1);
    expect(v.ownership_hhi).toBe(0.36); // 0.16 + 0.16 + 0.04
    expect(v.natural_person_share).toBe(0.4);
  });

  it('matches the representative to a holder ignoring stray spaces and full-width characters', () => {
    const records = bundle((b) => {
      b.registration = registration({ legal_representative: '张 三' });
      b.shareholders.push(holder('张三', 'natural_person', '1.0000'));
    });
    expect(deriveOne('legal_rep_is_shareholder', records, '2026-10-01').value).toBe(true);
    expect(deriveOne('legal_rep_share', records, '2026-10-01').value).toBe(1);
    expect(deriveOne('ownership_hhi', records, '2026-10-01').value).toBe(1);
  });

  it('is null without holders or before establishment; change counts stay 0', () => {
    const empty = bundle((b) => {
      b.registration = registration();
    });
    const v = valuesOf(profile(empty, '2026-10-01'));
    expect(v.shareholder_count).toBeNull();
    expect(v.largest_holder_share).toBeNull();
    expect(v.legal_rep_is_shareholder).toBeNull();
    expect(v.legal_rep_changes_36m).toBe(0);
    expect(v.legal_representative).toBe('张三');

    const later = bundle((b) => {
      b.registration = registration({ established_on: '2026-11-01' });
      b.shareholders.push(holder('张三', 'natural_person', '1.0000'));
    });
    const w = valuesOf(profile(later, '2026-10-01'));
    expect(w.shareholder_count).toBeNull();
    expect(w.legal_representative).toBeNull();
    expect(w.legal_rep_tenure_months).toBeNull();
    expect(w.shareholder_changes_36m).toBe(0);
  });
});
