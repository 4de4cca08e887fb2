import { Redis } from 'ioredis';
import type { RowDataPacket } from 'mysql2';
import { createConnection, type Connection } from 'mysql2/promise';
import type { DatabaseEndpoint } from './service-urls';

/**
 * What a probe found at a URL. `rejected` means a server answers but refuses to serve us (wrong
 * credentials, say): its port is taken, so no private instance can be started there.
 */
export type ProbeResult =
  | { state: 'answers'; version: string }
  | { state: 'down'; reason: string }
  | { state: 'rejected'; reason: string };

/** Long enough for a remote server on a slow link, short enough that a newcomer is not left waiting. */
export const DEFAULT_PROBE_TIMEOUT_MS = 2_000;

/** Does a MySQL-protocol server answer at the endpoint and let its user in? Connects without a database. */
export async function probeMysql(endpoint: DatabaseEndpoint, timeoutMs = DEFAULT_PROBE_TIMEOUT_MS): Promise<ProbeResult> {
  let connection: Connection | undefined;
  try {
    connection = await createConnection({
      host: endpoint.host,
      port: endpoint.port,
      user: endpoint.user,
      password: endpoint.password,
      connectTimeout: timeoutMs,
    });
    const [rows] = await connection.query<Array<{ version: string } & RowDataPacket>>('SELECT VERSION() AS version');
    return { state: 'answers', version: rows[0]?.version ?? 'unknown version' };
  } catch (error) {
    // Errors the server sent carry an SQL state; network failures (refused, timed out) do not.
    const sqlState = (error as { sqlState?: unknown }).sqlState;
    const reason = (error as Error).message;
    return typeof sqlState === 'string' && sqlState !== '' ? { state: 'rejected', reason } : { state: 'down', reason };
  } finally {
    await connection?.end().catch(() => connection?.destroy());
  }
}

/** Does a Redis server answer PING at the URL (with the URL's credentials and TLS)? */
export async function probeRedis(redisUrl: string, timeoutMs = DEFAULT_PROBE_TIMEOUT_MS): Promise<ProbeResult> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
    enableOfflineQueue: false,
    // The ready check's INFO has no timeout of its own: something on the port that accepts but never
    // speaks would hold connect() for several timeouts. PING below, with commandTimeout, decides.
    enableReadyCheck: false,
    disableClientInfo: true, // CLIENT SETINFO is awaited before PING and would add one more timeout
    disconnectTimeout: 500,
  });
  // ioredis reports the cause on 'error' and rejects connect() with a bare "Connection is closed".
  let lastError: Error | undefined;
  redis.on('error', (error: Error) => {
    lastError = error;
  });
  try {
    await redis.connect();
    await redis.ping();
    // Managed servers may rename INFO away; the version is only for the log line.
    const info = await redis.info('server').catch(() => '');
    return { state: 'answers', version: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown version' };
  } catch (error) {
    const cause = lastError ?? (error as Error);
    // A reply error (WRONGPASS, NOAUTH, …) comes from a live server; LOADING means not ready yet.
    const refused = cause.name === 'ReplyError' && !cause.message.startsWith('LOADING');
    return refused ? { state: 'rejected', reason: cause.message } : { state: 'down', reason: cause.message };
  } finally {
    // After a failed connect the stream is already closed (status 'end'); ioredis' disconnect() would
    // then wait for a 'close' that never comes and hold the process open for disconnectTimeout (2 s).
    if (redis.status !== 'end') redis.disconnect();
  }
}
