import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOB_NAMES, type JobName, type JobPayloads, streamKey, syncQueueName } from './job-names';
import { workerConnection } from './redis-connections';
import { handleSyncStream, type SyncJobDeps } from './sync-stream.job';

type Handlers = { [K in JobName]: (job: Job<JobPayloads[K]>, token?: string) => Promise<unknown> };

/** Every job name has exactly one handler: the type makes a missing one a compile error. */
function handlers(deps: SyncJobDeps): Handlers {
  return {
    [JOB_NAMES.syncStream]: (job, token) => handleSyncStream(deps, job, token),
    [JOB_NAMES.scheduledSync]: async (job) => {
      const [requested] = await deps.queues.requestSync([{ connector: job.data.connector, stream: job.data.stream }], 'schedule');
      return { enqueued: requested!.jobId, stream: streamKey(job.data.connector, job.data.stream) };
    },
  };
}

export interface SyncWorkers {
  close(): Promise<void>;
}

/**
 * Starts one BullMQ worker per connector queue. `close()` stops taking jobs, asks running syncs to
 * stop after the page in hand (they are released back to the queue, not lost) and waits for them.
 */
export function startSyncWorkers(deps: Omit<SyncJobDeps, 'shutdown'>): SyncWorkers {
  const stop = new AbortController();
  const table = handlers({ ...deps, shutdown: stop.signal });
  const connections: Redis[] = [];
  const workers = deps.catalog.all().map((connector) => {
    const connection = workerConnection(deps.config.redis.url);
    connections.push(connection);
    const worker = new Worker(
      syncQueueName(connector.id),
      async (job: Job, token?: string) => {
        const handler = table[job.name as JobName] as ((job: Job, token?: string) => Promise<unknown>) | undefined;
        if (!handler) throw new UnrecoverableError(`no handler for job '${job.name}' on ${job.queueName}`);
        return handler(job, token);
      },
      {
        connection,
        prefix: deps.config.redis.prefix,
        concurrency: deps.config.sync.concurrency,
        lockDuration: deps.config.sync.lockMs,
        stalledInterval: deps.config.sync.stalledIntervalMs,
        maxStalledCount: 3,
      },
    );
    worker.on('error', (error) => deps.log.error({ queue: worker.name, err: error }, 'worker error'));
    return worker;
  });
  return {
    async close() {
      stop.abort();
      await Promise.all(workers.map((w) => w.close()));
      for (const c of connections) c.disconnect();
    },
  };
}
