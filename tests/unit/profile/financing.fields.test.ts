import { FINANCING_FIELDS } from '../../../src/profile/catalog/sections/financing.fields';
import type { ChangeRecord, LegalEventRecord, PatentRecord, RegistrationRecord, ShareholderRecord } from '../../../src/profile/derive/enterprise-records';
import { bundle, deriveOne, rec } from '../../support/profile-records';

const AS_OF = '2026-10-01';
const NAME = '济南丰谐琪科技有限公司';
const USCC = '91370102MA3C4T2W9A';
const QILU = '齐鲁银行股份有限公司';
const CMB = '招商银行股份有限公司济南分行';
const CIB = '兴业银行股份有限公司济南分行';

function patent(applicationNo: string, over: Partial<PatentRecord['data']> = {}): PatentRecord {
  return rec<PatentRecord['data']>('patent', 'patents', {
    application_no: applicationNo,
    patent_type: 'invention',
    title: '一种任务调度方法',
    applicants: [NAME],
    filed_on: '2018-01-01',
    published_on: '2019-07-01',
    granted_on: '2021-01-01',
    ipc_codes: ['G06F 9/50'],
    claims_count: 10,
    cited_by_count: 0,
    family_size: 1,
    pct: false,
    legal_status: 'granted',
    owner: NAME,
    updated_at: '2021-01-01T02:00:00.000Z',
    ...over,
  }, over.updated_at ?? '2021-01-01T02:00:00.000Z');
}

let serial = 0;
function event(applicationNo: string, type: LegalEventRecord['data']['event_type'], on: string, counterparty: string | null = null): LegalEventRecord {
  serial += 1;
  return rec<LegalEventRecord['data']>('patent', 'legal_events', {
    event_id: `${applicationNo}-E${String(serial).padStart(2, '0')}`,
    application_no: applicationNo,
    event_type: type,
    event_on: on,
    counterparty,
    updated_at: `${on}T02:00:00.000Z`,
  });
}

function holder(name: string, type: ShareholderRecord['data']['holder_type'], ratio: string): ShareholderRecord {
  serial += 1;
  return rec<ShareholderRecord['data']>('market-regulation', 'shareholders', {
    shareholder_id: `${USCC}-GD${serial}`,
    uscc: USCC,
    holder_name: name,
    holder_type: type,
    subscribed_capital_wan: '100.0000',
    share_ratio: ratio,
    updated_at: '2024-05-01T02:00:00.000Z',
  });
}

function capitalChange(before: string | null, after: string | null, on: string): ChangeRecord {
  serial += 1;
  return rec<ChangeRecord['data']>('market-regulation', 'changes', {
    change_id: `${USCC}-BG${serial}`,
    uscc: USCC,
    item: 'registered_capital',
    before,
    after,
    changed_on: on,
    updated_at: `${on}T02:00:00.000Z`,
  });
}

function registration(registered: string, paidIn: string, establishedOn = '2015-03-01'): RegistrationRecord {
  return rec<RegistrationRecord['data']>('market-regulation', 'registrations', {
    uscc: USCC,
    name: NAME,
    entity_type: 'limited_company',
    legal_representative: '张三',
    registered_capital_wan: registered,
    paid_in_capital_wan: paidIn,
    established_on: establishedOn,
    approved_on: '2026-12-01',
    status: 'active',
    district_code: '370102',
    address: '山东省济南市历下区经十路1号',
    industry_code: 'I6513',
    business_scope: '软件开发',
    tags: [],
    updated_at: '2026-12-01T02:00:00.000Z',
  });
}

/*
 * Pledges (as of 2026-10-01; 36 months back = 2023-10-01):
 *   A  pledged 齐鲁 2022-06-01, released 2024-06-01 (731 days: 2024 is a leap year); pledged 招商 2024-08-01, open
 *   B  pledged 齐鲁 (typed with a stray space) 2023-10-01, exactly 36 months back, open; pledged again 2026-10-02 (after as-of)
 *   C  transferred 2024-05-01, then pledged 2025-01-01 by the transferee: not the enterprise's
 *   D  no patent record (only its events): pledged 兴业 2026-03-01, lapsed 2026-06-01 (the pledge secures nothing since)
 */
