import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { ConnectorError, RateLimitedError } from '../../connectors/sdk/errors';
import type { HubConfig } from '../config/config';
import { HubError } from '../errors/hub-error';
import type { ConnectorCatalog } from '../ingest/connector-catalog';
import { beginRunAttempt, setRunStatus } from '../ingest/run-history';
import { readCursor } from '../ingest/stream-state.store';
import { syncStream } from '../ingest/sync-stream.service';
import type { Logger } from '../infra/logger';
import type { ProfileQueue } from './profile-queue';
import type { SyncStreamPayload } from './job-names';
import type { SyncQueues } from './sync-queues';

export interface SyncJobDeps {
  config: HubConfig;
  db: DataSource;
  catalog: ConnectorCatalog;
  queues: SyncQueues;
  profiles: ProfileQueue;
  log: Logger;
  /** Aborted when the worker process is asked to stop. */
  shutdown: AbortSignal;
}

export interface SyncJobResult {
  runId: string;
  pages: number;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  quarantined: number;
}

/**
 * Runs a `sync-stream` job: one run per job, continued across retries, stalls and releases. How a
 * failure ends depends on its class: an upstream rate limit pauses the connector's queue and puts
 * the job back without using an attempt; a transient failure is retried with backoff; a permanent
 * one fails the run at once.
 */
export async function handleSyncStream(deps: SyncJobDeps, job: Job<SyncStreamPayload>, token?: string): Promise<SyncJobResult> {
  const { connector: connectorId, stream, trigger } = job.data;
  const connector = deps.catalog.get(connectorId);
  const jobKey = `${job.queueName}:${job.id}`;
  const cursorBefore = await readCursor(deps.db, connectorId, stream);
  const runId = await beginRunAttempt(deps.db, { jobKey, connector: connectorId, stream, trigger }, cursorBefore);
  const log = deps.log.child({ runId, connector: connectorId, stream, jobId: job.id });
  try {
    const outcome = await syncStream(deps.db, connector, { runId, stream, cursorBefore, pageSize: deps.config.sync.pageSize, signal: deps.shutdown }, log);
    if (outcome.state === 'released') {
      log.info({ pages: outcome.pages }, 'stopping: sync released after its last stored page, to be continued by another worker');
      await setRunStatus(deps.db, runId, 'released', { code: 'WORKER_SHUTDOWN', message: 'released on worker shutdown; continues from the stored cursor' });
      await job.moveToDelayed(Date.now(), token);
      throw new DelayedError();
    }
    await setRunStatus(deps.db, runId, 'succeeded');
    // New or changed records flow on to resolution and the profiles they touch.
    if (outcome.totals.inserted + outcome.totals.updated > 0) await deps.profiles.refreshAfterRun(runId);
    log.info({ pages: outcome.pages, ...outcome.totals }, 'sync completed');
    return { runId, pages: outcome.pages, ...outcome.totals };
  } catch (error) {
    throw await classifyFailure(deps, job, runId, error, log);
  }
}

async function classifyFailure(deps: SyncJobDeps, job: Job<SyncStreamPayload>, runId: string, error: unknown, log: Logger): Promise<Error> {
  if (error instanceof DelayedError) return error;
  if (error instanceof RateLimitedError) {
    log.warn({ retryAfterMs: error.retryAfterMs }, 'upstream rate limit: pausing the connector queue');
    await setRunStatus(deps.db, runId, 'released', { code: error.code, message: error.message });
    await deps.queues.queue(job.data.connector).rateLimit(error.retryAfterMs);
    return Worker.RateLimitError();
  }
  if (error instanceof HubError && error.code === 'CURSOR_CONFLICT') {
    // Another worker owns this job now (this one stalled); its run row is not ours to touch.
    log.warn(error.message);
    return error;
  }
  const code = error instanceof ConnectorError || error instanceof HubError ? error.code : 'SYNC_FAILED';
  const message = error instanceof Error ? error.message : String(error);
  const permanent = (error instanceof ConnectorError && !error.transient) || (error instanceof HubError && error.code !== 'SYNC_FAILED');
  const attempts = job.opts.attempts ?? 1;
  const willRetry = !permanent && job.attemptsMade + 1 < attempts;
  await setRunStatus(deps.db, runId, willRetry ? 'retrying' : 'failed', { code, message });
  log.error({ code, willRetry, attempt: job.attemptsMade + 1 }, message);
  return permanent ? new UnrecoverableError(`${code}: ${message}`) : error instanceof Error ? error : new Error(message);
}
