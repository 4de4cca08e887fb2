import { growth, ratio, wanToFen, yuanToFen } from '../../../src/profile/derive/amounts';
import { addDays, addMonths, addMonthsToPeriod, cstDate, daysBetween, lastMonths, monthsBetween, withinMonths } from '../../../src/profile/derive/calendar';

describe('profile calendar helpers', () => {
  it('takes the n complete months before the as-of month', () => {
    expect(lastMonths('2026-10-01', 12)).toEqual(['2025-10', '2026-09']);
    expect(lastMonths('2026-01-31', 3)).toEqual(['2025-10', '2025-12']);
  });

  it('moves dates by months, clamping to the month’s last day, and by days', () => {
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-10-01', -36)).toBe('2023-10-01');
    expect(addMonthsToPeriod('2026-01', -1)).toBe('2025-12');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
  });

  it('counts whole months only when the day is reached', () => {
    expect(monthsBetween('2020-03-15', '2026-10-14')).toBe(78);
    expect(monthsBetween('2020-03-15', '2026-10-15')).toBe(79);
  });

  it('windows (asOf − n months, asOf] include the as-of date and exclude the day n months before', () => {
    expect(withinMonths('2026-10-01', '2026-10-01', 12)).toBe(true);
    expect(withinMonths('2025-10-02', '2026-10-01', 12)).toBe(true);
    expect(withinMonths('2025-10-01', '2026-10-01', 12)).toBe(false);
    expect(withinMonths('2026-10-02', '2026-10-01', 12)).toBe(false);
  });

  it('gives the China Standard Time date of an instant', () => {
    expect(cstDate(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
    expect(cstDate(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
  });
});

describe('profile amounts', () => {
  it('parses yuan and 万元 strings to integer fen without floating point', () => {
    expect(yuanToFen('1234.50')).toBe(123450);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('50')).toBe(5000);
    expect(yuanToFen('1234.5')).toBe(123450);
    expect(wanToFen('500.0000')).toBe(500_000_000);
    expect(wanToFen('350.5000')).toBe(350_500_000);
    expect(wanToFen('0.0001')).toBe(100);
  });

  it('gives null for shares of nothing and growth from no base', () => {
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(1, 0)).toBeNull();
    expect(growth(120, 100)).toBe(0.2);
    expect(growth(5, 0)).toBeNull();
  });
});
