import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { authenticate } from '../src/access/api-keys.service';
import type { Principal } from '../src/access/principal';
import { PrincipalCache } from '../src/access/principal-cache';
import type { HubRuntime } from '../src/runtime/hub-runtime';
import { AccessRecorder } from './access/access-recorder';
import { RequestLoaders } from './loaders/request-loaders';

/** What every resolver gets: the runtime, who is asking, the request's loaders and its access log. */
export interface GraphqlContext {
  runtime: HubRuntime;
  /** Null for a request without `Authorization`; resolvers marked `@Authorized` refuse it. */
  principal: Principal | null;
  loaders: RequestLoaders;
  access: AccessRecorder;
  /** The server's cache of recently used keys (a revocation must forget the key here). */
  principals: PrincipalCache;
}

const unauthenticated = (message: string) => new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

/** Reads `Authorization: Bearer <key>`; a malformed header or an unknown or revoked key is refused outright. */
export async function principalOf(runtime: HubRuntime, authorization: string | undefined, cache?: PrincipalCache): Promise<Principal | null> {
  if (authorization === undefined || authorization.trim() === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw unauthenticated('Authorization must be "Bearer <API key>"');
  const principal = await authenticate(runtime.db, match[1]!, runtime.config.api.bootstrapAdminKey, cache);
  if (!principal) throw unauthenticated('the API key is unknown or revoked');
  return principal;
}

export function createContextFactory(runtime: HubRuntime): (request: { req: Pick<IncomingMessage, 'headers'> }) => Promise<GraphqlContext> {
  const principals = new PrincipalCache(runtime.config.api.keyCacheMs);
  return async ({ req }) => {
    const principal = await principalOf(runtime, req.headers.authorization, principals);
    return { runtime, principal, loaders: new RequestLoaders({ runtime, principal }), access: new AccessRecorder(), principals };
  };
}
