import type { HubRuntime } from '../src/runtime/hub-runtime';

/** What every resolver gets: the process's runtime. Per-request loaders join it as the API grows. */
export interface GraphqlContext {
  runtime: HubRuntime;
}

export function createContextFactory(runtime: HubRuntime): () => Promise<GraphqlContext> {
  return async () => ({ runtime });
}
