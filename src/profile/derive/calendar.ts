/**
 * Calendar arithmetic on the agencies' own strings: dates `YYYY-MM-DD` and periods `YYYY-MM` (China
 * Standard Time calendar days, no time zones involved). Plain string comparison orders both.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM` of a date or a period. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** Months since year 0 of a `YYYY-MM` period (or a date), for differences. */
export function monthIndex(period: string): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

export function periodOfIndex(index: number): string {
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** The period `n` months after `period` (n may be negative). */
export const addMonthsToPeriod = (period: string, n: number): string => periodOfIndex(monthIndex(period) + n);

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date `n` months after `date`, clamped to the month's last day (2024-02-29 − 12 months → 2023-02-28). */
export function addMonths(date: string, n: number): string {
  const index = monthIndex(date) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysIn(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function addDays(date: string, n: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  const ms = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((ms(b) - ms(a)) / 86_400_000);
}

/** Whole months from `a` to `b`, counting a month only when its day is reached. */
export function monthsBetween(a: string, b: string): number {
  const months = monthIndex(b) - monthIndex(a);
  return Number(b.slice(8, 10)) >= Number(a.slice(8, 10)) ? months : months - 1;
}

/**
 * The `n` complete calendar months before the as-of date's month: as of 2026-10-01 and n = 12,
 * 2025-10 … 2026-09. Returned as inclusive `[from, to]` periods.
 */
export function lastMonths(asOf: string, n: number): readonly [from: string, to: string] {
  const end = monthIndex(asOf) - 1;
  return [periodOfIndex(end - n + 1), periodOfIndex(end)];
}

/** Whether `date` lies in (asOf − n months, asOf]: the last n months up to and including the as-of date. */
export function withinMonths(date: string, asOf: string, n: number): boolean {
  return date <= asOf && date > addMonths(asOf, -n);
}

/** The CST calendar date of an instant (UTC+8). */
export function cstDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
