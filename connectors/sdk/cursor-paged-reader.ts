import { z } from 'zod';
import type { Page, StreamState } from './connector';
import { ConnectorError } from './errors';
import type { HttpClient } from './http-client';
import { redactUrl } from './http-client';

/** The page envelope: `{ data, next_cursor, has_more }` (other members, e.g. `as_of`, are ignored). */
const envelopeSchema = z.object({
  data: z.array(z.unknown()),
  next_cursor: z.string().min(1).nullable(),
  has_more: z.boolean(),
});

export interface CursorPagedReadRequest {
  http: HttpClient;
  /** The stream's endpoint, e.g. `http://127.0.0.1:4100/tax/declarations`. */
  url: string;
  /** Where to continue from; a null cursor reads from the beginning. */
  state: StreamState;
  /** Records per page, sent as `limit` (clamped to 1…`maxPageSize`). */
  pageSize: number;
  /** The upstream's largest accepted `limit`. Default 1000. */
  maxPageSize?: number;
  /** Checked before every request: an aborted read stops with `READ_ABORTED`. */
  signal?: AbortSignal;
}

/**
 * Reads an upstream that pages with `limit` / `since` / `next_cursor` / `has_more`, one `Page` per
 * response, until the upstream reports no more records. Each page's `nextState` is the cursor just
 * after its last record, so a reader that stops anywhere resumes without loss or repetition.
 * Sources that page differently write their own loop; nothing else depends on this one.
 */
export async function* readCursorPages(request: CursorPagedReadRequest): AsyncGenerator<Page> {
  const { http, url, signal } = request;
  const limit = Math.max(1, Math.min(request.maxPageSize ?? 1000, Math.floor(request.pageSize)));
  let cursor = request.state.cursor;
  for (;;) {
    if (signal?.aborted) {
      throw new ConnectorError('READ_ABORTED', `GET ${redactUrl(url)}: read stopped before the next page`, false, { cause: signal.reason });
    }
    const body = await http.getJson(url, { limit, since: cursor ?? undefined }, signal);
    const parsed = envelopeSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length === 0 ? 'body' : issue.path.join('.');
      throw new ConnectorError(
        'UPSTREAM_BAD_RESPONSE',
        `GET ${redactUrl(url)}: not a {data, next_cursor, has_more} page (${where}: ${issue.message})`,
        true,
      );
    }
    const { data, next_cursor: nextCursor, has_more: hasMore } = parsed.data;
    if (data.length > 0 && nextCursor === null) {
      throw new ConnectorError('UPSTREAM_BAD_RESPONSE', `GET ${redactUrl(url)}: ${data.length} records but no next_cursor`, true);
    }
    // Asking again with the same cursor would return the same page forever. (An empty page that
    // moves the cursor on is progress: an upstream may skip records it does not show.)
    if (hasMore && (nextCursor ?? cursor) === cursor) {
      throw new ConnectorError('UPSTREAM_BAD_RESPONSE', `GET ${redactUrl(url)}: has_more without progress (cursor ${cursor ?? 'null'})`, true);
    }
    const next = nextCursor ?? cursor;
    yield { records: data, nextState: { cursor: next }, hasMore };
    if (!hasMore) return;
    cursor = next;
  }
}
