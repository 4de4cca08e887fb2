import type { HubRuntime } from '../src/runtime/hub-runtime';
import { startGraphqlServer, type RunningGraphqlServer } from '../src/server/graphql-server';
import { buildHubSchema } from './build-schema';
import { createContextFactory } from './context';

/** Serves the hub's GraphQL schema on the configured host and port. */
export async function serveHubApi(runtime: HubRuntime): Promise<RunningGraphqlServer> {
  return startGraphqlServer({
    schema: await buildHubSchema(),
    host: runtime.config.http.host,
    port: runtime.config.http.port,
    context: createContextFactory(runtime),
    includeStacktrace: runtime.config.env === 'development',
  });
}
