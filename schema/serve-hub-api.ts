import type { HubRuntime } from '../src/runtime/hub-runtime';
import { startGraphqlServer, type RunningGraphqlServer } from '../src/server/graphql-server';
import { accessLogPlugin } from './access/access-log.plugin';
import { buildHubSchema } from './build-schema';
import { createContextFactory, type GraphqlContext } from './context';
import { createErrorFormatter } from './errors/format-error';

/** Serves the hub's GraphQL schema on the configured host and port. */
export async function serveHubApi(runtime: HubRuntime): Promise<RunningGraphqlServer> {
  const development = runtime.config.env === 'development';
  const log = runtime.log.child({ component: 'graphql' });
  return startGraphqlServer<GraphqlContext>({
    schema: await buildHubSchema(),
    host: runtime.config.http.host,
    port: runtime.config.http.port,
    context: createContextFactory(runtime),
    includeStacktrace: development,
    formatError: createErrorFormatter({ development, onInternalError: (error) => log.error({ err: error }, 'request failed') }),
    plugins: [accessLogPlugin((error) => log.error({ err: error }, 'access log write failed'))],
  });
}
