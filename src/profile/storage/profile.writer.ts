import type { SqlRunner } from '../../ingest/sql-chunks';
import { chunk, placeholders } from '../../ingest/sql-chunks';
import { CATALOG_VERSION, PROFILE_FIELDS } from '../catalog/catalog';
import type { FieldValue } from '../catalog/field.types';
import type { Derived } from '../derive/derived';
import { fromColumn, sameValue, toColumn } from './profile-values';
import { buildProvenance } from './provenance';

export interface ComputedProfile {
  uscc: string;
  values: ReadonlyMap<string, Derived>;
  /** The sync run whose records caused the recomputation; null for a rebuild. */
  runId: string | null;
}

export interface WriteOptions {
  asOf: string;
  computedAt: Date;
}

export interface WriteCounts {
  profiles: number;
  created: number;
  changedFields: number;
}

const COLUMNS = ['uscc', 'as_of', 'catalog_version', 'computed_at', 'last_run_id', 'created_at', ...PROFILE_FIELDS.map((f) => f.key)];
const q = (c: string) => `\`${c}\``;
/** ~206 placeholders a row: 250 rows stay well under MySQL's 65,535. */
const ROWS_PER_STATEMENT = 250;
const PROFILE_UPSERT_TAIL = ` ON DUPLICATE KEY UPDATE ${COLUMNS.filter((c) => c !== 'uscc' && c !== 'created_at')
  .map((c) => `${q(c)} = VALUES(${q(c)})`)
  .join(', ')}`;

/**
 * Stores recomputed profiles: reads the stored rows of the batch (one statement), records every field
 * whose value changed in `profile_change`, and upserts the profiles and their provenance with
 * multi-row statements. A profile computed for the first time is created without change entries;
 * its `created_at` says when it appeared. Run inside the caller's transaction.
 */
export async function writeProfiles(db: SqlRunner, profiles: readonly ComputedProfile[], options: WriteOptions): Promise<WriteCounts> {
  const counts: WriteCounts = { profiles: profiles.length, created: 0, changedFields: 0 };
  if (profiles.length === 0) return counts;
  const stored = await storedValues(db, profiles.map((p) => p.uscc));
  const changes: unknown[][] = [];
  for (const p of profiles) {
    const before = stored.get(p.uscc);
    if (!before) {
      counts.created += 1;
      continue;
    }
    for (const field of PROFILE_FIELDS) {
      const old = before.get(field.key) ?? null;
      const now = p.values.get(field.key)?.value ?? null;
      if (sameValue(field, old, now)) continue;
      changes.push([p.uscc, field.key, json(old), json(now), options.computedAt, options.asOf, p.runId, CATALOG_VERSION]);
    }
  }
  counts.changedFields = changes.length;

  for (const part of chunk(profiles, ROWS_PER_STATEMENT)) {
    const params: unknown[] = [];
    for (const p of part) {
      params.push(p.uscc, options.asOf, CATALOG_VERSION, options.computedAt, p.runId, options.computedAt);
      for (const field of PROFILE_FIELDS) params.push(toColumn(field, p.values.get(field.key)?.value ?? null));
    }
    await db.query(`INSERT INTO \`enterprise_profile\` (${COLUMNS.map(q).join(',')}) VALUES ${placeholders(part.length, COLUMNS.length)}${PROFILE_UPSERT_TAIL}`, params);

    const provenance: unknown[] = [];
    for (const p of part) {
      const { fields, recordSets } = buildProvenance(PROFILE_FIELDS, p.values);
      provenance.push(p.uscc, CATALOG_VERSION, options.computedAt, JSON.stringify(fields), JSON.stringify(recordSets));
    }
    await db.query(
      `INSERT INTO \`profile_provenance\` (\`uscc\`,\`catalog_version\`,\`computed_at\`,\`fields\`,\`record_sets\`) VALUES ${placeholders(part.length, 5)}` +
        ' ON DUPLICATE KEY UPDATE `catalog_version` = VALUES(`catalog_version`), `computed_at` = VALUES(`computed_at`), `fields` = VALUES(`fields`), `record_sets` = VALUES(`record_sets`)',
      provenance,
    );
  }
  for (const part of chunk(changes, 1000)) {
    await db.query(
      `INSERT INTO \`profile_change\` (\`uscc\`,\`field_key\`,\`old_value\`,\`new_value\`,\`changed_at\`,\`as_of\`,\`run_id\`,\`catalog_version\`) VALUES ${placeholders(part.length, 8)}`,
      part.flat(),
    );
  }
  return counts;
}

const json = (v: FieldValue): string | null => (v === null ? null : JSON.stringify(v));

/** The stored field values of the given enterprises, typed as the catalog computes them. */
export async function storedValues(db: SqlRunner, usccs: readonly string[]): Promise<Map<string, Map<string, FieldValue>>> {
  const out = new Map<string, Map<string, FieldValue>>();
  for (const part of chunk(usccs, 1000)) {
    const rows = (await db.query(`SELECT * FROM \`enterprise_profile\` WHERE \`uscc\` IN (${part.map(() => '?').join(',')})`, part)) as Array<Record<string, unknown>>;
    for (const row of rows) {
      out.set(String(row.uscc), new Map(PROFILE_FIELDS.map((f) => [f.key, fromColumn(f, row[f.key])])));
    }
  }
  return out;
}
