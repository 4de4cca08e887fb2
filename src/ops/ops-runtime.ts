import type { HubRuntime } from '../runtime/hub-runtime';

/** What the stewards' operations need of the runtime: the database, the connectors and the queues. */
export type OpsRuntime = Pick<HubRuntime, 'config' | 'db' | 'catalog' | 'queues' | 'profiles' | 'log'>;
