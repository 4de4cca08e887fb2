import { HubError } from '../../../src/errors/hub-error';
import { parseAmountFen, parseEventDate, parseIdempotencyKey, parsePledgedPatents, requestHash } from '../../../src/financing/financing-input';
import { MAX_AMOUNT_FEN } from '../../../src/financing/financing.types';

const codeOf = (fn: () => unknown): [string, unknown] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof HubError) return [error.code, error.details?.argument];
    throw error;
  }
  return ['none', null];
};

describe('financing input checks', () => {
  it('takes amounts as whole positive fen up to the bound', () => {
    expect(parseAmountFen(1)).toBe(1);
    expect(parseAmountFen(MAX_AMOUNT_FEN)).toBe(MAX_AMOUNT_FEN);
    for (const bad of [0, -1, 1.5, MAX_AMOUNT_FEN + 1, Number.NaN, Number.POSITIVE_INFINITY, 1e21]) expect(codeOf(() => parseAmountFen(bad))).toEqual(['BAD_USER_INPUT', 'amountFen']);
  });

  it('takes real calendar dates, not in the future', () => {
    const now = new Date('2026-06-30T20:00:00Z'); // 2026-07-01 in China
    expect(parseEventDate('2026-07-01', 'occurredOn', now)).toBe('2026-07-01');
    for (const bad of ['2026-07-02', '2026-02-30', '2026-7-1', '1989-12-31', 'yesterday']) expect(codeOf(() => parseEventDate(bad, 'occurredOn', now))).toEqual(['BAD_USER_INPUT', 'occurredOn']);
  });

  it('takes idempotency keys of 1–128 visible ASCII characters', () => {
    expect(parseIdempotencyKey('a')).toBe('a');
    expect(parseIdempotencyKey('x'.repeat(128))).toHaveLength(128);
    for (const bad of ['', 'x'.repeat(129), 'has space', '键']) expect(codeOf(() => parseIdempotencyKey(bad))).toEqual(['BAD_USER_INPUT', 'idempotencyKey']);
  });

  it('needs pledged patents for IP-pledge loans only, as CNIPA application numbers', () => {
    expect(parsePledgedPatents('IP_PLEDGE_LOAN', [' cn202310123456.7', 'CN202310123456.7', 'CN202210000001.X'])).toEqual(['CN202210000001.X', 'CN202310123456.7']);
    expect(codeOf(() => parsePledgedPatents('IP_PLEDGE_LOAN', []))).toEqual(['BAD_USER_INPUT', 'pledgedPatents']);
    expect(codeOf(() => parsePledgedPatents('IP_PLEDGE_LOAN', ['ZL2023']))).toEqual(['BAD_USER_INPUT', 'pledgedPatents']);
    expect(codeOf(() => parsePledgedPatents('CREDIT_LOAN', ['CN202310123456.7']))).toEqual(['BAD_USER_INPUT', 'pledgedPatents']);
    expect(parsePledgedPatents('CREDIT_LOAN', null)).toEqual([]);
  });

  it('hashes requests independently of field order, and tells operations and values apart', () => {
    expect(requestHash('op', { a: 1, b: 'x' })).toBe(requestHash('op', { b: 'x', a: 1 }));
    expect(requestHash('op', { a: 1 })).not.toBe(requestHash('op', { a: 2 }));
    expect(requestHash('op', { a: 1 })).not.toBe(requestHash('other', { a: 1 }));
  });
});
