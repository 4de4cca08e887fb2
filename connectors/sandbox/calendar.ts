/**
 * Time in the sandbox is whole seconds since the Unix epoch (they fit a Uint32 until 2106). Agency
 * dates (`YYYY-MM-DD`, periods `YYYY-MM`) are China Standard Time (UTC+8) calendar dates, while
 * `updated_at` is served in UTC. Months are counted as `year * 12 + monthIndex0`.
 */

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { floor } = Math;

export const DAY = 86_400;
export const HOUR = 3_600;
export const YEAR = 365.25 * DAY;
const CST = 8 * HOUR;

/** The simulated window: history before `start`, and the events still to come after it. */
export interface Horizon {
  /** Start of history (start − 36 months). */
  readonly from: number;
  /** The sandbox's start instant. */
  readonly start: number;
  /** End of the simulated future (start + 24 months); nothing happens after it. */
  readonly to: number;
  /** CST month of `start`. */
  readonly startMonth: number;
  /** First CST month whose periodic records (declarations, reports) are generated. */
  readonly fromMonth: number;
}

export const HISTORY_MONTHS = 36;
export const FUTURE_MONTHS = 24;

export function horizonFor(start: Date): Horizon {
  const s = floor(start.getTime() / 1000);
  const shift = (months: number): number => {
    const d = new Date(start.getTime());
    d.setUTCMonth(d.getUTCMonth() + months);
    return floor(d.getTime() / 1000);
  };
  return {
    from: shift(-HISTORY_MONTHS),
    start: s,
    to: shift(FUTURE_MONTHS),
    startMonth: monthOf(s),
    fromMonth: monthOf(s) - HISTORY_MONTHS,
  };
}

/** CST month number of an instant (pure arithmetic: this runs millions of times per index build). */
export function monthOf(t: number): number {
  const { year, month1 } = civilFromDays(floor((t + CST) / DAY));
  return year * 12 + month1 - 1;
}

/** Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): { year: number; month1: number } {
  const z = days + 719_468;
  const era = floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = floor((doe - floor(doe / 1460) + floor(doe / 36_524) - floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100));
  const mp = floor((5 * doy + 2) / 153);
  const month1 = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month1 <= 2 ? 1 : 0), month1 };
}

const monthStarts = new Map<number, number>();

/** Instant of CST midnight on `day` (1-based, may overflow into the next month) of a month. */
export function monthDay(month: number, day: number): number {
  return monthStart(month) + (day - 1) * DAY;
}

/** Instant of CST midnight starting a month. */
export function monthStart(month: number): number {
  let s = monthStarts.get(month);
  if (s === undefined) {
    s = Date.UTC(floor(month / 12), month % 12, 1) / 1000 - CST;
    monthStarts.set(month, s);
  }
  return s;
}

/** CST calendar year of an instant. */
export function yearOf(t: number): number {
  return floor(monthOf(t) / 12);
}

/** Instant of CST midnight on a calendar date (month 1-12). */
export function dateAt(year: number, month1: number, day: number): number {
  return Date.UTC(year, month1 - 1, day) / 1000 - CST;
}

/** CST midnight of the day containing `t`. */
export function dayStart(t: number): number {
  return floor((t + CST) / DAY) * DAY - CST;
}

/** An instant during local office hours (08:30–18:00 CST) on the day containing `t`, `u` in [0,1). */
export function officeHours(t: number, u: number): number {
  return dayStart(t) + 8.5 * HOUR + floor(u * 9.5 * HOUR);
}

const dayStrings = new Map<number, string>();

/** `YYYY-MM-DD` (CST) of an instant. */
export function cstDate(t: number): string {
  const day = floor((t + CST) / DAY);
  return utcDayString(day);
}

function utcDayString(day: number): string {
  let s = dayStrings.get(day);
  if (s === undefined) {
    s = new Date(day * DAY * 1000).toISOString().slice(0, 10);
    dayStrings.set(day, s);
  }
  return s;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** ISO-8601 UTC with milliseconds of an epoch-ms instant, e.g. `2026-10-01T08:15:03.042Z`. */
export function isoUtcMs(tMs: number): string {
  const t = floor(tMs / 1000);
  const ms = tMs - t * 1000;
  const day = floor(t / DAY);
  const s = t - day * DAY;
  const msText = ms < 10 ? `00${ms}` : ms < 100 ? `0${ms}` : String(ms);
  return `${utcDayString(day)}T${two(floor(s / HOUR))}:${two(floor((s % HOUR) / 60))}:${two(s % 60)}.${msText}Z`;
}

/** `YYYY-MM` of a month number. */
export function periodString(month: number): string {
  return `${floor(month / 12)}-${two((month % 12) + 1)}`;
}
