import type { DataSource } from 'typeorm';
import type { Connector, StreamDefinition } from '../../connectors/sdk/connector';
import { ConnectorError } from '../../connectors/sdk/errors';
import { HubError } from '../errors/hub-error';
import type { Logger } from '../infra/logger';
import { commitPage } from './page-transaction';
import { partitionPage } from './page-partition';
import { hasOpenQuarantine } from './quarantine.writer';
import type { PageCounts } from './run-history';

export interface SyncStreamRequest {
  runId: string;
  stream: string;
  /** The stream's saved cursor, read by the caller when it opened the run. */
  cursorBefore: string | null;
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
  const { cursorBefore } = request;
  const totals: PageCounts = { read: 0, inserted: 0, updated: 0, unchanged: 0, quarantined: 0 };
  let cursor = cursorBefore;
  let pages = 0;
  let openQuarantine = await hasOpenQuarantine(db, connector.id, stream.name);

  const released = () => ({ state: 'released' as const, pages, totals, cursorBefore, cursorAfter: cursor });
  const pagesIn = connector.read(stream.name, { cursor }, { pageSize: request.pageSize, signal: request.signal })[Symbol.asyncIterator]();
  // One page is fetched and validated ahead while the current one is stored, so upstream latency,
  // CPU work and database work overlap. A page prepared ahead but not stored is read again next time.
  const prepareNext = () => {
    const prepared = pagesIn.next().then((r) => (r.done ? undefined : { page: r.value, parts: partitionPage(stream, r.value.records) }));
    prepared.catch(() => undefined);
    return prepared;
  };
  let ahead = prepareNext();
  try {
    for (;;) {
      const next = await ahead;
      if (!next) break;
      const { page, parts } = next;
      ahead = prepareNext();
      const to = page.nextState.cursor;
      if (page.records.length === 0 && to === cursor) continue;
      const counts = await commitPage(db, {
        connector: connector.id,
        stream: stream.name,
        runId: request.runId,
        read: page.records.length,
        parts,
        from: cursor,
        to,
        settleQuarantine: openQuarantine,
      });
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
