import type { GraphQLScalarType } from 'graphql';
import { LocalDateResolver, SafeIntResolver } from 'graphql-scalars';
import { Field, Float, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { PUBLIC_SECTIONS } from '../../../src/access/consent-rules';
import { PROFILE_FIELDS, fieldsOfSection } from '../../../src/profile/catalog/catalog';
import { SECTIONS, type FieldDef, type FieldValue, type SectionKey } from '../../../src/profile/catalog/field.types';
import { enumTypeName, enumValueName, graphqlNameOf, sectionTypeName } from './profile-naming';

/**
 * The profile's typed sections, generated from the catalog when the schema is built: one object type
 * per section, one nullable field per catalog field, and one GraphQL enum per enum field. Nothing
 * here lists fields by hand, so a field added to the catalog appears in the API by itself.
 */

/** GraphQL enum value name → catalog value; GraphQL maps stored values to names and back. */
type EnumValues = Record<string, string>;

function buildEnum(field: FieldDef): EnumValues {
  const values: EnumValues = {};
  for (const value of field.values ?? []) {
    const name = enumValueName(value);
    if (!/^[A-Z_][A-Z0-9_]*$/.test(name) || name in values) throw new Error(`catalog enum ${field.key}: value '${value}' has no distinct GraphQL name (${name})`);
    values[name] = value;
  }
  registerEnumType(values, { name: enumTypeName(field), description: `Values of the profile field \`${graphqlNameOf(field.key)}\`: ${field.en}.` });
  return values;
}

/** The GraphQL enum of each enum field, by catalog key. */
export const FIELD_ENUMS: ReadonlyMap<string, EnumValues> = new Map(PROFILE_FIELDS.filter((f) => f.type === 'enum').map((f) => [f.key, buildEnum(f)]));

/** The GraphQL enum object of an enum field (for inputs that filter on it). */
export function fieldEnum(key: string): EnumValues {
  const found = FIELD_ENUMS.get(key);
  if (!found) throw new Error(`${key} is not an enum field of the catalog`);
  return found;
}

type GraphqlOutputType = GraphQLScalarType | NumberConstructor | BooleanConstructor | StringConstructor | EnumValues;

/** The GraphQL type of a catalog field's value. */
export function graphqlTypeOf(field: FieldDef): GraphqlOutputType {
  switch (field.type) {
    case 'integer':
      return Int;
    case 'decimal':
    case 'ratio':
      return Float;
    case 'money':
      return SafeIntResolver;
    case 'date':
      return LocalDateResolver;
    case 'boolean':
      return Boolean;
    case 'enum':
      return fieldEnum(field.key);
    case 'string':
    case 'code':
      return String;
  }
}

/** The name of that type as the SDL prints it (for the data dictionary). */
export function graphqlTypeNameOf(field: FieldDef): string {
  switch (field.type) {
    case 'integer':
      return 'Int';
    case 'decimal':
    case 'ratio':
      return 'Float';
    case 'money':
      return 'SafeInt';
    case 'date':
      return 'LocalDate';
    case 'boolean':
      return 'Boolean';
    case 'enum':
      return enumTypeName(field);
    case 'string':
    case 'code':
      return 'String';
  }
}

/** A field's description in the schema: English text, 中文, unit and what null means. */
export function fieldDescription(field: FieldDef): string {
  const unit = field.unit ? ` Unit: ${field.unit}.` : '';
  return `${field.en} (${field.zh}).${unit} Null means ${field.nullMeans}.`;
}

function buildSectionType(section: SectionKey): ClassType {
  const type = class {};
  Object.defineProperty(type, 'name', { value: sectionTypeName(section) });
  for (const field of fieldsOfSection(section)) {
    (Field(() => graphqlTypeOf(field), { nullable: true, description: fieldDescription(field) }) as PropertyDecorator)(type.prototype, graphqlNameOf(field.key));
  }
  const gate = PUBLIC_SECTIONS.includes(section) ? 'Public registry data, visible to every key.' : 'Visible to an institution only under a consent in force that covers it.';
  // Plain properties: no per-field middleware wrapper (a full profile has over 200 of them).
  ObjectType(sectionTypeName(section), { simpleResolvers: true, description: `The ${section} section of the enterprise profile (${fieldsOfSection(section).length} fields). ${gate}` })(type);
  return type;
}

/** The object type of each section. */
export const SECTION_TYPES: Readonly<Record<SectionKey, ClassType>> = Object.fromEntries(SECTIONS.map((s) => [s, buildSectionType(s)])) as Record<SectionKey, ClassType>;

/**
 * One section's values as its GraphQL object. Values keep their catalog form: numbers, `YYYY-MM-DD`
 * dates, booleans, and catalog enum values, which the generated enums turn into their names.
 */
export function toSectionObject(section: SectionKey, values: ReadonlyMap<string, FieldValue>): object {
  const object = new SECTION_TYPES[section]() as Record<string, FieldValue>;
  for (const [key, name] of SECTION_FIELD_NAMES[section]) object[name] = values.get(key) ?? null;
  return object;
}

/** Each section's catalog keys with their GraphQL names, worked out once. */
const SECTION_FIELD_NAMES = Object.fromEntries(SECTIONS.map((s) => [s, fieldsOfSection(s).map((f): [string, string] => [f.key, graphqlNameOf(f.key)])])) as unknown as Readonly<
  Record<SectionKey, ReadonlyArray<readonly [string, string]>>
>;
