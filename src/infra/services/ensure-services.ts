import path from 'node:path';
import {
  debianInstallSupport,
  findMariadbBinaries,
  findRedisBinaries,
  installDebianPackages,
  type Lookup,
  type MariadbBinaries,
  type RedisBinaries,
} from './binaries';
import { DEBIAN_MARIADB_SOCKET, grantLoopbackAccessThroughSocket } from './mariadb-users';
import { privateMariadbPaths, startPrivateMariadb } from './private-mariadb';
import { privateRedisPaths, startPrivateRedis } from './private-redis';
import { probeMysql, probeRedis, type ProbeResult } from './probe';
import { runningFromPidFile } from './process-control';
import { hostPort, isLoopback, parseDatabaseUrl, parseRedisUrl, type DatabaseEndpoint, type RedisEndpoint } from './service-urls';
import { ServicesUnavailableError, type ServiceFailure, type ServiceName } from './services-unavailable.error';
import { withSetupLock } from './setup-lock';

export interface ServiceSettings {
  /** MySQL-protocol URL, e.g. `mysql://root@127.0.0.1:3306/techfin_hub` (user defaults to root). */
  databaseUrl: string;
  /** e.g. `redis://127.0.0.1:6379`. */
  redisUrl: string;
  /** Absolute folder for private instances, e.g. `<repo>/.data`; created when needed. */
  dataDir: string;
  /** Install Debian's mariadb-server/redis-server when binaries are missing (root on Debian/Ubuntu only). Default true. */
  allowInstall: boolean;
}

export interface EnsureReport {
  mariadb: 'running' | 'started-private';
  redis: 'running' | 'started-private';
  /** Debian packages installed by this call. */
  installed: string[];
}

/** Long enough for apt-get plus a first MariaDB initialisation in another process. */
const LOCK_TIMEOUT_MS = 15 * 60_000;

const LABEL: Record<ServiceName, string> = { mariadb: 'MariaDB', redis: 'Redis' };
const PACKAGE: Record<ServiceName, string> = { mariadb: 'mariadb-server', redis: 'redis-server' };

interface Target {
  service: ServiceName;
  endpoint: DatabaseEndpoint | RedisEndpoint;
  probe: () => Promise<ProbeResult>;
}

/**
 * Makes sure MariaDB and Redis answer at the configured URLs: uses servers that answer; for a
 * loopback URL where nothing answers, starts a private instance under `dataDir` (installing Debian's
 * packages first when the binaries are missing and that is possible). `log` gets one line per
 * service saying what was found and done. Throws ServicesUnavailableError, before starting anything,
 * when a service can be neither found nor started.
 */
export async function ensureServices(settings: ServiceSettings, log: (message: string) => void): Promise<EnsureReport> {
  const dataDir = path.resolve(settings.dataDir);
  const database = parseDatabaseUrl(settings.databaseUrl);
  const redis = parseRedisUrl(settings.redisUrl);
  const targets: Record<ServiceName, Target> = {
    mariadb: { service: 'mariadb', endpoint: database, probe: () => probeMysql(database) },
    redis: { service: 'redis', endpoint: redis, probe: () => probeRedis(settings.redisUrl) },
  };

  const first = await probeAll(targets);
  throwIfAny(unfixable(targets, first, true));
  if (first.mariadb.state === 'answers' && first.redis.state === 'answers') {
    logAnswering(targets, first, log);
    return { mariadb: 'running', redis: 'running', installed: [] };
  }

  // Someone else may be starting the same private instances right now: take turns, then look again.
  return withSetupLock(dataDir, { timeoutMs: LOCK_TIMEOUT_MS, onWait: log }, async () => {
    let probes = await probeAll(targets);
    throwIfAny(unfixable(targets, probes, true));
    const installed = await installMissing(targets, probes, settings.allowInstall, dataDir, log);
    if (installed.length > 0) probes = await probeAll(targets);

    if (probes.mariadb.state === 'rejected') {
      const socket = installed.includes(PACKAGE.mariadb) ? DEBIAN_MARIADB_SOCKET : await privateSocketIfRunning(dataDir);
      probes.mariadb = await grantAndProbeAgain(socket, database, probes.mariadb, log);
    }
    throwIfAny(unfixable(targets, probes, false));

    // Both start at once; one failing does not stop the other, and the error names every failure.
    const report: EnsureReport = { mariadb: 'running', redis: 'running', installed };
    const failures: ServiceFailure[] = [];
    const starts: Array<Promise<void>> = [];
    if (probes.mariadb.state === 'down') {
      starts.push(
        startMariadb(database, dataDir, log).then(
          () => void (report.mariadb = 'started-private'),
          (error: Error) => void failures.push(startFailure('mariadb', database, error)),
        ),
      );
    }
    if (probes.redis.state === 'down') {
      starts.push(
        startRedis(redis, settings.redisUrl, dataDir, log).then(
          () => void (report.redis = 'started-private'),
          (error: Error) => void failures.push(startFailure('redis', redis, error)),
        ),
      );
    }
    logAnswering(targets, probes, log);
    await Promise.all(starts);
    throwIfAny(failures);
    return report;
  });
}

