import { access, mkdtemp, readdir, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { createConnection, type RowDataPacket } from 'mysql2/promise';
import {
  dropDatabase,
  ensureDatabase,
  ensureServices,
  InvalidServiceUrlError,
  ServicesUnavailableError,
  stopPrivateServices,
  type EnsureReport,
  type ServiceSettings,
} from '../../src/infra/services';
import { parseDatabaseUrl } from '../../src/infra/services/service-urls';
import { probeMysql, probeRedis } from '../../src/infra/services/probe';

/**
 * Real processes: private MariaDB and Redis on free ports in a temporary data folder. The machine's
 * own servers (3306, 6379) are never touched, and everything started here is stopped and removed.
 */

/** Ports nothing listens on right now, all different: listen on port 0 and let the kernel choose. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<net.Server>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

const exists = (file: string) => access(file).then(() => true, () => false);

describe('ensureServices with private instances', () => {
  let dataDir: string;
  let settings: ServiceSettings;
  let mariadbPort: number;
  let redisPort: number;
  const messages: string[] = [];
  const log = (message: string) => messages.push(message);

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'techfin-services-'));
    [mariadbPort, redisPort] = (await freePorts(2)) as [number, number];
    settings = {
      databaseUrl: `mysql://root@127.0.0.1:${mariadbPort}/techfin_hub_services_test`,
      redisUrl: `redis://127.0.0.1:${redisPort}`,
      dataDir,
      allowInstall: false, // a test never installs packages
    };
  });

  afterAll(async () => {
    await stopPrivateServices(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts both privately, once, even when two setups race', async () => {
    expect((await probeMysql(parseDatabaseUrl(settings.databaseUrl))).state).toBe('down');
    expect((await probeRedis(settings.redisUrl)).state).toBe('down');

    const reports = await Promise.all([ensureServices(settings, log), ensureServices(settings, log)]);
    const started: EnsureReport = { mariadb: 'started-private', redis: 'started-private', installed: [] };
    const running: EnsureReport = { mariadb: 'running', redis: 'running', installed: [] };
    expect(reports).toEqual(expect.arrayContaining([started, running]));
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^MariaDB: nothing answered at 127\\.0\\.0\\.1:${mariadbPort}, so started a private MariaDB`)),
        expect.stringMatching(new RegExp(`^Redis: nothing answered at 127\\.0\\.0\\.1:${redisPort}, so started a private Redis`)),
      ]),
    );
    expect(await exists(path.join(dataDir, 'services.lock'))).toBe(false);
  });

  it('creates a utf8mb4 database that can be used, and drops it', async () => {
    await ensureDatabase(settings.databaseUrl);
    await ensureDatabase(settings.databaseUrl); // idempotent
    const connection = await createConnection({ uri: settings.databaseUrl });
    try {
      await connection.query('CREATE TABLE probe (id INT PRIMARY KEY, name VARCHAR(20))');
      await connection.query('INSERT INTO probe VALUES (1, ?)', ['企业']);
      const [rows] = await connection.query<RowDataPacket[]>('SELECT name, @@character_set_database AS cs, @@collation_database AS co FROM probe');
      expect(rows[0]).toEqual({ name: '企业', cs: 'utf8mb4', co: 'utf8mb4_unicode_ci' });
    } finally {
      await connection.end();
    }
    await dropDatabase(settings.databaseUrl);
    const check = await createConnection({ host: '127.0.0.1', port: mariadbPort, user: 'root' });
    try {
      const [rows] = await check.query<RowDataPacket[]>('SHOW DATABASES LIKE ?', ['techfin_hub_services_test']);
      expect(rows).toHaveLength(0);
    } finally {
      await check.end();
    }
  });

  it('refuses database names that are not plain identifiers before connecting', async () => {
    await expect(ensureDatabase(`mysql://root@127.0.0.1:${mariadbPort}/bad%60name`)).rejects.toBeInstanceOf(InvalidServiceUrlError);
    await expect(ensureDatabase(`mysql://root@127.0.0.1:${mariadbPort}/`)).rejects.toBeInstanceOf(InvalidServiceUrlError);
  });

  it('gives a Redis fit for BullMQ', async () => {
    const redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: 1 });
    try {
      expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
      expect(await redis.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      expect(await redis.config('GET', 'bind')).toEqual(['bind', '127.0.0.1']);
      await redis.set('techfin:probe', 'ok');
      expect(await redis.get('techfin:probe')).toBe('ok');
    } finally {
      redis.disconnect();
    }
  });

  it('reports running on a second call', async () => {
    messages.length = 0;
    await expect(ensureServices(settings, log)).resolves.toEqual({ mariadb: 'running', redis: 'running', installed: [] });
    expect(messages).toEqual([
      expect.stringMatching(new RegExp(`^MariaDB: using the server at 127\\.0\\.0\\.1:${mariadbPort} \\(.*MariaDB`)),
      expect.stringMatching(new RegExp(`^Redis: using the server at 127\\.0\\.0\\.1:${redisPort} \\(\\d`)),
    ]);
  });

  it('grants a new URL user on the private MariaDB', async () => {
    const url = `mysql://hub:p%40ss%27word@127.0.0.1:${mariadbPort}/techfin_hub_services_user`;
    messages.length = 0;
    await expect(ensureServices({ ...settings, databaseUrl: url }, log)).resolves.toMatchObject({ mariadb: 'running' });
    expect(messages).toContain(`MariaDB: granted hub access over TCP from loopback on the server at 127.0.0.1:${mariadbPort}`);
    await ensureDatabase(url);
    const connection = await createConnection({ uri: url });
    try {
      const [rows] = await connection.query<RowDataPacket[]>('SELECT CURRENT_USER() AS who');
      expect(String(rows[0]?.who)).toMatch(/^hub@/);
    } finally {
      await connection.end();
    }
    await dropDatabase(url);
  });

  it('stops both and waits until they have exited', async () => {
    await stopPrivateServices(dataDir);
    expect((await probeMysql(parseDatabaseUrl(settings.databaseUrl))).state).toBe('down');
    expect((await probeRedis(settings.redisUrl)).state).toBe('down');
    await stopPrivateServices(dataDir); // nothing left to stop
  });
});

describe('ensureServices with a remote URL that does not answer', () => {
  /**
   * The setup must probe remote servers, but this test must not send traffic off the machine: every
   * connection to a non-loopback address is failed locally, as a refused connection would be.
   */
  function blockNonLoopbackConnections(): { attempts: string[]; restore: () => void } {
    const original = net.Socket.prototype.connect;
    const attempts: string[] = [];
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      // net.connect() passes its normalised [options, callback] pair as the first argument.
      const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
      const options = (typeof first === 'object' && first !== null ? first : { port: first, host: args[1] }) as { host?: unknown; port?: unknown; path?: unknown };
      const host = typeof options.host === 'string' ? options.host : 'localhost';
      if (typeof options.path === 'string' || ['127.0.0.1', 'localhost', '::1'].includes(host)) {
        return (original as (...a: unknown[]) => net.Socket).apply(this, args);
      }
      attempts.push(`${host}:${String(options.port)}`);
      process.nextTick(() => this.destroy(Object.assign(new Error(`connect ECONNREFUSED ${host} (blocked by the test)`), { code: 'ECONNREFUSED' })));
      return this;
    } as typeof original;
    return { attempts, restore: () => void (net.Socket.prototype.connect = original) };
  }

  it('refuses, names both ways out, and starts nothing', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'techfin-services-remote-'));
    const [redisPort] = await freePorts(1);
    const guard = blockNonLoopbackConnections();
    try {
      const error = await ensureServices(
        { databaseUrl: 'mysql://root@192.0.2.1:3306/x', redisUrl: `redis://127.0.0.1:${redisPort}`, dataDir, allowInstall: false },
        () => undefined,
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ServicesUnavailableError);
      expect(error).toMatchObject({ code: 'SERVICES_UNAVAILABLE', failures: [{ service: 'mariadb' }] });
      const message = (error as Error).message;
      expect(message).toContain('MariaDB at 192.0.2.1:3306 does not answer');
      expect(message).toContain('is not this machine');
      expect(message).toContain('set DATABASE_URL to a reachable MySQL 8 / MariaDB 10.6+ server');
      expect(message).toContain('`docker compose up -d`');
      expect(guard.attempts).toEqual(['192.0.2.1:3306']);
      expect(await readdir(dataDir)).toEqual([]); // the Redis that could have been started was not
    } finally {
      guard.restore();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('ensureServices on a machine without binaries', () => {
  it('stops with a message naming both ways out, before starting anything', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'techfin-services-nobin-'));
    const [mariadbPort, redisPort] = (await freePorts(2)) as [number, number];
    try {
      let error: (Error & { code?: string }) | undefined;
      await jest.isolateModulesAsync(async () => {
        // Pretend this is a machine where neither server is installed and apt-get cannot help.
        jest.doMock('../../src/infra/services/binaries', () => ({
          ...jest.requireActual('../../src/infra/services/binaries'),
          findMariadbBinaries: async () => ({ found: false, reason: 'no local MariaDB binaries were found' }),
          findRedisBinaries: async () => ({ found: false, reason: 'no local redis-server binary was found' }),
          debianInstallSupport: async () => ({ possible: false, reason: 'apt-get is not available' }),
          installDebianPackages: async () => {
            throw new Error('must not install');
          },
        }));
        const isolated = await import('../../src/infra/services/ensure-services');
        error = await isolated
          .ensureServices(
            { databaseUrl: `mysql://root@127.0.0.1:${mariadbPort}/techfin_hub`, redisUrl: `redis://127.0.0.1:${redisPort}`, dataDir, allowInstall: true },
            () => undefined,
          )
          .then(
            () => undefined,
            (e: unknown) => e as Error & { code?: string },
          );
      });
      expect(error).toMatchObject({ name: 'ServicesUnavailableError', code: 'SERVICES_UNAVAILABLE' });
      expect(error?.message).toBe(
        `MariaDB at 127.0.0.1:${mariadbPort} does not answer and no local MariaDB binaries were found (apt-get is not available). ` +
          `Redis at 127.0.0.1:${redisPort} does not answer and no local redis-server binary was found (apt-get is not available). ` +
          'Either set DATABASE_URL to a reachable MySQL 8 / MariaDB 10.6+ server (e.g. mysql://user:pass@host:3306/techfin_hub) ' +
          'and REDIS_URL to a reachable Redis 6.2+ server with maxmemory-policy noeviction (e.g. redis://host:6379), ' +
          'or run `docker compose up -d` to start the MySQL 8 and Redis 7 from docker-compose.yml.',
      );
      expect(await readdir(dataDir)).toEqual([]); // the lock was released, nothing was started
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
