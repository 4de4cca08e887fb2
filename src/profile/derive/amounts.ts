/**
 * Agency amounts arrive as decimal strings: yuan with two places (`"1234.50"`), 万元 with four
 * (`"500.0000"`). The profile keeps money as integer fen; these parse without going through floats.
 */

function scaled(value: string, places: number): number {
  const [whole = '0', fraction = ''] = value.split('.');
  const digits = fraction.padEnd(places, '0');
  const rest = digits.slice(places);
  const base = Number(whole) * 10 ** places + Number(digits.slice(0, places) || '0');
  // Half up on anything beyond `places` (agencies send at most the documented places).
  return rest !== '' && Number(rest[0]) >= 5 ? base + 1 : base;
}

/** `"1234.50"` yuan → 123450 fen. */
export const yuanToFen = (yuan: string): number => scaled(yuan, 2);

/** `"500.0000"` 万元 → 500,000,000 fen (1 万元 = 1,000,000 fen). */
export const wanToFen = (wan: string): number => scaled(wan, 4) * 100;

/** A decimal string as a number (consumption, share ratios). */
export const decimalValue = (value: string): number => Number(value);

/** Sum of fen amounts. */
export const sumFen = (amounts: Iterable<number>): number => {
  let total = 0;
  for (const a of amounts) total += a;
  return total;
};

/** Rounds to `places` decimals, for ratio and decimal fields. */
export function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

/** a / b rounded, or null when b is 0 (a share of nothing is unknown, not 0). */
export function ratio(a: number, b: number, places = 4): number | null {
  return b === 0 ? null : round(a / b, places);
}

/** (current − previous) / previous, or null when there is no positive base. */
export function growth(current: number, previous: number, places = 4): number | null {
  return previous > 0 ? round((current - previous) / previous, places) : null;
}
