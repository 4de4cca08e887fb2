import path from 'node:path';
import { stopPrivateMariadb } from './private-mariadb';
import { stopPrivateRedis } from './private-redis';

/**
 * Stops the private MariaDB and Redis that ensureServices started in `dataDir` (found by their pid
 * files, and only if those processes still run from that folder) and waits until both have exited.
 * Servers it did not start are never touched. Data stays in `dataDir` for the next start.
 */
export async function stopPrivateServices(dataDir: string): Promise<void> {
  const dir = path.resolve(dataDir);
  await Promise.all([stopPrivateMariadb(dir), stopPrivateRedis(dir)]);
}
