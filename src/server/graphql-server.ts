import { ApolloServer, HeaderMap, type ApolloServerPlugin, type BaseContext, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLFormattedError, GraphQLSchema, ParseOptions } from 'graphql';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withStatementTally, type StatementTally } from '../db/statement-counter';
import { GRAPHIQL_ASSET_PREFIX, type GraphiqlSite } from './graphiql';

/** The path the API answers on; GraphiQL is served at the same path to browsers. */
export const GRAPHQL_PATH = '/graphql';
export const HEALTHZ_PATH = '/healthz';

/** Default largest request body: 1 MiB. A profile query for every field is about 10 KB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface GraphqlServerOptions<TContext extends BaseContext> {
  schema: GraphQLSchema;
  host: string;
  port: number;
  /** Builds the per-request context (and with it, per-request loaders). */
  context: (request: { req: IncomingMessage }) => Promise<TContext>;
  /** Include stack traces in errors: development only. */
  includeStacktrace: boolean;
  /** Answer `__schema` / `__type` (Apollo's own default turns them off when NODE_ENV=production). */
  introspection: boolean;
  formatError?: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  plugins?: ApolloServerPlugin<TContext>[];
  /** Passed to graphql-js `parse` (e.g. `maxTokens`). */
  parseOptions?: ParseOptions;
  /** Largest request body in bytes; a larger one is refused with 413 (default 1 MiB). */
  maxBodyBytes?: number;
  /** Adds `x-sql-statements: <n>` to every GraphQL response: the SQL statements the request ran. */
  exposeStatementCount: boolean;
  /** GraphiQL for browsers at the GraphQL path, with its assets under `/graphiql/`; null: off. */
  graphiql: GraphiqlSite | null;
  /** What `GET /healthz` reports; any false answers 503. */
  healthCheck: () => Promise<Record<string, boolean>>;
  /** How long `stop()` lets in-flight requests finish before closing their connections (default 10 s). */
  stopGracePeriodMs?: number;
}

export interface RunningGraphqlServer {
  /** `http://host:port/graphql`. */
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then stops Apollo. */
  stop(): Promise<void>;
}

class HttpProblem extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * Serves a GraphQL schema over plain `node:http` through Apollo's `executeHTTPGraphQLRequest`, so the
 * same origin also serves GraphiQL and `/healthz`, and every request is counted in SQL statements.
 * No CORS headers are sent: only same-origin browser pages (GraphiQL) may call the API.
 */
