import { cronSchema } from '../config/config';
import { HubError } from '../errors/hub-error';
import type { StreamTarget } from '../ingest/connector-catalog';
import { schedulerId, streamKey } from '../jobs/job-names';
import { desiredSchedules, upsertStreamScheduler, type StreamSchedule } from '../jobs/schedule-reconciler';
import { queueCounts, type QueueCounts } from '../jobs/sync-queues';
import type { OpsRuntime } from './ops-runtime';
import { deleteScheduleOverride, loadScheduleOverrides, saveScheduleOverride } from './schedule-overrides.service';

export interface TriggeredSync extends StreamTarget {
  jobId: string;
  /** True when the stream already had a sync waiting or running: that job's id came back, nothing was added. */
  alreadyQueued: boolean;
}

/**
 * Enqueues a manual sync (trigger `api`) of one stream or of every stream of a connector. Unknown
 * names are BAD_USER_INPUT listing the known ones. A stream with a sync already waiting or running
 * gets no second one (the sync job is deduplicated per stream): its job id comes back instead.
 */
export async function triggerSync(rt: OpsRuntime, connector: string, stream?: string | null): Promise<TriggeredSync[]> {
  const targets = rt.catalog.targets(connector, stream ?? undefined);
  const before = await Promise.all(targets.map((t) => rt.queues.queue(t.connector).getDeduplicationJobId(streamKey(t.connector, t.stream))));
  const requested = await rt.queues.requestSync(targets, 'api');
  return requested.map((r, i) => ({ connector: r.connector, stream: r.stream, jobId: r.jobId, alreadyQueued: before[i] === r.jobId }));
}

/**
 * Pauses a connector's queue: workers take none of its jobs (manual or scheduled) until it is resumed;
 * jobs already running finish. The state lives in Redis, so every process sees it and a restart keeps it.
 */
export async function pauseConnector(rt: OpsRuntime, connector: string): Promise<QueueCounts> {
  const queue = rt.queues.queue(rt.catalog.get(connector).id);
  await queue.pause();
  rt.log.info({ connector }, 'connector queue paused');
  return queueCounts(queue);
}

export async function resumeConnector(rt: OpsRuntime, connector: string): Promise<QueueCounts> {
  const queue = rt.queues.queue(rt.catalog.get(connector).id);
  await queue.resume();
  rt.log.info({ connector }, 'connector queue resumed');
  return queueCounts(queue);
}

/** Live counts of every connector's queue and of the profile queue. */
export async function allQueueCounts(rt: OpsRuntime): Promise<Array<QueueCounts & { connector: string | null }>> {
  const connectors = rt.catalog.all().map((c) => c.id);
  const counts = await Promise.all([...connectors.map((id) => queueCounts(rt.queues.queue(id))), queueCounts(rt.profiles.queue)]);
  return counts.map((c, i) => ({ ...c, connector: connectors[i] ?? null }));
}

/**
 * Gives one stream a steward's cron: checked, stored (so the schedule reconciler keeps it after a
 * restart) and applied to the stream's job scheduler at once when schedulers run in this deployment.
 * The scheduler is not run immediately; the next run is the cron's next time.
 */
export async function setStreamSchedule(rt: OpsRuntime, target: StreamTarget, cron: string, by: string): Promise<LiveSchedule> {
  const [checked] = rt.catalog.targets(target.connector, target.stream);
  const parsed = cronSchema.safeParse(cron);
  if (!parsed.success) {
    throw new HubError('BAD_USER_INPUT', `cron '${cron}' ${parsed.error.issues[0]?.message ?? 'is not a cron expression'}`, { details: { argument: 'cron' } });
  }
  const pattern = parsed.data.split(/\s+/).join(' ');
  const schedule = scheduleOf(rt, checked!, { [streamKey(checked!.connector, checked!.stream)]: pattern });
  if (rt.config.connectors.schedulersEnabled) {
    try {
      await upsertStreamScheduler(rt.queues.queue(checked!.connector), schedule, false);
    } catch (error) {
      // BullMQ's cron parser is stricter than the shape check (ranges, names): its refusal is the client's.
      throw new HubError('BAD_USER_INPUT', `cron '${cron}' is not usable: ${error instanceof Error ? error.message : String(error)}`, { details: { argument: 'cron' } });
    }
  }
  await saveScheduleOverride(rt.db, { ...checked!, pattern, setBy: by });
  rt.log.info({ ...checked, pattern, by }, 'stream schedule overridden');
  return live(rt, schedule);
}

/** Drops a steward's cron: the stream goes back to `CONNECTOR_SCHEDULES` or its own default. */
export async function resetStreamSchedule(rt: OpsRuntime, target: StreamTarget): Promise<LiveSchedule> {
  const [checked] = rt.catalog.targets(target.connector, target.stream);
  await deleteScheduleOverride(rt.db, checked!.connector, checked!.stream);
  const stored = await loadScheduleOverrides(rt.db);
  const schedule = scheduleOf(rt, checked!, stored);
  if (rt.config.connectors.schedulersEnabled) await upsertStreamScheduler(rt.queues.queue(checked!.connector), schedule, false);
  rt.log.info({ ...checked }, 'stream schedule reset');
  return live(rt, schedule);
}

/** A stream's schedule with what its job scheduler in Redis says now. */
export interface LiveSchedule extends StreamSchedule {
  active: boolean;
  nextRunAt: Date | null;
}

async function live(rt: OpsRuntime, schedule: StreamSchedule): Promise<LiveSchedule> {
  const scheduler = await rt.queues.queue(schedule.connector).getJobScheduler(schedulerId(schedule.connector, schedule.stream));
  return { ...schedule, active: scheduler !== undefined, nextRunAt: scheduler?.next ? new Date(scheduler.next) : null };
}

function scheduleOf(rt: OpsRuntime, target: StreamTarget, stored: Readonly<Record<string, string>>): StreamSchedule {
  const connector = rt.catalog.get(target.connector);
  return desiredSchedules(rt.config, [connector], stored).find((d) => d.stream === target.stream)!;
}
