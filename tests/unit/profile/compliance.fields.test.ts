import { COMPLIANCE_FIELDS } from '../../../src/profile/catalog/sections/compliance.fields';
import { deriveProfile } from '../../../src/profile/derive/derive-profile';
import type {
  AbnormalOperationRecord,
  AnnualReportRecord,
  ArrearRecord,
  ChangeRecord,
  DeclarationRecord,
  EnterpriseRecords,
  PenaltyRecord,
  RegistrationRecord,
} from '../../../src/profile/derive/enterprise-records';
import { bundle, deriveOne, rec, TEST_USCC } from '../../support/profile-records';

const AS_OF = '2026-10-01';
const REPORT_REASON = '未依照《企业信息公示暂行条例》第八条规定的期限公示年度报告';
const ADDRESS_REASON = '通过登记的住所或者经营场所无法联系';

let seq = 0;
const nextNo = (): string => String(++seq).padStart(3, '0');

function penalty(decidedOn: string, type: PenaltyRecord['data']['penalty_type'], amountYuan: string): PenaltyRecord {
  return rec('market-regulation', 'penalties', {
    decision_no: `济历下市监罚〔${decidedOn.slice(0, 4)}〕${nextNo()}号`,
    uscc: TEST_USCC,
    authority: '济南市历下区市场监督管理局',
    violation: '未按规定标明价格',
    penalty_type: type,
    amount_yuan: amountYuan,
    decided_on: decidedOn,
    updated_at: `${decidedOn}T03:00:00.000Z`,
  });
}

function listing(listedOn: string, removedOn: string | null, reason = REPORT_REASON): AbnormalOperationRecord {
  return rec('market-regulation', 'abnormal_operations', {
    entry_id: `${TEST_USCC}-YC${nextNo()}`,
    uscc: TEST_USCC,
    reason,
    listed_on: listedOn,
    removed_on: removedOn,
    removal_reason: removedOn === null ? null : '补报未报年份的年度报告并公示',
    updated_at: `${removedOn ?? listedOn}T03:00:00.000Z`,
  });
}

function report(year: number, filedOn: string, onTime: boolean): AnnualReportRecord {
  return rec('market-regulation', 'annual_reports', {
    report_id: `${TEST_USCC}-NB${year}`,
    uscc: TEST_USCC,
    year,
    insured_employees: 8,
    total_employees: 10,
    revenue_wan: '300.0000',
    total_assets_wan: '450.0000',
    filed_on: filedOn,
    on_time: onTime,
    updated_at: `${filedOn}T03:00:00.000Z`,
  });
}

function registration(over: Partial<RegistrationRecord['data']> = {}): RegistrationRecord {
  return rec('market-regulation', 'registrations', {
    uscc: TEST_USCC,
    name: '济南测试科技有限公司',
    entity_type: 'limited_company' as const,
    legal_representative: '张三',
    registered_capital_wan: '500.0000',
    paid_in_capital_wan: '100.0000',
    established_on: '2020-05-01',
    approved_on: '2020-05-01',
    status: 'active' as const,
    district_code: '370102',
    address: '山东省济南市历下区经十路1号',
    industry_code: 'I6513',
    business_scope: '软件开发',
    tags: [],
    updated_at: '2020-05-01T02:00:00.000Z',
    ...over,
  });
}

function statusChange(before: string, after: string, changedOn: string): ChangeRecord {
  return rec('market-regulation', 'changes', {
    change_id: `${TEST_USCC}-BG${nextNo()}`,
    uscc: TEST_USCC,
    item: 'status' as const,
    before,
    after,
    changed_on: changedOn,
    updated_at: `${changedOn}T02:00:00.000Z`,
  });
}

function arrear(aroseOn: string, amountYuan: string, paidOn: string | null): ArrearRecord {
  return rec('tax', 'arrears', {
    arrear_id: `${TEST_USCC}-QS${nextNo()}`,
    taxpayer_id: TEST_USCC,
    tax_type: 'VAT' as const,
    amount_yuan: amountYuan,
    arose_on: aroseOn,
    status: paidOn === null ? ('outstanding' as const) : ('paid' as const),
    paid_on: paidOn,
    updated_at: `${paidOn ?? aroseOn}T03:00:00.000Z`,
  });
}

