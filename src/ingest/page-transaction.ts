import type { DataSource } from 'typeorm';
import type { PartitionedPage } from './page-partition';
import { resolveSupersededQuarantine, upsertQuarantine } from './quarantine.writer';
import { upsertRawRecords } from './raw-record.writer';
import { addPageToRun, type PageCounts } from './run-history';
import { advanceCursor } from './stream-state.store';

/** One upstream page to store, with the cursor it starts from and the one that follows it. */
export interface PageWrite {
  connector: string;
  stream: string;
  runId: string;
  /** Records the upstream sent in the page (before in-page de-duplication). */
  read: number;
  parts: PartitionedPage;
  from: string | null;
  to: string | null;
  /** Whether the stream has open quarantine entries that a valid record may settle. */
  settleQuarantine: boolean;
}

/** MySQL/MariaDB errors after which the whole transaction can simply run again. */
const RETRYABLE_SQL = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const TRIES = 5;

/**
 * Stores a page with its cursor and the run's counters in one READ COMMITTED transaction (no gap
 * locks on the look-ups, so streams synced side by side do not block each other). A deadlock rolls
 * everything back and the transaction runs again: it is idempotent and the cursor has not moved.
 */
export async function commitPage(db: DataSource, page: PageWrite): Promise<PageCounts> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await commitPageOnce(db, page);
    } catch (error) {
      const code = (error as { code?: string }).code ?? (error as { driverError?: { code?: string } }).driverError?.code;
      if (attempt >= TRIES || !code || !RETRYABLE_SQL.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}

async function commitPageOnce(db: DataSource, page: PageWrite): Promise<PageCounts> {
  const { connector, stream, runId, parts } = page;
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction('READ COMMITTED');
    const upserted = await upsertRawRecords(runner, connector, stream, runId, parts.valid);
    await upsertQuarantine(runner, connector, stream, runId, parts.invalid);
    if (page.settleQuarantine && parts.valid.length > 0) {
      await resolveSupersededQuarantine(runner, connector, stream, runId, parts.valid.map((r) => r.externalId));
    }
    const counts: PageCounts = { read: page.read, ...upserted, quarantined: parts.invalid.length };
    await addPageToRun(runner, runId, counts, page.to);
    if (page.to !== page.from) await advanceCursor(runner, connector, stream, runId, page.from, page.to);
    await runner.commitTransaction();
    return counts;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
