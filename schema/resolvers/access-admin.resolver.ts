import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { apiKeyView, countApiKeys, createApiKey, createInstitution, describePrincipal, findInstitution, listApiKeys, listInstitutions, revokeApiKey } from '../../src/access/api-keys.service';
import { parseRowId } from '../../src/access/ids';
import { requirePrincipal } from '../auth/require-principal';
import type { GraphqlContext } from '../context';
import { toConnection, type Connection } from '../pagination/connection.type';
import { decodeCursor, encodeCursor, pageSize } from '../pagination/page-args';
import { ApiKeyConnection, ApiKeyType, CreatedApiKeyType } from '../types/access/api-key.type';
import { InstitutionType } from '../types/access/institution.type';
import { PrincipalType } from '../types/access/principal.type';
import { RoleGql } from '../types/access/role.enum';

const API_KEY_CURSOR = 'apiKeys';

/** Who am I, and the admins' registry of institutions and API keys. Resolvers only parse and delegate. */
@Resolver()
export class AccessAdminResolver {
  @Authorized()
  @Query(() => PrincipalType, { description: 'The principal behind the API key of this request.' })
  async me(@Ctx() ctx: GraphqlContext): Promise<PrincipalType> {
    return PrincipalType.from(await describePrincipal(ctx.runtime.db, requirePrincipal(ctx)));
  }

  @Authorized('ADMIN')
  @Query(() => [InstitutionType], { description: 'Every institution, by code. ADMIN only.' })
  async institutions(@Ctx() { runtime }: GraphqlContext): Promise<InstitutionType[]> {
    return (await listInstitutions(runtime.db)).map(InstitutionType.from);
  }

  @Authorized('ADMIN')
  @Mutation(() => InstitutionType, { description: 'Registers an institution. ADMIN only; a code in use is CONFLICT.' })
  async createInstitution(
    @Ctx() { runtime }: GraphqlContext,
    @Arg('code', () => String, { description: '2–64 lower-case letters, digits or hyphens, e.g. `qilu-bank`.' }) code: string,
    @Arg('name', () => String) name: string,
  ): Promise<InstitutionType> {
    return InstitutionType.from(await createInstitution(runtime.db, { code, name }));
  }

  @Authorized('ADMIN')
  @Query(() => ApiKeyConnection, { description: 'API keys in creation order. ADMIN only; keys themselves are never shown again, only their prefixes.' })
  async apiKeys(
    @Ctx() { runtime }: GraphqlContext,
    @Arg('institutionCode', () => String, { nullable: true, description: 'Only this institution’s keys.' }) institutionCode?: string | null,
    @Arg('activeOnly', () => Boolean, { defaultValue: false, description: 'Leave revoked keys out.' }) activeOnly = false,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<ApiKeyType>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(API_KEY_CURSOR, after, 1);
    const afterId = cursor === null ? null : parseRowId(cursor[0] ?? '', 'after');
    const institutionId = institutionCode ? Number((await findInstitution(runtime.db, institutionCode)).id) : null;
    const filter = { institutionId, activeOnly };
    const [rows, total] = await Promise.all([listApiKeys(runtime.db, { ...filter, afterId, limit: limit + 1 }), countApiKeys(runtime.db, filter)]);
    return toConnection(rows.map(ApiKeyType.from), limit, total, (k) => encodeCursor(API_KEY_CURSOR, [Number(k.id)]));
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedApiKeyType, { description: 'Mints an API key. ADMIN only. The key is in the answer once and never again: store it now.' })
  async createApiKey(
    @Ctx() { runtime }: GraphqlContext,
    @Arg('name', () => String, { description: 'Who or what holds the key, e.g. `credit-desk`.' }) name: string,
    @Arg('role', () => RoleGql) role: RoleGql,
    @Arg('institutionCode', () => String, { nullable: true, description: 'Required for INSTITUTION keys; must be left out for STEWARD and ADMIN keys.' }) institutionCode?: string | null,
  ): Promise<CreatedApiKeyType> {
    const created = await createApiKey(runtime.db, { name, role, institutionCode });
    return Object.assign(new CreatedApiKeyType(), { key: created.key, apiKey: ApiKeyType.from(apiKeyView(created.record, created.institution)) });
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiKeyType, { description: 'Revokes an API key: the next request with it gets UNAUTHENTICATED. ADMIN only; revoking a revoked key changes nothing.' })
  async revokeApiKey(@Ctx() { runtime, principals }: GraphqlContext, @Arg('id', () => ID) id: string): Promise<ApiKeyType> {
    const revoked = await revokeApiKey(runtime.db, parseRowId(id));
    principals.forgetKey(Number(revoked.id));
    return ApiKeyType.from(revoked);
  }
}
