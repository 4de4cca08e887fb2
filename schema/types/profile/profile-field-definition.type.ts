import { Field, Int, ObjectType } from 'type-graphql';
import type { FieldDef, FieldType } from '../../../src/profile/catalog/field.types';
import { DEFAULT_LENGTH, DEFAULT_SCALE } from '../../../src/profile/storage/profile-columns';
import { fromSectionKey, ProfileSection } from '../access/profile-section.enum';
import { ProfileFieldTypeGql } from './profile-field-type.enum';
import { enumValueName, graphqlNameOf } from './profile-naming';
import { graphqlTypeNameOf } from './profile-sections.type';

@ObjectType('ProfileEnumValue', { description: 'A value an enum field can take.' })
export class ProfileEnumValueType {
  @Field(() => String, { description: 'As the API serves it, e.g. MOVED_OUT.' }) name!: string;
  @Field(() => String, { description: 'As the catalog and storage spell it, e.g. moved_out.' }) catalogValue!: string;
}

@ObjectType('ProfileFieldDefinition', { description: 'One field of the profile data dictionary, as the catalog declares it.' })
export class ProfileFieldDefinitionType {
  @Field(() => String, { description: 'Stable snake_case key (storage column; `fields(keys:)` takes it).' }) key!: string;
  @Field(() => String, { description: 'The field in its section type (camelCase).' }) graphqlName!: string;
  @Field(() => ProfileSection) section!: ProfileSection;
  @Field(() => ProfileFieldTypeGql) type!: FieldType;
  @Field(() => String, { description: 'The GraphQL type of the value in its section type, e.g. SafeInt or RegistrationStatus.' }) graphqlType!: string;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => Int, { nullable: true, description: 'Decimal places kept (DECIMAL, RATIO).' }) scale!: number | null;
  @Field(() => Int, { nullable: true, description: 'Longest value in characters (STRING, CODE).' }) maxLength!: number | null;
  @Field(() => String, { description: '中文说明.' }) zh!: string;
  @Field(() => String, { description: 'English description.' }) en!: string;
  @Field(() => [String], { description: 'Connectors (or `profile`, for fields computed from other fields) the value comes from.' }) sources!: string[];
  @Field(() => String, { description: 'Which records, which window, which formula.' }) derivation!: string;
  @Field(() => String, { description: 'What a null value means for this field.' }) nullMeans!: string;
  @Field(() => [ProfileEnumValueType], { nullable: true, description: 'For ENUM fields: every value it can take.' }) enumValues!: ProfileEnumValueType[] | null;

  static from(f: FieldDef): ProfileFieldDefinitionType {
    return Object.assign(new ProfileFieldDefinitionType(), {
      key: f.key,
      graphqlName: graphqlNameOf(f.key),
      section: fromSectionKey(f.section),
      type: f.type,
      graphqlType: graphqlTypeNameOf(f),
      unit: f.unit,
      scale: f.type === 'decimal' || f.type === 'ratio' ? (f.scale ?? DEFAULT_SCALE[f.type]) : null,
      maxLength: f.type === 'string' || f.type === 'code' ? (f.maxLength ?? DEFAULT_LENGTH[f.type]) : null,
      zh: f.zh,
      en: f.en,
      sources: [...f.sources],
      derivation: f.derivation,
      nullMeans: f.nullMeans,
      enumValues: f.type === 'enum' ? (f.values ?? []).map((v) => Object.assign(new ProfileEnumValueType(), { name: enumValueName(v), catalogValue: v })) : null,
    });
  }
}
