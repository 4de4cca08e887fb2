import type { QueryRunner } from 'typeorm';
import { chunk, duplicatesFromInfo, placeholders, type ResultHeader } from './sql-chunks';

export interface RawRecordRow {
  externalId: string;
  contentHash: Buffer;
  payloadJson: string;
  sourceUpdatedAt: Date;
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const ROWS_PER_STATEMENT = 500;
/** A stored record changes only when its content differs and the incoming version is not older. */
const CHANGED = 'content_hash <> VALUES(content_hash) AND VALUES(source_updated_at) >= source_updated_at';
const keepOrTake = (column: string) => `\`${column}\` = IF(${CHANGED}, VALUES(\`${column}\`), \`${column}\`)`;

/**
 * Idempotent multi-row upsert of one stream's records. Unchanged rows are not written at all, so
 * MySQL reports per row 1 (inserted), 2 (updated) or 0 (unchanged) affected rows; with the
 * statement's duplicate count that yields exact run statistics. `content_hash` is assigned last
 * because MySQL evaluates the assignments left to right against the already-updated row.
 */
export async function upsertRawRecords(
  runner: QueryRunner,
  connector: string,
  stream: string,
  runId: string,
  rows: readonly RawRecordRow[],
): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const part of chunk(rows, ROWS_PER_STATEMENT)) {
    const params: unknown[] = [];
    for (const row of part) {
      params.push(connector, stream, row.externalId, row.contentHash, row.payloadJson, row.sourceUpdatedAt, runId, runId);
    }
    const sql =
      'INSERT INTO `raw_record` (`connector`,`stream`,`external_id`,`content_hash`,`payload`,`source_updated_at`,`first_run_id`,`last_changed_run_id`,`created_at`,`changed_at`) VALUES ' +
      placeholders(part.length, 8, ',NOW(3),NOW(3)') +
      ` ON DUPLICATE KEY UPDATE ${['payload', 'source_updated_at', 'last_changed_run_id', 'changed_at'].map(keepOrTake).join(', ')},` +
      ` \`content_hash\` = IF(${CHANGED}, VALUES(\`content_hash\`), \`content_hash\`)`;
    const result = (await runner.query(sql, params)) as ResultHeader;
    const duplicates = duplicatesFromInfo(result.info);
    const inserted = part.length - duplicates;
    const updated = (result.affectedRows - inserted) / 2;
    counts.inserted += inserted;
    counts.updated += updated;
    counts.unchanged += duplicates - updated;
  }
  return counts;
}
