import 'reflect-metadata';
import { getNamedType, isLeafType, isObjectType, isNonNullType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import mysql from 'mysql2/promise';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { buildHubSchema } from '../schema/build-schema';
import { serveHubApi } from '../schema/serve-hub-api';
import { createApiKey } from '../src/access/api-keys.service';
import { rebuildAllProfiles } from '../src/profile/pipeline/profile.service';
import { resolveAll } from '../src/resolution/resolution.service';
import { closeBenchHub, openBenchHub, syncSandbox, type BenchHub } from './bench-sandbox';

/**
 * API benchmark: requests/s and p50/p99 latency of a full-profile GraphQL query (every section, every
 * field, built by introspecting the schema so it follows the catalog) with an ADMIN key, beside a bare
 * `node:http` + `mysql2` handler returning the same `enterprise_profile` row as JSON. Same run, same
 * database, same connection count and pool size, rotating through the same USCCs. Prints both and the
 * ratio hub / bare.
 *
 *   npm run bench:api -- --enterprises 200 --duration 10 --connections 10 [--keep] [--reuse]
 *
 * The load generator (autocannon) runs in a child process, so it does not share the servers' event
 * loop. To see where the hub's time goes: `node --cpu-prof --import tsx bench/api.bench.ts ...` and
 * open the .cpuprofile of the main thread. Until `enterprise { profile }` exists, the query falls back
 * to `health`, which tests the plumbing only.
 */
const { values: args } = parseArgs({
  options: {
    enterprises: { type: 'string', default: '200' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    seed: { type: 'string', default: '42' },
    'as-of': { type: 'string', default: '2026-10-01' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});

const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;

interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

interface LoadSpec {
  url: string;
  connections: number;
  duration: number;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** Rotated per request: request paths (GET) or bodies (POST). */
  rotate: string[];
}

// Runs in a child process (autocannon treats a worker thread as one of its own workers): a request
// that rotates through \`rotate\` (the spec comes on stdin); the result goes to stdout as JSON.
const DRIVER = `
let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const { autocannon: modulePath, spec } = JSON.parse(input);
  const autocannon = require(modulePath);
  let i = 0;
  const next = () => spec.rotate[(i++) % spec.rotate.length];
  autocannon({
    url: spec.url, connections: spec.connections, duration: spec.duration, method: spec.method, headers: spec.headers,
    requests: [{ setupRequest: (req) => spec.method === 'GET' ? { ...req, path: next() } : { ...req, body: next() } }],
  }, (error, result) => {
    if (error) throw error;
    process.stdout.write(JSON.stringify({ requests: result.requests.total, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx }));
  });
});
`;

function load(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', DRIVER], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdin.end(JSON.stringify({ autocannon: require.resolve('autocannon'), spec }));
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out) as LoadResult);
      else reject(new Error(`the load generator exited with ${code}`));
    });
  });
}

/** Every leaf under `type`, objects expanded, fields with required arguments left out. */
function selectAll(type: GraphQLObjectType, depth = 0): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth < 3) {
      const inner = selectAll(named, depth + 1);
      if (inner) parts.push(`${field.name} { ${inner} }`);
    }
  }
  return parts.join(' ');
}

/** `enterprise(uscc) { profile { every section { every field } } }`, or `health` while that does not exist. */
function profileQuery(schema: GraphQLSchema): { query: string; full: boolean; fields: number } {
  const enterprise = schema.getQueryType()?.getFields().enterprise;
  const enterpriseType = enterprise ? getNamedType(enterprise.type) : undefined;
  const profile = isObjectType(enterpriseType) ? enterpriseType.getFields().profile : undefined;
  const profileType = profile ? getNamedType(profile.type) : undefined;
  if (!isObjectType(profileType)) return { query: 'query Bench($uscc: String) { health { database redis version } }', full: false, fields: 3 };
  const selection = selectAll(profileType);
  const fields = selection.split(' ').filter((w) => /^\w+$/.test(w)).length;
  return { query: `query Profile($uscc: String!) { enterprise(uscc: $uscc) { profile { ${selection} } } }`, full: true, fields };
}