function declaration(period: string, dueOn: string, filedOn: string, late: boolean, type: 'VAT' | 'CIT' = 'VAT'): DeclarationRecord {
  return rec('tax', 'declarations', {
    declaration_id: `${TEST_USCC}-${type}-${period.replace('-', '')}-${nextNo()}`,
    taxpayer_id: TEST_USCC,
    taxpayer_name: '济南测试科技有限公司',
    period,
    tax_type: type,
    taxable_revenue_yuan: '100000.00',
    tax_paid_yuan: '3000.00',
    zero_declaration: false,
    due_on: dueOn,
    filed_on: filedOn,
    late,
    updated_at: `${filedOn}T03:00:00.000Z`,
  });
}

/** Every compliance field of a bundle as of a date: key → value and provenance ids. */
function profile(records: EnterpriseRecords, asOf: string): Record<string, { value: unknown; ids: string[] }> {
  const out: Record<string, { value: unknown; ids: string[] }> = {};
  for (const [key, d] of deriveProfile(records, asOf, COMPLIANCE_FIELDS)) out[key] = { value: d.value, ids: d.records.map((r) => r.id) };
  return out;
}
const ids = (...rs: { id: string }[]): string[] => rs.map((r) => r.id);
const sortedIds = (xs: string[]): string[] => [...xs].sort((a, b) => Number(a) - Number(b));

