import { Field, ID, ObjectType } from 'type-graphql';
import type { AccessLogRow } from '../../../src/access/access-log.service';
import { connectionType } from '../../pagination/connection.type';
import { InstitutionType } from './institution.type';
import { fromSectionKey, ProfileSection } from './profile-section.enum';
import { RoleGql } from './role.enum';

@ObjectType('AccessLogEntry', { description: 'One read of one enterprise’s profile: who read what, withheld what, why and when.' })
export class AccessLogEntryType {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { description: 'The name of the key that read it.' })
  principalName!: string;

  @Field(() => RoleGql)
  role!: RoleGql;

  @Field(() => InstitutionType, { nullable: true, description: 'The reader’s institution; null for platform keys.' })
  institution!: InstitutionType | null;

  @Field(() => String, { description: 'The enterprise read (USCC).' })
  uscc!: string;

  @Field(() => [ProfileSection], { description: 'Sections served.' })
  sections!: ProfileSection[];

  @Field(() => [ProfileSection], { description: 'Sections withheld for want of a consent in force.' })
  withheld!: ProfileSection[];

  @Field(() => [String], { description: 'Purposes of the consents that opened the sections served (lower case, e.g. `credit_assessment`); `public` when none did, `platform` for stewards and admins.' })
  purposes!: string[];

  @Field(() => String, { description: 'The GraphQL operation name of the read, or `anonymous`.' })
  operation!: string;

  static from(r: AccessLogRow): AccessLogEntryType {
    return Object.assign(new AccessLogEntryType(), {
      id: r.id,
      at: r.at,
      principalName: r.principalName,
      role: r.role as RoleGql,
      institution: r.institutionId !== null && r.institutionCode !== null ? InstitutionType.from({ id: r.institutionId, code: r.institutionCode, name: r.institutionName ?? '' }) : null,
      uscc: r.uscc,
      sections: r.sections.map(fromSectionKey),
      withheld: r.withheld.map(fromSectionKey),
      purposes: r.purpose === '' ? [] : r.purpose.split(','),
      operation: r.operation,
    });
  }
}

export const AccessLogEntryConnection = connectionType('AccessLogEntry', AccessLogEntryType);
