import { randomBytes } from 'node:crypto';

/** Names shared by one `npm test` run: every database and queue prefix a test makes starts with these. */
export const TEST_RUN_ENV = 'TECHFIN_TEST_RUN';
export const DEFAULT_TEST_DATABASE_URL = 'mysql://root@127.0.0.1:3306/techfin_hub_test';

export function testRunId(): string {
  const id = process.env[TEST_RUN_ENV];
  if (!id) throw new Error(`${TEST_RUN_ENV} is not set: run the suite through jest (npm test), whose global setup sets it`);
  return id;
}

export const newRunId = (): string => randomBytes(4).toString('hex');

/** Base URL for test databases: TEST_DATABASE_URL, or DATABASE_URL's server, never the demo's database. */
export function testServerUrl(): URL {
  const url = new URL(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL);
  url.pathname = '/';
  return url;
}

export const testRedisUrl = (): string => process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export function testDatabaseUrl(suffix: string): string {
  const url = testServerUrl();
  url.pathname = `/techfin_hub_t_${testRunId()}_${suffix}`;
  return url.toString();
}

export const testQueuePrefix = (suffix: string): string => `techfin-t-${testRunId()}-${suffix}`;
