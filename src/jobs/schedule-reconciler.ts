import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Connector } from '../../connectors/sdk/connector';
import type { HubConfig } from '../config/config';
import type { Logger } from '../infra/logger';
import { JOB_NAMES, schedulerId, type ScheduledSyncPayload } from './job-names';
import type { SyncQueues } from './sync-queues';

/** Time zone of every stream's cron, as of the nightly profile rebuild: the hub's sources keep China Standard Time. */
export const SCHEDULE_TIMEZONE = 'Asia/Shanghai';

/** Where a stream's cron comes from: its own default, `CONNECTOR_SCHEDULES`, or a steward's override (stored). */
export type ScheduleSource = 'default' | 'config' | 'override';

export interface StreamSchedule {
  connector: string;
  stream: string;
  pattern: string;
  tz: string;
  source: ScheduleSource;
}

/** Stewards' stored crons keyed by stream key (`connector/stream`); see src/ops/schedule-overrides.service.ts. */
export type ScheduleOverrides = Readonly<Record<string, string>>;

/**
 * Each stream's cron: a steward's stored override, else `connector/stream` in config, else
 * `connector`, else the stream's own default.
 */
export function desiredSchedules(config: HubConfig, connectors: readonly Connector[], stored: ScheduleOverrides = {}): StreamSchedule[] {
  const overrides = config.connectors.schedules;
  return connectors.flatMap((c) =>
    c.streams.map((s) => {
      const key = schedulerId(c.id, s.name);
      const configured = overrides[key] ?? overrides[c.id];
      const pattern = stored[key] ?? configured ?? s.defaultSchedule;
      const source: ScheduleSource = stored[key] !== undefined ? 'override' : configured !== undefined ? 'config' : 'default';
      return { connector: c.id, stream: s.name, pattern, tz: SCHEDULE_TIMEZONE, source };
    }),
  );
}

/**
 * Creates or changes one stream's job scheduler. `immediately` runs it once at once (a stream's
 * first scheduler, so a new deployment has data without waiting for the cron).
 */
export async function upsertStreamScheduler(queue: Queue, schedule: StreamSchedule, immediately: boolean): Promise<void> {
  const data: ScheduledSyncPayload = { connector: schedule.connector, stream: schedule.stream };
  await queue.upsertJobScheduler(
    schedulerId(schedule.connector, schedule.stream),
    { pattern: schedule.pattern, tz: schedule.tz, immediately },
    { name: JOB_NAMES.scheduledSync, data, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 500 }, attempts: 3 } },
  );
}

const LOCK_TTL_MS = 30_000;

/**
 * Makes Redis hold exactly one job scheduler per stream with the configured cron, and nothing else.
 * Any number of processes may call it; a Redis lock lets one of them do the work at a time, and
 * scheduler ids are the stream keys, so replicas can never create a second schedule for a stream.
 */
export async function reconcileSchedules(
  config: HubConfig,
  connectors: readonly Connector[],
  queues: SyncQueues,
  log: Logger,
  /** Stewards' stored overrides (`loadScheduleOverrides(db)`); without them a restart would undo them. */
  stored: ScheduleOverrides = {},
): Promise<{ upserted: number; removed: number } | 'skipped'> {
  const lockKey = `${config.redis.prefix}:schedule-reconciler:lock`;
  const owner = randomUUID();
  const redis = queues.redis;
  if ((await redis.set(lockKey, owner, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') {
    log.info('schedules are being reconciled by another process');
    return 'skipped';
  }
  try {
    const desired = desiredSchedules(config, connectors, stored);
    let upserted = 0;
    let removed = 0;
    for (const connector of connectors) {
      const queue = queues.queue(connector.id);
      const mine = desired.filter((d) => d.connector === connector.id);
      const existing = await queue.getJobSchedulers();
      for (const s of existing) {
        if (!mine.some((d) => schedulerId(d.connector, d.stream) === s.key)) {
          await queue.removeJobScheduler(s.key);
          removed += 1;
        }
      }
      for (const d of mine) {
        const current = existing.find((s) => s.key === schedulerId(d.connector, d.stream));
        if (current && current.pattern === d.pattern && current.tz === d.tz) continue;
        await upsertStreamScheduler(queue, d, current === undefined);
        upserted += 1;
      }
    }
    log.info({ upserted, removed, streams: desired.length }, 'job schedulers reconciled');
    return { upserted, removed };
  } finally {
    // Release only our own lock.
    await redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0", 1, lockKey, owner);
  }
}
