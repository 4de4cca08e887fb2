/**
 * Every failure the hub raises on purpose carries a stable code; the GraphQL edge and the CLI
 * translate codes, never messages.
 */
export const HUB_ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFIG_INVALID',
  'CURSOR_CONFLICT',
  'UNKNOWN_CONNECTOR',
  'UNKNOWN_STREAM',
  'SERVICES_UNAVAILABLE',
  'SYNC_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'INVALID_TRANSITION',
  'IDEMPOTENCY_CONFLICT',
  'CONFLICT',
] as const;
export type HubErrorCode = (typeof HUB_ERROR_CODES)[number];

export class HubError extends Error {
  /** Machine-readable facts about the failure (e.g. the expected check character), shown to clients. */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    readonly code: HubErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options);
    this.details = options?.details;
    this.name = 'HubError';
  }
}
