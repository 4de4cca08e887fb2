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
] as const;
export type HubErrorCode = (typeof HUB_ERROR_CODES)[number];

export class HubError extends Error {
  constructor(
    readonly code: HubErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HubError';
  }
}
