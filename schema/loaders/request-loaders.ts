import type { Principal } from '../../src/access/principal';
import type { HubRuntime } from '../../src/runtime/hub-runtime';

/** What a loader factory may use: the process's runtime and the request's principal. */
export interface LoaderScope {
  runtime: HubRuntime;
  principal: Principal | null;
}

export type LoaderFactory<T> = (scope: LoaderScope) => T;

/**
 * The request's DataLoaders, made on first use and dropped with the request, so that no cache outlives
 * it. Each loader lives in the file of the type it serves and is reached through its factory:
 * `ctx.loaders.get(profileRowLoader).load(uscc)`.
 */
export class RequestLoaders {
  private readonly made = new Map<LoaderFactory<unknown>, unknown>();

  constructor(private readonly scope: LoaderScope) {}

  get<T>(factory: LoaderFactory<T>): T {
    if (!this.made.has(factory)) this.made.set(factory, factory(this.scope));
    return this.made.get(factory) as T;
  }
}
