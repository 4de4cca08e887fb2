import { INTELLECTUAL_PROPERTY_FIELDS } from '../../../src/profile/catalog/sections/intellectual-property.fields';
import type { ChangeRecord, LegalEventRecord, PatentRecord, RegistrationRecord } from '../../../src/profile/derive/enterprise-records';
import { bundle, deriveOne, rec } from '../../support/profile-records';

const AS_OF = '2026-10-01';
const FORMER = '济南旧名科技有限公司';
const CURRENT = '济南丰谐琪科技有限公司';

type PatentData = PatentRecord['data'];
type EventData = LegalEventRecord['data'];

function patent(over: Partial<PatentData> & Pick<PatentData, 'application_no' | 'patent_type' | 'filed_on'>, updatedAt = '2026-09-30T02:00:00.000Z'): PatentRecord {
  return rec<PatentData>(
    'patent',
    'patents',
    {
      title: '一种数据治理方法及系统',
      applicants: [FORMER],
      published_on: null,
      granted_on: null,
      ipc_codes: [],
      claims_count: 0,
      cited_by_count: 0,
      family_size: 1,
      pct: false,
      legal_status: 'pending',
      owner: over.applicants?.[0] ?? FORMER,
      updated_at: updatedAt,
      ...over,
    },
    updatedAt,
  );
}

let eventSerial = 0;
function event(applicationNo: string, type: EventData['event_type'], on: string, counterparty: string | null = null): LegalEventRecord {
  eventSerial += 1;
  return rec<EventData>('patent', 'legal_events', {
    event_id: `${applicationNo}-E${String(eventSerial).padStart(2, '0')}`,
    application_no: applicationNo,
    event_type: type,
    event_on: on,
    counterparty,
    updated_at: `${on}T02:00:00.000Z`,
  });
}

function registration(name: string, approvedOn: string): RegistrationRecord {
  return rec<RegistrationRecord['data']>('market-regulation', 'registrations', {
    uscc: '91370102MA3C4T2W9A',
    name,
    entity_type: 'limited_company',
    legal_representative: '张三',
    registered_capital_wan: '500.0000',
    paid_in_capital_wan: '100.0000',
    established_on: '2004-06-01',
    approved_on: approvedOn,
    status: 'active',
    district_code: '370102',
    address: '山东省济南市历下区经十路1号',
    industry_code: 'I6513',
    business_scope: '软件开发',
    tags: [],
    updated_at: `${approvedOn}T02:00:00.000Z`,
  });
}

function nameChange(before: string, after: string, on: string): ChangeRecord {
  return rec<ChangeRecord['data']>('market-regulation', 'changes', {
    change_id: '91370102MA3C4T2W9A-BG01',
    uscc: '91370102MA3C4T2W9A',
    item: 'name',
    before,
    after,
    changed_on: on,
    updated_at: `${on}T02:00:00.000Z`,
  });
}

/*
 * One enterprise with 13 patents covering every case; expected values are worked out by hand in
 * each test from this table (as of 2026-10-01; 12 months back = 2025-10-01, 36 months = 2023-10-01).
 *   P1  invention  filed 2020-01-10 granted 2023-01-05, in force; pledged 齐鲁 2024-03-01, released 2025-06-01; pledged 招商 2025-09-01 (active); licence after as-of
 *   P2  invention  filed 2022-05-01, rejected (record version 2025-04-01)
 *   P3  invention  filed 2024-11-15 published 2025-05-20 pending, PCT family 3, co-applicant 山东大学, current name
 *   P4  utility    filed 2021-03-01 granted 2021-10-01, lapsed 2024-09-01 (inside 36 m); pledged 兴业 2023-05-01, never released
 *   P5  design     filed 2025-11-10 granted 2026-04-01 (15-year term), current name
 *   P6  utility    filed 2019-06-01 granted 2019-12-01, licensed 2022-01-01, transferred 2024-05-01, then (the transferee's) pledge, licence and lapse
 *   P7  invention  filed 2005-01-01 granted 2008-01-01, no end event: term ended 2025-01-01 (expired)
 *   P8  invention  filed 2025-06-01 published 2026-12-01: not yet public on the as-of date
 *   P9  invention  filed 2022-01-10 granted 2024-02-01; invalidated 2026-11-01 (after as-of: still in force)
 *   P10 utility    filed 2025-10-01 (exactly 12 months back: outside 12 m) granted 2026-05-01, current name
 *   P11 invention  filed 2022-03-01, rejected by a version dated 2026-10-02 CST (after as-of: still pending)
 *   P12 utility    filed 2013-01-01 granted 2013-08-01, lapsed 2023-10-01 (exactly 36 months back: outside 36 m)
 *   P13 invention  filed 2017-03-01 granted 2020-05-01, status invalidated, no event: ended 2025-02-01 (its record version)
 */
