import type { RunTrigger } from '../db/entities/connector-run.entity';

/**
 * Queue and job names, and the payload each job carries. There is one queue per connector, so an
 * upstream's rate limit pauses that connector's jobs only.
 */
export const JOB_NAMES = {
  /** Reads one stream to its end and stores it. Deduplicated per stream: never two at once. */
  syncStream: 'sync-stream',
  /** Enqueued by a stream's job scheduler; turns into a deduplicated `sync-stream`. */
  scheduledSync: 'scheduled-sync',
} as const;

export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];

export interface SyncStreamPayload {
  connector: string;
  stream: string;
  trigger: RunTrigger;
  requestedAt: string;
}

export interface ScheduledSyncPayload {
  connector: string;
  stream: string;
}

export interface JobPayloads {
  'sync-stream': SyncStreamPayload;
  'scheduled-sync': ScheduledSyncPayload;
}

export const syncQueueName = (connectorId: string): string => `sync-${connectorId}`;
export const streamKey = (connectorId: string, stream: string): string => `${connectorId}/${stream}`;
/** Scheduler ids and deduplication ids are the stream key. */
export const schedulerId = streamKey;
