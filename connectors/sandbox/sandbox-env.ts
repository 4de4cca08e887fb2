import { z } from 'zod';
import { EARLIEST_START, LATEST_START, type SandboxOptions } from './sandbox';

const rate = (name: string) =>
  z.coerce.number({ message: `${name} must be a number between 0 and 1` }).min(0, `${name} must be ≥ 0`).max(1, `${name} must be ≤ 1`).default(0);

/** The sandbox's environment, validated once at boot. */
export const SandboxEnv = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65_535).default(4100),
  SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
  SANDBOX_SEED: z.coerce.number().int().min(0).max(0xffffffff).default(42),
  SANDBOX_ENTERPRISES: z.coerce.number().int().min(1).max(5_000_000).default(2000),
  SANDBOX_INVALID_RATE: z.coerce.number().min(0).max(1).default(0.01),
  SANDBOX_START: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'an ISO-8601 instant with a zone, e.g. 2026-10-01T00:00:00Z')
    .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real instant')
    .refine((s) => Date.parse(s) >= EARLIEST_START.getTime() && Date.parse(s) <= LATEST_START.getTime(), 'must lie between 2005 and 2070')
    .default('2026-10-01T00:00:00Z'),
  SANDBOX_FAULT_RATE_429: rate('SANDBOX_FAULT_RATE_429'),
  SANDBOX_FAULT_RATE_5XX: rate('SANDBOX_FAULT_RATE_5XX'),
  SANDBOX_FAULT_RATE_SLOW: rate('SANDBOX_FAULT_RATE_SLOW'),
  SANDBOX_DAYS_PER_MINUTE: z.coerce.number().min(0).default(0),
});
export type SandboxEnv = z.infer<typeof SandboxEnv>;

export interface SandboxConfig {
  readonly port: number;
  readonly host: string;
  readonly options: Partial<SandboxOptions>;
}

/** Parses the environment, or throws an Error whose message names every bad variable. */
export function sandboxConfigFromEnv(env: NodeJS.ProcessEnv): SandboxConfig {
  // Empty strings count as unset, as shells often export `VAR=`.
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('SANDBOX_') && v !== ''));
  const parsed = SandboxEnv.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}=${JSON.stringify(env[String(i.path[0])])}: ${i.message}`);
    throw new Error(`invalid sandbox environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const sum = e.SANDBOX_FAULT_RATE_429 + e.SANDBOX_FAULT_RATE_5XX + e.SANDBOX_FAULT_RATE_SLOW;
  if (sum > 1) throw new Error(`invalid sandbox environment:\n  SANDBOX_FAULT_RATE_429 + SANDBOX_FAULT_RATE_5XX + SANDBOX_FAULT_RATE_SLOW = ${sum}: must be ≤ 1`);
  return {
    port: e.SANDBOX_PORT,
    host: e.SANDBOX_HOST,
    options: {
      seed: e.SANDBOX_SEED,
      enterprises: e.SANDBOX_ENTERPRISES,
      invalidRate: e.SANDBOX_INVALID_RATE,
      start: new Date(e.SANDBOX_START),
      daysPerMinute: e.SANDBOX_DAYS_PER_MINUTE,
      faults: { rate429: e.SANDBOX_FAULT_RATE_429, rate5xx: e.SANDBOX_FAULT_RATE_5XX, rateSlow: e.SANDBOX_FAULT_RATE_SLOW, slowMs: 1500, retryAfterS: 1 },
    },
  };
}
