import IORedis from 'ioredis';
import mysql from 'mysql2/promise';
import { TEST_RUN_ENV, testRedisUrl, testServerUrl } from './test-env';

/** Leaves the services as the run found them: drops this run's databases and Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const run = process.env[TEST_RUN_ENV];
  if (!run) return;
  const connection = await mysql.createConnection({ uri: testServerUrl().toString() });
  try {
    const [rows] = await connection.query('SHOW DATABASES LIKE ?', [`techfin\\_hub\\_t\\_${run}\\_%`]);
    for (const row of rows as Array<Record<string, string>>) {
      await connection.query(`DROP DATABASE IF EXISTS \`${Object.values(row)[0]}\``);
    }
  } finally {
    await connection.end();
  }
  const redis = new IORedis(testRedisUrl(), { maxRetriesPerRequest: 1 });
  try {
    await deleteKeys(redis, `techfin-t-${run}-*`);
  } finally {
    redis.disconnect();
  }
}

export async function deleteKeys(redis: IORedis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}