const A = 'CN201810000001.1';
const B = 'CN201810000002.1';
const C = 'CN201810000003.1';
const D = 'CN201810000004.1';
const ev = {
  aPledge1: event(A, 'pledged', '2022-06-01', QILU),
  aRelease1: event(A, 'pledge_released', '2024-06-01', QILU),
  aPledge2: event(A, 'pledged', '2024-08-01', CMB),
  bPledge: event(B, 'pledged', '2023-10-01', '齐鲁银行 股份有限公司'),
  bPledgeLater: event(B, 'pledged', '2026-10-02', CIB),
  cTransfer: event(C, 'transferred', '2024-05-01', '山东外购科技有限公司'),
  cPledge: event(C, 'pledged', '2025-01-01', '北京银行股份有限公司济南分行'),
  dPledge: event(D, 'pledged', '2026-03-01', CIB),
  dLapse: event(D, 'lapsed_non_payment', '2026-06-01'),
};
const holders = {
  person: holder('张三', 'natural_person', '0.6000'),
  fund: holder('济南丰谐创业投资合伙企业（有限合伙）', 'enterprise', '0.2000'),
  company: holder('济南某某云计算有限公司', 'enterprise', '0.0500'),
  state: holder('济南高新控股集团有限公司', 'state', '0.1500'),
  gone: holder('济南旧投资管理有限公司', 'enterprise', '0.0000'),
};
const changes = {
  old: capitalChange('50.0000', '100.0000', '2023-10-01'),
  inWindow: capitalChange('100.0000', '300.0000', '2024-05-01'),
  decrease: capitalChange('300.0000', '250.0000', '2025-01-01'),
  unreadable: capitalChange('N/A', '500.0000', '2025-06-01'),
  later: capitalChange('250.0000', '1000.5000', '2026-12-01'),
};
const reg = registration('1000.5000', '300.0000');

const records = bundle((b) => {
  b.registration = reg;
  b.patents.push(patent(A), patent(B), patent(C, { owner: '山东外购科技有限公司', updated_at: '2024-05-01T02:00:00.000Z' }));
  b.legalEvents.push(...Object.values(ev).reverse());
  b.shareholders.push(...Object.values(holders));
  b.changes.push(...Object.values(changes));
});

const value = (key: string, asOf = AS_OF) => deriveOne(key, records, asOf).value;
const ids = (key: string, asOf = AS_OF) => deriveOne(key, records, asOf).records.map((r) => r.id).sort();
const idsOf = (...rs: { id: string }[]) => rs.map((r) => r.id).sort();

