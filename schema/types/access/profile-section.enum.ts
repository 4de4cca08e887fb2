import { registerEnumType } from 'type-graphql';
import { SECTIONS, type SectionKey } from '../../../src/profile/catalog/field.types';

/** The profile's sections as a GraphQL enum: `intellectual_property` ↔ `INTELLECTUAL_PROPERTY`. */
export const ProfileSection = Object.fromEntries(SECTIONS.map((s) => [s.toUpperCase(), s.toUpperCase()])) as Record<Uppercase<SectionKey>, Uppercase<SectionKey>>;
export type ProfileSection = Uppercase<SectionKey>;

registerEnumType(ProfileSection, { name: 'ProfileSection', description: 'A section of the 200-field enterprise profile.' });

export const toSectionKey = (section: ProfileSection): SectionKey => section.toLowerCase() as SectionKey;
export const fromSectionKey = (section: SectionKey): ProfileSection => section.toUpperCase() as ProfileSection;
