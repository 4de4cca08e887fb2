import { corePrefix } from '../name-normalizer';
import { matchName, type MatchOptions, type NameMatch, type NameProbe, type NameRow } from '../name-matcher';
import { addressesOf, namesByCorePrefix, namesByKey } from '../registry-lookup';
import type { SqlRunner } from '../../ingest/sql-chunks';

/**
 * The registry names and addresses a batch of name probes needs, loaded in a few statements: the
 * exact keys, then near names for the keys nothing registered has exactly, then the addresses of
 * every enterprise that turned up.
 */
export class NameEvidence {
  private constructor(
    private readonly exact: Map<string, NameRow[]>,
    private readonly near: Map<string, NameRow[]>,
    private readonly addresses: Map<string, string[]>,
  ) {}

  static async load(db: SqlRunner, keys: Iterable<string>): Promise<NameEvidence> {
    const all = [...new Set(keys)];
    const exact = await namesByKey(db, all);
    const near = await namesByCorePrefix(db, all.filter((k) => !exact.has(k)).map(corePrefix));
    const usccs = new Set<string>();
    for (const rows of [...exact.values(), ...near.values()]) for (const r of rows) usccs.add(r.uscc);
    return new NameEvidence(exact, near, await addressesOf(db, usccs));
  }

  match(probe: NameProbe, options?: MatchOptions): NameMatch {
    return matchName(probe, this.exact.get(probe.key) ?? [], this.near.get(corePrefix(probe.key)) ?? [], (u) => this.addresses.get(u) ?? [], options);
  }
}

/** A payload field that should be text, or null. */
export function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The `YYYY-MM-DD` dates among `values` (others ignored). */
export function dates(...values: unknown[]): string[] {
  return values.flatMap((v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? [v.slice(0, 10)] : []));
}

export function parsePayload(payload: unknown): Record<string, unknown> {
  const value = typeof payload === 'string' ? (JSON.parse(payload) as unknown) : payload;
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}
