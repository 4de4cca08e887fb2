import { LocalDateResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { PUBLIC_SECTIONS } from '../../../src/access/consent-rules';
import { SECTIONS, type SectionKey } from '../../../src/profile/catalog/field.types';
import type { StoredProfile } from '../../../src/profile/read/profile-read.service';
import { graphqlNameOf } from './profile-naming';
import { SECTION_TYPES } from './profile-sections.type';

/**
 * An enterprise's current profile. `Enterprise.profile` reads the sections the query selects, with
 * the row, and fills those the caller may see; a section is null when it is withheld from the caller
 * (`Enterprise.access` says why). Section fields are plain properties: no resolver per section.
 */
@ObjectType('Profile', { description: 'The enterprise profile as last computed, by section. A section is null when withheld from your key; `Enterprise.access` says why.' })
export class ProfileType {
  /** Not exposed: the enterprise the sections are resolved for. */
  uscc!: string;

  @Field(() => LocalDateResolver, { description: 'The date the profile describes (China Standard Time).' })
  asOf!: string;

  @Field(() => Date, { description: 'When the profile was computed.' })
  computedAt!: Date;

  @Field(() => String, { description: 'The catalog version the values were computed under (see profileFields).' })
  catalogVersion!: string;

  static from(row: StoredProfile, sections: ReadonlyMap<SectionKey, object> = new Map()): ProfileType {
    const profile = Object.assign(new ProfileType(), { uscc: row.uscc, asOf: row.asOf, computedAt: row.computedAt, catalogVersion: row.catalogVersion }) as ProfileType & Record<string, object | null>;
    for (const section of SECTIONS) profile[sectionFieldName(section)] = sections.get(section) ?? null;
    return profile;
  }
}

const SECTION_FIELD_NAMES = new Map(SECTIONS.map((s) => [s, graphqlNameOf(s)]));

/** The Profile field that holds a section: `intellectual_property` → `intellectualProperty`. */
export const sectionFieldName = (section: SectionKey): string => SECTION_FIELD_NAMES.get(section)!;

for (const section of SECTIONS) {
  const gate = PUBLIC_SECTIONS.includes(section) ? 'Public: never withheld.' : 'Null when withheld: your institution has no consent in force covering it.';
  (Field(() => SECTION_TYPES[section], { nullable: true, description: `The ${section} section. ${gate}` }) as PropertyDecorator)(ProfileType.prototype, sectionFieldName(section));
}
