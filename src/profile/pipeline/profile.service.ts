import type { DataSource } from 'typeorm';
import { PROFILE_FIELDS } from '../catalog/catalog';
import type { Derived } from '../derive/derived';
import { deriveProfile } from '../derive/derive-profile';
import type { EnterpriseRecords } from '../derive/enterprise-records';
import { detectConflicts, type Conflict } from '../quality/conflicts';
import { writeConflicts } from '../storage/conflict.writer';
import { loadEnterpriseRecords } from '../storage/records.loader';
import { writeProfiles, type ComputedProfile, type WriteCounts } from '../storage/profile.writer';
import { buildProvenance, type ProfileProvenance } from '../storage/provenance';
import { storeScores } from '../../scoring/store/score-store';

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
 * provenance, change log and conflicts. Three stages overlap, so the database and the derivation work
 * side by side: the next batch loads and the previous one is written while the current one is derived.
 */
export async function recomputeProfiles(db: DataSource, usccs: readonly string[], options: RecomputeOptions): Promise<RecomputeCounts> {
  const size = options.batchSize ?? DEFAULT_BATCH;
  const batches: string[][] = [];
  for (let i = 0; i < usccs.length; i += size) batches.push(usccs.slice(i, i + size));
  const totals: RecomputeCounts = { profiles: 0, created: 0, changedFields: 0 };
  const add = (counts: WriteCounts) => {
    totals.profiles += counts.profiles;
    totals.created += counts.created;
    totals.changedFields += counts.changedFields;
  };
  // A stage started ahead is awaited later; until then its rejection must not count as unhandled.
  const ahead = <T>(p: Promise<T>): Promise<T> => {
    p.catch(() => undefined);
    return p;
  };
  let loading = batches.length > 0 ? ahead(loadEnterpriseRecords(db, batches[0]!)) : undefined;
  let writing: Promise<WriteCounts> | undefined;
  for (let b = 0; b < batches.length; b++) {
    const records = await loading!;
    loading = b + 1 < batches.length ? ahead(loadEnterpriseRecords(db, batches[b + 1]!)) : undefined;
    const computed = computeBatch(records, options);
    if (writing) add(await writing);
    writing = ahead(storeBatch(db, computed, options.asOf));
  }
  if (writing) add(await writing);
  return totals;
}

interface ComputedBatch {
  profiles: ComputedProfile[];
  conflicts: Array<{ uscc: string; conflicts: Conflict[] }>;
}

function computeBatch(records: readonly EnterpriseRecords[], options: RecomputeOptions): ComputedBatch {
  return {
    profiles: records.map((r) => ({ uscc: r.uscc, values: deriveProfile(r, options.asOf), runId: options.runOf?.(r.uscc) ?? null })),
    conflicts: records.map((r) => ({ uscc: r.uscc, conflicts: detectConflicts(r, options.asOf) })),
  };
}

async function storeBatch(db: DataSource, batch: ComputedBatch, asOf: string): Promise<WriteCounts> {
  const computedAt = new Date();
  return db.transaction('READ COMMITTED', async (manager) => {
    const counts = await writeProfiles(manager, batch.profiles, { asOf, computedAt });
    await writeConflicts(manager, batch.profiles.map((p) => p.uscc), batch.conflicts, computedAt);
    // The batch's credit scores, from the values in memory, in the same transaction.
    await storeScores(manager, batch.profiles, { asOf, computedAt });
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
  computedAt: Date;
  values: ReadonlyMap<string, Derived>;
  provenance: ProfileProvenance;
}

/** One enterprise's profile as it stood on `asOf`, computed from the stored records and not stored. */
export async function profileAsOf(db: DataSource, uscc: string, asOf: string): Promise<ProfileSnapshot> {
  const [records] = await loadEnterpriseRecords(db, [uscc]);
  const values = deriveProfile(records!, asOf);
  return { uscc, asOf, computedAt: new Date(), values, provenance: buildProvenance(PROFILE_FIELDS, values) };
}

/** The as-of date of an enterprise's stored profile, or null when it has none. */
export async function storedAsOf(db: DataSource, uscc: string): Promise<string | null> {
  const rows = (await db.query("SELECT DATE_FORMAT(`as_of`, '%Y-%m-%d') AS d FROM `enterprise_profile` WHERE `uscc` = ?", [uscc])) as Array<{ d: string }>;
  return rows[0]?.d ?? null;
}
