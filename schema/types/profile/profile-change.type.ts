import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { fieldByKey } from '../../../src/profile/catalog/catalog';
import type { StoredChange } from '../../../src/profile/read/profile-changes.service';
import { connectionType } from '../../pagination/connection.type';
import { fromSectionKey, ProfileSection } from '../access/profile-section.enum';
import { graphqlNameOf } from './profile-naming';
import { valueText } from './profile-values';

@ObjectType('ProfileChange', { description: "One field of the enterprise's profile changing value, from the change log. Values are canonical text as in ProfileFieldValue.value." })
export class ProfileChangeType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Catalog key of the field.' }) key!: string;
  @Field(() => String) graphqlName!: string;
  @Field(() => ProfileSection) section!: ProfileSection;
  @Field(() => String, { nullable: true, description: 'The value before; null: it had none.' }) oldValue!: string | null;
  @Field(() => String, { nullable: true, description: 'The value after; null: it has none.' }) newValue!: string | null;
  @Field(() => Date) changedAt!: Date;
  @Field(() => LocalDateResolver, { description: 'As-of date of the profile computation that recorded the change.' }) asOf!: string;

  /** Only changes of catalog fields are read (the service filters on catalog keys). */
  static from(c: StoredChange): ProfileChangeType {
    const field = fieldByKey(c.fieldKey)!;
    return Object.assign(new ProfileChangeType(), {
      id: c.id,
      key: c.fieldKey,
      graphqlName: graphqlNameOf(c.fieldKey),
      section: fromSectionKey(field.section),
      oldValue: valueText(field, c.oldValue),
      newValue: valueText(field, c.newValue),
      changedAt: c.changedAt,
      asOf: c.asOf,
    });
  }
}

export const ProfileChangeConnection = connectionType('ProfileChange', ProfileChangeType);
