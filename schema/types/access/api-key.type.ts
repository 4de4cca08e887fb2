import { Field, ID, ObjectType } from 'type-graphql';
import type { ApiKeyView } from '../../../src/access/api-keys.service';
import { connectionType } from '../../pagination/connection.type';
import { InstitutionType } from './institution.type';
import { RoleGql } from './role.enum';

@ObjectType('ApiKey', { description: 'An API key as stored: never the key itself, only its prefix to recognise it by.' })
export class ApiKeyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The key’s first characters, e.g. `thk_3fA9`.' })
  prefix!: string;

  @Field(() => String, { description: 'Who or what holds the key, e.g. `credit-desk`.' })
  name!: string;

  @Field(() => RoleGql)
  role!: RoleGql;

  @Field(() => InstitutionType, { nullable: true, description: 'Set for INSTITUTION keys only.' })
  institution!: InstitutionType | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; from then on every request with it gets UNAUTHENTICATED.' })
  revokedAt!: Date | null;

  static from(k: ApiKeyView): ApiKeyType {
    return Object.assign(new ApiKeyType(), {
      id: String(k.id),
      prefix: k.keyPrefix,
      name: k.name,
      role: k.role,
      institution: k.institution ? InstitutionType.from(k.institution) : null,
      createdAt: k.createdAt,
      revokedAt: k.revokedAt,
    });
  }
}

@ObjectType('CreatedApiKey', { description: 'A new key: `key` is shown this once and cannot be recovered; store it now.' })
export class CreatedApiKeyType {
  @Field(() => String, { description: 'The key to send as `Authorization: Bearer <key>`. Shown once: only its hash is stored.' })
  key!: string;

  @Field(() => ApiKeyType)
  apiKey!: ApiKeyType;
}

export const ApiKeyConnection = connectionType('ApiKey', ApiKeyType);
