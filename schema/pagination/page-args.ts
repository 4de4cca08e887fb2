import { HubError } from '../../src/errors/hub-error';

/** The most items one page may hold, for every list of the API. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** `first` as given, checked: a whole number from 1 to 100. */
export function pageSize(first: number | null | undefined, argument = 'first'): number {
  const n = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw new HubError('BAD_USER_INPUT', `${argument} must be from 1 to ${MAX_PAGE_SIZE}, got ${String(first)}`, { details: { argument } });
  }
  return n;
}

/**
 * Opaque cursors: the sort key of the last item seen, as base64url JSON. A cursor is only valid for
 * the list (and ordering) that issued it; `kind` tells them apart so that a wrong one is refused.
 */
export function encodeCursor(kind: string, key: ReadonlyArray<string | number | null>): string {
  return Buffer.from(JSON.stringify([kind, ...key]), 'utf8').toString('base64url');
}

export function decodeCursor(kind: string, cursor: string | null | undefined, arity: number, argument = 'after'): Array<string | number | null> | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed[0] !== kind || parsed.length !== arity + 1 || !parsed.slice(1).every((v) => v === null || typeof v === 'string' || typeof v === 'number')) {
    throw new HubError('BAD_USER_INPUT', `${argument} is not a cursor of this list (${kind}); pass an endCursor or cursor this list returned`, { details: { argument } });
  }
  return parsed.slice(1) as Array<string | number | null>;
}
