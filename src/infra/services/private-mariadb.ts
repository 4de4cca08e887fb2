import { createHash } from 'node:crypto';
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MariadbBinaries } from './binaries';
import { grantLoopbackAccessThroughSocket } from './mariadb-users';
import { probeMysql } from './probe';
import { retryUntil, spawnDetached, runCommand, runningFromPidFile, excerptOf, terminate } from './process-control';
import type { DatabaseEndpoint } from './service-urls';

/** Where a private MariaDB keeps its files, all under `<dataDir>/mariadb`. */
export interface PrivateMariadbPaths {
  root: string;
  data: string;
  socket: string;
  pidFile: string;
  errorLog: string;
  /** mariadbd's own stdout/stderr, which rarely says more than the error log. */
  consoleLog: string;
  installLog: string;
  /** Written once mariadb-install-db succeeded; a data folder without it is a half-done init. */
  initialisedMarker: string;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 60_000;
const POLL_DELAY_MS = 250;
/** sun_path holds 108 bytes on Linux (104 on macOS); a deep checkout can exceed it. */
const MAX_SOCKET_PATH = 100;

export function privateMariadbPaths(dataDir: string): PrivateMariadbPaths {
  const root = path.join(dataDir, 'mariadb');
  let socket = path.join(root, 'mariadb.sock');
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) {
    const digest = createHash('sha256').update(root).digest('hex').slice(0, 12);
    socket = path.join(tmpdir(), `techfin-hub-mariadb-${digest}.sock`);
  }
  return {
    root,
    data: path.join(root, 'data'),
    socket,
    pidFile: path.join(root, 'mariadbd.pid'),
    errorLog: path.join(root, 'error.log'),
    consoleLog: path.join(root, 'console.log'),
    installLog: path.join(root, 'install-db.log'),
    initialisedMarker: path.join(root, 'initialised'),
  };
}

/** mariadbd refuses to run as root unless told which user to be; we stay root, owning the files. */
function userArgs(): string[] {
  return process.getuid?.() === 0 ? ['--user=root'] : [];
}

/**
 * Starts the project's private MariaDB on the endpoint's (free) port, bound to loopback, initialising
 * the data folder on first use. The server is detached: it keeps running after this process exits,
 * until stopPrivateMariadb. Resolves once the URL's user can log in over TCP; rejects with the tail
 * of the error log otherwise.
 */
export async function startPrivateMariadb(binaries: MariadbBinaries, endpoint: DatabaseEndpoint, paths: PrivateMariadbPaths): Promise<void> {
  await mkdir(paths.root, { recursive: true });
  await initialiseOnce(binaries, paths);

  // A server of ours that runs but does not answer at this port (the URL's port changed, or it hung)
  // holds the InnoDB lock on the data folder: stop it first.
  const stale = await runningFromPidFile(paths.pidFile, paths.data);
  if (stale !== undefined) await terminate(stale, STOP_TIMEOUT_MS);

  const bindAddress = endpoint.host === '::1' ? '::1' : '127.0.0.1';
  const args = [
    '--no-defaults', // must come first: ignore /etc/mysql/my.cnf, which belongs to the system server
    `--datadir=${paths.data}`,
    `--port=${endpoint.port}`,
    `--bind-address=${bindAddress}`,
    `--socket=${paths.socket}`,
    `--pid-file=${paths.pidFile}`,
    `--log-error=${paths.errorLog}`,
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    ...userArgs(),
  ];
  const { pid, exitStatus } = spawnDetached(binaries.server, args, paths.root, paths.consoleLog);

  let problem: string;
  try {
    problem = await waitUntilUsable(endpoint, paths, exitStatus);
    if (problem === '') return;
  } catch (error) {
    problem = `mariadbd started, but ${(error as Error).message}`;
  }
  // Do not leave a half-working server behind.
  if (pid !== undefined) await terminate(pid, STOP_TIMEOUT_MS);
  throw new Error(`${problem}; from ${paths.errorLog}:\n${await excerptOf(paths.errorLog, { prefer: /\[ERROR\]/ })}`);
}

/** `''` once the URL's user can log in over TCP, else what went wrong. */
async function waitUntilUsable(endpoint: DatabaseEndpoint, paths: PrivateMariadbPaths, exit: () => string | undefined): Promise<string> {
  let granted = false;
  const problem = await retryUntil<string>(
    async () => {
      const exited = exit();
      if (exited !== undefined) return `mariadbd ${exited}`;
      const probe = await probeMysql(endpoint, 1_000);
      if (probe.state === 'answers') return '';
      if (probe.state === 'down') return undefined;
      if (granted) return `mariadbd started, but still refuses ${endpoint.user}: ${probe.reason}`;
      // Up, but the URL's user cannot log in over TCP: mariadb-install-db created only root.
      granted = await grantLoopbackAccessThroughSocket(paths.socket, endpoint);
      return granted ? undefined : `mariadbd started, but the server on ${paths.socket} does not listen on port ${endpoint.port}`;
    },
    { timeoutMs: START_TIMEOUT_MS, delayMs: POLL_DELAY_MS },
  );
  return problem ?? `mariadbd did not accept connections within ${START_TIMEOUT_MS / 1000} s`;
}

async function initialiseOnce(binaries: MariadbBinaries, paths: PrivateMariadbPaths): Promise<void> {
  const initialised = await access(paths.initialisedMarker).then(
    () => true,
    () => false,
  );
  if (initialised) return;
  await rm(paths.data, { recursive: true, force: true });
  const result = await runCommand(
    binaries.installDb,
    [
      '--no-defaults',
      `--datadir=${paths.data}`,
      // root@localhost, root@127.0.0.1 and root@::1 with an empty password, as the default URL expects.
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...userArgs(),
    ],
    { logFile: paths.installLog, timeoutMs: 120_000, cwd: paths.root },
  );
  if (result.exitCode !== 0) {
    throw new Error(`${binaries.installDb} failed (exit ${result.exitCode}); from ${paths.installLog}:\n${await excerptOf(paths.installLog)}`);
  }
  await writeFile(paths.initialisedMarker, `${new Date().toISOString()} ${binaries.version}\n`);
}

/** Stops the private MariaDB of this data folder, if it runs, and waits until it has exited. */
export async function stopPrivateMariadb(dataDir: string): Promise<boolean> {
  const paths = privateMariadbPaths(dataDir);
  const pid = await runningFromPidFile(paths.pidFile, paths.data);
  if (pid === undefined) return false;
  await terminate(pid, STOP_TIMEOUT_MS);
  return true;
}
