import { z } from 'zod';
import { validateUscc } from '../../src/domain/uscc';
import type { QuarantineReasonCode } from './quarantine-reason';
import { describeValue } from './validate';

/**
 * Zod field builders shared by every connector's stream schemas. Each failure is a custom issue
 * carrying its quarantine reason in `params.reasonCode` (read back by `validate.ts`), with a message
 * that says what was expected and what came instead. Call the builders at module load, never per
 * record: schemas are built once.
 */

type Ctx = z.core.$RefinementCtx<unknown>;

function reject(ctx: Ctx, value: unknown, reasonCode: QuarantineReasonCode, expected: string): void {
  ctx.addIssue({ code: 'custom', message: `expected ${expected}, got ${describeValue(value)}`, params: { reasonCode }, input: value });
}

/** A required, non-blank string (a blank one counts as missing). Kept as sent. */
export function text() {
  return z.string().superRefine((value, ctx) => {
    if (value.trim() === '') ctx.addIssue({ code: 'custom', message: 'required field is blank', params: { reasonCode: 'MISSING_FIELD' }, input: value });
  });
}

/** A string matching `pattern`; `expected` describes it in quarantine messages. */
export function pattern(regex: RegExp, expected: string) {
  return z.string().superRefine((value, ctx) => {
    if (!regex.test(value)) reject(ctx, value, 'INVALID_FORMAT', expected);
  });
}

/** A value from a fixed set (INVALID_ENUM otherwise). */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values);
}

/** A JSON boolean. */
export function flag() {
  return z.boolean();
}

/** A non-negative integer, optionally bounded above (OUT_OF_RANGE outside). */
export function count(options: { max?: number } = {}) {
  const base = z.number().int().min(0);
  return options.max === undefined ? base : base.max(options.max);
}

/** An integer within [min, max], e.g. a year or a score. */
export function integer(min: number, max: number) {
  return z.number().int().min(min).max(max);
}

/**
 * 统一社会信用代码 (GB 32100-2015), trimmed and upper-cased; INVALID_USCC naming the problem, e.g. the
 * check character it should have had. An organisation-code (GB 11714) mismatch is accepted: some real
 * codes fail it.
 */
export function uscc() {
  return z.string().transform((value, ctx) => {
    const result = validateUscc(value);
    if (result.valid) return result.uscc;
    ctx.addIssue({
      code: 'custom',
      message: `not a valid USCC ${describeValue(value)}: ${result.problem.message}`,
      params: { reasonCode: 'INVALID_USCC' },
      input: value,
    });
    return z.NEVER;
  });
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A `YYYY-MM-DD` calendar date, kept as a string (no time zone games); `2025-02-30` is INVALID_DATE. */
export function date() {
  return z.string().superRefine((value, ctx) => {
    const m = DATE.exec(value);
    if (m === null) return reject(ctx, value, 'INVALID_FORMAT', 'a YYYY-MM-DD date');
    if (!isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))) reject(ctx, value, 'INVALID_DATE', 'a real calendar date');
  });
}

/** A `YYYY-MM` period such as a tax or billing month. */
export function yearMonth() {
  return z.string().superRefine((value, ctx) => {
    const m = MONTH.exec(value);
    if (m === null) return reject(ctx, value, 'INVALID_FORMAT', 'a YYYY-MM period');
    const month = Number(m[2]);
    if (month < 1 || month > 12) reject(ctx, value, 'INVALID_DATE', 'a real month (01–12)');
  });
}

/** An ISO-8601 timestamp with a `Z` or `±hh:mm` offset, e.g. `2026-10-01T08:00:00.000Z`. */
export function timestamp() {
  return z.string().superRefine((value, ctx) => {
    const m = TIMESTAMP.exec(value);
    if (m === null) return reject(ctx, value, 'INVALID_FORMAT', 'an ISO-8601 timestamp with offset');
    const real =
      isRealDay(Number(m[1]), Number(m[2]), Number(m[3])) &&
      Number(m[4]) < 24 &&
      Number(m[5]) < 60 &&
      Number(m[6]) < 60 &&
      (m[7] === undefined || (Number(m[7]) < 24 && Number(m[8]) < 60));
    if (!real) reject(ctx, value, 'INVALID_DATE', 'a real calendar time');
  });
}

export interface DecimalOptions {
  /** Most digits after the point. */
  places: number;
  /** Inclusive upper bound, e.g. 1 for a share ratio. Default: none. */
  max?: number;
}

/**
 * A non-negative decimal number sent as a string (`"1234.50"`), kept as the string so no precision is
 * lost before the database's DECIMAL column. Negative → OUT_OF_RANGE; not a number → INVALID_FORMAT.
 */
export function decimal(options: DecimalOptions) {
  const { places, max } = options;
  const valid = new RegExp(places > 0 ? `^\\d+(?:\\.\\d{1,${places}})?$` : '^\\d+$');
  const negative = /^-\d+(?:\.\d+)?$/;
  const number = /^\d+(?:\.\d+)?$/;
  return z.string().superRefine((value, ctx) => {
    if (!valid.test(value)) {
      if (negative.test(value)) return reject(ctx, value, 'OUT_OF_RANGE', 'a non-negative amount');
      if (number.test(value)) return reject(ctx, value, 'INVALID_FORMAT', `at most ${places} decimal places`);
      return reject(ctx, value, 'INVALID_FORMAT', 'a decimal string');
    }
    if (max !== undefined && Number(value) > max) reject(ctx, value, 'OUT_OF_RANGE', `a value <= ${max}`);
  });
}

/** Yuan with two decimal places, e.g. `"1234.50"`. */
export function yuan() {
  return decimal({ places: 2 });
}

/** 万元 (10,000 yuan) with four decimal places, e.g. `"500.0000"`. */
export function wan() {
  return decimal({ places: 4 });
}
