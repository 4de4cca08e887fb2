import type { DataSource } from 'typeorm';
import type { FieldValue } from '../catalog/field.types';

/** What one enterprise's change page asks for: the fields it may see. */
export interface ChangeRequest {
  uscc: string;
  /** Catalog keys whose changes may be served (the fields of the visible sections). */
  fieldKeys: readonly string[];
}

export interface ChangeWindow {
  /** Changes at or after this instant. */
  since: Date;
  /** Keyset position: changes after this one (in `changed_at`, `id` order). */
  after: { changedAt: Date; id: string } | null;
  /** Rows to return per enterprise (the caller asks one more than a page to learn if there is a next). */
  limit: number;
}

export interface StoredChange {
  id: string;
  uscc: string;
  fieldKey: string;
  oldValue: FieldValue;
  newValue: FieldValue;
  changedAt: Date;
  /** `YYYY-MM-DD`: the as-of date of the profile that recorded it. */
  asOf: string;
  runId: string | null;
}

export interface ChangePage {
  changes: StoredChange[];
  /** Changes since `since` among the fields asked for, over all pages. */
  total: number;
}

/**
 * A page of each enterprise's profile changes since an instant, oldest first, and their totals: two
 * statements for any number of enterprises (the page through a window function partitioned by
 * enterprise, the totals grouped). Enterprises that may see the same fields share one condition.
 */
export async function changePages(db: DataSource, requests: readonly ChangeRequest[], window: ChangeWindow): Promise<Map<string, ChangePage>> {
  const out = new Map<string, ChangePage>(requests.map((r) => [r.uscc, { changes: [], total: 0 }]));
  const groups = new Map<string, { usccs: string[]; fieldKeys: readonly string[] }>();
  for (const r of requests) {
    if (r.fieldKeys.length === 0) continue;
    const signature = [...r.fieldKeys].sort().join(',');
    const group = groups.get(signature);
    if (group) group.usccs.push(r.uscc);
    else groups.set(signature, { usccs: [r.uscc], fieldKeys: r.fieldKeys });
  }
  if (groups.size === 0) return out;
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const g of groups.values()) {
    conditions.push(`(\`uscc\` IN (${g.usccs.map(() => '?').join(',')}) AND \`field_key\` IN (${g.fieldKeys.map(() => '?').join(',')}))`);
    params.push(...g.usccs, ...g.fieldKeys);
  }
  const where = `\`changed_at\` >= ? AND (${conditions.join(' OR ')})`;
  const whereParams = [window.since, ...params];

  const totals = (await db.query(`SELECT \`uscc\`, COUNT(*) AS n FROM \`profile_change\` WHERE ${where} GROUP BY \`uscc\``, whereParams)) as Array<{ uscc: string; n: string | number }>;
  for (const t of totals) out.get(t.uscc)!.total = Number(t.n);

  const cursor = window.after ? ' AND (`changed_at` > ? OR (`changed_at` = ? AND `id` > ?))' : '';
  const cursorParams = window.after ? [window.after.changedAt, window.after.changedAt, window.after.id] : [];
  const rows = (await db.query(
    'SELECT `id`, `uscc`, `field_key`, `old_value`, `new_value`, `changed_at`, `as_of`, `run_id` FROM (' +
      "SELECT `id`, `uscc`, `field_key`, `old_value`, `new_value`, `changed_at`, DATE_FORMAT(`as_of`, '%Y-%m-%d') AS `as_of`, `run_id`," +
      ' ROW_NUMBER() OVER (PARTITION BY `uscc` ORDER BY `changed_at`, `id`) AS `rn`' +
      ` FROM \`profile_change\` WHERE ${where}${cursor}) AS page WHERE \`rn\` <= ? ORDER BY \`uscc\`, \`rn\``,
    [...whereParams, ...cursorParams, window.limit],
  )) as Array<{ id: string; uscc: string; field_key: string; old_value: string | null; new_value: string | null; changed_at: Date; as_of: string; run_id: string | null }>;
  const parse = (v: string | null): FieldValue => (v === null ? null : (JSON.parse(v) as FieldValue));
  for (const r of rows) {
    out.get(r.uscc)!.changes.push({
      id: String(r.id),
      uscc: r.uscc,
      fieldKey: r.field_key,
      oldValue: parse(r.old_value),
      newValue: parse(r.new_value),
      changedAt: r.changed_at,
      asOf: r.as_of,
      runId: r.run_id === null ? null : String(r.run_id),
    });
  }
  return out;
}
