import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { dropDatabase } from '../../src/infra/services/ensure-database';
import { newRunId, testDatabaseUrl, testQueuePrefix, testRedisUrl } from '../support/test-env';
import { waitUntil } from '../support/worker-process';

const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);

/**
 * The README's start command, as a newcomer runs it: one process with the sandbox, workers,
 * schedulers and the GraphQL API; the first scheduled runs bring the demo data in.
 */
describe('npm start', () => {
  const suffix = newRunId();
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    PORT: '0',
    SANDBOX_PORT: '0',
    SANDBOX_ENTERPRISES: '150',
    DATABASE_URL: testDatabaseUrl(suffix),
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: testQueuePrefix(suffix),
    HUB_BOOTSTRAP_ADMIN_KEY: `bootstrap-${suffix}-0123456789abcdef`,
    // The demo keys file goes here, not into the developer's own .data/; the services run already.
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'techfin-start-')),
    SERVICES_AUTOSTART: 'false',
  };
  let hub: ChildProcess;
  let output = '';
  let url = '';

  const graphql = async (query: string, key: string | null = env.HUB_BOOTSTRAP_ADMIN_KEY) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key !== null) headers.authorization = `Bearer ${key}`;
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query }) });
    return (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  };

  beforeAll(async () => {
    hub = spawn(process.execPath, ['--no-turbo-escape', '--import', 'tsx', path.join(ROOT, 'scripts', 'start.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    hub.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    hub.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    url = await waitUntil('the GraphQL URL to be printed', async () => /GraphQL API ready at (\S+)/.exec(output)?.[1], 120_000, 200).catch((error: Error) => {
      throw new Error(`${error.message}\n${output}`);
    });
  }, 150_000);

  afterAll(async () => {
    if (hub && hub.exitCode === null) hub.kill('SIGKILL');
    await dropDatabase(env.DATABASE_URL);
    rmSync(env.DATA_DIR, { recursive: true, force: true });
  });

  it('serves GraphQL and fills every stream from the sandbox on its own', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect((await graphql('{ health { database redis } }', null)).data).toEqual({ health: { database: true, redis: true } });
    expect((await graphql('{ connectors { id } }', null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // The demo's keys are printed and kept in DATA_DIR/demo-keys.json (mode 600), and they work.
    const printed = await waitUntil('the demo keys to be printed', async () => /ADMIN\s+(thk_\S+)\n\s+INSTITUTION\s+(thk_\S+)/.exec(output) ?? undefined, 30_000, 200);
    const saved = JSON.parse(readFileSync(path.join(env.DATA_DIR, 'demo-keys.json'), 'utf8')) as { admin: string; bank: string };
    expect(saved).toEqual({ admin: printed[1], bank: printed[2] });
    expect(statSync(path.join(env.DATA_DIR, 'demo-keys.json')).mode & 0o777).toBe(0o600);
    expect((await graphql('{ me { role institution { code } } }', saved.admin)).data).toEqual({ me: { role: 'ADMIN', institution: null } });
    expect((await graphql('{ me { role institution { code } } }', saved.bank)).data).toEqual({ me: { role: 'INSTITUTION', institution: { code: 'demo-bank' } } });

    const streams = await waitUntil(
      'every stream to have a successful first run',
      async () => {
        const { data } = await graphql('{ connectors { id streams { name lastRun { status recordsInserted } } } }');
        const all = (data.connectors as Array<{ id: string; streams: Array<{ name: string; lastRun: { status: string; recordsInserted: number } | null }> }>).flatMap((c) =>
          c.streams.map((s) => ({ stream: `${c.id}/${s.name}`, ...s.lastRun })),
        );
        return all.every((s) => s.status === 'SUCCEEDED') ? all : undefined;
      },
      120_000,
      500,
    );
    expect(streams).toHaveLength(14);
    expect(streams.reduce((n, s) => n + (s.recordsInserted ?? 0), 0)).toBeGreaterThan(5_000);

    const runs = await graphql('{ connectorRuns(first: 100) { totalCount edges { node { connector stream trigger status } } } }');
    expect(runs.data.connectorRuns.totalCount).toBeGreaterThanOrEqual(14);
    expect(runs.data.connectorRuns.edges.every((e: { node: { trigger: string } }) => e.node.trigger === 'SCHEDULE')).toBe(true);
    const tooMany = await graphql('{ connectorRuns(first: 1000) { totalCount } }');
    expect(tooMany.errors?.[0]?.message).toMatch(/first must be from 1 to 100/);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }, 150_000);

  it('answers the operator CLI against the same database', async () => {
    const { stdout } = await run(process.execPath, ['--no-turbo-escape', '--import', 'tsx', path.join(ROOT, 'scripts', 'hub.ts'), 'runs', '--limit', '3'], { cwd: ROOT, env });
    expect(stdout.split('\n')[0]).toMatch(/^run\s+connector\s+stream\s+trigger\s+status/);
    expect(stdout).toContain('succeeded');
    const quarantine = await run(process.execPath, ['--no-turbo-escape', '--import', 'tsx', path.join(ROOT, 'scripts', 'hub.ts'), 'quarantine'], { cwd: ROOT, env });
    expect(quarantine.stdout).toMatch(/reasonCode|no open quarantined records/);
  }, 60_000);

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => hub.once('exit', (code) => resolve(code)));
    hub.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
