import { GraphQLEnumType, GraphQLNonNull, GraphQLObjectType, GraphQLScalarType, getNamedType, isNonNullType, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../../../schema/auth/auth-checker';
import { EnterpriseResolver } from '../../../schema/resolvers/enterprise.resolver';
import { ProfileDictionaryResolver } from '../../../schema/resolvers/profile-dictionary.resolver';
import { enumValueName, graphqlNameOf, sectionTypeName } from '../../../schema/types/profile/profile-naming';
import { toSectionObject } from '../../../schema/types/profile/profile-sections.type';
import { typedValue, valueText } from '../../../schema/types/profile/profile-values';
import { fieldByKey, fieldsOfSection, PROFILE_FIELDS } from '../../../src/profile/catalog/catalog';
import { SECTIONS, type FieldType, type FieldValue } from '../../../src/profile/catalog/field.types';

/** The scalar each catalog type must have in the typed sections (enums are checked separately). */
const EXPECTED: Record<Exclude<FieldType, 'enum'>, string> = {
  integer: 'Int',
  decimal: 'Float',
  ratio: 'Float',
  money: 'SafeInt',
  date: 'LocalDate',
  boolean: 'Boolean',
  string: 'String',
  code: 'String',
};

describe('profile types generated from the catalog', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildSchema({ resolvers: [EnterpriseResolver, ProfileDictionaryResolver], authChecker, authMode: 'error', validate: false });
  });

  const objectType = (name: string): GraphQLObjectType => {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`${name} is not an object type of the schema`);
    return type;
  };

  it('has every catalog field, nullable, with the type its catalog type fixes and a description', () => {
    let checked = 0;
    for (const field of PROFILE_FIELDS) {
      const gql = objectType(sectionTypeName(field.section)).getFields()[graphqlNameOf(field.key)];
      expect(gql).toBeDefined();
      expect(isNonNullType(gql!.type)).toBe(false);
      const named = getNamedType(gql!.type);
      if (field.type === 'enum') {
        expect(named).toBeInstanceOf(GraphQLEnumType);
        const values = (named as GraphQLEnumType).getValues();
        expect(values.map((v) => v.name)).toEqual(field.values!.map(enumValueName));
        expect(values.map((v) => v.value)).toEqual([...field.values!]);
      } else {
        expect(named).toBeInstanceOf(GraphQLScalarType);
        expect(`${field.key}: ${named.name}`).toBe(`${field.key}: ${EXPECTED[field.type]}`);
      }
      expect(gql!.description).toContain(field.en);
      expect(gql!.description).toContain(field.nullMeans);
      if (field.unit) expect(gql!.description).toContain(`Unit: ${field.unit}.`);
      checked += 1;
    }
    expect(checked).toBe(PROFILE_FIELDS.length);
    expect(checked).toBeGreaterThanOrEqual(200);
  });

  it('has no section field the catalog does not declare', () => {
    for (const section of SECTIONS) {
      expect(Object.keys(objectType(sectionTypeName(section)).getFields()).sort()).toEqual(fieldsOfSection(section).map((f) => graphqlNameOf(f.key)).sort());
    }
  });

  it('gives Profile its metadata and every section as a nullable field', () => {
    const profile = objectType('Profile').getFields();
    expect(String(profile.asOf!.type)).toBe('LocalDate!');
    expect(String(profile.computedAt!.type)).toBe('DateTimeISO!');
    expect(String(profile.catalogVersion!.type)).toBe('String!');
    for (const section of SECTIONS) {
      const field = profile[graphqlNameOf(section)];
      expect(field?.type).toBe(objectType(sectionTypeName(section)));
      expect(field?.type).not.toBeInstanceOf(GraphQLNonNull);
    }
  });

  it('serves the query fields of the contract', () => {
    const query = schema.getQueryType()!.getFields();
    expect(String(query.enterprise!.type)).toBe('Enterprise!');
    expect(String(query.enterprises!.type)).toBe('EnterpriseConnection!');
    expect(String(query.profileFields!.type)).toBe('[ProfileFieldDefinition!]!');
    const enterprise = objectType('Enterprise').getFields();
    expect(Object.keys(enterprise)).toEqual(expect.arrayContaining(['uscc', 'name', 'profile', 'access', 'fields', 'changes']));
    expect(String(enterprise.changes!.type)).toBe('ProfileChangeConnection!');
    expect(String(objectType('ProfileAccess').getFields().withheld!.type)).toBe('[WithheldSection!]!');
    expect((schema.getType('WithheldReason') as GraphQLEnumType).getValues().map((v) => v.name).sort()).toEqual(['CONSENT_EXPIRED', 'CONSENT_REVOKED', 'NOT_IN_CONSENT_SCOPE', 'NO_CONSENT']);
  });

  it('names fields camelCase and enum values UPPER_SNAKE', () => {
    expect(graphqlNameOf('name_changes_36m')).toBe('nameChanges36m');
    expect(graphqlNameOf('top3_holders_share')).toBe('top3HoldersShare');
    expect(sectionTypeName('intellectual_property')).toBe('IntellectualPropertySection');
    expect(enumValueName('moved_out')).toBe('MOVED_OUT');
  });

  it('maps stored values to section objects and canonical text', () => {
    const values = new Map<string, FieldValue>(fieldsOfSection('identity').map((f) => [f.key, null]));
    values.set('registration_status', 'moved_out');
    values.set('registered_capital', 123_456_789_012);
    const object = toSectionObject('identity', values) as Record<string, unknown>;
    expect(object.registrationStatus).toBe('moved_out');
    expect(object.registeredCapital).toBe(123_456_789_012);
    expect(object.establishedOn).toBeNull();
    const status = fieldByKey('registration_status')!;
    expect(valueText(status, 'moved_out')).toBe('MOVED_OUT');
    expect(typedValue(status, 'moved_out')).toEqual({ number: null, text: 'MOVED_OUT', flag: null });
    expect(valueText(fieldByKey('paid_in_ratio')!, 0.5)).toBe('0.5000');
    expect(typedValue(fieldByKey('registered_capital')!, 100)).toEqual({ number: 100, text: null, flag: null });
    expect(valueText(fieldByKey('high_tech_enterprise')!, false)).toBe('false');
  });
});
