import 'reflect-metadata';
import { createContextFactory } from '../schema/context';
import { buildHubSchema } from '../schema/build-schema';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/infra/logger';
import { openHubRuntime } from '../src/runtime/hub-runtime';
import { exitOnBootError, onShutdown } from '../src/runtime/shutdown';
import { startGraphqlServer } from '../src/server/graphql-server';

/** `npm run api`: the GraphQL API alone (run workers with `npm run worker`). */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'techfin-api');
  const runtime = await openHubRuntime(config, log);
  const api = await startGraphqlServer({
    schema: await buildHubSchema(),
    host: config.http.host,
    port: config.http.port,
    context: createContextFactory(runtime),
    includeStacktrace: config.env === 'development',
  });
  console.log(`GraphQL API ready at ${api.url}`);
  onShutdown(log, async () => {
    await api.stop();
    await runtime.close();
  });
}

main().catch(exitOnBootError);