const P = (n: number) => `CN2020100000${String(n).padStart(2, '0')}.1`;
const p = {
  p1: patent({ application_no: P(1), patent_type: 'invention', filed_on: '2020-01-10', published_on: '2021-07-10', granted_on: '2023-01-05', legal_status: 'granted', cited_by_count: 5, claims_count: 10, ipc_codes: ['G06F 8/30', 'G06N 3/08'] }),
  p2: patent({ application_no: P(2), patent_type: 'invention', filed_on: '2022-05-01', published_on: '2023-11-01', legal_status: 'rejected', claims_count: 8 }, '2025-04-01T02:00:00.000Z'),
  p3: patent({ application_no: P(3), patent_type: 'invention', filed_on: '2024-11-15', published_on: '2025-05-20', applicants: [CURRENT, '山东大学'], claims_count: 12, pct: true, family_size: 3, ipc_codes: ['G06F 21/62'] }),
  p4: patent({ application_no: P(4), patent_type: 'utility_model', filed_on: '2021-03-01', published_on: '2021-10-01', granted_on: '2021-10-01', legal_status: 'lapsed_non_payment', cited_by_count: 1, claims_count: 4, ipc_codes: ['G06F 16/27'] }),
  p5: patent({ application_no: P(5), patent_type: 'design', filed_on: '2025-11-10', published_on: '2026-04-01', granted_on: '2026-04-01', legal_status: 'granted', applicants: [CURRENT] }),
  p6: patent({ application_no: P(6), patent_type: 'utility_model', filed_on: '2019-06-01', published_on: '2019-12-01', granted_on: '2019-12-01', legal_status: 'lapsed_non_payment', owner: '山东外购科技有限公司', cited_by_count: 2, claims_count: 5 }),
  p7: patent({ application_no: P(7), patent_type: 'invention', filed_on: '2005-01-01', published_on: '2006-07-01', granted_on: '2008-01-01', legal_status: 'granted', cited_by_count: 3, claims_count: 9 }, '2008-01-01T02:00:00.000Z'),
  p8: patent({ application_no: P(8), patent_type: 'invention', filed_on: '2025-06-01', published_on: '2026-12-01', pct: true, family_size: 5, claims_count: 30, cited_by_count: 50, applicants: [CURRENT] }),
  p9: patent({ application_no: P(9), patent_type: 'invention', filed_on: '2022-01-10', published_on: '2022-07-10', granted_on: '2024-02-01', legal_status: 'invalidated', cited_by_count: 7, claims_count: 15, ipc_codes: ['h04l 9/40'] }, '2026-11-01T02:00:00.000Z'),
  p10: patent({ application_no: P(10), patent_type: 'utility_model', filed_on: '2025-10-01', published_on: '2026-05-01', granted_on: '2026-05-01', legal_status: 'granted', claims_count: 3, applicants: [CURRENT] }),
  p11: patent({ application_no: P(11), patent_type: 'invention', filed_on: '2022-03-01', published_on: '2023-09-01', legal_status: 'rejected', claims_count: 6 }, '2026-10-01T17:00:00.000Z'),
  p12: patent({ application_no: P(12), patent_type: 'utility_model', filed_on: '2013-01-01', published_on: '2013-08-01', granted_on: '2013-08-01', legal_status: 'lapsed_non_payment', claims_count: 2 }, '2023-10-01T02:00:00.000Z'),
  p13: patent({ application_no: P(13), patent_type: 'invention', filed_on: '2017-03-01', published_on: '2018-09-01', granted_on: '2020-05-01', legal_status: 'invalidated', cited_by_count: 1, claims_count: 11 }, '2025-02-01T02:00:00.000Z'),
};
const e = {
  p1Granted: event(P(1), 'granted', '2023-01-05'),
  p1Pledge1: event(P(1), 'pledged', '2024-03-01', '齐鲁银行股份有限公司'),
  p1Release1: event(P(1), 'pledge_released', '2025-06-01', '齐鲁银行股份有限公司'),
  p1Pledge2: event(P(1), 'pledged', '2025-09-01', '招商银行股份有限公司济南分行'),
  p1LicenceLater: event(P(1), 'licensed', '2026-10-02', '山东某某科技有限公司'),
  p4Granted: event(P(4), 'granted', '2021-10-01'),
  p4Pledge: event(P(4), 'pledged', '2023-05-01', '兴业银行股份有限公司济南分行'),
  p4Lapse: event(P(4), 'lapsed_non_payment', '2024-09-01'),
  p6Licence: event(P(6), 'licensed', '2022-01-01', '山东某某科技有限公司'),
  p6Transfer: event(P(6), 'transferred', '2024-05-01', '山东外购科技有限公司'),
  p6PledgeAfter: event(P(6), 'pledged', '2024-07-01', '北京银行股份有限公司济南分行'),
  p6LicenceAfter: event(P(6), 'licensed', '2024-08-01', '山东另一科技有限公司'),
  p6LapseAfter: event(P(6), 'lapsed_non_payment', '2025-08-01'),
  p9Invalidated: event(P(9), 'invalidated', '2026-11-01'),
  p12Lapse: event(P(12), 'lapsed_non_payment', '2023-10-01'),
};
const reg = registration(CURRENT, '2025-03-10');
const rename = nameChange(FORMER, CURRENT, '2025-03-10');

