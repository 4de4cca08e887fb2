import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '../../../connectors/sdk/connector';
import { readCursorPages } from '../../../connectors/sdk/cursor-paged-reader';
import { ConnectorError } from '../../../connectors/sdk/errors';
import { HttpClient } from '../../../connectors/sdk/http-client';
import taxModule from '../../../connectors/tax';

/**
 * A tiny cursor-paged upstream over the ids 1..total: the cursor is the last id served, as a string.
 * `override` lets a test replace the envelope it answers with.
 */
function pagedServer(total: number) {
  const seen: Array<{ path: string; limit: string | null; since: string | null }> = [];
  let override: ((since: string | null) => unknown) | null = null;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const since = url.searchParams.get('since');
    const limit = Number(url.searchParams.get('limit') ?? 500);
    seen.push({ path: url.pathname, limit: url.searchParams.get('limit'), since });
    res.setHeader('content-type', 'application/json');
    if (url.pathname.endsWith('/health')) {
      res.end(JSON.stringify({ ok: true, agency: 'tax', as_of: '2026-10-01T00:00:00.000Z' }));
      return;
    }
    if (override) {
      res.end(JSON.stringify(override(since)));
      return;
    }
    const start = since === null ? 0 : Number(since);
    const data = [];
    for (let id = start + 1; id <= Math.min(total, start + limit); id++) data.push({ id });
    const next = data.length > 0 ? String(start + data.length) : since;
    res.end(JSON.stringify({ data, next_cursor: next, has_more: start + data.length < total, as_of: '2026-10-01T00:00:00.000Z' }));
  });
  return {
    seen,
    setOverride(fn: ((since: string | null) => unknown) | null) {
      override = fn;
    },
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function collect(pages: AsyncGenerator<Page>): Promise<Page[]> {
  const out: Page[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe('readCursorPages', () => {
  const upstream = pagedServer(25);
  const http = new HttpClient({ retries: 0 });
  let base = '';
  beforeAll(async () => {
    base = await upstream.listen();
  });
  afterAll(async () => {
    await http.close();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.seen.length = 0;
    upstream.setOverride(null);
  });

  it('reads every page from the start, passing limit and the previous cursor', async () => {
    const pages = await collect(readCursorPages({ http, url: `${base}/tax/x`, state: { cursor: null }, pageSize: 10 }));
    expect(pages.map((p) => p.records.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.nextState.cursor)).toEqual(['10', '20', '25']);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    expect(upstream.seen.map((s) => [s.limit, s.since])).toEqual([
      ['10', null],
      ['10', '10'],
      ['10', '20'],
    ]);
  });

  it('continues from a saved cursor, and yields one empty page at the end', async () => {
    const pages = await collect(readCursorPages({ http, url: `${base}/tax/x`, state: { cursor: '25' }, pageSize: 10 }));
    expect(pages).toEqual([{ records: [], nextState: { cursor: '25' }, hasMore: false }]);
  });

  it('clamps the page size to what the upstream accepts', async () => {
    await collect(readCursorPages({ http, url: `${base}/tax/x`, state: { cursor: '20' }, pageSize: 5000 }));
    expect(upstream.seen[0]!.limit).toBe('1000');
  });

  it.each([
    ['no data array', { next_cursor: '1', has_more: false }],
    ['a string has_more', { data: [], next_cursor: null, has_more: 'no' }],
    ['records without a cursor', { data: [{ id: 1 }], next_cursor: null, has_more: false }],
    ['has_more and an empty page without progress', { data: [], next_cursor: '3', has_more: true }],
    ['has_more and records without progress', { data: [{ id: 4 }], next_cursor: '3', has_more: true }],
    ['has_more and a null cursor', { data: [], next_cursor: null, has_more: true }],
  ])('rejects a page with %s as UPSTREAM_BAD_RESPONSE', async (_why, envelope) => {
    upstream.setOverride(() => envelope);
    await expect(collect(readCursorPages({ http, url: `${base}/tax/x`, state: { cursor: '3' }, pageSize: 10 }))).rejects.toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
    });
  });

  it('follows an empty page that moves the cursor on', async () => {
    upstream.setOverride((since) =>
      since === '3' ? { data: [], next_cursor: '7', has_more: true } : { data: [{ id: 8 }], next_cursor: '8', has_more: false },
    );
    const pages = await collect(readCursorPages({ http, url: `${base}/tax/x`, state: { cursor: '3' }, pageSize: 10 }));
    expect(pages.map((p) => [p.records.length, p.nextState.cursor])).toEqual([
      [0, '7'],
      [1, '8'],
    ]);
  });

  it('stops with READ_ABORTED before the next request once the signal aborts', async () => {
    const controller = new AbortController();
    const pages: Page[] = [];
    const read = async () => {
      for await (const page of readCursorPages({ http, url: `${base}/tax/x`, state: { cursor: null }, pageSize: 10, signal: controller.signal })) {
        pages.push(page);
        controller.abort();
      }
    };
    const error = await read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'READ_ABORTED' });
    expect(pages).toHaveLength(1);
    expect(upstream.seen).toHaveLength(1);
  });
});

describe('a sandbox-style connector (tax)', () => {
  const upstream = pagedServer(3);
  const http = new HttpClient({ retries: 0 });
  let base = '';
  beforeAll(async () => {
    base = await upstream.listen();
  });
  afterAll(async () => {
    await http.close();
    await upstream.close();
  });

  it('checks GET {baseUrl}/health', async () => {
    const tax = taxModule.create({ baseUrl: `${base}/tax/`, http });
    await expect(tax.check()).resolves.toMatchObject({ ok: true });
    expect(upstream.seen.at(-1)!.path).toBe('/tax/health');
  });

  it('reports a failed check instead of throwing', async () => {
    const tax = taxModule.create({ baseUrl: 'http://127.0.0.1:1/tax', http });
    const result = await tax.check();
    expect(result.ok).toBe(false);
    expect(result.message).toContain('127.0.0.1:1/tax/health');
  });

  it('reads a stream from {baseUrl}/{stream}', async () => {
    const tax = taxModule.create({ baseUrl: `${base}/tax`, http });
    const pages = await collect(tax.read('declarations', { cursor: null }, { pageSize: 2 }));
    expect(pages.flatMap((p) => p.records)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(upstream.seen.at(-1)!.path).toBe('/tax/declarations');
  });

  it('refuses a stream it does not have', async () => {
    const tax = taxModule.create({ baseUrl: `${base}/tax`, http });
    await expect(collect(tax.read('bills', { cursor: null }, { pageSize: 2 }))).rejects.toThrow("tax has no stream 'bills'");
  });
});
