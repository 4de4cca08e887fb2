import type { SqlRunner } from '../ingest/sql-chunks';
import { chunk } from '../ingest/sql-chunks';
import type { RecordFilter } from './resolution-session';

/** Records per unit of work: one transaction, a few set-based statements. */
export const WINDOW_SIZE = 5000;
/** Records per id range of a rebuild, over all the streams of a phase. */
export const TABLE_WINDOW_SIZE = 10000;
/** Records per unit when they are picked by id (dependents, steward decisions). */
export const IDS_PER_UNIT = 1000;

/**
 * The records a run changed in one stream, as consecutive id ranges of at most `size` of the run's
 * records (through the `(last_changed_run_id, id)` index: each boundary is one index dive).
 */
export async function* runWindows(db: SqlRunner, runId: string, connector: string, stream: string, size = WINDOW_SIZE): AsyncGenerator<RecordFilter> {
  const base = 'r.`last_changed_run_id` = ? AND r.`connector` = ? AND r.`stream` = ?';
  let from = '0';
  for (;;) {
    // Boundaries come from the index alone (a run's records are all of one stream).
    const rows = (await db.query('SELECT `id` FROM `raw_record` WHERE `last_changed_run_id` = ? AND `id` > ? ORDER BY `id` LIMIT 1 OFFSET ?', [
      runId,
      from,
      size - 1,
    ])) as Array<{ id: string }>;
    const to = rows[0]?.id;
    if (to === undefined) {
      yield { sql: `${base} AND r.\`id\` > ?`, params: [runId, connector, stream, from] };
      return;
    }
    yield { sql: `${base} AND r.\`id\` > ? AND r.\`id\` <= ?`, params: [runId, connector, stream, from, to] };
    from = to;
  }
}

/**
 * Every stored record, as consecutive id ranges of at most `size` records, in primary-key order: a
 * rebuild reads the table sequentially (once per phase), which matters once it outgrows the buffer
 * pool. The caller narrows each range to the streams it resolves.
 */
export async function* tableWindows(db: SqlRunner, size = TABLE_WINDOW_SIZE): AsyncGenerator<RecordFilter> {
  let from = '0';
  for (;;) {
    const rows = (await db.query('SELECT `id` FROM `raw_record` WHERE `id` > ? ORDER BY `id` LIMIT 1 OFFSET ?', [from, size - 1])) as Array<{ id: string }>;
    const to = rows[0]?.id;
    if (to === undefined) {
      yield { sql: 'r.`id` > ?', params: [from] };
      return;
    }
    yield { sql: 'r.`id` > ? AND r.`id` <= ?', params: [from, to] };
    from = to;
  }
}

/** Records picked by id, in units of at most `size`. */
export function idWindows(ids: readonly string[], size = IDS_PER_UNIT): RecordFilter[] {
  return chunk([...new Set(ids)], size).map((part) => ({ sql: `r.\`id\` IN (${part.map(() => '?').join(',')})`, params: part }));
}

/** The stored records among `ids`, grouped by stream key `connector/stream`. */
export async function idsByStream(db: SqlRunner, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunk([...new Set(ids)], IDS_PER_UNIT)) {
    const rows = (await db.query(
      `SELECT \`id\`, \`connector\`, \`stream\` FROM \`raw_record\` WHERE \`id\` IN (${part.map(() => '?').join(',')})`,
      part,
    )) as Array<{ id: string; connector: string; stream: string }>;
    for (const r of rows) {
      const key = `${r.connector}/${r.stream}`;
      const list = out.get(key) ?? [];
      list.push(String(r.id));
      out.set(key, list);
    }
  }
  return out;
}
