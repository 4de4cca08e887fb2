import { AccessLogWriter } from '../src/access/access-log-writer';
import type { HubRuntime } from '../src/runtime/hub-runtime';
import { loadGraphiqlSite } from '../src/server/graphiql';
import { startGraphqlServer, type RunningGraphqlServer } from '../src/server/graphql-server';
import { accessLogPlugin } from './access/access-log.plugin';
import { buildHubSchema } from './build-schema';
import { createContextFactory, type GraphqlContext } from './context';
import { createErrorFormatter } from './errors/format-error';
import { MAX_TOKENS, queryLimitsPlugin, tokenLimitAsTooComplex } from './protection/query-limits.plugin';

/** Serves the hub's GraphQL schema on the configured host and port, with GraphiQL and `/healthz`. */
export async function serveHubApi(runtime: HubRuntime): Promise<RunningGraphqlServer> {
  const { config } = runtime;
  const development = config.env === 'development';
  const log = runtime.log.child({ component: 'graphql' });
  const formatError = createErrorFormatter({ development, onInternalError: (error) => log.error({ err: error }, 'request failed') });
  return startGraphqlServer<GraphqlContext>({
    schema: await buildHubSchema(),
    host: config.http.host,
    port: config.http.port,
    context: createContextFactory(runtime),
    includeStacktrace: development,
    // Dashboard builders and GraphiQL need the schema; query limits keep introspection cheap.
    introspection: true,
    formatError: (formatted, error) => formatError(tokenLimitAsTooComplex(formatted), error),
    parseOptions: { maxTokens: MAX_TOKENS },
    plugins: [
      queryLimitsPlugin({ maxDepth: config.api.maxDepth, maxAliases: config.api.maxAliases, maxCost: config.api.maxCost }),
      accessLogPlugin(new AccessLogWriter(runtime.db), (error) => log.error({ err: error }, 'access log write failed')),
    ],
    exposeStatementCount: config.env !== 'production',
    graphiql: config.api.graphiql ? loadGraphiqlSite() : null,
    healthCheck: async () => ({
      database: await runtime.db.query('SELECT 1').then(() => true, () => false),
      redis: await runtime.queues.redis.ping().then((p) => p === 'PONG', () => false),
    }),
  });
}
