import type { QueryRunner } from 'typeorm';
import { chunk, placeholders } from './sql-chunks';

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

/** A full upstream page (≤ 1,000 records, 8 placeholders each) goes in one statement. */
const ROWS_PER_STATEMENT = 1000;
/** A stored record changes only when its content differs and the incoming version is not older. */
const CHANGED = 'content_hash <> VALUES(content_hash) AND VALUES(source_updated_at) >= source_updated_at';
const keepOrTake = (column: string) => `\`${column}\` = IF(${CHANGED}, VALUES(\`${column}\`), \`${column}\`)`;
const UPSERT_TAIL =
  ` ON DUPLICATE KEY UPDATE ${['payload', 'source_updated_at', 'last_changed_run_id', 'changed_at'].map(keepOrTake).join(', ')},` +
  // Assigned last: MySQL evaluates assignments left to right against the already-updated row.
  ` \`content_hash\` = IF(${CHANGED}, VALUES(\`content_hash\`), \`content_hash\`)`;

interface Stored {
  hash: Buffer;
  updatedAt: Date;
}

/**
 * Stores one page of a stream's records. Each record is first classified against what is stored
 * (one indexed look-up per 1,000 ids): new records are inserted, changed ones updated, and unchanged
 * ones — or versions older than the stored one — are not written at all. The write itself is an
 * idempotent multi-row upsert, so a page stored twice (a retry after a lost commit) changes nothing.
 */
export async function upsertRawRecords(
  runner: QueryRunner,
  connector: string,
  stream: string,
  runId: string,
  rows: readonly RawRecordRow[],
): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const stored = await storedVersions(runner, connector, stream, rows.map((r) => r.externalId));
  const writes: RawRecordRow[] = [];
  for (const row of rows) {
    const current = stored.get(row.externalId);
    if (!current) counts.inserted += 1;
    else if (current.hash.equals(row.contentHash) || row.sourceUpdatedAt < current.updatedAt) {
      counts.unchanged += 1;
      continue;
    } else counts.updated += 1;
    writes.push(row);
  }
  for (const part of chunk(writes, ROWS_PER_STATEMENT)) {
    const params: unknown[] = [];
    for (const row of part) {
      params.push(connector, stream, row.externalId, row.contentHash, row.payloadJson, row.sourceUpdatedAt, runId, runId);
    }
    await runner.query(
      'INSERT INTO `raw_record` (`connector`,`stream`,`external_id`,`content_hash`,`payload`,`source_updated_at`,`first_run_id`,`last_changed_run_id`,`created_at`,`changed_at`) VALUES ' +
        placeholders(part.length, 8, ',NOW(3),NOW(3)') +
        UPSERT_TAIL,
      params,
    );
  }
  return counts;
}

async function storedVersions(runner: QueryRunner, connector: string, stream: string, ids: readonly string[]): Promise<Map<string, Stored>> {
  const stored = new Map<string, Stored>();
  for (const part of chunk(ids, ROWS_PER_STATEMENT)) {
    const rows = (await runner.query(
      'SELECT `external_id`, `content_hash`, `source_updated_at` FROM `raw_record` WHERE `connector` = ? AND `stream` = ? AND `external_id` IN (' +
        part.map(() => '?').join(',') +
        ')',
      [connector, stream, ...part],
    )) as Array<{ external_id: string; content_hash: Buffer; source_updated_at: Date }>;
    for (const r of rows) stored.set(r.external_id, { hash: r.content_hash, updatedAt: r.source_updated_at });
  }
  return stored;
}