async function probeAll(targets: Record<ServiceName, Target>): Promise<Record<ServiceName, ProbeResult>> {
  const [mariadb, redis] = await Promise.all([targets.mariadb.probe(), targets.redis.probe()]);
  return { mariadb, redis };
}

/**
 * Failures no private instance can fix: a remote server that does not answer, a server that
 * refuses the URL's credentials, or a TLS Redis URL. With `deferOwnMariadb`, a loopback MariaDB that refuses us is left
 * for later: it may be our private instance, which can grant a new user access.
 */
function unfixable(targets: Record<ServiceName, Target>, probes: Record<ServiceName, ProbeResult>, deferOwnMariadb: boolean): ServiceFailure[] {
  const failures: ServiceFailure[] = [];
  for (const { service, endpoint } of Object.values(targets)) {
    const probe = probes[service];
    const where = `${LABEL[service]} at ${hostPort(endpoint)}`;
    if (probe.state === 'rejected' && !(deferOwnMariadb && service === 'mariadb' && isLoopback(endpoint.host))) {
      failures.push({ service, problem: `${where} answers but refuses the URL's credentials (${probe.reason})` });
    } else if (probe.state === 'down' && !isLoopback(endpoint.host)) {
      failures.push({
        service,
        problem: `${where} does not answer (${probe.reason}), and ${endpoint.host} is not this machine, so no private ${LABEL[service]} can be started for it`,
      });
    } else if (probe.state === 'down' && 'tls' in endpoint && endpoint.tls) {
      failures.push({ service, problem: `${where} does not answer (${probe.reason}), and a private Redis cannot serve TLS (rediss://)` });
    }
  }
  return failures;
}

function throwIfAny(failures: readonly ServiceFailure[]): void {
  if (failures.length > 0) throw new ServicesUnavailableError(failures);
}

function logAnswering(targets: Record<ServiceName, Target>, probes: Record<ServiceName, ProbeResult>, log: (message: string) => void): void {
  for (const { service, endpoint } of Object.values(targets)) {
    const probe = probes[service];
    if (probe.state === 'answers') log(`${LABEL[service]}: using the server at ${hostPort(endpoint)} (${probe.version})`);
  }
}

/**
 * Installs the Debian packages for services that do not answer on loopback and have no binaries.
 * Throws ServicesUnavailableError when binaries are missing and installing is not possible.
 */
