import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { HubConfig } from '../config/config';
import { retryingJobOptions } from './job-options';
import { PROFILE_JOB_NAMES, PROFILE_QUEUE } from './profile-job-names';
import { producerConnection } from './redis-connections';

/** The producer side of the profile queue. */
export class ProfileQueue {
  readonly queue: Queue;
  private readonly connection: Redis;

  constructor(private readonly config: HubConfig) {
    this.connection = producerConnection(config.redis.url);
    this.queue = new Queue(PROFILE_QUEUE, { connection: this.connection, prefix: config.redis.prefix });
  }

  /** Asks for a refresh after a run; the job id is the run's, so a repeated request adds nothing. */
  async refreshAfterRun(runId: string): Promise<string> {
    const job = await this.queue.add(PROFILE_JOB_NAMES.refreshAfterRun, { runId }, { ...retryingJobOptions(this.config), jobId: `run-${runId}` });
    return job.id!;
  }

  /** Asks for the named enterprises' profiles to be recomputed; `cause` (e.g. `financing-event-42`) is the job id. */
  async refreshEnterprises(usccs: readonly string[], cause: string): Promise<string> {
    const job = await this.queue.add(PROFILE_JOB_NAMES.refreshEnterprises, { usccs: [...usccs], cause }, { ...retryingJobOptions(this.config), jobId: cause });
    return job.id!;
  }

  async rebuildAll(): Promise<string> {
    const job = await this.queue.add(PROFILE_JOB_NAMES.rebuildAll, { requestedAt: new Date().toISOString() }, { ...retryingJobOptions(this.config), deduplication: { id: 'rebuild-all' } });
    return job.id!;
  }

  /**
   * Keeps one job scheduler for the nightly rebuild: windows are relative to the as-of date, so every
   * profile moves to the new day even when none of its records changed. Keyed, so replicas share it.
   */
  async scheduleNightlyRebuild(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'nightly-rebuild',
      { pattern: this.config.profile.rebuildSchedule, tz: 'Asia/Shanghai' },
      { name: PROFILE_JOB_NAMES.rebuildAll, data: { requestedAt: 'schedule' }, opts: { removeOnComplete: { count: 30 }, removeOnFail: { count: 100 }, attempts: 3 } },
    );
  }

  /** Waits until no profile job is waiting, active or delayed, with a deadline and a pause between looks. */
  async waitUntilQuiet(timeoutMs: number, pollMs = 200): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const c = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      const busy = (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0);
      if (busy === 0) return;
      if (Date.now() > deadline) throw new Error(`profile queue still busy after ${timeoutMs} ms (${busy} jobs)`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.connection.quit().catch(() => undefined);
  }
}
