import { Field, ID, ObjectType } from 'type-graphql';
import type { InstitutionRef } from '../../../src/access/api-keys.service';

@ObjectType('Institution', { description: 'A financial institution (bank, guarantor, insurer) whose keys query profiles and record financing.' })
export class InstitutionType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Short stable identifier, e.g. `qilu-bank`.' })
  code!: string;

  @Field(() => String)
  name!: string;

  static from(institution: InstitutionRef): InstitutionType {
    return Object.assign(new InstitutionType(), { id: String(institution.id), code: institution.code, name: institution.name });
  }
}
