import type { DeriveContext } from './derive-context';
import type { ChangeRecord, SourceRecord } from './enterprise-records';

export const REGISTRATION_STATUSES = ['active', 'revoked', 'cancelled', 'moved_out'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
const STATUSES = new Set<string>(REGISTRATION_STATUSES);
const asStatus = (s: string | null): RegistrationStatus | null => (s !== null && STATUSES.has(s) ? (s as RegistrationStatus) : null);

/** Registered status changes, in the order they were approved. */
const statusChanges = (ctx: DeriveContext): readonly ChangeRecord[] =>
  ctx.memo('compliance:statusChanges', () =>
    ctx.records.changes
      .filter((c) => c.data.item === 'status')
      .sort((a, b) => (a.data.changed_on < b.data.changed_on ? -1 : a.data.changed_on > b.data.changed_on ? 1 : 0)),
  );

/**
 * The registered status at the end of `date`, reconstructed from the registry record (which carries
 * only the current status) and the registered status changes: the `after` of the latest change on
 * or before `date`; before the first change, its `before`; without any change record, the current
 * status if the latest registered change (`approved_on`) is on or before `date`, else `active` (a
 * status change is an enterprise's last registered change). Null without a registration record or
 * before establishment. `records` are the records the status was read from.
 */
export function statusOn(ctx: DeriveContext, date: string): { status: RegistrationStatus; records: SourceRecord[] } | null {
  const reg = ctx.records.registration;
  if (reg === null || reg.data.established_on > date) return null;
  const changes = statusChanges(ctx);
  let before: ChangeRecord | null = null;
  let after: ChangeRecord | null = null;
  for (const c of changes) {
    if (c.data.changed_on <= date) before = c;
    else if (after === null) after = c;
  }
  if (before !== null) {
    const s = asStatus(before.data.after);
    if (s !== null) return { status: s, records: [reg, before] };
  }
  if (before === null && after !== null) {
    const s = asStatus(after.data.before);
    if (s !== null) return { status: s, records: [reg, after] };
  }
  const current = asStatus(reg.data.status) ?? 'active';
  return { status: current !== 'active' && reg.data.approved_on > date ? 'active' : current, records: [reg] };
}

/** Whether a status means the enterprise was struck off (吊销) or deregistered (注销). */
export const isStruckOff = (s: RegistrationStatus): boolean => s === 'revoked' || s === 'cancelled';
