import { chunk, placeholders, type SqlRunner } from '../../ingest/sql-chunks';
import type { Conflict } from '../quality/conflicts';

const cut = (text: string): string => (text.length > 512 ? text.slice(0, 512) : text);

/**
 * Records the conflicts found for a batch of enterprises: each one seen now is inserted or refreshed
 * (a resolved one reopens; a dismissed one stays dismissed), and every open conflict of these
 * enterprises that was not seen now is resolved. Run inside the batch's transaction.
 */
export async function writeConflicts(db: SqlRunner, usccs: readonly string[], found: ReadonlyArray<{ uscc: string; conflicts: readonly Conflict[] }>, seenAt: Date): Promise<void> {
  const rows = found.flatMap((f) => f.conflicts.map((c) => [f.uscc, c.kind, c.record.id, cut(c.registryValue), cut(c.sourceValue), seenAt, seenAt]));
  for (const part of chunk(rows, 1000)) {
    await db.query(
      'INSERT INTO `profile_conflict` (`uscc`,`kind`,`source_record_id`,`registry_value`,`source_value`,`first_seen_at`,`last_seen_at`) VALUES ' +
        placeholders(part.length, 7) +
        " ON DUPLICATE KEY UPDATE `registry_value` = VALUES(`registry_value`), `source_value` = VALUES(`source_value`), `last_seen_at` = VALUES(`last_seen_at`)," +
        " `settled_at` = IF(`status` = 'resolved', NULL, `settled_at`), `status` = IF(`status` = 'resolved', 'open', `status`)",
      part.flat(),
    );
  }
  for (const part of chunk(usccs, 1000)) {
    await db.query(
      `UPDATE \`profile_conflict\` SET \`status\` = 'resolved', \`settled_at\` = ? WHERE \`status\` = 'open' AND \`last_seen_at\` < ? AND \`uscc\` IN (${part.map(() => '?').join(',')})`,
      [seenAt, seenAt, ...part],
    );
  }
}
