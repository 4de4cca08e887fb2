import type { DataSource } from 'typeorm';
import type { Sandbox, TruthRecord } from '../../connectors/sandbox/sandbox';
import { canonicalJson, sha256 } from '../../src/ingest/content-hash';
import type { StreamTarget } from '../../src/ingest/connector-catalog';
import type { SyncQueues } from '../../src/jobs/sync-queues';

/** What the sandbox says a stream holds, as (external id → content hash), computed independently of the hub. */
export function truthHashes(records: readonly TruthRecord[]): Map<string, string> {
  return new Map(records.map((r) => [r.id, sha256(canonicalJson(r.record)).toString('hex')]));
}

/** A record that changed several times in a window is read once, in its newest version. */
export function latestPerId(records: readonly TruthRecord[]): TruthRecord[] {
  const latest = new Map<string, TruthRecord>();
  for (const r of records) {
    const seen = latest.get(r.id);
    if (!seen || seen.updatedAt.getTime() <= r.updatedAt.getTime()) latest.set(r.id, r);
  }
  return [...latest.values()];
}

export function validVisible(sandbox: Sandbox, target: StreamTarget): TruthRecord[] {
  return sandbox.truth.visible(target.connector, target.stream).filter((r) => r.valid);
}

export function invalidVisible(sandbox: Sandbox, target: StreamTarget): TruthRecord[] {
  return sandbox.truth.visible(target.connector, target.stream).filter((r) => !r.valid);
}

export async function storedHashes(db: DataSource, target: StreamTarget): Promise<Map<string, string>> {
  const rows = (await db.query('SELECT `external_id` AS id, HEX(`content_hash`) AS h FROM `raw_record` WHERE `connector` = ? AND `stream` = ?', [
    target.connector,
    target.stream,
  ])) as Array<{ id: string; h: string }>;
  return new Map(rows.map((r) => [r.id, r.h.toLowerCase()]));
}

export interface RunRow {
  id: string;
  connector: string;
  stream: string;
  status: string;
  records_read: number;
  records_inserted: number;
  records_updated: number;
  records_unchanged: number;
  records_quarantined: number;
}

/** Syncs the targets through BullMQ and returns the run row of each job. */
export async function syncThroughQueue(db: DataSource, queues: SyncQueues, targets: readonly StreamTarget[], timeoutMs = 600_000): Promise<RunRow[]> {
  const requested = await queues.requestSync(targets, 'manual');
  const finished = await queues.waitFor(requested, timeoutMs);
  const failed = finished.filter((f) => f.state !== 'completed');
  if (failed.length > 0) throw new Error(`syncs failed: ${failed.map((f) => `${f.connector}/${f.stream}: ${f.error}`).join('; ')}`);
  const runIds = finished.map((f) => (f.result as { runId: string }).runId);
  const rows = (await db.query(`SELECT * FROM connector_run WHERE id IN (${runIds.map(() => '?').join(',')})`, runIds)) as RunRow[];
  return rows.map((r) => ({
    ...r,
    records_read: Number(r.records_read),
    records_inserted: Number(r.records_inserted),
    records_updated: Number(r.records_updated),
    records_unchanged: Number(r.records_unchanged),
    records_quarantined: Number(r.records_quarantined),
  }));
}

export function runFor(runs: readonly RunRow[], target: StreamTarget): RunRow {
  const run = runs.find((r) => r.connector === target.connector && r.stream === target.stream);
  if (!run) throw new Error(`no run for ${target.connector}/${target.stream}`);
  return run;
}
