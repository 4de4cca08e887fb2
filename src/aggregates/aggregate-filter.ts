import { HubError } from '../errors/hub-error';
import type { FieldDef } from '../profile/catalog/field.types';
import { catalogField, profileColumn } from './profile-column';
import { TAG_NAMES } from './reference-labels';

/** The public-registry facts a dashboard drills down by; each list is OR within, AND across lists. */
export interface AggregateFilterInput {
  /** GB/T 2260 codes of the current district (`current_district_code`), e.g. `370102`. */
  districts?: readonly string[] | null;
  /** GB/T 4754-2017 section letters (`industry_section`), e.g. `I`. */
  industrySections?: readonly string[] | null;
  /** Catalog values of `registration_status`, e.g. `active`. */
  registrationStatuses?: readonly string[] | null;
  /** Catalog values of `entity_type`, e.g. `limited_company`. */
  entityTypes?: readonly string[] | null;
  /** Certification tags (`high_tech_enterprise`, `tech_sme`, `specialized_sme`); every one listed must be held. */
  tags?: readonly string[] | null;
}

/** A checked filter: only catalog values, ready to become SQL. */
export interface AggregateFilter {
  districts: string[];
  industrySections: string[];
  registrationStatuses: string[];
  entityTypes: string[];
  tags: string[];
}

export const DIMENSION_FIELDS = {
  district: catalogField('current_district_code', 'code'),
  industrySection: catalogField('industry_section', 'enum'),
  registrationStatus: catalogField('registration_status', 'enum'),
  entityType: catalogField('entity_type', 'enum'),
} as const;

export const TAG_FIELDS: readonly FieldDef[] = Object.keys(TAG_NAMES).map((key) => catalogField(key, 'boolean'));

const DISTRICT_CODE = /^\d{6}$/;
const MAX_VALUES = 100;

function checked(argument: string, values: readonly string[] | null | undefined, normalise: (v: string) => string, allowed: (v: string) => boolean, expected: string): string[] {
  if (values === null || values === undefined) return [];
  if (values.length > MAX_VALUES) throw new HubError('BAD_USER_INPUT', `filter.${argument} may list at most ${MAX_VALUES} values, got ${values.length}`, { details: { argument: `filter.${argument}` } });
  const out = [...new Set(values.map(normalise))];
  const bad = out.filter((v) => !allowed(v));
  if (bad.length > 0) {
    throw new HubError('BAD_USER_INPUT', `filter.${argument} has unknown value(s) ${bad.map((v) => JSON.stringify(v)).join(', ')}; expected ${expected}`, {
      details: { argument: `filter.${argument}` },
    });
  }
  return out;
}

const oneOf = (field: FieldDef) => (v: string): boolean => (field.values ?? []).includes(v);
const listed = (field: FieldDef): string => (field.values ?? []).join(', ');

/**
 * Checks a dashboard's filter against the catalog's vocabularies: the values are the same keys the
 * count buckets return, so a bucket can be clicked to drill down. An omitted or empty list does not
 * restrict; an unknown value is BAD_USER_INPUT naming the list and what it accepts.
 */
export function parseAggregateFilter(input: AggregateFilterInput | null | undefined): AggregateFilter {
  const { district, industrySection, registrationStatus, entityType } = DIMENSION_FIELDS;
  const tagKeys = TAG_FIELDS.map((f) => f.key);
  return {
    districts: checked('districts', input?.districts, (v) => v.trim(), (v) => DISTRICT_CODE.test(v), `six-digit GB/T 2260 codes of ${district.key} such as 370102`),
    industrySections: checked('industrySections', input?.industrySections, (v) => v.trim().toUpperCase(), oneOf(industrySection), `GB/T 4754-2017 section letters (${listed(industrySection)})`),
    registrationStatuses: checked('registrationStatuses', input?.registrationStatuses, (v) => v.trim().toLowerCase(), oneOf(registrationStatus), listed(registrationStatus)),
    entityTypes: checked('entityTypes', input?.entityTypes, (v) => v.trim().toLowerCase(), oneOf(entityType), listed(entityType)),
    tags: checked('tags', input?.tags, (v) => v.trim().toLowerCase(), (v) => tagKeys.includes(v), tagKeys.join(', ')),
  };
}

export const isUnfiltered = (f: AggregateFilter): boolean =>
  f.districts.length + f.industrySections.length + f.registrationStatuses.length + f.entityTypes.length + f.tags.length === 0;

/** The filter as a WHERE condition over `enterprise_profile` (always valid SQL: `1=1` when empty) and its parameters. */
export function filterSql(f: AggregateFilter): { where: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  const within = (field: FieldDef, values: string[]) => {
    if (values.length === 0) return;
    parts.push(`${profileColumn(field)} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  within(DIMENSION_FIELDS.district, f.districts);
  within(DIMENSION_FIELDS.industrySection, f.industrySections);
  within(DIMENSION_FIELDS.registrationStatus, f.registrationStatuses);
  within(DIMENSION_FIELDS.entityType, f.entityTypes);
  for (const tag of f.tags) {
    const field = TAG_FIELDS.find((t) => t.key === tag);
    if (field) parts.push(`${profileColumn(field)} = 1`);
  }
  return { where: parts.length === 0 ? '1=1' : parts.join(' AND '), params };
}
