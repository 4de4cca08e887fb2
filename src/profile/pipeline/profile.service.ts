import type { DataSource } from 'typeorm';
import { PROFILE_FIELDS } from '../catalog/catalog';
import type { Derived } from '../derive/derived';
import { deriveProfile } from '../derive/derive-profile';
import type { EnterpriseRecords } from '../derive/enterprise-records';
import { detectConflicts } from '../quality/conflicts';
import { writeConflicts } from '../storage/conflict.writer';
import { loadEnterpriseRecords } from '../storage/records.loader';
import { writeProfiles, type WriteCounts } from '../storage/profile.writer';
import { buildProvenance, type ProfileProvenance } from '../storage/provenance';

export interface RecomputeOptions {
  /** `YYYY-MM-DD`: the date the profiles are computed as of. */
  asOf: string;
  /** The sync run whose records caused an enterprise's recomputation (for the change log); none for a rebuild. */
  runOf?: (uscc: string) => string | null;
  /** Enterprises per load/compute/write batch. */
  batchSize?: number;
}

export type RecomputeCounts = WriteCounts;

const DEFAULT_BATCH = 500;

/**
 * Recomputes and stores the profiles of the given enterprises, batch by batch: one statement loads a
 * batch's records, the fields are derived in memory, and one transaction stores the batch's profiles,
 * provenance and change log. The next batch is loaded while the current one is computed and stored.
 */
export async function recomputeProfiles(db: DataSource, usccs: readonly string[], options: RecomputeOptions): Promise<RecomputeCounts> {
  const size = options.batchSize ?? DEFAULT_BATCH;
  const batches: string[][] = [];
  for (let i = 0; i < usccs.length; i += size) batches.push(usccs.slice(i, i + size));
  const totals: RecomputeCounts = { profiles: 0, created: 0, changedFields: 0 };
  let next = batches.length > 0 ? loadEnterpriseRecords(db, batches[0]!) : undefined;
  for (let b = 0; b < batches.length; b++) {
    const records = await next!;
    next = b + 1 < batches.length ? loadEnterpriseRecords(db, batches[b + 1]!) : undefined;
    next?.catch(() => undefined);
    const counts = await storeBatch(db, records, options);
    totals.profiles += counts.profiles;
    totals.created += counts.created;
    totals.changedFields += counts.changedFields;
  }
  return totals;
}

async function storeBatch(db: DataSource, records: readonly EnterpriseRecords[], options: RecomputeOptions): Promise<WriteCounts> {
  const computed = records.map((r) => ({ uscc: r.uscc, values: deriveProfile(r, options.asOf), runId: options.runOf?.(r.uscc) ?? null }));
  const conflicts = records.map((r) => ({ uscc: r.uscc, conflicts: detectConflicts(r, options.asOf) }));
  const computedAt = new Date();
  return db.transaction('READ COMMITTED', async (manager) => {
    const counts = await writeProfiles(manager, computed, { asOf: options.asOf, computedAt });
    await writeConflicts(manager, records.map((r) => r.uscc), conflicts, computedAt);
    return counts;
  });
}

/** Every enterprise with at least one resolved record, in USCC order, read in keyset pages. */
export async function* enterprisesWithRecords(db: DataSource, pageSize = 5000): AsyncGenerator<string[]> {
  let after = '';
  for (;;) {
    const rows = (await db.query(
      "SELECT DISTINCT `uscc` FROM `record_link` WHERE `status` = 'resolved' AND `uscc` > ? ORDER BY `uscc` LIMIT ?",
      [after, pageSize],
    )) as Array<{ uscc: string }>;
    if (rows.length === 0) return;
    yield rows.map((r) => r.uscc);
    after = rows[rows.length - 1]!.uscc;
  }
}

/** Recomputes every enterprise's profile (the `profile rebuild` command). */
export async function rebuildAllProfiles(db: DataSource, options: RecomputeOptions): Promise<RecomputeCounts> {
  const totals: RecomputeCounts = { profiles: 0, created: 0, changedFields: 0 };
  for await (const page of enterprisesWithRecords(db)) {
    const counts = await recomputeProfiles(db, page, options);
    totals.profiles += counts.profiles;
    totals.created += counts.created;
    totals.changedFields += counts.changedFields;
  }
  return totals;
}

export interface ProfileSnapshot {
  uscc: string;
  asOf: string;
  values: ReadonlyMap<string, Derived>;
  provenance: ProfileProvenance;
}

/** One enterprise's profile as it stood on `asOf`, computed from the stored records and not stored. */
export async function profileAsOf(db: DataSource, uscc: string, asOf: string): Promise<ProfileSnapshot> {
  const [records] = await loadEnterpriseRecords(db, [uscc]);
  const values = deriveProfile(records!, asOf);
  return { uscc, asOf, values, provenance: buildProvenance(PROFILE_FIELDS, values, new Date()) };
}
