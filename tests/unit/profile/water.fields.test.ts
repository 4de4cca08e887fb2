import { WATER_FIELDS } from '../../../src/profile/catalog/sections/water.fields';
import { ELECTRICITY_FIELDS } from '../../../src/profile/catalog/sections/electricity.fields';
import { addMonthsToPeriod } from '../../../src/profile/derive/calendar';
import type { AccountRecord, BillRecord, EnterpriseRecords } from '../../../src/profile/derive/enterprise-records';
import { bundle, deriveOne, rec } from '../../support/profile-records';

const AS_OF = '2026-10-01'; // the 12 billing months: 2025-09 … 2026-08 (September's bills are issued by 2026-10-06)

type BillData = BillRecord['data'];

/** A water bill of `period`, by default paid on time (due the 20th of the next month, paid the 10th). */
function bill(period: string, consumption: string, over: Partial<BillData> = {}): BillRecord {
  const next = addMonthsToPeriod(period, 1);
  const data: BillData = {
    bill_id: `${over.account_no ?? 'SW00000001'}-${period.replace('-', '')}`,
    account_no: 'SW00000001',
    utility: 'water',
    period,
    consumption,
    unit: 'm3',
    amount_yuan: '46.00',
    due_on: `${next}-20`,
    paid_on: `${next}-10`,
    late: false,
    arrears_yuan: '0.00',
    updated_at: `${next}-10T02:00:00.000Z`,
    ...over,
  };
  return rec('utility', 'bills', data, data.updated_at);
}

const powerBill = (period: string, consumption: string, over: Partial<BillData> = {}): BillRecord =>
  bill(period, consumption, { account_no: '3700000001', utility: 'power', unit: 'kWh', ...over });