describe('compliance section', () => {
  it('has exactly 25 fields with unique snake_case keys, complete descriptions, in the compliance section', () => {
    expect(COMPLIANCE_FIELDS).toHaveLength(25);
    const keys = COMPLIANCE_FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(25);
    for (const f of COMPLIANCE_FIELDS) {
      expect(f.key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(f.section).toBe('compliance');
      expect(f.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(f.en.length).toBeGreaterThan(10);
      expect(f.derivation.length).toBeGreaterThan(40);
      expect(f.nullMeans.length).toBeGreaterThan(4);
      if (f.type === 'money') expect(f.unit).toBe('CNY fen');
      if (f.type === 'enum') expect(f.values?.length).toBeGreaterThanOrEqual(2);
    }
    expect(keys).toEqual(expect.arrayContaining(['admin_penalties_36m', 'on_abnormal_operation_list']));
  });

  it('reads an enterprise with no records: event counts 0, flags false, periodic measures and dates null', () => {
    const p = profile(bundle(() => undefined), AS_OF);
    const values = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.value]));
    expect(values).toEqual({
      admin_penalties_12m: 0,
      admin_penalties_36m: 0,
      admin_penalty_amount_36m: 0,
      admin_penalty_most_severe_type_36m: null,
      last_admin_penalty_date: null,
      on_abnormal_operation_list: false,
      abnormal_operation_listings_36m: 0,
      abnormal_operation_unreachable_listings_36m: 0,
      abnormal_operation_days_listed_36m: 0,
      abnormal_operation_current_listing_days: null,
      last_abnormal_listing_date: null,
      annual_reports_late_36m: null,
      annual_reports_missing_36m: null, // no registration: owed years unknown
      annual_report_longest_delay_days_36m: null,
      registration_revoked_or_cancelled: null,
      tax_arrears_outstanding_count: 0,
      tax_arrears_outstanding_amount: 0,
      tax_arrears_arisen_36m: 0,
      tax_arrears_arisen_amount_36m: 0,
      tax_arrears_longest_days_outstanding_36m: 0,
      last_tax_arrear_date: null,
      late_tax_filings_12m: null,
      late_tax_filings_36m: null,
      late_tax_filing_share_36m: null,
      longest_tax_filing_delay_days_36m: null,
    });
    for (const v of Object.values(p)) expect(v.ids).toEqual([]);
  });

  describe('administrative penalties as of 2026-10-01', () => {
    // 12-month window: (2025-10-01, 2026-10-01]; 36-month window: (2023-10-01, 2026-10-01].
    const outside36 = penalty('2023-10-01', 'licence_revoked', '0.00'); // exactly 36 months back: outside
    const inside36 = penalty('2023-10-02', 'suspension', '20000.00');
    const outside12 = penalty('2025-10-01', 'fine', '5000.00'); // exactly 12 months back: in 36m only
    const inside12 = penalty('2025-10-02', 'confiscation', '1234.56');
    const onAsOf = penalty('2026-10-01', 'warning', '0.00');
    const future = penalty('2026-10-02', 'licence_revoked', '0.00'); // decided after the as-of date
    const records = bundle((b) => b.penalties.push(outside36, inside36, outside12, inside12, onAsOf, future));
    const p = profile(records, AS_OF);

    it('counts decisions by decided_on in each window, boundaries included only on the as-of side', () => {
      expect(p.admin_penalties_12m).toEqual({ value: 2, ids: ids(inside12, onAsOf) });
      expect(p.admin_penalties_36m).toEqual({ value: 4, ids: ids(inside36, outside12, inside12, onAsOf) });
    });

    it('sums the amounts of the 36-month decisions in fen', () => {
      // 20,000.00 + 5,000.00 + 1,234.56 + 0 = 26,234.56 yuan = 2,623,456 fen.
      expect(p.admin_penalty_amount_36m).toEqual({ value: 2_623_456, ids: ids(inside36, outside12, inside12, onAsOf) });
    });

    it('names the most severe type of the window (a licence revocation outside it and one after the as-of date do not count)', () => {
      expect(p.admin_penalty_most_severe_type_36m).toEqual({ value: 'suspension', ids: ids(inside36) });
    });

    it('dates the latest decision on or before the as-of date, whatever the window', () => {
      expect(p.last_admin_penalty_date).toEqual({ value: '2026-10-01', ids: ids(onAsOf) });
      expect(deriveOne('last_admin_penalty_date', records, '2023-10-01').value).toBe('2023-10-01');
    });

    it('prefers the latest of equally severe decisions as provenance', () => {
      const a = penalty('2025-01-10', 'fine', '5000.00');
      const b = penalty('2026-02-10', 'fine', '9000.00');
      const c = penalty('2025-06-10', 'warning', '0.00');
      const d = deriveOne('admin_penalty_most_severe_type_36m', bundle((x) => x.penalties.push(a, b, c)), AS_OF);
      expect(d.value).toBe('fine');
      expect(ids(...d.records)).toEqual(ids(b));
    });
  });

  describe('the list of abnormal operations as of 2026-10-01', () => {
    const removedBefore = listing('2026-07-15', '2026-08-01'); // 17 days: 15–31 July
    const overlapping = listing('2026-07-20', '2026-07-25', ADDRESS_REASON); // inside the one above: no extra day
    const removedAfter = listing('2026-09-20', '2026-10-05'); // open at the as-of date: 20 Sep – 1 Oct = 12 days
    const straddling = listing('2023-09-01', '2023-10-11'); // listed before the window; days 2023-10-02 … 10-10 = 9
    const future = listing('2026-10-07', null); // listed after the as-of date
    const records = bundle((b) => b.abnormalOperations.push(removedBefore, overlapping, removedAfter, straddling, future));
    const p = profile(records, AS_OF);

    it('is on the list while an entry is open at the end of the as-of date (removal after it does not count yet)', () => {
      expect(p.on_abnormal_operation_list).toEqual({ value: true, ids: ids(removedAfter) });
      expect(deriveOne('on_abnormal_operation_list', records, '2026-10-05').value).toBe(false); // removed that day
      expect(deriveOne('on_abnormal_operation_list', records, '2026-07-31').value).toBe(true);
      expect(deriveOne('on_abnormal_operation_list', records, '2026-08-01').value).toBe(false);
    });

    it('counts listings by listed_on in the 36-month window, and the unreachable-address ones apart', () => {
      expect(p.abnormal_operation_listings_36m).toEqual({ value: 3, ids: ids(removedBefore, overlapping, removedAfter) });
      expect(p.abnormal_operation_unreachable_listings_36m).toEqual({ value: 1, ids: ids(overlapping) });
    });

    it('counts days listed in the window once, clipping the straddling entry', () => {
      // 9 (2023-10-02 … 2023-10-10) + 17 (2026-07-15 … 07-31, the overlapping entry adds nothing) + 12 (2026-09-20 … 10-01).
      expect(p.abnormal_operation_days_listed_36m.value).toBe(38);
      expect(sortedIds(p.abnormal_operation_days_listed_36m.ids)).toEqual(sortedIds(ids(removedBefore, overlapping, removedAfter, straddling)));
    });

    it('counts the days of the current listing, listing day and as-of day included', () => {
      expect(p.abnormal_operation_current_listing_days).toEqual({ value: 12, ids: ids(removedAfter) });
      expect(deriveOne('abnormal_operation_current_listing_days', records, '2026-08-15').value).toBeNull();
      expect(deriveOne('abnormal_operation_current_listing_days', records, '2026-09-20').value).toBe(1);
    });

    it('dates the latest listing on or before the as-of date', () => {
      expect(p.last_abnormal_listing_date).toEqual({ value: '2026-09-20', ids: ids(removedAfter) });
    });

    it('counts an entry that stays open from before the window as listed for the whole window', () => {
      const old = listing('2023-01-01', null, ADDRESS_REASON);
      const q = profile(bundle((b) => b.abnormalOperations.push(old)), AS_OF);
      // (2023-10-01, 2026-10-01] holds 1096 days (2024 is a leap year); no listing inside the window.
      expect(q.abnormal_operation_days_listed_36m.value).toBe(1096);
      expect(q.abnormal_operation_listings_36m.value).toBe(0);
      expect(q.abnormal_operation_current_listing_days.value).toBe(1370); // 2023-01-01 … 2026-10-01
    });
  });

  describe('annual report punctuality as of 2026-10-01', () => {
    // Owed report years: deadlines 2024-06-30, 2025-06-30, 2026-06-30 lie in (2023-10-01, 2026-10-01]; 2022's (2023-06-30) does not.
    const reg = registration();
    const on2023 = report(2023, '2024-03-01', true);
    const late2024 = report(2024, '2025-08-09', false); // 31 days of July + 9 = 40 days late
    const after2025 = report(2025, '2026-10-05', false); // filed after the as-of date
    const old2022 = report(2022, '2023-09-01', false); // filed outside the window
    const records = bundle((b) => {
      b.registration = reg;
      b.annualReports.push(on2023, late2024, after2025, old2022);
    });
    const p = profile(records, AS_OF);

    it('counts late reports filed in the window', () => {
      expect(p.annual_reports_late_36m).toEqual({ value: 1, ids: ids(late2024) });
    });

    it('counts owed years without a report filed by the as-of date (2025), with the registration as provenance', () => {
      expect(p.annual_reports_missing_36m).toEqual({ value: 1, ids: ids(reg) });
      expect(deriveOne('annual_reports_missing_36m', records, '2026-10-05').value).toBe(0);
    });

    it('reports the longest delay of the reports filed in the window', () => {
      expect(p.annual_report_longest_delay_days_36m).toEqual({ value: 40, ids: ids(late2024) });
      const onTime = profile(bundle((b) => b.annualReports.push(on2023)), AS_OF);
      expect(onTime.annual_report_longest_delay_days_36m).toEqual({ value: 0, ids: ids(on2023) });
      expect(onTime.annual_reports_late_36m).toEqual({ value: 0, ids: [] });
    });

    it('owes reports only for years the firm existed in, and nothing before its first year ends', () => {
      const young = (established: string) => bundle((b) => (b.registration = registration({ established_on: established })));
      expect(deriveOne('annual_reports_missing_36m', young('2025-12-31'), AS_OF).value).toBe(1); // owes 2025
      expect(deriveOne('annual_reports_missing_36m', young('2026-01-01'), AS_OF).value).toBeNull(); // owes nothing yet
    });

    it('owes no report for a year at whose end the firm was already deregistered', () => {
      const end = statusChange('active', 'cancelled', '2025-11-20');
      const ended = bundle((b) => {
        b.registration = registration({ status: 'cancelled', approved_on: '2025-11-20' });
        b.changes.push(end);
        b.annualReports.push(on2023);
      });
      // Owed: 2023 (filed) and 2024 (missing); 2025 not owed: cancelled on 2025-11-20.
      const d = deriveOne('annual_reports_missing_36m', ended, AS_OF);
      expect(d.value).toBe(1);
      expect(ids(...d.records)).toEqual(ids(ended.registration!, end));
    });
  });

  describe('registration status at the as-of date', () => {
    it('reconstructs a revocation from its status change', () => {
      const reg = registration({ status: 'revoked', approved_on: '2026-03-01' });
      const ch = statusChange('active', 'revoked', '2026-03-01');
      const records = bundle((b) => {
        b.registration = reg;
        b.changes.push(ch);
      });
      expect(deriveOne('registration_revoked_or_cancelled', records, AS_OF)).toEqual({ value: true, records: [reg, ch] });
      expect(deriveOne('registration_revoked_or_cancelled', records, '2026-03-01').value).toBe(true);
      expect(deriveOne('registration_revoked_or_cancelled', records, '2026-02-28')).toEqual({ value: false, records: [reg, ch] });
    });

    it('without a status change, trusts the current status from its approval date on', () => {
      const records = bundle((b) => (b.registration = registration({ status: 'cancelled', approved_on: '2026-06-01' })));
      expect(deriveOne('registration_revoked_or_cancelled', records, AS_OF).value).toBe(true);
      expect(deriveOne('registration_revoked_or_cancelled', records, '2026-05-31').value).toBe(false);
    });

    it('does not count a move out of the registry, and is null without a registration or before establishment', () => {
      const moved = bundle((b) => (b.registration = registration({ status: 'moved_out', approved_on: '2026-06-01' })));
      expect(deriveOne('registration_revoked_or_cancelled', moved, AS_OF).value).toBe(false);
      expect(deriveOne('registration_revoked_or_cancelled', bundle(() => undefined), AS_OF).value).toBeNull();
      expect(deriveOne('registration_revoked_or_cancelled', moved, '2020-04-30').value).toBeNull();
    });
  });

  describe('tax arrears as of 2026-10-01', () => {
    const unpaid = arrear('2026-03-01', '1000.00', null); // 214 days outstanding at the as-of date
    const paidLater = arrear('2026-06-01', '500.50', '2026-10-10'); // paid after the as-of date: outstanding then (122 days)
    const paidInWindow = arrear('2024-01-10', '800.00', '2024-04-10'); // 91 days
    const paidBeforeWindow = arrear('2023-01-01', '900.00', '2023-09-01'); // 243 days, but arose and paid before the window
    const future = arrear('2026-10-02', '700.00', null);
    const records = bundle((b) => b.arrears.push(unpaid, paidLater, paidInWindow, paidBeforeWindow, future));
    const p = profile(records, AS_OF);

    it('reconstructs what was outstanding at the as-of date from arose_on and paid_on', () => {
      expect(p.tax_arrears_outstanding_count).toEqual({ value: 2, ids: ids(unpaid, paidLater) });
      expect(p.tax_arrears_outstanding_amount).toEqual({ value: 150_050, ids: ids(unpaid, paidLater) }); // 1000.00 + 500.50 yuan
      // As of 2026-10-10 paidLater is paid (that day) and the arrear of 2026-10-02 has arisen.
      expect(ids(...deriveOne('tax_arrears_outstanding_count', records, '2026-10-10').records)).toEqual(ids(unpaid, future));
      expect(deriveOne('tax_arrears_outstanding_count', records, '2024-02-01').value).toBe(1); // only paidInWindow then
    });

    it('counts and sums arrears that arose in the 36-month window', () => {
      expect(p.tax_arrears_arisen_36m).toEqual({ value: 3, ids: ids(unpaid, paidLater, paidInWindow) });
      expect(p.tax_arrears_arisen_amount_36m).toEqual({ value: 230_050, ids: ids(unpaid, paidLater, paidInWindow) });
    });

    it('measures the longest time unpaid, up to the as-of date for unpaid ones', () => {
      expect(p.tax_arrears_longest_days_outstanding_36m).toEqual({ value: 214, ids: ids(unpaid) });
      // As of 2024-06-01 only paidInWindow (91 days) and paidBeforeWindow (243 days, inside (2021-06-01, 2024-06-01]) count.
      expect(deriveOne('tax_arrears_longest_days_outstanding_36m', records, '2024-06-01').value).toBe(243);
    });

    it('counts an old arrear that is still unpaid even though it arose before the window', () => {
      const old = arrear('2022-01-01', '100.00', null);
      const d = deriveOne('tax_arrears_longest_days_outstanding_36m', bundle((b) => b.arrears.push(old)), AS_OF);
      expect(d.value).toBe(1734); // 2022-01-01 → 2026-10-01
      expect(ids(...d.records)).toEqual(ids(old));
    });

    it('dates the latest arrear that arose on or before the as-of date', () => {
      expect(p.last_tax_arrear_date).toEqual({ value: '2026-06-01', ids: ids(paidLater) });
    });
  });

  describe('late tax filings as of 2026-10-01', () => {
    // 12-month window on filed_on: (2025-10-01, 2026-10-01]; 36-month: (2023-10-01, 2026-10-01].
    const lateIn12 = declaration('2026-05', '2026-06-15', '2026-07-20', true); // 35 days late
    const onTime12 = declaration('2026-08', '2026-09-15', '2026-09-10', false);
    const lateAtEdge = declaration('2025-08', '2025-09-15', '2025-10-01', true, 'CIT'); // filed exactly 12 months back: 36m only, 16 days late
    const lateOld = declaration('2023-08', '2023-09-15', '2023-10-02', true); // first day of the 36m window, 17 days late
    const outside = declaration('2023-08', '2023-09-15', '2023-10-01', true, 'CIT'); // exactly 36 months back
    const future = declaration('2026-08', '2026-09-15', '2026-10-02', true, 'CIT'); // filed after the as-of date
    const records = bundle((b) => b.declarations.push(lateIn12, onTime12, lateAtEdge, lateOld, outside, future));
    const p = profile(records, AS_OF);

    it('counts declarations flagged late by filing date in each window', () => {
      expect(p.late_tax_filings_12m).toEqual({ value: 1, ids: ids(lateIn12) });
      expect(p.late_tax_filings_36m).toEqual({ value: 3, ids: ids(lateIn12, lateAtEdge, lateOld) });
    });

    it('gives the late share of the declarations filed in the 36-month window', () => {
      // 3 late of 4 filed in the window.
      expect(p.late_tax_filing_share_36m).toEqual({ value: 0.75, ids: ids(lateIn12, onTime12, lateAtEdge, lateOld) });
    });

    it('reports the longest delay after due_on', () => {
      expect(p.longest_tax_filing_delay_days_36m).toEqual({ value: 35, ids: ids(lateIn12) });
    });

    it('is 0 (not null) when declarations were filed but none late', () => {
      const q = profile(bundle((b) => b.declarations.push(onTime12)), AS_OF);
      expect(q.late_tax_filings_12m).toEqual({ value: 0, ids: [] });
      expect(q.late_tax_filing_share_36m.value).toBe(0);
      expect(q.longest_tax_filing_delay_days_36m).toEqual({ value: 0, ids: ids(onTime12) });
    });

    it('is null when nothing was filed in the window', () => {
      const q = profile(bundle((b) => b.declarations.push(outside)), AS_OF);
      expect(q.late_tax_filings_12m.value).toBeNull();
      expect(q.late_tax_filings_36m.value).toBeNull();
      expect(q.longest_tax_filing_delay_days_36m.value).toBeNull();
    });
  });
});
