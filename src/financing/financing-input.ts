import { createHash } from 'node:crypto';
import { HubError } from '../errors/hub-error';
import { cstDate } from '../profile/derive/calendar';
import {
  FINANCING_EVENT_KINDS,
  FINANCING_PRODUCTS,
  IDEMPOTENCY_KEY,
  MAX_AMOUNT_FEN,
  MAX_ANNUAL_RATE_BP,
  MAX_NOTE_LENGTH,
  MAX_PLEDGED_PATENTS,
  MAX_TERM_MONTHS,
  type FinancingEventKind,
  type FinancingProduct,
} from './financing.types';

/**
 * Checks of what a client sends, each failing with BAD_USER_INPUT naming the argument and what was
 * wrong. GraphQL's SafeInt already refuses fractions and values past 2^53; these checks also cover
 * callers outside GraphQL (and JavaScript numbers such as 1e21).
 */
const bad = (argument: string, message: string, details: Record<string, unknown> = {}) => new HubError('BAD_USER_INPUT', message, { details: { argument, ...details } });

/** An amount in fen: a whole number from 1 to MAX_AMOUNT_FEN. */
export function parseAmountFen(value: number, argument = 'amountFen'): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value)) throw bad(argument, `${argument} must be a whole number of fen (分), got ${String(value)}`);
  if (value <= 0) throw bad(argument, `${argument} must be more than 0 fen, got ${value}`);
  if (value > MAX_AMOUNT_FEN) throw bad(argument, `${argument} ${value} is above the largest amount accepted (${MAX_AMOUNT_FEN} fen, 1,000 亿元)`, { max: MAX_AMOUNT_FEN });
  return value;
}

export function parseOptionalAmountFen(value: number | null | undefined, argument = 'amountFen'): number | null {
  return value === null || value === undefined ? null : parseAmountFen(value, argument);
}

/** A `YYYY-MM-DD` calendar date that exists, from 1990-01-01 up to today (China Standard Time). */
export function parseEventDate(value: string, argument = 'occurredOn', now: Date = new Date()): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const valid = m !== null && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === text;
  if (!valid) throw bad(argument, `${argument} must be a calendar date YYYY-MM-DD, got '${String(value)}'`);
  if (text < '1990-01-01') throw bad(argument, `${argument} ${text} is before 1990-01-01`);
  const today = cstDate(now);
  if (text > today) throw bad(argument, `${argument} ${text} is in the future (today is ${today}, China Standard Time)`);
  return text;
}

export function parseIdempotencyKey(value: string): string {
  if (typeof value !== 'string' || !IDEMPOTENCY_KEY.test(value)) {
    throw bad('idempotencyKey', 'idempotencyKey must be 1–128 visible ASCII characters (no spaces), e.g. a UUID');
  }
  return value;
}

export function parseProduct(value: string): FinancingProduct {
  if (!(FINANCING_PRODUCTS as readonly string[]).includes(value)) throw bad('product', `product must be one of ${FINANCING_PRODUCTS.join(', ')}`);
  return value as FinancingProduct;
}

export function parseEventKind(value: string): FinancingEventKind {
  if (!(FINANCING_EVENT_KINDS as readonly string[]).includes(value)) throw bad('kind', `kind must be one of ${FINANCING_EVENT_KINDS.join(', ')}`);
  return value as FinancingEventKind;
}

export function parseTermMonths(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_TERM_MONTHS) throw bad('termMonths', `termMonths must be a whole number from 1 to ${MAX_TERM_MONTHS}, got ${String(value)}`);
  return value;
}

export function parseAnnualRateBp(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > MAX_ANNUAL_RATE_BP) {
    throw bad('annualRateBp', `annualRateBp must be whole basis points from 0 to ${MAX_ANNUAL_RATE_BP} (100 %), got ${String(value)}`);
  }
  return value;
}

export function parseNote(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text.length > MAX_NOTE_LENGTH) throw bad('note', `note must be at most ${MAX_NOTE_LENGTH} characters, got ${text.length}`);
  return text === '' ? null : text;
}

/** A CNIPA application number, e.g. `CN202310123456.7` (as the patent office's records spell it). */
const APPLICATION_NO = /^CN\d{12}\.[0-9X]$/;

/**
 * The patents pledged for a loan: required (1–50 distinct application numbers) for IP_PLEDGE_LOAN,
 * refused for every other product. Trimmed and upper-cased; returned sorted and distinct.
 */
export function parsePledgedPatents(product: FinancingProduct, value: readonly string[] | null | undefined): string[] {
  const list = [...new Set((value ?? []).map((p) => p.trim().toUpperCase()))].sort();
  if (product !== 'IP_PLEDGE_LOAN') {
    if (list.length > 0) throw bad('pledgedPatents', `pledgedPatents are for IP_PLEDGE_LOAN only, not ${product}`);
    return [];
  }
  if (list.length === 0) throw bad('pledgedPatents', 'an IP_PLEDGE_LOAN needs pledgedPatents: the application numbers of the patents pledged');
  if (list.length > MAX_PLEDGED_PATENTS) throw bad('pledgedPatents', `at most ${MAX_PLEDGED_PATENTS} pledgedPatents, got ${list.length}`);
  const malformed = list.filter((p) => !APPLICATION_NO.test(p));
  if (malformed.length > 0) throw bad('pledgedPatents', `pledgedPatents ${malformed.join(', ')} are not CNIPA application numbers like CN202310123456.7`, { invalid: malformed });
  return list;
}

/** SHA-256 over a request's normalised fields in a fixed order: equal for a retry, different for another request. */
export function requestHash(operation: string, fields: Record<string, unknown>): string {
  const ordered = Object.keys(fields)
    .sort()
    .map((k) => [k, fields[k] === undefined ? null : fields[k]]);
  return createHash('sha256').update(JSON.stringify([operation, ordered]), 'utf8').digest('hex');
}
