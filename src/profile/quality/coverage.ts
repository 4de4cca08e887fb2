import type { SqlRunner } from '../../ingest/sql-chunks';
import { PROFILE_FIELDS } from '../catalog/catalog';
import type { SectionKey } from '../catalog/field.types';

export interface FieldCoverage {
  key: string;
  section: SectionKey;
  /** Profiles with a value for the field. */
  filled: number;
  /** filled / profiles (0 when there are none). */
  coverage: number;
}

export interface CoverageReport {
  profiles: number;
  fields: FieldCoverage[];
}

/** How many stored profiles have a value for each field, in one scan of `enterprise_profile`. */
export async function fieldCoverage(db: SqlRunner): Promise<CoverageReport> {
  const counts = PROFILE_FIELDS.map((f, i) => `COUNT(\`${f.key}\`) AS c${i}`).join(', ');
  const [row] = (await db.query(`SELECT COUNT(*) AS profiles, ${counts} FROM \`enterprise_profile\``)) as Array<Record<string, string | number>>;
  const profiles = Number(row?.profiles ?? 0);
  return {
    profiles,
    fields: PROFILE_FIELDS.map((f, i) => {
      const filled = Number(row?.[`c${i}`] ?? 0);
      return { key: f.key, section: f.section, filled, coverage: profiles === 0 ? 0 : filled / profiles };
    }),
  };
}

export interface SourceFreshness {
  connector: string;
  stream: string;
  /** Stored records, and how many of them are linked to an enterprise. */
  records: number;
  resolved: number;
  /** Distinct enterprises with at least one resolved record of the stream. */
  enterprises: number;
  /** Newest `updated_at` at the source among stored records. */
  newestRecord: Date | null;
  /** When the last successful sync of the stream ended. */
  lastSuccessfulSync: Date | null;
}

/** Per stream: how much is stored and resolved, and how fresh it is. */
export async function sourceFreshness(db: SqlRunner): Promise<SourceFreshness[]> {
  const rows = (await db.query(
    'SELECT r.`connector`, r.`stream`, COUNT(*) AS records, SUM(l.`status` = \'resolved\') AS resolved, ' +
      "COUNT(DISTINCT CASE WHEN l.`status` = 'resolved' THEN l.`uscc` END) AS enterprises, MAX(r.`source_updated_at`) AS newest, " +
      "(SELECT MAX(c.`ended_at`) FROM `connector_run` c WHERE c.`connector` = r.`connector` AND c.`stream` = r.`stream` AND c.`status` = 'succeeded') AS last_sync " +
      'FROM `raw_record` r LEFT JOIN `record_link` l ON l.`raw_record_id` = r.`id` GROUP BY r.`connector`, r.`stream` ORDER BY r.`connector`, r.`stream`',
  )) as Array<{ connector: string; stream: string; records: string; resolved: string | null; enterprises: string; newest: Date | null; last_sync: Date | null }>;
  return rows.map((r) => ({
    connector: r.connector,
    stream: r.stream,
    records: Number(r.records),
    resolved: Number(r.resolved ?? 0),
    enterprises: Number(r.enterprises),
    newestRecord: r.newest,
    lastSuccessfulSync: r.last_sync,
  }));
}
