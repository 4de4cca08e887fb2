import type { SqlRunner } from '../../ingest/sql-chunks';
import type { ConflictStatus } from '../storage/profile-conflict.entity';

export interface ConflictCount {
  kind: string;
  status: string;
  conflicts: number;
}

/** How many conflicts there are of each kind and status. */
export async function conflictCounts(db: SqlRunner): Promise<ConflictCount[]> {
  const rows = (await db.query('SELECT `kind`, `status`, COUNT(*) AS n FROM `profile_conflict` GROUP BY `kind`, `status` ORDER BY `kind`, `status`')) as Array<{
    kind: string;
    status: string;
    n: string;
  }>;
  return rows.map((r) => ({ kind: r.kind, status: r.status, conflicts: Number(r.n) }));
}

export interface ConflictRow {
  id: string;
  uscc: string;
  kind: string;
  registryValue: string;
  sourceValue: string;
  sourceRecordId: string;
  status: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** Conflicts for a steward, newest first. */
export async function listConflicts(db: SqlRunner, filter: { status?: ConflictStatus; kind?: string; uscc?: string; limit: number }): Promise<ConflictRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.status) (where.push('`status` = ?'), params.push(filter.status));
  if (filter.kind) (where.push('`kind` = ?'), params.push(filter.kind));
  if (filter.uscc) (where.push('`uscc` = ?'), params.push(filter.uscc));
  const rows = (await db.query(
    `SELECT * FROM \`profile_conflict\`${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY \`last_seen_at\` DESC, \`id\` DESC LIMIT ?`,
    [...params, filter.limit],
  )) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    id: String(r.id),
    uscc: String(r.uscc),
    kind: String(r.kind),
    registryValue: String(r.registry_value),
    sourceValue: String(r.source_value),
    sourceRecordId: String(r.source_record_id),
    status: String(r.status),
    firstSeenAt: r.first_seen_at as Date,
    lastSeenAt: r.last_seen_at as Date,
  }));
}

/** A steward's call that a conflict is expected (e.g. a plant in another district); it stays dismissed while it persists. */
export async function dismissConflict(db: SqlRunner, id: string): Promise<boolean> {
  if (!/^\d{1,20}$/.test(id)) return false;
  const result = (await db.query("UPDATE `profile_conflict` SET `status` = 'dismissed', `settled_at` = NOW(3) WHERE `id` = ? AND `status` <> 'dismissed'", [id])) as {
    affectedRows?: number;
  };
  return (result.affectedRows ?? 0) > 0;
}
