import type { FieldDef, FieldSpec, SectionKey } from './field.types';

/** Declares one section's fields; the section file is the only place these fields are described. */
export function defineSection(section: SectionKey, fields: readonly FieldSpec[]): readonly FieldDef[] {
  return fields.map((f) => ({ ...f, section }));
}
