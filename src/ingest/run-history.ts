import type { DataSource, QueryRunner } from 'typeorm';
import type { RunStatus, RunTrigger } from '../db/entities/connector-run.entity';

export interface RunIdentity {
  jobKey: string;
  connector: string;
  stream: string;
  trigger: RunTrigger;
}

export interface PageCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  quarantined: number;
}

/**
 * Starts a run for a job, or continues it when the job comes back (retry, stall, release): the job
 * key is unique, so a job has exactly one run however often a worker picks it up.
 */
export async function beginRunAttempt(db: DataSource, run: RunIdentity, cursorBefore: string | null): Promise<string> {
  await db.query(
    'INSERT INTO `connector_run` (`job_key`,`connector`,`stream`,`run_trigger`,`status`,`attempts`,`started_at`,`cursor_before`,`cursor_after`) ' +
      "VALUES (?,?,?,?,'running',1,NOW(3),?,?) " +
      "ON DUPLICATE KEY UPDATE `attempts` = `attempts` + 1, `status` = 'running', `ended_at` = NULL",
    [run.jobKey, run.connector, run.stream, run.trigger, cursorBefore, cursorBefore],
  );
  const rows = (await db.query('SELECT `id` FROM `connector_run` WHERE `job_key` = ?', [run.jobKey])) as Array<{ id: string }>;
  return String(rows[0]!.id);
}

/** Adds one stored page to the run, inside the page's own transaction. */
export async function addPageToRun(runner: QueryRunner, runId: string, counts: PageCounts, cursorAfter: string | null): Promise<void> {
  await runner.query(
    'UPDATE `connector_run` SET `pages` = `pages` + 1, `records_read` = `records_read` + ?, `records_inserted` = `records_inserted` + ?, ' +
      '`records_updated` = `records_updated` + ?, `records_unchanged` = `records_unchanged` + ?, `records_quarantined` = `records_quarantined` + ?, `cursor_after` = ? WHERE `id` = ?',
    [counts.read, counts.inserted, counts.updated, counts.unchanged, counts.quarantined, cursorAfter, runId],
  );
}

const FINAL: ReadonlySet<RunStatus> = new Set(['succeeded', 'failed']);

export async function setRunStatus(
  db: DataSource,
  runId: string,
  status: RunStatus,
  error?: { code: string; message: string },
): Promise<void> {
  await db.query(
    'UPDATE `connector_run` SET `status` = ?, `ended_at` = ' + (FINAL.has(status) ? 'NOW(3)' : 'NULL') + ', `error_code` = ?, `error_message` = ? WHERE `id` = ?',
    [status, error?.code ?? null, error?.message.slice(0, 60_000) ?? null, runId],
  );
}

/**
 * Ended runs (succeeded, or failed after storing some pages) whose new or changed records have not
 * yet gone through resolution and the profile, oldest first.
 */
export async function runsAwaitingProfile(db: DataSource): Promise<string[]> {
  const rows = (await db.query(
    "SELECT `id` FROM `connector_run` WHERE `profiled_at` IS NULL AND `status` IN ('succeeded', 'failed') AND `records_inserted` + `records_updated` > 0 ORDER BY `id`",
  )) as Array<{ id: string }>;
  return rows.map((r) => String(r.id));
}

export async function markRunsProfiled(db: DataSource, runIds: readonly string[]): Promise<void> {
  if (runIds.length === 0) return;
  await db.query(`UPDATE \`connector_run\` SET \`profiled_at\` = NOW(3) WHERE \`id\` IN (${runIds.map(() => '?').join(',')})`, [...runIds]);
}