describe('financing section', () => {
  it('has exactly 22 fields with unique snake_case keys, all documented', () => {
    expect(FINANCING_FIELDS).toHaveLength(22);
    const keys = FINANCING_FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(22);
    for (const f of FINANCING_FIELDS) {
      expect(f.key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(f.section).toBe('financing');
      expect(f.derivation.length).toBeGreaterThan(40);
      expect(f.nullMeans.length).toBeGreaterThan(5);
    }
  });

  it('gives 0 for event counts and null for the rest when nothing is on record', () => {
    const empty = bundle(() => undefined);
    const zero = [
      'ip_pledges_registered_36m', 'active_pledgee_banks', 'pledgee_banks', 'ip_pledges_released', 'capital_increase_amount_36m', 'unpledged_valid_inventions',
      'recorded_loans_outstanding_fen', 'lenders_with_outstanding_loan', 'loans_disbursed_36m', 'loan_amount_disbursed_36m', 'loan_overdue_events_12m', 'loan_defaults_36m',
    ];
    for (const f of FINANCING_FIELDS) {
      expect([f.key, deriveOne(f.key, empty, AS_OF).value]).toEqual([f.key, zero.includes(f.key) ? 0 : null]);
    }
  });
});

describe('patent pledge financing', () => {
  it('counts pledges registered in (asOf − 36 months, asOf], only the enterprise\'s', () => {
    // A's second (2024-08-01) and D's (2026-03-01); B's is exactly 36 months back; C's is the transferee's.
    expect(value('ip_pledges_registered_36m')).toBe(2);
    expect(ids('ip_pledges_registered_36m')).toEqual(idsOf(ev.aPledge2, ev.dPledge));
    // A day earlier B's pledge is inside the window (A's first, 2022-06-01, is not).
    expect(value('ip_pledges_registered_36m', '2026-09-30')).toBe(3);
  });

  it('counts distinct lenders of active pledges, without duplicates', () => {
    // Active: A→招商, B→齐鲁. A's 齐鲁 pledge is released; D lapsed; C's is not ours.
    expect(value('active_pledgee_banks')).toBe(2);
    expect(ids('active_pledgee_banks')).toEqual(idsOf(ev.aPledge2, ev.bPledge));
    // On 2024-01-01: A→齐鲁 and B→齐鲁 (same bank, spelt with a space) = 1.
    expect(value('active_pledgee_banks', '2024-01-01')).toBe(1);
  });

  it('counts every distinct lender ever pledged to', () => {
    // 齐鲁 (A and B, one bank), 招商, 兴业 (D).
    expect(value('pledgee_banks')).toBe(3);
    expect(ids('pledgee_banks')).toEqual(idsOf(ev.aPledge1, ev.aPledge2, ev.dPledge));
  });

  it('dates the first loan and the latest pledge', () => {
    expect(value('first_loan_date')).toBe('2022-06-01');
    expect(ids('first_loan_date')).toEqual(idsOf(ev.aPledge1));
    expect(value('latest_pledge_date')).toBe('2026-03-01');
    // B's pledge of 2026-10-02 counts once the as-of date reaches it.
    expect(value('latest_pledge_date', '2026-10-02')).toBe('2026-10-02');
    expect(value('first_loan_date', '2022-05-31')).toBeNull();
  });

  it('counts releases and their average duration', () => {
    expect(value('ip_pledges_released')).toBe(1);
    expect(ids('ip_pledges_released')).toEqual(idsOf(ev.aRelease1));
    // 2022-06-01 → 2024-06-01 = 365 + 366 days.
    expect(value('avg_pledge_duration_days')).toBe(731);
    expect(ids('avg_pledge_duration_days')).toEqual(idsOf(ev.aPledge1, ev.aRelease1));
    // Before the release: nothing released.
    expect(value('ip_pledges_released', '2024-05-31')).toBe(0);
    expect(value('avg_pledge_duration_days', '2024-05-31')).toBeNull();
  });
});

describe('pledgeable collateral', () => {
  it('counts valid invention patents without an active pledge', () => {
    // A (招商) and B (齐鲁) are both under pledge; C was transferred out.
    expect(value('unpledged_valid_inventions')).toBe(0);
    // On 2024-07-01 A's first pledge is released and its second not yet registered; B is pledged.
    expect(value('unpledged_valid_inventions', '2024-07-01')).toBe(1);
    expect(ids('unpledged_valid_inventions', '2024-07-01')).toEqual(idsOf(records.patents[0]!));
    // On 2022-01-01 nothing is pledged and C is still held: A, B, C.
    expect(value('unpledged_valid_inventions', '2022-01-01')).toBe(3);
  });
});

describe('equity', () => {
  it('finds investment vehicles by name among enterprise holders still holding shares', () => {
    // The fund only: the cloud company is not an investment vehicle; the 投资管理 company left (ratio 0).
    expect(value('investment_vehicle_shareholders')).toBe(1);
    expect(ids('investment_vehicle_shareholders')).toEqual(idsOf(holders.fund));
    expect(value('investment_vehicle_share')).toBe(0.2);
  });

  it('finds state investors and their share', () => {
    expect(value('state_investor_present')).toBe(true);
    expect(ids('state_investor_present')).toEqual(idsOf(holders.state));
    expect(value('state_share')).toBe(0.15);
    const noState = bundle((b) => {
      b.shareholders.push(holder('李四', 'natural_person', '1.0000'));
    });
    expect(deriveOne('state_investor_present', noState, AS_OF).value).toBe(false);
    expect(deriveOne('state_share', noState, AS_OF).value).toBe(0);
    expect(deriveOne('investment_vehicle_shareholders', noState, AS_OF).value).toBe(0);
  });

  it('reads investors from the register as it stood on the as-of date', () => {
    // A state fund bought out 李四 on 2026-12-01: before that, 李四 held the remaining 30%.
    const buyout = rec<ChangeRecord['data']>('market-regulation', 'changes', {
      change_id: `${USCC}-BG-buyout`,
      uscc: USCC,
      item: 'shareholder',
      before: '李四',
      after: '济南高新控股集团有限公司',
      changed_on: '2026-12-01',
      updated_at: '2026-12-01T02:00:00.000Z',
    });
    const state = holder('济南高新控股集团有限公司', 'state', '0.3000');
    const b = bundle((x) => {
      x.shareholders.push(holder('王五', 'natural_person', '0.7000'), holder('李四', 'natural_person', '0.0000'), state);
      x.changes.push(buyout);
    });
    expect(deriveOne('state_investor_present', b, AS_OF).value).toBe(false);
    expect(deriveOne('state_share', b, AS_OF).value).toBe(0);
    // The register of that date was rebuilt by undoing the later change: it is part of the provenance.
    expect(deriveOne('state_investor_present', b, AS_OF).records).toContain(buyout);
    expect(deriveOne('state_investor_present', b, '2026-12-31').value).toBe(true);
    expect(deriveOne('state_share', b, '2026-12-31').value).toBe(0.3);
    expect(deriveOne('state_share', b, '2026-12-31').records).toEqual([state]);
  });

  it('sums registered-capital increases of the window in fen, without netting decreases', () => {
    // (2023-10-01, 2026-10-01]: 100 → 300 万元 only (2023-10-01 is on the boundary, the decrease and the N/A text are skipped).
    // 200 万元 = 200 × 1,000,000 fen.
    expect(value('capital_increase_amount_36m')).toBe(200_000_000);
    expect(ids('capital_increase_amount_36m')).toEqual(idsOf(changes.inWindow));
    // As of 2026-12-31: (2023-12-31, 2026-12-31] adds 250 → 1000.5 万元 = 750,500,000 fen.
    expect(value('capital_increase_amount_36m', '2026-12-31')).toBe(950_500_000);
  });

  it('measures registered-capital growth over 36 months from the first before and the last after', () => {
    // Window changes: 100 → 300 (2024-05-01), 300 → 250 (2025-01-01): 250 / 100 − 1 = 1.5.
    expect(value('registered_capital_growth_36m')).toBe(1.5);
    expect(ids('registered_capital_growth_36m')).toEqual(idsOf(changes.inWindow, changes.decrease));
    // As of 2026-12-31 the last is 250 → 1000.5: 1000.5 / 100 − 1 = 9.005.
    expect(value('registered_capital_growth_36m', '2026-12-31')).toBe(9.005);
    // No change in the window: 0 for a firm established before it, null for a younger one.
    const steady = bundle((b) => {
      b.registration = registration('500.0000', '0.0000');
    });
    expect(deriveOne('registered_capital_growth_36m', steady, AS_OF).value).toBe(0);
    const young = bundle((b) => {
      // Established 2024-01-01, after the window start 2023-10-01.
      b.registration = registration('500.0000', '0.0000', '2024-01-01');
    });
    expect(deriveOne('registered_capital_growth_36m', young, AS_OF).value).toBeNull();
  });

  it('dates the latest capital increase on or before the as-of date', () => {
    expect(value('latest_capital_increase_date')).toBe('2024-05-01');
    expect(ids('latest_capital_increase_date')).toEqual(idsOf(changes.inWindow));
    expect(value('latest_capital_increase_date', '2026-12-01')).toBe('2026-12-01');
    expect(value('latest_capital_increase_date', '2023-09-30')).toBeNull();
  });

});
