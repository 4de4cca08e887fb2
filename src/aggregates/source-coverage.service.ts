import type { StreamTarget } from '../ingest/connector-catalog';
import type { SqlRunner } from '../ingest/sql-chunks';
import type { SectionKey } from '../profile/catalog/field.types';
import { fieldCoverage, sourceFreshness, type FieldCoverage } from '../profile/quality/coverage';

export interface SourceCoverage {
  connector: string;
  stream: string;
  records: number;
  resolved: number;
  /** resolved / records (0 when nothing is stored). */
  resolvedShare: number;
  /** Distinct enterprises with a resolved record of the stream, and their share of the stored profiles. */
  enterprises: number;
  enterpriseShare: number;
  newestRecordAt: Date | null;
  lastSuccessfulSyncAt: Date | null;
  /** Whole seconds from the newest record's upstream update, and from the end of the last successful sync, to `now`. */
  newestRecordAgeSeconds: number | null;
  lastSyncAgeSeconds: number | null;
}

const ageSeconds = (at: Date | null, now: Date): number | null => (at === null ? null : Math.max(0, Math.floor((now.getTime() - at.getTime()) / 1000)));
const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/**
 * Per connector stream: what is stored and resolved, how many enterprises it covers, and how fresh it
 * is. Builds on `sourceFreshness` (one GROUP BY over raw records and their links) and adds the
 * streams the hub runs but has no records of yet, shares, and ages relative to `now`.
 */
export async function sourceCoverage(db: SqlRunner, streams: readonly StreamTarget[], now: Date = new Date()): Promise<SourceCoverage[]> {
  const [stored, [profileRow]] = await Promise.all([
    sourceFreshness(db),
    db.query('SELECT COUNT(*) AS n FROM `enterprise_profile`') as Promise<Array<{ n: string | number }>>,
  ]);
  const profiles = Number(profileRow?.n ?? 0);
  const byStream = new Map(stored.map((s) => [`${s.connector}/${s.stream}`, s]));
  const silent = streams
    .filter((s) => !byStream.has(`${s.connector}/${s.stream}`))
    .map((s) => ({ ...s, records: 0, resolved: 0, enterprises: 0, newestRecord: null, lastSuccessfulSync: null }));
  // A stream the hub no longer runs still has its stored records listed.
  const all = [...stored, ...silent];
  all.sort((a, b) => a.connector.localeCompare(b.connector) || a.stream.localeCompare(b.stream));
  return all.map((s) => ({
    connector: s.connector,
    stream: s.stream,
    records: s.records,
    resolved: s.resolved,
    resolvedShare: share(s.resolved, s.records),
    enterprises: s.enterprises,
    enterpriseShare: share(s.enterprises, profiles),
    newestRecordAt: s.newestRecord,
    lastSuccessfulSyncAt: s.lastSuccessfulSync,
    newestRecordAgeSeconds: ageSeconds(s.newestRecord, now),
    lastSyncAgeSeconds: ageSeconds(s.lastSuccessfulSync, now),
  }));
}

export interface SectionCoverage {
  section: SectionKey;
  /** Stored profiles. */
  profiles: number;
  fields: FieldCoverage[];
}

/** Filled count and share of each field of one section, from `fieldCoverage`'s single scan of `enterprise_profile`. */
export async function sectionCoverage(db: SqlRunner, section: SectionKey): Promise<SectionCoverage> {
  const report = await fieldCoverage(db);
  return { section, profiles: report.profiles, fields: report.fields.filter((f) => f.section === section) };
}
