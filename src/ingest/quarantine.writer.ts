import type { QueryRunner } from 'typeorm';
import type { QuarantineReasonCode } from '../../connectors/sdk/quarantine-reason';
import { chunk, placeholders, type SqlRunner } from './sql-chunks';

export interface QuarantineRow {
  externalId: string | null;
  payloadHash: Buffer;
  payloadJson: string;
  reasonCode: QuarantineReasonCode;
  reasonMessage: string;
}

const ROWS_PER_STATEMENT = 500;

/** Records a rejected payload once per distinct content; seeing it again counts an occurrence. */
export async function upsertQuarantine(
  runner: QueryRunner,
  connector: string,
  stream: string,
  runId: string,
  rows: readonly QuarantineRow[],
): Promise<void> {
  for (const part of chunk(rows, ROWS_PER_STATEMENT)) {
    const params: unknown[] = [];
    for (const row of part) {
      params.push(connector, stream, row.externalId, row.payloadHash, row.payloadJson, row.reasonCode, row.reasonMessage.slice(0, 1024), runId, runId);
    }
    await runner.query(
      'INSERT INTO `quarantine_record` (`connector`,`stream`,`external_id`,`payload_hash`,`payload`,`reason_code`,`reason_message`,`first_run_id`,`last_run_id`,`status`,`occurrences`,`first_seen_at`,`last_seen_at`) VALUES ' +
        placeholders(part.length, 9, ",'open',1,NOW(3),NOW(3)") +
        ' ON DUPLICATE KEY UPDATE `occurrences` = `occurrences` + 1, `last_run_id` = VALUES(`last_run_id`), `last_seen_at` = VALUES(`last_seen_at`)',
      params,
    );
  }
}

/** Open quarantine entries of records that have now arrived valid are settled as resolved. */
export async function resolveSupersededQuarantine(
  runner: QueryRunner,
  connector: string,
  stream: string,
  runId: string,
  externalIds: readonly string[],
): Promise<number> {
  let settled = 0;
  for (const part of chunk(externalIds, ROWS_PER_STATEMENT)) {
    const result = (await runner.query(
      "UPDATE `quarantine_record` SET `status` = 'resolved', `settled_at` = NOW(3), `settled_note` = CONCAT('superseded by a valid version in run ', ?) " +
        "WHERE `connector` = ? AND `stream` = ? AND `status` = 'open' AND `external_id` IN (" +
        part.map(() => '?').join(',') +
        ')',
      [runId, connector, stream, ...part],
    )) as { affectedRows: number };
    settled += result.affectedRows;
  }
  return settled;
}

export async function hasOpenQuarantine(runner: SqlRunner, connector: string, stream: string): Promise<boolean> {
  const rows = (await runner.query(
    "SELECT 1 FROM `quarantine_record` WHERE `connector` = ? AND `stream` = ? AND `status` = 'open' LIMIT 1",
    [connector, stream],
  )) as unknown[];
  return rows.length > 0;
}

/**
 * Settles one open quarantine entry by a steward. Returns false when it is not open (already
 * settled, or no such entry): a settled entry is never settled twice.
 */
export async function settleQuarantine(
  runner: SqlRunner,
  id: string,
  settlement: { status: 'resolved' | 'ignored'; note: string | null; by: string },
): Promise<boolean> {
  const result = (await runner.query(
    "UPDATE `quarantine_record` SET `status` = ?, `settled_at` = NOW(3), `settled_note` = ?, `settled_by` = ? WHERE `id` = ? AND `status` = 'open'",
    [settlement.status, settlement.note?.slice(0, 1024) ?? null, settlement.by.slice(0, 128), id],
  )) as { affectedRows: number };
  return result.affectedRows === 1;
}

/** A still-invalid entry keeps the reason the stream's current validation gives, so stewards see today's problem. */
export async function updateQuarantineReason(runner: SqlRunner, id: string, reasonCode: QuarantineReasonCode, reasonMessage: string): Promise<void> {
  await runner.query('UPDATE `quarantine_record` SET `reason_code` = ?, `reason_message` = ? WHERE `id` = ?', [reasonCode, reasonMessage.slice(0, 1024), id]);
}
