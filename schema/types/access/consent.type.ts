import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { consentStatus, type ConsentStatus } from '../../../src/access/consent-rules';
import type { ConsentView } from '../../../src/access/consent.service';
import { connectionType } from '../../pagination/connection.type';
import { ConsentPurposeGql, fromPurposeKey } from './consent-purpose.enum';
import { InstitutionType } from './institution.type';
import { fromSectionKey, ProfileSection } from './profile-section.enum';

export const ConsentStatusGql = { IN_FORCE: 'IN_FORCE', NOT_YET_IN_FORCE: 'NOT_YET_IN_FORCE', EXPIRED: 'EXPIRED', REVOKED: 'REVOKED' } as const satisfies { [S in ConsentStatus]: S };
export type ConsentStatusGql = ConsentStatus;
registerEnumType(ConsentStatusGql, { name: 'ConsentStatus', description: 'Where a consent stands when the request is answered.' });

@ObjectType('Consent', { description: 'An enterprise’s authorisation for one institution to read sections of its profile, for a purpose, until it expires or is revoked.' })
export class ConsentType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The enterprise’s USCC.' })
  uscc!: string;

  @Field(() => InstitutionType)
  institution!: InstitutionType;

  @Field(() => [ProfileSection], { description: 'The consent-gated sections it opens.' })
  sections!: ProfileSection[];

  @Field(() => ConsentPurposeGql)
  purpose!: ConsentPurposeGql;

  @Field(() => Date, { description: 'In force from this instant (inclusive).' })
  grantedAt!: Date;

  @Field(() => Date, { description: 'In force until this instant (exclusive).' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => ConsentStatusGql)
  status!: ConsentStatusGql;

  static from(c: ConsentView, at: Date): ConsentType {
    return Object.assign(new ConsentType(), {
      id: String(c.id),
      uscc: c.uscc,
      institution: InstitutionType.from(c.institution),
      sections: c.sections.map(fromSectionKey),
      purpose: fromPurposeKey(c.purpose),
      grantedAt: c.grantedAt,
      expiresAt: c.expiresAt,
      revokedAt: c.revokedAt,
      status: consentStatus(c, at),
    });
  }
}

@InputType('GrantConsentInput', { description: 'A consent as the enterprise signed it.' })
export class GrantConsentInput {
  @Field(() => String, { description: 'The enterprise’s USCC; lower case and surrounding spaces are accepted.' })
  uscc!: string;

  @Field(() => String, { description: 'The institution the enterprise authorises, e.g. `qilu-bank`.' })
  institutionCode!: string;

  @Field(() => [ProfileSection], { nullable: true, description: 'Consent-gated sections it opens (not IDENTITY, which is public); left out: all of them; an empty list is refused.' })
  sections?: ProfileSection[] | null;

  @Field(() => ConsentPurposeGql)
  purpose!: ConsentPurposeGql;

  @Field(() => Date, { nullable: true, description: 'When it comes into force; default now.' })
  grantedAt?: Date | null;

  @Field(() => Date, { description: 'When it ends; must be after grantedAt.' })
  expiresAt!: Date;
}

export const ConsentConnection = connectionType('Consent', ConsentType);
