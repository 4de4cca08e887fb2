import { ELECTRICITY_FIELDS } from '../../../src/profile/catalog/sections/electricity.fields';
import { addMonthsToPeriod } from '../../../src/profile/derive/calendar';
import { billingMonths, ISSUED_BY_DAY } from '../../../src/profile/derive/utility-bills';
import type { AccountRecord, BillRecord, EnterpriseRecords } from '../../../src/profile/derive/enterprise-records';
import { bundle, deriveOne, rec } from '../../support/profile-records';

const AS_OF = '2026-10-01'; // the 12 billing months: 2025-09 … 2026-08 (September's bills are issued by 2026-10-06)

type BillData = BillRecord['data'];
type AccountData = AccountRecord['data'];

/** A power bill of `period`; by default issued and paid on time in the next month (due the 20th, paid the 10th). */
function bill(period: string, consumption: string, over: Partial<BillData> = {}): BillRecord {
  const next = addMonthsToPeriod(period, 1);
  const data: BillData = {
    bill_id: `${over.account_no ?? '3700000001'}-${period.replace('-', '')}`,
    account_no: '3700000001',
    utility: 'power',
    period,
    consumption,
    unit: 'kWh',
    amount_yuan: '100.00',
    due_on: `${next}-20`,
    paid_on: `${next}-10`,
    late: false,
    arrears_yuan: '0.00',
    updated_at: `${next}-10T02:00:00.000Z`,
    ...over,
  };
  return rec('utility', 'bills', data, data.updated_at);
}

function waterBill(period: string, consumption: string, over: Partial<BillData> = {}): BillRecord {
  return bill(period, consumption, { account_no: 'SW00000001', utility: 'water', unit: 'm3', ...over });
}

function account(accountNo: string, over: Partial<AccountData> = {}, updatedAt = '2020-01-10T02:00:00.000Z'): AccountRecord {
  const data: AccountData = {
    account_no: accountNo,
    utility: 'power',
    holder_name: '济南测试科技有限公司',
    address: '山东省济南市历下区经十路1号',
    category: 'commercial',
    opened_on: '2020-01-10',
    status: 'active',
    updated_at: updatedAt,
    ...over,
  };
  return rec('utility', 'accounts', data, updatedAt);
}

const withBills = (...bills: BillRecord[]): EnterpriseRecords => bundle((b) => b.bills.push(...bills));
const value = (key: string, records: EnterpriseRecords, asOf = AS_OF) => deriveOne(key, records, asOf).value;
const ids = (key: string, records: EnterpriseRecords, asOf = AS_OF) => deriveOne(key, records, asOf).records.map((r) => r.id).sort();
const idsOf = (...records: { id: string }[]) => records.map((r) => r.id).sort();

