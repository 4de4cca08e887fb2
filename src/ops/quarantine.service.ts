import type { QuarantineReasonCode } from '../../connectors/sdk/quarantine-reason';
import { validateRecord } from '../../connectors/sdk/validate';
import { QuarantineRecordEntity, type QuarantineStatus } from '../db/entities/quarantine-record.entity';
import { HubError } from '../errors/hub-error';
import { canonicalJson, sha256 } from '../ingest/content-hash';
import { resolveSupersededQuarantine, settleQuarantine, updateQuarantineReason } from '../ingest/quarantine.writer';
import { upsertRawRecords, type UpsertCounts } from '../ingest/raw-record.writer';
import { findStream } from '../ingest/sync-stream.service';
import type { OpsRuntime } from './ops-runtime';
import { isRowId } from './run-queries';

export interface QuarantinePageQuery {
  connector?: string;
  stream?: string;
  reasonCode?: QuarantineReasonCode;
  status?: QuarantineStatus;
  /** Rows to fetch: a page size plus one. */
  fetch: number;
  /** Only entries older than this one (keyset on id, newest first). */
  beforeId?: string | null;
}

/** A page of quarantined records, newest first, with the count over all pages: two statements. */
export async function pageQuarantine(rt: Pick<OpsRuntime, 'db'>, query: QuarantinePageQuery): Promise<{ rows: QuarantineRecordEntity[]; total: number }> {
  const repo = rt.db.getRepository(QuarantineRecordEntity);
  const filtered = () => {
    const q = repo.createQueryBuilder('q');
    if (query.connector) q.andWhere('q.connector = :connector', { connector: query.connector });
    if (query.stream) q.andWhere('q.stream = :stream', { stream: query.stream });
    if (query.reasonCode) q.andWhere('q.reason_code = :reason', { reason: query.reasonCode });
    if (query.status) q.andWhere('q.status = :status', { status: query.status });
    return q;
  };
  const page = filtered().orderBy('q.id', 'DESC').limit(query.fetch);
  if (query.beforeId) page.andWhere('q.id < :before', { before: query.beforeId });
  const [rows, total] = await Promise.all([page.getMany(), filtered().getCount()]);
  return { rows, total };
}

export async function findQuarantined(rt: Pick<OpsRuntime, 'db'>, id: string): Promise<QuarantineRecordEntity | null> {
  return isRowId(id) ? rt.db.getRepository(QuarantineRecordEntity).findOneBy({ id }) : null;
}

export interface Settlement {
  /** Who settles: the principal's name. */
  by: string;
  note?: string | null;
}

/** Marks an open entry resolved (the steward fixed it upstream, say) or ignored. NOT_FOUND / CONFLICT otherwise. */
export async function settleQuarantined(rt: Pick<OpsRuntime, 'db'>, id: string, status: 'resolved' | 'ignored', settlement: Settlement): Promise<QuarantineRecordEntity> {
  const note = checkedNote(settlement.note);
  if (!(await settleQuarantine(rt.db, id, { status, note, by: settlement.by }))) await refuse(rt, id);
  return (await findQuarantined(rt, id))!;
}

export interface RetryOutcome {
  /** True when the payload now validates and was stored as a raw record. */
  stored: boolean;
  record: QuarantineRecordEntity;
  /** When still invalid: the reason the stream's current validation gives. */
  reasonCode: QuarantineReasonCode | null;
  reasonMessage: string | null;
  /** When stored: the run that stored it (trigger `api`), and what it did to the stored record. */
  runId: string | null;
  change: keyof UpsertCounts | null;
}

/**
 * Validates an open entry's stored payload again, against the stream's current validation. If it
 * passes, it is stored through the normal raw-record writer (by content hash, so storing it twice
 * changes nothing) under a run of its own, the entry and any other open entry of the same record
 * are settled, and the profile refresh is asked for; if not, the entry keeps its new reason and
 * stays open. The entry is locked while this happens, so two retries never both store it.
 */
