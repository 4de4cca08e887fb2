import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { countConsents, grantConsent, listConsents, parseUscc, revokeConsent } from '../../src/access/consent.service';
import { parseRowId } from '../../src/access/ids';
import { institutionScope } from '../../src/access/visibility';
import { HubError } from '../../src/errors/hub-error';
import { requirePrincipal } from '../auth/require-principal';
import type { GraphqlContext } from '../context';
import { toConnection, type Connection } from '../pagination/connection.type';
import { decodeCursor, encodeCursor, pageSize } from '../pagination/page-args';
import { toPurposeKey } from '../types/access/consent-purpose.enum';
import { ConsentConnection, ConsentType, GrantConsentInput } from '../types/access/consent.type';
import { toSectionKey } from '../types/access/profile-section.enum';

const CONSENT_CURSOR = 'consents';

/** Enterprises' consents: stewards record and revoke them; institutions list their own. */
@Resolver()
export class ConsentResolver {
  @Authorized('STEWARD', 'ADMIN')
  @Mutation(() => ConsentType, { description: 'Records an enterprise’s consent from its signed authorisation. STEWARD or ADMIN.' })
  async grantConsent(@Ctx() ctx: GraphqlContext, @Arg('input', () => GrantConsentInput) input: GrantConsentInput): Promise<ConsentType> {
    if (input.sections && input.sections.length === 0) {
      throw new HubError('BAD_USER_INPUT', 'sections must name at least one section; leave it out to consent to every gated section', { details: { argument: 'sections' } });
    }
    const granted = await grantConsent(ctx.runtime.db, requirePrincipal(ctx), {
      uscc: input.uscc,
      institutionCode: input.institutionCode,
      sections: input.sections?.map(toSectionKey) ?? null,
      purpose: toPurposeKey(input.purpose),
      grantedAt: input.grantedAt ?? undefined,
      expiresAt: input.expiresAt,
    });
    return ConsentType.from(granted, new Date());
  }

  @Authorized('STEWARD', 'ADMIN')
  @Mutation(() => ConsentType, { description: 'Revokes a consent from now on. STEWARD or ADMIN; revoking a revoked consent changes nothing.' })
  async revokeConsent(@Ctx() { runtime }: GraphqlContext, @Arg('id', () => ID) id: string): Promise<ConsentType> {
    return ConsentType.from(await revokeConsent(runtime.db, parseRowId(id)), new Date());
  }

  @Authorized()
  @Query(() => ConsentConnection, { description: 'Consents, newest first. STEWARD and ADMIN see all; an INSTITUTION key sees its own institution’s only.' })
  async consents(
    @Ctx() ctx: GraphqlContext,
    @Arg('uscc', () => String, { nullable: true, description: 'Only this enterprise’s.' }) uscc?: string | null,
    @Arg('institutionCode', () => String, { nullable: true, description: 'Only this institution’s (an INSTITUTION key may name only its own).' }) institutionCode?: string | null,
    @Arg('inForceOnly', () => Boolean, { defaultValue: false, description: 'Only those in force now: granted, not expired, not revoked.' }) inForceOnly = false,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<ConsentType>> {
    const { db } = ctx.runtime;
    const limit = pageSize(first);
    const cursor = decodeCursor(CONSENT_CURSOR, after, 1);
    const beforeId = cursor === null ? null : parseRowId(cursor[0] ?? '', 'after');
    const now = new Date();
    const filter = {
      uscc: uscc === null || uscc === undefined ? null : parseUscc(uscc),
      institutionId: await institutionScope(db, requirePrincipal(ctx), institutionCode),
      inForceAt: inForceOnly ? now : null,
    };
    const [rows, total] = await Promise.all([listConsents(db, { ...filter, beforeId, limit: limit + 1 }), countConsents(db, filter)]);
    return toConnection(rows.map((c) => ConsentType.from(c, now)), limit, total, (c) => encodeCursor(CONSENT_CURSOR, [Number(c.id)]));
  }
}
