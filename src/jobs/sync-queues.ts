import { Queue, QueueEvents, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { HubConfig } from '../config/config';
import type { RunTrigger } from '../db/entities/connector-run.entity';
import type { StreamTarget } from '../ingest/connector-catalog';
import { retryingJobOptions } from './job-options';
import { JOB_NAMES, streamKey, syncQueueName, type SyncStreamPayload } from './job-names';
import { producerConnection, workerConnection } from './redis-connections';

export interface RequestedSync extends StreamTarget {
  jobId: string;
}

export interface FinishedSync extends RequestedSync {
  state: 'completed' | 'failed';
  result?: unknown;
  error?: string;
}

export interface QueueCounts {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  paused: boolean;
}

/** Live job counts of any hub queue (prioritized jobs count as waiting). */
export async function queueCounts(q: Queue): Promise<QueueCounts> {
  const [c, paused] = await Promise.all([q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'), q.isPaused()]);
  return {
    queue: q.name,
    waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
    active: c.active ?? 0,
    delayed: c.delayed ?? 0,
    failed: c.failed ?? 0,
    completed: c.completed ?? 0,
    paused,
  };
}

/** The producer side: one BullMQ queue per connector, for enqueueing syncs and watching them. */
export class SyncQueues {
  private readonly queues = new Map<string, Queue>();
  private readonly connection: Redis;

  constructor(
    private readonly config: HubConfig,
    connectorIds: readonly string[],
  ) {
    this.connection = producerConnection(config.redis.url);
    for (const id of connectorIds) {
      this.queues.set(id, new Queue(syncQueueName(id), { connection: this.connection, prefix: config.redis.prefix }));
    }
  }

  /** The producer's Redis connection, for small coordination keys (locks) beside the queues. */
  get redis(): Redis {
    return this.connection;
  }

  queue(connectorId: string): Queue {
    const queue = this.queues.get(connectorId);
    if (!queue) throw new Error(`no queue for connector ${connectorId}`);
    return queue;
  }

  /** Options every sync job gets: retries with exponential backoff, bounded history, one per stream at a time. */
  syncJobOptions(target: StreamTarget) {
    return { ...retryingJobOptions(this.config), deduplication: { id: streamKey(target.connector, target.stream) } };
  }

  /**
   * Enqueues a sync of each target. A stream that already has a sync waiting or running is not
   * enqueued again: its existing job id comes back instead, so a retried request never duplicates.
   */
  async requestSync(targets: readonly StreamTarget[], trigger: RunTrigger): Promise<RequestedSync[]> {
    const requestedAt = new Date().toISOString();
    return Promise.all(
      targets.map(async (target) => {
        const payload: SyncStreamPayload = { ...target, trigger, requestedAt };
        const job = await this.queue(target.connector).add(JOB_NAMES.syncStream, payload, this.syncJobOptions(target));
        return { ...target, jobId: job.id! };
      }),
    );
  }

  /** Waits until each job has completed or failed for good, up to `timeoutMs`. */
  async waitFor(requested: readonly RequestedSync[], timeoutMs: number): Promise<FinishedSync[]> {
    const byConnector = new Map<string, RequestedSync[]>();
    for (const r of requested) byConnector.set(r.connector, [...(byConnector.get(r.connector) ?? []), r]);
    const results: FinishedSync[] = [];
    await Promise.all(
      [...byConnector].map(async ([connectorId, jobs]) => {
        const connection = workerConnection(this.config.redis.url);
        const events = new QueueEvents(syncQueueName(connectorId), { connection, prefix: this.config.redis.prefix });
        try {
          await events.waitUntilReady();
          const queue = this.queue(connectorId);
          for (const r of jobs) results.push(await this.waitForOne(queue, events, r, timeoutMs));
        } finally {
          await events.close();
          connection.disconnect();
        }
      }),
    );
    return results;
  }

  private async waitForOne(queue: Queue, events: QueueEvents, requested: RequestedSync, timeoutMs: number): Promise<FinishedSync> {
    const job: Job | undefined = await queue.getJob(requested.jobId);
    if (!job) return { ...requested, state: 'completed', result: 'finished before it could be watched (removed from history)' };
    try {
      const result: unknown = await job.waitUntilFinished(events, timeoutMs);
      return { ...requested, state: 'completed', result };
    } catch (error) {
      return { ...requested, state: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
  }

  async counts(): Promise<QueueCounts[]> {
    return Promise.all([...this.queues.values()].map(queueCounts));
  }

  /** Waits until no sync job is waiting, active or delayed, with a deadline and a pause between looks. */
  async waitUntilQuiet(timeoutMs: number, pollMs = 200): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const busy = (await this.counts()).reduce((n, c) => n + c.waiting + c.active + c.delayed, 0);
      if (busy === 0) return;
      if (Date.now() > deadline) throw new Error(`sync queues still busy after ${timeoutMs} ms (${busy} jobs)`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.connection.quit().catch(() => undefined);
  }
}
