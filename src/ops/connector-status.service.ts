import type { JobSchedulerJson } from 'bullmq';
import { ConnectorRunEntity } from '../db/entities/connector-run.entity';
import { StreamStateEntity } from '../db/entities/stream-state.entity';
import { schedulerId, streamKey } from '../jobs/job-names';
import { desiredSchedules, type ScheduleSource } from '../jobs/schedule-reconciler';
import { queueCounts, type QueueCounts } from '../jobs/sync-queues';
import type { OpsRuntime } from './ops-runtime';
import { loadScheduleOverrides } from './schedule-overrides.service';

export interface StreamScheduleStatus {
  /** The cron the stream should run on. */
  pattern: string;
  tz: string;
  source: ScheduleSource;
  /** Whether a job scheduler for the stream exists in Redis (not when schedulers are disabled). */
  active: boolean;
  /** The scheduler's next run, from BullMQ; null without a scheduler. */
  nextRunAt: Date | null;
}

export interface StreamFreshness {
  /** Stored clean records of the stream. */
  records: number;
  /** The newest upstream change time among them. */
  newestRecordAt: Date | null;
  /** When a record of the stream was last inserted or changed here. */
  lastChangedAt: Date | null;
  /** When the stream's last successful sync ended. */
  lastSucceededAt: Date | null;
}

export interface StreamStatus {
  connector: string;
  name: string;
  description: string;
  cursorField: string;
  primaryKey: readonly string[];
  schedule: StreamScheduleStatus;
  cursor: string | null;
  stateUpdatedAt: Date | null;
  lastRun: ConnectorRunEntity | null;
  freshness: StreamFreshness;
}

export interface ConnectorStatus {
  id: string;
  title: string;
  /** Whether a steward paused the connector's queue: its jobs, scheduled ones included, wait. */
  paused: boolean;
  queue: QueueCounts;
  streams: StreamStatus[];
}

interface RecordStats {
  connector: string;
  stream: string;
  records: string | number;
  newest: Date | null;
  changed: Date | null;
}

/**
 * Every connector with its streams, schedule, saved position, latest run and freshness: five SQL
 * statements in all, however many streams there are, and two Redis reads per connector.
 */
export async function connectorStatuses(rt: OpsRuntime): Promise<ConnectorStatus[]> {
  const { db, catalog, config, queues } = rt;
  const connectors = catalog.all();
  const [states, latest, succeeded, stats, stored] = await Promise.all([
    db.getRepository(StreamStateEntity).find(),
    db.getRepository(ConnectorRunEntity).createQueryBuilder('r').where('r.id IN (SELECT MAX(x.id) FROM connector_run x GROUP BY x.connector, x.stream)').getMany(),
    db.query("SELECT `connector`, `stream`, MAX(`ended_at`) AS `at` FROM `connector_run` WHERE `status` = 'succeeded' GROUP BY `connector`, `stream`") as Promise<
      Array<{ connector: string; stream: string; at: Date | null }>
    >,
    db.query(
      'SELECT `connector`, `stream`, COUNT(*) AS `records`, MAX(`source_updated_at`) AS `newest`, MAX(`changed_at`) AS `changed` FROM `raw_record` GROUP BY `connector`, `stream`',
    ) as Promise<RecordStats[]>,
    loadScheduleOverrides(db),
  ]);
  const live = await Promise.all(
    connectors.map(async (c) => {
      const queue = queues.queue(c.id);
      const [schedulers, counts] = await Promise.all([queue.getJobSchedulers(), queueCounts(queue)]);
      return { id: c.id, schedulers: new Map(schedulers.map((s: JobSchedulerJson) => [s.key, s])), counts };
    }),
  );
  const liveBy = new Map(live.map((l) => [l.id, l]));
  const stateBy = new Map(states.map((s) => [streamKey(s.connector, s.stream), s]));
  const runBy = new Map(latest.map((r) => [streamKey(r.connector, r.stream), r]));
  const successBy = new Map(succeeded.map((s) => [streamKey(s.connector, s.stream), s.at]));
  const statsBy = new Map(stats.map((s) => [streamKey(s.connector, s.stream), s]));
  const scheduleBy = new Map(desiredSchedules(config, connectors, stored).map((d) => [streamKey(d.connector, d.stream), d]));
  return connectors.map((c) => {
    const { schedulers, counts } = liveBy.get(c.id)!;
    return {
      id: c.id,
      title: c.title,
      paused: counts.paused,
      queue: counts,
      streams: c.streams.map((s) => {
        const k = streamKey(c.id, s.name);
        const state = stateBy.get(k);
        const desired = scheduleBy.get(k)!;
        const scheduler = schedulers.get(schedulerId(c.id, s.name));
        const stat = statsBy.get(k);
        return {
          connector: c.id,
          name: s.name,
          description: s.description,
          cursorField: s.cursorField,
          primaryKey: s.primaryKey,
          schedule: {
            pattern: desired.pattern,
            tz: desired.tz,
            source: desired.source,
            active: scheduler !== undefined,
            nextRunAt: scheduler?.next ? new Date(scheduler.next) : null,
          },
          cursor: state?.cursorValue ?? null,
          stateUpdatedAt: state?.updatedAt ?? null,
          lastRun: runBy.get(k) ?? null,
          freshness: {
            records: Number(stat?.records ?? 0),
            newestRecordAt: stat?.newest ?? null,
            lastChangedAt: stat?.changed ?? null,
            lastSucceededAt: successBy.get(k) ?? null,
          },
        };
      }),
    };
  });
}
