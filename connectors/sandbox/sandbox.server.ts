import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SimulatedClock } from './clock';
import { decodeCursor } from './cursor';
import type { FaultInjector, FaultSettings } from './faults';
import type { StreamCatalog } from './stream-catalog';
import { AGENCIES, type AgencyId } from './stream.types';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { round } = Math;

export interface SandboxHandlerDeps {
  readonly catalog: StreamCatalog;
  readonly clock: SimulatedClock;
  readonly faults: FaultInjector;
  readonly outcomes: () => Array<{ uscc: string; defaulted: boolean; latentRisk: number }>;
  /** Timers of slow responses, so closing the server can cancel them. */
  readonly timers: Set<NodeJS.Timeout>;
}

type ErrorCode = 'BAD_CURSOR' | 'BAD_PARAMETER' | 'NOT_FOUND' | 'METHOD_NOT_ALLOWED' | 'RATE_LIMITED' | 'UPSTREAM_ERROR';

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BODY = 64 * 1024;
const ClockBody = z.union([
  z.object({ advance_days: z.number().nonnegative().finite() }).strict(),
  z.object({ set: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO-8601 instant') }).strict(),
]);
const FaultsBody = z
  .object({
    rate_429: z.number().min(0).max(1),
    rate_5xx: z.number().min(0).max(1),
    rate_slow: z.number().min(0).max(1),
    slow_ms: z.number().int().min(0).max(600_000),
    retry_after_s: z.number().int().min(0).max(3600),
  })
  .partial()
  .strict();

/** The sandbox's HTTP surface (see docs/sandbox-api.md): agency streams, health and `/_sandbox`. */
export function createRequestHandler(deps: SandboxHandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch((err: unknown) => {
      if (err instanceof HttpError) send(res, err.status, { error: { code: err.code, message: err.message } });
      else send(res, 500, { error: { code: 'UPSTREAM_ERROR', message: err instanceof Error ? err.message : 'internal error' } });
    });
  };
}

async function handle(deps: SandboxHandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const parts = url.pathname.split('/').filter((p) => p.length > 0);
  const method = req.method ?? 'GET';
  if (parts[0] === '_sandbox' && parts.length === 2) return admin(deps, parts[1]!, method, url, req, res);
  if (parts.length !== 2 || !AGENCIES.includes(parts[0] as AgencyId)) throw new HttpError(404, 'NOT_FOUND', `no such path: ${url.pathname}`);
  const [agency, stream] = parts as [AgencyId, string];
  if (method !== 'GET') throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed here; use GET`);
  if (stream === 'health') return send(res, 200, { ok: true, agency, as_of: deps.clock.now().toISOString() });
  const key = `${agency}/${stream}`;
  if (!deps.catalog.has(key)) throw new HttpError(404, 'NOT_FOUND', `agency ${agency} has no stream ${stream}`);

  const fault = deps.faults.next();
  switch (fault.kind) {
    case 'rate_limited':
      res.setHeader('Retry-After', String(fault.retryAfterS));
      throw new HttpError(429, 'RATE_LIMITED', `rate limited; retry after ${fault.retryAfterS} s`);
    case 'server_error':
      throw new HttpError(fault.status, 'UPSTREAM_ERROR', `injected fault ${fault.status}`);
    case 'slow':
      await delay(deps, res, fault.delayMs);
      if (res.destroyed) return;
      break;
    case 'none':
      break;
  }
  streamPage(deps, key, url, res);
}

function streamPage(deps: SandboxHandlerDeps, key: string, url: URL, res: ServerResponse): void {
  const q = url.searchParams;
  const limitText = q.get('limit');
  const limit = limitText === null ? 500 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000 || !/^\d+$/.test(limitText ?? '500')) {
    throw new HttpError(400, 'BAD_PARAMETER', 'limit must be an integer from 1 to 1000');
  }
  const sinceText = q.get('since');
  let since = null;
  if (sinceText !== null && sinceText !== '') {
    since = decodeCursor(sinceText);
    if (since === null) throw new HttpError(400, 'BAD_CURSOR', 'since is not a cursor issued by this sandbox');
    if (since.stream !== key) throw new HttpError(400, 'BAD_CURSOR', `since is a cursor of ${since.stream}, not of ${key}`);
  }
  let updatedSinceMs: number | null = null;
  const updatedText = q.get('updated_since');
  if (since === null && updatedText !== null && updatedText !== '') {
    updatedSinceMs = /^\d{4}-\d{2}-\d{2}/.test(updatedText) ? Date.parse(updatedText) : Number.NaN;
    if (Number.isNaN(updatedSinceMs)) throw new HttpError(400, 'BAD_PARAMETER', 'updated_since must be an ISO-8601 instant');
  }
  const nowMs = deps.clock.nowMs();
  const page = deps.catalog.page(key, { limit, since, updatedSinceMs }, nowMs);
  const nextCursor = page.nextCursor ?? (since !== null ? sinceText : null);
  const body =
    `{"data":[${page.records.join(',')}],"next_cursor":${JSON.stringify(nextCursor)},` +
    `"has_more":${page.hasMore},"as_of":${JSON.stringify(new Date(nowMs).toISOString())}}`;
  sendRaw(res, 200, body);
}

async function admin(deps: SandboxHandlerDeps, what: string, method: string, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const now = (): string => deps.clock.now().toISOString();
  switch (what) {
    case 'clock':
      if (method === 'GET') return send(res, 200, { now: now() });
      if (method !== 'POST') break;
      {
        const body = ClockBody.safeParse(await readJson(req));
        if (!body.success) throw new HttpError(400, 'BAD_PARAMETER', 'body must be {"advance_days": n ≥ 0} or {"set": "<ISO-8601>"}');
        try {
          if ('advance_days' in body.data) deps.clock.advanceDays(body.data.advance_days);
          else deps.clock.set(new Date(body.data.set));
        } catch (err) {
          throw new HttpError(400, 'BAD_PARAMETER', err instanceof Error ? err.message : 'bad clock change');
        }
        return send(res, 200, { now: now() });
      }
    case 'faults':
      if (method === 'GET') return send(res, 200, faultsJson(deps.faults.get()));
      if (method !== 'PUT') break;
      {
        const body = FaultsBody.safeParse(await readJson(req));
        if (!body.success) throw new HttpError(400, 'BAD_PARAMETER', `bad faults body: ${body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        const b = body.data;
        try {
          deps.faults.set({
            ...(b.rate_429 !== undefined && { rate429: b.rate_429 }),
            ...(b.rate_5xx !== undefined && { rate5xx: b.rate_5xx }),
            ...(b.rate_slow !== undefined && { rateSlow: b.rate_slow }),
            ...(b.slow_ms !== undefined && { slowMs: b.slow_ms }),
            ...(b.retry_after_s !== undefined && { retryAfterS: b.retry_after_s }),
          });
        } catch (err) {
          throw new HttpError(400, 'BAD_PARAMETER', err instanceof Error ? err.message : 'bad faults');
        }
        return send(res, 200, faultsJson(deps.faults.get()));
      }
    case 'stats':
      if (method !== 'GET') break;
      {
        const nowMs = deps.clock.nowMs();
        const out: Record<string, unknown> = {};
        for (const key of deps.catalog.keys()) out[key] = deps.catalog.counts(key, nowMs);
        return send(res, 200, out);
      }
    case 'outcomes':
      if (method !== 'GET') break;
      {
        const limit = intParam(url, 'limit', 1000, 1, 10_000);
        const offset = intParam(url, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
        const all = deps.outcomes();
        const data = all.slice(offset, offset + limit).map((o) => ({ uscc: o.uscc, defaulted: o.defaulted, latent_risk: round4(o.latentRisk) }));
        return send(res, 200, { data, total: all.length });
      }
    default:
      throw new HttpError(404, 'NOT_FOUND', `no such admin endpoint: /_sandbox/${what}`);
  }
  throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on /_sandbox/${what}`);
}

function faultsJson(f: FaultSettings): Record<string, number> {
  return { rate_429: f.rate429, rate_5xx: f.rate5xx, rate_slow: f.rateSlow, slow_ms: f.slowMs, retry_after_s: f.retryAfterS };
}

function intParam(url: URL, name: string, fallback: number, min: number, max: number): number {
  const text = url.searchParams.get(name);
  if (text === null || text === '') return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new HttpError(400, 'BAD_PARAMETER', `${name} must be an integer from ${min} to ${max}`);
  return n;
}

function round4(x: number): number {
  return round(x * 10_000) / 10_000;
}

/** Waits, unless the client goes away first (then the timer is dropped and nothing is written). */
function delay(deps: SandboxHandlerDeps, res: ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      deps.timers.delete(timer);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    deps.timers.add(timer);
    res.on('close', done);
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(400, 'BAD_PARAMETER', 'body too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'BAD_PARAMETER', 'body must be JSON');
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  sendRaw(res, status, JSON.stringify(body));
}

function sendRaw(res: ServerResponse, status: number, body: string): void {
  if (res.destroyed || res.writableEnded) return;
  const bytes = Buffer.from(body, 'utf8'); // encode once; the length comes with it
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}
