import type { DataSource } from 'typeorm';
import { HubError } from '../../errors/hub-error';
import { cstDate, daysBetween } from '../derive/calendar';
import { fieldByKey, fieldsOfSection, PROFILE_FIELDS } from '../catalog/catalog';
import { SECTIONS, type FieldDef, type FieldValue, type SectionKey } from '../catalog/field.types';
import { fromColumn } from '../storage/profile-values';
import { provenanceOf, type ProfileProvenance } from '../storage/provenance';

/** An enterprise's stored profile, with the values of the sections asked for only. */
export interface StoredProfile {
  uscc: string;
  /** `YYYY-MM-DD`. */
  asOf: string;
  computedAt: Date;
  catalogVersion: string;
  /** Registered name (identity, public): every read carries it. */
  name: string | null;
  /** Values by catalog key, for the fields of the sections read. */
  values: ReadonlyMap<string, FieldValue>;
}

const q = (column: string) => `\`${column}\``;

/**
 * The stored profiles of `usccs`, reading only the columns of `sections` (plus the row's as-of date,
 * computation time, catalog version and registered name), in one statement. Column names come from
 * the catalog, never from the caller. Enterprises without a stored profile are absent from the map.
 */
export async function loadProfiles(db: DataSource, usccs: readonly string[], sections: readonly SectionKey[]): Promise<Map<string, StoredProfile>> {
  const out = new Map<string, StoredProfile>();
  if (usccs.length === 0) return out;
  const fields = sections.length === SECTIONS.length ? PROFILE_FIELDS : sections.flatMap((s) => fieldsOfSection(s));
  // Every section: `p.*` (a 200-name column list is 5 kB of SQL to build and send per read).
  const columns = fields === PROFILE_FIELDS ? ['p.*'] : fields.map((f) => q(f.key));
  const rows = (await db.query(
    `SELECT \`uscc\`, DATE_FORMAT(\`as_of\`, '%Y-%m-%d') AS \`__as_of\`, \`computed_at\` AS \`__computed_at\`, \`catalog_version\` AS \`__catalog_version\`, \`registered_name\` AS \`__name\`${columns.length > 0 ? `, ${columns.join(', ')}` : ''}` +
      ` FROM \`enterprise_profile\` p WHERE \`uscc\` IN (${usccs.map(() => '?').join(',')})`,
    [...usccs],
  )) as Array<Record<string, unknown>>;
  for (const row of rows) {
    const uscc = String(row.uscc);
    out.set(uscc, {
      uscc,
      asOf: String(row.__as_of),
      computedAt: row.__computed_at as Date,
      catalogVersion: String(row.__catalog_version),
      name: row.__name === null ? null : String(row.__name),
      values: new Map(fields.map((f) => [f.key, fromColumn(f, row[f.key])])),
    });
  }
  return out;
}

/** The stored provenance of each enterprise's current profile, in one statement. */
export async function loadProvenance(db: DataSource, usccs: readonly string[]): Promise<Map<string, ProfileProvenance>> {
  const out = new Map<string, ProfileProvenance>();
  if (usccs.length === 0) return out;
  const rows = (await db.query(`SELECT \`uscc\`, \`fields\`, \`record_sets\` FROM \`profile_provenance\` WHERE \`uscc\` IN (${usccs.map(() => '?').join(',')})`, [...usccs])) as Array<{
    uscc: string;
    fields: string;
    record_sets: string;
  }>;
  for (const row of rows) out.set(row.uscc, { fields: JSON.parse(row.fields) as ProfileProvenance['fields'], recordSets: JSON.parse(row.record_sets) as ProfileProvenance['recordSets'] });
  return out;
}

/**
 * Catalog fields by key, in the order given and without repeats; unknown keys are one
 * BAD_USER_INPUT listing all of them.
 */
export function parseFieldKeys(keys: readonly string[], argument = 'keys'): FieldDef[] {
  const unique = [...new Set(keys.map((k) => k.trim()))];
  const unknown = unique.filter((k) => fieldByKey(k) === undefined);
  if (unknown.length > 0) {
    throw new HubError('BAD_USER_INPUT', `${argument}: unknown profile field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')}; profileFields lists the keys`, {
      details: { argument, unknownKeys: unknown },
    });
  }
  return unique.map((k) => fieldByKey(k)!);
}

/** One value with where it came from and how fresh it is. */
export interface FieldReading {
  field: FieldDef;
  value: FieldValue;
  sources: readonly string[];
  recordIds: readonly string[];
  /** When the newest source record behind the value was updated at its source. */
  observedAt: Date;
  /** The profile's as-of date minus the China Standard Time date of `observedAt`, in days (negative: observed after the as-of date). */
  freshnessDays: number;
  computedAt: Date;
}

/** The readings of `fields` from a stored profile and its provenance (a profile without provenance: declared sources, observed when computed). */
export function readFields(profile: StoredProfile, provenance: ProfileProvenance | undefined, fields: readonly FieldDef[]): FieldReading[] {
  const none: ProfileProvenance = { fields: {}, recordSets: [] };
  return fields.map((field) => {
    const p = provenanceOf(provenance ?? none, field, profile.computedAt);
    return {
      field,
      value: profile.values.get(field.key) ?? null,
      sources: p.sources,
      recordIds: p.recordIds,
      observedAt: p.observedAt,
      freshnessDays: daysBetween(cstDate(p.observedAt), profile.asOf),
      computedAt: profile.computedAt,
    };
  });
}

/** Every catalog field of the given sections, in catalog order. */
export const fieldsOfSections = (sections: readonly SectionKey[]): FieldDef[] => PROFILE_FIELDS.filter((f) => sections.includes(f.section));
