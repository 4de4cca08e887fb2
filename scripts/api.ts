import 'reflect-metadata';
import { serveHubApi } from '../schema/serve-hub-api';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/infra/logger';
import { openHubRuntime } from '../src/runtime/hub-runtime';
import { exitOnBootError, onShutdown } from '../src/runtime/shutdown';

/** `npm run api`: the GraphQL API alone (run workers with `npm run worker`). */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'techfin-api');
  const runtime = await openHubRuntime(config, log);
  const api = await serveHubApi(runtime);
  console.log(`GraphQL API ready at ${api.url}`);
  onShutdown(log, async () => {
    await api.stop();
    await runtime.close();
  });
}

main().catch(exitOnBootError);
