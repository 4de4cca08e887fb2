import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { PROFILE_JOB_NAMES, PROFILE_QUEUE, type ProfileJobName, type ProfileJobPayloads } from './profile-job-names';
import { handleRebuildAll, handleRefreshAfterRun, handleRefreshEnterprises, type ProfileJobDeps } from './profile-refresh.job';
import type { ProfileQueue } from './profile-queue';
import { workerConnection } from './redis-connections';

type Handlers = { [K in ProfileJobName]: (job: Job<ProfileJobPayloads[K]>) => Promise<unknown> };

/** Every profile job name has exactly one handler: the type makes a missing one a compile error. */
function handlers(deps: ProfileJobDeps): Handlers {
  return {
    [PROFILE_JOB_NAMES.refreshAfterRun]: () => handleRefreshAfterRun(deps),
    [PROFILE_JOB_NAMES.rebuildAll]: () => handleRebuildAll(deps),
    [PROFILE_JOB_NAMES.refreshEnterprises]: (job) => handleRefreshEnterprises(deps, job.data),
  };
}

export interface ProfileWorker {
  close(): Promise<void>;
}

/**
 * Starts the profile worker. The queue runs one job at a time across every worker process (BullMQ
 * global concurrency), so refreshes apply in order and never race on a profile.
 */
export async function startProfileWorker(deps: ProfileJobDeps & { profiles: ProfileQueue }): Promise<ProfileWorker> {
  await deps.profiles.queue.setGlobalConcurrency(1);
  const table = handlers(deps);
  const connection = workerConnection(deps.config.redis.url);
  const worker = new Worker(
    PROFILE_QUEUE,
    async (job: Job) => {
      const handler = table[job.name as ProfileJobName] as ((job: Job) => Promise<unknown>) | undefined;
      if (!handler) throw new UnrecoverableError(`no handler for job '${job.name}' on ${job.queueName}`);
      return handler(job);
    },
    {
      connection,
      prefix: deps.config.redis.prefix,
      concurrency: 1,
      lockDuration: deps.config.sync.lockMs,
      stalledInterval: deps.config.sync.stalledIntervalMs,
      maxStalledCount: 3,
    },
  );
  worker.on('error', (error) => deps.log.error({ queue: worker.name, err: error }, 'worker error'));
  return {
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}
