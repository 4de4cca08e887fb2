import { nameKey } from '../../resolution/name-normalizer';
import type { DeriveContext } from './derive-context';
import type { ChangeRecord, SourceRecord } from './enterprise-records';

export interface NameAsOf {
  /** The registered name on the as-of date. */
  readonly name: string;
  /** Where it was read: the registration, or a `name` change record. */
  readonly record: SourceRecord;
}

function nameChanges(ctx: DeriveContext): readonly ChangeRecord[] {
  return ctx.memo('ip:name-changes', () =>
    ctx.records.changes.filter((c) => c.data.item === 'name').sort((a, b) => (a.data.changed_on < b.data.changed_on ? -1 : a.data.changed_on > b.data.changed_on ? 1 : 0)),
  );
}

/**
 * The enterprise's registered name on the as-of date: the `before` of the earliest `name` change
 * dated after the as-of date; else the `after` of the latest one on or before it when that change is
 * newer than the registration record (its new version was not stored); else the registration's name.
 * Null when neither the registration nor a usable name change is stored.
 */
export function nameAsOf(ctx: DeriveContext): NameAsOf | null {
  return ctx.memo<NameAsOf | null>('ip:name-as-of', () => {
    const changes = nameChanges(ctx);
    let last: ChangeRecord | null = null;
    for (const c of changes) {
      if (c.data.changed_on > ctx.asOf) {
        const before = c.data.before?.trim() ?? '';
        if (before !== '') return { name: before, record: c };
        break;
      }
      last = c;
    }
    const reg = ctx.records.registration;
    const after = last?.data.after?.trim() ?? '';
    if (last !== null && after !== '' && (reg === null || last.data.changed_on > reg.data.approved_on)) return { name: after, record: last };
    return reg === null ? null : { name: reg.data.name, record: reg };
  });
}

/**
 * Name keys (`nameKey`) of every name the enterprise is known to have borne: the registration's and
 * each `name` change's before and after. A patent owner outside this set is another holder.
 */
export function enterpriseNameKeys(ctx: DeriveContext): ReadonlySet<string> {
  return ctx.memo('ip:enterprise-name-keys', () => {
    const keys = new Set<string>();
    const reg = ctx.records.registration;
    if (reg !== null) keys.add(nameKey(reg.data.name));
    for (const c of nameChanges(ctx)) {
      if (c.data.before !== null && c.data.before.trim() !== '') keys.add(nameKey(c.data.before));
      if (c.data.after !== null && c.data.after.trim() !== '') keys.add(nameKey(c.data.after));
    }
    return keys;
  });
}
