import { Arg, Authorized, Query, Resolver } from 'type-graphql';
import { fieldsOfSection, PROFILE_FIELDS } from '../../src/profile/catalog/catalog';
import { ProfileSection, toSectionKey } from '../types/access/profile-section.enum';
import { ProfileFieldDefinitionType } from '../types/profile/profile-field-definition.type';

/** The profile's data dictionary, straight from the catalog. */
@Resolver()
export class ProfileDictionaryResolver {
  @Authorized()
  @Query(() => [ProfileFieldDefinitionType], { description: 'The profile data dictionary: every catalog field (of one section, if given), in catalog order.' })
  profileFields(@Arg('section', () => ProfileSection, { nullable: true }) section: ProfileSection | null): ProfileFieldDefinitionType[] {
    return (section ? fieldsOfSection(toSectionKey(section)) : PROFILE_FIELDS).map(ProfileFieldDefinitionType.from);
  }
}