export async function retryQuarantined(rt: OpsRuntime, id: string, by: string): Promise<RetryOutcome> {
  const found = await findQuarantined(rt, id);
  if (!found) throw new HubError('NOT_FOUND', `no quarantined record ${id}`);
  if (found.status !== 'open') await refuse(rt, id);
  const connector = rt.catalog.all().find((c) => c.id === found.connector);
  if (!connector) throw new HubError('CONFLICT', `quarantined record ${id} belongs to connector '${found.connector}', which this hub no longer runs`);
  const stream = findStream(connector, found.stream);
  const raw: unknown = JSON.parse(found.payload);
  const outcome = validateRecord(stream, raw);

  const runner = rt.db.createQueryRunner();
  await runner.connect();
  let result: RetryOutcome;
  try {
    await runner.startTransaction('READ COMMITTED');
    const locked = (await runner.query('SELECT `status` FROM `quarantine_record` WHERE `id` = ? FOR UPDATE', [id])) as Array<{ status: QuarantineStatus }>;
    if (locked[0]?.status !== 'open') {
      await runner.rollbackTransaction();
      await refuse(rt, id);
    }
    if (!outcome.ok) {
      await updateQuarantineReason(runner, id, outcome.reasonCode, outcome.message);
      await runner.commitTransaction();
      result = { stored: false, record: found, reasonCode: outcome.reasonCode, reasonMessage: outcome.message, runId: null, change: null };
    } else {
      const json = canonicalJson(raw);
      await runner.query(
        'INSERT INTO `connector_run` (`job_key`,`connector`,`stream`,`run_trigger`,`status`,`attempts`,`started_at`,`records_read`) ' + "VALUES (?,?,?,'api','running',1,NOW(3),1)",
        [`quarantine-retry:${id}`, found.connector, found.stream],
      );
      const [{ runId }] = (await runner.query('SELECT LAST_INSERT_ID() AS runId')) as [{ runId: string }];
      const counts = await upsertRawRecords(runner, found.connector, found.stream, String(runId), [
        { externalId: outcome.externalId, contentHash: sha256(json), payloadJson: json, sourceUpdatedAt: outcome.updatedAt },
      ]);
      await runner.query(
        "UPDATE `connector_run` SET `status` = 'succeeded', `ended_at` = NOW(3), `records_inserted` = ?, `records_updated` = ?, `records_unchanged` = ? WHERE `id` = ?",
        [counts.inserted, counts.updated, counts.unchanged, runId],
      );
      await settleQuarantine(runner, id, { status: 'resolved', note: `retried: valid under the current validation, stored in run ${runId}`, by });
      await resolveSupersededQuarantine(runner, found.connector, found.stream, String(runId), [outcome.externalId]);
      await runner.commitTransaction();
      const change = (['inserted', 'updated', 'unchanged'] as const).find((k) => counts[k] > 0) ?? 'unchanged';
      result = { stored: true, record: found, reasonCode: null, reasonMessage: null, runId: String(runId), change };
    }
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
  if (result.change === 'inserted' || result.change === 'updated') await rt.profiles.refreshAfterRun(result.runId!);
  rt.log.info({ quarantineId: id, stored: result.stored, runId: result.runId, by }, 'quarantined record retried');
  return { ...result, record: (await findQuarantined(rt, id))! };
}

function checkedNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() || null;
  if (trimmed !== null && trimmed.length > 1024) throw new HubError('BAD_USER_INPUT', `note must be at most 1,024 characters, got ${trimmed.length}`, { details: { argument: 'note' } });
  return trimmed;
}

/** Why an entry cannot be settled: it does not exist (NOT_FOUND) or it was settled already (CONFLICT). */
async function refuse(rt: Pick<OpsRuntime, 'db'>, id: string): Promise<never> {
  const row = await findQuarantined(rt, id);
  if (!row) throw new HubError('NOT_FOUND', `no quarantined record ${id}`);
  const when = row.settledAt ? ` at ${row.settledAt.toISOString()}` : '';
  throw new HubError('CONFLICT', `quarantined record ${id} is already ${row.status}${row.settledBy ? ` by ${row.settledBy}` : ''}${when}`, {
    details: { status: row.status },
  });
}