/** The baseline: the same row as JSON, straight from mysql2, no GraphQL, no auth, no access log. */
async function startBareServer(databaseUrl: string, poolSize: number): Promise<{ url: string; close(): Promise<void> }> {
  const pool = mysql.createPool({ uri: databaseUrl, connectionLimit: poolSize });
  const server: Server = createServer((req, res) => {
    const uscc = decodeURIComponent((req.url ?? '').slice('/profile/'.length));
    pool.query('SELECT * FROM `enterprise_profile` WHERE `uscc` = ?', [uscc]).then(
      ([rows]) => {
        const row = (rows as unknown[])[0];
        res.writeHead(row ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(row ?? null));
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

async function main(): Promise<void> {
  const hub = await openBenchHub('api', { enterprises: args.enterprises!, reuse: args.reuse!, env: { NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0' } });
  const { runtime, config } = hub;
  try {
    if (!args.reuse) await buildHub(hub);
    const rows = (await runtime.db.query('SELECT `uscc` FROM `enterprise_profile` ORDER BY `uscc` LIMIT 1000')) as Array<{ uscc: string }>;
    if (rows.length === 0) throw new Error('no profiles: run without --reuse');
    const usccs = rows.map((r) => r.uscc);
    const { key } = await createApiKey(runtime.db, { name: `bench-admin-${process.pid}`, role: 'ADMIN' });
    const { query, full, fields } = profileQuery(await buildHubSchema());

    const api = await serveHubApi(runtime);
    const bare = await startBareServer(config.database.url, config.database.poolSize);
    try {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
      const bodies = usccs.map((uscc) => JSON.stringify({ query, variables: { uscc } }));
      const check = (await (await fetch(api.url, { method: 'POST', headers, body: bodies[0] })).json()) as { errors?: unknown[] };
      if (check.errors) throw new Error(`the bench query fails: ${JSON.stringify(check.errors).slice(0, 500)}`);
      const connections = Number(args.connections);
      const duration = Number(args.duration);
      const hubSpec: LoadSpec = { url: api.url, connections, duration, method: 'POST', headers, rotate: bodies };
      const bareSpec: LoadSpec = { url: bare.url, connections, duration, method: 'GET', headers: {}, rotate: usccs.map((u) => `/profile/${encodeURIComponent(u)}`) };
      const warmup = Number(args.warmup);
      if (warmup > 0) {
        await load({ ...bareSpec, duration: warmup });
        await load({ ...hubSpec, duration: warmup });
      }
      const bareResult = await load(bareSpec);
      const hubResult = await load(hubSpec);
      const line = (label: string, r: LoadResult) =>
        `${label}: ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   (${r.requests} requests, ${r.errors} errors, ${r.non2xx} non-2xx)`;
      console.log('');
      console.log(`query                   : ${full ? `full profile, ${fields} fields` : 'health (enterprise.profile not in the schema yet: plumbing only)'}; ${usccs.length} USCCs rotated`);
      console.log(`load                    : ${connections} connections, ${duration} s each, pool ${config.database.poolSize}`);
      console.log(line('bare node:http + mysql2', bareResult));
      console.log(line('hub GraphQL (ADMIN)    ', hubResult));
      console.log(`ratio hub / bare        : ${(hubResult.rps / bareResult.rps).toFixed(2)} (aim >= 0.5)`);
    } finally {
      await bare.close();
      await api.stop();
    }
  } finally {
    await closeBenchHub(hub, args.keep!);
  }
}

/** Full sync of an N-enterprise sandbox, resolution and profiles, as `npm start` would build them. */
async function buildHub(hub: BenchHub): Promise<void> {
  console.log(`sandbox: ${args.enterprises} enterprises (seed ${args.seed}), full sync, resolution, profiles…`);
  const t = process.hrtime.bigint();
  await syncSandbox(hub, args.enterprises!, args.seed!);
  await resolveAll(hub.runtime.db);
  const built = await rebuildAllProfiles(hub.runtime.db, { asOf: args['as-of'], batchSize: 500 });
  console.log(`hub built               : ${seconds(t).toFixed(1)} s, ${built.profiles} profiles`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
