import type { Principal } from '../../src/access/principal';
import { HubError } from '../../src/errors/hub-error';
import type { GraphqlContext } from '../context';

/** The request's principal, for resolvers behind `@Authorized`: a request without a key is refused. */
export function requirePrincipal(ctx: Pick<GraphqlContext, 'principal'>): Principal {
  if (ctx.principal === null) throw new HubError('UNAUTHENTICATED', 'this field needs an API key: send "Authorization: Bearer <key>"');
  return ctx.principal;
}
