import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { FieldDef, FieldType } from '../../../src/profile/catalog/field.types';
import type { FieldReading } from '../../../src/profile/read/profile-read.service';
import { fromSectionKey, ProfileSection } from '../access/profile-section.enum';
import { WithheldSectionType } from './profile-access.type';
import { ProfileFieldTypeGql } from './profile-field-type.enum';
import { graphqlNameOf } from './profile-naming';
import { typedValue, valueText } from './profile-values';

@ObjectType('ProfileFieldValue', {
  description:
    'One profile field with its value and provenance. `value` is the canonical text of any type; `number`, `text` and `flag` give it typed. When the field\'s section is withheld from you, `withheld` says why and the value and provenance are null.',
})
export class ProfileFieldValueType {
  @Field(() => String, { description: 'Catalog key, e.g. `registered_capital`.' }) key!: string;
  @Field(() => String, { description: 'The field in its section type, e.g. `registeredCapital`.' }) graphqlName!: string;
  @Field(() => ProfileSection) section!: ProfileSection;
  @Field(() => ProfileFieldTypeGql) type!: FieldType;

  @Field(() => String, {
    nullable: true,
    description:
      'The value as text: integers and money (CNY fen) in digits, decimals and ratios with the field\'s scale, dates YYYY-MM-DD, booleans true/false, enum values as their GraphQL names (MOVED_OUT), text and codes as stored. Null: no value (see the field\'s nullMeans) or withheld.',
  })
  value!: string | null;

  @Field(() => Float, { nullable: true, description: 'INTEGER, DECIMAL, RATIO and MONEY (fen, exact below 2^53) values as a number.' }) number!: number | null;
  @Field(() => String, { nullable: true, description: 'DATE, ENUM, STRING and CODE values as text (same as `value`).' }) text!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'BOOLEAN values.' }) flag!: boolean | null;
  @Field(() => String, { nullable: true }) unit!: string | null;

  @Field(() => [String], { nullable: true, description: 'Connectors whose records the value was computed from (the declared sources when no record was needed).' })
  sources!: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'raw_record ids of those records.' }) sourceRecordIds!: string[] | null;

  @Field(() => Date, { nullable: true, description: 'When the newest of those records was updated at its source (the computation time when there were none).' })
  observedAt!: Date | null;

  @Field(() => Int, { nullable: true, description: "Days from observedAt (China Standard Time date) to the profile's as-of date; negative when observed after it." })
  freshnessDays!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the profile holding the value was computed.' }) computedAt!: Date | null;

  @Field(() => WithheldSectionType, { nullable: true, description: 'Set when the section is withheld from you; then nothing else of the value is served.' })
  withheld!: WithheldSectionType | null;

  static from(r: FieldReading): ProfileFieldValueType {
    return Object.assign(ProfileFieldValueType.bare(r.field), {
      value: valueText(r.field, r.value),
      ...typedValue(r.field, r.value),
      sources: [...r.sources],
      sourceRecordIds: [...r.recordIds],
      observedAt: r.observedAt,
      freshnessDays: r.freshnessDays,
      computedAt: r.computedAt,
    });
  }

  static withheldFrom(field: FieldDef, withheld: WithheldSectionType): ProfileFieldValueType {
    return Object.assign(ProfileFieldValueType.bare(field), { withheld });
  }

  private static bare(field: FieldDef): ProfileFieldValueType {
    return Object.assign(new ProfileFieldValueType(), {
      key: field.key,
      graphqlName: graphqlNameOf(field.key),
      section: fromSectionKey(field.section),
      type: field.type,
      unit: field.unit,
      value: null,
      number: null,
      text: null,
      flag: null,
      sources: null,
      sourceRecordIds: null,
      observedAt: null,
      freshnessDays: null,
      computedAt: null,
      withheld: null,
    });
  }
}
