import { createApiKey, createInstitution } from '../../src/access/api-keys.service';
import { serveHubApi } from '../../schema/serve-hub-api';
import type { RunningGraphqlServer } from '../../src/server/graphql-server';
import type { SandboxOptions } from '../../connectors/sandbox/sandbox';
import type { Env } from '../../src/config/config';
import { syncThroughQueue } from './ingest-expectations';
import { createTestHub, type TestHub } from './test-hub';

export interface GraphqlResponse<T = any> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> & { code?: string } }>;
  extensions?: Record<string, unknown>;
}

/** The principals every API test can act as. */
export interface ApiKeys {
  /** HUB_BOOTSTRAP_ADMIN_KEY, which lives in the environment only. */
  bootstrap: string;
  admin: string;
  steward: string;
  /** An INSTITUTION key of `qilu-bank`. */
  bankA: string;
  /** An INSTITUTION key of `jinan-rural-bank`. */
  bankB: string;
}

export interface ApiTestHub {
  hub: TestHub;
  api: RunningGraphqlServer;
  url: string;
  keys: ApiKeys;
  /** POSTs a GraphQL request; `key` null sends no Authorization header. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, key?: string | null, headers?: Record<string, string>): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

/**
 * A hub served over real HTTP for API tests: its own database and queues, the sandbox's enterprises
 * (60 by default) synced through BullMQ with their profiles built unless `sync` is false, two banks
 * and a key for each kind of principal.
 */
export async function createApiTestHub(options: { sandbox?: Partial<SandboxOptions>; env?: Env; asOf?: string; sync?: boolean } = {}): Promise<ApiTestHub> {
  const bootstrap = 'bootstrap-admin-key-for-tests-0123456789';
  const hub = await createTestHub({
    sandbox: { seed: 11, enterprises: 60, invalidRate: 0.01, ...options.sandbox },
    env: { PROFILE_AS_OF: options.asOf ?? '2026-10-01', HUB_BOOTSTRAP_ADMIN_KEY: bootstrap, PORT: '0', ...options.env },
  });
  try {
    if (options.sync ?? true) {
      hub.startWorkers();
      await hub.startProfileWorker();
      await syncThroughQueue(hub.runtime.db, hub.runtime.queues, hub.runtime.catalog.targets());
      await hub.waitUntilProfiled(300_000);
    }
    const { db } = hub.runtime;
    await createInstitution(db, { code: 'qilu-bank', name: '齐鲁银行' });
    await createInstitution(db, { code: 'jinan-rural-bank', name: '济南农商银行' });
    const keys: ApiKeys = {
      bootstrap,
      admin: (await createApiKey(db, { name: 'test-admin', role: 'ADMIN' })).key,
      steward: (await createApiKey(db, { name: 'test-steward', role: 'STEWARD' })).key,
      bankA: (await createApiKey(db, { name: 'qilu-credit-desk', role: 'INSTITUTION', institutionCode: 'qilu-bank' })).key,
      bankB: (await createApiKey(db, { name: 'rural-credit-desk', role: 'INSTITUTION', institutionCode: 'jinan-rural-bank' })).key,
    };
    const api = await serveHubApi(hub.runtime);
    const gql = async (query: string, variables?: Record<string, unknown>, key: string | null = keys.admin, extra: Record<string, string> = {}) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...extra };
      if (key !== null) headers.authorization = `Bearer ${key}`;
      const response = await fetch(api.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as Omit<GraphqlResponse, 'status' | 'headers'>;
      return { status: response.status, headers: response.headers, ...body };
    };
    return {
      hub,
      api,
      url: api.url,
      keys,
      gql,
      async close() {
        await api.stop();
        await hub.close();
      },
    };
  } catch (error) {
    await hub.close();
    throw error;
  }
}