const records = bundle((b) => {
  b.registration = reg;
  b.changes.push(rename);
  b.patents.push(...Object.values(p));
  // Shuffled on purpose: grouping must not depend on arrival order.
  b.legalEvents.push(...Object.values(e).reverse());
});

const value = (key: string, asOf = AS_OF) => deriveOne(key, records, asOf).value;
const ids = (key: string, asOf = AS_OF) => deriveOne(key, records, asOf).records.map((r) => r.id).sort();
const idsOf = (...rs: { id: string }[]) => rs.map((r) => r.id).sort();

describe('intellectual_property section', () => {
  it('has exactly 35 fields with unique snake_case keys, all documented', () => {
    expect(INTELLECTUAL_PROPERTY_FIELDS).toHaveLength(35);
    const keys = INTELLECTUAL_PROPERTY_FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(35);
    for (const f of INTELLECTUAL_PROPERTY_FIELDS) {
      expect(f.key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(f.section).toBe('intellectual_property');
      expect(f.zh.length).toBeGreaterThan(3);
      expect(f.derivation.length).toBeGreaterThan(40);
      expect(f.nullMeans.length).toBeGreaterThan(5);
      expect(f.sources).toContain('patent');
    }
  });

  it('gives 0 counts and null measures for an enterprise without patents', () => {
    const none = bundle((b) => {
      b.registration = reg;
    });
    for (const f of INTELLECTUAL_PROPERTY_FIELDS) {
      const v = deriveOne(f.key, none, AS_OF).value;
      if (f.type === 'integer' && !['forward_citations_max', 'max_patent_family_size'].includes(f.key)) expect([f.key, v]).toEqual([f.key, 0]);
      else expect([f.key, v]).toEqual([f.key, null]);
    }
  });
});

describe('portfolio', () => {
  it('counts patents published by the as-of date only (P8 is published later)', () => {
    // 13 patents minus P8.
    expect(value('patents_total')).toBe(12);
    expect(ids('patents_total')).not.toContain(p.p8.id);
    // P1 P2 P3 P7 P9 P11 P13.
    expect(value('invention_applications')).toBe(7);
    // P8 becomes known once published.
    expect(value('patents_total', '2026-12-01')).toBe(13);
  });

  it('counts grants by type, in force or not', () => {
    // Inventions granted: P1, P7 (expired), P9, P13 (invalidated).
    expect(value('invention_patents_granted')).toBe(4);
    expect(ids('invention_patents_granted')).toEqual(idsOf(p.p1, p.p7, p.p9, p.p13));
    // Utility models: P4 (lapsed), P6 (transferred), P10, P12 (lapsed).
    expect(value('utility_model_patents_granted')).toBe(4);
    expect(value('design_patents_granted')).toBe(1);
    // As of 2024-01-31, P9 (granted 2024-02-01) is not yet granted.
    expect(value('invention_patents_granted', '2024-01-31')).toBe(3);
  });

  it('windows applications by filing date: (asOf − n months, asOf]', () => {
    // 12 m = (2025-10-01, 2026-10-01]: P5; P10 filed exactly 2025-10-01 is outside; P8 is unpublished.
    expect(value('patent_applications_12m')).toBe(1);
    expect(ids('patent_applications_12m')).toEqual(idsOf(p.p5));
    // 36 m = (2023-10-01, 2026-10-01]: P3, P5, P10.
    expect(value('patent_applications_36m')).toBe(3);
    expect(ids('patent_applications_36m')).toEqual(idsOf(p.p3, p.p5, p.p10));
  });

  it('counts grants of the last 12 months', () => {
    // P5 2026-04-01 and P10 2026-05-01.
    expect(value('patents_granted_12m')).toBe(2);
    expect(ids('patents_granted_12m')).toEqual(idsOf(p.p5, p.p10));
  });

  it('dates a rejection by its record version (CST), so a later rejection leaves the application pending', () => {
    // P11 rejected 2026-10-01T17:00Z = 2026-10-02 CST: pending on 2026-10-01; P3 pending too.
    expect(value('pending_invention_applications')).toBe(2);
    expect(ids('pending_invention_applications')).toEqual(idsOf(p.p3, p.p11));
    expect(value('invention_applications_rejected')).toBe(1);
    expect(ids('invention_applications_rejected')).toEqual(idsOf(p.p2));
    expect(value('invention_applications_rejected', '2026-10-02')).toBe(2);
  });

  it('computes the grant rate over decided inventions', () => {
    // 4 granted / (4 granted + 1 rejected).
    expect(value('invention_grant_rate')).toBe(0.8);
    expect(ids('invention_grant_rate')).toEqual(idsOf(p.p1, p.p7, p.p9, p.p13, p.p2));
    // As of 2023-01-04 only P7 (2008) and P13 (2020) are decided, both granted: 2 / 2.
    expect(value('invention_grant_rate', '2023-01-04')).toBe(1);
  });

  it('averages the examination time of granted inventions', () => {
    // P1 2020-01-10→2023-01-05: 35; P7 2005-01-01→2008-01-01: 36; P9 2022-01-10→2024-02-01: 24; P13 2017-03-01→2020-05-01: 38.
    // (35 + 36 + 24 + 38) / 4 = 33.25 → 33.3.
    expect(value('avg_invention_examination_months')).toBe(33.3);
  });
});

describe('legal status on the as-of date', () => {
  it('reconstructs valid patents from grants, ends and transfers', () => {
    // P1 (in force), P5, P9 (invalidated only on 2026-11-01), P10. Not: P4/P12 lapsed, P6 transferred,
    // P7 term ended 2025-01-01, P13 invalidated 2025-02-01.
    expect(value('valid_patents')).toBe(4);
    expect(ids('valid_patents')).toEqual(idsOf(p.p1, p.p5, p.p9, p.p10));
    expect(value('valid_invention_patents')).toBe(2);
    expect(value('valid_utility_model_patents')).toBe(1);
    // After P9's invalidation it is no longer valid.
    expect(value('valid_invention_patents', '2026-11-01')).toBe(1);
    // Before P7's term ended (2025-01-01) it was in force, and P13 was not yet invalidated (2025-02-01).
    expect(value('valid_invention_patents', '2024-12-31')).toBe(4);
  });

  it('computes the maintenance rate over held granted patents', () => {
    // Held and granted: P1 P4 P5 P7 P9 P10 P12 P13 (P6 transferred) = 8; in force 4.
    expect(value('patent_maintenance_rate')).toBe(0.5);
    expect(ids('patent_maintenance_rate')).toEqual(idsOf(p.p1, p.p4, p.p5, p.p7, p.p9, p.p10, p.p12, p.p13));
  });

  it('counts fee lapses in (asOf − 36 months, asOf], only while held', () => {
    // P4 2024-09-01 inside; P12 exactly 2023-10-01 outside; P6's lapse after its transfer is not the enterprise's.
    expect(value('patents_lapsed_for_fees_36m')).toBe(1);
    expect(ids('patents_lapsed_for_fees_36m')).toEqual(idsOf(e.p4Lapse));
    expect(value('patents_lapsed_for_fees')).toBe(2);
    expect(ids('patents_lapsed_for_fees')).toEqual(idsOf(e.p4Lapse, e.p12Lapse));
    // A day earlier P12's lapse is inside the window.
    expect(value('patents_lapsed_for_fees_36m', '2026-09-30')).toBe(2);
  });

  it('counts expiries by the end of term and invalidations by event or dated status', () => {
    // P7: 20 years from 2005-01-01, no expiry event: the patent record is the provenance.
    expect(value('patents_expired')).toBe(1);
    expect(ids('patents_expired')).toEqual(idsOf(p.p7));
    // P13 by its status (record version 2025-02-01); P9's event (2026-11-01) is after the as-of date.
    expect(value('patents_invalidated')).toBe(1);
    expect(ids('patents_invalidated')).toEqual(idsOf(p.p13));
    expect(value('patents_invalidated', '2026-11-01')).toBe(2);
  });

  it('applies the statutory terms: designs 10 years, 15 when filed from 2021-06-01', () => {
    const b = bundle((x) => {
      x.patents.push(
        // Filed 2016-05-31: 10 years, ended 2026-05-31.
        patent({ application_no: P(51), patent_type: 'design', filed_on: '2016-05-31', published_on: '2016-12-01', granted_on: '2016-12-01', legal_status: 'granted' }, '2016-12-01T02:00:00.000Z'),
        // Filed 2021-06-01: 15 years, in force until 2036-06-01.
        patent({ application_no: P(52), patent_type: 'design', filed_on: '2021-06-01', published_on: '2021-12-01', granted_on: '2021-12-01', legal_status: 'granted' }, '2021-12-01T02:00:00.000Z'),
        // Utility model filed 2016-10-01: 10 years, the term ends on 2026-10-01 itself.
        patent({ application_no: P(53), patent_type: 'utility_model', filed_on: '2016-10-01', published_on: '2017-04-01', granted_on: '2017-04-01', legal_status: 'granted' }, '2017-04-01T02:00:00.000Z'),
      );
    });
    expect(deriveOne('valid_patents', b, AS_OF).records.map((r) => r.data)).toEqual([expect.objectContaining({ application_no: P(52) })]);
    expect(deriveOne('patents_expired', b, AS_OF).value).toBe(2);
    expect(deriveOne('valid_patents', b, '2026-09-30').value).toBe(2);
  });

  it('averages the remaining term of valid inventions in months', () => {
    // P1 ends 2040-01-10: 14 × 12 − 9 = 159 whole months from 2026-10-01; P9 ends 2042-01-10: 16 × 12 − 9 = 183. Mean 171.
    expect(value('avg_remaining_term_valid_inventions_months')).toBe(171);
    expect(ids('avg_remaining_term_valid_inventions_months')).toEqual(idsOf(p.p1, p.p9));
  });
});

describe('transfers, licences, pledges', () => {
  it('counts transfers out from the legal event', () => {
    expect(value('patents_transferred_out')).toBe(1);
    expect(ids('patents_transferred_out')).toEqual(idsOf(e.p6Transfer));
    expect(value('patents_transferred_out', '2024-04-30')).toBe(0);
  });

  it('falls back on the owner when the transfer event is missing, but not for a renamed holder', () => {
    const b = bundle((x) => {
      x.registration = reg;
      x.changes.push(rename);
      x.patents.push(
        // Sold: the owner is a stranger; the version is dated 2025-01-01.
        patent({ application_no: P(21), patent_type: 'utility_model', filed_on: '2020-01-01', published_on: '2020-06-01', granted_on: '2020-06-01', legal_status: 'granted', owner: '山东外人科技有限公司' }, '2025-01-01T02:00:00.000Z'),
        // The holder recorded its new name: still the enterprise's.
        patent({ application_no: P(22), patent_type: 'utility_model', filed_on: '2020-01-01', published_on: '2020-06-01', granted_on: '2020-06-01', legal_status: 'granted', owner: CURRENT }, '2025-06-01T02:00:00.000Z'),
      );
    });
    expect(deriveOne('patents_transferred_out', b, AS_OF).value).toBe(1);
    expect(deriveOne('valid_patents', b, AS_OF).value).toBe(1);
    // Before the version that shows the stranger, the transfer is not known.
    expect(deriveOne('patents_transferred_out', b, '2024-12-31').value).toBe(0);
  });

  it('counts licences granted while the enterprise held the patent', () => {
    // P6 licensed 2022-01-01 before its transfer; its 2024-08-01 licence is the transferee's; P1's is after the as-of date.
    expect(value('patents_licensed_out')).toBe(1);
    expect(ids('patents_licensed_out')).toEqual(idsOf(e.p6Licence));
    expect(value('patents_licensed_out', '2026-10-02')).toBe(2);
  });

  it('counts patents under an active pledge: not released, right not ended, pledged by the enterprise', () => {
    // P1's second pledge (招商, 2025-09-01) is open; P4's pledge is open but P4 lapsed; P6's pledge is the transferee's.
    expect(value('pledged_patents')).toBe(1);
    expect(ids('pledged_patents')).toEqual(idsOf(e.p1Pledge2));
    // On 2024-06-01: P1's first pledge (released 2025-06-01) and P4's (lapse 2024-09-01) are active.
    expect(value('pledged_patents', '2024-06-01')).toBe(2);
    // On 2025-07-01 P1's first pledge was released and its second not yet registered.
    expect(value('pledged_patents', '2025-07-01')).toBe(0);
  });
});

describe('technical value', () => {
  it('sums and ranks citations over known patents (P8 excluded)', () => {
    // 5 + 0 + 0 + 1 + 0 + 2 + 3 + 7 + 0 + 0 + 0 + 1 = 19 over 12 patents.
    expect(value('forward_citations_total')).toBe(19);
    expect(value('forward_citations_max')).toBe(7);
    expect(ids('forward_citations_max')).toEqual(idsOf(p.p9));
    // 19 / 12 = 1.5833 → 1.58.
    expect(value('forward_citations_per_patent')).toBe(1.58);
  });

  it('averages claims over inventions and utility models', () => {
    // 10 + 8 + 12 + 4 + 5 + 9 + 15 + 3 + 6 + 2 + 11 = 85 over 11 (P5 design left out, P8 unknown) = 7.727 → 7.7.
    expect(value('avg_claims_per_patent')).toBe(7.7);
    expect(ids('avg_claims_per_patent')).not.toContain(p.p5.id);
  });

  it('counts PCT filings and the largest family among known patents', () => {
    // P3 (PCT, family 3); P8 (PCT, family 5) is not yet published.
    expect(value('pct_applications')).toBe(1);
    expect(value('max_patent_family_size')).toBe(3);
    expect(ids('max_patent_family_size')).toEqual(idsOf(p.p3));
    expect(value('max_patent_family_size', '2026-12-01')).toBe(5);
  });

  it('counts distinct IPC subclasses (first 4 characters, upper-cased)', () => {
    // G06F (P1, P3, P4), G06N (P1), H04L (P9, written lower case).
    expect(value('ipc_subclasses')).toBe(3);
    expect(ids('ipc_subclasses')).toEqual(idsOf(p.p1, p.p3, p.p4, p.p9));
  });

  it('counts university co-applications, not companies named like academies', () => {
    expect(value('university_co_applications')).toBe(1);
    expect(ids('university_co_applications')).toEqual(idsOf(p.p3));
    const b = bundle((x) => {
      x.patents.push(
        patent({ application_no: P(31), patent_type: 'invention', filed_on: '2023-01-01', published_on: '2024-07-01', applicants: [CURRENT, '济南某某技术学院有限公司'] }),
        patent({ application_no: P(32), patent_type: 'invention', filed_on: '2023-01-01', published_on: '2024-07-01', applicants: [CURRENT, '山东省农业科学院'] }),
      );
    });
    expect(deriveOne('university_co_applications', b, AS_OF).value).toBe(1);
  });
});

describe('history', () => {
  it('measures years since the first filing and the latest filing date', () => {
    // P7 filed 2005-01-01: 261 whole months to 2026-10-01 = 21.75 years → 21.8.
    expect(value('years_since_first_filing')).toBe(21.8);
    expect(ids('years_since_first_filing')).toEqual(idsOf(p.p7));
    // P5 filed 2025-11-10 (P8, filed 2025-06-01, is unpublished anyway).
    expect(value('latest_filing_date')).toBe('2025-11-10');
    expect(ids('latest_filing_date')).toEqual(idsOf(p.p5));
  });

  it('counts patents filed under a former name, against the name on the as-of date', () => {
    // 12 known, 3 filed under the current name (P3, P5, P10).
    expect(value('patents_filed_under_former_name')).toBe(9);
    expect(ids('patents_filed_under_former_name')).toContain(reg.id);
    // Before the rename (2025-03-10) the registered name was the former one: nothing filed under another.
    expect(value('patents_filed_under_former_name', '2025-01-01')).toBe(0);
    expect(ids('patents_filed_under_former_name', '2025-01-01')).toEqual(idsOf(rename));
  });

  it('compares names through nameKey (width, brackets, 有限责任公司)', () => {
    const b = bundle((x) => {
      x.registration = registration('济南丰谐琪（济南）科技有限责任公司', '2020-01-01');
      x.patents.push(patent({ application_no: P(41), patent_type: 'invention', filed_on: '2023-01-01', published_on: '2024-07-01', applicants: ['济南丰谐琪(济南)科技 有限公司'] }));
    });
    expect(deriveOne('patents_filed_under_former_name', b, AS_OF).value).toBe(0);
  });

  it('is unknown without a registration or a name change', () => {
    const b = bundle((x) => {
      x.patents.push(p.p1);
    });
    expect(deriveOne('patents_filed_under_former_name', b, AS_OF).value).toBeNull();
  });
});
