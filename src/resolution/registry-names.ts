import { corePrefix, nameKey } from './name-normalizer';
import type { NameRow } from './name-matcher';

/** The registry facts of one enterprise that resolution needs, read from its registration and changes. */
export interface RegistryFacts {
  uscc: string;
  /** The registration record; null when the registry has not (validly) sent it. */
  registration: { name: string; address: string; establishedOn: string | null } | null;
  /** Its `changes` records of item `name` or `address`, in any order. */
  changes: ReadonlyArray<{ changeId: string; item: string; before: string | null; after: string | null; changedOn: string }>;
}

export interface EnterpriseNameDraft extends NameRow {
  corePrefix: string;
}

/**
 * Every name an enterprise is or was registered under, one row per name key, with the dates it was
 * in force: the names before each `name` change (former), the names after them, and the registration's
 * name (current). A name used twice keeps the widest span; current wins over former.
 */
export function enterpriseNames(facts: RegistryFacts): EnterpriseNameDraft[] {
  const renames = facts.changes
    .filter((c) => c.item === 'name')
    .slice()
    .sort((a, b) => (a.changedOn === b.changedOn ? compare(a.changeId, b.changeId) : compare(a.changedOn, b.changedOn)));
  const spans: Array<{ name: string; kind: 'current' | 'former'; from: string | null; to: string | null }> = [];
  let from = facts.registration?.establishedOn ?? null;
  for (const change of renames) {
    if (change.before && change.before.trim() !== '') spans.push({ name: change.before, kind: 'former', from, to: change.changedOn });
    from = change.changedOn;
  }
  const last = renames[renames.length - 1];
  if (facts.registration) spans.push({ name: facts.registration.name, kind: 'current', from, to: null });
  // Without a registration the latest change still tells the name in force since then.
  else if (last?.after && last.after.trim() !== '') spans.push({ name: last.after, kind: 'current', from, to: null });
  // Intermediate names (after one change, before the next) are former names too.
  for (let i = 0; i + 1 < renames.length; i++) {
    const after = renames[i]!.after;
    if (after && after.trim() !== '') spans.push({ name: after, kind: 'former', from: renames[i]!.changedOn, to: renames[i + 1]!.changedOn });
  }

  const byKey = new Map<string, EnterpriseNameDraft>();
  for (const s of spans) {
    const key = nameKey(s.name);
    if (key === '') continue;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { uscc: facts.uscc, nameKey: key, name: s.name.trim(), kind: s.kind, validFrom: s.from, validTo: s.to, corePrefix: corePrefix(key) });
      continue;
    }
    if (s.kind === 'current') {
      seen.kind = 'current';
      seen.name = s.name.trim();
    }
    seen.validFrom = seen.validFrom === null || s.from === null ? null : min(seen.validFrom, s.from);
    seen.validTo = seen.validTo === null || s.to === null ? null : max(seen.validTo, s.to);
  }
  return [...byKey.values()];
}

/** The registered addresses of an enterprise, current first, then earlier ones. */
export function enterpriseAddresses(facts: RegistryFacts): string[] {
  const out: string[] = [];
  const add = (a: string | null | undefined) => {
    if (a && a.trim() !== '' && !out.includes(a.trim())) out.push(a.trim());
  };
  add(facts.registration?.address);
  const moves = facts.changes.filter((c) => c.item === 'address').slice().sort((a, b) => compare(b.changedOn, a.changedOn));
  for (const m of moves) {
    add(m.after);
    add(m.before);
  }
  return out;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const min = (a: string, b: string): string => (a < b ? a : b);
const max = (a: string, b: string): string => (a > b ? a : b);