describe('electricity section', () => {
  it('has exactly 18 fields with unique snake_case keys', () => {
    const keys = ELECTRICITY_FIELDS.map((f) => f.key);
    expect(keys).toHaveLength(18);
    expect(new Set(keys).size).toBe(18);
    for (const k of keys) expect(k).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    expect(ELECTRICITY_FIELDS.every((f) => f.section === 'electricity')).toBe(true);
  });

  describe('the billing months: the n months ending with the latest month whose bills are issued by the as-of date', () => {
    it('bills are issued by the 6th of the next month', () => {
      expect(ISSUED_BY_DAY).toBe(6);
    });

    it('end with the month two before the as-of month up to the 6th, with the month before it from the 7th', () => {
      expect(billingMonths('2026-10-01', 12)).toEqual(['2025-09', '2026-08']);
      expect(billingMonths('2026-10-06', 12)).toEqual(['2025-09', '2026-08']);
      expect(billingMonths('2026-10-07', 12)).toEqual(['2025-10', '2026-09']);
      expect(billingMonths('2026-10-31', 12)).toEqual(['2025-10', '2026-09']);
    });

    it('cross year ends and take any length', () => {
      expect(billingMonths('2026-01-06', 3)).toEqual(['2025-09', '2025-11']);
      expect(billingMonths('2026-01-07', 3)).toEqual(['2025-10', '2025-12']);
      expect(billingMonths('2026-02-01', 1)).toEqual(['2025-12', '2025-12']);
      expect(billingMonths('2026-10-01', 24)).toEqual(['2024-09', '2026-08']);
    });
  });

  it('holds 12 billed months whatever the as-of day when every bill is issued by the 6th', () => {
    const year = Array.from({ length: 13 }, (_, i) => bill(addMonthsToPeriod('2025-09', i), '100.00')); // 2025-09 … 2026-09
    const r = withBills(...year);
    for (const asOf of ['2026-10-01', '2026-10-06', '2026-10-07', '2026-10-31']) {
      expect({ asOf, kwh: value('electricity_kwh_12m', r, asOf), months: value('electricity_months_billed_12m', r, asOf) }).toEqual({ asOf, kwh: 1200, months: 12 });
    }
    expect(ids('electricity_kwh_12m', r, '2026-10-01')).toEqual(idsOf(...year.slice(0, 12)));
    expect(ids('electricity_kwh_12m', r, '2026-10-07')).toEqual(idsOf(...year.slice(1)));
  });

  describe('consumption over the 12 billing months', () => {
    const before = bill('2025-08', '500.00'); // just before the window
    const first = bill('2025-09', '1000.00'); // first month of the window
    const plant = bill('2025-09', '250.50', { account_no: '3700000002' }); // second account, same month
    const last = bill('2026-08', '2000.00'); // last month of the window
    const issued = bill('2026-09', '4000.00'); // the previous month: issued by 2026-10-06, in the window only from 2026-10-07
    const current = bill('2026-10', '8000.00'); // the as-of month has not ended: ignored
    const water = waterBill('2026-01', '77.00'); // water never counts here
    const records = withBills(before, first, plant, last, issued, current, water);

    it('sums every power account over the window: 1000 + 250.50 + 2000 = 3250.50 kWh', () => {
      expect(value('electricity_kwh_12m', records)).toBe(3250.5);
      expect(ids('electricity_kwh_12m', records)).toEqual(idsOf(first, plant, last));
    });

    it('averages per billed month: 3250.50 / 2 months = 1625.25 kWh', () => {
      expect(value('electricity_kwh_monthly_avg_12m', records)).toBe(1625.25);
    });

    it('counts distinct billed months (two accounts in one month count once)', () => {
      expect(value('electricity_months_billed_12m', records)).toBe(2);
    });

    it('sums the billed amounts in fen: 123.45 + 1000.00 yuan = 112345 fen', () => {
      const r = withBills(bill('2025-12', '10.00', { amount_yuan: '123.45' }), bill('2026-02', '10.00', { amount_yuan: '1000.00' }), bill('2025-08', '1.00', { amount_yuan: '9.99' }), bill('2026-09', '1.00', { amount_yuan: '7.77' }));
      expect(value('electricity_billed_amount_12m', r)).toBe(112345);
    });

    it('leaves out the previous month on the 6th and takes it in on the 7th (its bills are issued by the 6th)', () => {
      // As of 2026-10-06 still 2025-09 … 2026-08.
      expect(value('electricity_kwh_12m', records, '2026-10-06')).toBe(3250.5);
      expect(value('electricity_months_billed_12m', records, '2026-10-06')).toBe(2);
      expect(value('electricity_billed_amount_12m', records, '2026-10-06')).toBe(30000);
      // As of 2026-10-07: 2025-10 … 2026-09, so 2025-09 leaves and 2026-09 comes in: 2000 + 4000 = 6000.
      expect(value('electricity_kwh_12m', records, '2026-10-07')).toBe(6000);
      expect(ids('electricity_kwh_12m', records, '2026-10-07')).toEqual(idsOf(last, issued));
      expect(value('electricity_months_billed_12m', records, '2026-10-07')).toBe(2);
      expect(value('electricity_kwh_monthly_avg_12m', records, '2026-10-07')).toBe(3000);
    });

    it('moves with the as-of date: as of 2026-11-06 the window is 2025-10 … 2026-09, as of 2026-11-07 2025-11 … 2026-10', () => {
      expect(value('electricity_kwh_12m', records, '2026-11-06')).toBe(6000);
      expect(value('electricity_kwh_12m', records, '2026-11-07')).toBe(14000); // 2000 + 4000 + 8000
    });

    it('is null without power bills in the window; months billed is 0 with only older bills and null with none', () => {
      const old = withBills(bill('2024-05', '300.00'), waterBill('2026-03', '20.00'));
      expect(value('electricity_kwh_12m', old)).toBeNull();
      expect(value('electricity_kwh_monthly_avg_12m', old)).toBeNull();
      expect(value('electricity_billed_amount_12m', old)).toBeNull();
      expect(value('electricity_months_billed_12m', old)).toBe(0);
      expect(value('electricity_months_billed_12m', withBills(waterBill('2026-03', '20.00')))).toBeNull();
    });
  });

  describe('spread of the monthly totals', () => {
    const a = bill('2025-11', '100.00');
    const b = bill('2026-01', '150.00');
    const b2 = bill('2026-01', '50.00', { account_no: '3700000002' }); // 2026-01 totals 200
    const c = bill('2026-05', '300.00');
    const records = withBills(a, b, b2, c, bill('2024-12', '5000.00'));

    it('coefficient of variation of 100, 200, 300: sd = sqrt(20000 / 3) = 81.6497, / mean 200 = 0.4082', () => {
      expect(value('electricity_kwh_cv_12m', records)).toBe(0.4082);
    });

    it('peak-to-trough: 300 / 100 = 3, with the peak and trough bills as provenance', () => {
      expect(value('electricity_peak_trough_ratio_12m', records)).toBe(3);
      expect(ids('electricity_peak_trough_ratio_12m', records)).toEqual(idsOf(a, c));
    });

    it('both are null with fewer than 3 billed months', () => {
      const two = withBills(a, c);
      expect(value('electricity_kwh_cv_12m', two)).toBeNull();
      expect(value('electricity_peak_trough_ratio_12m', two)).toBeNull();
    });
  });

  describe('year-on-year growth, like for like', () => {
    // Billing months as of 2026-10-01: 2025-09 … 2026-08.
    const prevSep = bill('2024-09', '1000.00');
    const sep = bill('2025-09', '1100.00');
    const oct = bill('2025-10', '900.00'); // no 2024-10 bill: left out
    const prevAug = bill('2025-08', '1200.00');
    const jun = bill('2026-06', '800.00'); // no 2025-06 bill: left out
    const aug = bill('2026-08', '1320.00');
    const nextSep = bill('2026-09', '2200.00'); // issued by 2026-10-06: outside the window until the 7th
    const records = withBills(prevSep, sep, oct, prevAug, jun, aug, nextSep);

    it('12 months: (1100 + 1320) / (1000 + 1200) − 1 = 0.1, from the paired months only', () => {
      expect(value('electricity_kwh_yoy_growth', records)).toBe(0.1);
      expect(ids('electricity_kwh_yoy_growth', records)).toEqual(idsOf(prevSep, sep, prevAug, aug));
    });

    it('last 3 billing months (2026-06 … 2026-08): 1320 / 1200 − 1 = 0.1', () => {
      expect(value('electricity_kwh_3m_yoy_growth', records)).toBe(0.1);
      expect(ids('electricity_kwh_3m_yoy_growth', records)).toEqual(idsOf(prevAug, aug));
    });

    it('takes in the previous month from the 7th: as of 2026-10-07, (1320 + 2200) / (1200 + 1100) − 1 = 0.5304', () => {
      expect(value('electricity_kwh_3m_yoy_growth', records, '2026-10-06')).toBe(0.1);
      // 3 months 2026-07 … 2026-09; 12 months 2025-10 … 2026-09, where 2025-09 is now only the year-earlier month.
      expect(value('electricity_kwh_3m_yoy_growth', records, '2026-10-07')).toBe(0.5304);
      expect(ids('electricity_kwh_3m_yoy_growth', records, '2026-10-07')).toEqual(idsOf(prevAug, aug, sep, nextSep));
      expect(value('electricity_kwh_yoy_growth', records, '2026-10-07')).toBe(0.5304);
    });

    it('is null when no month is billed in both years', () => {
      const r = withBills(oct, jun, nextSep);
      expect(value('electricity_kwh_yoy_growth', r)).toBeNull();
      expect(value('electricity_kwh_3m_yoy_growth', r)).toBeNull();
    });
  });

  describe('idle months', () => {
    it('counts months below 10% of the 24-month peak: peak 10000 (2025-01) → 900 is idle, 1000 is not', () => {
      const outside24 = bill('2024-08', '50000.00'); // before the 24 billing months (2024-09 … 2026-08): not the peak
      const peak = bill('2025-01', '10000.00');
      const idle = bill('2025-09', '900.00');
      const records = withBills(outside24, peak, idle, bill('2025-11', '1000.00'), bill('2026-01', '5000.00'));
      expect(value('electricity_idle_months_12m', records)).toBe(1);
      expect(ids('electricity_idle_months_12m', records)).toEqual(idsOf(idle, peak));
    });

    it('takes the peak over the 24 billing months: 2024-09 counts up to the 6th of 2026-10, not from the 7th', () => {
      const edge = bill('2024-09', '20000.00');
      const records = withBills(edge, bill('2025-10', '1500.00'), bill('2026-01', '1500.00'));
      // Up to 2026-10-06 the peak is 20000 (threshold 2000): both 1500 months are idle.
      expect(value('electricity_idle_months_12m', records, '2026-10-06')).toBe(2);
      expect(ids('electricity_idle_months_12m', records, '2026-10-06')).toContain(edge.id);
      // From 2026-10-07 the 24 months are 2024-10 … 2026-09: peak 1500, threshold max(150, 100).
      expect(value('electricity_idle_months_12m', records, '2026-10-07')).toBe(0);
    });

    it('counts months below the 100 kWh floor even when the peak is small: 80 < max(15, 100)', () => {
      expect(value('electricity_idle_months_12m', withBills(bill('2026-02', '80.00'), bill('2026-03', '150.00')))).toBe(1);
    });

    it('is null without bills in the window', () => {
      expect(value('electricity_idle_months_12m', withBills(bill('2025-01', '10.00')))).toBeNull();
    });
  });

  describe('accounts on the as-of date', () => {
    const open = account('3700000001');
    const closedBefore = account('3700000002', { status: 'closed' }, '2026-09-30T15:59:59.000Z'); // 2026-09-30 23:59 CST
    const closedAfter = account('3700000003', { status: 'closed', category: 'industrial' }, '2026-09-30T16:00:00.000Z'); // 2026-10-01 00:00 CST
    const billedLater = account('3700000004', { status: 'closed' }, '2026-02-01T02:00:00.000Z');
    const notYet = account('3700000005', { opened_on: '2026-10-02' });
    const water = account('SW00000001', { utility: 'water' });
    const records = bundle((b) => {
      b.accounts.push(open, closedBefore, closedAfter, billedLater, notYet, water);
      b.bills.push(bill('2026-11', '10.00', { account_no: '3700000004' }));
    });

    it('counts open power accounts: active, closed after the as-of date, or billed for a later month', () => {
      // closedAfter: 2026-09-30T16:00Z is 2026-10-01 00:00 CST, not after the as-of date, so it is closed;
      // as of 2026-09-30 it was still open.
      expect(value('electricity_active_accounts', records)).toBe(2);
      expect(ids('electricity_active_accounts', records)).toEqual(idsOf(open, billedLater));
      expect(value('electricity_active_accounts', records, '2026-09-30')).toBe(3);
      expect(ids('electricity_closed_accounts', records)).toEqual(idsOf(closedBefore, closedAfter));
      expect(value('electricity_closed_accounts', records)).toBe(2);
    });

    it('counts open industrial accounts', () => {
      expect(value('electricity_industrial_accounts', records)).toBe(0);
      expect(value('electricity_industrial_accounts', records, '2026-09-30')).toBe(1);
      expect(ids('electricity_industrial_accounts', records, '2026-09-30')).toEqual(idsOf(closedAfter));
    });

    it('is null when no power account was opened by the as-of date', () => {
      const r = bundle((b) => b.accounts.push(water, notYet));
      expect(value('electricity_active_accounts', r)).toBeNull();
      expect(value('electricity_industrial_accounts', r)).toBeNull();
      expect(value('electricity_closed_accounts', r)).toBeNull();
    });
  });

  it('latest billed period goes by period, not by the billing months: 2026-09 as of 2026-10-01; ignores the as-of month; null without bills', () => {
    const aug = bill('2026-08', '1.00');
    const sep = bill('2026-09', '1.00');
    const r = withBills(aug, sep, bill('2026-10', '1.00'));
    expect(value('electricity_latest_bill_period', r)).toBe('2026-09');
    expect(ids('electricity_latest_bill_period', r)).toEqual(idsOf(sep));
    expect(value('electricity_latest_bill_period', withBills(waterBill('2026-09', '1.00')))).toBeNull();
  });

  describe('payments, rebuilt from due_on and paid_on', () => {
    it('late payments of power and water bills due in (asOf − 12 months, asOf)', () => {
      const atBoundary = bill('2025-09', '1', { due_on: '2025-10-01', paid_on: '2025-10-09' }); // due on the window's open end: out
      const lateInside = bill('2025-09', '1', { bill_id: 'p2', due_on: '2025-10-02', paid_on: '2025-10-05' });
      const waterUnpaid = waterBill('2026-04', '1', { due_on: '2026-05-20', paid_on: null });
      const onDueDay = bill('2026-05', '1', { due_on: '2026-06-20', paid_on: '2026-06-20' }); // on time
      const paidAfterAsOf = bill('2026-08', '1', { due_on: '2026-09-20', paid_on: '2026-10-05', late: true });
      const dueToday = bill('2026-09', '1', { due_on: '2026-10-01', paid_on: null }); // not late yet
      const records = withBills(atBoundary, lateInside, waterUnpaid, onDueDay, paidAfterAsOf, dueToday);
      expect(value('utility_late_payments_12m', records)).toBe(3);
      expect(ids('utility_late_payments_12m', records)).toEqual(idsOf(lateInside, waterUnpaid, paidAfterAsOf));
      // A day later the bill due on 2026-10-01 is late too, and the one due 2025-10-02 has left the window.
      expect(ids('utility_late_payments_12m', records, '2026-10-02')).toEqual(idsOf(waterUnpaid, paidAfterAsOf, dueToday));
      expect(value('utility_late_payments_12m', withBills(bill('2024-01', '1')))).toBeNull();
    });

    it('overdue power bills and their amount at the as-of date, however old', () => {
      const paidAfterAsOf = bill('2026-08', '1', { amount_yuan: '200.50', due_on: '2026-09-20', paid_on: '2026-10-05' });
      const neverPaid = bill('2024-11', '1', { amount_yuan: '1000.00', due_on: '2024-12-20', paid_on: null });
      const dueToday = bill('2026-09', '1', { due_on: '2026-10-01', paid_on: null });
      const paidLateBefore = bill('2026-03', '1', { due_on: '2026-04-20', paid_on: '2026-05-20' });
      const water = waterBill('2026-05', '1', { due_on: '2026-06-20', paid_on: null });
      const records = withBills(paidAfterAsOf, neverPaid, dueToday, paidLateBefore, water);
      expect(value('electricity_overdue_bills', records)).toBe(2);
      expect(ids('electricity_overdue_bills', records)).toEqual(idsOf(paidAfterAsOf, neverPaid));
      // 200.50 + 1000.00 yuan.
      expect(value('electricity_overdue_amount', records)).toBe(120050);
      // After the payment on 2026-10-05 only the never-paid bill and the one due 2026-10-01 remain.
      expect(value('electricity_overdue_amount', records, '2026-10-06')).toBe(110000);
    });

    it('overdue fields are 0 when all is paid and null when no power bill had fallen due', () => {
      expect(value('electricity_overdue_bills', withBills(bill('2026-01', '1')))).toBe(0);
      expect(value('electricity_overdue_amount', withBills(bill('2026-01', '1')))).toBe(0);
      const notDue = withBills(bill('2026-09', '1', { due_on: '2026-10-10', paid_on: null }));
      expect(value('electricity_overdue_bills', notDue)).toBeNull();
      expect(value('electricity_overdue_amount', notDue)).toBeNull();
    });

    it('max arrears over bills due in the last 12 months', () => {
      const outside = bill('2025-08', '1', { due_on: '2025-09-30', arrears_yuan: '9999.00' });
      const high = bill('2026-02', '1', { arrears_yuan: '350.20' });
      const records = withBills(outside, bill('2026-01', '1', { arrears_yuan: '120.00' }), high, bill('2026-03', '1'));
      expect(value('electricity_max_arrears_12m', records)).toBe(35020);
      expect(ids('electricity_max_arrears_12m', records)).toEqual(idsOf(high));
      expect(value('electricity_max_arrears_12m', withBills(outside))).toBeNull();
    });

    it('max days past due: paid late 30 days, unpaid 61 days at the as-of date; delays due before the window are ignored', () => {
      const paidLate = bill('2026-02', '1', { due_on: '2026-03-10', paid_on: '2026-04-09' }); // 30 days
      const unpaid = bill('2026-07', '1', { due_on: '2026-08-01', paid_on: null }); // 31 (Aug) + 30 (Sep) = 61 days to 2026-10-01
      const beforeWindow = bill('2025-05', '1', { due_on: '2025-06-01', paid_on: '2025-12-01' }); // 183 days, due before the window
      expect(value('electricity_max_days_past_due_12m', withBills(paidLate, unpaid, beforeWindow))).toBe(61);
      expect(ids('electricity_max_days_past_due_12m', withBills(paidLate, unpaid, beforeWindow))).toEqual(idsOf(unpaid));
      expect(value('electricity_max_days_past_due_12m', withBills(paidLate, beforeWindow))).toBe(30);
    });

    it('max days past due counts a bill still unpaid however old: 2024-12-31 → 2026-10-01 = 365 + 274 = 639 days', () => {
      expect(value('electricity_max_days_past_due_12m', withBills(bill('2024-11', '1', { due_on: '2024-12-31', paid_on: null })))).toBe(639);
    });

    it('max days past due is 0 when paid on time and null when nothing fell due', () => {
      expect(value('electricity_max_days_past_due_12m', withBills(bill('2026-03', '1')))).toBe(0);
      expect(value('electricity_max_days_past_due_12m', withBills(bill('2026-09', '1', { due_on: '2026-10-20', paid_on: null })))).toBeNull();
    });
  });
});
