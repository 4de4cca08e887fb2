import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { HubError } from '../../src/errors/hub-error';
import { requirePrincipal } from '../auth/require-principal';
import type { GraphqlContext } from '../context';
import { accessLogPageLoader } from '../loaders/access-log.loaders';
import { toConnection, type Connection } from '../pagination/connection.type';
import { decodeCursor, encodeCursor, pageSize } from '../pagination/page-args';
import { AccessLogEntryConnection, AccessLogEntryType } from '../types/access/access-log-entry.type';
import { EnterpriseType } from '../types/enterprise.type';

const CURSOR = 'enterprise-access-log';

/** `Enterprise.accessLog`: on the enterprise's record, who read its profile, when, and why. */
@Resolver(() => EnterpriseType)
export class EnterpriseAccessLogResolver {
  @Authorized()
  @FieldResolver(() => AccessLogEntryConnection, {
    description: 'Reads of this enterprise’s profile, newest first: who, which sections were served or withheld, the purpose, when. STEWARD and ADMIN see every read; an INSTITUTION key its own institution’s.',
  })
  async accessLog(
    @Root() enterprise: EnterpriseType,
    @Ctx() ctx: GraphqlContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
  ): Promise<Connection<AccessLogEntryType>> {
    requirePrincipal(ctx);
    const limit = pageSize(first);
    const cursor = decodeCursor(CURSOR, after, 1);
    const beforeId = cursor === null ? null : String(cursor[0]);
    if (beforeId !== null && !/^[1-9][0-9]{0,19}$/.test(beforeId)) throw new HubError('BAD_USER_INPUT', `after is not a cursor of this list (${CURSOR})`, { details: { argument: 'after' } });
    const page = await ctx.loaders.get(accessLogPageLoader).load({ uscc: enterprise.uscc, beforeId, limit: limit + 1 });
    return toConnection(page.rows.map(AccessLogEntryType.from), limit, page.total, (e) => encodeCursor(CURSOR, [e.id]));
  }
}