export async function startGraphqlServer<TContext extends BaseContext>(options: GraphqlServerOptions<TContext>): Promise<RunningGraphqlServer> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> = async (_req, res) => sendJson(res, 503, { errors: [{ message: 'starting' }] });
  // Requests being handled, including those whose client has hung up: stop() waits for them, so
  // none touches the database after the runtime closes.
  const inFlight = new Set<Promise<void>>();
  const httpServer = createServer((req, res) => {
    const handling = handle(req, res)
      .catch((error: unknown) => {
        // Only transport failures land here (Apollo answers GraphQL errors itself); the client gets no detail.
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
        else res.destroy(error instanceof Error ? error : undefined);
      })
      .finally(() => inFlight.delete(handling));
    inFlight.add(handling);
  });
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    includeStacktraceInErrorResponses: options.includeStacktrace,
    introspection: options.introspection,
    formatError: options.formatError,
    parseOptions: options.parseOptions,
    plugins: [
      // Apollo's landing page loads from a CDN; the hub serves its own GraphiQL.
      ApolloServerPluginLandingPageDisabled(),
      // Responses are per API key, so HTTP cache hints are of no use; Apollo's cache-control plugin
      // would otherwise wrap every field resolver (a large share of a 200-field profile's time).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.stopGracePeriodMs ?? 10_000 }),
      ...(options.plugins ?? []),
    ],
    // The process's own shutdown sequence stops the server; Apollo's handler would re-raise the signal.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  handle = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname === GRAPHQL_PATH || url.pathname === `${GRAPHQL_PATH}/`) {
      if (options.graphiql && method === 'GET' && acceptsHtml(req)) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(options.graphiql.page(GRAPHQL_PATH));
        return;
      }
      await serveGraphql(req, res, method, url);
      return;
    }
    if (url.pathname === HEALTHZ_PATH && (method === 'GET' || method === 'HEAD')) {
      const checks = await options.healthCheck().catch(() => ({ checks: false }));
      const ok = Object.values(checks).every(Boolean);
      sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', ...checks }, method === 'HEAD');
      return;
    }
    const asset = options.graphiql && url.pathname.startsWith(GRAPHIQL_ASSET_PREFIX) ? options.graphiql.asset(url.pathname) : undefined;
    if (asset && (method === 'GET' || method === 'HEAD')) {
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const body = gzip ? asset.gzipped() : asset.body;
      res.writeHead(200, {
        'content-type': asset.contentType,
        'content-length': body.length,
        'cache-control': 'public, max-age=3600',
        vary: 'accept-encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(method === 'HEAD' ? undefined : body);
      return;
    }
    sendJson(res, 404, { errors: [{ message: `nothing at ${url.pathname}; the GraphQL API is at ${GRAPHQL_PATH}` }] });
  };

  async function serveGraphql(req: IncomingMessage, res: ServerResponse, method: string, url: URL): Promise<void> {
    let body: unknown;
    try {
      body = method === 'POST' ? await readJsonBody(req, maxBodyBytes) : undefined;
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      // Unread request bytes would otherwise be parsed as the next request on this connection.
      sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] }, false, { connection: 'close' });
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method, headers, search: url.search, body };
    const tally: StatementTally = { statements: 0 };
    const execute = () => apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => options.context({ req }) });
    // The tally needs async context tracking on every promise: only when the count is shown.
    const response = options.exposeStatementCount ? await withStatementTally(tally, execute) : await execute();
    await writeResponse(res, response, options.exposeStatementCount ? tally : null);
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  return {
    url: `${baseUrl(httpServer)}${GRAPHQL_PATH}`,
    async stop() {
      // Apollo's drain plugin stops accepting and lets open connections finish; then the stragglers.
      await apollo.stop();
      await Promise.allSettled([...inFlight]);
    },
  };
}

async function writeResponse(res: ServerResponse, response: HTTPGraphQLResponse, tally: StatementTally | null): Promise<void> {
  for (const [key, value] of response.headers) res.setHeader(key, value);
  if (tally) res.setHeader('x-sql-statements', String(tally.statements));
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function acceptsHtml(req: IncomingMessage): boolean {
  return String(req.headers.accept ?? '').includes('text/html');
}

/**
 * The body of a JSON POST, parsed; undefined for any other content type (Apollo then refuses it with
 * its own message). Refuses bodies over `limit` bytes (413), charsets other than UTF-8 (415) and
 * JSON that does not parse (400).
 */
async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new HttpProblem(413, `request body of ${declared} bytes is over the limit of ${limit} bytes`);
  const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
  const [mime, ...parameters] = contentType.split(';').map((p) => p.trim());
  const charset = parameters.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpProblem(413, `request body is over the limit of ${limit} bytes`);
    chunks.push(chunk);
  }
  if (mime !== 'application/json' && !(mime ?? '').endsWith('+json')) return undefined;
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') throw new HttpProblem(415, `unsupported charset "${charset}": send UTF-8`);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'request body is not valid JSON');
  }
}

function sendJson(res: ServerResponse, status: number, payload: unknown, headOnly = false, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...extraHeaders });
  res.end(headOnly ? undefined : text);
}

function baseUrl(server: Server): string {
  const { address, port } = server.address() as AddressInfo;
  const host = address === '' || address === '::' || address === '0.0.0.0' ? 'localhost' : address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${port}`;
}
