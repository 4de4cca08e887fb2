import path from 'node:path';
import { ensureServices } from '../../src/infra/services/ensure-services';
import { newRunId, TEST_RUN_ENV, testRedisUrl, testServerUrl } from './test-env';

/** Obtains MariaDB and Redis once for the whole run (starting private ones if needed). */
export default async function globalSetup(): Promise<void> {
  if (process.env[TEST_RUN_ENV]) return;
  process.env[TEST_RUN_ENV] = newRunId();
  const databaseUrl = testServerUrl();
  databaseUrl.pathname = '/techfin_hub_test';
  await ensureServices(
    {
      databaseUrl: databaseUrl.toString(),
      redisUrl: testRedisUrl(),
      dataDir: path.resolve(__dirname, '..', '..', '.data'),
      allowInstall: true,
    },
    (message) => console.log(`[test services] ${message}`),
  );
}
