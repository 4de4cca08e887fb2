import { createConnection, type Connection } from 'mysql2/promise';
import { InvalidServiceUrlError } from './invalid-service-url.error';
import { parseDatabaseUrl, type DatabaseEndpoint } from './service-urls';

/** Unquoted-identifier characters only, so the name is safe inside backticks and in any shell. */
const DATABASE_NAME = /^[A-Za-z0-9_$]{1,64}$/;

/** Creates the URL's database (utf8mb4, unicode collation) unless it exists. Migrations are separate. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  await onServer(databaseUrl, (connection, name) =>
    connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`),
  );
}

/** Drops the URL's database if it exists: test teardown. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  await onServer(databaseUrl, (connection, name) => connection.query(`DROP DATABASE IF EXISTS \`${name}\``));
}

function validName(databaseUrl: string, endpoint: DatabaseEndpoint): string {
  if (!DATABASE_NAME.test(endpoint.database) || /^\d+$/.test(endpoint.database)) {
    throw new InvalidServiceUrlError(
      'DATABASE_URL',
      databaseUrl,
      `must end with a database name of 1–64 letters, digits, _ or $ (not only digits), like mysql://root@127.0.0.1:3306/techfin_hub; got ${JSON.stringify(endpoint.database)}`,
    );
  }
  return endpoint.database;
}

async function onServer(databaseUrl: string, work: (connection: Connection, name: string) => Promise<unknown>): Promise<void> {
  const endpoint = parseDatabaseUrl(databaseUrl);
  const name = validName(databaseUrl, endpoint);
  // Connect without the database: it may not exist yet.
  const connection = await createConnection({
    host: endpoint.host,
    port: endpoint.port,
    user: endpoint.user,
    password: endpoint.password,
    connectTimeout: 10_000,
  });
  try {
    await work(connection, name);
  } finally {
    await connection.end().catch(() => connection.destroy());
  }
}
