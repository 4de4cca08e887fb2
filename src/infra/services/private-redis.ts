import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RedisBinaries } from './binaries';
import { probeRedis } from './probe';
import { retryUntil, spawnDetached, runningFromPidFile, excerptOf, terminate } from './process-control';
import type { RedisEndpoint } from './service-urls';

/** Where a private Redis keeps its files, all under `<dataDir>/redis`. */
export interface PrivateRedisPaths {
  dir: string;
  pidFile: string;
  logFile: string;
  /** redis-server's stdout/stderr: config errors land here before the log file is open. */
  consoleLog: string;
  /** Credentials from the URL, kept out of the process list; only written when the URL has some. */
  credentialsConf: string;
}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 30_000;
const POLL_DELAY_MS = 100;

export function privateRedisPaths(dataDir: string): PrivateRedisPaths {
  const dir = path.join(dataDir, 'redis');
  return {
    dir,
    pidFile: path.join(dir, 'redis.pid'),
    logFile: path.join(dir, 'redis.log'),
    consoleLog: path.join(dir, 'console.log'),
    credentialsConf: path.join(dir, 'credentials.conf'),
  };
}

/**
 * Starts the project's private Redis on the endpoint's (free) port, bound to loopback, with an
 * append-only file for durability and `noeviction` (BullMQ must never lose keys to eviction).
 * The server is detached, so it outlives this process until stopPrivateRedis. Resolves once PING
 * answers with the URL's credentials.
 */
export async function startPrivateRedis(binaries: RedisBinaries, endpoint: RedisEndpoint, redisUrl: string, paths: PrivateRedisPaths): Promise<void> {
  await mkdir(paths.dir, { recursive: true });
  const stale = await runningFromPidFile(paths.pidFile, paths.dir);
  if (stale !== undefined) await terminate(stale, STOP_TIMEOUT_MS);

  const credentials = await writeCredentials(endpoint, paths);
  const args = [
    ...credentials, // a config file, if any, must be the first argument
    '--port', String(endpoint.port),
    '--bind', endpoint.host === '::1' ? '::1' : '127.0.0.1',
    '--dir', paths.dir,
    // Detached by us rather than `--daemonize yes`: a daemonized server that fails to bind exits
    // before writing its pid file, leaving nothing to notice but a timeout.
    '--daemonize', 'no',
    '--pidfile', paths.pidFile,
    '--logfile', paths.logFile,
    '--appendonly', 'yes',
    '--save', '',
    '--maxmemory-policy', 'noeviction',
  ];
  const { pid, exitStatus } = spawnDetached(binaries.server, args, paths.dir, paths.consoleLog);

  const problem = await retryUntil<string>(
    async () => {
      const exited = exitStatus();
      if (exited !== undefined) return `redis-server ${exited}`;
      const probe = await probeRedis(redisUrl, 1_000);
      if (probe.state === 'answers') return '';
      return probe.state === 'rejected' ? `redis-server started, but refuses the URL's credentials: ${probe.reason}` : undefined;
    },
    { timeoutMs: START_TIMEOUT_MS, delayMs: POLL_DELAY_MS },
  );
  if (problem === '') return;
  if (pid !== undefined) await terminate(pid, STOP_TIMEOUT_MS);
  const logs = [await excerptOf(paths.consoleLog, { lines: 3 }), await excerptOf(paths.logFile, { lines: 3 })].filter((t) => t !== '').join('\n');
  throw new Error(`${problem ?? `redis-server did not answer PING within ${START_TIMEOUT_MS / 1000} s`}; from ${paths.logFile}:\n${logs}`);
}

/** `[confFile]` when the URL carries credentials, else `[]` (and any old credentials file is removed). */
async function writeCredentials(endpoint: RedisEndpoint, paths: PrivateRedisPaths): Promise<string[]> {
  if (endpoint.password === '') {
    await rm(paths.credentialsConf, { force: true });
    return [];
  }
  const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines =
    endpoint.username === '' || endpoint.username === 'default'
      ? [`requirepass ${quote(endpoint.password)}`]
      : [`user ${quote(endpoint.username)} on ${quote(`>${endpoint.password}`)} ~* &* +@all`, 'user default off'];
  await writeFile(paths.credentialsConf, `${lines.join('\n')}\n`, { mode: 0o600 });
  return [paths.credentialsConf];
}

/** Stops the private Redis of this data folder, if it runs, and waits until it has exited. */
export async function stopPrivateRedis(dataDir: string): Promise<boolean> {
  const paths = privateRedisPaths(dataDir);
  const pid = await runningFromPidFile(paths.pidFile, paths.dir);
  if (pid === undefined) return false;
  await terminate(pid, STOP_TIMEOUT_MS);
  return true;
}
