import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { runCommand, excerptOf } from './process-control';

const execFileAsync = promisify(execFile);

/** Debian keeps daemons in /usr/sbin, which is often missing from a non-root PATH. */
const EXTRA_DIRS = ['/usr/sbin', '/usr/bin', '/usr/local/bin', '/usr/libexec'];

export interface MariadbBinaries {
  server: string;
  installDb: string;
  /** e.g. `mariadbd  Ver 10.11.19-MariaDB-0+deb12u1 for debian-linux-gnu on x86_64 (Debian 12)` */
  version: string;
}

export interface RedisBinaries {
  server: string;
  version: string;
}

export type Lookup<T> = { found: true; binaries: T } | { found: false; reason: string };

/** The first of `names` that is an executable file on PATH or in the usual system folders. */
export async function findExecutable(names: readonly string[]): Promise<string | undefined> {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== ''), ...EXTRA_DIRS];
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      const executable = await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      );
      if (executable) return candidate;
    }
  }
  return undefined;
}

/**
 * `mariadbd` (or the older `mysqld` name) and `mariadb-install-db` (`mysql_install_db`). A `mysqld`
 * from Oracle MySQL is not used: it initialises differently and the setup only knows MariaDB's way.
 */
export async function findMariadbBinaries(): Promise<Lookup<MariadbBinaries>> {
  const server = await findExecutable(['mariadbd', 'mysqld']);
  const installDb = await findExecutable(['mariadb-install-db', 'mysql_install_db']);
  if (server === undefined || installDb === undefined) {
    return { found: false, reason: 'no local MariaDB binaries were found' };
  }
  const version = await versionOf(server);
  if (!/mariadb/i.test(version)) {
    return { found: false, reason: `${server} is not MariaDB (${version || 'no version output'}), and only MariaDB can be started privately` };
  }
  return { found: true, binaries: { server, installDb, version } };
}

export async function findRedisBinaries(): Promise<Lookup<RedisBinaries>> {
  const server = await findExecutable(['redis-server']);
  if (server === undefined) return { found: false, reason: 'no local redis-server binary was found' };
  return { found: true, binaries: { server, version: await versionOf(server) } };
}

async function versionOf(binary: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync(binary, ['--version'], { timeout: 10_000 });
    return stdout.trim();
  } catch {
    return '';
  }
}

export type InstallSupport = { possible: true; aptGet: string } | { possible: false; reason: string };

/** Packages are installed only as root on Debian/Ubuntu with apt-get, and only if the caller allows it. */
export async function debianInstallSupport(allowInstall: boolean): Promise<InstallSupport> {
  if (!allowInstall) return { possible: false, reason: 'installing packages is switched off, so nothing was installed' };
  const isDebian = await access('/etc/debian_version').then(
    () => true,
    () => false,
  );
  if (!isDebian) return { possible: false, reason: 'not a Debian/Ubuntu system, so nothing was installed' };
  const aptGet = await findExecutable(['apt-get']);
  if (aptGet === undefined) return { possible: false, reason: 'apt-get is not available' };
  if (process.getuid?.() !== 0) return { possible: false, reason: 'not running as root, so nothing was installed' };
  return { possible: true, aptGet };
}

/** Debian's apt takes ~15 s for both packages; a slow mirror or a held dpkg lock gets much longer. */
const APT_TIMEOUT_MS = 10 * 60_000;

/** `apt-get update && apt-get install -y --no-install-recommends <packages>`, output in `logFile`. */
export async function installDebianPackages(aptGet: string, packages: readonly string[], logFile: string): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Wait for a dpkg lock held by e.g. unattended-upgrades instead of failing at once.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=120'];
  const steps: Array<readonly string[]> = [
    [...lockWait, 'update'],
    [...lockWait, 'install', '-y', '--no-install-recommends', ...packages],
  ];
  for (const args of steps) {
    const result = await runCommand(aptGet, args, { logFile, timeoutMs: APT_TIMEOUT_MS, env });
    if (result.exitCode !== 0) {
      throw new Error(`apt-get ${args.filter((a) => !lockWait.includes(a)).join(' ')} failed (exit ${result.exitCode}); from ${logFile}:\n${await excerptOf(logFile)}`);
    }
  }
}
