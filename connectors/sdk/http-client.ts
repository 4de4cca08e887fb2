import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, errors, request } from 'undici';
import { ConnectorError, RateLimitedError } from './errors';

export interface HttpClientOptions {
  /** Time allowed for one attempt, from sending the request to the end of the body. Default 10000. */
  timeoutMs: number;
  /** Extra attempts after a network error, a timeout or a 5xx answer. Default 4 (5 attempts in all). */
  retries: number;
  /** First backoff ceiling; it doubles per retry, and the sleep is drawn uniformly below it. Default 250. */
  backoffBaseMs: number;
  /** Largest backoff ceiling. Default 8000. */
  backoffMaxMs: number;
  /** Sent as `User-Agent`. Default `techfin-hub-connector/0.1`. */
  userAgent: string;
}

export const DEFAULT_HTTP_CLIENT_OPTIONS: Readonly<HttpClientOptions> = {
  timeoutMs: 10_000,
  retries: 4,
  backoffBaseMs: 250,
  backoffMaxMs: 8_000,
  userAgent: 'techfin-hub-connector/0.1',
};

/** When an upstream says 429 without a usable `Retry-After`. */
export const DEFAULT_RETRY_AFTER_MS = 1_000;

const SECRET_PARAM = /token|key|secret|pass|sig|auth|credential/i;

/** One attempt's outcome when it is worth another try. */
type Retryable = { retry: ConnectorError };

/**
 * JSON-over-HTTP GET for connectors, on a keep-alive pool of its own. Network errors, timeouts and
 * 5xx answers are retried here with exponential backoff and full jitter; a 429 is not (the job runner
 * pauses the whole connector queue instead); everything else fails at once, classified for the job
 * runner as a transient or permanent `ConnectorError`.
 */
export class HttpClient {
  readonly options: Readonly<HttpClientOptions>;
  private readonly agent: Agent;

  constructor(options: Partial<HttpClientOptions> = {}) {
    const merged = { ...DEFAULT_HTTP_CLIENT_OPTIONS, ...dropUndefined(options) };
    for (const key of ['timeoutMs', 'retries', 'backoffBaseMs', 'backoffMaxMs'] as const) {
      const value = merged[key];
      if (!Number.isInteger(value) || value < 0) throw new RangeError(`HttpClient option ${key} must be a non-negative integer, got ${value}`);
    }
    if (merged.timeoutMs === 0) throw new RangeError('HttpClient option timeoutMs must be positive');
    this.options = Object.freeze(merged);
    this.agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000 });
  }

  /** GETs `url` (plus `query`, skipping undefined values) and returns the parsed JSON body. */
  async getJson(url: string, query?: Record<string, string | number | undefined>, signal?: AbortSignal): Promise<unknown> {
    const target = buildUrl(url, query);
    const shown = `GET ${redactUrl(target)}`;
    const attempts = this.options.retries + 1;
    for (let attempt = 1; ; attempt++) {
      throwIfAborted(signal, shown);
      const outcome = await this.attempt(target, shown, signal);
      if (!('retry' in outcome)) return outcome.body;
      if (attempt >= attempts) {
        const last = outcome.retry;
        throw new ConnectorError(last.code, `${last.message} (gave up after ${attempts} attempts)`, true, { cause: last.cause ?? last });
      }
      await this.backoff(attempt, signal, shown);
    }
  }

  /** Closes the pooled connections; the client is unusable afterwards. */
  async close(): Promise<void> {
    await this.agent.close();
  }

  private async attempt(target: URL, shown: string, signal: AbortSignal | undefined): Promise<{ body: unknown } | Retryable> {
    // One controller per attempt, ended by our timer or the caller's signal; both are detached in
    // `finally`, so a long-lived worker signal does not collect a listener per request.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`timed out after ${this.options.timeoutMs} ms`));
    }, this.options.timeoutMs);
    const onAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await request(target, {
        method: 'GET',
        dispatcher: this.agent,
        signal: controller.signal,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
        headers: { accept: 'application/json', 'user-agent': this.options.userAgent },
      });
      const status = response.statusCode;
      if (status >= 200 && status < 300) {
        const text = await response.body.text();
        try {
          return { body: JSON.parse(text) as unknown };
        } catch (error) {
          throw new ConnectorError('UPSTREAM_BAD_RESPONSE', `${shown} → ${status}: body is not JSON (${snippet(text)})`, true, { cause: error });
        }
      }
      if (status === 429) {
        await response.body.dump();
        const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
        throw new RateLimitedError(retryAfterMs, `${shown} → 429 rate limited; retry after ${retryAfterMs} ms`);
      }
      if (status >= 500) {
        await response.body.dump();
        return { retry: new ConnectorError('UPSTREAM_UNAVAILABLE', `${shown} → ${status}`, true) };
      }
      const text = await response.body.text();
      throw new ConnectorError('UPSTREAM_REJECTED', `${shown} → ${status}: ${upstreamMessage(text)}`, false);
    } catch (error) {
      if (error instanceof ConnectorError) throw error;
      if (signal?.aborted) throw new ConnectorError('READ_ABORTED', `${shown}: aborted`, false, { cause: error });
      if (isProgrammingError(error)) throw error;
      if (timedOut || error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError || error instanceof errors.ConnectTimeoutError) {
        return { retry: new ConnectorError('UPSTREAM_TIMEOUT', `${shown}: no complete answer within ${this.options.timeoutMs} ms`, true, { cause: error }) };
      }
      return { retry: new ConnectorError('UPSTREAM_UNAVAILABLE', `${shown}: ${describeNetworkError(error)}`, true, { cause: error }) };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Full jitter: a uniform sleep below min(max, base·2^(attempt−1)); wakes at once on abort. */
  private async backoff(attempt: number, signal: AbortSignal | undefined, shown: string): Promise<void> {
    const ceiling = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (attempt - 1));
    try {
      await sleep(Math.random() * ceiling, undefined, signal === undefined ? undefined : { signal });
    } catch (error) {
      throw new ConnectorError('READ_ABORTED', `${shown}: aborted while backing off`, false, { cause: error });
    }
  }
}

