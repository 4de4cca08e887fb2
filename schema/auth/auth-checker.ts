import type { AuthChecker } from 'type-graphql';
import type { Role } from '../../src/access/principal';
import { HubError } from '../../src/errors/hub-error';
import type { GraphqlContext } from '../context';

/**
 * `@Authorized()` lets any principal in; `@Authorized('STEWARD', 'ADMIN')` only those roles. A request
 * without a key gets UNAUTHENTICATED, a key without the role FORBIDDEN (see format-error.ts).
 */
export const authChecker: AuthChecker<GraphqlContext, Role> = ({ context }, roles) => {
  if (context.principal === null) throw new HubError('UNAUTHENTICATED', 'this field needs an API key: send "Authorization: Bearer <key>"');
  return roles.length === 0 || roles.includes(context.principal.role);
};
