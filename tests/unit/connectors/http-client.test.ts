import { getEventListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectorError, RateLimitedError } from '../../../connectors/sdk/errors';
import { HttpClient, parseRetryAfter, redactUrl } from '../../../connectors/sdk/http-client';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server on 127.0.0.1 whose answers each test scripts; it records what it was asked. */
class ScriptedServer {
  private handler: Handler = (_req, res) => res.end('{}');
  readonly requests: string[] = [];
  readonly clientPorts = new Set<number>();
  private server!: Server;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      this.clientPorts.add(req.socket.remotePort ?? -1);
      this.handler(req, res);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Answers requests in turn with `handlers`; the last one repeats. */
  script(...handlers: Handler[]): void {
    let i = 0;
    this.handler = (req, res) => handlers[Math.min(i++, handlers.length - 1)]!(req, res);
  }

  reset(): void {
    this.requests.length = 0;
    this.clientPorts.clear();
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const after = (ms: number, handler: Handler): Handler => (req, res) => {
  const timer = setTimeout(() => handler(req, res), ms);
  res.on('close', () => clearTimeout(timer));
};

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('HttpClient', () => {
  const server = new ScriptedServer();
  let http: HttpClient;

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    server.reset();
    http = new HttpClient({ backoffBaseMs: 5, backoffMaxMs: 20, timeoutMs: 2000 });
  });
  afterEach(() => http.close());

  it('returns the parsed body and sends the query, skipping undefined values', async () => {
    server.script(json(200, { data: [1, 2] }));
    await expect(http.getJson(`${server.base}/tax/declarations`, { limit: 500, since: undefined, q: 'a b' })).resolves.toEqual({ data: [1, 2] });
    expect(server.requests).toEqual(['/tax/declarations?limit=500&q=a+b']);
  });

  it('retries 5xx answers and returns the first good one', async () => {
    server.script(json(503, { error: { code: 'X', message: 'busy' } }), json(500, {}), json(502, {}), json(200, { ok: true }));
    await expect(http.getJson(`${server.base}/x`)).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(4);
  });

  it('gives up after `retries` retries with a transient UPSTREAM_UNAVAILABLE naming URL and status', async () => {
    const client = new HttpClient({ retries: 2, backoffBaseMs: 1, backoffMaxMs: 2 });
    server.script(json(502, {}));
    const error = await failure(client.getJson(`${server.base}/tax/bills`, { limit: 10 }));
    await client.close();
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', transient: true });
    expect(error.message).toContain(`${server.base}/tax/bills?limit=10`);
    expect(error.message).toContain('502');
    expect(error.message).toContain('3 attempts');
    expect(server.requests).toHaveLength(3);
  });

  it('times out a slow answer per attempt and retries it', async () => {
    const client = new HttpClient({ timeoutMs: 100, retries: 1, backoffBaseMs: 1, backoffMaxMs: 2 });
    server.script(after(1000, json(200, { late: true })));
    const started = Date.now();
    const error = await failure(client.getJson(`${server.base}/slow`));
    await client.close();
    expect(error).toMatchObject({ code: 'UPSTREAM_TIMEOUT', transient: true });
    expect(error.message).toContain('/slow');
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('recovers when a slow attempt is followed by a fast one', async () => {
    const client = new HttpClient({ timeoutMs: 100, retries: 2, backoffBaseMs: 1, backoffMaxMs: 2 });
    server.script(after(1000, json(200, {})), json(200, { second: true }));
    await expect(client.getJson(`${server.base}/slow-then-fast`)).resolves.toEqual({ second: true });
    await client.close();
  });

  it('does not retry a 429 and reports Retry-After in seconds', async () => {
    server.script(json(429, { error: { code: 'RATE_LIMITED', message: 'slow down' } }, { 'retry-after': '7' }));
    const error = await failure(http.getJson(`${server.base}/x`));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', transient: true, retryAfterMs: 7000 });
    expect(error.message).toContain('429');
    expect(server.requests).toHaveLength(1);
  });

  it('reads Retry-After as an HTTP-date', async () => {
    server.script(json(429, {}, { 'retry-after': new Date(Date.now() + 5000).toUTCString() }));
    const error = (await failure(http.getJson(`${server.base}/x`))) as RateLimitedError;
    expect(error.retryAfterMs).toBeGreaterThan(3000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(5000);
  });

  it('defaults Retry-After to 1000 ms when it is absent', async () => {
    server.script(json(429, {}));
    expect(await failure(http.getJson(`${server.base}/x`))).toMatchObject({ retryAfterMs: 1000 });
  });

  it('fails a 404 at once as permanent, with the upstream message', async () => {
    server.script(json(404, { error: { code: 'NOT_FOUND', message: 'no stream widgets' } }));
    const error = await failure(http.getJson(`${server.base}/tax/widgets`));
    expect(error).toMatchObject({ code: 'UPSTREAM_REJECTED', transient: false });
    expect(error.message).toContain('404');
    expect(error.message).toContain('NOT_FOUND: no stream widgets');
    expect(error.message).toContain('/tax/widgets');
    expect(server.requests).toHaveLength(1);
  });

  it('fails a 400 with a plain-text body as permanent, quoting the body', async () => {
    server.script((_req, res) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('bad cursor, friend');
    });
    const error = await failure(http.getJson(`${server.base}/x`));
    expect(error).toMatchObject({ code: 'UPSTREAM_REJECTED', transient: false });
    expect(error.message).toContain('bad cursor, friend');
  });

  it('reports a body that is not JSON as a transient UPSTREAM_BAD_RESPONSE', async () => {
    server.script((_req, res) => res.end('<html>gateway</html>'));
    const error = await failure(http.getJson(`${server.base}/x`));
    expect(error).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', transient: true });
    expect(server.requests).toHaveLength(1);
  });

  it('stops with READ_ABORTED when the signal aborts mid-request, without retrying', async () => {
    server.script(after(2000, json(200, {})));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await failure(http.getJson(`${server.base}/x`, undefined, controller.signal));
    expect(error).toMatchObject({ code: 'READ_ABORTED', transient: false });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it('wakes from a backoff sleep when the signal aborts', async () => {
    const client = new HttpClient({ backoffBaseMs: 10_000, backoffMaxMs: 10_000 });
    server.script(json(503, {}));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    // Full jitter may draw a short first sleep; the abort must still end the call well before 10 s.
    const error = await failure(client.getJson(`${server.base}/x`, undefined, controller.signal));
    await client.close();
    expect(error).toMatchObject({ code: 'READ_ABORTED' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('leaves no listeners on a long-lived signal', async () => {
    server.script(json(200, {}), json(503, {}), json(200, {}));
    const controller = new AbortController();
    for (let i = 0; i < 3; i++) await http.getJson(`${server.base}/x`, undefined, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const error = await failure(http.getJson(`${server.base}/x`, undefined, AbortSignal.abort()));
    expect(error).toMatchObject({ code: 'READ_ABORTED' });
    expect(server.requests).toHaveLength(0);
  });

  it('reuses its keep-alive connections across answers of every kind (bodies are always drained)', async () => {
    // Bodies larger than the socket buffers (yet under dump()'s 128 KiB): an undrained one keeps its connection busy.
    const big = { padding: 'x'.repeat(100_000) };
    const kinds = [json(200, big), json(404, big), json(429, big), json(503, big), json(400, big)];
    server.script(...Array.from({ length: 40 }, (_, i) => kinds[i % kinds.length]!));
    const client = new HttpClient({ retries: 0 });
    for (let i = 0; i < 40; i++) await client.getJson(`${server.base}/r${i}`).catch(() => undefined);
    await client.close();
    expect(server.requests).toHaveLength(40);
    // undici may open a second socket while the first is being released; an undrained body would cost one per request.
    expect(server.clientPorts.size).toBeLessThanOrEqual(2);
  });

  it('retries refused connections and then reports UPSTREAM_UNAVAILABLE', async () => {
    const probe = new ScriptedServer();
    await probe.start();
    const dead = probe.base;
    await probe.stop();
    const client = new HttpClient({ retries: 1, backoffBaseMs: 1, backoffMaxMs: 2 });
    const error = await failure(client.getJson(`${dead}/x`));
    await client.close();
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', transient: true });
    expect(error.message).toContain(dead);
  });

  it('keeps secrets out of error messages', async () => {
    server.script(json(403, { error: { code: 'FORBIDDEN', message: 'bad key' } }));
    const error = await failure(http.getJson(`http://user:pw@127.0.0.1:${new URL(server.base).port}/x`, { api_key: 's3cret', limit: 5 }));
    expect(error.message).not.toContain('s3cret');
    expect(error.message).not.toContain('pw');
    expect(error.message).toContain('limit=5');
  });

  it('rejects nonsensical options', () => {
    expect(() => new HttpClient({ retries: -1 })).toThrow(/retries/);
    expect(() => new HttpClient({ timeoutMs: 0 })).toThrow(/timeoutMs/);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-10-01T00:00:00Z');
  it.each([
    ['3', 3000],
    ['0', 0],
    ['1.5', 1500],
    ['Thu, 01 Oct 2026 00:00:30 GMT', 30_000],
    ['Wed, 30 Sep 2026 23:00:00 GMT', 0],
    [undefined, 1000],
    ['', 1000],
    ['soon', 1000],
    ['-4', 1000],
  ])('%s → %d ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });
});

describe('redactUrl', () => {
  it('masks credentials and secret-looking parameters', () => {
    expect(redactUrl('http://u:p@h/x?token=abc&limit=5&appKey=k')).toBe('http://***@h/x?token=***&limit=5&appKey=***');
  });
});
