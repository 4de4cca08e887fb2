import { Field, ObjectType } from 'type-graphql';
import type { PrincipalView } from '../../../src/access/api-keys.service';
import { InstitutionType } from './institution.type';
import { RoleGql } from './role.enum';

@ObjectType('Principal', { description: 'Who is asking: the holder of the API key sent with the request.' })
export class PrincipalType {
  @Field(() => String, { description: 'The key’s name, e.g. `credit-desk`; `bootstrap-admin` for HUB_BOOTSTRAP_ADMIN_KEY.' })
  name!: string;

  @Field(() => RoleGql)
  role!: RoleGql;

  @Field(() => InstitutionType, { nullable: true, description: 'Set for INSTITUTION keys only.' })
  institution!: InstitutionType | null;

  @Field(() => String, { nullable: true, description: 'The key’s first characters, e.g. `thk_3fA9`; null for the bootstrap admin key, which is not stored.' })
  keyPrefix!: string | null;

  static from(p: PrincipalView): PrincipalType {
    return Object.assign(new PrincipalType(), { name: p.name, role: p.role, institution: p.institution ? InstitutionType.from(p.institution) : null, keyPrefix: p.keyPrefix });
  }
}
