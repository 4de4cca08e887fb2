import type { FieldDef, SectionKey } from '../../../src/profile/catalog/field.types';

/** `name_changes_36m` → `nameChanges36m`: a catalog key as a GraphQL field name. */
export const graphqlNameOf = (key: string): string => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const pascal = (snake: string): string => snake.replace(/(^|_)([a-z0-9])/g, (_, __: string, c: string) => c.toUpperCase());

/** `intellectual_property` → `IntellectualPropertySection`. */
export const sectionTypeName = (section: SectionKey): string => `${pascal(section)}Section`;

/** The GraphQL enum of an enum field: `registration_status` → `RegistrationStatus`. */
export const enumTypeName = (field: FieldDef): string => pascal(field.key);

/** A catalog enum value as a GraphQL enum value: `moved_out` → `MOVED_OUT`. */
export const enumValueName = (value: string): string => value.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