async function installMissing(
  targets: Record<ServiceName, Target>,
  probes: Record<ServiceName, ProbeResult>,
  allowInstall: boolean,
  dataDir: string,
  log: (message: string) => void,
): Promise<string[]> {
  const lookups: Partial<Record<ServiceName, Lookup<unknown>>> = {};
  if (probes.mariadb.state === 'down') lookups.mariadb = await findMariadbBinaries();
  if (probes.redis.state === 'down') lookups.redis = await findRedisBinaries();
  const missing = (Object.keys(lookups) as ServiceName[]).filter((s) => lookups[s]?.found === false);
  if (missing.length === 0) return [];

  const notFound = (service: ServiceName, why: string): ServiceFailure => {
    const lookup = lookups[service] as { found: false; reason: string };
    return { service, problem: `${LABEL[service]} at ${hostPort(targets[service].endpoint)} does not answer and ${lookup.reason} (${why})` };
  };
  const support = await debianInstallSupport(allowInstall);
  if (!support.possible) throw new ServicesUnavailableError(missing.map((s) => notFound(s, support.reason)));

  const packages = missing.map((s) => PACKAGE[s]);
  const logFile = path.join(dataDir, 'apt-get.log');
  const started = Date.now();
  try {
    await installDebianPackages(support.aptGet, packages, logFile);
  } catch (error) {
    throw new ServicesUnavailableError(missing.map((s) => notFound(s, `installing ${PACKAGE[s]} failed: ${(error as Error).message}`)));
  }
  log(`installed ${packages.join(' ')} with apt-get (${seconds(started)}; output in ${logFile})`);
  return packages;
}

/** The private MariaDB's socket when our instance runs, so that a new URL user can be granted access. */
async function privateSocketIfRunning(dataDir: string): Promise<string | undefined> {
  const paths = privateMariadbPaths(dataDir);
  return (await runningFromPidFile(paths.pidFile, paths.data)) !== undefined ? paths.socket : undefined;
}

/**
 * A MariaDB that refuses the URL's user is fixed only when it is ours to administer: the private
 * instance, or the Debian server this very call installed (whose root logs in by unix socket only).
 */
async function grantAndProbeAgain(socket: string | undefined, endpoint: DatabaseEndpoint, probe: ProbeResult, log: (message: string) => void): Promise<ProbeResult> {
  if (socket === undefined) return probe;
  try {
    if (!(await grantLoopbackAccessThroughSocket(socket, endpoint))) return probe;
  } catch {
    return probe;
  }
  log(`MariaDB: granted ${endpoint.user} access over TCP from loopback on the server at ${hostPort(endpoint)}`);
  return probeMysql(endpoint);
}

async function startMariadb(endpoint: DatabaseEndpoint, dataDir: string, log: (message: string) => void): Promise<void> {
  const lookup = await findMariadbBinaries();
  if (!lookup.found) throw new Error(lookup.reason);
  const binaries: MariadbBinaries = lookup.binaries;
  const paths = privateMariadbPaths(dataDir);
  const started = Date.now();
  await startPrivateMariadb(binaries, endpoint, paths);
  const version = /Ver\s+(\S+)/.exec(binaries.version)?.[1] ?? binaries.version;
  log(`MariaDB: nothing answered at ${hostPort(endpoint)}, so started a private MariaDB ${version} there (${seconds(started)}; data in ${paths.root})`);
}

async function startRedis(endpoint: RedisEndpoint, redisUrl: string, dataDir: string, log: (message: string) => void): Promise<void> {
  const lookup = await findRedisBinaries();
  if (!lookup.found) throw new Error(lookup.reason);
  const binaries: RedisBinaries = lookup.binaries;
  const paths = privateRedisPaths(dataDir);
  const started = Date.now();
  await startPrivateRedis(binaries, endpoint, redisUrl, paths);
  const version = /v=(\S+)/.exec(binaries.version)?.[1] ?? binaries.version;
  log(`Redis: nothing answered at ${hostPort(endpoint)}, so started a private Redis ${version} there (${seconds(started)}; data in ${paths.dir})`);
}

function startFailure(service: ServiceName, endpoint: DatabaseEndpoint | RedisEndpoint, error: Error): ServiceFailure {
  return { service, problem: `${LABEL[service]} at ${hostPort(endpoint)} does not answer and starting a private ${LABEL[service]} failed: ${error.message}` };
}

const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;
