/**
 * Failures a connector can raise, classified for the job runner: a transient one is retried with
 * backoff, a permanent one ends the run at once (BullMQ `UnrecoverableError`), and a rate limit
 * pauses the connector's queue for `retryAfterMs` without using up an attempt.
 */
export type ConnectorErrorCode =
  | 'UPSTREAM_RATE_LIMITED'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_REJECTED'
  | 'UPSTREAM_BAD_RESPONSE'
  | 'READ_ABORTED';

export class ConnectorError extends Error {
  constructor(
    readonly code: ConnectorErrorCode,
    message: string,
    readonly transient: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ConnectorError';
  }
}

export class RateLimitedError extends ConnectorError {
  constructor(
    readonly retryAfterMs: number,
    message: string,
  ) {
    super('UPSTREAM_RATE_LIMITED', message, true);
    this.name = 'RateLimitedError';
  }
}
