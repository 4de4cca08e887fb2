import type { HubConfig } from '../config/config';

/** What every hub job gets: JOB_ATTEMPTS retries with exponential backoff, and bounded history in Redis. */
export function retryingJobOptions(config: HubConfig) {
  const { sync } = config;
  return {
    attempts: sync.attempts,
    backoff: { type: 'exponential' as const, delay: sync.backoffMs },
    removeOnComplete: { count: sync.keepCompleted },
    removeOnFail: { count: sync.keepFailed },
  };
}
