import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import { HubError, type HubErrorCode } from '../../src/errors/hub-error';

/** Codes a client can see, and what each hub code becomes at the GraphQL edge. */
function clientCode(code: HubErrorCode): string {
  switch (code) {
    case 'BAD_USER_INPUT':
    case 'UNKNOWN_CONNECTOR':
    case 'UNKNOWN_STREAM':
      return 'BAD_USER_INPUT';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'UNAUTHENTICATED':
      return 'UNAUTHENTICATED';
    case 'FORBIDDEN':
      return 'FORBIDDEN';
    case 'QUERY_TOO_COMPLEX':
      return 'QUERY_TOO_COMPLEX';
    case 'INVALID_TRANSITION':
      return 'INVALID_TRANSITION';
    case 'IDEMPOTENCY_CONFLICT':
      return 'IDEMPOTENCY_CONFLICT';
    case 'CONFLICT':
    case 'CURSOR_CONFLICT':
      return 'CONFLICT';
    case 'SERVICES_UNAVAILABLE':
      return 'SERVICE_UNAVAILABLE';
    case 'CONFIG_INVALID':
    case 'SYNC_FAILED':
      return 'INTERNAL_SERVER_ERROR';
  }
}

export interface FormatOptions {
  /** Development keeps stack traces and internal messages. */
  development: boolean;
  /** Called with every error the client is not shown (SQL failures, bugs). */
  onInternalError: (error: unknown) => void;
}

/**
 * Turns whatever a resolver threw into what a client may see: hub errors keep their message and get
 * their code; type-graphql's auth and validation errors get UNAUTHENTICATED / FORBIDDEN /
 * BAD_USER_INPUT; GraphQL's own errors (parse, validation, variables) pass as they are; anything else
 * is INTERNAL_SERVER_ERROR with no message, stack or SQL outside development.
 */
export function createErrorFormatter(options: FormatOptions): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const original = unwrapResolverError(error);
    const where = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
    const stack = options.development && formatted.extensions?.stacktrace ? { stacktrace: formatted.extensions.stacktrace } : {};
    if (original instanceof HubError) {
      const code = clientCode(original.code);
      if (code === 'INTERNAL_SERVER_ERROR') return internal(formatted, original, options, where);
      return { message: original.message, ...where, extensions: { code, ...(original.details ?? {}), ...stack } };
    }
    if (original instanceof AuthenticationError) return { message: original.message, ...where, extensions: { code: 'UNAUTHENTICATED', ...stack } };
    if (original instanceof AuthorizationError) {
      return { message: 'your API key\'s role may not use this field', ...where, extensions: { code: 'FORBIDDEN', ...stack } };
    }
    if (original instanceof ArgumentValidationError) {
      const problems = original.extensions.validationErrors.flatMap((v) => Object.values(v.constraints ?? {}).map((m) => `${v.property}: ${m}`));
      return { message: `invalid arguments: ${problems.join('; ')}`, ...where, extensions: { code: 'BAD_USER_INPUT', ...stack } };
    }
    const code = formatted.extensions?.code;
    if (original instanceof GraphQLError && typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, ...stack } };
    }
    return internal(formatted, original, options, where);
  };
}

function internal(formatted: GraphQLFormattedError, original: unknown, options: FormatOptions, where: object): GraphQLFormattedError {
  options.onInternalError(original);
  if (options.development) return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
  return { message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
