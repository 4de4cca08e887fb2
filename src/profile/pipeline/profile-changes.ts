import type { SqlRunner } from '../../ingest/sql-chunks';
import type { FieldValue } from '../catalog/field.types';

export interface ProfileChange {
  fieldKey: string;
  oldValue: FieldValue;
  newValue: FieldValue;
  changedAt: Date;
  asOf: string;
  runId: string | null;
}

/** What changed in an enterprise's profile since an instant, oldest first. */
export async function changesSince(db: SqlRunner, uscc: string, since: Date, limit = 1000): Promise<ProfileChange[]> {
  const rows = (await db.query(
    'SELECT `field_key`, `old_value`, `new_value`, `changed_at`, `as_of`, `run_id` FROM `profile_change` WHERE `uscc` = ? AND `changed_at` >= ? ORDER BY `changed_at`, `id` LIMIT ?',
    [uscc, since, limit],
  )) as Array<{ field_key: string; old_value: string | null; new_value: string | null; changed_at: Date; as_of: Date | string; run_id: string | null }>;
  const parse = (v: string | null): FieldValue => (v === null ? null : (JSON.parse(v) as FieldValue));
  return rows.map((r) => ({
    fieldKey: r.field_key,
    oldValue: parse(r.old_value),
    newValue: parse(r.new_value),
    changedAt: r.changed_at,
    asOf: r.as_of instanceof Date ? r.as_of.toISOString().slice(0, 10) : String(r.as_of).slice(0, 10),
    runId: r.run_id,
  }));
}
