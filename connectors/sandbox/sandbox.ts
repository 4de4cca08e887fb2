import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimulatedClock } from './clock';
import { DEFAULT_FAULTS, FaultInjector, type FaultSettings } from './faults';
import { createRequestHandler } from './sandbox.server';
import { StreamCatalog } from './stream-catalog';
import { World } from './world';

export type { FaultSettings } from './faults';

export interface SandboxOptions {
  /** Seed of every generated value (default 42). */
  seed: number;
  /** Number of enterprises (default 2000). Enterprise i is the same whatever the size. */
  enterprises: number;
  /** Share of record versions served broken (default 0.01). */
  invalidRate: number;
  /** Simulated start instant (default 2026-10-01T00:00:00Z); history reaches 36 months back. */
  start: Date;
  /** Injected faults (default none). */
  faults: FaultSettings;
  /** Simulated days per real minute; 0 (default) keeps the clock still. */
  daysPerMinute: number;
}

/** What the sandbox knows about a record version it serves. */
export interface TruthRecord {
  id: string;
  valid: boolean;
  updatedAt: Date;
  /** Exactly the JSON object served. */
  record: unknown;
  /** USCC of the enterprise the record belongs to (ground truth for entity resolution). */
  subject: string;
}

export interface Sandbox {
  readonly options: SandboxOptions;
  /** Starts serving; resolves the base URL, e.g. `http://127.0.0.1:4100`. Port 0 (default) picks a free one. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  readonly clock: { now(): Date; advanceDays(days: number): void; set(at: Date): void };
  readonly faults: { get(): FaultSettings; set(partial: Partial<FaultSettings>): void };
  readonly truth: {
    streams(): Array<{ agency: string; stream: string }>;
    /** Newest visible version of each record now, in served order. */
    visible(agency: string, stream: string): TruthRecord[];
    /** Newest version (as of `to`) of each record whose change became visible in (from, to]. */
    changedBetween(agency: string, stream: string, from: Date, to: Date): TruthRecord[];
    /** Keyed `${agency}/${stream}`, at the current simulated time. */
    stats(): Record<string, { visible: number; valid: number; invalid: number }>;
    /** Hidden outcomes of all enterprises, in index order. */
    outcomes(): Array<{ uscc: string; defaulted: boolean; latentRisk: number }>;
  };
}

/** Times are stored as unsigned 32-bit seconds and history reaches 30 years back, hence the range. */
export const EARLIEST_START = new Date('2005-01-01T00:00:00Z');
export const LATEST_START = new Date('2070-01-01T00:00:00Z');

export const DEFAULT_OPTIONS: SandboxOptions = {
  seed: 42,
  enterprises: 2000,
  invalidRate: 0.01,
  start: new Date('2026-10-01T00:00:00Z'),
  faults: DEFAULT_FAULTS,
  daysPerMinute: 0,
};

export function createSandbox(options: Partial<SandboxOptions> = {}): Sandbox {
  const opts: SandboxOptions = { ...DEFAULT_OPTIONS, ...options, faults: { ...DEFAULT_FAULTS, ...options.faults } };
  if (!Number.isInteger(opts.seed)) throw new RangeError('seed must be an integer');
  if (!Number.isInteger(opts.enterprises) || opts.enterprises < 1) throw new RangeError('enterprises must be a positive integer');
  if (!(opts.invalidRate >= 0 && opts.invalidRate <= 1)) throw new RangeError('invalidRate must be between 0 and 1');
  if (!(opts.start.getTime() >= EARLIEST_START.getTime() && opts.start.getTime() <= LATEST_START.getTime())) {
    throw new RangeError(`start must be between ${EARLIEST_START.toISOString()} and ${LATEST_START.toISOString()}`);
  }
  if (!(opts.daysPerMinute >= 0)) throw new RangeError('daysPerMinute must be ≥ 0');

  const world = new World(opts.seed >>> 0, opts.enterprises, opts.start);
  const catalog = new StreamCatalog(world, opts.invalidRate);
  const clock = new SimulatedClock(opts.start, opts.daysPerMinute);
  const faults = new FaultInjector(opts.seed >>> 0, opts.faults);
  const timers = new Set<NodeJS.Timeout>();
  let outcomeCache: Array<{ uscc: string; defaulted: boolean; latentRisk: number }> | null = null;
  const outcomes = (): Array<{ uscc: string; defaulted: boolean; latentRisk: number }> => {
    outcomeCache ??= Array.from({ length: world.size }, (_, i) => {
      const e = world.enterprise(i);
      return { uscc: e.uscc, defaulted: e.defaulted, latentRisk: e.latentRisk };
    });
    return outcomeCache.map((o) => ({ ...o }));
  };
  const keyOf = (agency: string, stream: string): string => {
    const key = `${agency}/${stream}`;
    if (!catalog.has(key)) throw new RangeError(`unknown stream ${key}`);
    return key;
  };
  const toTruth = (r: { id: string; valid: boolean; atMs: number; record: unknown; subject: string }): TruthRecord => ({
    id: r.id,
    valid: r.valid,
    updatedAt: new Date(r.atMs),
    record: r.record,
    subject: r.subject,
  });
  let server: Server | null = null;

  return {
    options: opts,
    listen(port = 0, host = '127.0.0.1'): Promise<string> {
      if (server) return Promise.reject(new Error('sandbox is already listening'));
      const s = createServer(createRequestHandler({ catalog, clock, faults, outcomes, timers }));
      server = s;
      return new Promise((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, host, () => {
          s.off('error', reject);
          const address = s.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    close(): Promise<void> {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      const s = server;
      server = null;
      if (!s) return Promise.resolve();
      return new Promise((resolve, reject) => {
        s.close((err) => (err ? reject(err) : resolve()));
        s.closeAllConnections();
      });
    },
    clock: {
      now: () => clock.now(),
      advanceDays: (days) => clock.advanceDays(days),
      set: (at) => clock.set(at),
    },
    faults: {
      get: () => faults.get(),
      set: (partial) => faults.set(partial),
    },
    truth: {
      streams: () =>
        catalog.keys().map((k) => {
          const g = catalog.generator(k);
          return { agency: g.agency, stream: g.name };
        }),
      visible: (agency, stream) => catalog.visible(keyOf(agency, stream), clock.nowMs()).map(toTruth),
      changedBetween: (agency, stream, from, to) =>
        catalog.changedBetween(keyOf(agency, stream), from.getTime(), to.getTime()).map(toTruth),
      stats: () => {
        const now = clock.nowMs();
        const out: Record<string, { visible: number; valid: number; invalid: number }> = {};
        for (const key of catalog.keys()) out[key] = catalog.counts(key, now);
        return out;
      },
      outcomes,
    },
  };
}
