import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { IncomingMessage } from 'node:http';

export interface GraphqlServerOptions<TContext extends BaseContext> {
  schema: GraphQLSchema;
  host: string;
  port: number;
  /** Builds the per-request context (and with it, per-request loaders). */
  context: (request: { req: IncomingMessage }) => Promise<TContext>;
  /** Include stack traces in errors: development only. */
  includeStacktrace: boolean;
  formatError?: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  plugins?: ApolloServerPlugin<TContext>[];
}

export interface RunningGraphqlServer {
  url: string;
  stop(): Promise<void>;
}

/** Serves a GraphQL schema over HTTP at `<url>` (POST and GET). */
export async function startGraphqlServer<TContext extends BaseContext>(options: GraphqlServerOptions<TContext>): Promise<RunningGraphqlServer> {
  const server = new ApolloServer<TContext>({
    schema: options.schema,
    includeStacktraceInErrorResponses: options.includeStacktrace,
    formatError: options.formatError,
    // Apollo's landing page loads from a CDN; the hub serves its own GraphiQL.
    plugins: [ApolloServerPluginLandingPageDisabled(), ...(options.plugins ?? [])],
    // The process's own shutdown sequence stops the server; Apollo's handler would re-raise the signal.
    stopOnTerminationSignals: false,
  });
  const { url } = await startStandaloneServer(server, {
    listen: { host: options.host, port: options.port },
    context: options.context,
  });
  return { url: new URL('graphql', url).toString(), stop: () => server.stop() };
}