function account(accountNo: string, over: Partial<AccountRecord['data']> = {}, updatedAt = '2020-01-10T02:00:00.000Z'): AccountRecord {
  const data: AccountRecord['data'] = {
    account_no: accountNo,
    utility: 'water',
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

describe('water section', () => {
  it('has exactly 12 fields with unique snake_case keys, none shared with electricity', () => {
    const keys = WATER_FIELDS.map((f) => f.key);
    expect(keys).toHaveLength(12);
    expect(new Set(keys).size).toBe(12);
    for (const k of keys) expect(k).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    const power = new Set(ELECTRICITY_FIELDS.map((f) => f.key));
    expect(keys.filter((k) => power.has(k))).toEqual([]);
    expect(WATER_FIELDS.every((f) => f.section === 'water' && f.sources.includes('utility'))).toBe(true);
  });

  describe('consumption over the 12 billing months', () => {
    const before = bill('2025-08', '50.00'); // outside
    const first = bill('2025-09', '100.00'); // first month of the window
    const second = bill('2025-09', '20.25', { account_no: 'SW00000002' }); // other water account, same month
    const mar = bill('2026-03', '200.00');
    const aug = bill('2026-08', '300.00'); // last month of the window
    const sep = bill('2026-09', '400.00'); // issued by 2026-10-06: in the window only from 2026-10-07
    const current = bill('2026-10', '999.00'); // the as-of month: ignored
    const power = powerBill('2026-01', '5000.00'); // power never counts here
    const records = withBills(before, first, second, mar, aug, sep, current, power);

    it('sums all water accounts: 100 + 20.25 + 200 + 300 = 620.25 m³', () => {
      expect(value('water_m3_12m', records)).toBe(620.25);
      expect(ids('water_m3_12m', records)).toEqual(idsOf(first, second, mar, aug));
    });

    it('leaves out the previous month on the 6th and takes it in on the 7th (its bills are issued by the 6th)', () => {
      expect(value('water_m3_12m', records, '2026-10-06')).toBe(620.25);
      expect(value('water_months_billed_12m', records, '2026-10-06')).toBe(3);
      // As of 2026-10-07: 2025-10 … 2026-09, so 2025-09 leaves and 2026-09 comes in: 200 + 300 + 400 = 900.
      expect(value('water_m3_12m', records, '2026-10-07')).toBe(900);
      expect(ids('water_m3_12m', records, '2026-10-07')).toEqual(idsOf(mar, aug, sep));
      expect(value('water_months_billed_12m', records, '2026-10-07')).toBe(3);
      expect(value('water_billed_amount_12m', records, '2026-10-07')).toBe(13800);
    });

    it('averages per billed month: 620.25 / 3 = 206.75 m³', () => {
      expect(value('water_m3_monthly_avg_12m', records)).toBe(206.75);
    });

    it('months billed: 3 distinct periods', () => {
      expect(value('water_months_billed_12m', records)).toBe(3);
    });

    it('coefficient of variation of 120.25, 200, 300', () => {
      // mean 206.75; deviations −86.5, −6.75, 93.25; variance (7482.25 + 45.5625 + 8695.5625) / 3 = 5407.7917;
      // sd 73.5377; cv 0.3557.
      expect(value('water_m3_cv_12m', records)).toBe(0.3557);
    });

    it('billed amount: 4 bills of 46.00 yuan in the window = 18400 fen', () => {
      expect(value('water_billed_amount_12m', records)).toBe(18400);
    });

    it('latest billed period goes by period: 2026-09, after the window, as the as-of month is not billed yet', () => {
      expect(value('water_latest_bill_period', records)).toBe('2026-09');
      expect(ids('water_latest_bill_period', records)).toEqual(idsOf(sep));
    });

    it('is null with only power bills', () => {
      const r = withBills(power);
      for (const key of ['water_m3_12m', 'water_m3_monthly_avg_12m', 'water_m3_cv_12m', 'water_months_billed_12m', 'water_billed_amount_12m', 'water_latest_bill_period', 'water_idle_months_12m']) {
        expect({ key, value: value(key, r) }).toEqual({ key, value: null });
      }
    });
  });

  it('year-on-year growth compares months billed in both years: (110 + 90) / (100 + 100) − 1 = 0', () => {
    const r = withBills(bill('2024-10', '100.00'), bill('2025-10', '110.00'), bill('2025-08', '100.00'), bill('2026-08', '90.00'), bill('2026-01', '500.00'));
    expect(value('water_m3_yoy_growth', r)).toBe(0);
    // Last 3 billing months (2026-06 … 2026-08): only 2026-08 pairs: 90 / 100 − 1 = −0.1.
    expect(value('water_m3_3m_yoy_growth', r)).toBe(-0.1);
    // A 2026-09 bill (paired with 2025-09) counts from the 7th: 3 months 2026-07 … 2026-09, (90 + 120) / (100 + 100) − 1 = 0.05.
    const r2 = withBills(bill('2025-08', '100.00'), bill('2026-08', '90.00'), bill('2025-09', '100.00'), bill('2026-09', '120.00'));
    expect(value('water_m3_3m_yoy_growth', r2, '2026-10-06')).toBe(-0.1);
    expect(value('water_m3_3m_yoy_growth', r2, '2026-10-07')).toBe(0.05);
    expect(value('water_m3_yoy_growth', withBills(bill('2026-01', '500.00')))).toBeNull();
  });

  it('idle months: below 10% of the 24-month peak or below 5 m³', () => {
    const peak = bill('2025-06', '100.00'); // threshold max(10, 5) = 10
    const idle = bill('2026-02', '9.99');
    const r = withBills(peak, idle, bill('2026-03', '10.00'));
    expect(value('water_idle_months_12m', r)).toBe(1);
    expect(ids('water_idle_months_12m', r)).toEqual(idsOf(idle, peak));
    // A small peak: threshold max(0.6, 5) = 5 → 4 m³ is idle, 6 m³ is not.
    expect(value('water_idle_months_12m', withBills(bill('2026-02', '4.00'), bill('2026-03', '6.00')))).toBe(1);
  });

  it('active water accounts, rebuilt at the as-of date; null without a water account', () => {
    const open = account('SW00000001');
    const closedLater = account('SW00000002', { status: 'closed' }, '2026-12-01T02:00:00.000Z');
    const closed = account('SW00000003', { status: 'closed' }, '2026-03-01T02:00:00.000Z');
    const power = account('3700000001', { utility: 'power' });
    const r = bundle((b) => b.accounts.push(open, closedLater, closed, power));
    expect(value('water_active_accounts', r)).toBe(2);
    expect(ids('water_active_accounts', r)).toEqual(idsOf(open, closedLater));
    expect(value('water_active_accounts', r, '2019-12-31')).toBeNull(); // nothing opened yet
    expect(value('water_active_accounts', bundle((b) => b.accounts.push(power)))).toBeNull();
  });

  it('overdue water amount at the as-of date: unpaid and paid-after-as-of bills, not power', () => {
    const unpaid = bill('2026-07', '1', { amount_yuan: '46.00', due_on: '2026-08-20', paid_on: null });
    const paidAfter = bill('2026-08', '1', { amount_yuan: '23.50', due_on: '2026-09-20', paid_on: '2026-10-03' });
    const power = powerBill('2026-07', '1', { amount_yuan: '999.00', due_on: '2026-08-20', paid_on: null });
    const r = withBills(unpaid, paidAfter, power, bill('2026-05', '1'));
    expect(value('water_overdue_amount', r)).toBe(6950);
    expect(ids('water_overdue_amount', r)).toEqual(idsOf(unpaid, paidAfter));
    expect(value('water_overdue_amount', withBills(bill('2026-05', '1')))).toBe(0);
    expect(value('water_overdue_amount', withBills(power))).toBeNull();
  });

  it('max days past due: 42 days (unpaid since 2026-08-20) over 5 days paid late', () => {
    const unpaid = bill('2026-07', '1', { due_on: '2026-08-20', paid_on: null }); // 11 (Aug) + 30 (Sep) + 1 = 42 days to 2026-10-01
    const late = bill('2026-01', '1', { due_on: '2026-02-20', paid_on: '2026-02-25' }); // 5 days
    expect(value('water_max_days_past_due_12m', withBills(unpaid, late))).toBe(42);
    expect(value('water_max_days_past_due_12m', withBills(late))).toBe(5);
    expect(ids('water_max_days_past_due_12m', withBills(late))).toEqual(idsOf(late));
    expect(value('water_max_days_past_due_12m', withBills(powerBill('2026-01', '1')))).toBeNull();
  });
});
