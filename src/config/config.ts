import path from 'node:path';
import { z } from 'zod';

/**
 * The hub's whole configuration, read once from the environment at boot and validated, so that a
 * wrong variable stops the process with a message naming it instead of failing later mid-sync.
 */
const REPO_ROOT = path.resolve(__dirname, '..', '..');

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number({ error: `must be a whole number from ${min} to ${max}` }).int(`must be a whole number from ${min} to ${max}`).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`).default(fallback);

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const url = (fallback: string, protocols: string[], example: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `must be a URL like ${example}`);

const CRON_FIELD = /^[\d*/,\-?LW#A-Za-z]+$/;
/** A cron expression of 5 or 6 fields, as BullMQ's job schedulers take it. */
export const cronSchema = z
  .string()
  .trim()
  .refine((v) => {
    const fields = v.split(/\s+/);
    return (fields.length === 5 || fields.length === 6) && fields.every((f) => CRON_FIELD.test(f));
  }, 'must be a cron expression of 5 or 6 fields, e.g. "*/15 * * * *"');

const schedulesSchema = z
  .string()
  .default('{}')
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON, e.g. {"tax": "0 * * * *", "tax/declarations": "*/10 * * * *"}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().regex(/^[a-z0-9-]+(\/[a-z0-9_]+)?$/, 'keys are "connector" or "connector/stream"'), cronSchema));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(4000, 0, 65535),
  DATABASE_URL: url('mysql://root@127.0.0.1:3306/techfin_hub', ['mysql:', 'mariadb:'], 'mysql://user:password@127.0.0.1:3306/techfin_hub'),
  DATABASE_POOL_SIZE: int(10, 1, 200),
  REDIS_URL: url('redis://127.0.0.1:6379', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_:-]+$/, 'letters, digits, _ - : only').default('techfin'),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data')),
  SERVICES_AUTOSTART: bool(true),
  SANDBOX_URL: url('http://127.0.0.1:4100', ['http:', 'https:'], 'http://127.0.0.1:4100'),
  CONNECTOR_SCHEDULES: schedulesSchema,
  SCHEDULERS_ENABLED: bool(true),
  SYNC_PAGE_SIZE: int(1000, 1, 1000),
  WORKER_CONCURRENCY: int(2, 1, 64),
  WORKER_LOCK_MS: int(30_000, 1_000, 600_000),
  WORKER_STALLED_INTERVAL_MS: int(30_000, 1_000, 600_000),
  JOB_ATTEMPTS: int(6, 1, 100),
  JOB_BACKOFF_MS: int(2_000, 0, 600_000),
  JOB_KEEP_COMPLETED: int(1_000, 0, 1_000_000),
  JOB_KEEP_FAILED: int(5_000, 0, 1_000_000),
  HTTP_TIMEOUT_MS: int(10_000, 100, 600_000),
  HTTP_RETRIES: int(4, 0, 20),
  PROFILE_AS_OF: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-10-01')
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'must be a real calendar date')
    .optional(),
  PROFILE_BATCH_SIZE: int(500, 1, 5_000),
  PROFILE_REBUILD_SCHEDULE: cronSchema.default('30 1 * * *'),
  HUB_BOOTSTRAP_ADMIN_KEY: z.string().trim().min(24, 'must be at least 24 characters (e.g. `openssl rand -base64 32`)').max(256, 'must be at most 256 characters').optional(),
  API_KEY_CACHE_MS: int(5_000, 0, 600_000),
  API_MAX_DEPTH: int(12, 2, 100),
  API_MAX_ALIASES: int(30, 1, 1_000),
  API_MAX_COST: int(20_000, 100, 10_000_000),
  GRAPHIQL: z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' }).optional(),
});

export type Env = Record<string, string | undefined>;

export interface HubConfig {
  env: 'development' | 'production' | 'test';
  logLevel: string;
  http: { host: string; port: number };
  database: { url: string; poolSize: number };
  redis: { url: string; prefix: string };
  dataDir: string;
  servicesAutostart: boolean;
  connectors: {
    /** Base URL of a connector's upstream: `CONNECTOR_URL_<ID>` or the sandbox's `/<id>` prefix. */
    baseUrl(connectorId: string): string;
    /** Cron overrides, keyed `connector` or `connector/stream`; the stream's own default applies otherwise. */
    schedules: Record<string, string>;
    schedulersEnabled: boolean;
    http: { timeoutMs: number; retries: number };
  };
  sync: {
    pageSize: number;
    concurrency: number;
    lockMs: number;
    stalledIntervalMs: number;
    attempts: number;
    backoffMs: number;
    keepCompleted: number;
    keepFailed: number;
  };
  profile: {
    /** A fixed as-of date for every profile computation (`YYYY-MM-DD`); null: today in China Standard Time. */
    fixedAsOf: string | null;
    batchSize: number;
    /** Cron (China Standard Time) of the nightly rebuild that moves every profile's windows to the new day. */
    rebuildSchedule: string;
  };
  api: {
    /** `HUB_BOOTSTRAP_ADMIN_KEY`: an ADMIN key that lives in the environment only; null when unset. */
    bootstrapAdminKey: string | null;
    /** How long a used key's principal is remembered (API_KEY_CACHE_MS, default 5 s; 0: look every key up). */
    keyCacheMs: number;
    /** Deepest selection a query may nest (default 12). */
    maxDepth: number;
    /** Most aliases one operation may use (default 30). */
    maxAliases: number;
    /** Highest estimated cost of one operation (default 20,000; see docs/api.md for how cost is counted). */
    maxCost: number;
    /** Serve GraphiQL at the GraphQL URL to browsers (default: in development only). */
    graphiql: boolean;
  };
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const connectorEnvKey = (id: string) => `CONNECTOR_URL_${id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

export function loadConfig(env: Env = process.env): HubConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}=${JSON.stringify(env[String(i.path[0])] ?? '')}: ${i.message}`));
  }
  const e = parsed.data;
  const sandbox = e.SANDBOX_URL.replace(/\/+$/, '');
  const connectorUrlProblems = Object.entries(env)
    .filter(([k, v]) => k.startsWith('CONNECTOR_URL_') && v !== undefined && !/^https?:\/\/\S+$/.test(v))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}: must be an http(s) URL like http://tax-gateway.example/api`);
  if (connectorUrlProblems.length > 0) throw new ConfigError(connectorUrlProblems);
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    http: { host: e.HOST, port: e.PORT },
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE },
    redis: { url: e.REDIS_URL, prefix: e.QUEUE_PREFIX },
    dataDir: path.resolve(e.DATA_DIR),
    servicesAutostart: e.SERVICES_AUTOSTART,
    connectors: {
      baseUrl: (id) => (env[connectorEnvKey(id)] ?? `${sandbox}/${id}`).replace(/\/+$/, ''),
      schedules: e.CONNECTOR_SCHEDULES,
      schedulersEnabled: e.SCHEDULERS_ENABLED,
      http: { timeoutMs: e.HTTP_TIMEOUT_MS, retries: e.HTTP_RETRIES },
    },
    sync: {
      pageSize: e.SYNC_PAGE_SIZE,
      concurrency: e.WORKER_CONCURRENCY,
      lockMs: e.WORKER_LOCK_MS,
      stalledIntervalMs: e.WORKER_STALLED_INTERVAL_MS,
      attempts: e.JOB_ATTEMPTS,
      backoffMs: e.JOB_BACKOFF_MS,
      keepCompleted: e.JOB_KEEP_COMPLETED,
      keepFailed: e.JOB_KEEP_FAILED,
    },
    profile: { fixedAsOf: e.PROFILE_AS_OF ?? null, batchSize: e.PROFILE_BATCH_SIZE, rebuildSchedule: e.PROFILE_REBUILD_SCHEDULE },
    api: {
      bootstrapAdminKey: e.HUB_BOOTSTRAP_ADMIN_KEY ?? null,
      keyCacheMs: e.API_KEY_CACHE_MS,
      maxDepth: e.API_MAX_DEPTH,
      maxAliases: e.API_MAX_ALIASES,
      maxCost: e.API_MAX_COST,
      graphiql: e.GRAPHIQL === undefined ? e.NODE_ENV === 'development' : ['true', '1', 'yes'].includes(e.GRAPHIQL),
    },
  };
}

