import { createHash } from 'node:crypto';
import type { FieldDef, SectionKey } from './field.types';
import { SECTIONS } from './field.types';
import { COMPLIANCE_FIELDS } from './sections/compliance.fields';
import { DERIVED_FIELDS } from './sections/derived.fields';
import { ELECTRICITY_FIELDS } from './sections/electricity.fields';
import { FINANCING_FIELDS } from './sections/financing.fields';
import { GOVERNANCE_FIELDS } from './sections/governance.fields';
import { IDENTITY_FIELDS } from './sections/identity.fields';
import { INTELLECTUAL_PROPERTY_FIELDS } from './sections/intellectual-property.fields';
import { TALENT_FIELDS } from './sections/talent.fields';
import { TAX_FIELDS } from './sections/tax.fields';
import { WATER_FIELDS } from './sections/water.fields';

/**
 * The enterprise profile's field catalog: the single declaration of every profile field. Storage
 * columns, the migration, GraphQL types, validation and `docs/profile-fields.md` are all derived
 * from it, and tests fail when any of them drifts.
 */
export const PROFILE_FIELDS: readonly FieldDef[] = [
  ...IDENTITY_FIELDS,
  ...GOVERNANCE_FIELDS,
  ...COMPLIANCE_FIELDS,
  ...TAX_FIELDS,
  ...ELECTRICITY_FIELDS,
  ...WATER_FIELDS,
  ...INTELLECTUAL_PROPERTY_FIELDS,
  ...TALENT_FIELDS,
  ...FINANCING_FIELDS,
  ...DERIVED_FIELDS,
];

const BY_KEY = new Map(PROFILE_FIELDS.map((f) => [f.key, f]));

const BY_SECTION = new Map<SectionKey, readonly FieldDef[]>();

export function fieldByKey(key: string): FieldDef | undefined {
  return BY_KEY.get(key);
}

export function fieldsOfSection(section: SectionKey): readonly FieldDef[] {
  let fields = BY_SECTION.get(section);
  if (!fields) BY_SECTION.set(section, (fields = PROFILE_FIELDS.filter((f) => f.section === section)));
  return fields;
}

export { SECTIONS };

/**
 * Identifies the catalog's meaning: a hash over every field's key, type, unit, values, scale and
 * derivation text. Stored with each value, so a value can be traced to the definition it was
 * computed under; it changes whenever a definition does.
 */
export const CATALOG_VERSION: string = createHash('sha256')
  .update(JSON.stringify(PROFILE_FIELDS.map((f) => [f.key, f.section, f.type, f.unit, f.values ?? null, f.scale ?? null, f.maxLength ?? null, f.derivation])))
  .digest('hex')
  .slice(0, 12);
