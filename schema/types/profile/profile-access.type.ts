import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { WithheldReason } from '../../../src/access/consent-rules';
import type { EnterpriseAccess } from '../../../src/profile/read/profile-access';
import { fromSectionKey, ProfileSection } from '../access/profile-section.enum';

export const WithheldReasonGql: { [K in WithheldReason]: K } = {
  NO_CONSENT: 'NO_CONSENT',
  CONSENT_EXPIRED: 'CONSENT_EXPIRED',
  CONSENT_REVOKED: 'CONSENT_REVOKED',
  NOT_IN_CONSENT_SCOPE: 'NOT_IN_CONSENT_SCOPE',
};
registerEnumType(WithheldReasonGql, {
  name: 'WithheldReason',
  description: 'Why a section is withheld from an institution.',
  valuesConfig: {
    NO_CONSENT: { description: 'The enterprise has granted your institution no consent.' },
    CONSENT_EXPIRED: { description: 'Your consents covering the section have expired or are not yet in force.' },
    CONSENT_REVOKED: { description: 'The enterprise revoked your consents covering the section.' },
    NOT_IN_CONSENT_SCOPE: { description: 'Your institution has consents, but none covers the section.' },
  },
});

@ObjectType('WithheldSection', { description: 'A profile section you may not see, and why.' })
export class WithheldSectionType {
  @Field(() => ProfileSection) section!: ProfileSection;
  @Field(() => WithheldReasonGql) reason!: WithheldReason;
  @Field(() => String, { description: 'The reason in words.' }) message!: string;
}

@ObjectType('ProfileAccess', { description: "What your key may see of this enterprise's profile right now." })
export class ProfileAccessType {
  @Field(() => [ProfileSection], { description: 'Sections served to you: identity always; gated sections under a consent in force for your institution; all for stewards and admins.' })
  visibleSections!: ProfileSection[];

  @Field(() => [WithheldSectionType])
  withheld!: WithheldSectionType[];

  static from(a: EnterpriseAccess): ProfileAccessType {
    return Object.assign(new ProfileAccessType(), {
      visibleSections: a.access.visible.map(fromSectionKey),
      withheld: a.access.withheld.map((w) => Object.assign(new WithheldSectionType(), { section: fromSectionKey(w.section), reason: w.reason, message: w.message })),
    });
  }
}
