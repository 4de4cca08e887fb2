import type { DataSource } from 'typeorm';
import type { Connector, StreamDefinition } from '../../connectors/sdk/connector';
import { ConnectorError } from '../../connectors/sdk/errors';
import { HubError } from '../errors/hub-error';
import type { Logger } from '../infra/logger';
import { partitionPage, type PartitionedPage } from './page-partition';
import { hasOpenQuarantine, resolveSupersededQuarantine, upsertQuarantine } from './quarantine.writer';
import { upsertRawRecords } from './raw-record.writer';
import { addPageToRun, type PageCounts } from './run-history';
import { advanceCursor, readCursor } from './stream-state.store';

export interface SyncStreamRequest {
  runId: string;
  stream: string;
  pageSize: number;
  /** Aborted on shutdown: the sync stops after the page in hand is stored. */
  signal: AbortSignal;
}

export interface SyncStreamOutcome {
  /** `completed`: read to the end; `released`: stopped early on request, to be continued. */
  state: 'completed' | 'released';
  pages: number;
  totals: PageCounts;
  cursorBefore: string | null;
  cursorAfter: string | null;
}

export function findStream(connector: Connector, name: string): StreamDefinition<unknown> {
  const stream = connector.streams.find((s) => s.name === name);
  if (!stream) {
    throw new HubError('UNKNOWN_STREAM', `connector ${connector.id} has no stream '${name}' (streams: ${connector.streams.map((s) => s.name).join(', ')})`);
  }
  return stream;
}

/**
 * Reads one stream from its saved cursor to the upstream's end. Each page is stored in one
 * transaction together with the cursor that follows it and the run's counters, so a crash at any
 * point loses nothing and a restart re-reads at most the page that was not committed.
 */
export async function syncStream(db: DataSource, connector: Connector, request: SyncStreamRequest, log: Logger): Promise<SyncStreamOutcome> {
  const stream = findStream(connector, request.stream);
  const cursorBefore = await readCursor(db, connector.id, stream.name);
  const totals: PageCounts = { read: 0, inserted: 0, updated: 0, unchanged: 0, quarantined: 0 };
  let cursor = cursorBefore;
  let pages = 0;
  let openQuarantine = await hasOpenQuarantine(db, connector.id, stream.name);

  const released = () => ({ state: 'released' as const, pages, totals, cursorBefore, cursorAfter: cursor });
  const pagesIn = connector.read(stream.name, { cursor }, { pageSize: request.pageSize, signal: request.signal })[Symbol.asyncIterator]();
  // One page is fetched ahead while the current one is stored, so upstream latency and database
  // work overlap. A page fetched ahead but not stored is simply read again next time.
  let ahead = pagesIn.next();
  try {
    for (;;) {
      const next = await ahead;
      if (next.done) break;
      const page = next.value;
      ahead = pagesIn.next();
      ahead.catch(() => undefined);
      const to = page.nextState.cursor;
      if (page.records.length === 0 && to === cursor) continue;
      const parts = partitionPage(stream, page.records);
      const counts = await commitPage(db, connector.id, stream.name, request.runId, page.records.length, parts, cursor, to, openQuarantine);
      openQuarantine ||= parts.invalid.length > 0;
      for (const key of Object.keys(totals) as Array<keyof PageCounts>) totals[key] += counts[key];
      pages += 1;
      cursor = to;
      log.debug({ stream: stream.name, page: pages, ...counts }, 'page stored');
      if (request.signal.aborted) return released();
    }
  } catch (error) {
    // Stopping while a page was being fetched: nothing of that page was stored, the cursor still
    // points before it, so the sync is released to be continued, not failed.
    if (request.signal.aborted && error instanceof ConnectorError && error.code === 'READ_ABORTED') return released();
    throw error;
  }
  return { state: 'completed', pages, totals, cursorBefore, cursorAfter: cursor };
}

/** MySQL/MariaDB errors after which the whole transaction can simply run again. */
const RETRYABLE_SQL = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const PAGE_TRANSACTION_TRIES = 5;

/**
 * Stores a page with its cursor and counters in one READ COMMITTED transaction (no gap locks on the
 * look-ups, so streams synced side by side do not block each other). A deadlock rolls everything
 * back and the transaction runs again: it is idempotent and the cursor has not moved.
 */
async function commitPage(
  db: DataSource,
  connector: string,
  stream: string,
  runId: string,
  read: number,
  parts: PartitionedPage,
  from: string | null,
  to: string | null,
  settleQuarantine: boolean,
): Promise<PageCounts> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await commitPageOnce(db, connector, stream, runId, read, parts, from, to, settleQuarantine);
    } catch (error) {
      const code = (error as { code?: string }).code ?? (error as { driverError?: { code?: string } }).driverError?.code;
      if (attempt >= PAGE_TRANSACTION_TRIES || !code || !RETRYABLE_SQL.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}

async function commitPageOnce(
  db: DataSource,
  connector: string,
  stream: string,
  runId: string,
  read: number,
  parts: PartitionedPage,
  from: string | null,
  to: string | null,
  settleQuarantine: boolean,
): Promise<PageCounts> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction('READ COMMITTED');
    const upserted = await upsertRawRecords(runner, connector, stream, runId, parts.valid);
    await upsertQuarantine(runner, connector, stream, runId, parts.invalid);
    if (settleQuarantine && parts.valid.length > 0) {
      await resolveSupersededQuarantine(runner, connector, stream, runId, parts.valid.map((r) => r.externalId));
    }
    const counts: PageCounts = { read, ...upserted, quarantined: parts.invalid.length };
    await addPageToRun(runner, runId, counts, to);
    if (to !== from) await advanceCursor(runner, connector, stream, runId, from, to);
    await runner.commitTransaction();
    return counts;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
