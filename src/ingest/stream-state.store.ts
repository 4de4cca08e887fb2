import type { DataSource, QueryRunner } from 'typeorm';
import { HubError } from '../errors/hub-error';

/** Reads and advances a stream's saved cursor. */
export async function readCursor(db: DataSource, connector: string, stream: string): Promise<string | null> {
  await db.query(
    'INSERT IGNORE INTO `stream_state` (`connector`,`stream`,`cursor_value`,`updated_at`) VALUES (?,?,NULL,NOW(3))',
    [connector, stream],
  );
  const rows = (await db.query('SELECT `cursor_value` FROM `stream_state` WHERE `connector` = ? AND `stream` = ?', [
    connector,
    stream,
  ])) as Array<{ cursor_value: string | null }>;
  return rows[0]?.cursor_value ?? null;
}

/**
 * Compare-and-set inside the page's transaction: the cursor moves only from the value this reader
 * started the page with. If another worker moved it meanwhile (a stalled job picked up twice), the
 * page's transaction is rolled back rather than double-counted.
 */
export async function advanceCursor(
  runner: QueryRunner,
  connector: string,
  stream: string,
  runId: string,
  from: string | null,
  to: string | null,
): Promise<void> {
  const result = (await runner.query(
    'UPDATE `stream_state` SET `cursor_value` = ?, `last_run_id` = ?, `updated_at` = NOW(3) WHERE `connector` = ? AND `stream` = ? AND `cursor_value` <=> ?',
    [to, runId, connector, stream, from],
  )) as { affectedRows: number };
  if (result.affectedRows !== 1) {
    throw new HubError('CURSOR_CONFLICT', `the cursor of ${connector}/${stream} was moved by another worker; this page is not stored twice`);
  }
}

/** Forgets a stream's position so that the next sync reads it in full (existing rows come back unchanged). */
export async function resetCursor(db: DataSource, connector: string, stream: string): Promise<void> {
  await db.query('UPDATE `stream_state` SET `cursor_value` = NULL, `updated_at` = NOW(3) WHERE `connector` = ? AND `stream` = ?', [
    connector,
    stream,
  ]);
}