/**
 * `Retry-After` as delay-seconds or an HTTP-date, in milliseconds from `now`; a date in the past gives 0;
 * absent or unparsable gives {@link DEFAULT_RETRY_AFTER_MS}.
 */
export function parseRetryAfter(header: string | string[] | undefined, now: number = Date.now()): number {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (value === undefined || value === '') return DEFAULT_RETRY_AFTER_MS;
  if (/^\d+(?:\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // HTTP-dates name a weekday and month (IMF-fixdate and the obsolete forms); a bare number never is one.
  if (/[a-z]/i.test(value)) {
    const at = Date.parse(value);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  return DEFAULT_RETRY_AFTER_MS;
}

/** The URL with credentials and secret-looking query values masked, fit for logs and errors. */
export function redactUrl(url: URL | string): string {
  const copy = new URL(url.toString());
  if (copy.username !== '' || copy.password !== '') {
    copy.username = '***';
    copy.password = '';
  }
  for (const key of [...copy.searchParams.keys()]) {
    if (SECRET_PARAM.test(key)) copy.searchParams.set(key, '***');
  }
  return copy.toString();
}

function buildUrl(url: string, query: Record<string, string | number | undefined> | undefined): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch (error) {
    throw new ConnectorError('UPSTREAM_REJECTED', `not a valid URL: ${url.replace(/\/\/[^/@]*@/, '//***@')}`, false, { cause: error });
  }
  if (query !== undefined) {
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) target.searchParams.set(key, String(value));
    }
  }
  return target;
}

function throwIfAborted(signal: AbortSignal | undefined, shown: string): void {
  if (signal?.aborted) throw new ConnectorError('READ_ABORTED', `${shown}: aborted before the request`, false, { cause: signal.reason });
}

/** Misuse of the client (closed pool, bad options) is a bug, not an upstream failure: never retried. */
function isProgrammingError(error: unknown): boolean {
  return (
    error instanceof errors.ClientClosedError ||
    error instanceof errors.ClientDestroyedError ||
    error instanceof errors.InvalidArgumentError ||
    error instanceof TypeError
  );
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code} ${error.message}` : error.message;
  }
  return String(error);
}

/** The `{"error": {"code", "message"}}` text of an upstream error body, or a snippet of the body. */
function upstreamMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = parsed.error ?? {};
    if (typeof message === 'string') return typeof code === 'string' ? `${code}: ${message}` : message;
  } catch {
    // not JSON: fall through to the raw text
  }
  return snippet(text);
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return 'empty body';
  return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
