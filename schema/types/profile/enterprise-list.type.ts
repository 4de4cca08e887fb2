import { Field, InputType, registerEnumType } from 'type-graphql';
import { ENTERPRISE_SORT_COLUMNS, ENTERPRISE_TAGS, type EnterpriseSortField, type EnterpriseTag, type SortDirection } from '../../../src/profile/read/enterprise-list.service';
import { connectionType } from '../../pagination/connection.type';
import { EnterpriseType } from '../enterprise.type';
import { fieldEnum } from './profile-sections.type';
import { ScoreGradeGql } from '../scoring/score.type';

/** Tags ↔ their boolean catalog fields: HIGH_TECH_ENTERPRISE ↔ high_tech_enterprise. */
export const EnterpriseTagGql = Object.fromEntries(ENTERPRISE_TAGS.map((t) => [t.toUpperCase(), t])) as { [K in EnterpriseTag as Uppercase<K>]: K };
registerEnumType(EnterpriseTagGql, { name: 'EnterpriseTag', description: 'Certifications on the registry record (the boolean identity fields highTechEnterprise, techSme, specializedSme).' });

export const EnterpriseOrderFieldGql = Object.fromEntries(Object.keys(ENTERPRISE_SORT_COLUMNS).map((k) => [k, k])) as { [K in EnterpriseSortField]: K };
registerEnumType(EnterpriseOrderFieldGql, {
  name: 'EnterpriseOrderField',
  description: 'What an enterprise list is sorted by; ties are broken by USCC, and enterprises without the value come last.',
  valuesConfig: {
    NAME: { description: 'Registered name.' },
    USCC: { description: 'Unified social credit code.' },
    ESTABLISHED_ON: { description: 'Date of establishment.' },
    REGISTERED_CAPITAL: { description: 'Registered capital (fen).' },
  },
});

export const OrderDirectionGql: { [K in SortDirection]: K } = { ASC: 'ASC', DESC: 'DESC' };
registerEnumType(OrderDirectionGql, { name: 'OrderDirection' });

const RegistrationStatusGql = fieldEnum('registration_status');
const IndustrySectionGql = fieldEnum('industry_section');

@InputType('EnterpriseFilter', { description: 'Narrows a list on public registry fields; every criterion given must hold, a list matches any of its values. Empty lists are refused: omit the criterion instead.' })
export class EnterpriseFilterInput {
  @Field(() => [String], { nullable: true, description: 'GB/T 2260 codes of the current district (currentDistrictCode), e.g. 370102.' })
  districts?: string[] | null;

  @Field(() => [IndustrySectionGql], { nullable: true, description: 'GB/T 4754 industry sections (industrySection).' })
  industrySections?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Start of the GB/T 4754 industry code (industryCode), e.g. I65.' })
  industryCodePrefix?: string | null;

  @Field(() => [RegistrationStatusGql], { nullable: true, description: 'Registration statuses (registrationStatus).' })
  registrationStatuses?: string[] | null;

  @Field(() => [EnterpriseTagGql], { nullable: true, description: 'Certifications the enterprise must all hold.' })
  tags?: EnterpriseTag[] | null;

  @Field(() => String, { nullable: true, description: 'Text the registered name contains (1–100 characters; % and _ match themselves).' })
  nameContains?: string | null;

  @Field(() => [ScoreGradeGql], { nullable: true, description: 'Grades of the current credit score (any of them); unscored enterprises and INSUFFICIENT_DATA never match. STEWARD and ADMIN only: FORBIDDEN for an INSTITUTION key, as the grade derives from consent-gated sections.' })
  scoreGrades?: string[] | null;
}

@InputType('EnterpriseOrder')
export class EnterpriseOrderInput {
  @Field(() => EnterpriseOrderFieldGql) field!: EnterpriseSortField;
  @Field(() => OrderDirectionGql, { defaultValue: 'ASC' }) direction!: SortDirection;
}

export const EnterpriseConnection = connectionType('Enterprise', EnterpriseType);
