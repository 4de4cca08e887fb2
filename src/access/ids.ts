import { HubError } from '../errors/hub-error';

/**
 * A row id as a client typed it (a GraphQL `ID` or a CLI argument): a whole number from 1 up, or a
 * BAD_USER_INPUT naming the argument. Keeps `findOneBy({ id: NaN })` from ever reaching the database.
 */
export function parseRowId(value: string | number, argument = 'id'): number {
  const text = String(value).trim();
  const n = /^[0-9]{1,10}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 4_294_967_295) {
    throw new HubError('BAD_USER_INPUT', `${argument} must be a positive whole number, got '${String(value)}'`, { details: { argument } });
  }
  return n;
}
